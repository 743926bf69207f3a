//go:build linux && !android && cgo && (x11 || !wayland)

package ui

// Xlib's default error handler prints the error and exits the process. GLFW
// (the X11 code Fyne 2.8.1 uses) answers a file drop with XdndFinished sent
// to the drag source's window; when the source has exited by then, the X
// server answers BadWindow and the whole app was gone without a word (F28,
// e2e/dropgone_test.go). An error on a request the app does not check is
// no reason to end it, so this handler logs the first one and carries on.
//
// GLFW keeps working: its own checked requests grab the handler and restore
// the one before (_glfwGrabErrorHandlerX11/_glfwReleaseErrorHandlerX11 in
// go-gl/glfw v3.4 glfw/src/x11_init.c), so this one stays the default.
// libX11 is the one GLFW links (build.go) and loads (x11_init.c).

/*
#cgo LDFLAGS: -lX11
#include <X11/Xlib.h>
#include <stdio.h>

static int fornyerXErrorLogged;

static int fornyerXError(Display *display, XErrorEvent *event) {
	if (fornyerXErrorLogged)
		return 0;
	fornyerXErrorLogged = 1;
	char text[128];
	XGetErrorText(display, event->error_code, text, sizeof text);
	fprintf(stderr, "fornyer: ignored an X error: %s (request %d.%d); later ones are ignored silently\n",
		text, event->request_code, event->minor_code);
	return 0;
}

static void fornyerIgnoreXErrors(void) { XSetErrorHandler(fornyerXError); }
*/
import "C"

// ignoreUncheckedXErrors replaces Xlib's exiting error handler; call it before the
// window opens.
func ignoreUncheckedXErrors() { C.fornyerIgnoreXErrors() }
