package widget

import (
	"errors"
	"fmt"
	"image/color"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	fynewidget "fyne.io/fyne/v2/widget"

	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/reveal"
)

func TestButtonTakesEnterAndSpace(t *testing.T) {
	test.NewTempApp(t)
	n := 0
	b := NewButton("Næste", nil, func() { n++ })
	w := test.NewTempWindow(t, b)
	w.Canvas().Focus(b)
	// Space as a window sends it: the key, then its character.
	for _, k := range []fyne.KeyName{fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace, fyne.KeyTab, fyne.KeyA} {
		b.TypedKey(&fyne.KeyEvent{Name: k})
	}
	b.TypedRune(' ')
	b.TypedRune('a')
	if n != 3 {
		t.Errorf("tapped %d times by Return, Enter, Space, Tab, A; want 3", n)
	}
	b.Disable()
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if n != 3 {
		t.Error("Enter tapped a disabled button")
	}
}

// X9: a press that draws the screen again puts a tick box where the
// button was, and the keyboard on it. Space, sent as a window sends it
// (the key, then its character), presses the button once and leaves the
// tick box as it was: the character came after the press and found the
// tick box focused.
func TestSpaceOnAButtonDoesNotReachWhatTakesItsPlace(t *testing.T) {
	test.NewTempApp(t)
	box := container.NewVBox()
	w := test.NewTempWindow(t, box)
	ticked := NewCheck("DPG", true, nil)
	presses := 0
	b := NewButton("Note them again", nil, func() {
		presses++
		box.Objects = []fyne.CanvasObject{ticked}
		box.Refresh()
		w.Canvas().Focus(ticked)
	})
	box.Add(b)
	w.Canvas().Focus(b)
	sendSpace(w.Canvas())
	if presses != 1 || !ticked.Checked {
		t.Errorf("presses %d, the tick box ticked %v; want 1 press and the box as it was", presses, ticked.Checked)
	}
	sendSpace(w.Canvas()) // now on the tick box: Space ticks it, as ever
	if ticked.Checked {
		t.Error("Space on the tick box did not untick it")
	}
}

// sendSpace is the Space key as Fyne's window delivers it to the focused
// control: the key, then the character, each to whatever has the focus
// at that moment.
func sendSpace(c fyne.Canvas) {
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	c.Focused().TypedRune(' ')
}

// Escape closes the dialog on top, one at a time, and nothing once none
// is shown; a dialog closed by its own button is forgotten.
func TestEscapeClosesTheDialogOnTop(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, fynewidget.NewLabel("vindue"))
	w.Resize(fyne.NewSize(400, 400))
	var closed []string
	first := dialog.NewConfirm("Første", "?", func(bool) { closed = append(closed, "første") }, w)
	ShowDialog(w, first, fyne.Size{})
	second := dialog.NewConfirm("Anden", "?", func(bool) { closed = append(closed, "anden") }, w)
	ShowDialog(w, second, fyne.Size{})
	if !Escape(w) || strings.Join(closed, ",") != "anden" {
		t.Fatalf("first Escape closed %q", closed)
	}
	if !Escape(w) || strings.Join(closed, ",") != "anden,første" {
		t.Fatalf("second Escape closed %q", closed)
	}
	if Escape(w) {
		t.Error("Escape closed something with no dialog shown")
	}
	third := dialog.NewConfirm("Tredje", "?", func(bool) { closed = append(closed, "tredje") }, w)
	ShowDialog(w, third, fyne.Size{})
	third.Hide()
	if Escape(w) || len(open) != 0 {
		t.Errorf("a dialog closed by itself was still tracked (%d)", len(open))
	}
}

