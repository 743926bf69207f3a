package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/vault"
	"github.com/fornyer/fornyer/ui/scene"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
	"github.com/fornyer/fornyer/ui/words"
)

// The window's height (placeBesideBrowser) on the small screens the
// companion window is made for, with Windows' 125 % scaling: a 1366×768
// laptop, and the smallest, 1280×720.
var (
	laptopHeight   = companionHeight(768, 1.25)
	smallestHeight = companionHeight(720, 1.25)
)

// Every card fits the laptop's window with its main action in the action
// bar, below the card that scrolls: nothing the card holds makes the
// window taller than the screen, and the cards that have a main action
// show it there, enabled or with a line that says why not. The bar gets
// the height it needs at the window's width (a line beside a button that
// wraps there makes it taller): given less, it would push Back and Done
// below the window's edge (card 17, seen at 1366x768).
func TestMainActionInTheBarOnALaptop(t *testing.T) {
	for _, lang := range []string{"da", "en"} {
		t.Run(lang, func(t *testing.T) { mainActionInTheBar(t, lang) })
	}
}

func mainActionInTheBar(t *testing.T, lang string) {
	sha := strings.Repeat("c4", 32)
	want := map[string]string{ // the cards' main actions, as drawn from these facts
		"login":        msg.T(lang, "guide.link.portal", nil), // W12: below the picture at 125 %
		"edit-profile": msg.T(lang, "guide.link.portal", nil),
		"dpg-login":    msg.T(lang, "guide.link.dpg_portal", nil),
		"dpg-list":     msg.T(lang, "guide.link.dpg_portal", nil),
		"password":     msg.T(lang, "vault.password.save", nil),
		"download":     msg.T(lang, "guide.download.check", nil),
		"dpg-install":  msg.T(lang, "vault.password.copy", nil),
		"dpg-verify":   msg.T(lang, "guide.dpg.installed", nil),
	}
	x := newCheckFixture(t, lang)
	x.w.Resize(fyne.NewSize(companionSize.Width, 712-32)) // 1366x768 at 100 %: the window less its title bar
	g := x.f.guide
	if err := x.f.register.Upsert(register.Certificate{SHA256: sha, Organization: "Fornyer Testfirma ApS",
		NotBefore: guideTestTime, NotAfter: guideTestTime.AddDate(3, 0, 0), File: &register.FileRef{Path: "/home/anne/Downloads/Fornyer Testfirma ApS.p12"}, PasswordSaved: true}); err != nil {
		t.Fatal(err)
	}
	if err := x.f.vault.Save(context.Background(), vault.CertificateID(sha), "", "Kode-1"); err != nil {
		t.Fatal(err)
	}
	x.wait()
	bar := g.screen.Objects[1] // the action bar, Back and Done
	for i, s := range guide.Steps {
		onCard(&g.progress, i, sha)
		g.show()
		x.wait()
		if h := x.f.content.MinSize().Height; h > laptopHeight {
			t.Errorf("card %d (%s) needs a window %.0f high; a laptop at 125 %% has %.0f", i+1, s.ID, h, laptopHeight)
		}
		if got, need := bar.Size().Height, bar.MinSize().Height; got < need-0.5 {
			t.Errorf("card %d (%s): the action bar is %.0f high and needs %.0f: Back and Done are pushed below the window", i+1, s.ID, got, need)
		}
		label, ok := want[s.ID]
		if !ok {
			continue
		}
		var main *uiwidget.Button
		for _, b := range findAll[*uiwidget.Button](g.action) {
			if b.Text == label && b.Visible() {
				main = b
			}
		}
		if main == nil || !g.action.Visible() {
			t.Errorf("card %d (%s): no %q in the action bar", i+1, s.ID, label)
			continue
		}
		if s.ID == "dpg-verify" && len(findAll[*uiwidget.Entry](g.action)) != 1 {
			t.Errorf("card %d (%s): the name %q waits for is not beside it in the bar", i+1, s.ID, label)
		}
		if main.Disabled() && !slicesHasVisibleLabel(g.action) {
			t.Errorf("card %d (%s): %q is disabled and nothing beside it says why", i+1, s.ID, label)
		}
		// The line under the bar does not repeat the button's words: a
		// person scanning for the button reads them twice, and the
		// real-window suite clicked the line.
		if g.hint.Visible() && strings.Contains(strings.ToLower(g.hint.Text), strings.ToLower(label)) {
			t.Errorf("card %d (%s): the line under the bar, %q, repeats %q", i+1, s.ID, g.hint.Text, label)
		}
	}
}

