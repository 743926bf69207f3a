// Command fornyer is the app: without arguments it opens the window, with a
// subcommand it runs the command line (see DESIGN.md).
package main

import (
	"os"
	"strings"

	"github.com/fornyer/fornyer/cli"
	"github.com/fornyer/fornyer/ui"
)

func main() {
	args := os.Args[1:]
	// macOS may hand an app launched from Finder a process serial number.
	if len(args) == 1 && strings.HasPrefix(args[0], "-psn_") {
		args = nil
	}
	if len(args) == 0 || opensFiles(args) {
		ui.Run(args)
		return
	}
	attachConsole()
	os.Exit(cli.Run(cli.StdEnv(), args))
}

// opensFiles reports whether args are files to check in the window, as the
// file manager passes them when a .p12 is opened with Fornyer, rather than
// a subcommand.
func opensFiles(args []string) bool {
	if cli.IsCommand(args[0]) {
		return false
	}
	for _, a := range args {
		if info, err := os.Stat(a); err != nil || info.IsDir() {
			return false
		}
	}
	return true
}
