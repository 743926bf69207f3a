package ui

import (
	"bytes"
	"context"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"testing"
	"time"
	"unicode/utf16"

	"fyne.io/fyne/v2/test"

	"github.com/fornyer/fornyer/core/backup"
	"github.com/fornyer/fornyer/core/receipt"
	"github.com/fornyer/fornyer/core/renewal"
	"github.com/fornyer/fornyer/core/testpki"
	"github.com/fornyer/fornyer/core/vault"
)

// TestWholeRenewalKeepsThePasswordOffDisk walks a renewal as the user does,
// with a known password: pasted on the guide's password card, the
// downloaded file dropped and opened with it, a backup with manifest and
// public copies, a receipt, DPG recorded. Then every file the app and the
// test wrote is searched for the password, in UTF-8 and in the UTF-16 a
// .p12 uses, and so is the log.
func TestWholeRenewalKeepsThePasswordOffDisk(t *testing.T) {
	const password = "Kendt-Kode-æøå-5150"
	home := t.TempDir()
	for _, v := range []string{"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"} {
		t.Setenv(v, filepath.Join(home, v))
	}
	var logged bytes.Buffer
	log.SetOutput(&logged)
	defer log.SetOutput(os.Stderr)

	x := newCheckFixture(t, "en")
	g := x.f.guide
	x.saveOnThePasswordCard(t, password)

	g.progress.Current = "download"
	g.progress.StartedAt = time.Now().Add(-time.Hour)
	leaf := x.chain.Issuing.Issue(t, testpki.LeafOptions{NotBefore: time.Now().Add(-time.Minute)})
	downloads := t.TempDir()
	p12 := filepath.Join(downloads, "Fornyer Testfirma ApS.p12")
	if err := os.WriteFile(p12, testpki.OpenSSLPFX(t, leaf, x.chain.CACerts(), password), 0o600); err != nil {
		t.Fatal(err)
	}
	x.drop(p12)
	if got := x.headlines(); len(got) != 1 || got[0] != "Ready to install in DPG" {
		t.Fatalf("the saved password did not open the file: %q", got)
	}
	a := x.f.check.shown[0]
	sha := a.report.Certificate.SHA256
	// Nothing known to renew from: the password moves with the yes (Y9).
	test.Tap(findButton(t, x.f.check.answers, "Yes, I just downloaded it"))
	x.wait()
	if got, err := x.f.vault.Get(context.Background(), vault.CertificateID(sha)); err != nil || got != password {
		t.Fatalf("the password did not move onto the certificate: %v", err)
	}

	stick := t.TempDir()
	res, err := backup.Backup(context.Background(), p12, stick, backup.Options{
		Password: a.answer.Password, PublicCopies: true, Manifest: true,
		Reprotect: &backup.Reprotect{Passphrase: "Backup-Kode-1", Profile: backup.ProfileCompatible},
	})
	if err != nil {
		t.Fatal(err)
	}
	x.f.recordBackup(a.report, res)
	papers := t.TempDir()
	pdf, err := receipt.Receipt(renewal.ReceiptData(a.report, "en", true, x.f.registered(a.report), x.f.guideProgress(), x.f.passwordIndex.list, time.Now(), x.f.thisComputer()))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := receipt.Write(papers, "receipt.pdf", pdf); err != nil {
		t.Fatal(err)
	}
	if err := recordDPGInstalled(x.f, sha, "Søren"); err != nil {
		t.Fatal(err)
	}
	g.changed()
	g.saver.wait()

	forms := [][]byte{[]byte(password), utf16BE(password)}
	searched := 0
	for _, dir := range []string{x.f.app.Storage().RootURI().Path(), home, downloads, stick, papers} {
		_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return nil
			}
			searched++
			for _, form := range forms {
				if bytes.Contains(data, form) {
					t.Errorf("the password is in %s", path)
				}
			}
			return nil
		})
	}
	if searched < 8 { // register, progress, .p12, backup files, receipt
		t.Fatalf("only %d files searched: the flow wrote less than it should", searched)
	}
	if bytes.Contains(logged.Bytes(), []byte(password)) {
		t.Error("the password is in the log")
	}
}

func utf16BE(s string) []byte {
	var out []byte
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u>>8), byte(u))
	}
	return out
}
