package backup

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/fornyer/fornyer/core/safefile"
	"github.com/fornyer/fornyer/core/testpki"
	"github.com/fornyer/fornyer/internal/fattest"
)

// A name a FAT stick cannot store gets a name it can, rather than failing
// as a write-protected stick (issue 24, 7).
func TestBackupNameFitsEveryFileSystem(t *testing.T) {
	f := goFixture(t)
	src := testpki.WriteFile(t, "a:b?.p12", f.data)
	res, err := Backup(context.Background(), src, f.dir, Options{Password: password, PublicCopies: true})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, file := range res.Files {
		got = append(got, filepath.Base(file.Path))
	}
	if want := []string{"a b.p12", "a b.cer", "a b.pem"}; !slices.Equal(got, want) {
		t.Errorf("backup files %q, want %q", got, want)
	}
}

// A backup removes what an interrupted backup left in its folder (our
// temporary files, old enough that no write is still filling them) and
// nothing else.
func TestBackupCleansLeftTemporaryFiles(t *testing.T) {
	f := goFixture(t)
	old := time.Now().Add(-24 * time.Hour)
	write := func(name string, at time.Time) {
		path := filepath.Join(f.dir, name)
		if err := os.WriteFile(path, make([]byte, 1<<20), 0o600); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(path, at, at)
	}
	write(".fornyer-4170112345.tmp", old) // an unplugged stick's: goes
	write(".fornyer-99.tmp", time.Now())  // another backup under way: stays
	write(".fornyer-notes.tmp", old)      // the user's: stays
	write("fornyer-123.tmp", old)         // the user's: stays
	write("elsewhere.tmp", old)
	if err := os.Symlink(filepath.Join(f.dir, "elsewhere.tmp"), filepath.Join(f.dir, ".fornyer-42.tmp")); err != nil {
		t.Fatal(err)
	}
	if _, err := Backup(context.Background(), f.src, f.dir, Options{Password: password}); err != nil {
		t.Fatal(err)
	}
	got := names(t, f.dir)
	want := []string{".fornyer-42.tmp", ".fornyer-99.tmp", ".fornyer-notes.tmp", "Fornyer Testfirma ApS.p12", "elsewhere.tmp", "fornyer-123.tmp"}
	if !slices.Equal(got, want) {
		t.Errorf("left in the folder: %q, want %q", got, want)
	}
}

// A backup onto a real FAT stick (a mounted FAT image; CI's FAT step runs
// it): a file named as FAT cannot store ("a:b?.p12") is backed up under a
// name it can, each file reads back as written, and the temporary file an
// unplugged stick kept from an earlier backup is gone (issue 24, 7).
func TestBackupOntoFAT(t *testing.T) {
	stick := fattest.Mount(t)
	f := goFixture(t)
	src := testpki.WriteFile(t, "a:b?.p12", f.data)
	left := filepath.Join(stick, ".fornyer-4170112345.tmp")
	if err := os.WriteFile(left, make([]byte, 1<<20), 0o600); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-24 * time.Hour)
	if err := os.Chtimes(left, old, old); err != nil {
		t.Fatal(err)
	}
	res, err := Backup(context.Background(), src, stick, Options{Password: password, PublicCopies: true})
	if err != nil {
		t.Fatalf("backup onto FAT: %v", err)
	}
	if got, want := names(t, stick), []string{"a b.cer", "a b.p12", "a b.pem"}; !slices.Equal(got, want) {
		t.Errorf("on the stick: %q, want %q", got, want)
	}
	if b, err := os.ReadFile(pathOf(res, KindCopy)); err != nil || !bytes.Equal(b, f.data) {
		t.Errorf("the copy on the stick does not read back as the original (%v)", err)
	}
}

// refusesNonASCII is a file system that takes bytes but refuses names
// outside ASCII, as fusefat does with "æ".
var refusesNonASCII = safefile.Writer{Refuses: func(name string) bool {
	return strings.ContainsFunc(name, func(r rune) bool { return r >= 0x80 })
}}

