package widget

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// WithIcon puts a coloured icon before text that stays in the theme's
// text colour: coloured text alone reads poorly on a light background.
func WithIcon(icon fyne.Resource, text fyne.CanvasObject) fyne.CanvasObject {
	// Level with the label's first line: its inner padding plus half a
	// line, less half the icon.
	th := theme.Current()
	top := th.Size(theme.SizeNameInnerPadding) + (th.Size(theme.SizeNameText)*1.3-th.Size(theme.SizeNameInlineIcon))/2
	return container.NewBorder(nil, nil, container.New(layout.NewCustomPaddedLayout(top, 0, 0, 0), container.NewVBox(widget.NewIcon(icon))), nil, text)
}
