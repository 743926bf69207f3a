package cli

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/fornyer/fornyer/core/appinfo"
	"github.com/fornyer/fornyer/core/forget"
	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/safetext"
)

func init() {
	commands["forget"] = command{run: runForget, summary: "forget.cli.summary"}
}

// Exit codes of forget (README).
const (
	forgetExitDone     = 0
	forgetExitDeclined = 1
	forgetExitFailed   = 2
)

// storageDir is where the window keeps the register and the progress;
// tests replace it.
var storageDir = appinfo.StorageDir

// runForget is `fornyer forget --all [--yes]`: core/forget.Everything, after
// a yes on the terminal (or --yes).
func runForget(env Env, args []string) int {
	l := env.Lang
	fs := flag.NewFlagSet("forget", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var all, yes bool
	fs.BoolVar(&all, "all", false, "")
	fs.BoolVar(&yes, "yes", false, "")
	usageErr := usageError(env, "forget.cli.usage")
	if err := fs.Parse(args); errors.Is(err, flag.ErrHelp) {
		printHelp(env, "forget.cli.usage", "forget.cli.help", [][2]string{
			{"--all", "forget.cli.flag.all"},
			{"--yes", "forget.cli.flag.yes"},
		})
		return ExitOK
	} else if err != nil {
		return usageErr(flagError("forget", args, err))
	}
	if fs.NArg() > 0 {
		return usageErr("forget.cli.unexpected_argument", map[string]string{"Value": safetext.Terminal(fs.Arg(0))})
	}
	if !all {
		return usageErr("forget.cli.need_all", nil)
	}
	if !yes {
		if env.IsTerminal == nil || !env.IsTerminal() {
			return usageErr("forget.cli.no_terminal", nil)
		}
		fmt.Fprint(env.Stderr, env.T("forget.cli.question", nil)+" ")
		answer, _ := bufio.NewReader(env.Stdin).ReadString('\n')
		if !agreed(answer) {
			fmt.Fprintln(env.Stderr, env.T("forget.cli.declined", nil))
			return forgetExitDeclined
		}
	}

	dir, err := storageDir()
	if err != nil {
		fmt.Fprintln(env.Stderr, env.T("forget.cli.no_storage", nil))
		return forgetExitFailed
	}
	reg, _ := register.Open(filepath.Join(dir, register.FileName)) // a damaged one is forgotten too
	r, err := forget.Everything(context.Background(), openVault(), reg, filepath.Join(dir, guide.FileName))
	if err != nil {
		say(env.Stderr, msg.Sentence(l, err))
		return forgetExitFailed
	}
	if r == (forget.Result{}) {
		fmt.Fprintln(env.Stdout, env.T("forget.cli.nothing", nil))
		return forgetExitDone
	}
	fmt.Fprintln(env.Stdout, env.T("forget.cli.done", map[string]any{"Passwords": r.Passwords}))
	return forgetExitDone
}

// agreed reads a yes, in Danish or English.
func agreed(answer string) bool {
	switch strings.ToLower(strings.TrimSpace(answer)) {
	case "y", "yes", "j", "ja":
		return true
	}
	return false
}
