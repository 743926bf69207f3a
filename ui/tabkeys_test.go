package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/testpki"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
	"github.com/fornyer/fornyer/ui/words"
)

// ctrl presses Ctrl (Cmd on macOS) with key as Fyne's window does: the
// focused widget gets the shortcut if it takes shortcuts (a text field
// does), the window only when nothing is focused.
func ctrl(t *testing.T, w fyne.Window, key fyne.KeyName) {
	t.Helper()
	s := &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
	focused, ok := w.Canvas().Focused().(fyne.Shortcutable)
	if !ok {
		t.Fatal("nothing that takes shortcuts has the focus")
	}
	focused.TypedShortcut(s)
}

// U22: Ctrl+1…4 reach the tabs while a text field has the focus; a field
// that goes once its question is answered does not keep the keyboard; and
// behind an open dialog the tabs stay.
func TestTabKeysWhileAFieldHasTheFocus(t *testing.T) {
	for _, lang := range []string{"da", "en"} {
		t.Run(lang, func(t *testing.T) {
			x := newCheckFixture(t, lang)
			leaf := x.chain.Organization(t)
			x.drop(x.file("renewed.p12", testpki.OpenSSLPFX(t, leaf, x.chain.CACerts(), "right one", "-certpbe", "NONE")))
			x.f.tabs.SelectIndex(checkTab)
			entries := findAll[*uiwidget.Entry](x.f.check.answers)
			if len(entries) != 1 {
				t.Fatalf("%d password fields on the Check tab", len(entries))
			}
			entry := entries[0]
			x.w.Canvas().Focus(entry)
			ctrl(t, x.w, fyne.Key1)
			if got := x.f.tabs.SelectedIndex(); got != guideTab {
				t.Fatalf("Ctrl+1 in the password field left tab %d selected", got)
			}
			if x.w.Canvas().Focused() != nil {
				t.Error("the field on the tab left keeps the keyboard")
			}

			// The field is answered and goes: the keyboard goes with it.
			x.f.tabs.SelectIndex(checkTab)
			x.w.Canvas().Focus(entry)
			test.Type(entry, "right one")
			entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
			x.wait()
			if f := x.w.Canvas().Focused(); f != nil {
				t.Errorf("the answered field keeps the focus: %T", f)
			}

			// A dialog is answered first: Ctrl+4 in its field leaves the tab.
			field := uiwidget.NewEntry()
			uiwidget.ShowDialog(x.w, dialog.NewCustom("?", "OK", field, x.w), fyne.Size{})
			x.w.Canvas().Focus(field)
			ctrl(t, x.w, fyne.Key4)
			if got := x.f.tabs.SelectedIndex(); got != checkTab {
				t.Errorf("Ctrl+4 behind a dialog switched to tab %d", got)
			}
			// Copy and paste stay the field's.
			field.SetText("abc")
			field.TypedShortcut(&fyne.ShortcutSelectAll{})
			if field.SelectedText() != "abc" {
				t.Errorf("select all in the field selected %q", field.SelectedText())
			}
		})
	}
}

// tabs presses Tab n times as the window does (the canvas moves the focus
// to the next control in the tree) and returns what had the focus after
// each press.
func tabs(w fyne.Window, n int) []fyne.Focusable {
	var out []fyne.Focusable
	for range n {
		w.Canvas().FocusNext()
		uiwidget.ShowFocused(w.Canvas()) // as the window does before its next frame
		out = append(out, w.Canvas().Focused())
	}
	return out
}

