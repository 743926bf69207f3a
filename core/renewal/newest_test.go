package renewal

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"software.sslmate.com/src/go-pkcs12"

	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/testpki"
	"github.com/fornyer/fornyer/core/watch"
)

// Z8: the download card proposes the newest certificate file in Downloads
// to check, but never one that fails its check before any password (a
// download broken off, a file that is no certificate): the next newest is
// proposed instead, and none when only such files are there. A file whose
// password is not known yet is not damaged.
func TestTheNewestToCheckPassesOverADamagedFile(t *testing.T) {
	chain := testpki.NewChain(t, false)
	leaf := chain.Issuing.Issue(t, testpki.LeafOptions{NotBefore: time.Now().Add(-time.Minute)})
	good := testpki.PFX(t, pkcs12.Modern, leaf, chain.CACerts(), "pw")
	dir := t.TempDir()
	write := func(name string, data []byte, age time.Duration) string {
		t.Helper()
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		at := time.Now().Add(-age)
		if err := os.Chtimes(path, at, at); err != nil {
			t.Fatal(err)
		}
		return path
	}
	folders := []watch.Folder{{Path: dir}}

	broken := write("Firma (1).p12", good[:len(good)/2], time.Minute)
	write("notes.pfx", []byte("not a certificate"), 2*time.Minute)
	if a, ok := NewestToCheck(folders, nil, nil); ok {
		t.Errorf("only damaged files, yet proposed %s", a.Path)
	}
	whole := write("Firma.p12", good, time.Hour)
	for path, want := range map[string]bool{broken: true, filepath.Join(dir, "notes.pfx"): true, whole: false, filepath.Join(dir, "gone.p12"): true} {
		if got := inspect.Damaged(path); got != want {
			t.Errorf("Damaged(%s) = %v, want %v", filepath.Base(path), got, want)
		}
	}
	if a, ok := NewestToCheck(folders, nil, nil); !ok || a.Path != whole {
		t.Errorf("proposed %v %s, want the whole file %s", ok, a.Path, whole)
	}
	newer := write("Firma (2).p12", good, 0)
	if a, _ := NewestToCheck(folders, nil, nil); a.Path != newer {
		t.Errorf("proposed %s, want the newest whole file %s", a.Path, newer)
	}
}

// Walk W5: a file the user said is not the renewal's ("No, it is another
// file", or kept apart as another organisation's), where the register
// records it, is not proposed as the newest to check: the file before it
// is.
func TestTheNewestToCheckPassesOverADeclinedFile(t *testing.T) {
	chain := testpki.NewChain(t, false)
	leaf := chain.Issuing.Issue(t, testpki.LeafOptions{NotBefore: time.Now().Add(-time.Minute)})
	good := testpki.PFX(t, pkcs12.Modern, leaf, chain.CACerts(), "pw")
	dir := t.TempDir()
	ours, theirs := filepath.Join(dir, "Firma.p12"), filepath.Join(dir, "Anden Virksomhed ApS.p12")
	for i, path := range []string{ours, theirs} {
		if err := os.WriteFile(path, good, 0o600); err != nil {
			t.Fatal(err)
		}
		at := time.Now().Add(time.Duration(i-2) * time.Minute)
		if err := os.Chtimes(path, at, at); err != nil {
			t.Fatal(err)
		}
	}
	folders := []watch.Folder{{Path: dir}}
	sha := strings.Repeat("d4", 32)
	certs := []register.Certificate{{SHA256: sha, File: &register.FileRef{Path: theirs}}}
	p := atDownload()
	if a, _ := NewestToCheck(folders, certs, p); a.Path != theirs {
		t.Fatalf("not answered: proposed %s, want the newest", a.Path)
	}
	p.SetAnswer(sha, false)
	if a, _ := NewestToCheck(folders, certs, p); a.Path != ours {
		t.Errorf("declined: proposed %s, want %s", a.Path, ours)
	}
	certs[0].Apart = true
	if a, _ := NewestToCheck(folders, certs, nil); a.Path != ours {
		t.Errorf("kept apart: proposed %s, want %s", a.Path, ours)
	}
}
