package ui

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/register"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
	"github.com/fornyer/fornyer/ui/words"
)

// Y5: Back by keyboard to the first card, where Back is disabled: the
// keyboard goes to the card's main action, where Enter goes on; it stayed
// on the disabled Back, unseen, and Enter did nothing.
func TestBackToTheFirstCardLeavesTheKeyboardOnItsMainAction(t *testing.T) {
	g, _, c := guideOn(t, guide.Steps[1].ID, 0)
	c.Focus(g.back)
	g.back.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if g.progress.Current != guide.Steps[0].ID {
		t.Fatalf("Enter on Back left the guide on %s", g.progress.Current)
	}
	if c.Focused() != fyne.Focusable(g.done) {
		t.Fatalf("on the first card the keyboard is on %T (Back disabled: %v)", c.Focused(), g.back.Disabled())
	}
	g.done.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if g.progress.Current != guide.Steps[1].ID {
		t.Errorf("Enter after Back went to %s", g.progress.Current)
	}
	// Back from a later card keeps the keyboard on Back: Enter goes back again.
	goTo(g, guide.Steps[3].ID)
	c.Focus(g.back)
	g.back.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if c.Focused() != fyne.Focusable(g.back) {
		t.Errorf("Back on card 3 lost the keyboard to %T", c.Focused())
	}
}

// Y5: Escape is Back (README) while a button of the card has the keyboard,
// as when nothing has it; in a text field it is not (what was typed would
// go with the card).
func TestEscapeGoesBackFromAButton(t *testing.T) {
	g, _, c := guideOn(t, "login", 0)
	link := uiButton(t, g, words.T("guide.link.portal"))
	c.Focus(link)
	link.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if want := guide.Steps[guide.Index("login")-1].ID; g.progress.Current != want {
		t.Fatalf("Escape on %q left the guide on %s, want %s", link.Text, g.progress.Current, want)
	}
	goTo(g, "prepare-usage")
	fields := findAll[*uiwidget.Entry](g.scroll.Content)
	if len(fields) == 0 {
		t.Fatal("no field on card 3")
	}
	c.Focus(fields[0])
	fields[0].TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if g.progress.Current != "prepare-usage" {
		t.Errorf("Escape in a field went to %s", g.progress.Current)
	}
}

// Y5: a portal's link pressed by keyboard opens the browser once; the
// keyboard goes on to Done, so the next Enter is Done, not the link again.
func TestEnterAfterALinkIsDone(t *testing.T) {
	g, _, c := guideOn(t, "login", 0)
	opened := 0
	g.f.open = func(uiwidget.Target, string) error { opened++; return nil }
	link := uiButton(t, g, words.T("guide.link.portal"))
	c.Focus(link)
	link.TypedRune(' ')
	if opened != 1 || c.Focused() != fyne.Focusable(g.done) {
		t.Fatalf("Space on the link: opened %d times, the keyboard on %T", opened, c.Focused())
	}
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if opened != 1 || g.progress.Current == "login" {
		t.Errorf("Enter after the link: opened %d times, on card %s", opened, g.progress.Current)
	}
}

// Z4: Enter on the switch-over card's Done leads to the summary with the
// keyboard on its main action, the receipt: the next Enter made the
// summary's Done refuse (the renewal is not whole without the receipt).
func TestTheSummaryGivesTheKeyboardToTheReceipt(t *testing.T) {
	f, w := newTestFrame(t, "en")
	g, c := f.guide, w.Canvas()
	sha := strings.Repeat("c7", 32)
	if err := f.register.Upsert(register.Certificate{SHA256: sha, Organization: "Fornyer Testfirma ApS", NotAfter: guideTestTime.AddDate(3, 0, 0)}); err != nil {
		t.Fatal(err)
	}
	g.progress.SetFileChecked(sha, guideTestTime)
	goTo(g, "switch")
	c.Focus(g.done)
	g.done.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if g.progress.Current != "summary" {
		t.Fatalf("Enter on Done went to %s", g.progress.Current)
	}
	b, ok := c.Focused().(*uiwidget.Button)
	if !ok || b.Text != words.T("check.action.receipt") {
		t.Errorf("on the summary the keyboard is on %T %v, want %q", c.Focused(), c.Focused(), words.T("check.action.receipt"))
	}
}

