package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/zalando/go-keyring"

	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/vault"
)

// U25: a certificate's card says what is missing too, the password from the
// credential store (not the register's flag), and offers to renew one about
// to expire, at the guide's first card.
func TestCertificateCardSaysWhatIsMissing(t *testing.T) {
	for _, tc := range []struct {
		lang                                           string
		saved, gone, check, noBackup, noReceipt, renew string
	}{
		{"en", "Password saved in", "The password is no longer in your keyring", "Check the file with the password", "No verified backup yet.", "No receipt yet.", "Renew this one"},
		{"da", "Adgangskoden er gemt i", "Adgangskoden er ikke længere i din nøglering", "Tjek filen med adgangskoden", "Ingen kontrolleret sikkerhedskopi endnu.", "Ingen kvittering endnu.", "Forny det nu"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			keyring.MockInit()
			c := certAt(1, "Auto Rasmussen A/S", "u", register.Production, 12*certDay)
			c.PasswordSaved = true // the register says so; the store holds none
			f, _, w := newCertTestFrame(t, tc.lang, c)
			f.vault = vault.New()
			f.build()
			f.readPasswords() // as the frame does at the start
			t.Cleanup(func() { f.guide.saver.wait() })
			w.SetContent(f.content)
			v := f.certificates
			f.tabs.SelectIndex(certificatesTab)
			selectRow(t, v, c.SHA256)
			has := func(prefix string) bool {
				for _, s := range certTexts(v.root) {
					if len(s) >= len(prefix) && s[:len(prefix)] == prefix {
						return true
					}
				}
				return false
			}
			// Z20: the register remembers it saved, the store holds none:
			// the card says it is gone, not saved, and how to save it again.
			if has(tc.saved) || !has(tc.gone) || !has(tc.noBackup) || !has(tc.noReceipt) {
				t.Fatalf("the card does not say what is missing: %q", certTexts(v.root))
			}
			if len(certButtons(v.root, tc.check)) != 1 {
				t.Fatalf("no %q on the card: %q", tc.check, certTexts(v.root))
			}

			// Saved in the store: the card follows.
			id := vault.CertificateID(c.SHA256)
			if err := f.vault.Save(context.Background(), id, c.Organization, "kode"); err != nil {
				t.Fatal(err)
			}
			f.readPasswords() // as the frame does when the vault reports a change
			if !has(tc.saved) || has(tc.gone) {
				t.Errorf("after saving: %q", certTexts(v.root))
			}
			// Deleted in the store's own list (Seahorse, secret-tool clear):
			// Fornyer's list still names it, but opening My certificates
			// again reads the store, and the card tells the truth.
			if err := keyring.Delete(vault.Service, id); err != nil {
				t.Fatal(err)
			}
			f.tabs.SelectIndex(guideTab)
			f.tabs.SelectIndex(certificatesTab)
			selectRow(t, v, c.SHA256)
			if has(tc.saved) || !has(tc.gone) {
				t.Errorf("deleted in the store, the card says: %q", certTexts(v.root))
			}
			test.Tap(certButtons(v.root, tc.check)[0])
			if f.tabs.SelectedIndex() != checkTab {
				t.Fatalf("%q opened tab %d, want the Check tab", tc.check, f.tabs.SelectedIndex())
			}
			f.tabs.SelectIndex(certificatesTab)
			selectRow(t, v, c.SHA256)
			if err := f.vault.Save(context.Background(), id, c.Organization, "kode"); err != nil {
				t.Fatal(err)
			}
			f.readPasswords()

			renew := certButtons(v.root, tc.renew)
			if len(renew) != 1 {
				t.Fatalf("%d %q buttons on a certificate with 12 days left", len(renew), tc.renew)
			}
			// The guide renews it already: shown where it stands.
			f.guide.goTo("password")
			renewalID := f.guide.progress.RenewalID
			test.Tap(renew[0])
			if f.tabs.SelectedIndex() != guideTab || f.guide.progress.Current != "password" || f.guide.progress.RenewalID != renewalID {
				t.Errorf("renew opened tab %d at %q, renewal %s (was %s)", f.tabs.SelectedIndex(), f.guide.progress.Current, f.guide.progress.RenewalID, renewalID)
			}
		})
	}
}