// The fallback: a path field, focused, so the keyboard alone chooses. A
// path that is not there is refused with a sentence and keeps the dialog,
// and a folder where a file is asked for (or a file for a folder) is told
// that it is one;
// a good one (quotes from a copied path stripped) comes back; Escape is a
// cancel.
func TestFallbackDialogTakesATypedPath(t *testing.T) {
	test.NewTempApp(t)
	speak(t, "da")
	w := test.NewTempWindow(t, fynewidget.NewLabel("vindue"))
	w.Resize(fyne.NewSize(480, 700))
	t.Setenv(DialogsEnv, "fyne")
	dir := t.TempDir()
	file := filepath.Join(dir, "Fornyet certifikat æøå.p12")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	var answers []string
	Choose(w, Pick{Title: "Vælg filen", StartDir: dir}, func(p string) { answers = append(answers, p) })
	entry, ok := w.Canvas().Focused().(*Entry)
	if !ok {
		t.Fatalf("the path field is not focused (%T)", w.Canvas().Focused())
	}
	if entry.Text != dir+string(filepath.Separator) {
		t.Errorf("the field starts with %q, want the start folder", entry.Text)
	}
	entry.SetText(filepath.Join(dir, "findes ikke.p12"))
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(answers) != 0 || w.Canvas().Overlays().Top() == nil {
		t.Fatalf("a missing file was accepted: %q", answers)
	}
	if !hintSays(w, "Der er ingen fil dér.") {
		t.Errorf("a missing file is not told so; texts: %q", overlayTexts(w))
	}
	entry.SetText(dir) // a folder where a file is asked for
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(answers) != 0 {
		t.Fatalf("a folder was accepted as the file: %q", answers)
	}
	if !hintSays(w, "Det er en mappe. Vælg certifikatfilen i den.") || hintSays(w, "Der er ingen fil dér.") {
		t.Errorf("a folder is not told to be a folder; texts: %q", overlayTexts(w))
	}
	entry.SetText(`"` + file + `"`)
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(answers) != 1 || answers[0] != file {
		t.Fatalf("answers %q, want the file", answers)
	}
	if w.Canvas().Overlays().Top() != nil {
		t.Error("the dialog stayed after a choice")
	}

	Choose(w, Pick{Title: "Vælg mappen", Folder: true}, func(p string) { answers = append(answers, p) })
	folderEntry := w.Canvas().Focused().(*Entry)
	folderEntry.SetText(file) // a file where a folder is asked for
	folderEntry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(answers) != 1 || !hintSays(w, "Det er en fil, ikke en mappe.") {
		t.Errorf("a file where a folder is asked for: answers %q, texts %q", answers, overlayTexts(w))
	}
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if len(answers) != 2 || answers[1] != "" || w.Canvas().Overlays().Top() != nil {
		t.Errorf("Escape in the field: answers %q, dialog shown %v", answers, w.Canvas().Overlays().Top() != nil)
	}
}

// overlayTexts is every label's text in the dialog on top.
func overlayTexts(w fyne.Window) []string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *fynewidget.Label:
			if v.Visible() {
				out = append(out, v.Text)
			}
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		case fyne.Widget:
			r := test.WidgetRenderer(v)
			for _, c := range r.Objects() {
				walk(c)
			}
		}
	}
	if top := w.Canvas().Overlays().Top(); top != nil {
		walk(top)
	}
	return out
}

// hintSays reports whether a shown label in the dialog begins with start.
func hintSays(w fyne.Window, start string) bool {
	for _, s := range overlayTexts(w) {
		if strings.HasPrefix(s, start) {
			return true
		}
	}
	return false
}

// Browse… opens Fyne's own dialog: its places are named in the window's
// language, and Escape closes it as a cancel, back to the path field.
func TestBrowseWithFyne(t *testing.T) {
	test.NewTempApp(t)
	speak(t, "da")
	w := test.NewTempWindow(t, fynewidget.NewLabel("vindue"))
	w.Resize(fyne.NewSize(480, 700))
	var answers []string
	browseWithFyne(w, Pick{Title: "Vælg mappen", Folder: true, StartDir: t.TempDir()}, func(p string) { answers = append(answers, p) })
	top, ok := popUpOf(w.Canvas().Overlays().Top())
	if !ok {
		t.Fatalf("no dialog was shown: %T", w.Canvas().Overlays().Top())
	}
	split := findSplit(top.Content)
	if split == nil {
		t.Fatal("the dialog has no list of places: Fyne's layout changed, translatePlaces needs a look")
	}
	list := split.Leading.(*fynewidget.List)
	item := list.CreateItem()
	list.UpdateItem(0, item)
	if got := labels(item); !strings.Contains(got, "Hjem") || strings.Contains(got, "Home") {
		t.Errorf("the first place reads %q, want Hjem", got)
	}
	if !Escape(w) {
		t.Fatal("Escape did not close the file dialog")
	}
	if len(answers) != 1 || answers[0] != "" {
		t.Errorf("answers after Escape: %q, want one cancel", answers)
	}
}

