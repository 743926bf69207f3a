//go:build unix

package instance

import (
	"os"
	"path/filepath"
	"testing"
)

// A folder another user made is not taken over: its owner could take the
// socket and receive the files handed over (issue 24, 5). Making a folder
// someone else's needs root; elsewhere a link to a folder stands in.
func TestOthersFolderRefused(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "fornyer")
	if err := os.Mkdir(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	if os.Getuid() != 0 {
		t.Skip("only root can give a folder to another user")
	}
	if err := os.Chown(dir, 4242, 4242); err != nil {
		t.Fatal(err)
	}
	if l, err := Claim(dir, nil); err == nil {
		l.Close()
		t.Fatal("claimed a folder owned by another user")
	}
	if _, err := os.Stat(socketPath(dir)); !os.IsNotExist(err) {
		t.Error("listened in another user's folder")
	}
}

// A link where the folder should be is not followed.
func TestLinkedFolderRefused(t *testing.T) {
	base := t.TempDir()
	target := filepath.Join(base, "elsewhere")
	os.Mkdir(target, 0o700)
	dir := filepath.Join(base, "fornyer")
	if err := os.Symlink(target, dir); err != nil {
		t.Skip(err)
	}
	if l, err := Claim(dir, nil); err == nil {
		l.Close()
		t.Fatal("claimed through a link")
	}
}