// The first Tab reaches the card's first control, and the card's Back and
// Done come before the step dots and Help above the card: a keyboard user
// is not sent to the top (the dots) or the bottom of the window first.
func TestFirstTabReachesTheCard(t *testing.T) {
	f, w := newTestFrame(t, "en")
	g := f.guide

	// Card 1 holds no control: the first Tab is Done.
	if got := tabs(w, 1)[0]; got != g.done {
		t.Fatalf("the first Tab on card 1 reached %T, not Done", got)
	}

	// Card 2 holds no control either, and Back is enabled there: Done
	// still comes first, so Tab, Enter goes on, not back (Z1).
	goTo(g, guide.Steps[1].ID)
	w.Canvas().Unfocus()
	if got := tabs(w, 1)[0]; got != g.done {
		t.Fatalf("the first Tab on card 2 reached %T, not Done", got)
	}

	// Card 5 holds "Open MitID Erhverv": the first Tab is that, and Done
	// comes before any step dot.
	goTo(g, "login")
	w.Canvas().Unfocus()
	seen := tabs(w, 8)
	if b, ok := seen[0].(*uiwidget.Button); !ok || b.Text != words.T("guide.link.portal") {
		t.Fatalf("the first Tab on the login card reached %T %v", seen[0], seen[0])
	}
	done := slices.Index(seen, fyne.Focusable(g.done))
	firstDot := slices.IndexFunc(seen, func(x fyne.Focusable) bool { _, dot := x.(*uiwidget.StepperDot); return dot })
	if done < 0 || (firstDot >= 0 && firstDot < done) {
		t.Errorf("Done at Tab %d, the first step dot at Tab %d", done+1, firstDot+1)
	}
}

// holds says whether obj is root or drawn inside it.
func holds(root fyne.CanvasObject, obj fyne.Focusable) bool {
	if f, ok := root.(fyne.Focusable); ok && f == obj {
		return true
	}
	return slices.ContainsFunc(parts(root), func(c fyne.CanvasObject) bool { return holds(c, obj) })
}

// V2, V4, V1: on every card Tab visits one order, the same everywhere: the
// card's controls from top to bottom, the card's main action in the bar,
// Done, Back (Z1: Tab and Enter after the last control went back), the step dots as one stop, "New renewal…" (once begun: it
// came at the card's foot, before the main action, and a keyboard user
// passed it on every card), Help, and round again; and each
// control of the card is scrolled into view as it gets the focus, on a
// laptop's window.
func TestOneTabOrderOnEveryCard(t *testing.T) {
	for _, lang := range []string{"da", "en"} {
		f, w := newTestFrame(t, lang)
		w.Resize(fyne.NewSize(480, 712))
		g := f.guide
		c := w.Canvas()
		for _, st := range guide.Steps {
			goTo(g, st.ID)
			c.Unfocus()
			rank := func(x fyne.Focusable) (int, string) {
				if b, ok := x.(*uiwidget.Button); ok && b.Text == words.T("guide.new_renewal") {
					return 5, "New renewal"
				}
				switch {
				case x == fyne.Focusable(g.done):
					return 2, "Done"
				case x == fyne.Focusable(g.back):
					return 3, "Back"
				case holds(g.scroll.Content, x):
					return 0, "the card"
				case holds(g.action, x):
					return 1, "the action bar"
				case holds(g.stepper, x):
					return 4, "a step dot"
				}
				if b, ok := x.(*uiwidget.Button); ok && b.Text == words.T("guide.help") {
					return 6, "Help"
				}
				return -1, fmt.Sprintf("%T", x)
			}
			var cycle []fyne.Focusable
			var order []string
			last, dots := 0, 0
			for range 80 {
				before := g.scroll.Offset
				x := tabs(w, 1)[0]
				if len(cycle) > 0 && x == cycle[0] {
					break
				}
				cycle = append(cycle, x)
				r, name := rank(x)
				order = append(order, name)
				if r < last {
					t.Errorf("%s %s: Tab reaches %s out of order: %v", lang, st.ID, name, order)
				}
				last = max(last, r)
				if r == 4 {
					dots++
				}
				if r != 0 && g.scroll.Offset != before {
					t.Errorf("%s %s: Tab to %s scrolled the card", lang, st.ID, name)
				}
				if r == 0 && !shown(g, x.(fyne.CanvasObject)) {
					t.Errorf("%s %s: Tab %d (%T) is outside the card's view", lang, st.ID, len(order), x)
				}
			}
			if dots != 1 {
				t.Errorf("%s %s: %d step dots in the Tab order", lang, st.ID, dots)
			}
			if !g.done.Disabled() && !slices.Contains(cycle, fyne.Focusable(g.done)) {
				t.Errorf("%s %s: Tab never reaches Done: %v", lang, st.ID, order)
			}
		}
	}
}

