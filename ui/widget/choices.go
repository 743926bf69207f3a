package widget

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// NewChoices lays buttons (the answers to a question) side by side, each as
// wide as the widest, when they fit the width they are given, and one
// under the other, each the whole width, when they do not. It never asks
// for more width than its widest button: buttons side by side in a grid
// or a box asked for the sum, and Fyne widened the window past the
// screen's edge and never narrowed it again (Y7).
func NewChoices(buttons ...fyne.CanvasObject) *fyne.Container {
	return container.New(&choicesLayout{}, buttons...)
}

// choicesLayout is NewChoices' layout. Its minimum height follows the width
// it was last given (as a wrapping label's does); the window lays its
// parent out again when that changes.
type choicesLayout struct {
	stacked bool // the last width given was too narrow for a row
}

func (l *choicesLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	shown, widest := visibleOf(objects)
	if len(shown) == 0 {
		return fyne.Size{}
	}
	pad := theme.Padding()
	if l.stacked {
		h := float32(0)
		for _, o := range shown {
			h += o.MinSize().Height
		}
		return fyne.NewSize(widest.Width, h+pad*float32(len(shown)-1))
	}
	return fyne.NewSize(widest.Width, widest.Height)
}

func (l *choicesLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	shown, widest := visibleOf(objects)
	if len(shown) == 0 {
		return
	}
	pad := theme.Padding()
	n := float32(len(shown))
	l.stacked = widest.Width*n+pad*(n-1) > size.Width
	if l.stacked {
		y := float32(0)
		for _, o := range shown {
			h := o.MinSize().Height
			o.Move(fyne.NewPos(0, y))
			o.Resize(fyne.NewSize(size.Width, h))
			y += h + pad
		}
		return
	}
	w := (size.Width - pad*(n-1)) / n
	for i, o := range shown {
		o.Move(fyne.NewPos(float32(i)*(w+pad), 0))
		o.Resize(fyne.NewSize(w, widest.Height))
	}
}

// visibleOf are the objects shown, and the largest minimum width and
// height among them.
func visibleOf(objects []fyne.CanvasObject) (shown []fyne.CanvasObject, widest fyne.Size) {
	for _, o := range objects {
		if o.Visible() {
			shown = append(shown, o)
			widest = widest.Max(o.MinSize())
		}
	}
	return shown, widest
}
