package ui

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	uiwidget "github.com/fornyer/fornyer/ui/widget"
)

// What the window draws, as pairs of theme colours: a colour and what it
// stands on. WCAG asks 4.5:1 for text (1.4.3) and 3:1 for the edge of a
// control and for the focus mark (1.4.11); the ratios are computed from the
// theme's own colours, in both variants, so a change of theme that makes a
// tick box or a label fade fails here.
type pair struct {
	what     string
	fg, on   fyne.ThemeColorName
	tint     uint8 // on laid over tintOver at this opacity, as banners and badges do; 0: opaque
	tintOver fyne.ThemeColorName
	over     fyne.ThemeColorName // laid over on, as a focused or hovered button's colour
}

var textPairs = []pair{
	{what: "text", fg: theme.ColorNameForeground, on: theme.ColorNameBackground},
	{what: "text on a button", fg: theme.ColorNameForeground, on: theme.ColorNameButton},
	{what: "text in a field", fg: theme.ColorNameForeground, on: theme.ColorNameInputBackground},
	{what: "text in a dialog", fg: theme.ColorNameForeground, on: theme.ColorNameOverlayBackground},
	{what: "text in a menu", fg: theme.ColorNameForeground, on: theme.ColorNameMenuBackground},
	{what: "text in a list header", fg: theme.ColorNameForeground, on: theme.ColorNameHeaderBackground},
	{what: "a field's hint", fg: theme.ColorNamePlaceHolder, on: theme.ColorNameInputBackground},
	{what: "muted text", fg: theme.ColorNamePlaceHolder, on: theme.ColorNameBackground},
	{what: "a disabled button's label", fg: theme.ColorNameDisabled, on: theme.ColorNameDisabledButton},
	{what: "disabled text", fg: theme.ColorNameDisabled, on: theme.ColorNameBackground},
	{what: "disabled text in a field", fg: theme.ColorNameDisabled, on: theme.ColorNameInputBackground},
	{what: "disabled text in a dialog", fg: theme.ColorNameDisabled, on: theme.ColorNameOverlayBackground},
	{what: "a hint in a dialog", fg: theme.ColorNamePlaceHolder, on: theme.ColorNameOverlayBackground},
	{what: "a step's number ahead", fg: theme.ColorNamePlaceHolder, on: theme.ColorNameInputBackground},
	{what: "a link in a dialog", fg: theme.ColorNameHyperlink, on: theme.ColorNameOverlayBackground},
	{what: "a green line in a dialog", fg: theme.ColorNameSuccess, on: theme.ColorNameOverlayBackground},
	{what: "an orange line in a dialog", fg: theme.ColorNameWarning, on: theme.ColorNameOverlayBackground},
	{what: "a red line in a dialog", fg: theme.ColorNameError, on: theme.ColorNameOverlayBackground},
	{what: "a primary button's label", fg: theme.ColorNameForegroundOnPrimary, on: theme.ColorNamePrimary},
	{what: "a focused primary button's label", fg: theme.ColorNameForegroundOnPrimary, on: theme.ColorNamePrimary, over: theme.ColorNameFocus},
	{what: "a focused button's label", fg: theme.ColorNameForeground, on: theme.ColorNameButton, over: theme.ColorNameFocus},
	{what: "a button's label under the pointer", fg: theme.ColorNameForeground, on: theme.ColorNameButton, over: theme.ColorNameHover},
	{what: "the current step's number", fg: theme.ColorNameForegroundOnPrimary, on: theme.ColorNamePrimary},
	{what: "a danger button's label", fg: theme.ColorNameForegroundOnError, on: theme.ColorNameError},
	{what: "a done step's tick", fg: theme.ColorNameForegroundOnSuccess, on: theme.ColorNameSuccess},
	{what: "a link", fg: theme.ColorNameHyperlink, on: theme.ColorNameBackground},
	{what: "a green line", fg: theme.ColorNameSuccess, on: theme.ColorNameBackground},
	{what: "an orange line", fg: theme.ColorNameWarning, on: theme.ColorNameBackground},
	{what: "a red line", fg: theme.ColorNameError, on: theme.ColorNameBackground},
	{what: "a banner's red heading", fg: theme.ColorNameError, on: theme.ColorNameError, tint: 0x30, tintOver: theme.ColorNameBackground},
	{what: "a banner's green heading", fg: theme.ColorNameSuccess, on: theme.ColorNameSuccess, tint: 0x22, tintOver: theme.ColorNameBackground},
	{what: "a banner's body", fg: theme.ColorNameForeground, on: theme.ColorNameError, tint: 0x30, tintOver: theme.ColorNameBackground},
	{what: "a badge's text", fg: theme.ColorNameForeground, on: theme.ColorNameWarning, tint: 0x40, tintOver: theme.ColorNameBackground},
}