// guideOn is the window in English on the guide's card id: its guide,
// window and canvas; height, unless 0, is the window's (712: a laptop's).
func guideOn(t *testing.T, id string, height float32) (*guideState, fyne.Window, fyne.Canvas) {
	t.Helper()
	f, w := newTestFrame(t, "en")
	if height > 0 {
		w.Resize(fyne.NewSize(480, height))
	}
	goTo(f.guide, id)
	return f.guide, w, w.Canvas()
}

// shown says whether obj is whole in the guide card's view.
func shown(g *guideState, obj fyne.CanvasObject) bool {
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(g.scroll).Y
	y := d.AbsolutePositionForObject(obj).Y
	return y >= top && y+obj.Size().Height <= top+g.scroll.Size().Height
}

// V1, V4: a place is added on card 3 by keyboard alone: typed in the name
// field, Enter; the new place is shown, and the keyboard is in the empty
// name field for the next one. Pressing Add does the same, and a card
// drawn again keeps the keyboard on the button pressed.
func TestAddAPlaceByKeyboard(t *testing.T) {
	g, w, c := guideOn(t, "prepare-usage", 712)
	c.Unfocus()
	nameField := func() *uiwidget.Entry {
		for _, e := range findAll[*uiwidget.Entry](g.scroll.Content) {
			if e.PlaceHolder == words.T("guide.place.name") {
				return e
			}
		}
		t.Fatal("no name field for a new place")
		return nil
	}
	var name *uiwidget.Entry
	for _, x := range tabs(w, 40) {
		if x == fyne.Focusable(nameField()) {
			name = nameField()
			break
		}
	}
	if name == nil {
		t.Fatal("Tab never reached the new place's name field")
	}
	test.Type(name, "Acme webshop")
	name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	uiwidget.ShowFocused(c)
	if n := len(g.progress.Usages); n != 1 || g.progress.Usages[0].Name != "Acme webshop" {
		t.Fatalf("the places: %+v", g.progress.Usages)
	}
	name = nameField()
	if c.Focused() != fyne.Focusable(name) || name.Text != "" {
		t.Errorf("after the place was added the keyboard is on %T (the name field holds %q)", c.Focused(), name.Text)
	}
	var title fyne.CanvasObject
	for _, l := range findAll[*widget.Label](g.scroll.Content) {
		if strings.HasPrefix(l.Text, "Acme webshop") {
			title = l
		}
	}
	if title == nil || !shown(g, title) || !shown(g, name) {
		t.Errorf("the new place (%v) or the name field is outside the card's view", title)
	}

	// Add, pressed with the keyboard: the place is added, the keyboard
	// in the name field again.
	test.Type(name, "Intranet")
	var add *uiwidget.Button
	for _, x := range tabs(w, 3) {
		if b, ok := x.(*uiwidget.Button); ok && b.Text == words.T("guide.place.add") {
			add = b
			break
		}
	}
	if add == nil {
		t.Fatal("Tab from the name field never reached Add")
	}
	add.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(g.progress.Usages) != 2 || c.Focused() != fyne.Focusable(nameField()) {
		t.Errorf("after Add: %d places, the keyboard on %T", len(g.progress.Usages), c.Focused())
	}

	// Remove: the keyboard goes on to the next place's Remove.
	var removes []*uiwidget.Button
	for _, b := range findAll[*uiwidget.Button](g.scroll.Content) {
		if b.Text == words.T("guide.place.remove") {
			removes = append(removes, b)
		}
	}
	c.Focus(removes[0])
	removes[0].TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	b, ok := c.Focused().(*uiwidget.Button)
	if len(g.progress.Usages) != 1 || !ok || b.Text != words.T("guide.place.remove") || !holds(g.scroll.Content, b) {
		t.Errorf("after Remove: %d places, the keyboard on %T", len(g.progress.Usages), c.Focused())
	}
}

