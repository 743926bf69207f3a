package widget

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	fynewidget "fyne.io/fyne/v2/widget"

	"github.com/fornyer/fornyer/ui/words"
)

// Check is Fornyer's one tick box. It is Fyne's check box (the box, its
// edge two units wide and the focus mark round it come from the theme,
// which makes both stand out from the page) with three differences:
//
//   - its text wraps in a narrow window instead of running off the edge, and
//     a tap on the text ticks the box as a tap on the box does;
//   - the keyboard: Space ticks it (Fyne's), Enter ticks it too, and Escape
//     closes the dialog it is in, or else leaves it (the focus goes);
//   - it scrolls itself into view when it gains the focus (Tab).
//
// A screen whose Enter and Escape mean something else wherever the focus
// is sets Keys: the guide's cards take Enter as "Done" and Escape as
// "Back" even on a tick box, so that ticking one with the mouse (which
// focuses it) does not change what the keys do.
type Check struct {
	fynewidget.Check
	// Keys, if set, is offered Enter and Escape first; it says whether it
	// used the key.
	Keys func(fyne.KeyName) bool

	focused bool // has the keyboard: ringed
}

// FocusGained rings the box.
func (c *Check) FocusGained() {
	c.focused = true
	c.Check.FocusGained()
}

// FocusLost takes the ring away.
func (c *Check) FocusLost() {
	c.focused = false
	c.Check.FocusLost()
}

// NewCheck makes a tick box with its state set, without calling changed.
func NewCheck(text string, checked bool, changed func(bool)) *Check {
	c := &Check{}
	c.Text = text
	c.Checked = checked
	c.ExtendBaseWidget(c)
	c.OnChanged = changed
	return c
}

// TypedKey offers Enter and Escape to Keys; unused, Enter ticks the box
// and Escape leaves it.
func (c *Check) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyEscape:
		if c.Keys != nil && c.Keys(ev.Name) {
			return
		}
	}
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if !c.Disabled() {
			c.SetChecked(!c.Checked)
		}
	case fyne.KeyEscape:
		c.leave()
	default:
		c.Check.TypedKey(ev)
	}
}

// leave closes the dialog the box is in, or takes the focus from it.
func (c *Check) leave() {
	app := fyne.CurrentApp()
	if app == nil {
		return
	}
	cv := app.Driver().CanvasForObject(c)
	if cv == nil {
		return
	}
	if cv.Overlays().Top() != nil {
		EscapeFrom(c)
		return
	}
	if cv.Focused() == c {
		cv.Unfocus()
	}
}

// Tapped ticks the box wherever it is tapped, its text included (Fyne's
// own takes taps on its first line's width only), and focuses it.
func (c *Check) Tapped(*fyne.PointEvent) {
	if c.Disabled() {
		return
	}
	if app := fyne.CurrentApp(); app != nil && !fyne.CurrentDevice().IsMobile() {
		if cv := app.Driver().CanvasForObject(c); cv != nil && cv.Focused() != c {
			cv.Focus(c)
		}
	}
	c.SetChecked(!c.Checked)
}

var _ fyne.Accessible = (*Check)(nil)

// AccessibilityLabel is the tick box's text and whether it is ticked.
func (c *Check) AccessibilityLabel() string {
	state := words.T("a11y.check.off")
	if c.Checked {
		state = words.T("a11y.check.on")
	}
	return c.Text + ", " + state
}

// AccessibilityRole of a tick box is a button: pressing it ticks it.
func (c *Check) AccessibilityRole() fyne.AccessibleRole { return fyne.AccessibleRoleButton }

// CreateRenderer draws Fyne's box, edge and focus mark, with the text as a
// wrapping label beside the box, the box level with its first line.
func (c *Check) CreateRenderer() fyne.WidgetRenderer {
	inner := c.Check.CreateRenderer()
	r := &checkRenderer{WidgetRenderer: inner, c: c, text: NewWrapping(c.Text)}
	for _, o := range inner.Objects() {
		if t, ok := o.(*canvas.Text); ok {
			r.fyneText = t
		} else {
			if m, ok := o.(*canvas.Circle); ok && r.focusMark == nil {
				r.focusMark = m
			}
			r.box = append(r.box, o)
		}
	}
	r.paint()
	return r
}

type checkRenderer struct {
	fyne.WidgetRenderer
	c         *Check
	box       []fyne.CanvasObject // Fyne's focus mark, box and tick
	focusMark *canvas.Circle      // Fyne's focus mark, drawn as a ring
	fyneText  *canvas.Text        // Fyne's one-line text, not drawn
	text      *fynewidget.Label
}

// boxWidth is the room the box and its focus mark take before the text,
// less the label's own padding: the text starts where Fyne's would.
func (r *checkRenderer) boxWidth() float32 {
	th := r.c.Theme()
	return th.Size(theme.SizeNameInlineIcon) + 2*th.Size(theme.SizeNameInputBorder)
}

// lineHeight is the height of one line of text with the label's padding:
// the box is centred on it.
func (r *checkRenderer) lineHeight() float32 {
	th := r.c.Theme()
	one := fyne.MeasureText("Mg", th.Size(theme.SizeNameText), fyne.TextStyle{})
	return max(one.Height+2*th.Size(theme.SizeNameInnerPadding), th.Size(theme.SizeNameInlineIcon)+th.Size(theme.SizeNameInnerPadding))
}

func (r *checkRenderer) Layout(size fyne.Size) {
	r.WidgetRenderer.Layout(fyne.NewSize(size.Width, r.lineHeight()))
	w := r.boxWidth()
	r.text.Move(fyne.NewPos(w, 0))
	r.text.Resize(fyne.NewSize(max(0, size.Width-w), size.Height))
}

func (r *checkRenderer) MinSize() fyne.Size {
	t := r.text.MinSize()
	return fyne.NewSize(r.boxWidth()+t.Width, max(r.lineHeight(), t.Height))
}

func (r *checkRenderer) Objects() []fyne.CanvasObject {
	return append(append([]fyne.CanvasObject{}, r.box...), r.text)
}

func (r *checkRenderer) Refresh() {
	r.WidgetRenderer.Refresh()
	r.paint()
}

// paint rings a focused box and gives the label the box's text, greyed
// when the box is disabled.
//
// Fyne marks a focused box with a disc of its focus colour behind it: a
// wash that stands on the page at about 3:1, but the box's own grey edge on
// it is 1.3:1, so the box fades as it takes the keyboard, and a ticked
// box's blue stands on it at 1.9:1 (WCAG 2.2 asks 3:1 against the adjacent
// colours). The disc becomes a ring in the text colour with the page's
// colour inside it, as a focused button's and a step dot's focus ring.
func (r *checkRenderer) paint() {
	if r.focusMark != nil && r.c.focused && !r.c.Disabled() {
		th := r.c.Theme()
		v := fyne.CurrentApp().Settings().ThemeVariant()
		r.focusMark.FillColor = color.Transparent
		r.focusMark.StrokeColor = th.Color(theme.ColorNameForeground, v)
		r.focusMark.StrokeWidth = ringWidth
		r.focusMark.Refresh()
	} else if r.focusMark != nil && r.focusMark.StrokeWidth != 0 {
		r.focusMark.StrokeColor, r.focusMark.StrokeWidth = nil, 0
		r.focusMark.Refresh()
	}
	r.text.Text = r.c.Text
	r.text.Importance = fynewidget.MediumImportance
	if r.c.Disabled() {
		r.text.Importance = fynewidget.LowImportance
	}
	r.text.Refresh()
}
