package ui

import (
	"context"
	"errors"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/zalando/go-keyring"

	"github.com/fornyer/fornyer/core/vault"
	"github.com/fornyer/fornyer/ui/words"
)

const testFingerprint = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"

// savedAt dates entries at noon UTC, the same calendar day in every zone
// the tests run in.
func savedAt() func() time.Time {
	t := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	return func() time.Time { t = t.Add(time.Minute); return t }
}

func seedVault(t *testing.T, f *frame) {
	t.Helper()
	ctx := context.Background()
	if err := f.vault.Save(ctx, vault.CertificateID(testFingerprint), "Skærbæk Smørrebrød ApS", "cert-kode-1"); err != nil {
		t.Fatal(err)
	}
	if err := f.vault.Save(ctx, vault.PendingID("r1"), "", "pending-kode-2"); err != nil {
		t.Fatal(err)
	}
}

func newListUnderTest(t *testing.T, language string, opts ...vault.Option) (*frame, func(), fyne.CanvasObject) {
	t.Helper()
	f, wait := newVaultTestFrame(t, language, append([]vault.Option{vault.WithClock(savedAt())}, opts...)...)
	return f, wait, nil
}

func TestSavedPasswordsList(t *testing.T) {
	keyring.MockInit()
	for _, c := range []struct{ language, pending, date string }{
		{"en", "Renewal in progress", "Saved on 24 November 2026"},
		{"da", "Fornyelse i gang", "Gemt den 24. november 2026"},
	} {
		t.Run(c.language, func(t *testing.T) {
			keyring.MockInit()
			f, wait, _ := newListUnderTest(t, c.language)
			seedVault(t, f)
			view := newSavedPasswordsView(f)
			f.win.SetContent(view)
			wait()
			for _, want := range []string{"Skærbæk Smørrebrød ApS", c.pending, c.date} {
				if !hasText(view, want) {
					t.Errorf("%q missing from %q", want, texts(view))
				}
			}
			for _, text := range texts(view) {
				for _, pw := range []string{"cert-kode-1", "pending-kode-2"} {
					if text == pw {
						t.Errorf("the list shows a password")
					}
				}
			}
			if c.language == "en" {
				test.AssertRendersToMarkup(t, "password_list.xml", f.win.Canvas())
			}
		})
	}
}

func TestSavedPasswordsEmptyAndFailing(t *testing.T) {
	keyring.MockInit()
	f, wait, _ := newListUnderTest(t, "en")
	view := newSavedPasswordsView(f)
	wait()
	if !hasText(view, "No passwords are saved yet.") {
		t.Errorf("empty: %q", texts(view))
	}

	keyring.MockInitWithError(errors.New("no such interface"))
	test.Tap(findButton(t, view, "Refresh"))
	wait()
	if !hasText(view, "Fornyer could not use your keyring: it is missing, locked, or refused access. Unlock it and try again, or write the password down and keep it somewhere safe.") {
		t.Errorf("failing store: %q", texts(view))
	}

	h := hungStore{release: make(chan struct{})}
	defer close(h.release)
	f2, wait2, _ := newListUnderTest(t, "en", vault.WithBackend(h), vault.WithTimeout(20*time.Millisecond))
	view = newSavedPasswordsView(f2)
	wait2()
	if !hasText(view, "Your keyring did not answer within 20 seconds: it may be locked and waiting for its password in a window of its own. Unlock it, then try again. If it keeps happening, write the password down and keep it somewhere safe.") &&
		!hasText(view, "Your keyring is locked or still asking for its password. Unlock it, then try again.") { // another read of the window's was stuck first
		t.Errorf("hung store: %q", texts(view))
	}
	if findButton(t, view, "Refresh").Disabled() {
		t.Error("after a timeout Refresh is off")
	}
}

// overlayButton finds a button in the window's pop-ups (the confirmation).
func overlayButton(t *testing.T, f *frame, text string) *widget.Button {
	t.Helper()
	for _, o := range f.win.Canvas().Overlays().List() {
		if hasButton(o, text) {
			return findButton(t, o, text)
		}
	}
	t.Fatalf("no pop-up with %q", text)
	return nil
}

