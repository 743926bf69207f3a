package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/register"
)

// A reminder that is due shows in the window at start, and again at the
// next start after its notification was given: Windows may have dropped
// the notification. "Not now" hides it.
func TestStandingReminderShowsInTheWindow(t *testing.T) {
	soon := certAt(1, "Bager Hansen ApS", "u", register.Production, 29*certDay)
	calm := certAt(2, "Tømrer ApS", "v", register.Production, 200*certDay)
	f, a, w := newCertTestFrame(t, "en", soon, calm)
	w.SetContent(f.standingBar())

	remind(f, "en")
	remind(f, "en") // the next start: no second notification, still in the window
	if len(a.sent) != 1 {
		t.Fatalf("sent %d notifications, want 1", len(a.sent))
	}
	bar := f.standingBar()
	if !certHasText(bar, "Renew your certificate") || !certHasText(bar, "Bager Hansen ApS expires on") ||
		certHasText(bar, "Tømrer") {
		t.Fatalf("the window shows %q", certTexts(bar))
	}
	notNow := certButtons(bar, "Not now")
	if len(notNow) != 1 || len(certButtons(bar, "Show it")) != 1 {
		t.Fatalf("buttons: %q", certTexts(bar))
	}
	test.Tap(notNow[0])
	remind(f, "en")
	if len(bar.Objects) != 0 {
		t.Errorf("after Not now the window still shows %q", certTexts(bar))
	}
}

// Once the user has begun renewing, the renewed certificate's reminder
// gives way to the guide's card; another organisation's stays.
func TestStandingReminderGivesWayToTheRenewal(t *testing.T) {
	soon := certAt(1, "Bager Hansen ApS", "u", register.Production, 29*certDay)
	f, _, w := newCertTestFrame(t, "en", soon)
	w.SetContent(f.standingBar())
	p := guide.New(f.now())
	f.guide = &guideState{f: f, progress: p}
	f.drawStanding()
	bar := f.standingBar()
	if !certHasText(bar, "Bager Hansen ApS expires on") {
		t.Fatalf("on the first card the window shows %q", certTexts(bar))
	}
	f.guide.progress.Current = guide.Steps[1].ID
	f.drawStanding()
	if len(bar.Objects) != 0 {
		t.Errorf("with the renewal begun the window still shows %q", certTexts(bar))
	}
}

// Moving between the guide's cards draws the reminders again only when
// what of the progress they read changes (renewal.StandingKey: begun, the
// renewed file), not on every card: each drawing reads the register's list.
func TestGuideDrawsRemindersOnlyWhenBegunChanges(t *testing.T) {
	x := newCheckFixture(t, "en")
	g := x.f.guide
	if x.f.register == nil {
		t.Fatal("the fixture has no register")
	}
	g.progress.Current = guide.Steps[2].ID
	g.show()
	x.f.standingDrawn = nil
	g.progress.Current = guide.Steps[3].ID
	g.show()
	if x.f.standingDrawn != nil {
		t.Error("drawn again on a card change that changes nothing it reads")
	}
	g.progress.Current = guide.Steps[0].ID
	g.show()
	if x.f.standingDrawn == nil {
		t.Error("not drawn again back on the first card")
	}
}
