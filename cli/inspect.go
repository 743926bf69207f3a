package cli

import (
	"bufio"
	"crypto/x509"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/oces"
	"github.com/fornyer/fornyer/core/pfx"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/renewal"
	"github.com/fornyer/fornyer/core/safetext"
)

func init() {
	commands["inspect"] = command{run: runInspect, summary: "inspect.cli.summary"}
}

// Exit codes of inspect (README, "The command line").
const (
	inspectExitReady      = 0
	inspectExitProblems   = 1
	inspectExitUnreadable = 2
)

// runInspect is `fornyer inspect [--password-stdin] [--trust-ca FILE]...
// [--json] FILE`: it says whether FILE is ready to install in DPG and, if
// not, what is wrong. Flags may come before or after the file.
func runInspect(env Env, args []string) int {
	// (Loading the catalogues and CA certificates on another goroutine while
	// the file is opened was measured: slower on a busy two-core machine.)
	fs := newFileFlags("inspect")
	var asJSON bool
	fs.BoolVar(&asJSON, "json", false, "")
	file, exit := inspectArgs(env, fs, args)
	if file == "" {
		return exit
	}
	extra, ok := trustCAs(env, fs.trust)
	if !ok {
		return ExitUsage
	}
	rep, tries, ok := inspectFile(env, file, fs.fromStdin, extra)
	if !ok {
		return inspectExitUnreadable
	}
	// The window's answer: the same big line, from what the register knows.
	known, regErr := inspectKnown(rep.Certificate)
	ans := renewal.AnswerFor(renewal.Input{Path: file, Report: rep, Tries: tries, Known: known})
	note := registerNote(env, regErr)
	if note != nil {
		say(env.Stderr, note.Message)
	}
	if !writeInspection(env, rep, ans, note, asJSON) {
		return inspectExitUnreadable
	}
	switch rep.Verdict {
	case inspect.VerdictReady:
		return inspectExitReady
	case inspect.VerdictProblems:
		return inspectExitProblems
	}
	return inspectExitUnreadable
}

// inspectArgs is the one file named on the command line; "" with the exit
// status when there is none to inspect (help asked for, wrong usage).
func inspectArgs(env Env, fs *fileFlags, args []string) (string, int) {
	usageErr := usageError(env, "inspect.cli.usage")
	files, err := fs.parse(args)
	if errors.Is(err, flag.ErrHelp) {
		inspectHelp(env)
		return "", ExitOK
	} else if err != nil {
		return "", usageErr(flagError("inspect", args, err))
	}
	switch {
	case len(files) == 0:
		return "", usageErr("inspect.cli.no_file", nil)
	case len(files) > 1:
		return "", usageErr("inspect.cli.too_many_files", nil)
	}
	return files[0], ExitOK
}

// inspectFile reads the file, gets the passwords to try and inspects it;
// ok is false when the password could not be read (the reason is said).
func inspectFile(env Env, file string, fromStdin bool, extra []*x509.Certificate) (rep *inspect.Report, tries renewal.Tries, ok bool) {
	// Read the file first, so that nobody is asked for a password for a
	// file that has none (a certificate file, a folder, a missing file).
	data, readErr := pfx.ReadFile(file)
	mode := choosePasswordMode(env, fromStdin)
	if mode != passwordFromTerminal || (readErr == nil && pfx.Detect(data) == pfx.FormatPKCS12) {
		var key string
		tries, key = passwords(env, mode, file)
		if key != "" {
			fmt.Fprintln(env.Stderr, msg.T(env.Lang, key, nil))
			return nil, tries, false
		}
	}
	opts := inspect.Options{Passwords: tries.Passwords(), ExtraTrusted: extra, Lang: env.Lang}
	if readErr != nil {
		return inspect.InspectFile(file, opts), tries, true // reports why it cannot be read
	}
	return inspect.Inspect(file, data, opts), tries, true
}

// writeInspection prints the report, as JSON or for a person; false when
// standard output could not take it.
func writeInspection(env Env, rep *inspect.Report, ans renewal.Answer, note *registerNoteJSON, asJSON bool) bool {
	if asJSON {
		// As encoding/json's Encoder would write it (appendInspectJSON).
		out, err := appendInspectJSON(nil, inspectJSON{Report: rep, Answer: answerOf(ans), Register: note})
		if err != nil {
			return false
		}
		_, err = env.Stdout.Write(out)
		return err == nil
	}
	// One write instead of a few dozen: the report is printed whole.
	out := bufio.NewWriter(env.Stdout)
	printReport(out, rep, ans)
	return out.Flush() == nil
}

