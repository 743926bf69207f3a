package cli

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"github.com/fornyer/fornyer/core/vault"
)

func TestSavedPasswordsComeFromTheVault(t *testing.T) {
	keyring.MockInit()
	t.Cleanup(keyring.MockInit) // leave an empty store for the other tests
	if savedPasswords() != nil {
		t.Fatal("an empty store gives passwords")
	}
	v := vault.New()
	ctx := context.Background()
	fp := strings.Repeat("ab", 32)
	if err := v.Save(ctx, vault.CertificateID(fp), "Firma A/S", "cert-pw"); err != nil {
		t.Fatal(err)
	}
	if err := v.Save(ctx, vault.PendingID("r1"), "", "pending-pw"); err != nil {
		t.Fatal(err)
	}
	got := SavedPasswords()
	if strings.Join(got, "|") != "pending-pw|cert-pw" {
		t.Errorf("SavedPasswords = %q, want the pending one first", got)
	}
	// core's one order (renewal.Tries): the saved ones, the empty one last.
	tries, _ := passwords(Env{}, passwordFromStore, "x.p12")
	if strings.Join(tries.Passwords(), "|") != "pending-pw|cert-pw|" {
		t.Errorf("passwords tried = %q", tries.Passwords())
	}
}

type hung struct{ release chan struct{} }

func (h hung) Set(_, _, _ string) error        { <-h.release; return nil }
func (h hung) Get(_, _ string) (string, error) { <-h.release; return "", keyring.ErrNotFound }
func (h hung) Delete(_, _ string) error        { <-h.release; return nil }

func TestSavedPasswordsWhenTheStoreFails(t *testing.T) {
	keyring.MockInitWithError(errors.New("no secret service"))
	t.Cleanup(keyring.MockInit)
	if got := savedPasswords(); got != nil {
		t.Errorf("a failing store gives %q", got)
	}

	h := hung{release: make(chan struct{})}
	defer close(h.release)
	old := openVault
	openVault = func() *vault.Vault { return vault.New(vault.WithBackend(h), vault.WithTimeout(20*time.Millisecond)) }
	t.Cleanup(func() { openVault = old })
	if got := savedPasswords(); got != nil {
		t.Errorf("a hung store gives %q", got)
	}
}
