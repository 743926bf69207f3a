//go:build e2e

package e2e

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/vault"
)

// TestAPasswordGoneFromTheKeyring is Z20 in the real window and the real
// keyring: the certificate's password, saved from the Check tab, is
// deleted in the keyring's own list (`secret-tool clear`, as Seahorse
// does). Fornyer's own list still names it and the register remembers it
// saved, but My certificates, opened again, reads the keyring and says the
// password is no longer there, with "Check the file with the password";
// that checks the file, whose password, typed, is saved again, and the
// card says so.
func TestAPasswordGoneFromTheKeyring(t *testing.T) {
	forEachLanguage(t, "gone", func(t *testing.T, s *session) {
		path := s.copyFile(fileRenewed, filepath.Join(s.home, "Documents"))
		_, own := s.registerFile(path)
		store := map[string]any{"Store": s.L(vault.StoreName("linux"))}
		sentence := func(key string) string { // as the window capitalises it
			text := msg.T(s.lang, key, store)
			text, _, _ = strings.Cut(text, ":")
			return strings.ToUpper(text[:1]) + text[1:]
		}
		id := vault.CertificateID(own.SHA256)
		saveOnTheCheckTab := func(label string) {
			s.waitText(label+"-asks-password", checkWait, s.L("check.password.title"))
			s.typ(certPassword)
			s.key("Return")
			s.saveCheckedPassword()
			s.waitText(label+"-saved", screenWait, msg.T(s.lang, "vault.saved", store))
			if got := s.keyringSecrets()[id]; got != certPassword {
				t.Fatalf("%s: the keyring holds %q under the certificate", label, got)
			}
		}

		s.start()
		s.waitText("started", screenWait, s.L("tab.check"))
		s.drag(path)
		saveOnTheCheckTab("first")
		s.key("ctrl+3")
		s.clickText("row", screenWait, own.Organization)
		s.waitText("card-saved", screenWait, sentence("register.password_saved"))

		// Deleted in the keyring's own list; Fornyer's list of what it
		// saved, another item, stays.
		s.run("secret-tool", "clear", "service", vault.Service, "username", id)
		if _, ok := s.keyringSecrets()["index"]; !ok {
			t.Fatal("the keyring lost Fornyer's list too: the scenario is a reset, not a deletion")
		}
		s.key("ctrl+2")
		s.key("ctrl+3") // My certificates opened again reads the keyring
		p, _ := s.waitText("card-gone", screenWait, sentence("register.password_gone"))
		if p.has(sentence("register.password_saved")) {
			t.Errorf("the card says both saved and gone:\n%s", p.text())
		}
		s.shot("gone")

		s.clickText("check-again", screenWait, s.L("register.password_gone.check"))
		saveOnTheCheckTab("again")
		s.key("ctrl+3")
		// The card again (its "All certificates"), not the Check tab,
		// whose "Saved in your keyring." reads much the same.
		if p, ok := s.pollScreen("card-saved-again", screenWait, func(p page) bool {
			return p.has(s.L("list.back")) && p.has(sentence("register.password_saved")) && !p.has(sentence("register.password_gone"))
		}); !ok {
			t.Errorf("saved again, My certificates does not say so:\n%s", p.text())
		}
		s.noPasswordOnDisk()
	})
}

// TestAPasswordGoneFromTheKeyringOnThePasswordCard is walk W14: the
// renewal's password, saved on card 12, is deleted in the keyring's own
// list. The card, opened again (another tab and back), no longer says it
// is saved: the field to save it is back and Done waits again.
func TestAPasswordGoneFromTheKeyringOnThePasswordCard(t *testing.T) {
	forEachLanguage(t, "gone-card", func(t *testing.T, s *session) {
		s.seedAt("password")
		s.start()
		titles := stepTitles(s.lang)
		s.waitText("password", screenWait, titles[guide.Index("password")])
		store := map[string]any{"Store": s.L(vault.StoreName("linux"))}
		s.clickText("password-field", screenWait, s.L("vault.password.placeholder"))
		s.typ(certPassword)
		s.key("Return")
		s.waitText("saved", screenWait, msg.T(s.lang, "vault.saved", store))
		id := vault.PendingID(s.readProgress().RenewalID)
		if s.keyringSecrets()[id] != certPassword {
			t.Fatal("not saved in the keyring")
		}
		s.run("secret-tool", "clear", "service", vault.Service, "username", id)
		s.key("ctrl+2")
		s.key("ctrl+1") // the card again, read from the keyring
		if p, ok := s.pollScreen("card-again", screenWait, func(p page) bool {
			return p.has(s.L("vault.password.placeholder")) && !p.has(msg.T(s.lang, "vault.saved", store))
		}); !ok {
			t.Errorf("deleted in the keyring, the password card still says it is saved:\n%s", p.text())
		}
	})
}
