package cli

import (
	"bufio"
	"encoding/json"
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
	l := env.Lang
	fs := newFileFlags("inspect")
	var asJSON bool
	fs.BoolVar(&asJSON, "json", false, "")

	usageErr := func(key string, data any) int {
		say(env.Stderr, env.T(key, data))
		fmt.Fprintln(env.Stderr, env.T("inspect.cli.usage", nil))
		return ExitUsage
	}
	files, err := fs.parse(args)
	if errors.Is(err, flag.ErrHelp) {
		inspectHelp(env)
		return ExitOK
	} else if err != nil {
		return usageErr(flagError("inspect", args, err))
	}
	switch {
	case len(files) == 0:
		return usageErr("inspect.cli.no_file", nil)
	case len(files) > 1:
		return usageErr("inspect.cli.too_many_files", nil)
	}
	file := files[0]

	extra, bad := loadTrustCAs(env, fs.trust)
	if bad != "" {
		fmt.Fprintln(env.Stderr, bad)
		return ExitUsage
	}

	// Read the file first, so that nobody is asked for a password for a
	// file that has none (a certificate file, a folder, a missing file).
	data, readErr := pfx.ReadFile(file)
	mode := choosePasswordMode(env, fs.fromStdin)
	var tries renewal.Tries
	if mode != passwordFromTerminal || (readErr == nil && pfx.Detect(data) == pfx.FormatPKCS12) {
		var key string
		tries, key = passwords(env, mode, file)
		if key != "" {
			fmt.Fprintln(env.Stderr, msg.T(l, key, nil))
			return inspectExitUnreadable
		}
	}

	opts := inspect.Options{Passwords: tries.Passwords(), ExtraTrusted: extra, Lang: l}
	var rep *inspect.Report
	if readErr != nil {
		rep = inspect.InspectFile(file, opts) // reports why it cannot be read
	} else {
		rep = inspect.Inspect(file, data, opts)
	}
	// The window's answer: the same big line, from what the register knows.
	ans := renewal.AnswerFor(renewal.Input{Path: file, Report: rep, Tries: tries, Known: inspectKnown()})

	if asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(inspectJSON{Report: rep, Answer: answerOf(ans)}); err != nil {
			return inspectExitUnreadable
		}
	} else {
		// One write instead of a few dozen: the report is printed whole.
		out := bufio.NewWriter(env.Stdout)
		printReport(out, rep, ans)
		if err := out.Flush(); err != nil {
			return inspectExitUnreadable
		}
	}
	switch rep.Verdict {
	case inspect.VerdictReady:
		return inspectExitReady
	case inspect.VerdictProblems:
		return inspectExitProblems
	}
	return inspectExitUnreadable
}

// inspectKnown is the register's certificates, read without opening it for
// changes (the window may be running); none when it cannot be read. Tests
// replace it.
var inspectKnown = func() []register.Certificate {
	path, err := registerPath()
	if err != nil {
		return nil
	}
	certs, _ := register.Read(path)
	return certs
}

// inspectJSON is `inspect --json`: the report (the contract's keys) and
// core's answer beside it.
type inspectJSON struct {
	*inspect.Report
	Answer answerJSON `json:"answer"`
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
	l := r.Lang
	t := func(key string, data any) string { return msg.T(l, key, data) }
	say(w, a.Headline.Title)
	say(w, a.Headline.Message)
	for _, ln := range []*renewal.Line{a.Note, a.Comparison} {
		if ln != nil {
			say(w, strings.TrimSpace(ln.Title+" "+ln.Message))
		}
	}
	fmt.Fprintln(w)

	var facts [][2]string
	add := func(key, value string) {
		if value != "" {
			facts = append(facts, [2]string{t(key, nil), value})
		}
	}
	add("inspect.label.file", r.File)
	if c := r.Certificate; c != nil {
		add("inspect.label.organization", c.Organization)
		add("inspect.label.cvr", c.CVR)
		if c.Organization == "" {
			add("inspect.label.name", c.CommonName)
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
		add("inspect.label.kind", kind)
		left := t("inspect.label.days_left_value", map[string]any{"Days": c.DaysLeft})
		if c.DaysLeft < 0 {
			left = t("inspect.label.expired_value", nil)
		}
		add("inspect.label.valid", t("inspect.label.valid_range", map[string]string{
			"From": msg.Date(l, c.NotBefore.Local()), "To": msg.Date(l, c.NotAfter.Local()),
		})+" ("+left+")")
		add("inspect.label.trusted", yesNo(l, r.ChainTrusted))
		if r.Format == inspect.FormatPKCS12 && r.Opened() {
			add("inspect.label.key_matches", yesNo(l, r.KeyMatches))
		}
		if !c.Verified {
			facts = append(facts, [2]string{"", t("inspect.label.unverified", nil)})
		}
	}
	printFacts(w, facts)

	// The findings other than the one already given as the big line.
	if rest := a.Findings; len(rest) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, t("inspect.label.findings", nil)+":")
		for _, f := range rest {
			say(w, "  "+t("inspect.severity."+f.Severity, nil)+": "+f.Title)
			say(w, "    "+f.Message)
		}
	}

	var tech [][2]string
	addT := func(key, value string) {
		if value != "" {
			tech = append(tech, [2]string{t(key, nil), value})
		}
	}
	if c := r.Certificate; c != nil {
		addT("inspect.label.subject", c.Subject)
		addT("inspect.label.issuer", c.Issuer)
		addT("inspect.label.serial", c.Serial)
		addT("inspect.label.uuid", c.UUID)
		if c.KeyAlgorithm != "" {
			addT("inspect.label.key", strings.TrimSpace(c.KeyAlgorithm+" "+bitsString(c.KeyBits)))
		}
		addT("inspect.label.sha256", c.SHA256)
		addT("inspect.label.sha1", c.SHA1)
	}
	for i, ch := range r.Chain {
		label := ""
		if i == 0 {
			label = "inspect.label.chain"
		}
		tech = append(tech, [2]string{tIf(l, label), ch.Subject + " (" + msg.Date(l, ch.NotAfter.Local()) + ")"})
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
		addT("inspect.label.protection", strings.Join(parts, "; "))
	}
	for _, f := range r.Findings {
		if f.Detail != "" {
			addT("inspect.label.reason", f.Detail)
			break
		}
	}
	if r.FileSHA256 != "" {
		tech = append(tech, [2]string{"SHA-256 (" + t("inspect.label.file", nil) + ")", r.FileSHA256})
	}
	if len(tech) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, t("inspect.label.details", nil)+":")
		printFacts(w, tech)
	}
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