func slicesHasVisibleLabel(root fyne.CanvasObject) bool {
	for _, o := range visible(root) {
		if l, ok := o.(*widget.Label); ok && l.Text != "" {
			return true
		}
	}
	return false
}

// The password card holds still: the clipboard's offer comes into room
// kept for it, so the field does not move under the pointer when it comes
// or goes; the card's one Save saves the offered password; once saved,
// the confirmation comes first and the keyboard goes on to Done.
func TestPasswordCardHoldsStill(t *testing.T) {
	x := newCheckFixture(t, "en")
	o, cb := passwordCard(t, x, "")
	g := x.f.guide
	x.w.Resize(companionSize)
	entry := findEntry(t, g.cardAndBar())
	save := findButton(t, g.action, "Save password")
	where := func() fyne.Position {
		return fyne.CurrentApp().Driver().AbsolutePositionForObject(entry)
	}
	before := where()
	if !save.Disabled() || !hasText(g.action, "Paste the password first.") {
		t.Fatal("Save is enabled with nothing to save, or does not say why not")
	}
	cb.SetContent("Nj7%tQ2@wE5^yU8*")
	o.poll(o.stop)
	if !o.row.Visible() {
		t.Fatal("not offered")
	}
	if where() != before {
		t.Errorf("the field moved from %v to %v when the offer came", before, where())
	}
	if save.Disabled() {
		t.Error("the offered password cannot be saved with the card's Save")
	}
	if n := len(findAll[*uiwidget.Button](g.cardAndBar())); n == 0 {
		t.Fatal("no buttons")
	}
	blue := 0
	for _, b := range findAll[*uiwidget.Button](g.cardAndBar()) {
		if b.Visible() && b.Importance == widget.HighImportance && strings.Contains(b.Text, "Save") {
			blue++
		}
	}
	if blue != 1 {
		t.Errorf("%d blue save buttons; one job has one", blue)
	}
	test.Tap(findButton(t, g.cardAndBar(), "Not that one"))
	if where() != before || !save.Disabled() {
		t.Errorf("declined: the field moved (%v, was %v) or Save stays enabled (%v)", where(), before, !save.Disabled())
	}
	cb.SetContent("Xk3#pL9!qR2$mN7&")
	o.poll(o.stop)
	test.Tap(save)
	x.wait()
	if x.w.Canvas().Focused() != fyne.Focusable(g.done) {
		t.Errorf("after saving the keyboard is on %v, not Done", x.w.Canvas().Focused())
	}
	saved := x.f.vaultText("vault.saved", nil)
	var confirmation, another float32 = -1, -1
	for _, obj := range visible(g.scroll.Content) {
		switch v := obj.(type) {
		case *widget.Label:
			if strings.HasPrefix(v.Text, saved) {
				confirmation = fyne.CurrentApp().Driver().AbsolutePositionForObject(v).Y
			}
		case *uiwidget.Button:
			if v.Text == "Save a different password" {
				another = fyne.CurrentApp().Driver().AbsolutePositionForObject(v).Y
			}
		}
	}
	if confirmation < 0 || another < 0 || confirmation > another {
		t.Errorf("the confirmation (at %v) is not above \"Save a different password\" (at %v)", confirmation, another)
	}
}

// The password card's lines under Show and Copy (the password shown,
// "Copied", the clipboard cleared 30 seconds later) get their room: the
// card is laid out again, and nothing below is drawn over them.
func TestPasswordCardLinesGetTheirRoom(t *testing.T) {
	x := newCheckFixture(t, "en")
	var fire func()
	x.f.clipboardAfter = fakeAfter(&fire)
	o, cb := passwordCard(t, x, "")
	g := x.f.guide
	x.w.Resize(companionSize)
	cb.SetContent("Nj7%tQ2@wE5^yU8*")
	o.poll(o.stop)
	test.Tap(findButton(t, g.action, "Save password"))
	x.wait()
	test.Tap(findButton(t, g.scroll.Content, "Show"))
	x.wait()
	test.Tap(findButton(t, g.scroll.Content, "Copy password"))
	x.wait()
	if fire == nil {
		t.Fatal("no clear was started")
	}
	fire()
	x.wait()
	var cleared *widget.Label
	for _, obj := range visible(g.scroll.Content) {
		if l, ok := obj.(*widget.Label); ok && l.Text == "The clipboard was cleared." {
			cleared = l
		}
	}
	if cleared == nil {
		t.Fatalf("no cleared line; texts %q", texts(g.scroll.Content))
	}
	d := fyne.CurrentApp().Driver()
	var another fyne.CanvasObject
	for _, obj := range visible(g.scroll.Content) {
		if b, ok := obj.(*uiwidget.Button); ok && b.Text == "Save a different password" {
			another = b
		}
	}
	if another == nil {
		t.Fatal("no \"Save a different password\"")
	}
	if cleared.Size().Height == 0 || d.AbsolutePositionForObject(cleared).Y+cleared.Size().Height > d.AbsolutePositionForObject(another).Y {
		t.Errorf("the cleared line (at %v, %v) is drawn under \"Save a different password\" (at %v)", d.AbsolutePositionForObject(cleared), cleared.Size(), d.AbsolutePositionForObject(another))
	}
}

