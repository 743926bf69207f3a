package cli

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fornyer/fornyer/core/certlist"
	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/oces"
	"github.com/fornyer/fornyer/core/pfx"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/safetext"
)

func init() {
	commands["scan"] = command{run: runScan, summary: "scan.cli.summary"}
}

// scanExtensions are the names of certificate files scan looks at.
var scanExtensions = map[string]bool{".p12": true, ".pfx": true, ".cer": true, ".crt": true, ".pem": true, ".der": true}

// maxScanFiles bounds one scan: past it, scan stops and says so.
var maxScanFiles = 20000

// Status of a scanned file (JSON "status").
const (
	scanCertificate = "certificate" // a certificate was read (verified false when the key was not opened)
	scanLocked      = "locked"      // a PKCS#12 file whose certificate is encrypted with the password
	scanUnreadable  = "unreadable"  // damaged, not a certificate file, too large or not readable
)

// scanJSON is `fornyer scan --json`: one object. The keys are a contract.
type scanJSON struct {
	Folder       string        `json:"folder"`
	ExpiringDays int           `json:"expiring_days"`
	Files        []scannedFile `json:"files"`
	Certificates int           `json:"certificates"` // files whose certificate was read
	Locked       int           `json:"locked"`
	Unreadable   int           `json:"unreadable"`
	Expiring     int           `json:"expiring"`  // certificates that expire within expiring_days or have expired
	Truncated    bool          `json:"truncated"` // stopped after the file limit
}

type scannedFile struct {
	File   string `json:"file"`
	Status string `json:"status"`
	Format string `json:"format"` // "pkcs12", "certificate" or ""
	// Code is the inspect finding code that made the file locked or
	// unreadable ("wrong_password", "corrupt", ...), else "".
	Code         string        `json:"code"`
	Certificate  *scannedCert  `json:"certificate"` // null unless status is "certificate"
	ChainTrusted bool          `json:"chain_trusted"`
	Expiring     bool          `json:"expiring"`
	Findings     []scanFinding `json:"findings"`
}

type scannedCert struct {
	Organization string    `json:"organization"`
	CVR          string    `json:"cvr"`
	UUID         string    `json:"uuid"`
	CommonName   string    `json:"common_name"`
	Generation   string    `json:"generation"`
	Environment  string    `json:"environment"`
	Kind         string    `json:"kind"`
	Serial       string    `json:"serial"`
	SHA256       string    `json:"sha256"`
	NotBefore    time.Time `json:"not_before"`
	NotAfter     time.Time `json:"not_after"`
	DaysLeft     int       `json:"days_left"`
	Verified     bool      `json:"verified"` // false when read without the password
}

type scanFinding struct {
	Code     string `json:"code"`
	Severity string `json:"severity"`
}

// runScan is `fornyer scan [--json] [--trust-ca FILE]... [--expiring DAYS]
// DIR`: every certificate file under DIR, read without a password. Nothing
// is written; links are not followed; files over pfx.MaxSize are not read.
func runScan(env Env, args []string) int {
	l := env.Lang
	flags := newFileFlags("scan")
	var asJSON bool
	var days daysFlag
	flags.BoolVar(&asJSON, "json", false, "")
	flags.Var(&days, "expiring", "")
	usageErr := usageError(env, "scan.cli.usage")
	dirs, err := flags.parse(args)
	if errors.Is(err, flag.ErrHelp) {
		scanHelp(env)
		return ExitOK
	} else if err != nil {
		if days.bad {
			return usageErr("list.cli.bad_days", map[string]string{"Value": flagValue(args, "expiring")})
		}
		return usageErr(flagError("scan", args, err))
	}
	if flags.fromStdin {
		return usageErr("cli.flag.unknown", map[string]string{"Command": "scan", "Flag": "--password-stdin"})
	}
	switch {
	case len(dirs) == 0:
		return usageErr("scan.cli.no_folder", nil)
	case len(dirs) > 1:
		return usageErr("scan.cli.too_many", nil)
	}
	dir := dirs[0]
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		fmt.Fprintln(env.Stderr, env.T("scan.cli.not_folder", map[string]string{"Path": safetext.Terminal(dir)}))
		return watchExitFailed
	}
	if _, err := os.ReadDir(dir); err != nil {
		fmt.Fprintln(env.Stderr, env.T("scan.cli.not_folder", map[string]string{"Path": safetext.Terminal(dir)}))
		return watchExitFailed
	}
	extra, ok := trustCAs(env, flags.trust)
	if !ok {
		return ExitUsage
	}

	now := listClock()
	// No password at all: nothing to derive keys for, so each file costs a
	// parse, bounded by pfx's size limit.
	opts := inspect.Options{Passwords: []string{}, ExtraTrusted: extra, Lang: l, Now: func() time.Time { return now }}
	doc, walkErr := scanFolder(dir, opts, days.days, now)
	if walkErr != nil {
		fmt.Fprintln(env.Stderr, env.T("scan.cli.not_folder", map[string]string{"Path": safetext.Terminal(dir)}))
		return watchExitFailed
	}

	out := bufio.NewWriter(env.Stdout)
	if asJSON {
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(doc); err != nil {
			return watchExitFailed
		}
	} else {
		printScan(out, l, doc, now)
	}
	if err := out.Flush(); err != nil {
		return watchExitFailed
	}
	if doc.Expiring > 0 {
		return watchExitExpiring
	}
	return watchExitOK
}

