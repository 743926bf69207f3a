package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/register/registertest"
)

var listNow = time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)

// fixListClock fixes list's and scan's clock at listNow.
func fixListClock(t *testing.T) {
	t.Helper()
	old := listClock
	listClock = func() time.Time { return listNow }
	t.Cleanup(func() { listClock = old })
}

func listCert(i int, org, uuid string, left time.Duration, dpg bool) register.Certificate {
	c := register.Certificate{
		SHA256: fmt.Sprintf("%064x", i), Organization: org, CVR: fmt.Sprint(40000000 + i), UUID: uuid,
		Serial: fmt.Sprint(i), Kind: "organization", Environment: register.Production,
		NotBefore: listNow.Add(left).AddDate(-3, 0, 0), NotAfter: listNow.Add(left),
		File: &register.FileRef{Path: fmt.Sprintf("/home/it/%d.p12", i)},
	}
	if dpg {
		c.DPG = &register.DPG{At: c.NotBefore, By: "Anna"}
	}
	return c
}

// writeRegister writes a made-up register and returns its path.
func writeRegister(t *testing.T, certs ...register.Certificate) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), register.FileName)
	if err := registertest.Write(path, certs); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestListExitCodes(t *testing.T) {
	fixListClock(t)
	const day = 24 * time.Hour
	calm := writeRegister(t, listCert(1, "Calm ApS", "", 400*day, true))
	soon := writeRegister(t, listCert(1, "Calm ApS", "", 400*day, true), listCert(2, "Soon ApS", "", 20*day, false))
	// Renewed: the old certificate expired, but the line's newest is fine.
	renewed := writeRegister(t, listCert(1, "Old ApS", "u-1", -30*day, true), listCert(2, "Old ApS", "u-1", 1000*day, true))
	empty := writeRegister(t)
	damaged := filepath.Join(t.TempDir(), register.FileName)
	if err := os.WriteFile(damaged, []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	newer := filepath.Join(t.TempDir(), register.FileName)
	if err := os.WriteFile(newer, []byte(`{"version": 99, "certificates": []}`), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		want int
	}{
		{"calm, default 90 days", []string{"--register", calm}, 0},
		{"calm, within 500 days", []string{"--register", calm, "--expiring", "500"}, 1},
		{"soon", []string{"--register", soon}, 1},
		{"soon, within 10 days", []string{"--register", soon, "--expiring", "10"}, 0},
		{"soon, within 20 days", []string{"--register=" + soon, "--expiring=20"}, 1},
		{"renewed line", []string{"--register", renewed, "--expiring", "0"}, 0},
		{"empty register", []string{"--register", empty}, 0},
		{"damaged", []string{"--register", damaged}, 2},
		{"newer", []string{"--register", newer}, 2},
		{"missing named register", []string{"--register", filepath.Join(t.TempDir(), "none.json")}, 2},
		{"negative days", []string{"--register", calm, "--expiring", "-1"}, ExitUsage},
		{"words for days", []string{"--register", calm, "--expiring", "many"}, ExitUsage},
		{"a file argument", []string{"--register", calm, "extra"}, ExitUsage},
		{"unknown flag", []string{"--nope"}, ExitUsage},
	} {
		for _, lang := range []string{"en", "da"} {
			code, out, errText := run(lang, append([]string{"list"}, tc.args...)...)
			if code != tc.want {
				t.Errorf("%s (%s): exit %d, want %d\nout: %s\nerr: %s", tc.name, lang, code, tc.want, out, errText)
			}
			if (code == 2 || code == ExitUsage) && strings.TrimSpace(errText) == "" {
				t.Errorf("%s (%s): no sentence on standard error", tc.name, lang)
			}
		}
	}
	// Reading a damaged register changes nothing: the window moves it aside,
	// the command line does not.
	if data, _ := os.ReadFile(damaged); string(data) != "{not json" {
		t.Error("list changed the damaged register")
	}
	if entries, _ := os.ReadDir(filepath.Dir(damaged)); len(entries) != 1 {
		t.Errorf("list wrote beside the damaged register: %d files", len(entries))
	}
}

// list lists the user's certificates by the window's rule: one kept
// apart (another organisation's, checked once in the window: X14) is
// neither listed nor counted as expiring; an entry without the flag (an
// older version's) is the user's.
func TestListLeavesOutCertificatesKeptApart(t *testing.T) {
	fixListClock(t)
	const day = 24 * time.Hour
	apart := listCert(2, "Leverandør ApS", "", 20*day, false)
	apart.Apart = true
	path := writeRegister(t, listCert(1, "Calm ApS", "", 400*day, true), apart)
	for _, lang := range []string{"en", "da"} {
		code, out, errText := run(lang, "list", "--register", path)
		if code != 0 || strings.Contains(out, "Leverandør") || !strings.Contains(out, "Calm ApS") {
			t.Errorf("%s: exit %d\n%s%s", lang, code, out, errText)
		}
	}
	code, out, _ := run("en", "list", "--json", "--register", path)
	var doc listJSON
	if err := json.Unmarshal([]byte(out), &doc); err != nil || code != 0 || doc.Total != 1 || doc.Expiring != 0 || len(doc.Certificates) != 1 {
		t.Errorf("--json: exit %d, %v\n%s", code, err, out)
	}
	apart.Apart = false
	if code, out, _ := run("en", "list", "--register", writeRegister(t, apart)); code != 1 || !strings.Contains(out, "Leverandør") {
		t.Errorf("without the flag: exit %d\n%s", code, out)
	}
}

// Without --register, list reads the file the window keeps: the register
// in Fyne's app storage for dk.fornyer.app; a first run with none is empty.
func TestListFindsWindowsRegister(t *testing.T) {
	fixListClock(t)
	config := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", config)
	t.Setenv("HOME", config)
	t.Setenv("USERPROFILE", config)
	code, out, errText := run("en", "list")
	if code != 0 || out != "" || !strings.Contains(errText, "knows no certificates") {
		t.Fatalf("no register yet: exit %d, out %q, err %q", code, out, errText)
	}
	path, err := register.DefaultPath()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(path, config) {
		t.Fatalf("register path %s is not under the configuration folder %s", path, config)
	}
	if err := registertest.Write(path, []register.Certificate{listCert(1, "Found ApS", "", 10*24*time.Hour, false)}); err != nil {
		t.Fatal(err)
	}
	code, out, _ = run("en", "list")
	if code != 1 || !strings.Contains(out, "Found ApS") {
		t.Errorf("exit %d, out %q", code, out)
	}
}

func TestListJSON(t *testing.T) {
	fixListClock(t)
	const day = 24 * time.Hour
	test := listCert(3, "Test ApS", "", 200*day, false)
	test.Environment = register.Test
	path := writeRegister(t,
		listCert(1, "Bager ApS", "u-1", -800*day, true),
		listCert(2, "Bager ApS", "u-1", 300*day, true),
		test,
		listCert(4, "Expired ApS", "", -2*day, false),
	)
	code, out, errText := run("en", "list", "--json", "--register", path, "--expiring", "250")
	if code != 1 {
		t.Fatalf("exit %d: %s", code, errText)
	}
	var raw map[string]any
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	keys := func(m map[string]any) []string {
		var k []string
		for key := range m {
			k = append(k, key)
		}
		slices.Sort(k)
		return k
	}
	if got := keys(raw); !reflect.DeepEqual(got, []string{"certificates", "expiring", "expiring_days", "register", "total"}) {
		t.Errorf("top-level keys %v", got)
	}
	first := raw["certificates"].([]any)[0].(map[string]any)
	want := []string{"cvr", "days_left", "dpg_installed", "dpg_installed_at", "environment", "expiring", "file", "history",
		"kind", "not_after", "not_before", "organization", "password_saved", "serial", "sha256", "uuid"}
	if got := keys(first); !reflect.DeepEqual(got, want) {
		t.Errorf("certificate keys %v\nwant %v", got, want)
	}

	var doc listJSON
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	var orgs []string
	for _, c := range doc.Certificates {
		orgs = append(orgs, c.Organization)
	}
	// What needs doing first: the expired one, then the test certificate
	// not in DPG, then the calm line.
	if !slices.Equal(orgs, []string{"Expired ApS", "Test ApS", "Bager ApS"}) {
		t.Errorf("order %q", orgs)
	}
	if doc.Total != 4 || doc.Expiring != 2 || doc.ExpiringDays != 250 || doc.Register != path {
		t.Errorf("summary %+v", doc)
	}
	bager := doc.Certificates[2]
	if len(bager.History) != 1 || bager.History[0].SHA256 != fmt.Sprintf("%064x", 1) || bager.Expiring || !bager.DPGInstalled || bager.DPGAt == nil {
		t.Errorf("renewal line %+v", bager)
	}
	if e := doc.Certificates[0]; !e.Expiring || e.DaysLeft != -2 || e.DPGInstalled || e.DPGAt != nil || e.File != "/home/it/4.p12" {
		t.Errorf("expired line %+v", e)
	}
	if doc.Certificates[1].Environment != "test" || len(doc.Certificates[1].History) != 0 {
		t.Errorf("test line %+v", doc.Certificates[1])
	}
}

func TestListTextInBothLanguages(t *testing.T) {
	fixListClock(t)
	old := time.Local
	time.Local = time.UTC
	t.Cleanup(func() { time.Local = old })
	evil := listCert(5, "Evil\x1b[31m ApS\nline", "", 500*24*time.Hour, true)
	path := writeRegister(t,
		listCert(1, "Bager ApS", "u-1", -800*24*time.Hour, true),
		listCert(2, "Bager ApS", "u-1", 13*24*time.Hour, false),
		evil,
	)
	for lang, want := range map[string][]string{
		"en": {"Organisation", "Bager ApS", "14 December 2026", "13", "replaces 1 earlier certificate", "1 expires within 90 days"},
		"da": {"Organisation", "Bager ApS", "14. december 2026", "Dage tilbage", "afløser 1 tidligere certifikat", "1 udløber inden for 90 dage"},
	} {
		code, out, _ := run(lang, "list", "--register", path)
		if code != 1 {
			t.Errorf("%s: exit %d", lang, code)
		}
		for _, w := range want {
			if !strings.Contains(out, w) {
				t.Errorf("%s: output lacks %q:\n%s", lang, w, out)
			}
		}
		if strings.Contains(out, "\x1b") || strings.Contains(out, "ApS\nline") {
			t.Errorf("%s: control characters from the register reached the terminal:\n%q", lang, out)
		}
	}
}

func TestListHelp(t *testing.T) {
	for _, lang := range []string{"en", "da"} {
		code, out, _ := run(lang, "list", "--help")
		if code != 0 || !strings.Contains(out, "--expiring") || !strings.Contains(out, "64") {
			t.Errorf("%s: exit %d, help %q", lang, code, out)
		}
	}
}

// An entry an older version recorded for one of the state's CA
// certificates is no one's certificate: `fornyer list` leaves it out as
// the window's list does (review S1), and the file keeps it.
func TestListLeavesOutStateCAEntries(t *testing.T) {
	fixListClock(t)
	root := listCert(2, "Den Danske Stat", "", 62*24*time.Hour, false)
	root.CommonName, root.CVR, root.Kind = "Den Danske Stat OCES rod-CA", "", ""
	path := writeRegister(t, listCert(1, "Bager ApS", "u-1", 300*24*time.Hour, true), root)
	code, out, errText := run("en", "list", "--register", path)
	if code != 0 {
		t.Errorf("exit %d (the CA's entry expires within 90 days): %s", code, errText)
	}
	if strings.Contains(out, "Den Danske Stat") || !strings.Contains(out, "Bager ApS") || !strings.Contains(out, "1 certificate") {
		t.Errorf("list shows the state's CA or not the one certificate:\n%s", out)
	}
	if data, err := os.ReadFile(path); err != nil || !strings.Contains(string(data), root.SHA256) {
		t.Errorf("the entry is gone from the file (%v)", err)
	}
}
