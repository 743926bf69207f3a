package cli

import (
	"flag"
	"io"
	"strings"

	"github.com/fornyer/fornyer/core/safetext"
)

// fileFlags is what the subcommands of the contract share: a flag set with
// --password-stdin and --trust-ca, whose flags may stand before or after
// the file.
type fileFlags struct {
	*flag.FlagSet
	fromStdin bool
	trust     trustFiles
}

func newFileFlags(name string) *fileFlags {
	f := &fileFlags{FlagSet: flag.NewFlagSet(name, flag.ContinueOnError)}
	f.SetOutput(io.Discard)
	f.BoolVar(&f.fromStdin, "password-stdin", false, "")
	f.Var(&f.trust, "trust-ca", "")
	return f
}

// parse parses args, flags and files mixed, and returns the files.
func (f *fileFlags) parse(args []string) ([]string, error) {
	var files []string
	for rest := args; ; {
		if err := f.Parse(rest); err != nil {
			return nil, err
		}
		rest = f.Args()
		if len(rest) == 0 {
			return files, nil
		}
		files = append(files, rest[0])
		rest = rest[1:]
	}
}

// trustFiles collects repeated --trust-ca options.
type trustFiles []string

func (t *trustFiles) String() string     { return strings.Join(*t, ",") }
func (t *trustFiles) Set(v string) error { *t = append(*t, v); return nil }

// flagError turns the flag package's error for command into our sentence
// (catalogue key and data), naming the flag as the user typed it:
// "--bogus", not the flag package's "-bogus".
func flagError(command string, args []string, err error) (string, map[string]string) {
	s := err.Error()
	data := map[string]string{"Command": command}
	name := s
	switch {
	case strings.HasPrefix(s, "invalid "):
		// invalid boolean value "maybe" for -json: parse error
		// invalid value "x" for flag -expiring: ...
		if i := strings.LastIndex(s, " -"); i >= 0 {
			name, _, _ = strings.Cut(s[i+1:], ":")
		}
		data["Flag"] = typed(args, name)
		return "cli.flag.invalid_value", data
	case strings.HasPrefix(s, "flag needs an argument"):
		name = s[strings.LastIndex(s, " ")+1:]
		data["Flag"] = typed(args, name)
		return "cli.flag.needs_value", data
	}
	if i := strings.LastIndex(s, ": "); i >= 0 {
		name = s[i+2:]
	}
	data["Flag"] = typed(args, name)
	if command == "inspect" || command == "backup" || command == "receipt" {
		data["Password"] = "yes" // where a password goes, say how it does
	}
	return "cli.flag.unknown", data
}

// typed finds the flag name (as the flag package gives it, "-x") among
// args as the user typed it ("--x"), without a value after "=".
func typed(args []string, name string) string {
	bare := strings.TrimLeft(name, "-")
	for _, a := range args {
		if a == "--" {
			break
		}
		flag, _, _ := strings.Cut(a, "=")
		if strings.HasPrefix(flag, "-") && strings.TrimLeft(flag, "-") == bare {
			return safetext.Terminal(flag)
		}
	}
	return safetext.Terminal(name)
}
