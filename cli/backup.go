package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/fornyer/fornyer/core/backup"
	"github.com/fornyer/fornyer/core/msg"
)

func init() {
	commands["backup"] = command{run: runBackup, summary: "backup.cli.summary"}
}

// Exit codes of backup besides ExitOK and ExitUsage.
const (
	backupExitFailed     = 1 // the backup could not be written or verified; nothing was kept
	backupExitUnreadable = 2 // the original could not be opened (wrong password, not a certificate file)
)

// stopSignals stop a backup the way Ctrl-C does: SIGINT, SIGTERM (a kill,
// a shutdown; on Windows Go delivers the console window's close, log-off
// and shut-down events as SIGTERM) and SIGHUP (the terminal closed).
var stopSignals = []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP}

// backupProgress is the backup's progress callback, and backupStopped
// (when set) is handed the context a stop signal cancels; tests use them
// to hold a backup between two files until the signal has arrived.
var (
	backupProgress func(done, total int)
	backupStopped  func(ctx context.Context)
)

// runBackup makes a verified backup of a certificate file:
//
//	fornyer backup [--password-stdin] [--trust-ca FILE]... [--public] [--manifest] --to DIR FILE
//
// It exits 0 only when the copy has been read back, found identical and
// opened with the password, and prints the paths written. On any failure
// it prints a sentence on standard error and leaves nothing under a final
// name. --trust-ca is accepted for the contract's sake (files are checked)
// but a backup does not judge the chain. --public and --manifest add the
// certificate alone (.cer, .pem) and the text manifest.
func runBackup(env Env, args []string) int {
	l := env.Lang
	fs := newFileFlags("backup")
	var (
		public, manifest bool
		to               string
	)
	fs.StringVar(&to, "to", "", "")
	fs.BoolVar(&public, "public", false, "")
	fs.BoolVar(&manifest, "manifest", false, "")

	usageErr := usageError(env, "backup.cli.usage")
	files, err := fs.parse(args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(env.Stdout, env.T("backup.cli.usage", nil))
		fmt.Fprintln(env.Stdout, env.T("backup.cli.help", nil))
		return ExitOK
	} else if err != nil {
		return usageErr(flagError("backup", args, err))
	}
	switch {
	case len(files) != 1:
		return usageErr("backup.cli.one_file", nil)
	case strings.TrimSpace(to) == "":
		return usageErr("backup.cli.no_to", nil)
	}
	file := files[0]

	if _, ok := trustCAs(env, fs.trust); !ok {
		return ExitUsage
	}
	tries, key := passwords(env, choosePasswordMode(env, fs.fromStdin), file)
	if key != "" {
		fmt.Fprintln(env.Stderr, env.T(key, nil))
		return backupExitUnreadable
	}

	// Ctrl-C, a kill, a closed terminal or (Windows) a closed console
	// window stop between files and remove what was written.
	ctx, stop := signal.NotifyContext(context.Background(), stopSignals...)
	defer stop()
	if backupStopped != nil {
		backupStopped(ctx)
	}
	// All passwords are tried on one reading of the file (one work budget);
	// nothing is written before the right one is found.
	res, err := backup.Backup(ctx, file, to, backup.Options{
		Passwords: tries.Passwords(), PublicCopies: public, Manifest: manifest, Lang: l, Progress: backupProgress,
	})
	if err != nil {
		say(env.Stderr, msg.Sentence(l, err))
		return backupExit(err)
	}
	for _, f := range res.Files {
		say(env.Stdout, f.Path)
	}
	verified := "backup.cli.verified"
	if res.CopyFound() {
		verified = "backup.cli.verified_found"
	}
	say(env.Stdout, env.T(verified, map[string]string{
		"Time": msg.DateTime(l, res.VerifiedAt.Local()),
	}))
	if res.PlainNamed() {
		say(env.Stdout, env.T("backup.verified.plain_name", map[string]string{
			"Folder": res.Dir, "Name": filepath.Base(file), "Plain": filepath.Base(res.Files[0].Path),
		}))
	}
	return ExitOK
}

// backupExit is the exit status of a failed backup or export: 2 when the
// file could not be opened, else 1.
func backupExit(err error) int {
	switch msg.Code(err) {
	case backup.CodeWrongPassword, backup.CodeSourceInvalid, backup.CodeDamagedKey, backup.CodeSourceUnreadable, backup.CodeSourceTooLarge:
		return backupExitUnreadable
	}
	return backupExitFailed
}
