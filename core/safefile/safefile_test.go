package safefile

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestWriteNewNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	first, err := WriteNew(dir, "cert.p12", []byte("one"))
	if err != nil {
		t.Fatal(err)
	}
	second, err := WriteNew(dir, "cert.p12", []byte("two"))
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(first) != "cert.p12" || filepath.Base(second) != "cert (2).p12" {
		t.Fatalf("names: %s, %s", first, second)
	}
	if b, _ := os.ReadFile(first); string(b) != "one" {
		t.Errorf("first file changed to %q", b)
	}
	if b, _ := os.ReadFile(second); string(b) != "two" {
		t.Errorf("second file holds %q", b)
	}
	assertNoTemp(t, dir)
}

func TestWriteNewRemovesACopyThatFailsVerification(t *testing.T) {
	dir := t.TempDir()
	w := Writer{BeforeVerify: func(path string) {
		b, _ := os.ReadFile(path)
		b[0] ^= 0xff
		os.WriteFile(path, b, 0o600)
	}}
	_, err := w.WriteNew(dir, "cert.p12", []byte("payload"))
	if !errors.Is(err, ErrVerify) {
		t.Fatalf("got %v, want ErrVerify", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "cert.p12")); !os.IsNotExist(err) {
		t.Fatalf("damaged copy left under the final name: %v", err)
	}
	assertNoTemp(t, dir)
}

func TestWriteNewReportsAVanishedFile(t *testing.T) {
	dir := t.TempDir()
	w := Writer{BeforeVerify: func(path string) { os.Remove(path) }}
	if _, err := w.WriteNew(dir, "a.pdf", []byte("x")); err == nil {
		t.Fatal("a file that vanished before read-back was called safe")
	}
}

func TestWriteNewReadOnlyFolder(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("root and Windows ignore folder permissions")
	}
	dir := t.TempDir()
	os.Chmod(dir, 0o500)
	defer os.Chmod(dir, 0o700)
	if _, err := WriteNew(dir, "a.pdf", []byte("x")); err == nil {
		t.Fatal("write to a read-only folder succeeded")
	}
}

func TestWriteNewMissingFolder(t *testing.T) {
	if _, err := WriteNew(filepath.Join(t.TempDir(), "gone"), "a.pdf", []byte("x")); err == nil {
		t.Fatal("write to a missing folder succeeded")
	}
}

func TestWriteNewRefusesPathsAsNames(t *testing.T) {
	for _, name := range []string{"", ".", "..", "../x", "a/b"} {
		if _, err := WriteNew(t.TempDir(), name, []byte("x")); err == nil {
			t.Errorf("name %q accepted", name)
		}
	}
}

func TestReplace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "state.json")
	for _, content := range []string{"old", "new"} {
		if err := Replace(path, []byte(content)); err != nil {
			t.Fatal(err)
		}
		if b, _ := os.ReadFile(path); !bytes.Equal(b, []byte(content)) {
			t.Fatalf("got %q want %q", b, content)
		}
	}
	assertNoTemp(t, filepath.Dir(path))
}

func TestNumbered(t *testing.T) {
	cases := map[int][2]string{
		1: {"a.p12", "a.p12"},
		2: {"a.p12", "a (2).p12"},
		3: {"archive.tar", "archive (3).tar"},
		4: {"noext", "noext (4)"},
	}
	for i, c := range cases {
		if got := Numbered(c[0], i); got != c[1] {
			t.Errorf("Numbered(%q, %d) = %q, want %q", c[0], i, got, c[1])
		}
	}
}

func assertNoTemp(t *testing.T, dir string) {
	t.Helper()
	left, _ := filepath.Glob(filepath.Join(dir, ".fornyer-*"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// nonASCII refuses names as fusefat does: any letter outside ASCII.
func nonASCII(name string) bool {
	for _, r := range name {
		if r >= 0x80 {
			return true
		}
	}
	return false
}

// A folder that takes the file's bytes but refuses its name (fusefat and
// "æ") gets the file under its plain name, verified; a later one of the
// same name is numbered in the plain name's series.
func TestWriteNewUnderThePlainNameWhereTheNameIsRefused(t *testing.T) {
	dir := t.TempDir()
	w := Writer{Refuses: nonASCII}
	path, plain, err := w.WriteNamed(dir, "Fornyet certifikat æøå.p12", []byte("one"))
	if err != nil {
		t.Fatal(err)
	}
	if !plain || filepath.Base(path) != "Fornyet certifikat aeoa.p12" {
		t.Fatalf("written to %s (plain %v), want the plain name", path, plain)
	}
	if b, _ := os.ReadFile(path); string(b) != "one" {
		t.Errorf("the file holds %q", b)
	}
	second, err := w.WriteNew(dir, "Fornyet certifikat æøå.p12", []byte("two"))
	if err != nil || filepath.Base(second) != "Fornyet certifikat aeoa (2).p12" {
		t.Fatalf("second write: %s, %v", second, err)
	}
	if got, ok := FindSame(dir, Names("Fornyet certifikat æøå.p12")[1], []byte("one")); !ok || got != path {
		t.Errorf("FindSame under the plain name: %s, %v", got, ok)
	}
	assertNoTemp(t, dir)

	// A name that is plain already is written as it is.
	path, plain, err = w.WriteNamed(dir, "plain.p12", []byte("x"))
	if err != nil || plain || filepath.Base(path) != "plain.p12" {
		t.Errorf("plain name: %s, %v, %v", path, plain, err)
	}
}

// A folder that refuses every name says so, not that it is write-protected,
// and keeps nothing.
func TestWriteNewWhereEveryNameIsRefused(t *testing.T) {
	dir := t.TempDir()
	w := Writer{Refuses: func(string) bool { return true }}
	_, plain, err := w.WriteNamed(dir, "Fornyet certifikat æøå.p12", []byte("one"))
	if !errors.Is(err, ErrNameRefused) || plain {
		t.Fatalf("got %v (plain %v), want ErrNameRefused", err, plain)
	}
	if got := WhyWrite(err); got != WhyNameRefused {
		t.Errorf("WhyWrite = %q, want %q", got, WhyNameRefused)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left in the folder: %v", entries)
	}
}

func TestPlainName(t *testing.T) {
	for in, want := range map[string]string{
		"Fornyet certifikat æøå.p12": "Fornyet certifikat aeoa.p12",
		"日本.p12":                     "file.p12",
		"a.pdf":                      "a.pdf",
	} {
		if got := PlainName(in); got != want {
			t.Errorf("PlainName(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Names("a.pdf"); len(got) != 1 {
		t.Errorf("Names of a plain name: %q", got)
	}
}
