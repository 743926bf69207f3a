//go:build !(linux && !android && cgo && (x11 || !wayland))

package ui

// ignoreUncheckedXErrors has nothing to do without Xlib (Windows, macOS, Wayland
// only builds): see xerrors_x11.go.
func ignoreUncheckedXErrors() {}
