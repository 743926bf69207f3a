package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/fornyer/fornyer/core/msg"
)

// firstFrameStyles are the text styles the first card draws: its text and
// its headings, tabs and buttons.
var firstFrameStyles = []fyne.TextStyle{{}, {Bold: true}}

// warmUp does, on goroutines of its own, the parsing the first card waits
// for while the UI thread is in the graphics driver making the window
// (Fyne's NewWindow: tens of milliseconds of OpenGL set-up): the faces of
// the first card's text styles, which Fyne parses the first time a style
// is measured (the font, its emoji and symbol fallbacks and the system's
// font for the language: some 10 ms a style), and core/msg's catalogues.
// Nothing may measure text until the returned channel is closed: Fyne's
// text shaper is not safe to share between goroutines. The theme must be
// set before, since the faces are the theme's.
func warmUp() (fontsReady <-chan struct{}) {
	go msg.Catalogue(msg.Languages[0]) // read once, for every language, behind a sync.Once
	ready := make(chan struct{})
	go func() {
		defer close(ready)
		defer StartPiece("fonts")()
		for _, style := range firstFrameStyles {
			fyne.MeasureText("x", theme.TextSize(), style)
		}
	}()
	return ready
}
