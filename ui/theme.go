package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// fornyerTheme is Fyne's theme with status colours dark enough to read as
// text on the light background: the verdict is one big coloured line, and
// Fyne's light green and orange are made for icons, not for sentences.
type fornyerTheme struct{ fyne.Theme }

func newTheme() fyne.Theme { return fornyerTheme{theme.DefaultTheme()} }

var lightStatus = map[fyne.ThemeColorName]color.Color{
	theme.ColorNameSuccess: color.NRGBA{R: 0x1a, G: 0x7f, B: 0x37, A: 0xff},
	theme.ColorNameWarning: color.NRGBA{R: 0xa8, G: 0x55, B: 0x00, A: 0xff},
	theme.ColorNameError:   color.NRGBA{R: 0xc0, G: 0x1c, B: 0x28, A: 0xff},
}

// focusShade marks the focused control: Fyne blends its focus colour over a
// button's, and its own (the primary colour, half clear) vanishes on a
// primary button, so a keyboard user could not see where Enter goes.
var focusShade = map[fyne.ThemeVariant]color.Color{
	theme.VariantLight: color.NRGBA{A: 0x55},
	theme.VariantDark:  color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0x55},
}

func (t fornyerTheme) Color(name fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if c, ok := lightStatus[name]; ok && v == theme.VariantLight {
		return c
	}
	if c, ok := focusShade[v]; ok && name == theme.ColorNameFocus {
		return c
	}
	return t.Theme.Color(name, v)
}