// inspectKnown is what the answer for certificate c needs of the
// register: those of its certificates, read without opening it for
// changes (the window may be running) and without decoding the others
// (renewal.ReadKnown), or the register's error (none when there is no
// register, nor where the computer gives Fornyer no storage folder).
// Tests replace it.
var inspectKnown = readKnown

// readKnown is inspectKnown's own.
func readKnown(c *inspect.Certificate) ([]register.Certificate, error) {
	path, err := registerPath()
	if err != nil {
		return nil, nil // no storage folder: no register, nothing to say (review T3)
	}
	return renewal.ReadKnown(path, nil, c)
}

// registerNote is what inspect says when the register could not be used
// for the answer (damaged, newer, unreadable): the answer is then the one
// for a file without a register, the exit status the file's own, and
// the note says so with a stable code ("register_" and the register's
// code) and a sentence; nil when the register was read or is not there.
func registerNote(env Env, err error) *registerNoteJSON {
	code := register.Code(err)
	switch {
	case err == nil || code == register.CodeNotFound:
		return nil
	case code != register.CodeDamaged && code != register.CodeNewer:
		code = register.CodeUnreadable
	}
	return &registerNoteJSON{Code: "register_" + code, Message: env.T("inspect.cli.register."+code, nil)}
}

// inspectJSON is `inspect --json`: the report (the contract's keys) and
// core's answer beside it, and the register's note when it could not be
// used.
type inspectJSON struct {
	*inspect.Report
	Answer   answerJSON        `json:"answer"`
	Register *registerNoteJSON `json:"register,omitempty"`
}

// registerNoteJSON is registerNote's note.
type registerNoteJSON struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// answerJSON is the part of core's answer a script may want: the window's
// big line, the note and comparison under it, and what can be done next.
type answerJSON struct {
	Headline   renewal.Line     `json:"headline"`
	Note       *renewal.Line    `json:"note,omitempty"`
	Comparison *renewal.Line    `json:"comparison,omitempty"`
	Actions    []renewal.Action `json:"actions"`
}

func answerOf(a renewal.Answer) answerJSON {
	return answerJSON{Headline: a.Headline, Note: a.Note, Comparison: a.Comparison, Actions: a.Actions}
}

// say writes one line of text that may hold names from a file or a
// certificate, with their control characters shown escaped
// (core/safetext): a name cannot clear the terminal or forge a line.
func say(w io.Writer, line string) {
	fmt.Fprintln(w, safetext.Terminal(line))
}

func inspectHelp(env Env) {
	printHelp(env, "inspect.cli.usage", "inspect.cli.help", [][2]string{
		{"--password-stdin", "inspect.cli.flag.password_stdin"},
		{"--trust-ca FILE", "inspect.cli.flag.trust_ca"},
		{"--json", "inspect.cli.flag.json"},
	})
}

// printReport writes the human form: the big line and its sentence, the
// facts a user looks for, the findings, then the technical details.
func printReport(w io.Writer, r *inspect.Report, a renewal.Answer) {
	t := func(key string, data any) string { return msg.T(r.Lang, key, data) }
	say(w, a.Headline.Title)
	say(w, a.Headline.Message)
	for _, ln := range []*renewal.Line{a.Note, a.Comparison} {
		if ln != nil {
			say(w, strings.TrimSpace(ln.Title+" "+ln.Message))
		}
	}
	fmt.Fprintln(w)
	printFacts(w, reportFacts(r))

	// The findings other than the one already given as the big line.
	if rest := a.Findings; len(rest) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, t("inspect.label.findings", nil)+":")
		for _, f := range rest {
			say(w, "  "+t("inspect.severity."+f.Severity, nil)+": "+f.Title)
			say(w, "    "+f.Message)
		}
	}

	if tech := technicalDetails(r); len(tech) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, t("inspect.label.details", nil)+":")
		printFacts(w, tech)
	}
}

// labelled is a list of facts, each a label (by catalogue key, in l) and
// its value; a fact without a value is left out.
type labelled struct {
	l    string
	rows [][2]string
}

func (f *labelled) add(key, value string) {
	if value != "" {
		f.rows = append(f.rows, [2]string{msg.T(f.l, key, nil), value})
	}
}

