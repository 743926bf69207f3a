package ui

import (
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/renewal"
	"github.com/fornyer/fornyer/core/vault"
	"github.com/fornyer/fornyer/ui/scene"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
	"github.com/fornyer/fornyer/ui/words"
)

var guideTestTime = time.Date(2026, 5, 4, 9, 30, 0, 0, time.UTC)

// newGuideTestFrame is the guide alone in a companion-sized window, with
// its progress in a fresh folder (the test app keeps storage in TMPDIR),
// behind a tab bar like the real one, so "Check the file" has a tab to go
// to. A second call with the same dir is a restart. before runs on the
// frame before the guide's screen is built (a clipboard's text at start).
func newGuideTestFrame(t *testing.T, language, dir string, before ...func(*frame)) (*frame, fyne.Window) {
	t.Helper()
	t.Setenv("TMPDIR", dir)
	a := test.NewTempApp(t)
	setTestLanguage(t, language)
	d := testDeps()
	d.clock = func() time.Time { return guideTestTime }
	w := test.NewTempWindow(t, nil)
	f := &frame{deps: d, app: a, win: w, prefs: loadPreferences(a.Preferences()), vault: vault.New(), register: openRegister(a, d)}
	for _, b := range before {
		b(f)
	}
	screen := newGuideScreen(f)
	f.tabs = container.NewAppTabs(
		container.NewTabItem("guide", screen),
		container.NewTabItem("check", widget.NewLabel("check")),
	)
	f.content = f.tabs
	w.SetContent(screen)
	w.Resize(companionSize)
	t.Cleanup(func() { f.guide.saver.wait() })
	return f, w
}

// guideMaster is the guide's one markup master in each language
// (testdata/guide): the guide is one screen, the same stepper, card, action
// bar, Back, Done and Help whatever the card; the password card shows the
// most of it (a warning, a question, a field and its button in the bar, a
// hint, Done waiting). What each card shows is asserted below for every
// card, what it offers in TestEveryCardsControls.
const guideMaster = "password"

// Every card in both languages shows its title, text, illustration,
// warnings and links (and its aside's title); the guide's master card is
// compared with its markup master.
func TestGuideCardsRender(t *testing.T) {
	for _, language := range []string{"en", "da"} {
		f, w, sha := newWalkFrame(t, language)
		g := f.guide
		for i, s := range guide.Steps {
			walkTo(t, f, sha, i)
			if s.ID == guideMaster {
				test.AssertRendersToMarkup(t, "guide/"+language+".xml", w.Canvas())
			}
			assertCardShows(t, g, s)
		}
	}
}

// The scenes name every label through the catalogue: no drawn text may be a
// key left untranslated, and every step's illustration exists.
func TestGuideIllustrationsAreTranslated(t *testing.T) {
	for _, language := range []string{"en", "da"} {
		_ = test.NewTempApp(t)
		setTestLanguage(t, language)
		for _, s := range guide.Steps {
			ids := []string{s.Illustration}
			if s.Aside != nil {
				ids = append(ids, s.Aside.Illustration)
			}
			for _, id := range ids {
				checkScene(t, language, s.ID, id)
			}
		}
	}
}

// checkScene draws the scene id and fails on a label left as a key.
func checkScene(t *testing.T, language, step, id string) {
	t.Helper()
	if id == "" {
		return
	}
	if !scene.Has(id) {
		t.Errorf("step %s: no scene %q", step, id)
		return
	}
	il := scene.New(id)
	w := test.NewTempWindow(t, il)
	w.Resize(fyne.NewSize(448, scene.Height))
	texts := 0
	for _, o := range test.LaidOutObjects(il) {
		if txt, ok := o.(*canvas.Text); ok {
			texts++
			if strings.HasPrefix(txt.Text, "guide.") {
				t.Errorf("%s %s: untranslated %q", language, id, txt.Text)
			}
		}
	}
	if texts == 0 {
		t.Errorf("%s %s: the scene has no labels", language, id)
	}
}

// findAll returns the objects of type T in the current card.
// asButton is a button of Fyne's or of Fornyer's (which embeds Fyne's).
func asButton(o fyne.CanvasObject) (*widget.Button, bool) {
	switch b := o.(type) {
	case *widget.Button:
		return b, true
	case *uiwidget.Button:
		return &b.Button, true
	}
	return nil, false
}

// buttonsIn are the buttons laid out under o.
func buttonsIn(o fyne.CanvasObject) []*widget.Button {
	var out []*widget.Button
	for _, x := range test.LaidOutObjects(o) {
		if b, ok := asButton(x); ok {
			out = append(out, b)
		}
	}
	return out
}

