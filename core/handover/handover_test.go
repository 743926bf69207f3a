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
	if len(got.HandOvers) != 1 || got.HandOvers[0].To != "Acme" || !got.HandOvers[0].At.Equal(at) || got.HandOvers[0].PasswordID != res.PasswordID ||
		got.HandOvers[0].SHA256 != res.File.SHA256 {
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

// A hand-over copy is Fornyer's own writing wherever it is found: known
// from the moment it is written (before the register records it), and
// after a restart by the register's record of its SHA-256, even renamed;
// the original, another file and a copy of an old record's path that
// holds something else are not.
func TestOursKnowsTheHandOverCopy(t *testing.T) {
	keyring.MockInit()
	c := testpki.NewChain(t, false)
	const orig = "Orig-Pass-1"
	src := testpki.WriteFile(t, "Firma.p12", testpki.PFX(t, pkcs12.Modern, c.Organization(t), c.CACerts(), orig))
	rep := inspect.InspectFile(src, inspect.Options{Passwords: []string{orig}})
	cert := register.Certificate{SHA256: rep.Certificate.SHA256, Organization: "Firma", NotAfter: rep.Certificate.NotAfter}

	var seenWriting string
	f, err := backup.HandOverCopy(context.Background(), src, backup.HandOverOptions{
		Passwords: []string{orig}, Passphrase: Password(), To: "Acme", Lang: "en",
		Writing: func(sha string) {
			seenWriting = sha
			remember(sha)
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if seenWriting != f.SHA256 {
		t.Fatalf("told %q before writing, the file is %q", seenWriting, f.SHA256)
	}
	if !Ours(f.Path, nil) {
		t.Error("a copy just written is not known as ours")
	}
	if Ours(src, nil) {
		t.Error("the original is taken for our copy")
	}

	// After a restart: only the register knows it.
	made.Clear()
	if Ours(f.Path, nil) {
		t.Fatal("known without a record")
	}
	moved := filepath.Join(t.TempDir(), "renamed.p12")
	if err := os.Rename(f.Path, moved); err != nil {
		t.Fatal(err)
	}
	rec := cert
	rec.HandOvers = []register.HandOver{{To: "Acme", File: f.Path, SHA256: f.SHA256}}
	if !Ours(moved, []register.Certificate{rec}) {
		t.Error("the register's record of the copy is not recognised")
	}
	old := cert // a record from before the SHA-256 was kept: its path
	old.HandOvers = []register.HandOver{{To: "Acme", File: moved}}
	if !Ours(moved, []register.Certificate{old}) {
		t.Error("an old record's path is not recognised")
	}
	if Ours(src, []register.Certificate{rec}) || Ours(filepath.Join(t.TempDir(), "missing.p12"), []register.Certificate{rec}) {
		t.Error("another file is taken for our copy")
	}
}

// The copy's password is named in the credential store as the copy is,
// without nested brackets (X20).
func TestLabel(t *testing.T) {
	for lang, want := range map[string]string{
		"da": "Fornyer Prøve ApS (kopi til Webshoppen, webbureauet)",
		"en": "Fornyer Prøve ApS (copy for Webshoppen, webbureauet)",
	} {
		if got := Label(lang, " Fornyer Prøve ApS ", "Webshoppen (webbureauet)"); got != want {
			t.Errorf("%s: Label = %q, want %q", lang, got, want)
		}
	}
}
