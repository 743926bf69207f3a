//go:build windows

package cmdline

import (
	"os"

	"golang.org/x/sys/windows"
)

// AttachConsole gives a subcommand a console to print to on Windows. The
// app is linked as a GUI program, so that no console window opens beside
// the window; typed in cmd or PowerShell, a subcommand would otherwise print
// nowhere. Streams that are redirected (a pipe, a file) are kept as they
// are. Scripts that need the exit status use fornyer-cli.exe, which is a
// console program.
func AttachConsole() {
	const attachParentProcess = ^uint32(0) // ATTACH_PARENT_PROCESS
	attach := windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")
	if ok, _, _ := attach.Call(uintptr(attachParentProcess)); ok == 0 {
		return // started without a console: nothing to attach to
	}
	reopen := func(std **os.File, which uint32, name string, flag int) {
		if h, err := windows.GetStdHandle(which); err == nil && h != 0 && h != windows.InvalidHandle {
			return // redirected
		}
		if f, err := os.OpenFile(name, flag, 0); err == nil {
			*std = f
		}
	}
	reopen(&os.Stdin, windows.STD_INPUT_HANDLE, "CONIN$", os.O_RDWR)
	reopen(&os.Stdout, windows.STD_OUTPUT_HANDLE, "CONOUT$", os.O_RDWR)
	reopen(&os.Stderr, windows.STD_ERROR_HANDLE, "CONOUT$", os.O_RDWR)
}