func findAll[T fyne.CanvasObject](o fyne.CanvasObject) []T {
	var out []T
	for _, x := range test.LaidOutObjects(o) {
		if v, ok := x.(T); ok {
			out = append(out, v)
		}
	}
	return out
}

// answerKept answers the password card's one question, where else the
// password is kept.
func answerKept(t *testing.T, g *guideState, answer string) {
	t.Helper()
	radios := findAll[*widget.RadioGroup](g.scroll.Content)
	if len(radios) != 1 {
		t.Fatalf("%d questions on the password card", len(radios))
	}
	radios[0].SetSelected(answer)
}

// Walks the whole guide with taps: Done is refused at the password, the
// download and DPG until their facts or the user's answers allow it; the
// progress is on disk and a new screen (a restart) shows it.
func TestGuideWalkSavesAndRestores(t *testing.T) {
	dir := t.TempDir()
	f, _ := newGuideTestFrame(t, "en", dir)
	g := f.guide
	id := g.progress.RenewalID
	sha := strings.Repeat("c4", 32)
	if err := f.register.Upsert(register.Certificate{SHA256: sha, Organization: "Fornyer Testfirma ApS", NotAfter: guideTestTime.AddDate(3, 0, 0)}); err != nil {
		t.Fatal(err)
	}
	// The backup is put off on the way: an outstanding step (Z17), so the
	// walk ends with the summary done, not with the renewal finished.
	last := guide.Steps[len(guide.Steps)-1].ID
	for n := 0; !g.progress.IsDone(last); n++ {
		if n > 3*len(guide.Steps) {
			t.Fatalf("stuck at %s", g.progress.Current)
		}
		step := g.progress.Step()
		switch step.Task {
		case guide.TaskPassword:
			test.Tap(g.done)
			if g.progress.Current != step.ID || !g.hint.Visible() {
				t.Fatal("Done passed the password step without the password")
			}
			if checks := findAll[*uiwidget.Check](g.scroll.Content); len(checks) != 0 {
				t.Fatalf("%d check boxes on the password card besides its question", len(checks))
			}
			answerKept(t, g, "Nowhere yet")
			if !g.done.Disabled() {
				t.Fatal("Done enabled with the password saved nowhere")
			}
			answerKept(t, g, "Written down and locked away")
		case guide.TaskDownload:
			test.Tap(g.done)
			if g.progress.Current != step.ID {
				t.Fatal("Done passed the download step without a check or skip")
			}
			fileCheckedHere(g.f, sha)
			test.Tap(findAll[*uiwidget.Check](g.action)[0]) // the backup later, in the action bar
		case guide.TaskDPG:
			entries := findAll[*uiwidget.Entry](g.cardAndBar())
			if len(entries) != 1 {
				t.Fatalf("%d entries on the DPG card", len(entries))
			}
			test.Type(entries[0], "Anne Jensen")
			for _, b := range buttonsIn(g.cardAndBar()) {
				if b.Text == "Installed in DPG" {
					test.Tap(b)
				}
			}
		}
		test.Tap(g.done)
	}
	p := g.progress
	c, _ := f.register.Get(sha)
	if p.PasswordKept != register.KeptWritten || p.FileSHA256 != sha || !p.BackupLater || c.DPG == nil || c.DPG.By != "Anne Jensen" || !c.DPG.At.Equal(guideTestTime) {
		t.Errorf("after the walk: progress %+v, register %+v", p, c)
	}
	// The file was never backed up: not "complete", and the summary
	// says what is left.
	card := strings.Join(texts(g.scroll.Content), "\n")
	if g.progress.Finished(g.facts()) || strings.Contains(card, "Renewal complete") || !strings.Contains(card, "Make a backup on a USB stick.") {
		t.Errorf("the last card after a walk with the backup put off: %q", card)
	}
	g.saver.wait()
	onDisk, err := guide.Load(filepath.Join(dir, guide.FileName), time.Now())
	if err != nil || onDisk.RenewalID != id || !onDisk.IsDone(last) || onDisk.Finished(renewal.State(&onDisk, f.register, guide.Passwords{})) {
		t.Fatalf("on disk: %+v, %v", onDisk, err)
	}

	// A restart: a new frame and screen read the same progress.
	f2, _ := newGuideTestFrame(t, "en", dir)
	if f2.guide == g || f2.guide.progress.RenewalID != id || f2.guide.progress.Current != last || f2.guide.progress.Finished(f2.guide.facts()) {
		t.Errorf("restored: %+v", f2.guide.progress)
	}

	// A new renewal starts over with a new id, and is saved.
	f2.guide.startAgain()
	f2.guide.saver.wait()
	fresh, _ := guide.Load(filepath.Join(dir, guide.FileName), time.Now())
	if fresh.RenewalID == id || fresh.Current != guide.Steps[0].ID || len(fresh.Done) != 0 {
		t.Errorf("after reset: %+v", fresh)
	}
}