// Card 13 once the file is checked: what Done waits for, "Make a backup…"
// or the tick "I will make the backup later", is its main action, in the
// action bar (below the fold on a laptop when it was in the card), and
// the card holds no second backup button. The tick lets Done on from there.
func TestBackupInTheBarOnceChecked(t *testing.T) {
	for _, lang := range []string{"da", "en"} {
		t.Run(lang, func(t *testing.T) {
			x, sha := withRenewed(t, lang, true)
			g := x.f.guide
			for _, s := range guide.Steps[:guide.Index("download")] {
				g.progress.Done[s.ID] = guideTestTime
			}
			g.progress.Current = "download"
			g.progress.SetFileChecked(sha, guideTestTime)
			g.show()
			x.wait()
			backup, later := msg.T(lang, "check.action.backup", nil), msg.T(lang, "guide.download.backup_later", nil)
			// A click on it opens the backup: TestGuideBacksUpAndReceiptsTheCheckedFile.
			if b := findButton(t, g.action, backup); b.Disabled() {
				t.Errorf("%q in the bar is disabled", backup)
			}
			if hasButton(g.scroll.Content, backup) {
				t.Errorf("the card holds a second %q", backup)
			}
			var tick *uiwidget.Check
			for _, c := range findAll[*uiwidget.Check](g.action) {
				if c.Text == later && c.Visible() {
					tick = c
				}
			}
			if tick == nil {
				t.Fatalf("no %q in the action bar", later)
			}
			if !g.done.Disabled() {
				t.Fatal("Done is enabled before the backup or the tick")
			}
			test.Tap(tick)
			x.wait()
			if g.done.Disabled() || !g.progress.BackupLater {
				t.Errorf("the tick in the bar did not let Done on (disabled %v, later %v)", g.done.Disabled(), g.progress.BackupLater)
			}
		})
	}
}

// W12: every card fits a window narrowed to 420 px: the DPG list's picture
// (its menu beside three filters) widened the window to about 455.
func TestEveryCardFitsANarrowWindow(t *testing.T) {
	const narrow = 420
	for _, lang := range []string{"da", "en"} {
		f, _ := newTestFrame(t, lang)
		g := f.guide
		for _, s := range guide.Steps {
			goTo(g, s.ID)
			if w := unfitted(f.content).MinSize().Width; w > narrow {
				t.Errorf("%s %s: the window needs %.0f px, wider than %d", lang, s.ID, w, narrow)
			}
		}
	}
}

// W12: "Installed in DPG" is answered where it was pressed: the line that
// says it is recorded (when, by whom) takes the button's place in the
// action bar, on screen at 125 % too, where in the card it fell below the
// picture.
func TestDPGInstalledIsSaidInTheBar(t *testing.T) {
	for _, lang := range []string{"da", "en"} {
		t.Run(lang, func(t *testing.T) {
			x := newCheckFixture(t, lang)
			x.w.Resize(fyne.NewSize(companionSize.Width, laptopHeight))
			g := x.f.guide
			onTheDPGCard(t, x, "Mette Prøvesen")
			test.Tap(findButton(t, g.action, msg.T(lang, "guide.dpg.installed", nil)))
			x.wait()
			said := false
			for _, s := range shownTexts(g.action) {
				said = said || strings.Contains(s, "Mette Prøvesen")
			}
			if !said || !g.action.Visible() {
				t.Errorf("the action bar says %q after Installed in DPG", shownTexts(g.action))
			}
		})
	}
}

