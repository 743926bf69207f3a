package widget

import (
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