func labels(o fyne.CanvasObject) string {
	switch o := o.(type) {
	case *fynewidget.Label:
		return o.Text
	case *fyne.Container:
		var out []string
		for _, c := range o.Objects {
			out = append(out, labels(c))
		}
		return strings.Join(out, " ")
	}
	return ""
}

func TestOffsetShowing(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name                    string
		offset, view, y, h, out float32
	}{
		{"in view stays", 100, 400, 200, 40, 100},
		{"above scrolls up", 300, 400, 200, 40, 188},
		{"near the top scrolls to 0", 50, 400, 5, 40, 0},
		{"below scrolls down", 0, 400, 500, 40, 152},
		{"taller than the view shows its top", 0, 400, 500, 600, 488},
	} {
		if got := offsetShowing(tc.offset, tc.view, tc.y, tc.h); got != tc.out {
			t.Errorf("%s: offset %v, want %v", tc.name, got, tc.out)
		}
	}
}

// Whatever has the focus is brought into view in the followed scroll
// container, whether Tab or the program moved it there: Fornyer's button,
// and Fyne's own list and radio group (whose answers are Fyne's private
// widgets), and on the way back up the first one again.
func TestFocusScrollsIntoView(t *testing.T) {
	test.NewTempApp(t)
	var rows []fyne.CanvasObject
	for range 30 {
		rows = append(rows, fynewidget.NewLabel("Linje"))
	}
	first := NewButton("Først", nil, func() {})
	last := NewButton("Knap", nil, func() {})
	list := fynewidget.NewSelect([]string{"a", "b"}, nil)
	radio := fynewidget.NewRadioGroup([]string{"ja", "nej"}, nil)
	content := container.NewVBox(first)
	content.Objects = append(content.Objects, rows...)
	content.Objects = append(content.Objects, list)
	content.Objects = append(content.Objects, rows[:10]...)
	content.Objects = append(content.Objects, radio, last)
	scroll := container.NewVScroll(content)
	below := NewButton("Udført", nil, func() {}) // fixed below the scroll, as Done
	w := test.NewTempWindow(t, container.NewBorder(nil, below, nil, nil, scroll))
	FollowFocus(w.Canvas(), scroll)
	w.Resize(fyne.NewSize(300, 200))
	c := w.Canvas()
	KeepFocusInView(w)
	inView := func(what string, o fyne.CanvasObject) {
		t.Helper()
		ShowFocused(c)
		top := fyne.CurrentApp().Driver().AbsolutePositionForObject(o).Y - fyne.CurrentApp().Driver().AbsolutePositionForObject(content).Y
		if top < scroll.Offset.Y || top+o.Size().Height > scroll.Offset.Y+scroll.Size().Height {
			t.Errorf("%s at %v…%v, outside the view %v…%v", what, top, top+o.Size().Height, scroll.Offset.Y, scroll.Offset.Y+scroll.Size().Height)
		}
	}
	c.Focus(first)
	inView("the first button", first)
	c.FocusNext()
	if c.Focused() != list {
		t.Fatalf("Tab went to %T", c.Focused())
	}
	inView("the list", list)
	c.FocusNext()
	inView("the radio group's first answer", c.Focused().(fyne.CanvasObject))
	c.Focus(last)
	inView("the last button", last)
	c.Focus(first)
	inView("the first button again", first)
	// A button below the scroll lies within the content's height: the
	// scroll stays where it is.
	c.Focus(below)
	ShowFocused(c)
	if scroll.Offset.Y != 0 {
		t.Errorf("focusing the button below the scroll scrolled it to %v", scroll.Offset.Y)
	}
}

// A status line shown under the last button ("Copied", "cleared") grows
// the content; its box, revealed at once, is scrolled into view with it.
func TestRevealAJustShownLine(t *testing.T) {
	test.NewTempApp(t)
	var rows []fyne.CanvasObject
	for range 30 {
		rows = append(rows, fynewidget.NewLabel("Linje"))
	}
	status := fynewidget.NewLabel("Kopieret")
	status.Hide()
	box := container.NewVBox(fynewidget.NewButton("Kopiér", nil), status)
	scroll := container.NewVScroll(container.NewVBox(append(rows, box)...))
	w := test.NewTempWindow(t, scroll)
	FollowFocus(w.Canvas(), scroll)
	w.Resize(fyne.NewSize(300, 200))
	scroll.ScrollToBottom()

	status.Show()
	box.Refresh()
	Reveal(box)
	bottom := box.Position().Y + status.Position().Y + status.Size().Height
	if status.Size().Height == 0 || bottom > scroll.Offset.Y+scroll.Size().Height {
		t.Errorf("the status ends at %v (height %v), below the view (%v + %v)", bottom, status.Size().Height, scroll.Offset.Y, scroll.Size().Height)
	}
}

