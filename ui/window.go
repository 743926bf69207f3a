package ui

import (
	"math"
	"os"
	"runtime"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"github.com/go-gl/glfw/v3.4/glfw"
)

// edgeMargin keeps the window off the very edge of the work area, in
// screen coordinates.
const edgeMargin = 8

// placement is where the window asks to sit and how big it is: at the
// right edge of the screen's work area, at companion size (shorter on small
// screens). scale is the canvas scale it was worked out for.
type placement struct {
	size  fyne.Size
	x, y  int
	scale float32
	// presized: the canvas was given size times scale until Fyne makes
	// the window (presize), and the content is held until it has its own
	// size (holdUntilSized).
	presized bool
}

// companionPlace is the window's placement on a work area (screen
// coordinates) at scale.
func companionPlace(areaX, areaY, areaW, areaH int, scale float32) placement {
	size := companionSize
	if maxH := companionHeight(areaH, scale); size.Height > maxH && maxH > 400 {
		size.Height = maxH
	}
	return placement{
		size:  size,
		x:     areaX + areaW - int(size.Width*scale) - edgeMargin,
		y:     areaY + edgeMargin + 32, // below the title bar the window manager adds
		scale: scale,
	}
}

// placeBeforeShow sizes and places the window before its first frame,
// beside the browser, so that the first frame is laid out once at the
// window's final size: sized after it, the window was first drawn 860
// units high on a 768-pixel screen, its action bar (Back, Done) below the
// screen's edge, and laid out again a moment later (review S10). Fyne
// knows the window's scale only once it has made the window, in Show, so
// the scale is Fyne's as Fyne will work it out (estimatedScale);
// placeAfterShow puts right what a wrong estimate got wrong. UI thread,
// after NewWindow (which starts GLFW). It returns the placement asked for,
// or false where there is none to ask for (no desktop window, no screen).
func placeBeforeShow(w fyne.Window) (placement, bool) {
	dw, ok := w.(desktop.Window)
	monitor := primaryMonitor()
	if !ok || monitor == nil {
		w.Resize(companionSize)
		return placement{}, false
	}
	areaX, areaY, areaW, areaH := monitor.GetWorkarea()
	p := companionPlace(areaX, areaY, areaW, areaH, estimatedScale(monitor))
	w.Resize(p.size)
	p.presized = presize(w, p)
	dw.RequestPosition(p.x, p.y)
	return p, true
}

// presize makes Fyne create the window's OpenGL surface at the size in
// pixels it will have, when the scale is not 1 (review T2). Fyne 2.8.1
// (internal/driver/glfw/window_desktop.go, create) makes the GL window at
// the canvas's size with the canvas's scale still 1, works the scale out
// after, resizes the window and paints at once: the first frame, drawn at
// 125 % into a surface still 480 pixels wide, was the card's bottom-left
// part, the rest black, until the next frame. So the canvas is given the
// size times the scale until then (w.Resize, called before, has already
// queued the final size, which Fyne applies once it knows the scale; its
// Resize method sizes the canvas alone), and the content is held until it
// is laid out at that final size (holdUntilSized), not laid out once more
// at the larger one. It says whether it did. Re-check on a Fyne upgrade.
func presize(w fyne.Window, p placement) bool {
	c, ok := w.Canvas().(interface{ Resize(fyne.Size) })
	if !ok || p.scale == 1 || runtime.GOOS == "darwin" {
		return false
	}
	c.Resize(fyne.NewSize(p.size.Width*p.scale, p.size.Height*p.scale))
	return true
}

// holdUntilSized is content for a presized window's canvas: it lays
// content out only once its size changes from the first it is given (the
// presized one), or once releaseHold is called, then calls laidOut once.
func holdUntilSized(content fyne.CanvasObject, laidOut func()) *fyne.Container {
	return container.New(&heldLayout{laidOut: laidOut}, content)
}

// releaseHold lays held's content out at its size now if its hold has not
// opened yet: after the first frame (frame.shown), so that a window whose
// canvas Fyne never gave another size than the presized one (not seen on
// X11 at 1.25 or 1.5) is drawn a moment late rather than never. A nil held
// is none.
func releaseHold(held *fyne.Container) {
	if held == nil {
		return
	}
	if l, ok := held.Layout.(*heldLayout); ok && !l.open {
		l.open = true
		l.Layout(held.Objects, held.Size())
		canvas.Refresh(held)
	}
}

type heldLayout struct {
	first   fyne.Size // the size it holds at; zero before the first layout
	open    bool
	laidOut func()
}

func (l *heldLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if !l.open {
		if l.first.IsZero() || size == l.first {
			l.first = size
			return
		}
		l.open = true
	}
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	if l.laidOut != nil {
		done := l.laidOut
		l.laidOut = nil
		done()
	}
}

func (l *heldLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return m
}

