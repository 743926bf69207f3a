package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/fornyer/fornyer/core/testpki"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
)

// A file dropped (or handed over by a second start, which drops it the
// same way) while Help is open is not checked unseen behind it: Help only
// tells something, so it closes and the answer shows. A dialog that holds
// a question stays (only the user may answer it), and the answer is on the
// Check tab beneath it, shown once it closes.
func TestDropWhileADialogIsOpen(t *testing.T) {
	x := newCheckFixture(t, "en")
	top := func() bool { return x.w.Canvas().Overlays().Top() != nil }

	x.f.guide.showHelp()
	if !top() {
		t.Fatal("Help did not open")
	}
	x.drop(x.file("state.cer", x.chain.Issuing.Cert.Raw))
	if top() {
		t.Error("the answer was checked behind Help, which stayed open")
	}
	want := "This is the Danish state's certificate, not yours"
	if got := x.headlines(); x.f.tabs.SelectedIndex() != checkTab || len(got) != 1 || got[0] != want {
		t.Errorf("tab %d, headlines %q; want the Check tab with %q", x.f.tabs.SelectedIndex(), got, want)
	}

	if list := x.f.register.List(); len(list) != 0 {
		t.Errorf("the state's certificate joined My certificates: %+v", list)
	}

	x.f.tabs.SelectIndex(guideTab)
	x.f.guide.confirmReset()
	leaf := x.chain.Organization(t)
	x.drop(x.file("renewed.p12", testpki.OpenSSLPFX(t, leaf, x.chain.CACerts(), "")))
	if !top() {
		t.Error("a drop answered the question 'Start a new renewal?' by closing it")
	}
	if got := x.headlines(); x.f.tabs.SelectedIndex() != checkTab || len(got) != 1 || got[0] == want {
		t.Errorf("beneath the question: tab %d, headlines %q", x.f.tabs.SelectedIndex(), got)
	}
}

// U24: while the answer asks "Is this the file you just downloaded?", its
// yes is the one blue button; "Save the password on this computer" is not
// a second one above it.
func TestOneBlueButtonWhileAsking(t *testing.T) {
	x := newCheckFixture(t, "en")
	now := time.Now()
	g := x.f.guide
	g.progress.Current = "download"
	g.progress.StartedAt = now.Add(-time.Hour)
	old := x.chain.Issuing.Issue(t, testpki.LeafOptions{NotBefore: now.AddDate(-1, 0, 0), NotAfter: now.AddDate(2, 0, 0)})
	x.drop(x.file("old.p12", testpki.OpenSSLPFX(t, old, x.chain.CACerts(), "typed-pw-1")))
	entries := findAll[*uiwidget.Entry](x.f.check.answers)
	if len(entries) != 1 {
		t.Fatalf("%d password fields", len(entries))
	}
	test.Type(entries[0], "typed-pw-1")
	entries[0].TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	x.wait()
	var blue []string
	for _, o := range visible(x.f.check.answers) {
		if b, ok := asButton(o); ok && b.Importance == widget.HighImportance {
			blue = append(blue, b.Text)
		}
	}
	if !hasButton(x.f.check.answers, "Save the password on this computer") || len(blue) != 1 || blue[0] != "Yes, I just downloaded it" {
		t.Errorf("blue buttons %q; buttons %q", blue, texts(x.f.check.answers))
	}
}
