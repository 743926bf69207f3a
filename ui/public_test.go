package ui

import (
	"crypto/sha256"
	"encoding/pem"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	pkcs12 "software.sslmate.com/src/go-pkcs12"

	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/renewal"
	"github.com/fornyer/fornyer/core/testpki"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
)

// The Check answer's "Save the public certificate (.cer)" uses the
// password the user just typed to open the file (held in memory, never
// saved) instead of asking for it again, and is as wide as the actions
// beside it; its hand-over makes a copy with the same password.
func TestCheckAnswerPublicCertificateWithThePasswordTyped(t *testing.T) {
	x := newCheckFixture(t, "en")
	const typed = "Typed-Pw-9"
	path := x.file("Typed.p12", testpki.PFX(t, pkcs12.Modern, x.chain.Organization(t), x.chain.CACerts(), typed))
	x.drop(path)
	a := x.f.check.shown[0]
	if a.entry == nil {
		t.Fatalf("no password asked for: %q", x.headlines())
	}
	test.Type(a.entry, typed)
	a.tryPassword()
	x.wait()
	save := findButton(t, x.f.check.answers, "Save the public certificate (.cer)")
	backUp := findButton(t, x.f.check.answers, "Make a backup…")
	if save.Size().Width != backUp.Size().Width {
		t.Errorf("the .cer button is %v wide, its neighbour %v", save.Size().Width, backUp.Size().Width)
	}
	test.Tap(save)
	x.wait()
	cer := filepath.Join(filepath.Dir(path), "Typed.cer")
	if b, err := os.ReadFile(cer); err != nil || len(b) == 0 {
		t.Fatalf("no .cer: %v; %q", err, texts(x.f.check.answers))
	}
	for _, e := range findAll[*uiwidget.Entry](x.f.check.answers) {
		if e.Password && e.Visible() {
			t.Error("the password was asked for again")
		}
	}

	for _, e := range findAll[*uiwidget.Entry](x.f.check.answers) {
		if strings.HasPrefix(e.PlaceHolder, "Who is it for?") {
			test.Type(e, "Acme IT")
			break
		}
	}
	test.Tap(findButton(t, x.f.check.answers, "Make a copy with its own password"))
	x.wait()
	copyPath := filepath.Join(filepath.Dir(path), "Typed (for Acme IT).p12")
	if _, err := os.Stat(copyPath); err != nil {
		t.Fatalf("no hand-over copy from the Check answer: %v; %q", err, texts(x.f.check.answers))
	}
	shown := shownHandOverPassword(x.f.check.answers)
	if r := inspect.InspectFile(copyPath, inspect.Options{Passwords: []string{typed, shown}}); r.PasswordIndex != 1 {
		t.Errorf("the password shown (%q) does not open the copy", shown)
	}
}

// My certificates offers the hand-over beside the public certificate: the
// copy is made with the saved password, and its password shown in a
// dialog (the list is drawn again when the register records it).
func TestMyCertificatesHandOver(t *testing.T) {
	f, w, cert, _, dir := myCertificatesWithAFile(t)
	v := newCertificatesView(f)
	w.SetContent(v.root)
	selectRow(t, v, cert.SHA256)
	for _, e := range findAll[*uiwidget.Entry](v.root) {
		if strings.HasPrefix(e.PlaceHolder, "Who is it for?") {
			test.Type(e, "Acme IT")
		}
	}
	makeCopy := certButtons(v.root, "Make a copy with its own password")
	if len(makeCopy) != 1 {
		t.Fatalf("%d hand-over buttons in My certificates", len(makeCopy))
	}
	test.Tap(makeCopy[0])
	copyPath := filepath.Join(dir, "Firma (for Acme IT).p12")
	if _, err := os.Stat(copyPath); err != nil {
		t.Fatalf("no copy: %v", err)
	}
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("the copy's password is not shown in a dialog")
	}
	shown := shownHandOverPassword(top)
	if r := inspect.InspectFile(copyPath, inspect.Options{Passwords: []string{"", shown}}); r.PasswordIndex != 1 {
		t.Errorf("the password shown (%q) does not open the copy", shown)
	}
	if got, _ := f.register.Get(cert.SHA256); len(got.HandOvers) != 1 || got.HandOvers[0].To != "Acme IT" {
		t.Errorf("recorded %+v", got.HandOvers)
	}
}

// myCertificatesWithAFile is My certificates' frame with one certificate
// in the register, its .p12 (no password) in dir.
func myCertificatesWithAFile(t *testing.T) (*frame, fyne.Window, register.Certificate, *inspect.Report, string) {
	t.Helper()
	c := testpki.NewChain(t, false)
	dir := t.TempDir()
	src := filepath.Join(dir, "Firma.p12")
	if err := os.WriteFile(src, testpki.PFX(t, pkcs12.Modern, c.Organization(t), c.CACerts(), ""), 0o600); err != nil {
		t.Fatal(err)
	}
	r := inspect.InspectFile(src, inspect.Options{})
	cert := renewal.Entry(renewal.Check{Path: src, Report: r}, certNow)
	f, _, w := newCertTestFrame(t, "en", cert)
	return f, w, cert, r, dir
}

// shownHandOverPassword is the hand-over password shown under o (5 groups
// of 4 characters).
func shownHandOverPassword(o fyne.CanvasObject) string {
	for _, s := range texts(o) {
		if len(s) == 24 && strings.Count(s, "-") == 4 {
			return s
		}
	}
	return ""
}

// "As text" ticked, the public certificate is saved as PEM, and
// "Save in another folder…" asks for the folder (the system's folder
// dialog) and saves it there: the certificate alone, beside nothing else.
func TestPublicCertificateAsPEMInAnotherFolder(t *testing.T) {
	f, w, _, r, dir := myCertificatesWithAFile(t)
	p := newPublicSaver(f, fileSource(f, filepath.Join(dir, "Firma.p12"), r.FileSHA256), nil, nil)
	w.SetContent(container.NewVBox(p.once.entry, p.save, p.elsewhere, p.pem, p.status))
	test.Tap(p.elsewhere)
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("Save in another folder… asked for no folder")
	}
	w.Canvas().Overlays().Top().Hide()
	test.Tap(p.pem)
	other := t.TempDir()
	p.saveIn(other) // the folder picked
	b, err := os.ReadFile(filepath.Join(other, "Firma.pem"))
	if err != nil {
		t.Fatalf("no .pem in the folder picked: %v; %q", err, p.status.Text)
	}
	if block, _ := pem.Decode(b); block == nil || block.Type != "CERTIFICATE" || fmt.Sprintf("%x", sha256.Sum256(block.Bytes)) != r.Certificate.SHA256 {
		t.Errorf("the .pem is not the certificate: %q", b)
	}
	if _, err := os.Stat(filepath.Join(dir, "Firma.pem")); err == nil {
		t.Error("saved beside the file too")
	}
}