// placeAfterShow asks again for the window's place once it is on the
// screen (a window manager may place a new window itself), and sizes it
// again only when its real scale is not the one placeBeforeShow worked the
// size out for. Lifecycle's OnStarted, on the main thread.
func placeAfterShow(w fyne.Window, asked placement, placed bool) {
	dw, ok := w.(desktop.Window)
	monitor := primaryMonitor()
	if !ok || monitor == nil {
		return
	}
	scale := w.Canvas().Scale()
	if runtime.GOOS == "darwin" || scale <= 0 { // macOS screen coordinates are points
		scale = 1
	}
	p := asked
	if !placed || scale != asked.scale {
		areaX, areaY, areaW, areaH := monitor.GetWorkarea()
		p = companionPlace(areaX, areaY, areaW, areaH, scale)
		if p.size != w.Canvas().Size() {
			w.Resize(p.size)
		}
	}
	dw.RequestPosition(p.x, p.y)
}

// primaryMonitor is GLFW's primary monitor, or nil when there is none or
// GLFW did not start (no display, no OpenGL), for which GLFW's Go binding
// panics: the window's Show then fails, and Run says why (WindowError).
func primaryMonitor() (m *glfw.Monitor) {
	defer func() {
		if recover() != nil {
			m = nil
		}
	}()
	return glfw.GetPrimaryMonitor()
}

// estimatedScale is the canvas scale Fyne's desktop driver gives a window
// on monitor, worked out before the window exists as the driver works it
// out once it does: the user's scale (FYNE_SCALE or Fyne's settings) times
// the system's (the monitor's content scale on Windows, its DPI over 120
// elsewhere, 1 on macOS, whose screen coordinates are points). It copies
// Fyne 2.8.1's internal/driver/glfw/window.go (calculatedScale) and
// window_desktop.go (detectScale, getMonitorScale), save two things: the
// monitor is the primary one (the window's own is not known yet), and a
// Wayland build (Fyne's 1) is not told apart. Re-check on a Fyne upgrade.
// A wrong estimate costs a second layout after the first frame
// (placeAfterShow), nothing more.
func estimatedScale(monitor *glfw.Monitor) float32 {
	if runtime.GOOS == "darwin" {
		return 1
	}
	var system float32
	switch {
	case runtime.GOOS == "windows":
		system, _ = monitor.GetContentScale()
	case dpiDetectionOff(os.Getenv("FYNE_DISABLE_DPI_DETECTION")):
		system = 1
	default:
		widthMM, heightMM := monitor.GetPhysicalSize()
		mode := monitor.GetVideoMode()
		if mode == nil {
			return 1
		}
		system = monitorScale(runtime.GOOS, widthMM, heightMM, mode.Width)
	}
	return roundScale(system * userScale(os.Getenv("FYNE_SCALE"), fyne.CurrentApp().Settings().Scale()))
}

// monitorScale is Fyne's scale for a monitor widthMM by heightMM
// millimetres and widthPx pixels wide on goos: 1 for a Steam Deck (Linux,
// 60 by 60 mm, which it is not), else detectedScale. Copies Fyne 2.8.1's
// internal/driver/glfw/window_desktop.go (getMonitorScale).
func monitorScale(goos string, widthMM, heightMM, widthPx int) float32 {
	if goos == "linux" && widthMM == 60 && heightMM == 60 {
		return 1
	}
	return detectedScale(widthMM, widthPx)
}

// detectedScale is Fyne's scale for a monitor widthMM millimetres and
// widthPx pixels wide: its DPI over 120, at least 1. Copies Fyne 2.8.1's
// internal/driver/glfw/scale.go (calculateDetectedScale).
func detectedScale(widthMM, widthPx int) float32 {
	dpi := float32(widthPx) / (float32(widthMM) / 25.4)
	if dpi > 1000 || dpi < 10 {
		return 1
	}
	return max(dpi/120, 1)
}

// dpiDetectionOff reads FYNE_DISABLE_DPI_DETECTION as Fyne 2.8.1's
// internal/driver/glfw/window_desktop.go (detectScale) does.
func dpiDetectionOff(env string) bool {
	return strings.EqualFold(env, "true") || strings.EqualFold(env, "t") || env == "1"
}

// userScale is the user's scale: env (FYNE_SCALE) when it is a number,
// else Fyne's setting when positive, else 1. Copies Fyne 2.8.1's
// internal/driver/glfw/scale.go (userScale).
func userScale(env string, setting float32) float32 {
	if env != "" && env != "auto" {
		if s, err := strconv.ParseFloat(env, 32); err == nil && s != 0 {
			return float32(s)
		}
	}
	if env != "auto" && setting > 0 {
		return setting
	}
	return 1
}

// roundScale rounds a scale to a tenth, as Fyne 2.8.1's
// internal/driver/glfw/scale.go (calculateScale) does.
func roundScale(s float32) float32 {
	return float32(math.Round(float64(s*10)) / 10)
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
