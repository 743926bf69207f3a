package cli

import (
	"fmt"

	"github.com/fornyer/fornyer/core/msg"
)

// usageError returns a function that prints a sentence (by catalogue key)
// and the command's usage line to standard error and returns ExitUsage.
func usageError(env Env, usageKey string) func(key string, data any) int {
	return func(key string, data any) int {
		fmt.Fprintln(env.Stderr, msg.T(env.Lang, key, data))
		fmt.Fprintln(env.Stderr, msg.T(env.Lang, usageKey, nil))
		return ExitUsage
	}
}

// printHelp prints a command's usage line, its flags (name, catalogue key
// of the description) and its help text.
func printHelp(env Env, usageKey, helpKey string, flags [][2]string) {
	l, w := env.Lang, env.Stdout
	fmt.Fprintln(w, msg.T(l, usageKey, nil))
	fmt.Fprintln(w)
	for _, f := range flags {
		fmt.Fprintf(w, "  %-18s %s\n", f[0], msg.T(l, f[1], nil))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, msg.T(l, helpKey, nil))
}
