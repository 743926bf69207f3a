package forget

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/register/registertest"
	"github.com/fornyer/fornyer/core/vault"
)

// kept is a storage folder as the window leaves it: a register with
// certificates, a damaged copy of it, the progress, the preferences.
type kept struct {
	dir, register, aside, progress, prefs string
}

func newKept(t *testing.T) kept {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "dk.fornyer.app")
	k := kept{dir: dir, register: filepath.Join(dir, register.FileName),
		aside:    filepath.Join(dir, register.FileName+".damaged-20261201T100000Z"),
		progress: filepath.Join(dir, "guide-progress.json"), prefs: filepath.Join(dir, "preferences.json")}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := registertest.Write(k.register, registertest.Certificates(3, time.Now())); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{k.aside, k.progress, k.prefs} {
		if err := os.WriteFile(p, []byte("{}"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return k
}

func exists(p string) bool { _, err := os.Stat(p); return err == nil }

func TestEverythingForgetsPasswordsRegisterAndProgress(t *testing.T) {
	keyring.MockInit()
	t.Cleanup(keyring.MockInit)
	ctx := context.Background()
	v := vault.New()
	fp := strings.Repeat("ab", 32)
	if err := v.Save(ctx, vault.CertificateID(fp), "Firma A/S", "cert-pw"); err != nil {
		t.Fatal(err)
	}
	if err := v.Save(ctx, vault.PendingID("r1"), "", "pending-pw"); err != nil {
		t.Fatal(err)
	}
	// Saved by an older Fornyer, missing from the list; and another
	// program's item, which must stay.
	if err := keyring.Set(vault.Service, "sha256:"+strings.Repeat("cd", 32), "stray-pw"); err != nil {
		t.Fatal(err)
	}
	if err := keyring.Set("Another program", "x", "theirs"); err != nil {
		t.Fatal(err)
	}

	k := newKept(t)
	reg, err := register.Open(k.register)
	if err != nil || len(reg.List()) != 3 {
		t.Fatalf("register: %d certificates, %v", len(reg.List()), err)
	}
	told := 0
	reg.Watch("test", func() { told++ })

	r, err := Everything(ctx, v, reg, k.progress)
	if err != nil {
		t.Fatal(err)
	}
	if r != (Result{Passwords: 2, Register: true, Progress: true}) {
		t.Errorf("Result = %+v", r)
	}
	for _, id := range []string{vault.CertificateID(fp), vault.PendingID("r1"), "index", "sha256:" + strings.Repeat("cd", 32)} {
		if _, err := keyring.Get(vault.Service, id); !errors.Is(err, keyring.ErrNotFound) {
			t.Errorf("%s is still in the credential store (%v)", id, err)
		}
	}
	if got, err := keyring.Get("Another program", "x"); got != "theirs" || err != nil {
		t.Errorf("another program's item: %q, %v", got, err)
	}
	for _, p := range []string{k.register, k.aside, k.progress} {
		if exists(p) {
			t.Errorf("%s is still there", filepath.Base(p))
		}
	}
	if !exists(k.prefs) {
		t.Error("the preferences were deleted")
	}
	if len(reg.List()) != 0 || told != 1 {
		t.Errorf("the open register holds %d certificates, watchers told %d times", len(reg.List()), told)
	}
	// A change after forgetting writes a register of its own, not the old one.
	if err := reg.Upsert(registertest.Certificates(1, time.Now())[0]); err != nil {
		t.Fatal(err)
	}
	if certs, _ := register.Read(k.register); len(certs) != 1 {
		t.Errorf("after a new change the register holds %d certificates", len(certs))
	}

	// Again, with nothing left: nothing found, no error, no folder made.
	gone := filepath.Join(t.TempDir(), "never", register.FileName)
	empty, _ := register.Open(gone)
	r, err = Everything(ctx, v, empty, filepath.Join(filepath.Dir(gone), "guide-progress.json"))
	if err != nil || r != (Result{}) {
		t.Errorf("nothing to forget: %+v, %v", r, err)
	}
	if exists(filepath.Dir(gone)) {
		t.Error("forgetting made the storage folder")
	}
}

// A credential store that refuses: nothing else changes, so the register
// still says which passwords are saved, and the user can try again.
func TestEverythingChangesNothingWhenTheStoreFails(t *testing.T) {
	keyring.MockInitWithError(errors.New("org.freedesktop.Secret.Error.IsLocked"))
	t.Cleanup(keyring.MockInit)
	k := newKept(t)
	reg, _ := register.Open(k.register)
	r, err := Everything(context.Background(), vault.New(), reg, k.progress)
	if !errors.Is(err, vault.ErrUnavailable) || !NothingDeleted(err) {
		t.Errorf("err = %v, want vault.ErrUnavailable, nothing deleted", err)
	}
	if r != (Result{}) {
		t.Errorf("Result = %+v", r)
	}
	for _, p := range []string{k.register, k.aside, k.progress, k.prefs} {
		if !exists(p) {
			t.Errorf("%s was deleted", filepath.Base(p))
		}
	}
	if len(reg.List()) != 3 {
		t.Errorf("the open register holds %d certificates", len(reg.List()))
	}
}
