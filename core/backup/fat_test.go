package backup

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/fornyer/fornyer/core/testpki"
	"github.com/fornyer/fornyer/internal/fattest"
)

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
	if b, err := os.ReadFile(res.Path(KindCopy)); err != nil || !bytes.Equal(b, f.data) {
		t.Errorf("the copy on the stick does not read back as the original (%v)", err)
	}
}
