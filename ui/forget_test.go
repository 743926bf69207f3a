package ui

import (
	"context"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/zalando/go-keyring"

	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/vault"
)

// Settings' "Forget everything on this computer" asks first; yes deletes
// the saved passwords, the register and the progress, and the window
// starts afresh.
func TestForgetEverything(t *testing.T) {
	keyring.MockInit()
	t.Cleanup(keyring.MockInit)
	f, w := newTestFrame(t, "en")
	if err := f.vault.Save(context.Background(), vault.CertificateID(testFingerprint), "Skærbæk Smørrebrød ApS", "kode"); err != nil {
		t.Fatal(err)
	}
	if err := f.register.Upsert(certAt(1, "Skærbæk Smørrebrød ApS", "u", register.Production, 400*certDay)); err != nil {
		t.Fatal(err)
	}
	f.guide.saver.save(f.guide.progress)
	f.guide.saver.wait()
	progress := guideProgressPath(f)
	if _, err := os.Stat(progress); err != nil {
		t.Fatal(err)
	}
	oldGuide := f.guide

	f.tabs.SelectIndex(settingsTab)
	forgetButton := func() {
		t.Helper()
		b := certButtons(w.Content(), "Forget everything…")
		if len(b) != 1 {
			t.Fatalf("%d buttons Forget everything… in Settings", len(b))
		}
		test.Tap(b[0])
	}
	forgetButton()
	tapOverlayButton(t, w, "Keep it")
	if list, _ := f.vault.List(context.Background()); len(list) != 1 || len(f.register.List()) != 1 {
		t.Fatalf("Keep it deleted something: %d passwords, %d certificates", len(list), len(f.register.List()))
	}

	forgetButton()
	tapOverlayButton(t, w, "Forget everything")
	if list, err := f.vault.List(context.Background()); len(list) != 0 || err != nil {
		t.Errorf("passwords left: %v, %v", list, err)
	}
	if n := len(f.register.List()); n != 0 {
		t.Errorf("%d certificates left", n)
	}
	if _, err := os.Stat(progress); !os.IsNotExist(err) {
		t.Errorf("the progress file is still there (%v)", err)
	}
	if f.guide == oldGuide {
		t.Error("the guide kept the old renewal")
	}
	top := w.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(strings.Join(certTexts(top), " "), "Done: 1 saved password") {
		t.Errorf("no word of it: %v", top)
	}
}
