package cli

import (
	"os"

	"golang.org/x/term"
)

// StdEnv is the environment of a real process: its standard streams and
// terminal.
func StdEnv() Env {
	fd := int(os.Stdin.Fd())
	return Env{
		Stdin:        os.Stdin,
		Stdout:       os.Stdout,
		Stderr:       os.Stderr,
		IsTerminal:   func() bool { return term.IsTerminal(fd) },
		ReadPassword: func() (string, error) { b, err := term.ReadPassword(fd); return string(b), err },
	}
}