// reportFacts are the facts a user looks for: the file, whose certificate,
// what kind, how long valid, whether trusted and matching its key.
func reportFacts(r *inspect.Report) [][2]string {
	l := r.Lang
	t := func(key string, data any) string { return msg.T(l, key, data) }
	f := &labelled{l: l}
	f.add("inspect.label.file", r.File)
	if c := r.Certificate; c != nil {
		f.add("inspect.label.organization", c.Organization)
		f.add("inspect.label.cvr", c.CVR)
		if c.Organization == "" {
			f.add("inspect.label.name", c.CommonName)
		}
		// Kind and environment named as the window and the receipt name
		// them (core/oces), "Unknown" included.
		kind := t(oces.KindKey(c.Kind), nil)
		var extra []string
		if c.Generation != "" {
			extra = append(extra, c.Generation)
		}
		extra = append(extra, t(oces.EnvironmentKey(c.Environment), nil))
		kind += " (" + strings.Join(extra, ", ") + ")"
		f.add("inspect.label.kind", kind)
		left := t("inspect.label.days_left_value", map[string]any{"Days": c.DaysLeft})
		if c.DaysLeft < 0 {
			left = t("inspect.label.expired_value", nil)
		}
		f.add("inspect.label.valid", t("inspect.label.valid_range", map[string]string{
			"From": msg.Date(l, c.NotBefore.Local()), "To": msg.Date(l, c.NotAfter.Local()),
		})+" ("+left+")")
		f.add("inspect.label.trusted", yesNo(l, r.ChainTrusted))
		if r.Format == inspect.FormatPKCS12 && r.Opened() {
			f.add("inspect.label.key_matches", yesNo(l, r.KeyMatches))
		}
		if !c.Verified {
			f.rows = append(f.rows, [2]string{"", t("inspect.label.unverified", nil)})
		}
	}
	return f.rows
}

// technicalDetails are the names, numbers, chain and protection an
// administrator may need to tell a supporter.
func technicalDetails(r *inspect.Report) [][2]string {
	l := r.Lang
	t := func(key string, data any) string { return msg.T(l, key, data) }
	f := &labelled{l: l}
	if c := r.Certificate; c != nil {
		f.add("inspect.label.subject", c.Subject)
		f.add("inspect.label.issuer", c.Issuer)
		f.add("inspect.label.serial", c.Serial)
		f.add("inspect.label.uuid", c.UUID)
		if c.KeyAlgorithm != "" {
			f.add("inspect.label.key", strings.TrimSpace(c.KeyAlgorithm+" "+bitsString(c.KeyBits)))
		}
		f.add("inspect.label.sha256", c.SHA256)
		f.add("inspect.label.sha1", c.SHA1)
	}
	for i, ch := range r.Chain {
		label := ""
		if i == 0 {
			label = "inspect.label.chain"
		}
		f.rows = append(f.rows, [2]string{tIf(l, label), ch.Subject + " (" + msg.Date(l, ch.NotAfter.Local()) + ")"})
	}
	if p := r.Protection; p != nil {
		parts := []string{p.Encoding}
		if p.MAC != "" {
			parts = append(parts, "MAC "+p.MAC+iterString(p.MACIterations))
		}
		if p.KeyEncryption != "" {
			parts = append(parts, t("inspect.label.protection_key", nil)+" "+p.KeyEncryption+iterString(p.Iterations))
		}
		if p.CertificateEncryption != "" {
			parts = append(parts, t("inspect.label.protection_certificates", nil)+" "+p.CertificateEncryption+iterString(p.CertificateIterations))
		}
		f.add("inspect.label.protection", strings.Join(parts, "; "))
	}
	for _, finding := range r.Findings {
		if finding.Detail != "" {
			f.add("inspect.label.reason", finding.Detail)
			break
		}
	}
	if r.FileSHA256 != "" {
		f.rows = append(f.rows, [2]string{"SHA-256 (" + t("inspect.label.file", nil) + ")", r.FileSHA256})
	}
	return f.rows
}

func tIf(l, key string) string {
	if key == "" {
		return ""
	}
	return msg.T(l, key, nil)
}

func printFacts(w io.Writer, facts [][2]string) {
	width := 0
	for _, f := range facts {
		width = max(width, utf8.RuneCountInString(f[0]))
	}
	for _, f := range facts {
		label := f[0]
		if label != "" {
			label += ":"
		}
		say(w, "  "+label+strings.Repeat(" ", width+1-utf8.RuneCountInString(label))+" "+f[1])
	}
}

func yesNo(l string, b bool) string {
	if b {
		return msg.T(l, "inspect.yes", nil)
	}
	return msg.T(l, "inspect.no", nil)
}

func bitsString(n int) string {
	if n <= 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func iterString(n int) string {
	if n <= 0 {
		return ""
	}
	return " x" + strconv.Itoa(n)
}
