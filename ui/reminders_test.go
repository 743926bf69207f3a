package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/ui/words"
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
	if len(notNow) != 1 || len(certButtons(bar, "Renew it")) != 1 {
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

// The reminders above the tabs follow the guide as the user sees them:
// the renewed certificate's gives way once the renewal has begun and comes
// back on the first card; a certificate added to the register meanwhile
// shows up at the next reminding, whatever card is shown; and moving
// between cards that change nothing of it leaves the bar as it is (each
// drawing reads the register's list, and a bar drawn again would lose the
// keyboard from its buttons).
func TestGuideDrawsRemindersOnlyWhenBegunChanges(t *testing.T) {
	renewed := certAt(1, "Bager Hansen ApS", "u", register.Production, 29*certDay)
	// Another organisation's, expiring after it: the renewed certificate
	// stays the first to expire (renewal.Renewing).
	other := certAt(2, "Tømrer ApS", "v", register.Production, 60*certDay)
	f := guideFrameAtCertNow(t, renewed)
	g := f.guide
	bar := f.standingBar()
	goTo := func(i int) {
		g.progress.Current = guide.Steps[i].ID
		g.show()
	}
	says := func(when string, orgs ...string) {
		t.Helper()
		shown := strings.Join(certTexts(bar), " ")
		if len(orgs) > 1 { // one line for several, naming the first to expire
			if want := words.T("list.notify.many.title"); !strings.Contains(shown, want) {
				t.Errorf("%s: the reminders say %q, want %q", when, shown, want)
			}
			orgs = orgs[:1]
		}
		for _, org := range []string{"Bager Hansen ApS", "Tømrer ApS"} {
			if strings.Contains(shown, org) != slices.Contains(orgs, org) {
				t.Errorf("%s: the reminders say %q, want %q named", when, shown, orgs)
			}
		}
	}
	f.drawStanding()
	says("on the first card", "Bager Hansen ApS")
	goTo(2)
	says("with the renewal begun")
	goTo(3)
	if err := f.register.Upsert(other); err != nil {
		t.Fatal(err)
	}
	remind(f, "en")
	says("another organisation's added on card 4", "Tømrer ApS")
	if len(bar.Objects) == 0 {
		t.Fatal("no reminder drawn")
	}
	drawn := bar.Objects[0]
	goTo(4)
	if len(bar.Objects) == 0 || bar.Objects[0] != drawn {
		t.Error("the reminders were drawn again on a card change that changes nothing they show")
	}
	says("on card 5", "Tømrer ApS")
	goTo(0)
	says("back on the first card", "Bager Hansen ApS", "Tømrer ApS")
}

// X8: the reminder of one certificate says "Fornyer guides you through
// it", and its button does that: it opens the guide and the reminder goes
// (it opened My certificates, and stayed on top of it).
func TestStandingReminderOpensTheGuide(t *testing.T) {
	soon := certAt(1, "Bager Hansen ApS", "u", register.Production, 29*certDay)
	f, _, _ := newCertTestFrame(t, "en", soon)
	f.tabs = container.NewAppTabs()
	for _, name := range []string{"Renew", "Check", "My certificates", "Settings"} {
		f.tabs.Append(container.NewTabItem(name, widget.NewLabel(name)))
	}
	f.tabs.SelectIndex(certificatesTab)
	remind(f, "en")
	bar := f.standingBar()
	renew := certButtons(bar, "Renew it")
	if len(renew) != 1 {
		t.Fatalf("buttons: %q", certTexts(bar))
	}
	test.Tap(renew[0])
	if f.tabs.SelectedIndex() != guideTab || len(bar.Objects) != 0 {
		t.Errorf("after Renew it: tab %d, the window still shows %q", f.tabs.SelectedIndex(), certTexts(bar))
	}
}

// Review S11: two organisations' certificates expire within 90 days and
// the user has begun renewing the first; the second's reminder stands
// alone and offers My certificates, not "Renew it" (which opened the
// renewal of the first and put the reminder away).
func TestALoneReminderOfAnotherCertificateShowsIt(t *testing.T) {
	a := certAt(1, "Bager Hansen ApS", "u", register.Production, 29*certDay)
	b := certAt(2, "Tømrer ApS", "v", register.Production, 60*certDay)
	f := guideFrameAtCertNow(t, a, b)
	g := f.guide
	g.progress.Current = guide.Steps[2].ID // begun: renewing Bager Hansen ApS
	g.show()
	f.tabs.SelectIndex(certificatesTab)
	remind(f, "en")
	bar := f.standingBar()
	if len(certButtons(bar, words.T("register.standing.renew_one"))) != 0 {
		t.Fatalf("Tømrer ApS's reminder offers to renew it in Bager Hansen ApS's renewal: %q", certTexts(bar))
	}
	show := certButtons(bar, words.T("register.standing.show_one"))
	if len(show) != 1 {
		t.Fatalf("no way to the certificate: %q", certTexts(bar))
	}
	test.Tap(show[0])
	if f.tabs.SelectedIndex() != certificatesTab {
		t.Errorf("'Show it' went to tab %d", f.tabs.SelectedIndex())
	}
}

// guideFrameAtCertNow is an English window with its guide at certNow, the
// register holding certs, the reminders drawn only when a test says so.
func guideFrameAtCertNow(t *testing.T, certs ...register.Certificate) *frame {
	d := testDeps()
	d.clock = func() time.Time { return certNow }
	d.startReminders = func(*frame) {}
	f, _ := newTestFrameWith(t, "en", d)
	for _, c := range certs {
		if err := f.register.Upsert(c); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

// Walk W11, W12: a year on, the certificate last year's renewal made is
// about to expire. Its reminder's "Renew it" starts a new renewal of it at
// the first card, which names it (it had shown last year's finished
// renewal, where nothing moved, or only My certificates); My certificates'
// "Renew this one" then shows that renewal where it stands.
func TestAYearOnRenewItStartsTheNextRenewal(t *testing.T) {
	made := certAt(1, "Bager Hansen ApS", "u", register.Production, 45*certDay)
	f := guideFrameAtCertNow(t, made)
	g := f.guide
	lastYear := guide.New(certNow.AddDate(-3, 0, 0))
	lastYear.SetFileChecked(made.SHA256, certNow.AddDate(-3, 0, 0))
	lastYear.Current = guide.Steps[len(guide.Steps)-1].ID
	g.progress = lastYear
	g.show()
	remind(f, "en")
	bar := f.standingBar()
	renew := certButtons(bar, words.T("register.standing.renew_one"))
	if len(renew) != 1 {
		t.Fatalf("the reminder offers no renewal: %q", certTexts(bar))
	}
	test.Tap(renew[0])
	if f.tabs.SelectedIndex() != guideTab || g.progress.RenewalID == lastYear.RenewalID ||
		g.progress.Current != guide.Steps[0].ID || g.progress.FileChecked() {
		t.Fatalf("after Renew it: tab %d, renewal %s (last year's %s) at %q", f.tabs.SelectedIndex(), g.progress.RenewalID, lastYear.RenewalID, g.progress.Current)
	}
	if len(bar.Objects) != 0 {
		t.Errorf("the reminder stays: %q", certTexts(bar))
	}
	names := false
	for _, s := range certTexts(g.screen) {
		names = names || strings.Contains(s, "Bager Hansen ApS")
	}
	if !names {
		t.Errorf("the first card does not name the certificate: %q", certTexts(g.screen))
	}

	// My certificates' "Renew this one" on it: the same renewal, where it stands.
	id := g.progress.RenewalID
	g.complete()
	at := g.progress.Current
	f.tabs.SelectIndex(certificatesTab)
	v := f.certificates
	selectRow(t, v, made.SHA256)
	again := certButtons(v.root, words.T("register.renew"))
	if len(again) != 1 {
		t.Fatalf("no Renew this one: %q", certTexts(v.root))
	}
	test.Tap(again[0])
	if f.tabs.SelectedIndex() != guideTab || g.progress.RenewalID != id || g.progress.Current != at {
		t.Errorf("Renew this one: tab %d, renewal %s at %q; want %s at %q", f.tabs.SelectedIndex(), g.progress.RenewalID, g.progress.Current, id, at)
	}
}
