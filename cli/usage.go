package cli

import (
	"fmt"
	"strings"
)

// usageError returns every command's one way out on wrong usage: it prints
// a sentence (by catalogue key, made safe for the terminal; none for "",
// when the sentence was said already) and the command's usage line to
// standard error, and returns ExitUsage.
func usageError(env Env, usageKey string) func(key string, data any) int {
	return func(key string, data any) int {
		if key != "" {
			say(env.Stderr, env.T(key, data))
		}
		fmt.Fprintln(env.Stderr, env.T(usageKey, nil))
		return ExitUsage
	}
}

// printHelp prints a command's usage line, its flags (name, catalogue key
// of the description) and its help text. A flag's value is named in
// English ("--expiring DAYS") and shown in the user's language
// (catalogue key cli.meta.days).
func printHelp(env Env, usageKey, helpKey string, flags [][2]string) {
	w := env.Stdout
	fmt.Fprintln(w, env.T(usageKey, nil))
	fmt.Fprintln(w)
	for _, f := range flags {
		name := f[0]
		if flag, meta, ok := strings.Cut(name, " "); ok {
			name = flag + " " + env.T("cli.meta."+strings.ToLower(meta), nil)
		}
		fmt.Fprintf(w, "  %-18s %s\n", name, env.T(f[1], nil))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, env.T(helpKey, nil))
}
