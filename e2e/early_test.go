//go:build e2e

package e2e

import (
	"testing"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/vault"
)

// TestRenewedBeforeTheGuide is an administrator who renewed in MitID
// Erhverv first and opened Fornyer afterwards (Y14): the renewed file,
// checked on card 1, is asked about, and "yes" brings the guide to the
// first card that still needs something, the places card, with the
// preparing and the portal's cards ticked as done by the file (Y13: the
// shots show the dots); its Done goes past the portal's cards to the
// password card. There the password, copied with the line break a
// triple-click selection takes along (Y15), is pasted: the field holds the
// password alone, Enter saves it, and the keyring holds it without a
// trailing space.
func TestRenewedBeforeTheGuide(t *testing.T) {
	forEachLanguage(t, "early", func(t *testing.T, s *session) {
		s.start()
		titles := stepTitles(s.lang)
		s.waitText("card1", screenWait, titles[0])

		s.drag(file(fileRenewed))
		s.waitText("asks-password", checkWait, s.L("check.password.title"))
		s.typ(certPassword)
		s.key("Return")
		s.waitText("asked-early", checkWait, s.L("renewal.ask.no"))
		s.answerYes()

		s.clickText("guide-tab", screenWait, s.L("tab.renew"))
		s.waitText("landed-on-places", screenWait, titles[guide.Index("prepare-usage")])
		if prog := s.readProgress(); !prog.FileChecked() || prog.Current != "prepare-usage" {
			t.Errorf("after yes the progress is on %s, file %v", prog.Current, prog.FileChecked())
		}
		s.clickDone("places-done")
		s.waitText("password", screenWait, titles[guide.Index("password")])

		s.clipboard(certPassword + "\n")
		s.clickText("password-field", screenWait, s.L("vault.password.placeholder"))
		s.key("ctrl+v")
		s.shot("pasted")
		s.key("Return")
		s.waitText("saved", screenWait, msg.T(s.lang, "vault.saved", map[string]any{"Store": s.L(vault.StoreName("linux"))}))
		prog := s.readProgress()
		found := false
		for id, v := range s.keyringSecrets() {
			if vault.Opens(id, prog.FileSHA256) {
				found = true
				if v != certPassword {
					t.Errorf("the keyring holds %q under %s, want the password alone", v, id)
				}
			}
		}
		if !found {
			t.Error("no password saved under the renewed certificate")
		}
		s.clickDone("password-done")
		s.waitText("download", screenWait, s.L("guide.download.checked"))
		s.noPasswordOnDisk()
	})
}
