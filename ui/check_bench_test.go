package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"github.com/zalando/go-keyring"

	"github.com/fornyer/fornyer/core/testpki"
	"github.com/fornyer/fornyer/core/vault"
)

// BenchmarkDropToVerdict times a drop on the window to its answer on
// screen, on the test driver: the saved passwords looked up in the
// (in-memory) credential store, the file read and opened with the saved
// one, the answer built. The real window's figure, with the keyring on the
// session bus, comes from the e2e suite's trace (FORNYER_TRACE).
func BenchmarkDropToVerdict(b *testing.B) {
	keyring.MockInit()
	b.Setenv("TMPDIR", b.TempDir())
	a := test.NewTempApp(b)
	loadTranslations("da")
	w := test.NewTempWindow(b, nil)
	d := testDeps()
	f := newFrame(a, w, openRegister(a, d), d)
	w.SetContent(f.content)
	w.Resize(companionSize)

	chain := testpki.NewChain(b, false)
	f.trusted = chain.CACerts()
	const password = "Kodeord-æøå 42"
	path := testpki.WriteFile(b, "Fornyet certifikat æøå.p12", testpki.OpenSSLPFX(b, chain.Organization(b), chain.CACerts(), password))
	if err := f.vault.Save(context.Background(), vault.PendingID("bench"), "", password); err != nil {
		b.Fatal(err)
	}
	uris := []fyne.URI{storage.NewFileURI(path)}

	for b.Loop() {
		// Background work runs inline in this package's tests (TestMain),
		// so the answer is there when dropped returns.
		f.dropped(fyne.NewPos(10, 10), uris)
	}
	if len(f.check.shown) != 1 || !f.check.shown[0].report.Ready() {
		b.Fatalf("the drop was not answered ready: %+v", f.check.shown)
	}
}
