package ui

import (
	"bytes"
	"fmt"
	"io"
	"log"
	"regexp"
	"slices"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
)

// WindowError says that the window could not be created: the graphics
// offer no OpenGL 2.1 (Remote Desktop, a virtual machine without 3D
// acceleration, an old driver, an X server without GLX). Fyne 2.8.1 only
// logs this and then waits forever with no window, or panics when GLFW
// could not start at all; Run turns both into this error so that the
// caller can tell the user in a way that needs no OpenGL.
type WindowError struct {
	Lang  string // the language the window would have spoken
	Cause string // what Fyne and GLFW logged, for IT staff
}

func (e *WindowError) Error() string {
	return "the window could not be created: " + e.Cause
}

// hasNativeWindow reports whether w got a window from the system. Fyne
// keeps a window without one when GLFW fails to create it; the test
// driver has no native windows and always passes.
func hasNativeWindow(w fyne.Window) bool {
	native, ok := w.(driver.NativeWindow)
	if !ok {
		return true
	}
	has := true
	native.RunNative(func(ctx any) {
		switch c := ctx.(type) {
		case driver.WindowsWindowContext:
			has = c.HWND != 0
		case driver.MacWindowContext:
			has = c.NSWindow != 0
		case driver.X11WindowContext:
			has = c.WindowHandle != 0
		case driver.WaylandWindowContext:
			has = c.WaylandSurface != 0
		}
	})
	return has
}

// startupLog keeps what Fyne and GLFW log (through the standard logger)
// while the window is being created, for the WindowError's cause; it
// still passes everything on to the original output.
type startupLog struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	next io.Writer
}

const startupLogLimit = 4 << 10

func watchStartupLog() *startupLog {
	l := &startupLog{next: log.Writer()}
	log.SetOutput(l)
	return l
}

func (l *startupLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	if l.buf.Len() < startupLogLimit {
		l.buf.Write(p[:min(len(p), startupLogLimit-l.buf.Len())])
	}
	l.mu.Unlock()
	return l.next.Write(p)
}

// stop hands the standard logger back to its original output.
func (l *startupLog) stop() { log.SetOutput(l.next) }

// glfwError matches what GLFW reports ("PlatformError: WGL: Failed to set
// pixel format"), in Fyne's "Cause:" lines, GLFW's own log lines or a panic.
var glfwError = regexp.MustCompile(`\b(NotInitialized|NoCurrentContext|InvalidEnum|InvalidValue|OutOfMemory|APIUnavailable|VersionUnavailable|PlatformError|FormatUnavailable|NoWindowContext|PlatformUnavailable): .*`)

// cause is what GLFW said went wrong, from the log and from recovered (a
// panic), each once; other log lines (a missing cache folder, no D-Bus) do
// not explain a missing window.
func (l *startupLog) cause(recovered any) string {
	l.mu.Lock()
	text := l.buf.String()
	l.mu.Unlock()
	if recovered != nil {
		text += "\n" + fmt.Sprint(recovered)
	}
	var causes []string
	for _, line := range strings.Split(text, "\n") {
		c := strings.TrimSpace(glfwError.FindString(line))
		if c != "" && !slices.Contains(causes, c) {
			causes = append(causes, c)
		}
	}
	return strings.Join(causes, "; ")
}
