package widget

import (
	"strings"

	"fyne.io/fyne/v2"
	fynewidget "fyne.io/fyne/v2/widget"
)

// NewWrapping is the one way Fornyer shows text that may be longer than
// the window is wide: a label that wraps between words (and inside a word
// only when one word is wider than the window).
func NewWrapping(text string) *fynewidget.Label {
	l := fynewidget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// NewWrappingStyle is NewWrapping with a style (bold, italic, monospace).
func NewWrappingStyle(text string, style fyne.TextStyle) *fynewidget.Label {
	l := NewWrapping(text)
	l.TextStyle = style
	return l
}

// breakAfter is put after each folder separator of a path shown, so that a
// path wraps at its separators rather than inside a name: a hair space,
// the narrowest character Fyne's wrapping breaks at (it breaks at spaces
// only; a zero-width space is not one to it). It is for display only: a
// path copied or opened is always the value itself, never a label's text,
// and a label the user can select from never gets one.
const breakAfter = "\u200a"

// Breakable is path as shown in a label: with a break opportunity after
// each / and \ (none after the last: a folder's trailing separator).
func Breakable(path string) string {
	var b strings.Builder
	for i, r := range path {
		b.WriteRune(r)
		if (r == '/' || r == '\\') && i < len(path)-1 {
			b.WriteString(breakAfter)
		}
	}
	return b.String()
}

// NewPath shows a path that wraps at its separators (see Breakable), and
// inside a name only when one name is wider than the window. Not in a
// monospace font: that draws the hair space a whole character wide.
func NewPath(path string) *fynewidget.Label {
	return NewWrapping(Breakable(path))
}
