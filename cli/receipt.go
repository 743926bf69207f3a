package cli

import (
	"crypto/x509"
	"errors"
	"flag"
	"fmt"
	"net/mail"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/receipt"
	"github.com/fornyer/fornyer/core/renewal"
)

func init() {
	commands["receipt"] = command{run: runReceipt, summary: "receipt.cli.summary"}
}

// Exit codes of receipt besides ExitOK and ExitUsage.
const (
	receiptExitProblems   = 1 // the file opened but is not ready, or the PDF could not be written
	receiptExitUnreadable = 2 // the file could not be opened
)

// runReceipt writes the renewal receipt of a certificate file:
//
//	fornyer receipt [--password-stdin] [--trust-ca FILE]... --out FILE.pdf [--by NAME] [--email ADDRESS] FILE
//
// It refuses files with errors (a receipt says the certificate is ready).
// Like every file Fornyer writes, the receipt never replaces an existing
// file: when FILE.pdf exists, it is written as "FILE (2).pdf" and so on, and
// the path actually written is printed on standard output.
func runReceipt(env Env, args []string) int {
	l := env.Lang
	fs := newFileFlags("receipt")
	var out, by, email string
	fs.StringVar(&out, "out", "", "")
	fs.StringVar(&by, "by", "", "")
	fs.StringVar(&email, "email", "", "")

	usageErr := usageError(env, "receipt.cli.usage")
	files, err := fs.parse(args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(env.Stdout, env.T("receipt.cli.usage", nil))
		fmt.Fprintln(env.Stdout, env.T("receipt.cli.help", nil))
		return ExitOK
	} else if err != nil {
		return usageErr(flagError("receipt", args, err))
	}
	switch {
	case len(files) != 1:
		return usageErr("receipt.cli.one_file", nil)
	case strings.TrimSpace(out) == "":
		return usageErr("receipt.cli.no_out", nil)
	case email != "" && !validEmail(email):
		return usageErr("receipt.cli.bad_email", map[string]string{"Email": email})
	}
	if _, err := renewal.InstallerName(by); errors.Is(err, renewal.ErrNameTooLong) {
		say(env.Stderr, msg.Sentence(l, err))
		return usageErr("", nil)
	}
	file := files[0]
	dir, name, ok := receiptTarget(out)
	if !ok {
		return usageErr("receipt.cli.no_out", nil)
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		say(env.Stderr, env.T("receipt.cli.no_folder", map[string]string{"Folder": dir}))
		return receiptExitProblems
	}

	extra, ok := trustCAs(env, fs.trust)
	if !ok {
		return ExitUsage
	}
	rep, tries, exit := readyCertificate(env, file, fs.fromStdin, extra)
	if rep == nil {
		return exit
	}

	data := receiptData(rep, l, by, email, time.Now())
	data.PasswordSaved = passwordSaved(tries, rep)
	if name == "" {
		name = receipt.FileName(data)
	}
	pdf, err := receipt.Receipt(data)
	if err == nil {
		out, err = receipt.Write(dir, name, pdf)
	}
	if err != nil {
		say(env.Stderr, msg.Sentence(l, err))
		return receiptExitProblems
	}
	say(env.Stdout, env.T("receipt.cli.written", map[string]string{"File": out}))
	return ExitOK
}

// readyCertificate is the inspected file, when it is ready to install;
// else nil, the reason said, and the exit status.
func readyCertificate(env Env, file string, fromStdin bool, extra []*x509.Certificate) (*inspect.Report, renewal.Tries, int) {
	mode := choosePasswordMode(env, fromStdin)
	tries, key := passwords(env, mode, file)
	if key != "" {
		fmt.Fprintln(env.Stderr, env.T(key, nil))
		return nil, tries, receiptExitUnreadable
	}
	rep := inspect.InspectFile(file, inspect.Options{Passwords: tries.Passwords(), ExtraTrusted: extra, Lang: env.Lang})
	if !rep.Opened() || rep.Certificate == nil {
		printFindings(env, rep, inspect.SeverityError)
		fmt.Fprintln(env.Stderr, env.T("receipt.cli.not_written", nil))
		return nil, tries, receiptExitUnreadable
	}
	if !rep.Ready() {
		printFindings(env, rep, inspect.SeverityError)
		fmt.Fprintln(env.Stderr, env.T("receipt.cli.not_ready", nil))
		return nil, tries, receiptExitProblems
	}
	return rep, tries, ExitOK
}

// receiptTarget is the folder and the file name --out names; ok is false
// when it names neither a folder nor a file.
func receiptTarget(out string) (dir, name string, ok bool) {
	dir, name = filepath.Split(out)
	if st, err := os.Stat(out); err == nil && st.IsDir() {
		// --out names a folder: the receipt goes inside it, under the
		// name the window would give it (set once the file is read).
		dir, name = out, ""
	} else if name == "" {
		return "", "", false
	} else if !strings.EqualFold(filepath.Ext(name), ".pdf") {
		name += ".pdf" // a PDF is always named as one
	}
	if dir == "" {
		dir = "."
	}
	return dir, name, true
}

// receiptData fills a receipt from an inspection and the command line.
func receiptData(rep *inspect.Report, l, by, email string, now time.Time) receipt.Data {
	d := receipt.FromCertificate(rep.Certificate, l, now)
	d.RenewedBy, _ = renewal.InstallerName(by) // optional: empty is no name
	d.Email = email
	return d
}

// passwordSaved reports whether the password that opened the file is one
// saved in the credential store: tried from the store, one of them opened
// it (renewal.Tries); given on standard input or the terminal, the store is
// asked once more. Only equality is checked, in memory.
func passwordSaved(tries renewal.Tries, rep *inspect.Report) bool {
	if _, ok := tries.OpenedBy(rep); ok {
		return true
	}
	pw := tries.Password(rep)
	if !tries.Typed() || pw == "" || SavedPasswords == nil {
		return false
	}
	for _, saved := range SavedPasswords() {
		if saved == pw {
			return true
		}
	}
	return false
}

func printFindings(env Env, rep *inspect.Report, severity string) {
	for _, f := range rep.Findings {
		if f.Severity == severity {
			say(env.Stderr, f.Message)
		}
	}
}

func validEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s && a.Name == ""
}
