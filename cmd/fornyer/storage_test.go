//go:build !ci

package main

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/app"

	"github.com/fornyer/fornyer/core/appinfo"
	"github.com/fornyer/fornyer/core/register"
)

// The command line finds the window's register: core's rule for the app's
// storage folder is where the real Fyne app keeps its storage. (Under the
// ci build tag Fyne keeps it in a temporary folder instead.)
func TestCoreStorageRuleIsFynes(t *testing.T) {
	// Fyne creates its folders on goroutines of its own: remove them
	// afterwards as far as they are there, rather than with t.TempDir's
	// strict cleanup.
	dir, err := os.MkdirTemp("", "fornyer-storage-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(dir) })
	t.Setenv("XDG_CONFIG_HOME", dir)
	t.Setenv("HOME", dir)
	t.Setenv("USERPROFILE", dir)
	a := app.NewWithID(appinfo.ID)
	fyneRoot := a.Storage().RootURI().Path()
	want, err := appinfo.StorageDir()
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Clean(fyneRoot) != filepath.Clean(want) {
		t.Errorf("Fyne keeps the app's files in %s, core looks in %s", fyneRoot, want)
	}
	if p, _ := register.DefaultPath(); filepath.Dir(p) != filepath.Clean(fyneRoot) {
		t.Errorf("register.DefaultPath %s is not in Fyne's storage %s", p, fyneRoot)
	}
}
