//go:build e2e

package e2e

import (
	"testing"

	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/vault"
)

// TestATypoOnThePasswordCard is V11: the portal's password typed by hand on
// the password card, with a typo, and saved; then the file arrives, the
// saved password does not open it, and the right one is typed on the Check
// tab. After "Yes, I just downloaded it" the answer stays in view, says
// that the saved password does not open the file, and saves the right one
// in its place in one click; the password card then says it is saved, and
// the keyring holds the right password only. Every item is named in the
// keyring's own list in the user's words (Y4).
func TestATypoOnThePasswordCard(t *testing.T) {
	forEachLanguage(t, "typo", func(t *testing.T, s *session) {
		const typo = "Kode-æøå 7!Zw" // certPassword, one letter off
		s.saveOnThePasswordCard(typo)
		s.keyringNamed() // the renewal's password, before its file is checked, and the list (Y4)
		saved := msg.T(s.lang, "vault.saved", map[string]any{"Store": s.L(vault.StoreName("linux"))})

		s.drag(file(fileRenewed))
		s.waitText("asks-password", checkWait, s.L("check.password.title"))
		s.typ(certPassword)
		s.key("Return")
		s.waitText("ready", checkWait, s.L("inspect.verdict.ready"))
		s.answerYes()

		// The answer stays in view: the wrong one, and its replacement.
		s.waitText("wrong-saved", screenWait, s.L("renewal.wrong_saved.title"))
		p, _ := s.waitText("replace", screenWait, s.L("check.action.replace_password"))
		b, _ := p.find(s.L("check.action.replace_password"))
		x, y := b.centre()
		s.click(x, y)
		s.waitText("replaced", screenWait, saved)

		s.clickText("guide-tab", screenWait, s.L("tab.renew"))
		// The guide waits on the password card: it says the password is
		// saved, and no longer that the saved one does not open the file.
		card, _ := s.waitText("password-saved", screenWait, s.L("guide.password.saved"))
		if card.has(s.L("guide.password.wrong.title")) || card.has(s.L("guide.password.wrong_too")) {
			t.Errorf("the password card still speaks of the wrong password:\n%s", card.text())
		}
		secrets := s.keyringSecrets()
		prog := s.readProgress()
		right := 0
		for id, v := range secrets {
			switch {
			case vault.IsPending(id):
				t.Errorf("the wrong password is still saved under %s", id)
			case vault.Opens(id, prog.FileSHA256) && v == certPassword:
				right++
			}
		}
		if right != 1 {
			t.Errorf("the right password is saved %d times under the renewed certificate", right)
		}
		s.keyringNamed()
		s.noPasswordOnDisk()
	})
}