// A stick that refuses the file's name (X3: fusefat and "æøå") gets the
// backup under the plain name, verified, and the result says so; a second
// backup to it finds that copy instead of failing or writing it again.
func TestBackupUnderThePlainNameWhereTheNameIsRefused(t *testing.T) {
	f := goFixture(t)
	src := testpki.WriteFile(t, "Fornyet certifikat æøå.p12", f.data)
	opts := Options{Password: password, PublicCopies: true, Writer: refusesNonASCII}
	res, err := Backup(context.Background(), src, f.dir, opts)
	if err != nil {
		t.Fatalf("backup where the name is refused: %v", err)
	}
	want := []string{"Fornyet certifikat aeoa.cer", "Fornyet certifikat aeoa.p12", "Fornyet certifikat aeoa.pem"}
	if got := names(t, f.dir); !slices.Equal(got, want) {
		t.Errorf("in the folder: %q, want %q", got, want)
	}
	if !res.PlainNamed() || res.CopyFound() {
		t.Errorf("PlainNamed %v, CopyFound %v: want a new copy under the plain name", res.PlainNamed(), res.CopyFound())
	}
	if b, err := os.ReadFile(pathOf(res, KindCopy)); err != nil || !bytes.Equal(b, f.data) {
		t.Errorf("the copy does not read back as the original (%v)", err)
	}

	again, err := Backup(context.Background(), src, f.dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	if !again.CopyFound() || !again.PlainNamed() || pathOf(again, KindCopy) != pathOf(res, KindCopy) {
		t.Errorf("second backup: found %v, plain %v, at %s", again.CopyFound(), again.PlainNamed(), pathOf(again, KindCopy))
	}
	if got := names(t, f.dir); !slices.Equal(got, want) {
		t.Errorf("after a second backup: %q, want %q", got, want)
	}

	// A name the folder takes is not called plain.
	plain, err := Backup(context.Background(), f.src, t.TempDir(), Options{Password: password, Writer: refusesNonASCII})
	if err != nil || plain.PlainNamed() {
		t.Errorf("a plain name: %v, PlainNamed %v", err, plain != nil && plain.PlainNamed())
	}
}

// A folder that refuses the plain name too says that, not that the stick is
// write-protected, and keeps nothing.
func TestBackupWhereEveryNameIsRefused(t *testing.T) {
	f := goFixture(t)
	_, err := Backup(context.Background(), f.src, f.dir, Options{Password: password, Writer: safefile.Writer{Refuses: func(string) bool { return true }}})
	var be *Error
	if !errors.As(err, &be) || be.Code != CodeNameRefused {
		t.Fatalf("got %v, want %s", err, CodeNameRefused)
	}
	if got := names(t, f.dir); len(got) != 0 {
		t.Errorf("left in the folder: %q", got)
	}
}

// The same on a real FAT stick mounted with fusefat, which refuses "æøå"
// with EPERM after the temporary file is written (CI's FAT step runs it).
func TestBackupOntoFATWhereTheNameIsRefused(t *testing.T) {
	stick := fattest.Mount(t)
	if err := os.WriteFile(filepath.Join(stick, "æ.txt"), nil, 0o600); err == nil {
		t.Skip("this FAT mount stores æ; nothing is refused")
	}
	f := goFixture(t)
	src := testpki.WriteFile(t, "Fornyet certifikat æøå.p12", f.data)
	res, err := Backup(context.Background(), src, stick, Options{Password: password})
	if err != nil {
		t.Fatalf("backup onto FAT: %v", err)
	}
	if got, want := names(t, stick), []string{"Fornyet certifikat aeoa.p12"}; !slices.Equal(got, want) || !res.PlainNamed() {
		t.Errorf("on the stick: %q (plain %v), want %q", got, res.PlainNamed(), want)
	}
	if b, err := os.ReadFile(pathOf(res, KindCopy)); err != nil || !bytes.Equal(b, f.data) {
		t.Errorf("the copy on the stick does not read back as the original (%v)", err)
	}
}