// V2, V4: the step dots are one Tab stop; the arrows move along them, Enter
// jumps, and the keyboard stays on the dots, on the card jumped to's.
func TestStepDotsByKeyboard(t *testing.T) {
	g, _, c := guideOn(t, "login", 0)
	c.Focus(g.back)
	c.FocusNext()
	dot, ok := c.Focused().(*uiwidget.StepperDot)
	if !ok || dot != g.dots[guide.Index("login")] {
		t.Fatalf("Tab after Back reached %T, not the current step's dot", c.Focused())
	}
	dot.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if g.progress.Current != "prepare-usage" {
		t.Fatalf("Left, Left, Enter went to %s", g.progress.Current)
	}
	if c.Focused() != fyne.Focusable(g.dots[guide.Index("prepare-usage")]) {
		t.Errorf("after the jump the keyboard is on %T", c.Focused())
	}
}

// uiButton is the card's or the bar's button of Fornyer's with the text.
func uiButton(t *testing.T, g *guideState, text string) *uiwidget.Button {
	t.Helper()
	for _, root := range []fyne.CanvasObject{g.scroll.Content, g.action} {
		for _, b := range findAll[*uiwidget.Button](root) {
			if b.Text == text && b.Visible() {
				return b
			}
		}
	}
	t.Fatalf("no button %q", text)
	return nil
}

// V4: on the password card, buttons pressed with the keyboard keep it:
// Save moves it on to Done once the card may be done, Show and Copy keep
// it while they work off the UI thread and after.
func TestPressedButtonsKeepTheKeyboard(t *testing.T) {
	x := newCheckFixture(t, "en")
	o, cb := passwordCard(t, x, "")
	g := x.f.guide
	c := x.w.Canvas()
	cb.SetContent("Nj7%tQ2@wE5^yU8*")
	o.poll(o.stop)
	press := func(b *uiwidget.Button) {
		t.Helper()
		c.Focus(b)
		b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		x.wait()
	}
	press(uiButton(t, g, "Save password"))
	answerKept(t, g, "In the organisation's password manager")
	x.wait()
	if c.Focused() != fyne.Focusable(g.done) {
		t.Errorf("after Save the keyboard is on %T, not Done", c.Focused())
	}
	for _, text := range []string{"Show", "Copy password"} {
		b := uiButton(t, g, text)
		press(b)
		if c.Focused() != fyne.Focusable(b) {
			t.Errorf("after %s the keyboard is on %T", text, c.Focused())
		}
	}
}

// A card drawn again while a note is typed (the register or the
// credential store changed) gives the keyboard back to the note, and
// typing goes on at the end of what was typed, not at its start.
func TestTypingGoesOnWhenTheCardIsDrawnAgain(t *testing.T) {
	g, _, c := guideOn(t, "prepare-usage", 0)
	notes := findAll[*uiwidget.Entry](g.scroll.Content)
	c.Focus(notes[1])
	test.Type(notes[1], "ab")
	g.show()
	test.Type(c.Focused().(*uiwidget.Entry), "c")
	notes = findAll[*uiwidget.Entry](g.scroll.Content)
	if c.Focused() != fyne.Focusable(notes[1]) || notes[1].Text != "abc" {
		t.Errorf("the keyboard is on %T; the note holds %q", c.Focused(), notes[1].Text)
	}
}

