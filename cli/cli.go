// Package cli owns Fornyer's command line: the subcommands of the contract in
// the README ("The command line"), their flags, output and exit codes. It imports only core, so the
// lean binary cmd/fornyer-cli can serve it without linking Fyne.
package cli

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/fornyer/fornyer/core/appinfo"
	"github.com/fornyer/fornyer/core/msg"
)

// Exit codes shared by all subcommands.
const (
	ExitOK    = 0
	ExitUsage = 64
)

// Env is what a subcommand may touch of the world; tests fill it in.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Lang   string // "da" or "en"
	// IsTerminal reports whether Stdin is a terminal (for the password prompt).
	IsTerminal func() bool
	// ReadPassword reads a line from the terminal without echo.
	ReadPassword func() (string, error)
}

type command struct {
	run     func(env Env, args []string) int
	summary string // translation key of a one-line description
}

// commands is the table of subcommands; each lives in a file of its own.
var commands = map[string]command{}

// Run runs the command line with args (without the program name) and returns
// the exit status.
func Run(env Env, args []string) int {
	if env.Lang == "" {
		env.Lang = msg.Detect()
	}
	if len(args) == 0 {
		usage(env, env.Stderr)
		return ExitUsage
	}
	switch args[0] {
	case "--version", "-version", "version":
		fmt.Fprintf(env.Stdout, "%s %s\n", appinfo.Name, appinfo.Version)
		return ExitOK
	case "help", "--help", "-h", "-help":
		if len(args) > 1 {
			if _, ok := commands[args[1]]; ok {
				return commands[args[1]].run(env, []string{"--help"})
			}
		}
		usage(env, env.Stdout)
		return ExitOK
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintln(env.Stderr, msg.T(env.Lang, "cli.unknown_command", map[string]string{"Name": args[0]}))
		usage(env, env.Stderr)
		return ExitUsage
	}
	return c.run(env, args[1:])
}

// IsCommand reports whether name is a subcommand (or help or version).
func IsCommand(name string) bool {
	switch name {
	case "--version", "-version", "version", "help", "--help", "-h", "-help":
		return true
	}
	_, ok := commands[name]
	return ok
}

func usage(env Env, w io.Writer) {
	fmt.Fprintf(w, "%s %s: %s\n\n", appinfo.Name, appinfo.Version, msg.T(env.Lang, "cli.tagline", nil))
	fmt.Fprintln(w, msg.T(env.Lang, "cli.usage", nil))
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  fornyer %-8s %s\n", n, msg.T(env.Lang, commands[n].summary, nil))
	}
	fmt.Fprintf(w, "  fornyer %-8s %s\n", "help", msg.T(env.Lang, "cli.help.summary", nil))
	fmt.Fprintf(w, "  fornyer %-8s %s\n", "--version", msg.T(env.Lang, "cli.version.summary", nil))
	fmt.Fprintln(w)
	fmt.Fprintln(w, strings.TrimSpace(msg.T(env.Lang, "cli.usage.window", nil)))
}