var edgePairs = []pair{
	{what: "a field's or tick box's edge", fg: theme.ColorNameInputBorder, on: theme.ColorNameBackground},
	{what: "a field's edge in a dialog", fg: theme.ColorNameInputBorder, on: theme.ColorNameOverlayBackground},
	{what: "a button's edge", fg: theme.ColorNameInputBorder, on: theme.ColorNameBackground},
	{what: "a ticked box", fg: theme.ColorNamePrimary, on: theme.ColorNameBackground},
	{what: "a primary button", fg: theme.ColorNamePrimary, on: theme.ColorNameBackground},
	{what: "a disabled tick box", fg: theme.ColorNameDisabled, on: theme.ColorNameBackground},
	// A disabled button is drawn with an edge of the disabled colour
	// (ui/widget.Button): Fyne's grey fill alone is 1.1:1 on the page.
	{what: "a disabled button's edge", fg: theme.ColorNameDisabled, on: theme.ColorNameBackground},
	{what: "a disabled button's edge in a dialog", fg: theme.ColorNameDisabled, on: theme.ColorNameOverlayBackground},
	{what: "a field's edge against its inside", fg: theme.ColorNameInputBorder, on: theme.ColorNameInputBackground},
	{what: "a step dot's ring ahead", fg: theme.ColorNameInputBorder, on: theme.ColorNameBackground},
	{what: "a focused field's edge", fg: theme.ColorNamePrimary, on: theme.ColorNameInputBackground},
	// A focused button's ring (ui/widget.Button) is the text colour with a
	// gap of the page's colour inside it, so it stands on the page's
	// colour on both sides, whatever the button's own colour.
	{what: "the focus ring", fg: theme.ColorNameForeground, on: theme.ColorNameBackground},
	{what: "the scroll bar", fg: theme.ColorNameScrollBar, on: theme.ColorNameBackground},
	{what: "a green banner's frame", fg: theme.ColorNameSuccess, on: theme.ColorNameBackground},
	{what: "an orange badge's frame", fg: theme.ColorNameWarning, on: theme.ColorNameBackground},
}

func (p pair) ratio(th fyne.Theme, v fyne.ThemeVariant) float64 {
	on := th.Color(p.on, v)
	if p.tint != 0 {
		on = blendOver(th.Color(p.tintOver, v), uiwidget.WithAlpha(on, p.tint))
	}
	if p.over != "" {
		on = blendOver(on, th.Color(p.over, v))
	}
	fg := blendOver(on, th.Color(p.fg, v)) // a see-through colour (the scroll bar) as drawn
	return contrast(fg, on)
}

func TestTextAndEdgesStandOut(t *testing.T) {
	t.Parallel()
	th := newTheme()
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		for _, p := range textPairs {
			if r := p.ratio(th, v); r < 4.5 {
				t.Errorf("variant %d: %s: %.2f:1, want 4.5:1", v, p.what, r)
			}
		}
		for _, p := range edgePairs {
			if r := p.ratio(th, v); r < 3 {
				t.Errorf("variant %d: %s: %.2f:1, want 3:1", v, p.what, r)
			}
		}
	}
}

func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// luminance is WCAG 2's relative luminance.
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// blendOver lays top over bottom by top's alpha, as Fyne draws.
func blendOver(bottom, top color.Color) color.Color {
	br, bg, bb, _ := bottom.RGBA()
	tr, tg, tb, ta := top.RGBA()
	mix := func(b, t uint32) uint8 { return uint8((t + b*(0xffff-ta)/0xffff) >> 8) } // t is premultiplied
	return color.NRGBA{R: mix(br, tr), G: mix(bg, tg), B: mix(bb, tb), A: 0xff}
}

// variantTheme is the theme in one variant whatever the app's settings
// say (the test app's variant is neither light nor dark).
type variantTheme struct {
	fyne.Theme
	v fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.v)
}

