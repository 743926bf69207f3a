package ui

import (
	"testing"

	"github.com/fornyer/fornyer/core/testpki"
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
