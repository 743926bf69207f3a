package widget

import (
	"image/color"
	"slices"
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
	DotOpen     DotState = iota // not done, not current: a grey ring, no number
	DotCurrent                  // the step shown: the accent colour, numbered
	DotDone                     // done: green with a tick
	DotFinished                 // the last step of a finished walk: green, ticked and ringed
)

// StepperDot is one step of a stepper: a dot that asks its state on every
// refresh, so the stepper redraws by refreshing its dots. A dot that can be
// tapped shows the pointer. Only the current step's dot shows its number:
// done steps are ticked, and the steps ahead are plain rings, numbered only
// while the arrow keys are on them. The line under the stepper says "Step N
// of M", and every dot says its number to a screen reader; the twenty
// numbers on the steps ahead were twenty texts to shape, rasterise and
// upload before the window's first frame (issue 27).
type StepperDot struct {
	widget.BaseWidget
	number int
	state  func() DotState
	canTap func() bool
	tapped func()

	focused bool // has the keyboard: ringed
	row     *dotRow
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

// height is the dot's drawn height: less than its size when the stepper
// is shrunk to the window (StepperLayout).
func (r *stepperDotRenderer) height() float32 {
	if h := r.d.Size().Height; h > 0 {
		return h
	}
	return StepperDotSize
}

func (r *stepperDotRenderer) Layout(size fyne.Size) {
	// A shrunk stepper's dots stay round, their numbers inside.
	r.bg.CornerRadius = size.Height / 2
	r.label.TextSize = r.d.Theme().Size(theme.SizeNameCaptionText) * size.Height / StepperDotSize
	r.label.Refresh()
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
	r.bg.CornerRadius = r.height() / 2
	r.bg.StrokeWidth = 0
	r.label.Text = strconv.Itoa(d.number)
	r.label.TextSize = th.Size(theme.SizeNameCaptionText) * r.height() / StepperDotSize
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
		r.label.Hidden = !d.focused // the arrow keys' dot says which step it is
	}
	r.bg.Refresh()
	r.label.Refresh()
	r.tick.Refresh()
}

func (r *stepperDotRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.label, r.tick}
}

func (r *stepperDotRenderer) Destroy() {}

// StepperLayout lays out a stepper's dots and gaps in a row, centred, and
// shrinks them all alike when the window is narrower than the row: at
// 420 px the guide's 21 dots would otherwise be clipped at both ends.
type StepperLayout struct{ Gap float32 }

// smallest is how far the row may shrink.
const smallest = 0.6

func (l StepperLayout) natural(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	n := 0
	for _, o := range objs {
		if !inRow(o) {
			continue
		}
		m := o.MinSize()
		s.Width += m.Width
		s.Height = max(s.Height, m.Height)
		n++
	}
	if n > 1 {
		s.Width += l.Gap * float32(n-1)
	}
	return s
}

// MinSize leaves room above and below the dots for most of the focus
// ring's overhang: without it the ring's top ran into the tab bar's line
// above the stepper, and a ring cut flat at the top reads as no ring.
func (l StepperLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	n := l.natural(objs)
	return fyne.NewSize(n.Width*smallest, n.Height+2*ringRoom)
}

// ringRoom is the room left above and below the dots for the focus ring;
// the rest of its overhang lies over the padding round the row.
const ringRoom = 2

func (l StepperLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	n := l.natural(objs)
	f := float32(1)
	if n.Width > size.Width && n.Width > 0 {
		f = max(smallest, size.Width/n.Width)
	}
	x := (size.Width - n.Width*f) / 2
	for _, o := range objs {
		if !inRow(o) {
			continue
		}
		m := o.MinSize()
		o.Resize(fyne.NewSize(m.Width*f, m.Height*f))
		o.Move(fyne.NewPos(x, (size.Height-m.Height*f)/2))
		x += (m.Width + l.Gap) * f
	}
	for _, o := range objs {
		if ring, ok := o.(*dotRing); ok {
			ring.place()
		}
	}
}