// A focused step dot is ringed so that it stands out from the page and
// from what is inside the ring (3:1 against the adjacent colours, WCAG
// 1.4.11) and from the same place unfocused (3:1 between the same pixels
// focused and not, WCAG 2.4.13), in both themes and whatever the dot's
// state, as it is drawn: a ring on the dot itself stood on the current
// step's blue at 2.6:1 (light) and 2:1 (dark), on a done step's green at
// 2.8:1. The ring goes round the dot with a gap of the page's colour, clear
// of the dot's own colour.
func TestFocusedStepDotStandsOut(t *testing.T) {
	a := test.NewTempApp(t)
	states := map[uiwidget.DotState]string{uiwidget.DotOpen: "a step ahead", uiwidget.DotCurrent: "the current step",
		uiwidget.DotDone: "a done step", uiwidget.DotFinished: "the last step of a finished walk"}
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		th := variantTheme{newTheme(), v}
		a.Settings().SetTheme(th)
		page := th.Color(theme.ColorNameBackground, v)
		for state, what := range states {
			var dots []*uiwidget.StepperDot
			for n := range 3 {
				s := uiwidget.DotOpen
				if n == 1 {
					s = state
				}
				dots = append(dots, uiwidget.NewStepperDot(n+1, func() uiwidget.DotState { return s }, func() bool { return true }, func() {}))
			}
			row := container.New(uiwidget.StepperLayout{Gap: 2}, dots[0], dots[1], dots[2])
			ring := uiwidget.LinkDots(dots)
			row.Add(ring)
			w := test.NewTempWindow(t, row)
			w.Resize(fyne.NewSize(200, 60))
			if ring.Visible() {
				t.Errorf("variant %d, %s: a ring with no dot focused", v, what)
			}
			// Tab reaches the row, the arrows the dot (as a person gets there).
			c := w.Canvas()
			uiwidget.TakeFocus(c, dots)
			if c.Focused() != dots[1] {
				c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
			}
			if !ring.Visible() || c.Focused() != dots[1] {
				t.Fatalf("variant %d, %s: the focused dot has no ring", v, what)
			}
			objs := test.WidgetRenderer(ring.(fyne.Widget)).Objects()
			outer, gap := objs[0].(*canvas.Circle), objs[1].(*canvas.Circle)
			drawn := blendOver(page, outer.StrokeColor)
			inside := blendOver(page, gap.StrokeColor)
			if r := contrast(drawn, page); r < 3 || outer.StrokeWidth < 2 {
				t.Errorf("variant %d, %s: the focus ring is %.2f:1 against the page (and unfocused), %.0f wide; want 3:1, 2 wide", v, what, r, outer.StrokeWidth)
			}
			if r := contrast(drawn, inside); r < 3 || gap.StrokeWidth < 1 {
				t.Errorf("variant %d, %s: the focus ring is %.2f:1 against what is inside it; want 3:1", v, what, r)
			}
			// The ring and its gap lie round the dot, not on it.
			dot := dots[1]
			clear := outer.StrokeWidth + gap.StrokeWidth
			if p := ring.Position(); p.X+clear > dot.Position().X+0.5 || p.Y+clear > dot.Position().Y+0.5 ||
				p.X+ring.Size().Width-clear < dot.Position().X+dot.Size().Width-0.5 {
				t.Errorf("variant %d, %s: the ring at %v, %v lies on the dot at %v, %v", v, what, p, ring.Size(), dot.Position(), dot.Size())
			}
			dots[1].TypedKey(&fyne.KeyEvent{Name: fyne.KeyHome})
			if p := ring.Position(); !ring.Visible() || p.X+clear > dots[0].Position().X+0.5 {
				t.Errorf("variant %d, %s: the ring did not follow the keyboard to the first dot", v, what)
			}
			w.Canvas().Unfocus()
			if ring.Visible() {
				t.Errorf("variant %d, %s: the ring stays when the keyboard leaves the dots", v, what)
			}
		}
	}
}

// A focused tick box is ringed in the text colour with the page's colour
// inside the ring, ticked or not, in both themes: Fyne's focus mark is a
// disc of its focus colour behind the box, on which the box's own edge
// stood at 1.3:1 and a ticked box's blue at 1.9:1 (3:1 against the
// adjacent colours, WCAG 1.4.11).
func TestFocusedTickBoxStandsOut(t *testing.T) {
	a := test.NewTempApp(t)
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		th := variantTheme{newTheme(), v}
		a.Settings().SetTheme(th)
		page := th.Color(theme.ColorNameBackground, v)
		for _, ticked := range []bool{false, true} {
			box := uiwidget.NewCheck("DPG", ticked, nil)
			w := test.NewTempWindow(t, container.NewVBox(box))
			mark, ok := test.WidgetRenderer(box).Objects()[0].(*canvas.Circle)
			if !ok {
				t.Fatalf("the tick box's first object is %T, not Fyne's focus mark", test.WidgetRenderer(box).Objects()[0])
			}
			if mark.StrokeWidth != 0 {
				t.Errorf("variant %d, ticked %v: an unfocused box is ringed", v, ticked)
			}
			w.Canvas().Focus(box)
			ring := blendOver(page, orClear(mark.StrokeColor))
			inside := blendOver(page, orClear(mark.FillColor))
			if r := contrast(ring, page); r < 3 || mark.StrokeWidth < 2 {
				t.Errorf("variant %d, ticked %v: the focus ring is %.2f:1 against the page (and unfocused), %.0f wide; want 3:1, 2 wide", v, ticked, r, mark.StrokeWidth)
			}
			// Inside the ring the box stands on the page's colour, its edge
			// as visible focused as not.
			if r := contrast(ring, inside); r < 3 || inside != blendOver(page, color.Transparent) {
				t.Errorf("variant %d, ticked %v: inside the ring is %v (%.2f:1 to the ring); want the page's colour", v, ticked, inside, r)
			}
			w.Canvas().Unfocus()
			if mark.StrokeWidth != 0 {
				t.Errorf("variant %d, ticked %v: the ring stays when the box loses the keyboard", v, ticked)
			}
		}
	}
}

// orClear is c, or transparent for no colour.
func orClear(c color.Color) color.Color {
	if c == nil {
		return color.Transparent
	}
	return c
}
