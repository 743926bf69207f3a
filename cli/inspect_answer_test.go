package cli

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fornyer/fornyer/core/appinfo"
	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/renewal"
)

// `fornyer inspect` prints core's big line, the one the window shows, from
// what the register knows: the certificate installed in DPG is "Already
// installed in DPG" (by whom), not "Ready … install it now"; the JSON
// carries the same line's key beside the contract's keys.
func TestInspectSaysWhatTheRegisterKnows(t *testing.T) {
	f := inspectFixture(t)
	noSaved(t)
	first := runInspectStdin(inspectPW+"\n", "--json", "--password-stdin", "--trust-ca", f.root, f.p12)
	var rep struct {
		Verdict     string `json:"verdict"`
		Certificate struct {
			SHA256 string `json:"sha256"`
		} `json:"certificate"`
		Answer struct {
			Headline struct {
				TitleKey string `json:"title_key"`
				Title    string `json:"title"`
			} `json:"headline"`
			Actions []string `json:"actions"`
		} `json:"answer"`
	}
	if err := json.Unmarshal([]byte(first.out), &rep); err != nil {
		t.Fatal(err)
	}
	// A test certificate: ready, with that warning.
	if rep.Verdict != "ready" || rep.Answer.Headline.TitleKey != "inspect.verdict.ready_with_warnings" || !strings.HasPrefix(rep.Answer.Headline.Title, "Ready to install in DPG") {
		t.Fatalf("not yet installed: %+v", rep)
	}
	installed := register.Certificate{SHA256: rep.Certificate.SHA256, Organization: "Fornyer Testfirma ApS", NotAfter: time.Now().AddDate(3, 0, 0),
		DPG: &register.DPG{At: time.Date(2026, 12, 6, 10, 0, 0, 0, time.Local), By: "Mette Hansen"}}
	old := inspectKnown
	inspectKnown = func(*inspect.Certificate) ([]register.Certificate, error) {
		return []register.Certificate{installed}, nil
	}
	t.Cleanup(func() { inspectKnown = old })

	r := runInspectStdin(inspectPW+"\n", "--password-stdin", "--trust-ca", f.root, f.p12)
	lines := strings.Split(r.out, "\n")
	if r.code != 0 || lines[0] != "Already installed in DPG" || !strings.Contains(lines[1], "6 December 2026 (by Mette Hansen)") {
		t.Errorf("exit %d; output:\n%s", r.code, r.out)
	}
	r = runInspectEnv(Env{Lang: "da", Stdin: strings.NewReader(inspectPW + "\n")}, "--json", "--password-stdin", "--trust-ca", f.root, f.p12)
	if err := json.Unmarshal([]byte(r.out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Answer.Headline.TitleKey != "renewal.installed.title" || rep.Answer.Headline.Title != "Allerede installeret i DPG" || strings.Contains(strings.Join(rep.Answer.Actions, ","), "mark_dpg") {
		t.Errorf("JSON answer: %+v", rep.Answer)
	}
}

// A register that cannot be used (damaged, newer) does not change the
// answer about the file: inspect answers as without a register, with the
// file's own exit status, and says so with a stable code (JSON "register")
// and a sentence on standard error; no register at all says nothing.
func TestInspectWithADamagedRegister(t *testing.T) {
	f := inspectFixture(t)
	noSaved(t)
	args := []string{"--password-stdin", "--trust-ca", f.root, f.p12}
	without := runInspectStdin(inspectPW+"\n", args...)
	dir := t.TempDir()
	old := inspectKnown
	t.Cleanup(func() { inspectKnown = old })
	for _, c := range []struct{ name, content, code string }{
		{"damaged", `{"version":2,"certificates":[{"sha256":"x"`, "register_damaged"},
		{"newer", `{"version":99,"certificates":[]}`, "register_newer"},
		{"missing", "", ""},
	} {
		path := filepath.Join(dir, c.name+".json")
		if c.content != "" {
			if err := os.WriteFile(path, []byte(c.content), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		inspectKnown = func(cert *inspect.Certificate) ([]register.Certificate, error) {
			return renewal.ReadKnown(path, nil, cert)
		}
		r := runInspectStdin(inspectPW+"\n", args...)
		if r.code != without.code || r.out != without.out {
			t.Errorf("%s: exit %d, want %d; output:\n%s\nwant:\n%s", c.name, r.code, without.code, r.out, without.out)
		}
		if said := strings.Contains(r.err, "The list in My certificates"); said != (c.code != "") {
			t.Errorf("%s: standard error %q", c.name, r.err)
		}
		j := runInspectStdin(inspectPW+"\n", append([]string{"--json"}, args...)...)
		var doc struct {
			Register *struct{ Code, Message string } `json:"register"`
		}
		if err := json.Unmarshal([]byte(j.out), &doc); err != nil {
			t.Fatal(err)
		}
		switch {
		case c.code == "" && doc.Register != nil:
			t.Errorf("%s: a note %+v", c.name, doc.Register)
		case c.code != "" && (doc.Register == nil || doc.Register.Code != c.code || doc.Register.Message == ""):
			t.Errorf("%s: register note %+v, want code %s", c.name, doc.Register, c.code)
		}
	}
}

// Where the computer gives Fornyer no storage folder (no HOME: a service,
// a container, `env -i`) there is no register, and inspect says nothing of
// one (review T3: it said the register "could not be read"); a register
// that cannot be read is named as the window names it, "My certificates".
func TestInspectWithoutAStorageFolder(t *testing.T) {
	f := inspectFixture(t)
	noSaved(t)
	oldKnown, oldPath := inspectKnown, registerPath
	t.Cleanup(func() { inspectKnown, registerPath = oldKnown, oldPath })
	inspectKnown = readKnown
	registerPath = func() (string, error) { return "", &appinfo.StorageError{Err: errors.New("$HOME is not defined")} }
	args := []string{"--password-stdin", "--trust-ca", f.root, f.p12}
	if r := runInspectStdin(inspectPW+"\n", args...); r.err != "" {
		t.Errorf("standard error without a storage folder: %q", r.err)
	}
	j := runInspectStdin(inspectPW+"\n", append([]string{"--json"}, args...)...)
	if strings.Contains(j.out, `"register"`) {
		t.Errorf("a register note without a storage folder:\n%s", j.out)
	}

	dir := t.TempDir() // a folder where the register should be: unreadable
	registerPath = func() (string, error) { return dir, nil }
	for lang, want := range map[string]string{"en": "The list in My certificates could not be read", "da": "Listen i Mine certifikater kunne ikke læses"} {
		r := runInspectEnv(Env{Lang: lang, Stdin: strings.NewReader(inspectPW + "\n")}, args...)
		if !strings.Contains(r.err, want) {
			t.Errorf("%s: standard error %q, want %q", lang, r.err, want)
		}
	}
}