// Enter on a card's tick is Done: the next card opens at its top with
// nothing focused (the next Tab reaches its first control), not scrolled
// to whatever lies where the tick was.
func TestEnterOnATickOpensTheNextCardAtItsTop(t *testing.T) {
	g, _, c := guideOn(t, "prepare-usage", 712)
	ticks := findAll[*uiwidget.Check](g.scroll.Content)
	c.Focus(ticks[len(ticks)-1])
	ticks[len(ticks)-1].TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	uiwidget.ShowFocused(c)
	if g.progress.Current != "prepare-dpg" {
		t.Fatalf("Enter on the tick went to %s", g.progress.Current)
	}
	if c.Focused() != nil || g.scroll.Offset.Y != 0 {
		t.Errorf("the next card has %T focused, scrolled to %v", c.Focused(), g.scroll.Offset.Y)
	}
}

// A dialog opened from a card by keyboard gives the keyboard back when it
// closes: to the control that opened it when the card still shows it, else
// to the card's main action (Next on the first card after "Start again"),
// never to nowhere, where the next Tab started at the card's first
// control (the backup, the receipt and the hand-over dialogs redraw the
// card they were opened from).
func TestADialogGivesTheKeyboardBack(t *testing.T) {
	g, _, c := guideOn(t, "login", 0)
	open := func() {
		t.Helper()
		c.Focus(g.reset)
		g.reset.TypedRune(' ') // Space presses on its character
		if c.Overlays().Top() == nil {
			t.Fatal("no question")
		}
	}
	open()
	test.Tap(findButton(t, c.Overlays().Top(), "Cancel"))
	if c.Focused() != fyne.Focusable(g.reset) {
		t.Errorf("after Cancel the keyboard is on %T, not on New renewal…", c.Focused())
	}
	open()
	test.Tap(findButton(t, c.Overlays().Top(), "Start again"))
	if g.progress.Current != guide.Steps[0].ID {
		t.Fatalf("on %s after Start again", g.progress.Current)
	}
	if c.Focused() != fyne.Focusable(g.done) {
		t.Errorf("after Start again the keyboard is on %T (New renewal… hidden: %v), not Next", c.Focused(), !g.reset.Visible())
	}
}

// onTheDPGCard puts the guide on card 19 with the renewed certificate
// checked and name typed as who installed it, and returns its SHA-256.
func onTheDPGCard(t *testing.T, x *checkFixture, name string) string {
	t.Helper()
	sha := strings.Repeat("ce", 32)
	if err := x.f.register.Upsert(register.Certificate{SHA256: sha, Organization: "Firma ApS",
		NotBefore: guideTestTime, NotAfter: guideTestTime.AddDate(3, 0, 0)}); err != nil {
		t.Fatal(err)
	}
	x.f.guide.progress.SetFileChecked(sha, x.f.now())
	goTo(x.f.guide, "dpg-verify")
	x.wait()
	test.Type(findAll[*uiwidget.Entry](x.f.guide.action)[0], name)
	return sha
}

// X1: Enter on Done opens the next card with the keyboard nowhere, so the
// first Tab reaches the new card's first control (it went on from Done to
// the step dots and Help first); Enter there is Done again (the window's).
func TestDoneByKeyboardStartsTheNextCardAtItsTop(t *testing.T) {
	f, w := newTestFrame(t, "en")
	g := f.guide
	c := w.Canvas()
	goTo(g, "prepare-dpg")
	c.Focus(g.done)
	g.done.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if g.progress.Current != "login" {
		t.Fatalf("Enter on Done went to %s", g.progress.Current)
	}
	if b, ok := tabs(w, 1)[0].(*uiwidget.Button); !ok || b.Text != words.T("guide.link.portal") {
		t.Errorf("the first Tab on the next card reached %v, not its first control", b)
	}
	// Back keeps the keyboard: Enter again goes back again.
	c.Focus(g.back)
	g.back.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if g.progress.Current != "prepare-dpg" || c.Focused() != fyne.Focusable(g.back) {
		t.Errorf("after Back on %s the keyboard is on %T", g.progress.Current, c.Focused())
	}
}