func TestAppleScript(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	got := appleScript(Pick{Title: `Vælg "filen"`, Extensions: []string{"p12", "pfx"}, StartDir: dir})
	want := `POSIX path of (choose file with prompt "Vælg \"filen\"" of type {"p12", "pfx"} default location (POSIX file "` + dir + `"))`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	got = appleScript(Pick{Title: `a\b`, Folder: true, Extensions: []string{"p12"}, StartDir: filepath.Join(dir, "gone")})
	if want := `POSIX path of (choose folder with prompt "a\\b")`; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestOpenCommand(t *testing.T) {
	t.Parallel()
	for goos, want := range map[string]string{
		"darwin": "open C:\\Users\\Søren\\kvittering.pdf",
		"linux":  "xdg-open C:\\Users\\Søren\\kvittering.pdf",
	} {
		name, args := openCommand(goos, `C:\Users\Søren\kvittering.pdf`)
		if got := name + " " + strings.Join(args, " "); got != want {
			t.Errorf("%s: %q, want %q", goos, got, want)
		}
	}
}

// Open says when nothing opened the file: an opener that fails is an
// error, never a claim that the file opened.
func TestOpenReportsFailure(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("drives a stand-in xdg-open")
	}
	bin := t.TempDir()
	script := filepath.Join(bin, "xdg-open")
	if err := os.WriteFile(script, []byte("#!/bin/sh\nexit 3\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin)
	if err := Open(File, "/tmp/kvittering.pdf"); err == nil {
		t.Error("a failing opener was reported as success")
	}
	if err := os.WriteFile(script, []byte("#!/bin/sh\nexit 0\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Open(File, "/tmp/kvittering.pdf"); err != nil {
		t.Errorf("a working opener: %v", err)
	}
	if err := Open(Address, "https://erhvervsadministration.nemlog-in.dk/"); err != nil {
		t.Errorf("a web address: %v", err)
	}
	// Only web addresses are opened as such: nothing else reaches the
	// opener (a file:// or a program's path would run it).
	for _, bad := range []string{"", "/usr/bin/xterm", "file:///etc/passwd", "javascript:alert(1)", "https://"} {
		if err := Open(Address, bad); err == nil {
			t.Errorf("Open(Address, %q) was handed to the opener", bad)
		}
	}
	// A contact link is a mailto: or tel: link, nothing else.
	if err := Open(Contact, "mailto:servicecenter@sikker-post.dk"); err != nil {
		t.Errorf("an e-mail address: %v", err)
	}
	for _, bad := range []string{"", "mailto:", "https://example.org/", "file:///etc/passwd", "/usr/bin/xterm"} {
		if err := Open(Contact, bad); err == nil {
			t.Errorf("Open(Contact, %q) was handed to the opener", bad)
		}
	}
	// A file no longer there is said to be gone, not that its folder failed.
	if err := Open(InFolder, filepath.Join(bin, "gone.p12")); !errors.Is(err, reveal.ErrNotFound) {
		t.Errorf("a file gone: %v", err)
	}
}

// Each kind of failed open has its own sentence, naming what was to open.
func TestOpenErrorSays(t *testing.T) {
	t.Parallel()
	seen := map[string]Target{}
	for _, what := range []Target{File, Folder, Address, Contact} {
		err := error(&OpenError{What: what, Target: "/home/anne/Firma.p12", Err: errors.New("no")})
		s := msg.Sentence("da", fmt.Errorf("wrapped: %w", err))
		if !strings.Contains(s, "/home/anne/Firma.p12") || msg.Code(err) == msg.GeneralCode {
			t.Errorf("%d: %q (%s) does not name it", what, s, msg.Code(err))
		}
		if other, ok := seen[s]; ok {
			t.Errorf("%d and %d say the same: %q", what, other, s)
		}
		seen[s] = what
	}
}

// A question whose yes removes something: the yes carries the delete icon
// in the danger colour, never Fyne's tick (U26); yes, no and Escape each
// answer once.
func TestDangerConfirm(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, fynewidget.NewLabel("vindue"))
	w.Resize(fyne.NewSize(400, 400))
	buttons := func() map[string]*Button {
		out := map[string]*Button{}
		var walk func(o fyne.CanvasObject)
		walk = func(o fyne.CanvasObject) {
			if b, ok := o.(*Button); ok {
				out[b.Text] = b
			}
			if c, ok := o.(*fyne.Container); ok {
				for _, o := range c.Objects {
					walk(o)
				}
			}
			if wd, ok := o.(fyne.Widget); ok {
				for _, o := range test.WidgetRenderer(wd).Objects() {
					walk(o)
				}
			}
		}
		walk(w.Canvas().Overlays().Top())
		return out
	}
	for _, tc := range []struct {
		name  string
		press func()
		want  []bool
	}{
		{"yes", func() { test.Tap(buttons()["Slet"]) }, []bool{true}},
		{"no", func() { test.Tap(buttons()["Behold"]) }, []bool{false}},
		{"escape", func() { Escape(w) }, []bool{false}},
	} {
		var got []bool
		d := NewDangerConfirm("Slet?", "Slet", "Behold", fynewidget.NewLabel("Kan ikke fortrydes."), func(yes bool) { got = append(got, yes) }, w)
		ShowDialog(w, d, fyne.Size{})
		b := buttons()
		if yes := b["Slet"]; yes == nil || yes.Icon != theme.DeleteIcon() || yes.Importance != fynewidget.DangerImportance {
			t.Fatalf("%s: the yes is %+v, want the delete icon in the danger colour", tc.name, yes)
		}
		if no := b["Behold"]; no == nil || no.Icon != theme.CancelIcon() {
			t.Fatalf("%s: the no is %+v", tc.name, no)
		}
		tc.press()
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("%s answered %v, want %v", tc.name, got, tc.want)
		}
	}
}

// A focused button is ringed in the text colour, whatever its own colour
// (Fyne's own focus on a blue button is only a darker blue); the ring goes
// with the focus. A plain button has an edge that shows on the page.
func TestFocusedButtonIsRinged(t *testing.T) {
	test.NewTempApp(t)
	primary := NewButton("Gem adgangskoden", nil, func() {})
	primary.Importance = fynewidget.HighImportance
	plain := NewButton("Tilbage", nil, func() {})
	w := test.NewTempWindow(t, container.NewVBox(primary, plain))
	ring := func(b *Button) *canvas.Rectangle {
		return test.WidgetRenderer(b).(*buttonRenderer).ring
	}
	if ring(primary).StrokeColor != color.Transparent {
		t.Fatal("an unfocused button is ringed")
	}
	w.Canvas().Focus(primary)
	if ring(primary).StrokeColor == color.Transparent || ring(primary).StrokeWidth < 2 {
		t.Errorf("a focused primary button has no ring: %v", ring(primary).StrokeColor)
	}
	w.Canvas().Focus(plain)
	if ring(primary).StrokeColor != color.Transparent {
		t.Error("the ring stayed after the focus left")
	}
	if e := test.WidgetRenderer(plain).(*buttonRenderer).edge; e.StrokeColor == color.Transparent {
		t.Error("a plain button has no edge")
	}
}

// A row of 21 dots narrower than its natural width shrinks to fit, dots
// kept round and inside; wide enough, it keeps their size, centred.
func TestStepperShrinksToTheWindow(t *testing.T) {
	test.NewTempApp(t)
	var dots []fyne.CanvasObject
	for i := range 21 {
		dots = append(dots, NewStepperDot(i+1, func() DotState { return DotOpen }, nil, nil))
	}
	row := container.New(StepperLayout{Gap: 2}, dots...)
	for _, width := range []float32{400, 600} {
		row.Resize(fyne.NewSize(width, StepperDotSize))
		first, last := dots[0], dots[20]
		if first.Position().X < 0 || last.Position().X+last.Size().Width > width+0.5 {
			t.Errorf("width %v: dots from %v to %v, outside the row", width, first.Position().X, last.Position().X+last.Size().Width)
		}
		if s := last.Size(); s.Width != s.Height {
			t.Errorf("width %v: a dot of %v", width, s)
		}
		if width == 600 && first.Size().Width != StepperDotSize {
			t.Errorf("a wide row shrank its dots to %v", first.Size())
		}
	}
}

// Only the current step's dot shows its number, and a step ahead's while
// it has the keyboard (the arrows move along the dots): the steps ahead
// are plain rings, done steps ticked (issue 27: twenty numbers on the steps
// ahead were twenty texts drawn before the window's first frame).
func TestStepperNumbersTheCurrentStepOnly(t *testing.T) {
	test.NewTempApp(t)
	number := func(d *StepperDot) string {
		for _, o := range test.WidgetRenderer(d).Objects() {
			if text, ok := o.(*canvas.Text); ok && text.Visible() {
				return text.Text
			}
		}
		return ""
	}
	for _, c := range []struct {
		state DotState
		want  string
	}{{DotCurrent, "7"}, {DotOpen, ""}, {DotDone, ""}, {DotFinished, ""}} {
		d := NewStepperDot(7, func() DotState { return c.state }, func() bool { return true }, nil)
		w := test.NewTempWindow(t, d)
		if got := number(d); got != c.want {
			t.Errorf("dot 7 in state %d shows %q; want %q", c.state, got, c.want)
		}
		if c.state != DotOpen {
			continue
		}
		w.Canvas().Focus(d)
		if got := number(d); got != "7" {
			t.Errorf("a step ahead's dot with the keyboard shows %q; want its number", got)
		}
		w.Canvas().Unfocus()
		if got := number(d); got != "" {
			t.Errorf("a step ahead's dot that lost the keyboard shows %q", got)
		}
	}
}

// U14, V2: the stepper's dots are one stop in the Tab order, the current
// step's dot; the arrows, Home and End move along the dots that may be
// jumped to, passing the others; Space or Enter jumps.
func TestStepperDotsTakeTheKeyboard(t *testing.T) {
	test.NewTempApp(t)
	var jumped []int
	current := 3
	dot := func(n int, can bool) *StepperDot {
		return NewStepperDot(n, func() DotState {
			if n == current {
				return DotCurrent
			}
			return DotOpen
		}, func() bool { return can }, func() { jumped = append(jumped, n) })
	}
	dots := []*StepperDot{dot(1, true), dot(2, false), dot(3, true), dot(4, true), dot(5, false)}
	LinkDots(dots)
	before, after := NewButton("før", nil, nil), NewButton("efter", nil, nil)
	row := container.NewHBox(before)
	for _, d := range dots {
		row.Add(d)
	}
	row.Add(after)
	w := test.NewTempWindow(t, row)
	c := w.Canvas()
	c.Focus(before)
	c.FocusNext()
	if c.Focused() != dots[2] {
		t.Fatalf("Tab went to %v, not the current step's dot", c.Focused())
	}
	c.FocusNext()
	if c.Focused() != after {
		t.Fatalf("the second Tab went to %v, not past the dots", c.Focused())
	}
	c.FocusPrevious()
	if c.Focused() != dots[2] {
		t.Fatalf("Shift+Tab went to %v", c.Focused())
	}
	key := func(k fyne.KeyName, want *StepperDot) {
		t.Helper()
		c.Focused().TypedKey(&fyne.KeyEvent{Name: k})
		if c.Focused() != want {
			t.Errorf("%s went to %v, not dot %d", k, c.Focused(), want.number)
		}
	}
	key(fyne.KeyLeft, dots[0]) // past dot 2, which may not be jumped to
	key(fyne.KeyLeft, dots[0]) // the first stays
	key(fyne.KeyEnd, dots[3])  // dot 5 may not be jumped to
	key(fyne.KeyHome, dots[0])
	key(fyne.KeyRight, dots[2])
	key(fyne.KeyDown, dots[3])
	// The dot moved to is the row's stop: Tab leaves, Shift+Tab comes back
	// to it.
	c.FocusNext()
	c.FocusPrevious()
	if c.Focused() != dots[3] {
		t.Errorf("Shift+Tab came back to %v, not the dot moved to", c.Focused())
	}
	dots[3].TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	dots[0].TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	dots[1].TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if fmt.Sprint(jumped) != "[4 1]" {
		t.Errorf("jumped %v", jumped)
	}
	if !TakeFocus(c, dots) || c.Focused() != dots[3] {
		t.Errorf("TakeFocus gave the keyboard to %v", c.Focused())
	}
}

// Tabbed onto a control inside a dialog, the keyboard still works: Escape
// from a link closes the dialog, Enter on a question's yes answers yes,
// and Enter on a message's OK closes it (Fyne's own buttons and links
// swallow Escape and ignore Enter).
func TestDialogsTakeTheKeyboardFromTheirControls(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, fynewidget.NewLabel("vindue"))
	w.Resize(fyne.NewSize(480, 600))
	focusIn := func(find func(fyne.CanvasObject) bool) fyne.Focusable {
		t.Helper()
		var found fyne.Focusable
		var walk func(fyne.CanvasObject)
		walk = func(obj fyne.CanvasObject) {
			if f, ok := obj.(fyne.Focusable); ok && found == nil && find(obj) {
				found = f
			}
			switch o := obj.(type) {
			case *fyne.Container:
				for _, c := range o.Objects {
					walk(c)
				}
			case fyne.Widget:
				for _, c := range test.WidgetRenderer(o).Objects() {
					walk(c)
				}
			}
		}
		walk(w.Canvas().Overlays().Top())
		if found == nil {
			t.Fatal("no such control in the dialog")
		}
		w.Canvas().Focus(found)
		return found
	}

	followed := 0
	link := NewHyperlink("servicecenter@sikker-post.dk", nil, func() { followed++ })
	help := NewCloseable("Hjælp", "Luk", link, w)
	ShowDialog(w, help, fyne.Size{})
	focusIn(func(o fyne.CanvasObject) bool { return o == link }).TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if followed != 1 {
		t.Errorf("Enter on a link followed it %d times through its opener", followed)
	}
	focusIn(func(o fyne.CanvasObject) bool { return o == link }).TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.Canvas().Overlays().Top() != nil {
		t.Error("Escape on a link did not close its dialog")
	}

	var answers []bool
	q := NewConfirm("Start forfra?", "Start forfra", "Annullér", fynewidget.NewLabel("?"), func(yes bool) { answers = append(answers, yes) }, w)
	ShowDialog(w, q, fyne.Size{})
	focusIn(func(o fyne.CanvasObject) bool { b, ok := o.(*Button); return ok && b.Text == "Start forfra" }).TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	q = NewConfirm("Start forfra?", "Start forfra", "Annullér", fynewidget.NewLabel("?"), func(yes bool) { answers = append(answers, yes) }, w)
	ShowDialog(w, q, fyne.Size{})
	focusIn(func(o fyne.CanvasObject) bool { b, ok := o.(*Button); return ok && b.Text == "Start forfra" }).TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if fmt.Sprint(answers) != "[true false]" || w.Canvas().Overlays().Top() != nil {
		t.Errorf("Enter then Escape on yes answered %v", answers)
	}

	ShowInformation(w, "Kalender", "Påmindelserne blev ikke åbnet.")
	focusIn(func(o fyne.CanvasObject) bool { _, ok := o.(*Button); return ok }).TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if w.Canvas().Overlays().Top() != nil {
		t.Error("Enter on OK did not close the message")
	}
}

