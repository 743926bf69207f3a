// Package fattest mounts a real FAT file system for tests: a fresh image
// made by mkfs.vfat, mounted with fusefat (as root, with /dev/fuse; the
// kernel's vfat module cannot be loaded in every sandbox, so a loop mount
// is not possible). CI's FAT step (.ci/steps/65-fat.sh) runs the tests
// that use it; elsewhere they skip, saying why.
package fattest

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Mount mounts a fresh 32 MB FAT image and returns the mount point, which
// is unmounted when the test ends; it skips the test when the tools, root
// or /dev/fuse are missing, or the mount turns out to have hard links.
func Mount(t testing.TB) string {
	t.Helper()
	for _, tool := range []string{"mkfs.vfat", "fusefat", "fusermount"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (scripts/deps.sh fat)", tool)
		}
	}
	if os.Geteuid() != 0 {
		t.Skip("mounting a FAT image needs root")
	}
	if _, err := os.Stat("/dev/fuse"); err != nil {
		t.Skip("no /dev/fuse")
	}
	work := t.TempDir()
	img := filepath.Join(work, "stick.img")
	mnt := filepath.Join(work, "stick")
	if err := os.Mkdir(mnt, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(img, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(img, 32<<20); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mkfs.vfat", img).CombinedOutput(); err != nil {
		t.Skipf("mkfs.vfat: %v %s", err, out)
	}
	if out, err := exec.Command("fusefat", "-o", "rw+", img, mnt).CombinedOutput(); err != nil {
		t.Skipf("fusefat cannot mount here: %v %s", err, out)
	}
	t.Cleanup(func() {
		// Lazy: detached at once, even while fusefat still finishes a
		// write; no retrying on a clock.
		if out, err := exec.Command("fusermount", "-u", "-z", mnt).CombinedOutput(); err != nil {
			t.Errorf("could not unmount %s: %v %s", mnt, err, out)
		}
	})
	probe := filepath.Join(mnt, "probe")
	if err := os.WriteFile(probe, []byte("x"), 0o600); err != nil {
		t.Fatalf("writing on the mounted image: %v", err)
	}
	if err := os.Link(probe, probe+"2"); err == nil || errors.Is(err, os.ErrExist) {
		t.Skip("the mounted file system has hard links: not FAT")
	}
	if err := os.Remove(probe); err != nil {
		t.Fatal(err)
	}
	return mnt
}
