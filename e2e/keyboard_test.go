//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/fornyer/fornyer/core/guide"
)

// TestANoteTakesEnter (W1, walk session 10) is card 3 by keyboard alone:
// Tab to DPG's tick box, Space, Tab into its note, the address typed;
// Escape lets go of the field (the keyboard was stuck in it), and Enter
// in the note is Next, as on the card (it did nothing). The note is kept.
func TestANoteTakesEnter(t *testing.T) {
	forEachLanguage(t, "note-enter", func(t *testing.T, s *session) {
		s.seedAt("prepare-usage")
		s.start()
		titles := stepTitles(s.lang)
		s.waitText("card-3", screenWait, titles[guide.Index("prepare-usage")])
		s.key("Tab", "space", "Tab")
		s.typ("sikkerpost@proeve.dk")
		s.key("Escape")
		s.shot("escaped")
		s.key("Tab", "Tab", "Return") // the tick box, its note again; Enter in it
		s.waitText("card-4", screenWait, titles[guide.Index("prepare-usage")+1])
		s.waitFor("the note saved", screenWait, func() bool {
			p := s.readProgress()
			for _, u := range p.Checklist() {
				if u.Preset == string(guide.PlaceDPGMail) && u.Note == "sikkerpost@proeve.dk" {
					return true
				}
			}
			return false
		})
	})
}

// TestCheckTheFileChecksTheNewest (Z15): on the download card, with the
// renewed file already in Downloads and nothing announced, "Check the
// file" checks that file at once (the window asks its password); it only
// brought the Check tab forward, an empty drop zone.
func TestCheckTheFileChecksTheNewest(t *testing.T) {
	forEachLanguage(t, "check-the-file", func(t *testing.T, s *session) {
		data, err := os.ReadFile(file(fileRenewed))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(s.home, "Downloads", fileRenewed), data, 0o600); err != nil {
			t.Fatal(err)
		}
		s.seedAt("download")
		s.start()
		s.waitText("download", screenWait, stepTitles(s.lang)[guide.Index("download")], fileRenewed)
		s.clickText("check-the-file", screenWait, s.L("guide.download.check"))
		p, _ := s.waitText("asks-password", checkWait, s.L("check.password.title"))
		if !p.has(fileRenewed) {
			t.Errorf("the password asked is not %s's; the screen reads:\n%s", fileRenewed, p.text())
		}
	})
}
