package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// fornyerTheme is Fyne's theme with colours that stand out: text at least
// 4.5:1 and the edges of controls (tick boxes, radio buttons, fields,
// buttons) and the focus mark at least 3:1 against what they stand on, in
// both variants (theme_test.go computes the ratios). Fyne's own draw a tick
// box's edge at about 1.1:1 and its status colours for icons, not sentences.
type fornyerTheme struct{ fyne.Theme }

func newTheme() fyne.Theme { return fornyerTheme{theme.DefaultTheme()} }

func rgb(hex uint32) color.Color {
	return color.NRGBA{R: uint8(hex >> 16), G: uint8(hex >> 8), B: uint8(hex), A: 0xff}
}

var colours = map[fyne.ThemeVariant]map[fyne.ThemeColorName]color.Color{
	theme.VariantLight: {
		theme.ColorNameForeground:          rgb(0x1f1f1f),
		theme.ColorNamePlaceHolder:         rgb(0x666666),
		theme.ColorNameDisabled:            rgb(0x6e6e6e),
		theme.ColorNameInputBorder:         rgb(0x767676),
		theme.ColorNamePrimary:             rgb(0x0b57d0),
		theme.ColorNameHyperlink:           rgb(0x0b57d0),
		theme.ColorNameForegroundOnPrimary: rgb(0xffffff),
		theme.ColorNameSuccess:             rgb(0x17732f),
		theme.ColorNameWarning:             rgb(0xa04f00),
		theme.ColorNameError:               rgb(0xb01722),
		// Focus is laid over a focused button and round a focused tick
		// box: dark enough to see on the page, light enough that a
		// button's label still reads.
		theme.ColorNameFocus: color.NRGBA{A: 0x70},
	},
	theme.VariantDark: {
		theme.ColorNameForeground:          rgb(0xfafafa),
		theme.ColorNamePlaceHolder:         rgb(0xb2b2b2),
		theme.ColorNameDisabled:            rgb(0x959595),
		theme.ColorNameInputBorder:         rgb(0x8a8a8a),
		theme.ColorNamePrimary:             rgb(0x8ab4f8),
		theme.ColorNameHyperlink:           rgb(0x8ab4f8),
		theme.ColorNameForegroundOnPrimary: rgb(0x171718),
		theme.ColorNameError:               rgb(0xff6b5e),
		theme.ColorNameFocus:               color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0x55},
	},
}

func (t fornyerTheme) Color(name fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if c, ok := colours[v][name]; ok {
		return c
	}
	return t.Theme.Color(name, v)
}

// Icon draws the edges of tick boxes and radio buttons two units wide
// (of 24) instead of Fyne's one, which at the size they are drawn is a
// hair antialiased to a pale grey whatever its colour.
func (t fornyerTheme) Icon(name fyne.ThemeIconName) fyne.Resource {
	switch name {
	case theme.IconNameCheckButton:
		return checkBoxIcon
	case theme.IconNameRadioButton:
		return radioIcon
	}
	return t.Theme.Icon(name)
}

var (
	checkBoxIcon = fyne.NewStaticResource("fornyer-check-box.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">`+
		`<path fill-rule="evenodd" d="M4.5 3h15A1.5 1.5 0 0 1 21 4.5v15a1.5 1.5 0 0 1-1.5 1.5h-15A1.5 1.5 0 0 1 3 19.5v-15A1.5 1.5 0 0 1 4.5 3zM5 5v14h14V5z"/></svg>`))
	radioIcon = fyne.NewStaticResource("fornyer-radio-button.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">`+
		`<path fill-rule="evenodd" d="M12 2a10 10 0 1 1 0 20a10 10 0 1 1 0-20zM12 4.2a7.8 7.8 0 1 0 0 15.6a7.8 7.8 0 1 0 0-15.6z"/></svg>`))
)

// Size makes the scroll bar as wide when resting as under the pointer: a
// thin, faint line is easily missed, and with it the rest of a card.
func (t fornyerTheme) Size(name fyne.ThemeSizeName) float32 {
	if name == theme.SizeNameScrollBarSmall {
		return t.Theme.Size(theme.SizeNameScrollBar)
	}
	return t.Theme.Size(name)
}
