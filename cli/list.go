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
	"time"
	"unicode/utf8"

	"github.com/fornyer/fornyer/core/certlist"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/oces"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/safetext"
)

func init() {
	commands["list"] = command{run: runList, summary: "list.cli.summary"}
}

// Exit codes of list and scan (README): 0 nothing expires within the
// horizon, 1 something does (or has expired), 2 the register or folder
// cannot be read.
const (
	watchExitOK       = 0
	watchExitExpiring = 1
	watchExitFailed   = 2
)

// maxDays bounds --expiring: a hundred years.
const maxDays = 36500

// listClock is list's and scan's "now"; tests fix it.
var listClock = time.Now

// registerPath is where list finds the window's register; tests replace it.
var registerPath = register.DefaultPath

// listJSON is `fornyer list --json`: one object. The keys are a contract.
type listJSON struct {
	Register     string           `json:"register"`
	ExpiringDays int              `json:"expiring_days"`
	Expiring     int              `json:"expiring"` // lines whose certificate expires within expiring_days or has expired
	Total        int              `json:"total"`    // certificates, history included
	Certificates []listedLineJSON `json:"certificates"`
}

// listedLineJSON is one renewal line: its newest certificate and the ones
// it renewed.
type listedLineJSON struct {
	listedCertJSON
	Expiring bool             `json:"expiring"`
	History  []listedCertJSON `json:"history"`
}

type listedCertJSON struct {
	Organization  string     `json:"organization"`
	CVR           string     `json:"cvr"`
	UUID          string     `json:"uuid"`
	Kind          string     `json:"kind"`        // organization, system, employee or ""
	Environment   string     `json:"environment"` // production, test or ""
	Serial        string     `json:"serial"`
	SHA256        string     `json:"sha256"`
	NotBefore     time.Time  `json:"not_before"`
	NotAfter      time.Time  `json:"not_after"`
	DaysLeft      int        `json:"days_left"` // negative once expired
	File          string     `json:"file"`      // where the .p12 was last seen, or ""
	PasswordSaved bool       `json:"password_saved"`
	DPGInstalled  bool       `json:"dpg_installed"`
	DPGAt         *time.Time `json:"dpg_installed_at"` // null when not installed
}

func listedCert(c register.Certificate, now time.Time) listedCertJSON {
	out := listedCertJSON{
		Organization: c.Organization, CVR: c.CVR, UUID: c.UUID, Kind: c.Kind, Environment: c.Environment,
		Serial: c.Serial, SHA256: c.SHA256, NotBefore: c.NotBefore.UTC(), NotAfter: c.NotAfter.UTC(),
		DaysLeft: oces.DaysLeft(c.NotAfter, now), PasswordSaved: c.PasswordSaved, DPGInstalled: c.DPG != nil,
	}
	if c.File != nil {
		out.File = c.File.Path
	}
	if c.DPG != nil {
		at := c.DPG.At.UTC()
		out.DPGAt = &at
	}
	return out
}

// daysFlag is --expiring DAYS: a whole number from 0 to maxDays.
type daysFlag struct {
	days int
	set  bool
	bad  bool // a value was refused: the flag package does not wrap Set's error
}

func (d *daysFlag) String() string { return strconv.Itoa(d.days) }
func (d *daysFlag) Set(s string) error {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 0 || n > maxDays {
		d.bad = true
		return errBadDays
	}
	d.days, d.set = n, true
	return nil
}

var errBadDays = errors.New("bad days")