// At 125 % on a 1366×768 laptop (X13) every card's heading, its warnings
// and the download card's news are on screen when the card opens, above
// the fold: a picture that leaves them no room goes to the card's end, so
// the words are read first and the main action stays in the bar. With
// room (the companion's size) the picture stays on top.
func TestTheHeadingIsOnScreenAt125(t *testing.T) {
	for _, lang := range []string{"da", "en"} {
		t.Run(lang, func(t *testing.T) {
			x, sha := withRenewed(t, lang, false)
			g := x.f.guide
			d := fyne.CurrentApp().Driver()
			for _, size := range []fyne.Size{fyne.NewSize(624/1.25, laptopHeight), companionSize} {
				x.w.Resize(size)
				for i, s := range guide.Steps {
					if s.Illustration == "" {
						continue
					}
					g.progress = guide.New(guideTestTime)
					onCard(&g.progress, i, sha)
					if s.Task == guide.TaskDownload {
						g.progress.SetFileChecked(sha, guideTestTime) // the file landed and was checked
					}
					g.show()
					x.wait()
					top, view := d.AbsolutePositionForObject(g.scroll), g.scroll.Size().Height
					var title, picture fyne.CanvasObject
					words := []fyne.CanvasObject{}
					for _, o := range visible(g.scroll.Content) {
						if l, ok := o.(*widget.Label); ok && l.Text == msg.T(lang, s.Title, nil) {
							title = l
						}
						if _, ok := o.(*scene.Illustration); ok {
							picture = o
						}
					}
					if title == nil || picture == nil {
						t.Fatalf("%s card %d (%s): no heading or no picture", lang, i+1, s.ID)
					}
					words = append(words, title)
					var keys []string
					for _, w := range s.WarningsFor(g.facts()) {
						keys = append(keys, w.Key)
					}
					if s.Task == guide.TaskDownload {
						keys = append(keys, "guide.download.checked") // the card's news
					}
					for _, k := range keys {
						n := len(words)
						for _, o := range visible(g.scroll.Content) {
							if l, ok := o.(*widget.Label); ok && l.Text == msg.T(lang, k, nil) {
								words = append(words, l)
							}
						}
						if len(words) == n {
							t.Errorf("%s card %d (%s): %q not shown", lang, i+1, s.ID, msg.T(lang, k, nil))
						}
					}
					for _, o := range words {
						// The heading and the card's news whole (Danish
						// card 13's news was 4 px short of whole, below
						// "VERY IMPORTANT"); a warning at least its first
						// line.
						y, h := d.AbsolutePositionForObject(o).Y-top.Y, o.Size().Height
						if l := o.(*widget.Label); l != title && l.Text != msg.T(lang, "guide.download.checked", nil) {
							h = min(h, 2*theme.Padding()+theme.TextSize())
						}
						if y < 0 || y+h > view+0.5 {
							t.Errorf("%s %v card %d (%s): %q at %.0f..%.0f, the card shows 0..%.0f", lang, size, i+1, s.ID, o.(*widget.Label).Text, y, y+o.Size().Height, view)
						}
					}
					if size == companionSize && d.AbsolutePositionForObject(picture).Y > d.AbsolutePositionForObject(title).Y {
						t.Errorf("%s card %d (%s): at the companion's size the picture is not on top", lang, i+1, s.ID)
					}
				}
			}
			// The password card drawn at the companion's size, then the
			// window made a laptop's at 125 %: the picture moves then, not
			// only when the next card is drawn.
			x.w.Resize(fyne.NewSize(624/1.25, companionSize.Height)) // the height alone changes
			g.progress = guide.New(guideTestTime)
			g.progress.Current = "password"
			g.show()
			x.wait()
			x.w.Resize(fyne.NewSize(624/1.25, laptopHeight))
			found := false
			for _, o := range visible(g.scroll.Content) {
				if l, ok := o.(*widget.Label); ok && l.Text == msg.T(lang, "guide.password.title", nil) {
					found = true
					top, y := d.AbsolutePositionForObject(g.scroll), d.AbsolutePositionForObject(l).Y
					if y-top.Y+l.Size().Height > g.scroll.Size().Height+0.5 {
						t.Errorf("%s: after the window shrank the password card's heading is at %.0f, the card shows %.0f", lang, y-top.Y, g.scroll.Size().Height)
					}
				}
			}
			if !found {
				t.Errorf("%s: no heading on the password card", lang)
			}
		})
	}
}

