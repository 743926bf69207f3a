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
	if len(args) == 0 {
		ui.Run()
		return
	}
	os.Exit(cli.Run(cli.StdEnv(), args))
}
