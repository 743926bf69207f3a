package widget

import (
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	fynewidget "fyne.io/fyne/v2/widget"
)

// A screen drawn again (the guide's card after a change) is new widgets:
// the control that had the keyboard is gone, Fyne forgets nothing but
// finds it nowhere, and the next Tab starts from the window's first
// control. A Spot keeps the keyboard's place across such a rebuild: the
// same control again (the same kind with the same words: the button just
// pressed), else the one now at its place in the Tab order.

// Spot is where the keyboard was in a part of the window about to be built
// again.
type Spot struct {
	name  string // the control's kind and words; "" for one without words
	nth   int    // which of the controls of that name in Tab order
	index int    // its place among the part's controls in Tab order
	// row and column are a text field's cursor: typing goes on where it
	// was, not at the start of the text.
	row, column int
}

// SpotIn is where c's focus is in root; false when the focus is elsewhere
// or nowhere.
func SpotIn(c fyne.Canvas, root fyne.CanvasObject) (Spot, bool) {
	f := c.Focused()
	if f == nil {
		return Spot{}, false
	}
	all := controls(root)
	for i, x := range all {
		if x == f {
			s := Spot{name: controlName(x), nth: nthNamed(all[:i], controlName(x)), index: i}
			if e, ok := x.(*Entry); ok {
				s.row, s.column = e.CursorRow, e.CursorColumn
			}
			return s, true
		}
	}
	return Spot{}, false
}

// Restore gives the keyboard back in root, built again: to the control
// that still has it if it is there and enabled, else to the same control (kind, words
// and which of them), else to the first that takes it from the old place
// in the Tab order on, else to the last before it.
func (s Spot) Restore(c fyne.Canvas, root fyne.CanvasObject) {
	if s.Again(c, root) {
		return
	}
	all := controls(root)
	for i := s.index; i < len(all); i++ {
		if takes(all[i]) {
			c.Focus(all[i])
			return
		}
	}
	for i := min(s.index, len(all)) - 1; i >= 0; i-- {
		if takes(all[i]) {
			c.Focus(all[i])
			return
		}
	}
}

// Again gives the keyboard back in root to the control that still has it,
// if root shows it and it is enabled, else to the same control (kind, words
// and which of them) built again, and says whether it found one.
func (s Spot) Again(c fyne.Canvas, root fyne.CanvasObject) bool {
	all := controls(root)
	f := c.Focused()
	for _, x := range all {
		if x == f && f != nil && takes(f) {
			return true
		}
	}
	if s.name == "" {
		return false
	}
	n := 0
	for _, x := range all {
		if controlName(x) != s.name {
			continue
		}
		if n == s.nth && takes(x) {
			if e, ok := x.(*Entry); ok {
				lines := strings.Split(e.Text, "\n")
				e.CursorRow = min(s.row, len(lines)-1)
				e.CursorColumn = min(s.column, utf8.RuneCountInString(lines[e.CursorRow]))
				e.Refresh()
				e.restoring = true
				defer func() { e.restoring = false }()
			}
			c.Focus(x)
			return true
		}
		n++
	}
	return false
}

// FirstControl is the first control in root that takes the keyboard, in
// Tab order; nil when there is none.
func FirstControl(root fyne.CanvasObject) fyne.Focusable {
	for _, x := range controls(root) {
		if takes(x) {
			return x
		}
	}
	return nil
}

// takes says whether a control takes the keyboard now: Tab passes a
// disabled one.
func takes(f fyne.Focusable) bool {
	d, ok := f.(fyne.Disableable)
	return !ok || !d.Disabled()
}

func nthNamed(before []fyne.Focusable, name string) int {
	n := 0
	for _, x := range before {
		if controlName(x) == name {
			n++
		}
	}
	return n
}

// controlName is a control's kind and the words it shows, which stay when
// it is built again.
func controlName(f fyne.Focusable) string {
	switch x := f.(type) {
	case *Button:
		return "button " + x.Text
	case *Check:
		return "check " + x.Text
	case *Entry:
		return "entry " + x.PlaceHolder
	case *fynewidget.Select:
		return "select " + x.PlaceHolder
	case *Hyperlink:
		return "link " + x.Text
	}
	return ""
}

// controls are the controls in root that may take the keyboard, in Tab
// order (the order of the object tree), shown ones only: inside
// containers, scroll containers, the tab shown, cards, an accordion's open
// items and Fornyer's controls. A control inside another widget of Fyne's
// (a radio group's answers) is not listed.
func controls(root fyne.CanvasObject) []fyne.Focusable {
	var out []fyne.Focusable
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		if f, ok := o.(fyne.Focusable); ok {
			out = append(out, f)
			return
		}
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case *container.Scroll:
			walk(x.Content)
		case *container.AppTabs:
			if sel := x.Selected(); sel != nil {
				walk(sel.Content)
			}
		case *fynewidget.Card:
			walk(x.Content)
		case *fynewidget.Accordion:
			for _, it := range x.Items {
				if it.Open {
					walk(it.Detail)
				}
			}
		}
	}
	walk(root)
	return out
}