// withRenewed is the Check fixture with the renewed certificate in the
// register, its file in Downloads, its password saved or not.
func withRenewed(t *testing.T, lang string, saved bool) (*checkFixture, string) {
	t.Helper()
	sha := strings.Repeat("c4", 32)
	x := newCheckFixture(t, lang)
	if err := x.f.register.Upsert(register.Certificate{SHA256: sha, Organization: "Fornyer Testfirma ApS",
		NotBefore: guideTestTime, NotAfter: guideTestTime.AddDate(3, 0, 0), File: &register.FileRef{Path: "/home/anne/Downloads/Fornyer Testfirma ApS.p12"}, PasswordSaved: saved}); err != nil {
		t.Fatal(err)
	}
	return x, sha
}

// onCard puts p on card i with the cards before it done: the download's
// with the file sha checked and its backup put off.
func onCard(p *guide.Progress, i int, sha string) {
	p.Current = guide.Steps[i].ID
	for _, done := range guide.Steps[:i] {
		p.Done[done.ID] = guideTestTime
		if done.Task == guide.TaskDownload {
			p.SetFileChecked(sha, guideTestTime)
			p.BackupLater = true
		}
	}
}

// One action leads each card: at most one blue button that can be pressed
// on the screen, the card and its bar together. The summary showed two,
// "Create a receipt…" in the bar beside Done.
func TestOneBlueButtonOnEveryCard(t *testing.T) {
	for _, lang := range []string{"da", "en"} {
		f, _ := newGuideTestFrame(t, lang, t.TempDir())
		g := f.guide
		sha := strings.Repeat("c4", 32)
		if err := f.register.Upsert(register.Certificate{SHA256: sha, Organization: "Fornyer Testfirma ApS", NotAfter: guideTestTime.AddDate(3, 0, 0)}); err != nil {
			t.Fatal(err)
		}
		g.progress.SetFileChecked(sha, guideTestTime)
		for _, s := range guide.Steps {
			goTo(g, s.ID)
			if blue := blueButtons(g.screen); len(blue) > 1 {
				t.Errorf("%s, card %s: %d blue buttons: %q", lang, s.ID, len(blue), blue)
			}
		}
		if g.done.Importance != widget.MediumImportance || !hasButton(g.action, words.T("check.action.receipt")) {
			t.Errorf("%s: on the summary the receipt does not lead (Done's importance %v)", lang, g.done.Importance)
		}
	}
}

// blueButtons are the labels of the blue buttons o shows that can be
// pressed.
func blueButtons(o fyne.CanvasObject) []string {
	if !o.Visible() {
		return nil
	}
	switch x := o.(type) {
	case *uiwidget.Button:
		if x.Importance == widget.HighImportance && !x.Disabled() {
			return []string{x.Text}
		}
		return nil
	case *fyne.Container:
		var out []string
		for _, k := range x.Objects {
			out = append(out, blueButtons(k)...)
		}
		return out
	case fyne.Widget:
		var out []string
		for _, k := range test.WidgetRenderer(x).Objects() {
			out = append(out, blueButtons(k)...)
		}
		return out
	}
	return nil
}

// Card 17 on a laptop at 100 % and at 125 %: the file the portal asks for,
// with "Show the file in its folder", is in view; at 100 % it lay below the
// fold under the picture (usertest walk 1).
func TestTheFileThePortalAsksForIsInView(t *testing.T) {
	for _, lang := range []string{"da", "en"} {
		x, sha := withRenewed(t, lang, true)
		g := x.f.guide
		d := fyne.CurrentApp().Driver()
		for _, size := range []fyne.Size{fyne.NewSize(480, companionHeight(768, 1)), fyne.NewSize(624/1.25, laptopHeight)} {
			x.w.Resize(size)
			g.progress = guide.New(guideTestTime)
			onCard(&g.progress, guide.Index("dpg-install"), sha)
			g.show()
			x.wait()
			show := uiButton(t, g, words.T("watch.reveal"))
			top, view := d.AbsolutePositionForObject(g.scroll), g.scroll.Size().Height
			if y := d.AbsolutePositionForObject(show).Y - top.Y; y < 0 || y+show.Size().Height > view+0.5 {
				t.Errorf("%s %v: %q at %.0f..%.0f, the card shows 0..%.0f", lang, size, show.Text, y, y+show.Size().Height, view)
			}
		}
	}
}
