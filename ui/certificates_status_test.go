package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/zalando/go-keyring"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/vault"
)

// U25: a certificate's card says what is missing too, the password from the
// credential store (not the register's flag), and offers to renew one about
// to expire, at the guide's first card.
func TestCertificateCardSaysWhatIsMissing(t *testing.T) {
	for _, tc := range []struct {
		lang                                          string
		saved, noPassword, noBackup, noReceipt, renew string
	}{
		{"en", "Password saved in", "No password saved in", "No verified backup yet.", "No receipt yet.", "Renew this one"},
		{"da", "Adgangskoden er gemt i", "Ingen adgangskode gemt i", "Ingen kontrolleret sikkerhedskopi endnu.", "Ingen kvittering endnu.", "Forny det nu"},
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
			if has(tc.saved) || !has(tc.noPassword) || !has(tc.noBackup) || !has(tc.noReceipt) {
				t.Fatalf("the card does not say what is missing: %q", certTexts(v.root))
			}

			// Saved in the store: the card follows.
			if err := f.vault.Save(context.Background(), vault.CertificateID(c.SHA256), c.Organization, "kode"); err != nil {
				t.Fatal(err)
			}
			f.readPasswords() // as the frame does when the vault reports a change
			if !has(tc.saved) || has(tc.noPassword) {
				t.Errorf("after saving: %q", certTexts(v.root))
			}

			renew := certButtons(v.root, tc.renew)
			if len(renew) != 1 {
				t.Fatalf("%d %q buttons on a certificate with 12 days left", len(renew), tc.renew)
			}
			f.guide.goTo("password")
			test.Tap(renew[0])
			if f.tabs.SelectedIndex() != guideTab || f.guide.progress.Current != guide.Steps[0].ID {
				t.Errorf("renew opened tab %d at %q", f.tabs.SelectedIndex(), f.guide.progress.Current)
			}
		})
	}
}
