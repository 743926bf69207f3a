package cli

import (
	"flag"
	"io"
	"strings"
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
