package safefile

// Backups onto FAT and exFAT sticks (issue 15, item 6): no hard links
// there, so the name is created exclusively. Ten writers at once must each
// end with a file of their own holding exactly their bytes.

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"testing"

	"github.com/fornyer/fornyer/internal/fattest"
)

// writeConcurrently runs n WriteNew of different data to the same name in
// dir at once and reports every result that is wrong: an error, a path
// given twice, or a path that does not hold exactly its writer's bytes.
func writeConcurrently(t *testing.T, dir string, n int) (bad []string) {
	t.Helper()
	paths := make([]string, n)
	errs := make([]error, n)
	data := make([][]byte, n)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		data[i] = bytes.Repeat([]byte(fmt.Sprintf("certificate %d;", i)), 200+i)
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			paths[i], errs[i] = WriteNew(dir, "cert.p12", data[i])
		}()
	}
	close(start)
	wg.Wait()
	seen := map[string]int{}
	for i := range n {
		switch got, err := os.ReadFile(paths[i]); {
		case errs[i] != nil:
			bad = append(bad, fmt.Sprintf("writer %d: %v", i, errs[i]))
		case seen[paths[i]] > 0:
			bad = append(bad, fmt.Sprintf("writer %d: %s also given to writer %d", i, paths[i], seen[paths[i]]-1))
		case err != nil:
			bad = append(bad, fmt.Sprintf("writer %d: verified %s is gone: %v", i, paths[i], err))
		case !bytes.Equal(got, data[i]):
			bad = append(bad, fmt.Sprintf("writer %d: verified %s holds another writer's bytes", i, paths[i]))
		}
		seen[paths[i]] = i + 1
	}
	return bad
}

// Without hard links (as on a FAT stick; forced here), ten writers at once
// never overwrite each other.
func TestConcurrentWritesWithoutHardLinks(t *testing.T) {
	saved := link
	link = func(string, string) error { return &os.LinkError{Op: "link", Err: syscall.EPERM} }
	defer func() { link = saved }()
	for round := range 20 {
		dir := t.TempDir()
		if bad := writeConcurrently(t, dir, 10); len(bad) > 0 {
			t.Fatalf("round %d:\n%v", round, bad)
		}
		assertNoTemp(t, dir)
	}
	// An existing file is still never replaced.
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "cert.p12"), []byte("the user's"), 0o600)
	p, err := WriteNew(dir, "cert.p12", []byte("new"))
	if err != nil || filepath.Base(p) != "cert (2).p12" {
		t.Fatalf("%s, %v", p, err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "cert.p12")); string(b) != "the user's" {
		t.Fatal("the existing file was replaced")
	}
}

// On a real FAT file system, ten backups at once each get their own file.
func TestConcurrentWritesOnFAT(t *testing.T) {
	mnt := fattest.Mount(t)
	for round := range 3 {
		dir := filepath.Join(mnt, fmt.Sprint("round", round))
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if bad := writeConcurrently(t, dir, 10); len(bad) > 0 {
			t.Fatalf("round %d: %d of 10 wrong:\n%v", round, len(bad), bad)
		}
	}
}

// MoveAside keeps a file under a new name, never over another, with and
// without hard links.
func TestMoveAside(t *testing.T) {
	for _, links := range []bool{true, false} {
		if !links {
			saved := link
			link = func(string, string) error { return &os.LinkError{Op: "link", Err: syscall.EPERM} }
			defer func() { link = saved }()
		}
		dir := t.TempDir()
		path := filepath.Join(dir, "register.json")
		os.WriteFile(path+".damaged-X", []byte("an earlier one"), 0o600)
		os.WriteFile(path, []byte("damaged"), 0o600)
		moved, err := MoveAside(path, "X")
		if err != nil || moved != path+".damaged-X-2" {
			t.Fatalf("links %v: %s, %v", links, moved, err)
		}
		if b, _ := os.ReadFile(moved); string(b) != "damaged" {
			t.Fatalf("links %v: kept %q", links, b)
		}
		if b, _ := os.ReadFile(path + ".damaged-X"); string(b) != "an earlier one" {
			t.Fatalf("links %v: the earlier file was replaced", links)
		}
		if _, err := os.Stat(path); !os.IsNotExist(err) {
			t.Fatalf("links %v: the original is still there", links)
		}
	}
}