// Z17: a backup put off on the download card ("I will make the backup
// later") is an outstanding step: on the summary, reached by Enter from
// the switch-over card, the backup is the one blue button, in the action
// bar, with the keyboard on it, the receipt after it; the download card's
// dot is not ticked. In both languages.
func TestTheSummaryLeadsWithAPutOffBackup(t *testing.T) {
	for _, lang := range []string{"da", "en"} {
		f, w := newTestFrame(t, lang)
		g, c := f.guide, w.Canvas()
		sha := strings.Repeat("c8", 32)
		if err := f.register.Upsert(register.Certificate{SHA256: sha, Organization: "Fornyer Testfirma ApS", NotAfter: guideTestTime.AddDate(3, 0, 0)}); err != nil {
			t.Fatal(err)
		}
		g.progress.SetFileChecked(sha, guideTestTime)
		g.progress.SetBackupLater(true)
		goTo(g, "switch")
		c.Focus(g.done)
		g.done.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		if g.progress.Current != "summary" {
			t.Fatalf("%s: Enter on Done went to %s", lang, g.progress.Current)
		}
		backup := words.T("check.action.backup")
		if b, ok := c.Focused().(*uiwidget.Button); !ok || b.Text != backup {
			t.Errorf("%s: on the summary the keyboard is on %T %v, want %q", lang, c.Focused(), c.Focused(), backup)
		}
		if blue := blueButtons(g.screen); !slices.Equal(blue, []string{backup}) {
			t.Errorf("%s: the summary's blue buttons are %q, want the backup alone", lang, blue)
		}
		if !hasButton(g.action, backup) || hasButton(g.action, words.T("check.action.receipt")) || !hasButton(g.scroll.Content, words.T("check.action.receipt")) {
			t.Errorf("%s: the action bar holds %q, want the backup there and the receipt on the card", lang, controlsOf(g.action))
		}
		download := g.dots[guide.Index("download")]
		if open := words.T("a11y.step", map[string]any{"Number": strconv.Itoa(guide.Index("download") + 1), "State": words.T("a11y.step.open")}); download.AccessibilityLabel() != open {
			t.Errorf("%s: the download card's dot says %q, want %q", lang, download.AccessibilityLabel(), open)
		}
	}
}

// A card's words below its last control are reached by keyboard: with
// nothing focused, Page Down, Down, End, Up and Home scroll the card
// (year two's card 1 at 125 %: "The receipt is here: …" was out of every
// key's reach); with a control focused the keys are the control's.
func TestTheCardScrollsByKeyWithNothingFocused(t *testing.T) {
	g, _, c := guideOn(t, "prepare-usage", 400)
	c.Unfocus()
	press := func(k fyne.KeyName) { c.OnTypedKey()(&fyne.KeyEvent{Name: k}) }
	end := g.scroll.Content.MinSize().Height - g.scroll.Size().Height
	if end <= 0 {
		t.Fatalf("card 3 fits a 400 px window (%v)", g.scroll.Content.MinSize())
	}
	press(fyne.KeyPageDown)
	page := g.scroll.Offset.Y
	if page <= 0 {
		t.Fatalf("Page Down left the card at %v", page)
	}
	press(fyne.KeyDown)
	if g.scroll.Offset.Y <= page {
		t.Errorf("Down left the card at %v (after Page Down %v)", g.scroll.Offset.Y, page)
	}
	press(fyne.KeyEnd)
	if g.scroll.Offset.Y != end {
		t.Errorf("End scrolled to %v, the card's end is %v", g.scroll.Offset.Y, end)
	}
	press(fyne.KeyUp)
	if g.scroll.Offset.Y >= end {
		t.Errorf("Up left the card at its end")
	}
	press(fyne.KeyHome)
	if g.scroll.Offset.Y != 0 {
		t.Errorf("Home scrolled to %v", g.scroll.Offset.Y)
	}
	if g.progress.Current != "prepare-usage" {
		t.Errorf("the keys moved the guide to %s", g.progress.Current)
	}
}

