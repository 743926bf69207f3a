package ui

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/vault"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
)

// goTo puts the guide on the step with id, every step before it done.
func goTo(g *guideState, id string) {
	for _, s := range guide.Steps[:guide.Index(id)] {
		g.progress.Done[s.ID] = guideTestTime
	}
	g.progress.Current = id
	g.show()
}

// The header names one step number, the app's, which the highlighted dot
// shows and Fornyer's sentences use; Timengo's guide's own number beside
// it made "step 8" mean two cards (W15, U20).
func TestGuidePositionNamesOneStep(t *testing.T) {
	for _, c := range []struct{ language, want string }{{"da", "Trin 11 af 21 · Forny i MitID Erhverv"}, {"en", "Step 11 of 21 · Renew in MitID Erhverv"}} {
		f, _ := newGuideTestFrame(t, c.language, t.TempDir())
		g := f.guide
		goTo(g, "terms")
		if g.position.Text != c.want {
			t.Errorf("%s: position %q, want %q", c.language, g.position.Text, c.want)
		}
	}
}

// Where the DPG portal asks for the file and the password, the card shows
// the file in its folder and offers the saved password; without them it
// says what to do instead.
func TestGuideDPGInstallHelpers(t *testing.T) {
	f, _ := newGuideTestFrame(t, "en", t.TempDir())
	g := f.guide
	goTo(g, "dpg-install")
	if !slices.Contains(texts(g.scroll.Content), "Fornyer does not know the file yet. Check it under “Check”, and it can be shown here.") {
		t.Errorf("no file, yet: %q", texts(g.scroll.Content))
	}

	reg, err := register.Open(filepath.Join(t.TempDir(), "register.json"))
	if err != nil {
		t.Fatal(err)
	}
	sha := strings.Repeat("ab", 32)
	path := filepath.Join(t.TempDir(), "Fornyer Testfirma ApS.p12")
	if err := reg.Upsert(register.Certificate{SHA256: sha, Organization: "Fornyer Testfirma ApS",
		NotAfter: guideTestTime.AddDate(3, 0, 0), File: &register.FileRef{Path: path}, PasswordSaved: true}); err != nil {
		t.Fatal(err)
	}
	f.register = reg
	g.progress.SetFileChecked(sha, guideTestTime)
	f.passwordIndex.list = guide.Passwords{Known: true, Entries: []vault.Entry{{ID: vault.CertificateID(sha)}}}
	var revealed string
	f.open = func(what uiwidget.Target, p string) error {
		if what == uiwidget.InFolder {
			revealed = p
		}
		return nil
	}
	g.show()

	var show, copyPw *uiwidget.Button
	for _, b := range findAll[*uiwidget.Button](g.cardAndBar()) {
		switch b.Text {
		case "Show the file in its folder":
			show = b
		case "Copy password":
			copyPw = b
		}
	}
	if show == nil || copyPw == nil {
		t.Fatalf("helpers missing: show %v, copy %v", show != nil, copyPw != nil)
	}
	test.Tap(show)
	if revealed != path {
		t.Errorf("revealed %q, want %q", revealed, path)
	}
}
