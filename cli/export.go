package cli

import (
	"errors"
	"flag"
	"fmt"

	"github.com/fornyer/fornyer/core/backup"
	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/msg"
)

func init() {
	commands["export"] = command{run: runExport, summary: "export.cli.summary"}
}

// runExport saves the public certificate of a certificate file:
//
//	fornyer export [--pem] [--password-stdin] [--out DIR] FILE
//
// It writes the certificate alone, as .cer (DER) or with --pem as .pem,
// beside FILE or in DIR, never over an existing file, read back before it
// is reported; never a key, never the password. It prints the path written
// and the certificate's identifiers (the thumbprint as Windows shows it).
func runExport(env Env, args []string) int {
	l := env.Lang
	fs := newFileFlags("export")
	var (
		asPEM bool
		out   string
	)
	fs.BoolVar(&asPEM, "pem", false, "")
	fs.StringVar(&out, "out", "", "")
	usageErr := usageError(env, "export.cli.usage")
	files, err := fs.parse(args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(env.Stdout, env.T("export.cli.usage", nil))
		fmt.Fprintln(env.Stdout, env.T("export.cli.help", nil))
		return ExitOK
	} else if err != nil {
		return usageErr(flagError("export", args, err))
	}
	if len(files) != 1 {
		return usageErr("export.cli.one_file", nil)
	}
	file := files[0]
	tries, key := passwords(env, choosePasswordMode(env, fs.fromStdin), file)
	if key != "" {
		fmt.Fprintln(env.Stderr, env.T(key, nil))
		return backupExitUnreadable
	}
	res, err := backup.ExportPublic(file, backup.ExportOptions{Passwords: tries.Passwords(), Dir: out, PEM: asPEM})
	if err != nil {
		say(env.Stderr, msg.Sentence(l, err))
		return backupExit(err) // the same meanings: 2 not opened, 1 not written
	}
	say(env.Stdout, res.Path)
	r := inspect.Inspect(res.Path, res.Certificate.Raw, inspect.Options{Lang: l})
	for _, id := range inspect.Identifiers(r.Certificate) {
		say(env.Stdout, env.T(id.Key, nil)+": "+id.Value)
	}
	return ExitOK
}
