package cli

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/register"
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
		DPG: &register.DPG{At: time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC), By: "Mette Hansen"}}
	old := inspectKnown
	inspectKnown = func(*inspect.Certificate) []register.Certificate { return []register.Certificate{installed} }
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
