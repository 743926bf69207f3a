package cli

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/fornyer/fornyer/core/testpki"
)

// scanTree is a made-up provider's folder: a .p12 whose certificate is
// stored without encryption, one whose certificate is encrypted, a PEM
// certificate that has expired, a damaged file, a file that is no
// certificate file by name, and a link (not followed).
type scanTree struct {
	dir, root                      string
	plain, locked, expired, broken string
}

func makeScanTree(t *testing.T) scanTree {
	t.Helper()
	chain := testpki.NewChain(t, true)
	now := listNow
	bager := chain.Issuing.Issue(t, testpki.LeafOptions{Org: "Bager Hansen ApS", CVR: "11112222", NotBefore: now.AddDate(-1, 0, 0), NotAfter: now.AddDate(2, 0, 0)})
	toemrer := chain.Issuing.Issue(t, testpki.LeafOptions{Org: "Tømrer ApS", CVR: "33334444", NotBefore: now.AddDate(-3, 0, 0), NotAfter: now.AddDate(0, 0, -5)})
	dir := t.TempDir()
	write := func(rel string, data []byte) string {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tree := scanTree{
		dir:     dir,
		root:    write("ca/root.txt", testpki.PEM(chain.Root.Cert)), // not a certificate file by name
		plain:   write("kunder/bager/Bager.P12", testpki.OpenSSLPFX(t, bager, chain.CACerts(), "hemmelig", "-certpbe", "NONE")),
		locked:  write("kunder/bager/gammel.pfx", testpki.OpenSSLPFX(t, bager, chain.CACerts(), "hemmelig")),
		expired: write("kunder/tømrer/cert.pem", testpki.PEM(toemrer.Cert, chain.Issuing.Cert)),
		broken:  write("kunder/tømrer/damaged.cer", []byte("-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n")),
	}
	if err := os.Symlink(tree.plain, filepath.Join(dir, "link.p12")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "kunder"), filepath.Join(dir, "kunder-link")); err != nil {
		t.Fatal(err)
	}
	return tree
}

