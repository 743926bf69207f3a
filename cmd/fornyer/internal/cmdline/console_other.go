//go:build !windows

package cmdline

// AttachConsole is needed on Windows only, where the app is a GUI program.
func AttachConsole() {}