// Back and the stepper: Back on the first card does nothing; a dot up to
// the first card whose rule is not met (the password card) can be jumped
// to, none beyond it, and the cards jumped over are not marked done (U14).
func TestGuideBackAndStepper(t *testing.T) {
	f, _ := newGuideTestFrame(t, "da", t.TempDir())
	g := f.guide
	if !g.back.Disabled() {
		t.Error("Back enabled on the first card")
	}
	test.Tap(g.done)
	test.Tap(g.done)
	dots := findAll[*uiwidget.StepperDot](g.stepper)
	if len(dots) != len(guide.Steps) {
		t.Fatalf("%d dots for %d steps", len(dots), len(guide.Steps))
	}
	password := guide.TaskIndex(guide.TaskPassword)
	test.Tap(dots[password+1])
	if g.progress.Current != guide.Steps[2].ID {
		t.Errorf("jumped past the password card to %s", g.progress.Current)
	}
	test.Tap(dots[password])
	if g.progress.Current != guide.Steps[password].ID || len(g.progress.Done) != 2 {
		t.Errorf("the password card's dot went to %s, done %v", g.progress.Current, g.progress.Done)
	}
	test.Tap(dots[0])
	if g.progress.Current != guide.Steps[0].ID {
		t.Errorf("dot 1 went to %s", g.progress.Current)
	}
	test.Tap(g.done)
	test.Tap(g.back)
	if g.progress.Current != guide.Steps[0].ID {
		t.Errorf("Back went to %s", g.progress.Current)
	}
}

func TestGuideKeyboard(t *testing.T) {
	f, w := newGuideTestFrame(t, "en", t.TempDir())
	g := f.guide
	c := w.Canvas()
	key := func(name fyne.KeyName) { c.OnTypedKey()(&fyne.KeyEvent{Name: name}) }

	key(fyne.KeyReturn)
	key(fyne.KeyEnter)
	if g.progress.Current != guide.Steps[2].ID {
		t.Fatalf("two Enters went to %s", g.progress.Current)
	}
	key(fyne.KeyBackspace)
	if g.progress.Current != guide.Steps[2].ID {
		t.Fatalf("a plain Backspace went back to %s", g.progress.Current)
	}
	key(fyne.KeyEscape)
	if g.progress.Current != guide.Steps[1].ID {
		t.Fatalf("Escape went to %s", g.progress.Current)
	}
	// The test canvas wraps the software canvas, which holds the shortcuts.
	inner := reflect.ValueOf(c).Elem().FieldByName("WindowlessCanvas").Interface()
	inner.(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyLeft, Modifier: fyne.KeyModifierAlt})
	if g.progress.Current != guide.Steps[0].ID {
		t.Fatalf("Alt+Left went to %s", g.progress.Current)
	}

	// Enter does not pass a card whose rule is not met.
	g.progress.Current = "password"
	g.show()
	key(fyne.KeyReturn)
	if g.progress.Current != "password" {
		t.Fatal("Enter passed the password card")
	}
	answerKept(t, g, "Written down and locked away")
	key(fyne.KeyReturn)
	if g.progress.Current != "download" {
		t.Fatalf("Enter after the answer: at %s", g.progress.Current)
	}
	// A ticked check box has the focus; Enter on it still means Done.
	check := findAll[*uiwidget.Check](g.scroll.Content)[0]
	test.Tap(check)
	c.Focus(check)
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if g.progress.Current != "close" {
		t.Fatalf("Enter on the check box: at %s", g.progress.Current)
	}

	// The keys belong to the guide's tab only.
	f.tabs.SelectIndex(1)
	key(fyne.KeyEscape)
	if g.progress.Current != "close" {
		t.Error("Escape acted on another tab")
	}
}

