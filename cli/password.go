package cli

import (
	"bufio"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/fornyer/fornyer/core/oces"
	"github.com/fornyer/fornyer/core/renewal"
	"github.com/fornyer/fornyer/core/safefile"
	"github.com/fornyer/fornyer/core/safetext"
	"github.com/fornyer/fornyer/core/vault"
)

// SavedPasswords returns the passwords saved in the operating system's
// credential store, tried (before the empty password) when neither
// --password-stdin nor a terminal gives one. It is the seam for core/vault:
// nil (no saved passwords) until the vault wires it in, for example from
// cmd/ or an init() in the vault's own cli file. The passwords never reach
// output, logs or error messages.
var SavedPasswords func() []string

// maxPasswordLine bounds the first line read by --password-stdin, so a
// file piped in by mistake is not read whole.
const maxPasswordLine = 64 << 10

var errPasswordLine = errors.New("password line too long")

// readPasswordLine reads the first line of r: the line end ("\n" or
// "\r\n") is stripped; an empty line, or no input at all, is the empty
// password.
func readPasswordLine(r io.Reader) (string, error) {
	if r == nil {
		return "", nil
	}
	br := bufio.NewReaderSize(r, 4096)
	var line []byte
	for {
		chunk, isPrefix, err := br.ReadLine()
		line = append(line, chunk...)
		if len(line) > maxPasswordLine {
			return "", errPasswordLine
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", err
		}
		if !isPrefix {
			break
		}
	}
	// ReadLine strips "\n" and "\r\n"; a lone trailing "\r" at EOF is a
	// line end too.
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	return string(line), nil
}

// withoutBOM strips a UTF-8 byte order mark at the start of a password:
// Windows tools (Notepad, PowerShell's Out-File) put one before text, and
// no password starts with an invisible character on purpose.
func withoutBOM(pw string) string {
	return strings.TrimPrefix(pw, "\uFEFF")
}

// passwordMode is where the passwords of a command come from.
type passwordMode int

const (
	passwordFromStdin passwordMode = iota
	passwordFromTerminal
	passwordFromStore // the saved ones, then the empty password
)

// choosePasswordMode applies the contract: --password-stdin, else a
// terminal prompt, else the saved passwords and the empty one.
func choosePasswordMode(env Env, fromStdin bool) passwordMode {
	switch {
	case fromStdin:
		return passwordFromStdin
	case env.IsTerminal != nil && env.ReadPassword != nil && env.IsTerminal():
		return passwordFromTerminal
	}
	return passwordFromStore
}

// passwords returns the passwords to try for file, in core's one order
// (renewal.Tries): the one given on standard input or the terminal, else
// the saved ones and the empty password last. A terminal prompt goes to
// standard error, without echo; the prompt names the file only.
func passwords(env Env, mode passwordMode, file string) (renewal.Tries, string /* error key */) {
	switch mode {
	case passwordFromStdin:
		pw, err := readPasswordLine(env.Stdin)
		if err != nil {
			return renewal.Tries{}, "inspect.cli.password_stdin_failed"
		}
		return renewal.TryTyped(withoutBOM(pw)), ""
	case passwordFromTerminal:
		fmt.Fprint(env.Stderr, safetext.Terminal(env.T("inspect.cli.prompt", map[string]string{"File": file})))
		pw, err := env.ReadPassword()
		fmt.Fprintln(env.Stderr)
		if err != nil {
			return renewal.Tries{}, "inspect.cli.password_prompt_failed"
		}
		return renewal.TryTyped(withoutBOM(pw)), ""
	}
	var saved []vault.Candidate
	if SavedPasswords != nil {
		for _, pw := range SavedPasswords() {
			if pw != "" {
				saved = append(saved, vault.Candidate{Password: pw})
			}
		}
	}
	return renewal.TrySaved(saved), ""
}

// trustCAs reads the --trust-ca files, for inspect, receipt and backup
// alike. One that cannot be used is wrong usage: its sentence is printed
// and ok is false (exit ExitUsage, nothing else done).
func trustCAs(env Env, files []string) (cas []*x509.Certificate, ok bool) {
	for _, f := range files {
		key := ""
		data, err := safefile.ReadRegular(f, 1<<20)
		if err != nil {
			key = "inspect.cli.trust_ca_unreadable"
		} else if certs, err := oces.ParseCAFile(data); err != nil {
			key = "inspect.cli.trust_ca_failed"
		} else {
			cas = append(cas, certs...)
			continue
		}
		fmt.Fprintln(env.Stderr, env.T(key, map[string]string{"File": safetext.Terminal(f)}))
		return nil, false
	}
	return cas, true
}
