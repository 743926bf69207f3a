package widget

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// NewVScroll is a vertical scroll whose content keeps clear of the scroll
// bar: Fyne draws the bar over the content's right edge, where it covered
// the ends of lines and of buttons (the Check tab's "Choose file…",
// Settings' "Delete"). Content set later goes through ClearOfScrollBar.
func NewVScroll(content fyne.CanvasObject) *container.Scroll {
	return container.NewVScroll(ClearOfScrollBar(content))
}

// ClearOfScrollBar lays content out one scroll bar's width narrower than
// the scroll it is in.
func ClearOfScrollBar(content fyne.CanvasObject) fyne.CanvasObject {
	return container.New(barInset{}, content)
}

type barInset struct{}

func barWidth() float32 { return theme.Size(theme.SizeNameScrollBar) }

func (barInset) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var min fyne.Size
	for _, o := range objects {
		if o.Visible() {
			min = min.Max(o.MinSize())
		}
	}
	return min.AddWidthHeight(barWidth(), 0)
}

func (barInset) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(fyne.NewSize(size.Width-barWidth(), size.Height))
	}
}
