package widget

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// DotState is how a stepper dot shows its step.
type DotState int

const (
	DotOpen     DotState = iota // not done, not current: grey, numbered
	DotCurrent                  // the step shown: the accent colour, numbered
	DotDone                     // done: green with a tick
	DotFinished                 // the last step of a finished walk: green, ticked and ringed
)

// StepperDot is one step of a stepper: a numbered dot that asks its state
// on every refresh, so the stepper redraws by refreshing its dots. A dot
// that can be tapped shows the pointer.
type StepperDot struct {
	widget.BaseWidget
	number int
	state  func() DotState
	canTap func() bool
	tapped func()
}

// StepperDotSize is a dot's diameter.
const StepperDotSize = 18 // small enough that the guide's 21 steps fit the companion's width

// NewStepperDot is the dot for step number (from 1); state, canTap and
// tapped are asked on the UI thread.
func NewStepperDot(number int, state func() DotState, canTap func() bool, tapped func()) *StepperDot {
	d := &StepperDot{number: number, state: state, canTap: canTap, tapped: tapped}
	d.ExtendBaseWidget(d)
	return d
}

// NewStepperGap is the space between two groups of dots.
func NewStepperGap() fyne.CanvasObject {
	r := canvas.NewRectangle(nil)
	r.SetMinSize(fyne.NewSize(8, StepperDotSize))
	return r
}

func (d *StepperDot) Tapped(*fyne.PointEvent) {
	if d.tapped != nil {
		d.tapped()
	}
}

func (d *StepperDot) Cursor() desktop.Cursor {
	if d.canTap != nil && d.canTap() {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

func (d *StepperDot) CreateRenderer() fyne.WidgetRenderer {
	r := &stepperDotRenderer{d: d, bg: canvas.NewRectangle(nil), label: canvas.NewText("", nil), tick: canvas.NewImageFromResource(nil)}
	r.label.Alignment = fyne.TextAlignCenter
	r.label.TextStyle.Bold = true
	r.Refresh()
	return r
}

type stepperDotRenderer struct {
	d     *StepperDot
	bg    *canvas.Rectangle
	label *canvas.Text
	tick  *canvas.Image
}

func (r *stepperDotRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	r.label.Resize(size)
	r.tick.Resize(fyne.NewSquareSize(size.Height - 6))
	r.tick.Move(fyne.NewPos((size.Width-size.Height+6)/2, 3))
}

func (r *stepperDotRenderer) MinSize() fyne.Size { return fyne.NewSquareSize(StepperDotSize) }

func (r *stepperDotRenderer) Refresh() {
	d := r.d
	v := fyne.CurrentApp().Settings().ThemeVariant()
	th := d.Theme()
	r.bg.CornerRadius = StepperDotSize / 2
	r.bg.StrokeWidth = 0
	r.label.Text = strconv.Itoa(d.number)
	r.label.TextSize = th.Size(theme.SizeNameCaptionText)
	r.label.Hidden = false
	r.tick.Hidden = true
	switch d.state() {
	case DotFinished:
		// The end: every dot green, the last one ringed.
		r.bg.FillColor = th.Color(theme.ColorNameSuccess, v)
		r.bg.StrokeColor = th.Color(theme.ColorNamePrimary, v)
		r.bg.StrokeWidth = 2
		r.tick.Resource = theme.NewColoredResource(theme.ConfirmIcon(), theme.ColorNameForegroundOnSuccess)
		r.tick.Hidden = false
		r.label.Hidden = true
	case DotCurrent:
		r.bg.FillColor = th.Color(theme.ColorNamePrimary, v)
		r.label.Color = th.Color(theme.ColorNameForegroundOnPrimary, v)
	case DotDone:
		r.bg.FillColor = th.Color(theme.ColorNameSuccess, v)
		r.tick.Resource = theme.NewColoredResource(theme.ConfirmIcon(), theme.ColorNameForegroundOnSuccess)
		r.tick.Hidden = false
		r.label.Hidden = true
	default:
		r.bg.FillColor = th.Color(theme.ColorNameInputBackground, v)
		r.bg.StrokeColor = th.Color(theme.ColorNameInputBorder, v)
		r.bg.StrokeWidth = 1
		r.label.Color = th.Color(theme.ColorNamePlaceHolder, v)
	}
	r.bg.Refresh()
	r.label.Refresh()
	r.tick.Refresh()
}

func (r *stepperDotRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.label, r.tick}
}

func (r *stepperDotRenderer) Destroy() {}
