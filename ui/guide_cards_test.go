package ui

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/renewal"
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

// The places noted on the preparing card are saved, survive a restart, come
// back after DPG to be ticked one by one, and reach the summary and the
// receipt with their ticks.
func TestGuideChecklistComesBackAfterDPG(t *testing.T) {
	dir := t.TempDir()
	f, _ := newGuideTestFrame(t, "da", dir)
	g := f.guide
	goTo(g, "prepare-usage")
	checks := findAll[*guideCheck](g.scroll.Content)
	entries := findAll[*uiwidget.Entry](g.scroll.Content)
	if len(checks) != len(guide.Places) || len(entries) != len(guide.Places) {
		t.Fatalf("%d ticks and %d notes on the card", len(checks), len(entries))
	}
	test.Tap(checks[0])                // DPG Sikker Post
	test.Type(entries[1], "e-conomic") // a note ticks its place
	if !checks[1].Checked {
		t.Error("a note did not tick its place")
	}
	g.saver.wait()

	f2, _ := newGuideTestFrame(t, "da", dir) // a restart
	g2 := f2.guide
	if got := g2.progress.Checklist(); len(got) != 2 || got[1].Note != "e-conomic" {
		t.Fatalf("restored checklist %+v", got)
	}

	goTo(g2, "switch")
	ticks := findAll[*guideCheck](g2.scroll.Content)
	if len(ticks) != 1 || ticks[0].Text != "Systemintegrationer (e-conomic)" {
		t.Fatalf("switch card ticks: %d", len(ticks))
	}
	if !slices.ContainsFunc(texts(g2.scroll.Content), func(s string) bool {
		return strings.HasPrefix(s, "DPG Sikker Post") && strings.Contains(s, "installationen i DPG")
	}) {
		t.Errorf("the DPG mail line is missing: %q", texts(g2.scroll.Content))
	}
	test.Tap(ticks[0])
	g2.saver.wait()
	onDisk, err := guide.Load(filepath.Join(dir, guide.FileName), time.Now())
	if err != nil || !onDisk.Checklist()[1].Done {
		t.Fatalf("the tick was not saved: %+v, %v", onDisk.Checklist(), err)
	}

	goTo(g2, "summary")
	var undone string
	for _, s := range texts(g2.scroll.Content) {
		if strings.HasPrefix(s, "• ") {
			undone = s
		}
	}
	if !strings.Contains(undone, "Skift til det nye certifikat: DPG Sikker Post") || strings.Contains(undone, "Systemintegrationer") {
		t.Errorf("the summary's list of what is left is wrong: %q", texts(g2.scroll.Content))
	}

	d := renewal.ReceiptData(goldenReport("da", "ready"), "da", true, nil, &g2.progress, guide.Passwords{}, clock(), thisComputer())
	if len(d.Places) != 2 || d.Places[0].Name != "DPG Sikker Post" || !d.Places[0].SwitchedAt.IsZero() ||
		d.Places[1].Note != "e-conomic" || d.Places[1].SwitchedAt.IsZero() {
		t.Errorf("receipt places %+v", d.Places)
	}
}

// The portal's cards name the guide's own step beside the app's position.
func TestGuidePositionNamesTheGuideStep(t *testing.T) {
	for _, c := range []struct{ language, want string }{{"da", "Vejledningens trin 7"}, {"en", "Guide step 7"}} {
		f, _ := newGuideTestFrame(t, c.language, t.TempDir())
		g := f.guide
		goTo(g, "terms")
		if !strings.HasSuffix(g.position.Text, c.want) {
			t.Errorf("%s: position %q", c.language, g.position.Text)
		}
		goTo(g, "dpg-install")
		if strings.Contains(g.position.Text, strings.TrimSuffix(c.want, " 7")) {
			t.Errorf("%s: a DPG card names a guide step: %q", c.language, g.position.Text)
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
	old := revealFile
	revealFile = func(p string) error { revealed = p; return nil }
	t.Cleanup(func() { revealFile = old })
	g.show()

	var show, copyPw *uiwidget.Button
	for _, b := range findAll[*uiwidget.Button](g.scroll.Content) {
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
