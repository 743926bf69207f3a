//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/oces"
	facts "github.com/fornyer/fornyer/core/register"
)

// TestDPGSequence starts where the MitID part ends (the renewed file
// checked and in Downloads, Datafordeleren noted with "e-conomic") and
// walks the DPG Customer Portal's cards as an administrator would: the
// file shown in its folder where the portal asks for it, the installation
// recorded, the noted place ticked on "Switch these to the new
// certificate", and the summary. It judges by the screen and by the
// progress file.
func TestDPGSequence(t *testing.T) {
	forEachLanguage(t, "dpg", func(t *testing.T, s *session) {
		path, _ := s.renewedAt("dpg-login", func(p *guide.Progress) { p.SetUsageNote(guide.PlaceDatafordeler, "e-conomic") })
		downloads := filepath.Dir(path)
		s.start()
		titles := stepTitles(s.lang)

		s.waitText("dpg-login", screenWait, titles[guide.Index("dpg-login")])
		s.key("Return")
		s.waitText("dpg-list", screenWait, titles[guide.Index("dpg-list")])
		s.key("Return")

		// The portal asks for the file: shown in its folder.
		s.waitText("dpg-install", screenWait, titles[guide.Index("dpg-install")])
		s.clickLastText("dpg-show-file", screenWait, s.L("watch.reveal")) // the button is below the card's sentence, which may name it too
		s.waitFor("the file's folder opened", screenWait, func() bool {
			b, _ := os.ReadFile(filepath.Join(s.dir, "opened.log"))
			return strings.Contains(string(b), downloads)
		})
		s.clickDone("dpg-install-done")

		s.waitText("dpg-activate", screenWait, titles[guide.Index("dpg-activate")])
		s.key("Return")

		// The installation recorded, by name.
		s.waitText("dpg-verify", screenWait, titles[guide.Index("dpg-verify")])
		s.clickText("dpg-name", screenWait, s.L("guide.dpg.name"))
		s.typ("Mette Prøvesen")
		s.key("Return")
		s.waitText("dpg-installed", screenWait, strings.Fields(s.L("guide.dpg.installed_note"))[0:3]...)
		s.clickDone("dpg-verify-done")

		// The place noted before the renewal comes back, ticked here.
		s.waitText("switch", screenWait, titles[guide.Index("switch")])
		s.clickText("switch-done-tick", screenWait, s.L("guide.place.done"))
		s.clickDone("switch-done")

		// The summary: what is left is the password's second copy.
		s.waitText("summary", screenWait, titles[guide.Index("summary")])
		s.waitText("summary-undone", screenWait, s.L("guide.summary.undone"))
		s.clickDone("summary-done")

		p := s.readProgress()
		if list := p.Checklist(); len(list) != 1 || list[0].Preset != string(guide.PlaceDatafordeler) || !list[0].Done || list[0].Note != "e-conomic" {
			t.Errorf("the place was not ticked in the progress file: %+v", list)
		}
		for _, st := range guide.Steps {
			if !p.IsDone(st.ID) {
				t.Errorf("the progress file does not mark %q done: %+v", st.ID, p)
			}
		}
		if reg := s.readRegister(); reg == nil || len(reg.Certificates) != 1 || reg.Certificates[0].DPG == nil || reg.Certificates[0].DPG.By != "Mette Prøvesen" {
			t.Errorf("the register does not say DPG installed: %+v", reg)
		}
		s.noPasswordOnDisk()
	})
}

// renewedAt writes what the MitID part leaves behind: the renewed file in
// Downloads, the register knowing the certificate and its file (the path
// and the certificate returned), and the progress at step with every card before it done, the
// file checked and the password kept written down (not saved here); then
// adjust, for what else the scenario needs.
func (s *session) renewedAt(step string, adjust ...func(p *guide.Progress)) (string, facts.Certificate) {
	s.t.Helper()
	path := s.copyFile(fileRenewed, filepath.Join(s.home, "Downloads"))
	_, c := s.registerFile(path)
	s.seedAt(step, append([]func(*guide.Progress){func(p *guide.Progress) {
		p.SetPasswordKept(facts.KeptWritten, "")
		p.SetFileChecked(c.SHA256, time.Now())
	}}, adjust...)...)
	return path, c
}

// registerFile writes into the app's register what a check of the file
// leaves there: the certificate, with the file where it is.
func (s *session) registerFile(file string) (*facts.Store, facts.Certificate) {
	s.t.Helper()
	ca, err := os.ReadFile(filepath.Join(suite.pki, "ca.pem"))
	if err != nil {
		s.t.Fatal(err)
	}
	trusted, err := oces.ParseCAFile(ca)
	if err != nil {
		s.t.Fatal(err)
	}
	r := inspect.InspectFile(file, inspect.Options{Passwords: []string{certPassword}, ExtraTrusted: trusted})
	c := r.Certificate
	if r.Verdict != inspect.VerdictReady || c == nil {
		s.t.Fatalf("the renewed test file is not ready: %v", r.Codes())
	}
	reg, err := facts.Open(filepath.Join(s.storage(), facts.FileName))
	if err != nil {
		s.t.Fatal(err)
	}
	entry := facts.Certificate{SHA256: c.SHA256, SHA1: c.SHA1, Organization: c.Organization, CVR: c.CVR, UUID: c.UUID,
		Serial: c.Serial, CommonName: c.CommonName, Kind: c.Kind, Environment: c.Environment,
		NotBefore: c.NotBefore, NotAfter: c.NotAfter, File: &facts.FileRef{Path: file, SHA256: r.FileSHA256}}
	if err := reg.Upsert(entry); err != nil {
		s.t.Fatal(err)
	}
	return reg, entry
}
