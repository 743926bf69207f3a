package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
)

// pictureLayout lays a card out as a VBox, except that its picture goes
// to the card's end when the card's view is too short to show the picture
// and the words that follow it (the heading, the sentence, the warnings)
// together: at 125 % on a laptop the picture pushed the heading, "VERY
// IMPORTANT" and the card's news ("The file is checked") below the fold
// (X13). The words and the task are read first; the picture is a scroll
// away, and the card's main action stays in the bar. The order changes
// nothing of the card's size.
type pictureLayout struct {
	picture fyne.CanvasObject
	words   []fyne.CanvasObject
	// room is the height of the card's view; 0 before it is laid out,
	// when the picture stays on top.
	room func() float32
	// below is where the last layout put the picture.
	below bool
}

var vbox = layout.NewVBoxLayout()

func (l *pictureLayout) MinSize(objects []fyne.CanvasObject) fyne.Size { return vbox.MinSize(objects) }

func (l *pictureLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.below = l.pictureBelow()
	vbox.Layout(l.order(objects), size)
}

// order is the card's objects as they are laid out: the picture last
// when it and its words do not fit the view together.
func (l *pictureLayout) order(objects []fyne.CanvasObject) []fyne.CanvasObject {
	if !l.below {
		return objects
	}
	out := make([]fyne.CanvasObject, 0, len(objects))
	for _, o := range objects {
		if o != l.picture {
			out = append(out, o)
		}
	}
	return append(out, l.picture)
}

// pictureBelow reports whether the picture and its words together are
// taller than the card's view.
func (l *pictureLayout) pictureBelow() bool {
	room := l.room()
	if room <= 0 || len(l.words) == 0 || !l.picture.Visible() {
		return false
	}
	need := l.picture.MinSize().Height
	for _, w := range l.words {
		if w.Visible() {
			need += theme.Padding() + w.MinSize().Height
		}
	}
	return need > room
}

// viewResized lays the card out again when the height of its view changed
// so that the picture goes to the other place: a card taller than its view
// is not laid out again by the view (its size is its own), and the action
// bar below it grows and shrinks with what the card offers.
func (g *guideState) viewResized() {
	l := g.picture
	if l == nil || g.cardBox == nil || l.below == l.pictureBelow() {
		return
	}
	g.cardBox.Layout.Layout(g.cardBox.Objects, g.cardBox.Size())
	canvas.Refresh(g.cardBox)
}

// afterLayout is a layout that calls after once it has laid out.
type afterLayout struct {
	inner fyne.Layout
	after func()
}

func (a *afterLayout) MinSize(objects []fyne.CanvasObject) fyne.Size { return a.inner.MinSize(objects) }

func (a *afterLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	a.inner.Layout(objects, size)
	a.after()
}
