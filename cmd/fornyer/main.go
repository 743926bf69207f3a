// Command fornyer is the app: without arguments it opens the window, with a
// subcommand it runs the command line (see the README, "The command line").
package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/fornyer/fornyer/cli"
	"github.com/fornyer/fornyer/core/instance"
	"github.com/fornyer/fornyer/ui"
)

func main() {
	ui.StartReached("main") // FORNYER_TRACE=1: the process's start to here
	args := os.Args[1:]
	// macOS may hand an app launched from Finder a process serial number.
	if len(args) == 1 && strings.HasPrefix(args[0], "-psn_") {
		args = nil
	}
	if len(args) == 0 || opensFiles(args) {
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
		return
	}
	attachConsole()
	os.Exit(cli.Run(cli.StdEnv(), args))
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

// opensFiles reports whether args are things to check in the window, as
// the file manager passes them when a .p12 is opened with Fornyer, rather
// than a subcommand. A folder counts: the window says it is a folder,
// where the command line could only call it an unknown command.
func opensFiles(args []string) bool {
	if cli.IsCommand(args[0]) {
		return false
	}
	for _, a := range args {
		if _, err := os.Stat(a); err != nil {
			return false
		}
	}
	return true
}