// inRow says whether o takes a place in the row: a shown dot or gap, not
// the focus ring drawn round a dot.
func inRow(o fyne.CanvasObject) bool {
	_, ring := o.(*dotRing)
	return o.Visible() && !ring
}

// The focus ring. A focused dot is ringed in the text colour with a gap of
// the page's colour between the ring and the dot, as a focused button is
// (Button): the ring then stands on the page's colour on both sides,
// whatever the dot's own colour. A ring drawn on the dot itself stood on
// its fill, the current step's blue or a done step's green, at 2.6:1 and
// 2.8:1 in the light theme and 2:1 on the dark theme's blue (WCAG 2.2 asks
// 3:1 against the adjacent colours), and at 18 px a ring with a gap inside
// the dot leaves no room for its number. So the dot keeps its size and the
// ring goes round it, over the gaps and its neighbours' edges, drawn by the
// dots' container after every dot (LinkDots gives it).

// Widths of the focus ring and of the gap inside it, in Fyne units.
const (
	dotRingWidth = 2
	dotRingGap   = 2
)

// dotRing is the ring round a row's focused dot; hidden while no dot of
// the row has the keyboard.
type dotRing struct {
	widget.BaseWidget
	row *dotRow
}

func newDotRing(row *dotRow) *dotRing {
	r := &dotRing{row: row}
	r.ExtendBaseWidget(r)
	r.Hide()
	return r
}

// place lays the ring round the focused dot (dots and ring share a
// container) and shows it, or hides it when no dot is focused.
func (r *dotRing) place() {
	d := r.row.focused
	if d == nil {
		r.Hide()
		return
	}
	out := float32(dotRingWidth + dotRingGap)
	r.Move(d.Position().SubtractXY(out, out))
	r.Resize(d.Size().AddWidthHeight(2*out, 2*out))
	r.Show()
	r.Refresh()
}

func (r *dotRing) CreateRenderer() fyne.WidgetRenderer {
	rr := &dotRingRenderer{r: r, ring: canvas.NewCircle(color.Transparent), gap: canvas.NewCircle(color.Transparent)}
	rr.Refresh()
	return rr
}

type dotRingRenderer struct {
	r         *dotRing
	ring, gap *canvas.Circle
}

func (rr *dotRingRenderer) Layout(size fyne.Size) {
	rr.ring.Resize(size)
	rr.gap.Move(fyne.NewSquareOffsetPos(dotRingWidth))
	rr.gap.Resize(size.SubtractWidthHeight(2*dotRingWidth, 2*dotRingWidth))
}

func (rr *dotRingRenderer) MinSize() fyne.Size { return fyne.Size{} }

func (rr *dotRingRenderer) Refresh() {
	th := rr.r.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	rr.ring.StrokeColor = th.Color(theme.ColorNameForeground, v)
	rr.ring.StrokeWidth = dotRingWidth
	rr.gap.StrokeColor = th.Color(theme.ColorNameBackground, v)
	rr.gap.StrokeWidth = dotRingGap
	rr.ring.Refresh()
	rr.gap.Refresh()
}

func (rr *dotRingRenderer) Objects() []fyne.CanvasObject {
	// The gap over the ring, whose inner edge Fyne blurs by a pixel.
	return []fyne.CanvasObject{rr.ring, rr.gap}
}

func (rr *dotRingRenderer) Destroy() {}

// The keyboard: a stepper's dots are one stop in the Tab order, as a radio
// group is (LinkDots): Tab reaches the current step's dot, the arrow keys
// move the focus along the dots that may be jumped to, Home and End to the
// first and the last of them, and Space or Enter jumps. Without it each of
// the guide's 21 dots took a Tab of its own. A dot that may not be jumped
// to is disabled, so the arrows pass it.

// dotRow is a stepper's dots, linked into one Tab stop.
type dotRow struct {
	dots    []*StepperDot
	stop    *StepperDot // the dot moved to with the arrows; nil: the current step's
	focused *StepperDot // the dot that has the keyboard; nil: none
	ring    *dotRing
}