func TestDeleteAsksFirst(t *testing.T) {
	keyring.MockInit()
	f, wait, _ := newListUnderTest(t, "en")
	seedVault(t, f)
	view := newSavedPasswordsView(f)
	f.win.SetContent(view)
	wait()
	certID := vault.CertificateID(testFingerprint)

	// The rows are newest first: the pending entry, then the certificate.
	deletes := func() []*widget.Button {
		var out []*widget.Button
		for _, o := range visible(view) {
			if b, ok := asButton(o); ok && b.Text == "Delete" {
				out = append(out, b)
			}
		}
		return out
	}
	if n := len(deletes()); n != 2 {
		t.Fatalf("%d Delete buttons for 2 entries", n)
	}
	test.Tap(deletes()[1])
	if f.win.Canvas().Overlays().Top() == nil {
		t.Fatal("Delete did not ask first")
	}
	test.AssertRendersToMarkup(t, "password_delete_confirm.xml", f.win.Canvas())
	if yes := overlayButton(t, f, "Delete"); yes.Icon != theme.DeleteIcon() || yes.Importance != widget.DangerImportance {
		t.Errorf("the red Delete carries %v (U26: a tick reads as all is well)", yes.Icon)
	}

	test.Tap(overlayButton(t, f, "Keep it"))
	wait()
	if _, err := f.vault.Get(context.Background(), certID); err != nil {
		t.Fatalf("Keep it deleted the password: %v", err)
	}
	if f.win.Canvas().Overlays().Top() != nil {
		t.Error("the question stayed open")
	}

	test.Tap(deletes()[1])
	test.Tap(overlayButton(t, f, "Delete"))
	wait()
	if _, err := f.vault.Get(context.Background(), certID); !errors.Is(err, vault.ErrNotFound) {
		t.Fatalf("after a confirmed delete: %v", err)
	}
	if hasText(view, "Skærbæk Smørrebrød ApS") || !hasText(view, "Renewal in progress") || len(deletes()) != 1 {
		t.Errorf("list after delete: %q", texts(view))
	}
}

// Settings marks the renewal's saved password that does not open its
// file, as the guide's password card and the Check tab do (one rule:
// guide.Facts' WrongPasswordID): once the guide knows its file, a pending
// password left beside it and found not to open it; before the file, or
// never tried on it, it is not marked.
func TestSavedPasswordsMarksTheWrongOne(t *testing.T) {
	for _, c := range []struct{ language, wrong string }{
		{"en", "Does not open the renewed certificate file"},
		{"da", "Åbner ikke den fornyede certifikatfil"},
	} {
		t.Run(c.language, func(t *testing.T) {
			x := newCheckFixture(t, c.language)
			g := x.f.guide
			pending := vault.PendingID(g.progress.RenewalID)
			if err := x.f.vault.Save(context.Background(), pending, "", "typed-wrong"); err != nil {
				t.Fatal(err)
			}
			x.wait()
			if x.f.passwords == nil {
				t.Fatal("no Settings list")
			}
			view := x.f.passwords.box
			if !hasText(view, words.T("vault.list.pending")) || anyTextContains(view, c.wrong) {
				t.Fatalf("before the file came: %q", texts(view))
			}
			fileCheckedHere(x.f, testFingerprint)
			x.wait()
			if anyTextContains(view, c.wrong) {
				t.Errorf("the file known, a password never tried on it is marked wrong (review R3): %q", texts(view))
			}
			if err := x.f.vault.MarkDoesNotOpen(context.Background(), pending, testFingerprint, "Firma ApS"); err != nil {
				t.Fatal(err)
			}
			x.wait()
			if !hasText(view, words.T("vault.list.wrong")) {
				t.Errorf("the wrong password is not marked once tried on the file: %q", texts(view))
			}
			// X15: the right one saved too, the wrong one's row no longer
			// asks to save it: it says to delete this one.
			if err := x.f.vault.Save(context.Background(), vault.CertificateID(testFingerprint), "Firma ApS", "right"); err != nil {
				t.Fatal(err)
			}
			x.wait()
			if hasText(view, words.T("vault.list.wrong")) || !hasText(view, words.T("vault.list.wrong_saved")) {
				t.Errorf("the right password saved, the wrong one's row says %q", texts(view))
			}
		})
	}
}