// The Check screen's call: a checked file satisfies the download step.
func TestGuideFileChecked(t *testing.T) {
	dir := t.TempDir()
	f, _ := newGuideTestFrame(t, "en", dir)
	g := f.guide
	g.progress.Current = "download"
	g.show()
	if !g.done.Disabled() {
		t.Fatal("Done enabled before the file is checked")
	}
	for _, b := range buttonsIn(g.cardAndBar()) {
		if b.Text == "Check the file" {
			test.Tap(b)
		}
	}
	if f.tabs.SelectedIndex() != 1 {
		t.Error("Check the file did not open the Check tab")
	}
	fileCheckedHere(f, "ABC123")
	// Checked, but not backed up: Done waits for the backup, or the
	// choice to make it later, and says so.
	if !g.done.Disabled() || g.hint.Text != words.T("guide.rule.backup") {
		t.Errorf("Done enabled (or no hint) before a backup: hint %q", g.hint.Text)
	}
	later := findAll[*uiwidget.Check](g.cardAndBar())
	if len(later) != 1 {
		t.Fatalf("%d check boxes on the checked download card", len(later))
	}
	test.Tap(later[0])
	if g.done.Disabled() {
		t.Error("Done disabled after the file was checked and the backup put off")
	}
	g.saver.wait()
	p, _ := guide.Load(filepath.Join(dir, guide.FileName), time.Now())
	if !p.FileChecked() || p.FileSHA256 != "abc123" {
		t.Errorf("saved: %+v", p)
	}
}

func TestTelNumber(t *testing.T) {
	t.Parallel()
	if got := telNumber(guide.ServiceCenterPhone); got != "+4570206280" {
		t.Errorf("tel: %q", got)
	}
}

// Building the guide screen is on the window's path to its first frame.
func BenchmarkGuideScreen(b *testing.B) {
	b.Setenv("TMPDIR", b.TempDir())
	a := test.NewTempApp(b)
	loadTranslations("da")
	w := test.NewTempWindow(b, nil)
	f := &frame{deps: testDeps(), app: a, win: w, prefs: loadPreferences(a.Preferences()), vault: vault.New()}
	f.tabs = container.NewAppTabs(container.NewTabItem("guide", widget.NewLabel("")))
	for b.Loop() {
		f.guide = nil
		w.SetContent(newGuideScreen(f))
	}
}

// Showing another card is what Done and Back do.
func BenchmarkGuideCard(b *testing.B) {
	b.Setenv("TMPDIR", b.TempDir())
	a := test.NewTempApp(b)
	loadTranslations("en")
	w := test.NewTempWindow(b, nil)
	f := &frame{deps: testDeps(), app: a, win: w, prefs: loadPreferences(a.Preferences()), vault: vault.New()}
	f.tabs = container.NewAppTabs(container.NewTabItem("guide", widget.NewLabel("")))
	w.SetContent(newGuideScreen(f))
	w.Resize(companionSize)
	i := 0
	for b.Loop() {
		f.guide.progress.Current = guide.Steps[i%len(guide.Steps)].ID
		f.guide.show()
		i++
	}
	f.guide.saver.wait()
}

// The DPG Service Center is one tap away on every card; a new renewal asks
// first, and only a confirmed one starts over.
func TestGuideHelpAndReset(t *testing.T) {
	f, w := newGuideTestFrame(t, "en", t.TempDir())
	g := f.guide
	goTo(g, "login") // under way: "New renewal…" is offered
	id := g.progress.RenewalID

	tapButton := func(o fyne.CanvasObject, text string) bool {
		for _, b := range buttonsIn(o) {
			if b.Text == text {
				test.Tap(b)
				return true
			}
		}
		return false
	}
	if !tapButton(w.Content(), "Help") {
		t.Fatal("no Help button")
	}
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("Help opened nothing")
	}
	links := map[string]bool{}
	for _, h := range findAll[*uiwidget.Hyperlink](top) {
		links[h.URL.String()] = true
	}
	if !links["mailto:servicecenter@sikker-post.dk"] || !links["tel:+4570206280"] {
		t.Errorf("help links: %v", links)
	}
	tapButton(top, "Close")
	if w.Canvas().Overlays().Top() != nil {
		t.Fatal("Help did not close")
	}

	test.Tap(g.reset)
	if !tapButton(w.Canvas().Overlays().Top(), "Cancel") || g.progress.RenewalID != id {
		t.Fatal("cancelled reset changed the renewal")
	}
	test.Tap(g.reset)
	if !tapButton(w.Canvas().Overlays().Top(), "Start again") {
		t.Fatal("no confirmation")
	}
	if g.progress.RenewalID == id || g.progress.Current != guide.Steps[0].ID || len(g.progress.Done) != 0 {
		t.Errorf("after reset: %+v", g.progress)
	}
}

