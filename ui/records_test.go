package ui

import (
	"strings"
	"testing"
	"time"

	pkcs12 "software.sslmate.com/src/go-pkcs12"

	"fyne.io/fyne/v2/test"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/testpki"
	"github.com/fornyer/fornyer/core/vault"
)

// comparisonTitle is the bold line of the comparison card of the first
// answer, or "".
func (x *checkFixture) comparisonTitle() string {
	for _, s := range texts(x.f.check.answers) {
		for _, outcome := range []string{"renewal", "same_certificate", "other_organization", "not_later", "new_identity"} {
			if s == inspectTitle(x.f.lang(), outcome) {
				return outcome
			}
		}
	}
	return ""
}

func inspectTitle(l, outcome string) string {
	return msg.T(l, "inspect.compare."+outcome+".title", nil)
}

func TestRenewedFileIsComparedWithThePreviousCertificate(t *testing.T) {
	x := newCheckFixture(t, "en")
	now := time.Now()
	old := x.chain.Issuing.Issue(t, testpki.LeafOptions{NotBefore: now.AddDate(-3, 0, 20), NotAfter: now.AddDate(0, 0, 20)})
	renewed := x.chain.Issuing.Issue(t, testpki.LeafOptions{Key: testpki.Key(t, 2048, 3)})
	x.drop(x.file("old.p12", testpki.PFX(t, pkcs12.Modern, old, x.chain.CACerts(), "")))
	if got := x.comparisonTitle(); got != "" {
		t.Errorf("first certificate compared as %q", got)
	}
	x.drop(x.file("new.p12", testpki.PFX(t, pkcs12.Modern, renewed, x.chain.CACerts(), "")))
	if got := x.comparisonTitle(); got != "renewal" {
		t.Errorf("renewed certificate compared as %q", got)
	}
	// And the old one dropped again after the new is known.
	x.drop(x.file("old-again.p12", testpki.PFX(t, pkcs12.Modern, old, x.chain.CACerts(), "")))
	if got := x.comparisonTitle(); got != "not_later" {
		t.Errorf("old certificate after the renewal compared as %q", got)
	}
}

func TestDuringTheDownloadStepTheOldFileAgainIsCaught(t *testing.T) {
	x := newCheckFixture(t, "en")
	now := time.Now()
	x.f.guide.progress.Current = "download"
	x.f.guide.progress.StartedAt = now.Add(-time.Hour)
	old := x.chain.Issuing.Issue(t, testpki.LeafOptions{NotBefore: now.AddDate(-1, 0, 0), NotAfter: now.AddDate(2, 0, 0)})
	x.drop(x.file("old.p12", testpki.PFX(t, pkcs12.Modern, old, x.chain.CACerts(), "")))
	if got := x.comparisonTitle(); got != "same_certificate" {
		t.Errorf("a certificate issued a year before the renewal compared as %q", got)
	}
	if x.f.guide.progress.FileChecked {
		t.Error("the old certificate passed the download step")
	}
	fresh := x.chain.Issuing.Issue(t, testpki.LeafOptions{Key: testpki.Key(t, 2048, 3), NotBefore: now.Add(-time.Minute)})
	x.drop(x.file("new.p12", testpki.PFX(t, pkcs12.Modern, fresh, x.chain.CACerts(), "")))
	if got := x.comparisonTitle(); got == "same_certificate" {
		t.Error("the freshly issued certificate was called the old one")
	}
	if !x.f.guide.progress.FileChecked || x.f.guide.progress.FileSHA256 != sha256Hex(fresh.Cert.Raw) {
		t.Errorf("the guide was not told the renewed file is checked: %+v", x.f.guide.progress)
	}
}

func TestDuringTheDownloadStepAnotherOrganisationIsCaught(t *testing.T) {
	x := newCheckFixture(t, "da")
	if err := x.f.register.Upsert(register.Certificate{
		SHA256: strings.Repeat("ab", 32), Organization: "Æblegrød ApS", CVR: "87654321", UUID: "11111111-2222-3333-4444-555555555555",
		NotBefore: time.Now().AddDate(-3, 0, 0), NotAfter: time.Now().AddDate(0, 0, 30),
	}); err != nil {
		t.Fatal(err)
	}
	x.f.guide.progress.Current = "download"
	x.f.guide.progress.StartedAt = time.Now().Add(-time.Hour)
	other := x.chain.Issuing.Issue(t, testpki.LeafOptions{NotBefore: time.Now().Add(-time.Minute)})
	x.drop(x.file("new.p12", testpki.PFX(t, pkcs12.Modern, other, x.chain.CACerts(), "")))
	if got := x.comparisonTitle(); got != "other_organization" {
		t.Errorf("compared as %q", got)
	}
	if x.f.guide.progress.FileChecked {
		t.Error("another organisation's certificate passed the download step")
	}
}