// LinkDots makes dots (a stepper's, in their order) one stop in the Tab
// order, moved along with the arrow keys. It returns the focus ring, to be
// added to the dots' container after them (StepperLayout lays it round the
// focused dot).
func LinkDots(dots []*StepperDot) fyne.CanvasObject {
	r := &dotRow{dots: dots}
	r.ring = newDotRing(r)
	for _, d := range dots {
		d.row = r
	}
	return r.ring
}

// tabStop is the row's dot that Tab reaches: the one the arrows moved to,
// else the current step's, else the first that may be jumped to.
func (r *dotRow) tabStop() *StepperDot {
	if r.stop != nil && r.stop.jumpable() {
		return r.stop
	}
	for _, d := range r.dots {
		if s := d.state(); (s == DotCurrent || s == DotFinished) && d.jumpable() {
			return d
		}
	}
	for _, d := range r.dots {
		if d.jumpable() {
			return d
		}
	}
	return nil
}

// move gives the focus to the dot that may be jumped to by steps from d:
// -1 the one before, +1 the one after, or with end the first (-1) or the
// last (+1) of the row; nothing moves when there is none.
func (r *dotRow) move(d *StepperDot, by int, end bool) {
	i := slices.Index(r.dots, d)
	switch { // to an end: from beyond the other end, towards it
	case end && by < 0:
		i, by = -1, 1
	case end:
		i, by = len(r.dots), -1
	}
	var to *StepperDot
	for j := i + by; j >= 0 && j < len(r.dots) && to == nil; j += by {
		if r.dots[j].jumpable() {
			to = r.dots[j]
		}
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(d)
	if to == nil || c == nil {
		return
	}
	r.stop = to
	c.Focus(to)
}

// TakeFocus gives the keyboard to the row's Tab stop in c; it says whether
// there was one.
func TakeFocus(c fyne.Canvas, dots []*StepperDot) bool {
	if len(dots) == 0 || dots[0].row == nil {
		return false
	}
	d := dots[0].row.tabStop()
	if d == nil {
		return false
	}
	c.Focus(d)
	return c.Focused() == d
}

func (d *StepperDot) jumpable() bool { return d.canTap != nil && d.canTap() }

// Disabled says Tab passes the dot: it cannot be jumped to now, or it is
// not its row's Tab stop (the arrows reach it).
func (d *StepperDot) Disabled() bool {
	if !d.jumpable() {
		return true
	}
	return d.row != nil && d.row.tabStop() != d
}

// Enable and Disable do nothing: whether a dot can be jumped to is asked
// (canTap), never set.
func (d *StepperDot) Enable()  {}
func (d *StepperDot) Disable() {}

func (d *StepperDot) FocusGained() {
	d.focused = true
	if d.row != nil {
		d.row.focused = d
		d.row.ring.place()
	}
	d.Refresh()
}

func (d *StepperDot) FocusLost() {
	d.focused = false
	if d.row != nil && d.row.focused == d {
		d.row.focused = nil
		d.row.ring.place()
	}
	d.Refresh()
}

func (d *StepperDot) TypedRune(rune) {}

// TypedKey jumps on Space or Enter, as a tap does, and moves along the
// row with the arrows, Home and End; Escape closes a dialog.
func (d *StepperDot) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeySpace, fyne.KeyReturn, fyne.KeyEnter:
		if d.jumpable() {
			d.Tapped(&fyne.PointEvent{})
		}
	case fyne.KeyLeft, fyne.KeyUp, fyne.KeyRight, fyne.KeyDown, fyne.KeyHome, fyne.KeyEnd:
		if d.row == nil {
			return
		}
		switch ev.Name {
		case fyne.KeyLeft, fyne.KeyUp:
			d.row.move(d, -1, false)
		case fyne.KeyRight, fyne.KeyDown:
			d.row.move(d, 1, false)
		case fyne.KeyHome:
			d.row.move(d, -1, true)
		case fyne.KeyEnd:
			d.row.move(d, 1, true)
		}
	case fyne.KeyEscape:
		EscapeFrom(d)
	}
}
