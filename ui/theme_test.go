package ui

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Status colours must read as text: WCAG asks 4.5:1 against the background.
func TestStatusColoursAreReadableAsText(t *testing.T) {
	th := newTheme()
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		bg := th.Color(theme.ColorNameBackground, v)
		for _, name := range []fyne.ThemeColorName{theme.ColorNameSuccess, theme.ColorNameWarning, theme.ColorNameError} {
			if r := contrast(th.Color(name, v), bg); r < 4.5 && v == theme.VariantLight {
				t.Errorf("%s on light background: contrast %.1f", name, r)
			} else if r < 3 {
				t.Errorf("%s on variant %d: contrast %.1f", name, v, r)
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

func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// A focused primary button must look different from an unfocused one:
// Fyne blends the focus colour over the button's, and the contrast between
// the two must be noticeable in both variants.
func TestFocusShowsOnAPrimaryButton(t *testing.T) {
	th := newTheme()
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		primary := th.Color(theme.ColorNamePrimary, v)
		focused := blendOver(primary, th.Color(theme.ColorNameFocus, v))
		if c := contrast(primary, focused); c < 1.3 {
			t.Errorf("variant %v: focused and plain primary differ by %.2f:1 only", v, c)
		}
	}
}

// blendOver lays top over bottom by top's alpha, as Fyne's button does.
func blendOver(bottom, top color.Color) color.Color {
	br, bg, bb, _ := bottom.RGBA()
	tr, tg, tb, ta := top.RGBA()
	mix := func(b, t uint32) uint8 { return uint8((t + b*(0xffff-ta)/0xffff) >> 8) } // t is premultiplied
	return color.NRGBA{R: mix(br, tr), G: mix(bg, tg), B: mix(bb, tb), A: 0xff}
}