// Z2: card 19 waits for a name; arrived at by Done, the keyboard is in the
// name field, not one Tab before the card's links (Timengo's guide, the
// service centre's e-mail and phone), where the name typed opened the mail
// program at each space. A name given already (on the receipt) leaves the
// keyboard nowhere: Enter there would record an installation not made.
func TestTheDPGCardOpensInItsNameField(t *testing.T) {
	for _, named := range []bool{false, true} {
		x := newCheckFixture(t, "en")
		g := x.f.guide
		c := x.w.Canvas()
		sha := strings.Repeat("cf", 32)
		cert := register.Certificate{SHA256: sha, Organization: "Firma ApS",
			NotBefore: guideTestTime, NotAfter: guideTestTime.AddDate(3, 0, 0)}
		if named {
			cert.Receipts = []register.Receipt{{At: guideTestTime, By: "Mette Prøvesen"}}
		}
		if err := x.f.register.Upsert(cert); err != nil {
			t.Fatal(err)
		}
		g.progress.SetFileChecked(sha, x.f.now())
		before := guide.Steps[guide.Index("dpg-verify")-1].ID
		goTo(g, before)
		x.wait()
		c.Focus(g.done)
		g.done.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		x.wait()
		if g.progress.Current != "dpg-verify" {
			t.Fatalf("Done on %s went to %s", before, g.progress.Current)
		}
		field := findAll[*uiwidget.Entry](g.action)[0]
		if named {
			if c.Focused() != nil {
				t.Errorf("with the name given the keyboard is on %T", c.Focused())
			}
			// Reached by Tab, the name given is a proposal that a name
			// typed replaces (Z14: "Mette HolmMette Holm" was recorded).
			c.Focus(g.back)
			c.FocusPrevious()
			c.FocusPrevious()
			if c.Focused() != fyne.Focusable(field) {
				t.Fatalf("Shift+Tab from Back past Installed reached %T, not the name field", c.Focused())
			}
			test.Type(field, "Anne Berg")
			if field.Text != "Anne Berg" {
				t.Errorf("the name typed over the proposal: %q", field.Text)
			}
			continue
		}
		if c.Focused() != fyne.Focusable(field) {
			t.Fatalf("on card 19 the keyboard is on %T, not the name field", c.Focused())
		}
		// Drawn again while the keyboard is elsewhere on the card: it stays.
		c.Focus(g.back)
		g.show()
		if c.Focused() != fyne.Focusable(g.back) {
			t.Errorf("card 19 drawn again took the keyboard to %T", c.Focused())
		}
	}
}

// X7, X9: a button pressed by keyboard that is gone once the card is drawn
// again ("Installed in DPG", "Note them again") hands the keyboard to Done,
// now the card's next step, not to whatever control is drawn at its place:
// Enter there opened the file's folder, and the space Fyne types after
// Space's key un-ticked the tick box drawn there.
func TestAPressedButtonThatGoesLeavesTheKeyboardOnDone(t *testing.T) {
	x := newCheckFixture(t, "en")
	g := x.f.guide
	c := x.w.Canvas()
	sha := onTheDPGCard(t, x, "Mette Prøvesen")
	installed := uiButton(t, g, words.T("guide.dpg.installed"))
	c.Focus(installed)
	// Space as the window sends it: the key, then its character, each to
	// whatever has the focus then.
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	c.Focused().TypedRune(' ')
	x.wait()
	if rc, _ := x.f.register.Get(sha); rc.DPG == nil {
		t.Fatal("Installed in DPG recorded nothing")
	}
	if c.Focused() != fyne.Focusable(g.done) || g.done.Disabled() {
		t.Errorf("after Installed in DPG the keyboard is on %T (Done disabled: %v), not Done", c.Focused(), g.done.Disabled())
	}
}