// snapshot lists every path, size and modification time under dir.
func snapshot(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		out = append(out, p+" "+info.ModTime().String()+" "+info.Mode().String()+" "+fmt.Sprint(info.Size()))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestScanJSON(t *testing.T) {
	fixListClock(t)
	tree := makeScanTree(t)
	before := snapshot(t, tree.dir)
	code, out, errText := run("en", "scan", "--json", "--trust-ca", tree.root, tree.dir)
	if code != 1 { // the expired certificate
		t.Fatalf("exit %d, want 1: %s", code, errText)
	}
	if after := snapshot(t, tree.dir); !slices.Equal(before, after) {
		t.Errorf("scan changed the folder:\n%v\n%v", before, after)
	}
	var raw map[string]any
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	var top []string
	for k := range raw {
		top = append(top, k)
	}
	slices.Sort(top)
	if want := []string{"certificates", "expiring", "expiring_days", "files", "folder", "locked", "truncated", "unreadable"}; !slices.Equal(top, want) {
		t.Errorf("keys %v, want %v", top, want)
	}
	var doc scanJSON
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	byFile := map[string]scannedFile{}
	for _, f := range doc.Files {
		byFile[f.File] = f
	}
	var files []string
	for f := range byFile {
		files = append(files, f)
	}
	slices.Sort(files)
	want := []string{tree.plain, tree.locked, tree.expired, tree.broken}
	slices.Sort(want)
	if !slices.Equal(files, want) {
		t.Fatalf("files %q\nwant %q (no links, no other names)", files, want)
	}

	plain := byFile[tree.plain]
	if plain.Status != scanCertificate || plain.Certificate == nil || plain.Certificate.Verified ||
		plain.Certificate.Organization != "Bager Hansen ApS" || plain.Certificate.CVR != "11112222" ||
		!plain.ChainTrusted || plain.Expiring || plain.Format != "pkcs12" {
		t.Errorf("plain .p12: %+v %+v", plain, plain.Certificate)
	}
	if l := byFile[tree.locked]; l.Status != scanLocked || l.Certificate != nil || l.Code != "wrong_password" {
		t.Errorf("encrypted .pfx: %+v", l)
	}
	e := byFile[tree.expired]
	if e.Status != scanCertificate || !e.Certificate.Verified || !e.Expiring || e.Certificate.DaysLeft != -5 || e.Certificate.Organization != "Tømrer ApS" {
		t.Errorf("expired PEM: %+v %+v", e, e.Certificate)
	}
	if b := byFile[tree.broken]; b.Status != scanUnreadable || b.Code == "" || b.Certificate != nil {
		t.Errorf("damaged file: %+v", b)
	}
	if doc.Certificates != 2 || doc.Locked != 1 || doc.Unreadable != 1 || doc.Expiring != 1 || doc.Truncated {
		t.Errorf("counts %+v", doc)
	}
	// Every certificate's keys are there, null or not.
	cert := raw["files"].([]any)
	for _, f := range cert {
		m := f.(map[string]any)
		var keys []string
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		if !reflect.DeepEqual(keys, []string{"certificate", "chain_trusted", "code", "expiring", "file", "findings", "format", "status"}) {
			t.Errorf("file keys %v", keys)
		}
	}
}

func TestScanExitCodes(t *testing.T) {
	fixListClock(t)
	tree := makeScanTree(t)
	calm := t.TempDir()
	if err := os.WriteFile(filepath.Join(calm, "Bager.p12"), mustRead(t, tree.plain), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(calm, "gammel.pfx"), mustRead(t, tree.locked), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		want int
	}{
		{"expired inside", []string{tree.dir}, 1},
		{"valid and locked", []string{calm}, 0},
		{"valid, within three years", []string{calm, "--expiring", "1100"}, 1},
		{"valid, within a year", []string{"--expiring=365", calm}, 0},
		{"empty folder", []string{t.TempDir()}, 0},
		{"missing folder", []string{filepath.Join(calm, "none")}, 2},
		{"a file, not a folder", []string{tree.plain}, 2},
		{"no folder", nil, ExitUsage},
		{"two folders", []string{calm, tree.dir}, ExitUsage},
		{"bad days", []string{calm, "--expiring", "x"}, ExitUsage},
		{"password flag", []string{"--password-stdin", calm}, ExitUsage},
		{"missing trust file", []string{"--trust-ca", filepath.Join(calm, "none.pem"), calm}, ExitUsage},
	} {
		for _, lang := range []string{"en", "da"} {
			code, out, errText := run(lang, append([]string{"scan"}, tc.args...)...)
			if code != tc.want {
				t.Errorf("%s (%s): exit %d, want %d\nout: %s\nerr: %s", tc.name, lang, code, tc.want, out, errText)
			}
			if (code == 2 || code == ExitUsage) && strings.TrimSpace(errText) == "" {
				t.Errorf("%s (%s): no sentence on standard error", tc.name, lang)
			}
		}
	}
}

func TestScanText(t *testing.T) {
	fixListClock(t)
	old := time.Local
	time.Local = time.UTC
	t.Cleanup(func() { time.Local = old })
	tree := makeScanTree(t)
	for lang, want := range map[string][]string{
		"en": {"read without the password", "locked", "days left)", "Tømrer ApS, CVR 33334444", "expired", "4 files: 2 certificates read, 1 locked, 1 not readable"},
		"da": {"læst uden adgangskoden", "låst", "dage tilbage)", "26. november 2026", "udløbet", "4 filer: 2 certifikater læst, 1 låst, 1 kan ikke læses"},
	} {
		code, out, _ := run(lang, "scan", tree.dir)
		if code != 1 {
			t.Errorf("%s: exit %d", lang, code)
		}
		for _, w := range want {
			if !strings.Contains(out, w) {
				t.Errorf("%s: output lacks %q:\n%s", lang, w, out)
			}
		}
	}
	code, out, _ := run("en", "scan", t.TempDir())
	if code != 0 || !strings.Contains(out, "No certificate files found") {
		t.Errorf("empty folder: exit %d, %q", code, out)
	}
}

// The file limit bounds the work of one scan, and says so.
func TestScanStopsAtFileLimit(t *testing.T) {
	fixListClock(t)
	dir := t.TempDir()
	for _, name := range []string{"a.pem", "b.pem", "c.pem"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("not a certificate"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	old := maxScanFiles
	maxScanFiles = 2
	t.Cleanup(func() { maxScanFiles = old })
	code, out, _ := run("en", "scan", "--json", dir)
	var doc scanJSON
	if err := json.Unmarshal([]byte(out), &doc); err != nil || code != 0 {
		t.Fatalf("exit %d, %v", code, err)
	}
	if len(doc.Files) != 2 || !doc.Truncated {
		t.Errorf("%d files, truncated %v", len(doc.Files), doc.Truncated)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
