package widget

import (
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	fynewidget "fyne.io/fyne/v2/widget"
)

// Tab through a dialog over a long card leaves the card where it was: the
// dialog's button drawn over the card's place is not the card's (review R6).
func TestADialogsFocusLeavesTheCardBehindIt(t *testing.T) {
	test.NewTempApp(t)
	var rows []fyne.CanvasObject
	for range 60 {
		rows = append(rows, fynewidget.NewLabel("Linje"))
	}
	content := container.NewVBox(rows...)
	scroll := container.NewVScroll(content)
	below := NewButton("Udført", nil, func() {})
	w := test.NewTempWindow(t, container.NewBorder(nil, below, nil, nil, scroll))
	FollowFocus(w.Canvas(), scroll)
	w.Resize(fyne.NewSize(300, 400))
	c := w.Canvas()
	KeepFocusInView(w)
	tall := canvas.NewRectangle(color.Black)
	tall.SetMinSize(fyne.NewSize(10, 290))
	ok := NewButton("OK i dialogen", nil, func() {})
	d := dialog.NewCustomWithoutButtons("Dialog", container.NewVBox(tall, ok), w)
	d.Show()
	before := scroll.Offset.Y
	c.Focus(ok)
	ShowFocused(c)
	if scroll.Offset.Y != before {
		t.Errorf("the card behind the dialog scrolled from %v to %v", before, scroll.Offset.Y)
	}
}

// A screen drawn again while a dialog is open (a backup recorded, a
// receipt made) has new controls: when the dialog closes, the keyboard
// goes to the one with the words of the control that opened it, not
// nowhere, where the next Tab started at the window's first control.
func TestADialogGivesTheKeyboardToTheSameControlDrawnAgain(t *testing.T) {
	test.NewTempApp(t)
	screen := func() []fyne.CanvasObject {
		return []fyne.CanvasObject{NewButton("Første", nil, nil), NewButton("Lav en sikkerhedskopi…", nil, nil)}
	}
	box := container.NewVBox(screen()...)
	w := test.NewTempWindow(t, box)
	c := w.Canvas()
	c.Focus(box.Objects[1].(fyne.Focusable))
	ShowDialog(w, dialog.NewCustomWithoutButtons("Sikkerhedskopi", fynewidget.NewLabel("…"), w), fyne.Size{})
	box.Objects = screen()
	box.Refresh()
	if !Escape(w) {
		t.Fatal("Escape closed no dialog")
	}
	if c.Focused() != box.Objects[1].(fyne.Focusable) {
		t.Errorf("the keyboard is on %v, not the button drawn again", c.Focused())
	}
}

// X13: a panel taller than the window (the backup dialog at 125 % on a
// laptop) is no taller than the window: its page scrolls, and a control
// below the dialog's edge is scrolled into view when it gets the keyboard
// (its buttons were cut in half at the window's bottom edge).
func TestATallPanelScrollsInsideTheWindow(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, fynewidget.NewLabel("the card"))
	w.Resize(fyne.NewSize(400, 400))
	c := w.Canvas()
	KeepFocusInView(w)
	tall := canvas.NewRectangle(color.Black)
	tall.SetMinSize(fyne.NewSize(10, 200))
	last := NewButton("Tag sikkerhedskopi", nil, func() {})
	p := NewPanel(container.NewVBox(tall, last))
	ShowPanel(w, "Sikkerhedskopi", p, nil)
	d := fyne.CurrentApp().Driver()
	top := c.Overlays().Top()
	if top == nil {
		t.Fatal("no dialog")
	}
	// The page grows once shown (a choice that shows more fields): the
	// dialog grows about its middle, not down past the window's edge.
	tall.SetMinSize(fyne.NewSize(10, 600))
	p.Refit()
	c.Focus(last)
	ShowFocused(c)
	if bottom := d.AbsolutePositionForObject(last).Y + last.Size().Height; bottom > c.Size().Height {
		t.Errorf("the panel's last button ends at %.0f, below the window's %.0f", bottom, c.Size().Height)
	}
	p.Close()
	if len(dialogPages) != 0 {
		t.Errorf("%d pages of closed panels are still followed", len(dialogPages))
	}
}

// A page shown once the dialog is up (the receipt's "saved" page) is
// measured at the dialog's width: its wrapping lines were measured as one
// line each, the dialog came out short and its buttons were scrolled away.
func TestAPanelsNextPageFits(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, fynewidget.NewLabel("the card"))
	w.Resize(fyne.NewSize(400, 700))
	c := w.Canvas()
	p := NewPanel(NewButton("Lav kvittering", nil, nil))
	ShowPanel(w, "Kvittering", p, nil)
	long := NewWrapping(strings.Repeat("Kvitteringen er gemt i mappen Dokumenter. ", 12))
	done := NewButton("Færdig", nil, nil)
	p.Show(container.NewVBox(long, done))
	page := dialogPages[len(dialogPages)-1].scroll
	if page.Content.MinSize().Height > page.Size().Height+0.5 {
		t.Errorf("the page needs %.0f and is shown in %.0f: its Done is scrolled away", page.Content.MinSize().Height, page.Size().Height)
	}
	p.Close()
	_ = c
}

// Review S5: what the widgets keep for a window (its shortcuts, main
// action, followed scrolls and focus watch) goes with the window when it
// closes, and another window starts with none of it.
func TestAClosedWindowsStateIsReleased(t *testing.T) {
	test.NewTempApp(t)
	scroll := container.NewVScroll(NewButton("Udført", nil, func() {}))
	w := test.NewWindow(scroll)
	c := w.Canvas()
	KeepFocusInView(w)
	FollowFocus(c, scroll)
	AddShortcut(c, &fyne.ShortcutCopy{}, func(fyne.Shortcut) {})
	SetMainAction(w, func() fyne.Focusable { return nil })
	if st := windowStates[c]; st == nil || st.watch == nil || st.main == nil || len(st.followed) != 1 || len(st.shortcuts) != 1 {
		t.Fatalf("kept for the window: %+v", st)
	}
	other := test.NewTempWindow(t, fynewidget.NewLabel("another"))
	if st := windowStates[other.Canvas()]; st != nil || FocusMainAction(other) {
		t.Errorf("another window starts with %+v", st)
	}
	w.Close()
	if st, kept := windowStates[c]; kept {
		t.Errorf("still kept after the window closed: %+v", st)
	}
}