// scanFolder inspects every certificate file under dir (at most
// maxScanFiles), following no links; a folder that cannot be read is
// listed as unreadable.
func scanFolder(dir string, opts inspect.Options, expiringDays int, now time.Time) (scanJSON, error) {
	doc := scanJSON{Folder: dir, ExpiringDays: expiringDays, Files: []scannedFile{}}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path != dir && d != nil && d.IsDir() {
				doc.add(scannedFile{File: path, Status: scanUnreadable, Code: inspect.CodeUnreadableFile, Findings: []scanFinding{}})
				return fs.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() || !scanExtensions[strings.ToLower(filepath.Ext(path))] {
			return nil // folders are walked; links, devices and other files are not read
		}
		if len(doc.Files) >= maxScanFiles {
			doc.Truncated = true
			return fs.SkipAll
		}
		var rep *inspect.Report
		if data, err := pfx.ReadFile(path); err != nil {
			rep = inspect.InspectFile(path, opts) // says why, without reading a large file
		} else {
			rep = inspect.Inspect(path, data, opts)
		}
		doc.add(scanned(rep, expiringDays, now))
		return nil
	})
	return doc, err
}

func (d *scanJSON) add(f scannedFile) {
	d.Files = append(d.Files, f)
	switch f.Status {
	case scanCertificate:
		d.Certificates++
	case scanLocked:
		d.Locked++
	default:
		d.Unreadable++
	}
	if f.Expiring {
		d.Expiring++
	}
}

// scanned is what scan reports of one inspected file.
func scanned(r *inspect.Report, days int, now time.Time) scannedFile {
	f := scannedFile{File: r.File, Format: r.Format, ChainTrusted: r.ChainTrusted, Findings: []scanFinding{}}
	for _, x := range r.Findings {
		f.Findings = append(f.Findings, scanFinding{Code: x.Code, Severity: x.Severity})
	}
	if c := r.Certificate; c != nil {
		f.Status = scanCertificate
		f.Certificate = &scannedCert{
			Organization: c.Organization, CVR: c.CVR, UUID: c.UUID, CommonName: c.CommonName,
			Generation: c.Generation, Environment: c.Environment, Kind: c.Kind, Serial: c.Serial, SHA256: c.SHA256,
			NotBefore: c.NotBefore, NotAfter: c.NotAfter, DaysLeft: c.DaysLeft, Verified: c.Verified,
		}
		f.Expiring = certlist.ExpiresWithin(register.Certificate{NotAfter: c.NotAfter}, days, now)
		return f
	}
	f.Status = scanUnreadable
	if first := r.FirstError(); first != nil {
		f.Code = first.Code
		if first.Code == inspect.CodeWrongPassword {
			f.Status = scanLocked
		}
	}
	return f
}

// printScan writes each file with what was found, then a summary.
func printScan(w io.Writer, l string, doc scanJSON, now time.Time) {
	t := func(key string, data any) string { return msg.T(l, key, data) }
	if len(doc.Files) == 0 {
		fmt.Fprintln(w, t("scan.cli.none", map[string]string{"Path": safetext.Terminal(doc.Folder)}))
		return
	}
	for _, f := range doc.Files {
		fmt.Fprintln(w, safetext.Terminal(f.File))
		c := f.Certificate
		if c == nil {
			line := t("scan.cli.status."+f.Status, nil)
			if f.Status == scanUnreadable && f.Code != "" {
				line += " (" + f.Code + ")"
			}
			fmt.Fprintln(w, "  "+line)
			continue
		}
		name := c.Organization
		if name == "" {
			name = c.CommonName
		}
		parts := []string{safetext.Terminal(name)}
		if c.CVR != "" {
			parts = append(parts, "CVR "+safetext.Terminal(c.CVR))
		}
		left := t("list.cli.expired", nil)
		if c.NotAfter.After(now) {
			left = t("scan.cli.days_left", map[string]any{"Days": oces.DaysLeft(c.NotAfter, now)})
		}
		parts = append(parts, t("scan.cli.expires", map[string]any{"Date": msg.Date(l, c.NotAfter.Local()), "Left": left}))
		status := t("scan.cli.status.certificate", nil)
		if !c.Verified {
			status = t("scan.cli.status.unverified", nil)
		}
		fmt.Fprintf(w, "  %s: %s\n", status, strings.Join(parts, ", "))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, t("scan.cli.summary_line", map[string]any{
		"Files": len(doc.Files), "Certificates": doc.Certificates, "Locked": doc.Locked,
		"Unreadable": doc.Unreadable, "Expiring": doc.Expiring, "Days": doc.ExpiringDays,
	}))
	if doc.Truncated {
		fmt.Fprintln(w, t("scan.cli.truncated", map[string]any{"Count": len(doc.Files)}))
	}
}

func scanHelp(env Env) {
	printHelp(env, "scan.cli.usage", "scan.cli.help", [][2]string{
		{"--json", "scan.cli.flag.json"},
		{"--trust-ca FILE", "scan.cli.flag.trust_ca"},
		{"--expiring DAYS", "scan.cli.flag.expiring"},
	})
}