// runList is `fornyer list [--json] [--expiring DAYS] [--register FILE]`.
func runList(env Env, args []string) int {
	l := env.Lang
	fs := flag.NewFlagSet("list", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var asJSON bool
	days := daysFlag{days: register.SoonDays}
	var file string
	fs.BoolVar(&asJSON, "json", false, "")
	fs.Var(&days, "expiring", "")
	fs.StringVar(&file, "register", "", "")
	usageErr := usageError(env, "list.cli.usage")
	if err := fs.Parse(args); errors.Is(err, flag.ErrHelp) {
		listHelp(env)
		return ExitOK
	} else if err != nil {
		if days.bad {
			return usageErr("list.cli.bad_days", map[string]string{"Value": flagValue(args, "expiring")})
		}
		return usageErr(flagError("list", args, err))
	}
	if fs.NArg() > 0 {
		return usageErr("list.cli.unexpected_argument", map[string]string{"Value": safetext.Terminal(fs.Arg(0))})
	}

	explicit := false
	fs.Visit(func(f *flag.Flag) { explicit = explicit || f.Name == "register" })
	if explicit && strings.TrimSpace(file) == "" {
		// --register "" is a mistake (an unset variable), not the default.
		return usageErr("list.cli.empty_register", nil)
	}
	path, certs, ok := readRegister(env, file, explicit)
	if !ok {
		return watchExitFailed
	}

	now := listClock()
	lines := certlist.Query{}.Apply(certlist.Lines(certs), now)
	expiring := 0
	for _, line := range lines {
		if certlist.ExpiresWithin(line.Current, days.days, now) {
			expiring++
		}
	}

	out := bufio.NewWriter(env.Stdout)
	if asJSON {
		doc := listDoc(path, lines, days.days, now)
		doc.Expiring, doc.Total = expiring, len(certs)
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(doc); err != nil {
			return watchExitFailed
		}
	} else if len(lines) > 0 {
		printLines(out, l, lines, now)
		fmt.Fprintln(out)
		fmt.Fprintln(out, env.T("list.cli.summary_line", map[string]any{"Total": len(certs), "Expiring": expiring, "Days": days.days}))
	}
	if err := out.Flush(); err != nil {
		return watchExitFailed
	}
	if expiring > 0 {
		return watchExitExpiring
	}
	return watchExitOK
}

// readRegister reads the register --register names, else the window's;
// ok is false when it cannot (the reason said). The window's register not
// there yet is an empty list: nothing expires.
func readRegister(env Env, file string, explicit bool) (path string, certs []register.Certificate, ok bool) {
	path = file
	if !explicit {
		p, err := registerPath()
		if err != nil {
			say(env.Stderr, msg.Sentence(env.Lang, err))
			return "", nil, false
		}
		path = p
	}
	certs, err := register.Read(path)
	switch {
	case register.Code(err) == register.CodeNotFound && !explicit:
		// The window has never kept a certificate here: nothing expires.
		fmt.Fprintln(env.Stderr, env.T("list.cli.empty", map[string]string{"Path": safetext.Terminal(path)}))
	case register.Code(err) == register.CodeNotFound:
		fmt.Fprintln(env.Stderr, env.T("list.cli.no_register", map[string]string{"Path": safetext.Terminal(path)}))
		return "", nil, false
	case err != nil:
		fmt.Fprintln(env.Stderr, env.T("list.cli.unreadable", map[string]string{"Path": safetext.Terminal(path)}))
		return "", nil, false
	}
	return path, certs, true
}

// listDoc is the --json form of the lines, each with its history.
func listDoc(path string, lines []*certlist.Line, days int, now time.Time) listJSON {
	doc := listJSON{Register: path, ExpiringDays: days, Certificates: []listedLineJSON{}}
	for _, line := range lines {
		j := listedLineJSON{listedCertJSON: listedCert(line.Current, now),
			Expiring: certlist.ExpiresWithin(line.Current, days, now), History: []listedCertJSON{}}
		for _, h := range line.History {
			j.History = append(j.History, listedCert(h, now))
		}
		doc.Certificates = append(doc.Certificates, j)
	}
	return doc
}

// printLines writes the lines as a table, in the user's language, with the
// history under each line.
func printLines(w io.Writer, l string, lines []*certlist.Line, now time.Time) {
	t := func(key string, data any) string { return msg.T(l, key, data) }
	rows := [][]string{{
		t("list.cli.header.organization", nil), t("list.cli.header.cvr", nil), t("list.cli.header.kind", nil),
		t("list.cli.header.expires", nil), t("list.cli.header.left", nil), t("list.cli.header.dpg", nil),
	}}
	var notes []string
	for _, line := range lines {
		c := line.Current
		kind := t("list.cli.kind.unknown", nil)
		switch c.Kind {
		case "organization", "system", "employee":
			kind = t("list.cli.kind."+c.Kind, nil)
		}
		if c.Environment == register.Test {
			kind += " (" + t("list.cli.test", nil) + ")"
		}
		left := strconv.Itoa(oces.DaysLeft(c.NotAfter, now))
		if !c.NotAfter.After(now) {
			left = t("list.cli.expired", nil)
		}
		dpg := t("list.cli.no", nil)
		if c.DPG != nil {
			dpg = t("list.cli.yes", nil)
		}
		rows = append(rows, []string{safetext.Column(c.Organization, safetext.ColumnWidth), safetext.Column(c.CVR, 20), kind, msg.Date(l, c.NotAfter.Local()), left, dpg})
		note := ""
		if n := len(line.History); n > 0 {
			note = t("list.cli.history", map[string]any{"Count": n})
		}
		notes = append(notes, note)
	}
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, cell := range r {
			widths[i] = max(widths[i], utf8.RuneCountInString(cell))
		}
	}
	for i, r := range rows {
		var b strings.Builder
		for j, cell := range r {
			b.WriteString(cell)
			if j < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[j]-utf8.RuneCountInString(cell)+2))
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
		if i > 0 && notes[i-1] != "" {
			fmt.Fprintln(w, "  "+notes[i-1])
		}
	}
}

func listHelp(env Env) {
	printHelp(env, "list.cli.usage", "list.cli.help", [][2]string{
		{"--json", "list.cli.flag.json"},
		{"--expiring DAYS", "list.cli.flag.expiring"},
		{"--register FILE", "list.cli.flag.register"},
	})
}

// flagValue finds the value given to --name in args, for the sentence.
func flagValue(args []string, name string) string {
	for i, a := range args {
		a = strings.TrimLeft(a, "-")
		if v, ok := strings.CutPrefix(a, name+"="); ok {
			return safetext.Terminal(v)
		}
		if a == name && i+1 < len(args) {
			return safetext.Terminal(args[i+1])
		}
	}
	return ""
}