func TestReceiptDataGathersRegisterAndGuideButNoPassword(t *testing.T) {
	done := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	r := goldenReport("da", "ready")
	reg := &register.Certificate{
		PasswordSaved: true,
		Backups:       []register.FileRef{{Path: "/media/usb/a.p12", SHA256: "cafe", VerifiedAt: done}},
		DPG:           &register.DPG{At: done, By: "Søren"},
	}
	p := &guide.Progress{Done: map[string]time.Time{"login": done}, FileSHA256: r.Certificate.SHA256}
	d := receiptData(r, "da", false, reg, p)
	if !d.PasswordSaved || len(d.Backups) != 1 || d.DPG == nil || d.DPG.By != "Søren" {
		t.Errorf("register not used: %+v", d)
	}
	if len(d.Steps) != len(guide.Steps) {
		t.Fatalf("%d steps", len(d.Steps))
	}
	login := d.Steps[guide.Index("login")]
	if !login.DoneAt.Equal(done) || login.Title == "guide.login.title" {
		t.Errorf("login step: %+v", login)
	}
	if !d.RenewedAt.Equal(r.Certificate.NotBefore) {
		t.Errorf("renewed at %v, want the issue time", d.RenewedAt)
	}
	// A guide run for another certificate says nothing about this one.
	p.FileSHA256 = strings.Repeat("0", 64)
	if d := receiptData(r, "da", false, nil, p); len(d.Steps) != 0 || d.PasswordSaved {
		t.Errorf("steps of another renewal: %+v", d)
	}
}

func TestGuideBacksUpAndReceiptsTheCheckedFile(t *testing.T) {
	x := newCheckFixture(t, "en")
	x.f.guide.progress.Current = "download"
	x.f.guide.progress.StartedAt = time.Now().Add(-time.Hour)
	leaf := x.chain.Issuing.Issue(t, testpki.LeafOptions{NotBefore: time.Now().Add(-time.Minute)})
	x.drop(x.file("new.p12", testpki.OpenSSLPFX(t, leaf, x.chain.CACerts(), "pw")))
	entry := findEntry(t, x.f.check.answers)
	test.Type(entry, "pw")
	test.Tap(findButton(t, x.f.check.answers, "Open"))
	x.wait()
	if !x.f.guide.progress.FileChecked {
		t.Fatal("the guide did not learn that the file was checked")
	}

	x.f.tabs.SelectIndex(guideTab)
	x.f.guide.show()
	guideView := x.f.tabs.Items[guideTab].Content
	for _, button := range []string{"Make a backup…", "Create a receipt…"} {
		test.Tap(findButton(t, guideView, button))
		top := x.w.Canvas().Overlays().Top()
		if top == nil {
			t.Fatalf("%s opened nothing", button)
		}
		x.w.Canvas().Overlays().Remove(top)
	}
}

func TestUntrustedCertificatesAreNotRemembered(t *testing.T) {
	x := newCheckFixture(t, "en")
	x.f.check.inspect = inspect.InspectFile // without the test root: untrusted
	leaf := x.chain.Organization(t)
	x.drop(x.file("fake.p12", testpki.PFX(t, pkcs12.Modern, leaf, x.chain.CACerts(), "")))
	if n := len(x.f.register.List()); n != 0 {
		t.Errorf("an untrusted certificate went into the register (%d entries)", n)
	}
}

func TestDeletingTheSavedPasswordIsForgottenEverywhere(t *testing.T) {
	x := newCheckFixture(t, "en")
	g := x.f.guide
	sha := strings.Repeat("cd", 32)
	if err := x.f.register.Upsert(register.Certificate{SHA256: sha, Organization: "Æblegrød ApS", PasswordSaved: true,
		NotBefore: time.Now(), NotAfter: time.Now().AddDate(3, 0, 0)}); err != nil {
		t.Fatal(err)
	}
	g.progress.SetPasswordSaved()
	g.progress.SetFileChecked(sha, guideNow())

	x.f.passwordDeleted(vault.CertificateID(sha))
	x.wait()
	g.saver.wait()
	if c, _ := x.f.register.Get(sha); c.PasswordSaved {
		t.Error("the register still says the password is saved")
	}
	if g.progress.PasswordSaved {
		t.Error("the guide still says the password is saved")
	}
}

func TestClosingTheWindowClearsACopiedPassword(t *testing.T) {
	x := newCheckFixture(t, "en")
	cb := x.f.app.Clipboard()
	var g clipboardGuard
	g.after = func(time.Duration, func()) func() bool { return func() bool { return true } } // never fires
	g.copy(cb, "Kopieret-Kode-1", nil)
	clearClipboardsNow()
	if got := cb.Content(); got == "Kopieret-Kode-1" {
		t.Error("the password is still on the clipboard after closing")
	}
	// What the user copied since is theirs.
	g.copy(cb, "Kopieret-Kode-2", nil)
	cb.SetContent("something else")
	clearClipboardsNow()
	if got := cb.Content(); got != "something else" {
		t.Errorf("closing cleared the user's own clipboard: %q", got)
	}
}
