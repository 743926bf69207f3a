//go:build linux

package backup

import (
	"os"
	"syscall"
	"testing"
)

// A RAM disk (/dev/shm) is another file system than the test's temporary
// folder on any machine where their devices differ: then the backup is not
// on the same disk.
func TestSameDiskTellsFileSystemsApart(t *testing.T) {
	dir := t.TempDir()
	if !sameDisk(dir, dir) {
		t.Fatal("a folder is not on its own disk")
	}
	if sameDisk(dir, dir+"/missing") {
		t.Error("a missing folder is said to be on the same disk")
	}
	var a, b syscall.Stat_t
	if syscall.Stat(dir, &a) != nil || syscall.Stat("/dev/shm", &b) != nil || a.Dev == b.Dev {
		t.Skip("no second file system here")
	}
	shm, err := os.MkdirTemp("/dev/shm", "fornyer-")
	if err != nil {
		t.Skip(err)
	}
	t.Cleanup(func() { os.RemoveAll(shm) })
	if sameDisk(dir, shm) {
		t.Errorf("%s and %s are said to be on one disk", dir, shm)
	}
}
