package widget

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// NewBanner is a tinted, framed box in one theme colour with an icon, an
// optional heading in that colour and a body in the normal text colour, so
// it reads in light and dark themes alike. The error colour gets a heavier
// frame and a larger heading: the guide's VERY IMPORTANT moments.
func NewBanner(colour fyne.ThemeColorName, icon fyne.Resource, heading, body string) *Banner {
	b := &Banner{colour: colour, icon: icon, heading: heading, body: body}
	b.ExtendBaseWidget(b)
	return b
}

// SuccessLine is a green banner with a tick: something done.
func SuccessLine(text string) *Banner {
	return NewBanner(theme.ColorNameSuccess, theme.ConfirmIcon(), "", text)
}

// Banner is the widget NewBanner makes.
type Banner struct {
	widget.BaseWidget
	colour        fyne.ThemeColorName
	icon          fyne.Resource
	heading, body string
}

func (b *Banner) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(nil)
	bg.CornerRadius = 6
	bar := canvas.NewRectangle(nil)
	bar.TopLeftCornerRadius, bar.BottomLeftCornerRadius = 6, 6
	icon := canvas.NewImageFromResource(theme.NewColoredResource(b.icon, b.colour))
	icon.SetMinSize(fyne.NewSquareSize(22))
	body := widget.NewLabel(b.body)
	body.Wrapping = fyne.TextWrapWord
	text := container.NewVBox()
	var heading *canvas.Text
	if b.heading != "" {
		heading = canvas.NewText(b.heading, nil)
		heading.TextStyle.Bold = true
		text.Add(container.New(layout.NewCustomPaddedLayout(theme.Padding(), 0, theme.Padding(), 0), heading))
	}
	text.Add(body)
	content := container.New(layout.NewCustomPaddedLayout(2, 2, 10, 4),
		container.NewBorder(nil, nil, container.New(layout.NewCustomPaddedLayout(8, 0, 0, 0), container.NewVBox(icon)), nil, text))
	r := &bannerRenderer{b: b, bg: bg, bar: bar, heading: heading, content: content}
	r.Refresh()
	return r
}

type bannerRenderer struct {
	b       *Banner
	bg, bar *canvas.Rectangle
	heading *canvas.Text
	content fyne.CanvasObject
}

func (r *bannerRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	r.bar.Resize(fyne.NewSize(6, size.Height))
	r.content.Resize(size)
}

func (r *bannerRenderer) MinSize() fyne.Size { return r.content.MinSize() }

func (r *bannerRenderer) Refresh() {
	th := r.b.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	c := th.Color(r.b.colour, v)
	strong := r.b.colour == theme.ColorNameError
	r.bg.FillColor = WithAlpha(c, 0x22)
	r.bg.StrokeColor = c
	r.bg.StrokeWidth = 1
	if strong {
		r.bg.StrokeWidth = 2
		r.bg.FillColor = WithAlpha(c, 0x30)
	}
	r.bar.FillColor = c
	if r.heading != nil {
		r.heading.Color = c
		r.heading.TextSize = th.Size(theme.SizeNameText)
		if strong {
			r.heading.TextSize = th.Size(theme.SizeNameSubHeadingText)
		}
		r.heading.Refresh()
	}
	r.bg.Refresh()
	r.bar.Refresh()
}

func (r *bannerRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.bar, r.content}
}

func (r *bannerRenderer) Destroy() {}