// With a button focused (Next, year two's card 1 at 125 %), the scroll keys
// scroll the card as with nothing focused: a button has no use for them,
// and they did nothing. The keyboard stays on the button; the step dots
// keep theirs (Home and End move along them).
func TestTheCardScrollsByKeyOnAButton(t *testing.T) {
	g, _, c := guideOn(t, "prepare-usage", 400)
	if g.scroll.Content.MinSize().Height <= g.scroll.Size().Height {
		t.Fatalf("card 3 fits a 400 px window (%v)", g.scroll.Content.MinSize())
	}
	c.Focus(g.done)
	press := func(k fyne.KeyName) { c.Focused().TypedKey(&fyne.KeyEvent{Name: k}) }
	press(fyne.KeyPageDown)
	page := g.scroll.Offset.Y
	if page <= 0 {
		t.Fatalf("Page Down on %q left the card at %v", g.done.Text, page)
	}
	press(fyne.KeyDown)
	if g.scroll.Offset.Y <= page {
		t.Errorf("Down on %q left the card at %v (after Page Down %v)", g.done.Text, g.scroll.Offset.Y, page)
	}
	press(fyne.KeyHome)
	if g.scroll.Offset.Y != 0 {
		t.Errorf("Home on %q scrolled to %v", g.done.Text, g.scroll.Offset.Y)
	}
	if c.Focused() != fyne.Focusable(g.done) || g.progress.Current != "prepare-usage" {
		t.Errorf("the keys moved the keyboard to %v, the guide to %s", c.Focused(), g.progress.Current)
	}
	if !uiwidget.TakeFocus(c, g.dots) {
		t.Fatal("no dot takes the keyboard")
	}
	press(fyne.KeyEnd)
	if _, dot := c.Focused().(*uiwidget.StepperDot); !dot || g.scroll.Offset.Y != 0 {
		t.Errorf("End on a step dot: the keyboard on %v, the card at %v; want the last dot, the card unmoved", c.Focused(), g.scroll.Offset.Y)
	}
}

// W1: in a place's note on card 3, Enter is Done, as on the card, with the
// note kept; Escape takes the keyboard out of the field (and not Back), so
// that Enter is Done again. Both did nothing, and ten Tabs through the
// other places' boxes and notes reached Next.
func TestANoteTakesEnterAsDoneAndEscapeLeavesIt(t *testing.T) {
	g, _, c := guideOn(t, "prepare-usage", 0)
	fields := findAll[*uiwidget.Entry](g.scroll.Content)
	if len(fields) == 0 {
		t.Fatal("no field on card 3")
	}
	note := fields[0]
	c.Focus(note)
	for _, r := range "sikkerpost@proeve.dk" {
		note.TypedRune(r)
	}
	note.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if c.Focused() != nil || g.progress.Current != "prepare-usage" {
		t.Fatalf("Escape in the note: the keyboard on %T, the guide on %s; want nothing focused on card 3", c.Focused(), g.progress.Current)
	}
	fields = findAll[*uiwidget.Entry](g.scroll.Content)
	c.Focus(fields[0])
	fields[0].TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if want := guide.Steps[guide.Index("prepare-usage")+1].ID; g.progress.Current != want {
		t.Fatalf("Enter in the note left the guide on %s, want %s", g.progress.Current, want)
	}
	if notes := g.progress.Checklist(); len(notes) == 0 || notes[0].Note != "sikkerpost@proeve.dk" {
		t.Errorf("the note typed is not kept: %+v", notes)
	}
}
