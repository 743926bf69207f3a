// Package cmdline runs the app's command line (`fornyer inspect …`) while
// Go is still setting the program up, before the window's packages are:
// Go initialises a package as soon as every package it imports is, taking
// the first in import-path order when several are ready (the Go
// specification, "Package initialization"), and this package imports the
// command line only (cli, core: no Fyne). Its init runs the command and
// exits, so that a command pays neither Fyne's package inits (its
// translations for every language, parsed at every start; the theme and
// storage set-up) nor the window's; those that had to run first are the
// ones the command line's own packages waited for. The window never
// reaches this: without arguments, or with files to check, init returns.
//
// Nothing the command line runs is left uninitialised: everything it uses
// is imported by cli, so it is set up before this package is. Which other
// packages run before it can change with the dependencies, never whether
// the command works (TestCommandLineBeforeFyne says which on this one).
package cmdline

import (
	"os"
	"strings"
	"testing"

	"github.com/fornyer/fornyer/cli"
)

func init() {
	// A test binary's arguments are the test runner's, not a command.
	if testing.Testing() {
		return
	}
	if args := Args(); !OpensWindow(args) {
		Run(args)
	}
}

// Args are the program's arguments, less the process serial number macOS
// may hand an app launched from Finder.
func Args() []string {
	args := os.Args[1:]
	if len(args) == 1 && strings.HasPrefix(args[0], "-psn_") {
		return nil
	}
	return args
}

// OpensWindow says whether args open the window: none, or things to
// check in it (opensFiles); anything else is the command line's.
func OpensWindow(args []string) bool { return len(args) == 0 || opensFiles(args) }

// Run runs the command line with args as fornyer-cli does (cli.Process)
// and exits with its status.
func Run(args []string) {
	AttachConsole()
	os.Exit(cli.Process(cli.StdEnv(), args))
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
