package ui

import (
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"github.com/go-gl/glfw/v3.4/glfw"
)

// edgeMargin keeps the window off the very edge of the work area, in
// screen coordinates.
const edgeMargin = 8

// placeBesideBrowser asks for the window to sit at the right edge of the
// screen the user works on, at companion size (shorter on small screens).
// Call it once the driver runs (Lifecycle's OnStarted, on the main thread):
// Fyne reports no screen size, so the work area is read from GLFW, Fyne's
// own desktop driver.
func placeBesideBrowser(w fyne.Window) {
	dw, ok := w.(desktop.Window)
	if !ok {
		return
	}
	{
		monitor := glfw.GetPrimaryMonitor()
		if monitor == nil {
			return
		}
		areaX, areaY, areaW, areaH := monitor.GetWorkarea()
		scale := w.Canvas().Scale()
		if runtime.GOOS == "darwin" || scale <= 0 { // macOS screen coordinates are points
			scale = 1
		}
		size := companionSize
		if maxH := companionHeight(areaH, scale); size.Height > maxH && maxH > 400 {
			size.Height = maxH
			w.Resize(size)
		}
		x := areaX + areaW - int(size.Width*scale) - edgeMargin
		y := areaY + edgeMargin + 32 // below the title bar the window manager adds
		dw.RequestPosition(x, y)
	}
}

// companionHeight is the most the window may be high on a work area areaH
// high (screen coordinates) at scale, in Fyne's units: the area less the
// window's margins and its title bar, over the scale.
func companionHeight(areaH int, scale float32) float32 {
	return float32(areaH-2*edgeMargin-40) / scale
}

// keepOnTop applies the "Keep on top" choice. Fyne can ask for it but not
// take it back while the window is open, so turning it off applies on the
// next start.
func keepOnTop(w fyne.Window, on bool) {
	if dw, ok := w.(desktop.Window); ok && on {
		dw.RequestAlwaysOnTop()
	}
}