// "Mark installed" on My certificates may leave the name out: the last
// card then says when, with no dangling "by ,".
func TestFinishedBannerWithoutAName(t *testing.T) {
	t.Parallel()
	for _, key := range []string{"guide.finished", "guide.finished_undone"} {
		for _, l := range []string{"en", "da"} {
			got := msg.T(l, key, map[string]any{"Date": "1. december 2026", "Name": ""})
			if strings.Contains(got, " by ") || strings.Contains(got, " af ") || strings.Contains(got, " ,") {
				t.Errorf("%s %s without a name: %q", l, key, got)
			}
			if named := msg.T(l, key, map[string]any{"Date": "1. december 2026", "Name": "Søren"}); !strings.Contains(named, "Søren") {
				t.Errorf("%s %s drops the name: %q", l, key, named)
			}
		}
	}
}

// assertCardShows fails unless the card shows the step's title and text,
// its illustration, each warning, each link as a button (the portal's in
// the action bar), and its aside.
func assertCardShows(t *testing.T, g *guideState, s guide.Step) {
	t.Helper()
	card := g.scroll.Content
	shown := strings.Join(shownTexts(card), "\n")
	for _, key := range []string{s.Title, s.Text} {
		if want := words.T(key); !strings.Contains(shown, want) {
			t.Errorf("%s: %q not shown", s.ID, want)
		}
	}
	for _, w := range s.Warnings {
		if want := words.T(w.Key); !strings.Contains(shown, want) {
			t.Errorf("%s: warning %q not shown", s.ID, want)
		}
	}
	for _, l := range s.Links {
		if in := map[bool]fyne.CanvasObject{false: card, true: g.action}[l.Main]; !hasButton(in, words.T(l.Key)) {
			t.Errorf("%s: no link button %q (in the action bar: %v)", s.ID, words.T(l.Key), l.Main)
		}
	}
	if n := len(findAll[*scene.Illustration](card)); s.Illustration != "" && n == 0 {
		t.Errorf("%s: no illustration", s.ID)
	}
	if s.Aside != nil {
		accordions := findAll[*widget.Accordion](card)
		if len(accordions) == 0 || len(accordions[0].Items) == 0 || accordions[0].Items[0].Title != words.T(s.Aside.Title) {
			t.Errorf("%s: no aside %q", s.ID, words.T(s.Aside.Title))
		}
	}
}

// shownTexts is every text laid out under o: labels, rich text and
// canvas text.
func shownTexts(o fyne.CanvasObject) []string {
	var out []string
	for _, x := range test.LaidOutObjects(o) {
		switch v := x.(type) {
		case *widget.Label:
			out = append(out, v.Text)
		case *widget.RichText:
			out = append(out, v.String())
		case *canvas.Text:
			out = append(out, v.Text)
		}
	}
	return out
}

// cardAndBar is what the guide's card shows: the scrolling card and its
// main action in the action bar below it.
func (g *guideState) cardAndBar() fyne.CanvasObject {
	return container.NewWithoutLayout(g.scroll.Content, g.action)
}

// fileCheckedHere tells the guide that its renewed file was checked, by
// the frame's one path (frame.checked with core's answer that moves the
// guide on), recording nothing.
func fileCheckedHere(f *frame, sha string) {
	f.checked(renewal.Answer{
		Check:   renewal.Check{Report: &inspect.Report{Certificate: &inspect.Certificate{SHA256: sha}}},
		Outcome: renewal.Outcome{Kind: renewal.KindRenewal, Advance: true},
	})
}

// Help's e-mail address and phone number open through the window's one
// way to open (deps.open, uiwidget.Open), never Fyne's: a failure is said,
// as for every other open.
func TestHelpLinksOpenTheOneWay(t *testing.T) {
	d := testDeps()
	var opened []string
	d.open = func(what uiwidget.Target, target string) error {
		opened = append(opened, fmt.Sprint(what, " ", target))
		return &uiwidget.OpenError{What: what, Target: target, Err: errors.New("no mail program")}
	}
	x := newCheckFixtureWith(t, "en", d)
	x.f.guide.showHelp()
	links := findAll[*uiwidget.Hyperlink](x.w.Canvas().Overlays().Top())
	if len(links) != 2 {
		t.Fatalf("%d links in Help", len(links))
	}
	links[0].TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // as Tab then Enter
	x.wait()
	want := fmt.Sprint(uiwidget.Contact, " mailto:", guide.ServiceCenterMail)
	if len(opened) != 1 || opened[0] != want {
		t.Fatalf("opened %q, want %q", opened, want)
	}
	if !anyTextContains(x.w.Canvas().Overlays().Top(), words.T("open.contact_failed", map[string]string{"Path": guide.ServiceCenterMail})) {
		t.Errorf("the failure is not said: %q", texts(x.w.Canvas().Overlays().Top()))
	}
}
