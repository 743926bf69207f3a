package handover

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/zalando/go-keyring"
	pkcs12 "software.sslmate.com/src/go-pkcs12"

	"github.com/fornyer/fornyer/core/backup"
	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/testpki"
	"github.com/fornyer/fornyer/core/vault"
)

// A password is 5 groups of 4 characters of the alphabet, with no
// look-alikes, never twice the same, and at least 90 bits strong.
func TestPasswordShape(t *testing.T) {
	seen := map[string]bool{}
	for range 200 {
		pw := Password()
		groups := strings.Split(pw, "-")
		if len(groups) != Groups {
			t.Fatalf("%q has %d groups", pw, len(groups))
		}
		for _, g := range groups {
			if len(g) != GroupLen || strings.Trim(g, alphabet) != "" {
				t.Fatalf("%q: group %q", pw, g)
			}
		}
		if seen[pw] {
			t.Fatalf("%q twice", pw)
		}
		seen[pw] = true
	}
	if strings.ContainsAny(alphabet, "ilo0125I8BOS") {
		t.Error("the alphabet has look-alikes")
	}
	if bits := float64(Groups*GroupLen) * math.Log2(float64(len(alphabet))); bits < 90 {
		t.Errorf("%.1f bits", bits)
	}
}

// Give makes the copy, saves its password among the certificate's in the
// credential store (the password shown is the one saved, and it opens the
// copy) and records "given to Acme on <date>" in the register, without
// the password; after a restart (the register opened again) it is still
// there.
func TestGiveSavesAndRecords(t *testing.T) {
	keyring.MockInit()
	c := testpki.NewChain(t, false)
	leaf := c.Organization(t)
	const orig = "Orig-Pass-1"
	src := testpki.WriteFile(t, "Firma.p12", testpki.PFX(t, pkcs12.Modern, leaf, c.CACerts(), orig))
	rep := inspect.InspectFile(src, inspect.Options{Passwords: []string{orig}})
	regPath := filepath.Join(t.TempDir(), "register.json")
	reg, err := register.Open(regPath)
	if err != nil {
		t.Fatal(err)
	}
	cert := register.Certificate{SHA256: rep.Certificate.SHA256, Organization: "Firma", NotAfter: rep.Certificate.NotAfter}
	if err := reg.Upsert(cert); err != nil {
		t.Fatal(err)
	}
	v := vault.New()
	at := time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC)
	res, err := Give(context.Background(), Store{Vault: v, Register: reg}, Request{
		File: src, Passwords: []string{orig}, Certificate: cert, To: "Acme", Lang: "en", Now: at,
	})
	if err != nil || res.SaveErr != nil || res.RecordErr != nil {
		t.Fatalf("%v %+v", err, res)
	}
	saved, err := v.Get(context.Background(), res.PasswordID)
	if err != nil || saved != res.Password || !vault.IsHandOver(res.PasswordID) || vault.Opens(res.PasswordID, cert.SHA256) {
		t.Errorf("saved %q under %s: %v", saved, res.PasswordID, err)
	}
	// The credential store names it in the user's words, in their language.
	if es, err := v.List(context.Background()); err != nil || !slices.ContainsFunc(es, func(e vault.Entry) bool {
		return e.ID == res.PasswordID && e.Label == "Firma (copy for Acme)"
	}) {
		t.Errorf("the hand-over's entry is not named \"Firma (copy for Acme)\": %+v %v", es, err)
	}
	r := inspect.InspectFile(res.File.Path, inspect.Options{Passwords: []string{orig, res.Password}})
	if r.PasswordIndex != 1 || r.Certificate.SHA256 != cert.SHA256 {
		t.Errorf("the copy opened with password %d", r.PasswordIndex)
	}
	reg2, _ := register.Open(regPath)
	got, _ := reg2.Get(cert.SHA256)
	if len(got.HandOvers) != 1 || got.HandOvers[0].To != "Acme" || !got.HandOvers[0].At.Equal(at) || got.HandOvers[0].PasswordID != res.PasswordID {
		t.Errorf("recorded %+v", got.HandOvers)
	}
	if b, _ := os.ReadFile(regPath); strings.Contains(string(b), res.Password) {
		t.Error("the password is in the register")
	}
	if _, err := Give(context.Background(), Store{Vault: v, Register: reg}, Request{File: src, Passwords: []string{orig}, Certificate: cert, To: "  "}); err == nil {
		t.Error("a hand-over to nobody was made")
	} else if be, ok := err.(*backup.Error); !ok || be.Code != backup.CodeNoRecipient {
		t.Errorf("to nobody: %v", err)
	}
}