// The wheel over a one-line field scrolls the scroll container the field
// is in, not another followed one in a tab not shown (registered later,
// its own Visible still true), and not the field's own text.
func TestWheelOverAFieldScrollsItsTab(t *testing.T) {
	test.NewTempApp(t)
	var rows []fyne.CanvasObject
	field := NewEntry()
	rows = append(rows, field)
	for range 30 {
		rows = append(rows, fynewidget.NewLabel("Linje"))
	}
	shown := container.NewVScroll(container.NewVBox(rows...))
	var other []fyne.CanvasObject
	for range 30 {
		other = append(other, fynewidget.NewLabel("Anden fane"))
	}
	hidden := container.NewVScroll(container.NewVBox(other...))
	tabs := container.NewAppTabs(container.NewTabItem("Én", shown), container.NewTabItem("To", container.NewStack(hidden)))
	w := test.NewTempWindow(t, tabs)
	FollowFocus(w.Canvas(), shown)
	FollowFocus(w.Canvas(), hidden)
	w.Resize(fyne.NewSize(300, 200))
	over := fyne.CurrentApp().Driver().AbsolutePositionForObject(field).Add(fyne.NewPos(20, 10))
	test.Scroll(w.Canvas(), over, 0, -30)
	if shown.Offset.Y == 0 {
		t.Fatal("the wheel over the field did not scroll its tab")
	}
}
