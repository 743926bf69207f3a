//go:build !windows && !darwin && !((linux || freebsd || openbsd || netbsd) && !android)

package widget

import "fyne.io/fyne/v2"

func pickNative(fyne.Window, Pick) (string, error) { return "", errNoNative }
