package widget

import "image/color"

// WithAlpha is c with its opacity replaced by a: the tints of banners,
// badges and the illustrations' highlights.
func WithAlpha(c color.Color, a uint8) color.Color {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = a
	return n
}
