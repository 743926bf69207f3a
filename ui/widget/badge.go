package widget

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fornyer/fornyer/core/register"
)

// UrgencyBadge shows the days left on a pill in the urgency's colour, with
// the theme's matching text colour, so that it reads in light and dark.
type UrgencyBadge struct {
	widget.BaseWidget
	urgency register.Urgency
	text    string
}

// NewUrgencyBadge is the pill for an urgency, saying text.
func NewUrgencyBadge(u register.Urgency, text string) *UrgencyBadge {
	b := &UrgencyBadge{urgency: u, text: text}
	b.ExtendBaseWidget(b)
	return b
}

// Text is what the badge says.
func (b *UrgencyBadge) Text() string { return b.text }

// Set shows another urgency and text (a row of a list, reused).
func (b *UrgencyBadge) Set(u register.Urgency, text string) {
	b.urgency, b.text = u, text
	b.Refresh()
}

// Colour is the theme colour the urgency is drawn in.
func (b *UrgencyBadge) Colour() fyne.ThemeColorName {
	switch b.urgency {
	case register.Expired, register.Within7:
		return theme.ColorNameError
	case register.Within30:
		return theme.ColorNameWarning
	case register.Within90:
		return theme.ColorNamePrimary
	}
	return theme.ColorNameSuccess
}

func (b *UrgencyBadge) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(color.Transparent)
	text := canvas.NewText(b.text, color.Black)
	text.TextStyle.Bold = true
	r := &badgeRenderer{b: b, bg: bg, text: text}
	r.Refresh()
	return r
}

type badgeRenderer struct {
	b    *UrgencyBadge
	bg   *canvas.Rectangle
	text *canvas.Text
}

func (r *badgeRenderer) pad() fyne.Size {
	th := r.b.Theme()
	p := th.Size(theme.SizeNameInnerPadding)
	return fyne.NewSize(p, p/2)
}

func (r *badgeRenderer) MinSize() fyne.Size {
	p := r.pad()
	return r.text.MinSize().Add(fyne.NewSize(2*p.Width, 2*p.Height))
}

func (r *badgeRenderer) Layout(size fyne.Size) {
	min := r.MinSize()
	// Keep the pill its own height, centred, when the row is taller.
	y := (size.Height - min.Height) / 2
	r.bg.Move(fyne.NewPos(0, y))
	r.bg.Resize(fyne.NewSize(size.Width, min.Height))
	p := r.pad()
	r.text.Move(fyne.NewPos(p.Width, y+p.Height))
	r.text.Resize(r.text.MinSize())
}

// Refresh paints the pill as a tint of the urgency's colour with a border
// in it, and the text in the theme's own text colour: the "on colour" text
// colours of Fyne's light theme read poorly on its bright green and orange.
func (r *badgeRenderer) Refresh() {
	th := r.b.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	c := color.NRGBAModel.Convert(th.Color(r.b.Colour(), v)).(color.NRGBA)
	r.bg.StrokeColor = c
	c.A = 0x40
	r.bg.FillColor = c
	r.bg.StrokeWidth = 1.5
	r.bg.CornerRadius = th.Size(theme.SizeNameSelectionRadius)
	r.text.Text = r.b.text
	r.text.Color = th.Color(theme.ColorNameForeground, v)
	r.text.TextSize = th.Size(theme.SizeNameText)
	r.Layout(r.b.Size()) // the text may have changed width
	r.bg.Refresh()
	r.text.Refresh()
}

func (r *badgeRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.bg, r.text} }
func (r *badgeRenderer) Destroy()                     {}
