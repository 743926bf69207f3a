// Package cli owns Fornyer's command line: the subcommands of the contract in
// the README ("The command line"), their flags, output and exit codes. It imports only core, so the
// lean binary cmd/fornyer-cli can serve it without linking Fyne.
package cli

import (
	"cmp"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
	"sync"

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
	// Name is the program as the user starts it ("fornyer" when empty);
	// NoWindow says it is the lean build, which never opens the window.
	Name     string
	NoWindow bool
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
		fmt.Fprintln(env.Stderr, env.T("cli.unknown_command", map[string]string{"Name": args[0]}))
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
	fmt.Fprintf(w, "%s %s: %s\n\n", appinfo.Name, appinfo.Version, env.T("cli.tagline", nil))
	fmt.Fprintln(w, env.T("cli.usage", nil))
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	name := cmp.Or(env.Name, commandName)
	for _, n := range names {
		fmt.Fprintf(w, "  %s %-8s %s\n", name, n, env.T(commands[n].summary, nil))
	}
	fmt.Fprintf(w, "  %s %-8s %s\n", name, "help", env.T("cli.help.summary", nil))
	fmt.Fprintf(w, "  %s %-8s %s\n", name, "--version", env.T("cli.version.summary", nil))
	fmt.Fprintln(w)
	if env.NoWindow {
		// Names the app, not this program: not env.T.
		fmt.Fprintln(w, msg.T(env.Lang, "cli.usage.no_window", nil))
		return
	}
	fmt.Fprintln(w, strings.TrimSpace(env.T("cli.usage.window", nil)))
}

// T is the catalogue's sentence for key in the command's language, naming
// the program as it was started: the catalogue says "fornyer inspect",
// the lean build is "fornyer-cli inspect".
func (env Env) T(key string, data any) string {
	s := msg.T(env.Lang, key, data)
	if env.Name == "" || env.Name == commandName || !strings.Contains(s, commandName) {
		return s
	}
	return commandWord().ReplaceAllString(s, "${1}"+env.Name+"$2")
}

// commandName is how the catalogue names the program.
const commandName = "fornyer"

// commandWord is the program's name as a word of a command line: lower
// case, not Fornyer the app, not part of a path or a file name. Compiled
// when first needed: at package init it cost every run (an inspection
// names no command) part of a millisecond.
var commandWord = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(^|[\s“"»(])fornyer(\s|[”"«)]|$)`)
})
