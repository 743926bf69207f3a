// Command fornyer is the app: without arguments it opens the window, with a
// subcommand it runs the command line (see the README, "The command line").
package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/fornyer/fornyer/cmd/fornyer/internal/cmdline"
	"github.com/fornyer/fornyer/core/instance"
	"github.com/fornyer/fornyer/ui"
)

// A subcommand has run and exited before main (cmdline's init), before
// Fyne's packages were set up; main opens the window.
func main() {
	ui.StartReached("main") // FORNYER_TRACE=1: the process's start to here
	args := cmdline.Args()
	if !cmdline.OpensWindow(args) {
		cmdline.Run(args) // not reached: cmdline ran it
	}
	claimed := ui.StartPiece("instance")
	more, stop, handedOver := oneWindow(args)
	claimed()
	if handedOver {
		return // the running window checks the files
	}
	defer stop()
	var noWindow *ui.WindowError
	if err := ui.Run(args, more); errors.As(err, &noWindow) {
		stop() // os.Exit skips the deferred call
		os.Exit(reportNoWindow(noWindow))
	}
}

// oneWindow claims the user's one window (core/instance). When another
// window runs, args went to it and handedOver is true. When the claim cannot
// be made (no private folder, no sockets), this window opens as before,
// without receiving later starts' files.
func oneWindow(args []string) (more <-chan []string, stop func(), handedOver bool) {
	stop = func() {}
	dir, err := instance.DefaultDir()
	if err != nil {
		return nil, stop, false
	}
	l, err := instance.Claim(dir, args)
	if errors.Is(err, instance.ErrHandedOver) {
		return nil, stop, true
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "fornyer:", err)
		return nil, stop, false
	}
	return l.Files(), func() { l.Close() }, false
}
