package main

import (
	"fmt"
	"os"
	"runtime"
	"strings"

	"github.com/fornyer/fornyer/cmd/fornyer/internal/cmdline"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/ui"
)

// exitNoWindow is the exit status when the window cannot be created
// (EX_UNAVAILABLE in sysexits.h): the graphics offer no OpenGL 2.1.
const exitNoWindow = 69

// reportNoWindow tells the user that the window could not be created, what
// to do about it and that the command line still works: in a message box
// on Windows, where nobody sees a GUI program's output, and on standard
// error everywhere. It returns the exit status.
func reportNoWindow(e *ui.WindowError) int {
	title, body := noWindowText(e, runtime.GOOS)
	cmdline.AttachConsole()
	fmt.Fprintf(os.Stderr, "%s\n\n%s\n", title, body)
	showMessageBox(title, body)
	return exitNoWindow
}

// noWindowText is the message in the window's language for goos.
func noWindowText(e *ui.WindowError, goos string) (title, body string) {
	l := e.Lang
	command, it := "fornyer", "nowindow.it.other"
	if goos == "windows" {
		command, it = "fornyer-cli", "nowindow.it.windows"
	}
	lines := []string{
		msg.T(l, "nowindow.what", nil),
		"",
		msg.T(l, "nowindow.todo", nil),
		"• " + msg.T(l, "nowindow.todo.local", nil),
		"• " + msg.T(l, "nowindow.todo.vm", nil),
		"• " + msg.T(l, "nowindow.todo.driver", nil),
		msg.T(l, it, nil),
		"",
		msg.T(l, "nowindow.cli", map[string]string{"Command": command}),
	}
	if e.Cause != "" {
		lines = append(lines, "", msg.T(l, "nowindow.cause", map[string]string{"Cause": e.Cause}))
	}
	return msg.T(l, "nowindow.title", nil), strings.Join(lines, "\n")
}
