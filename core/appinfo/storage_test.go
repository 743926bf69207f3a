package appinfo

import (
	"errors"
	"path/filepath"
	"testing"
)

func TestStorageDirPerSystem(t *testing.T) {
	home := func() (string, error) { return filepath.FromSlash("/home/anna"), nil }
	config := func() (string, error) { return filepath.FromSlash("/home/anna/.cfg"), nil }
	for goos, want := range map[string]string{
		"linux":   "/home/anna/.cfg/fyne/dk.fornyer.app",
		"freebsd": "/home/anna/.cfg/fyne/dk.fornyer.app",
		"windows": "/home/anna/AppData/Roaming/fyne/dk.fornyer.app",
		"darwin":  "/home/anna/Library/Preferences/fyne/dk.fornyer.app",
	} {
		got, err := storageDir(goos, home, config)
		if err != nil || got != filepath.FromSlash(want) {
			t.Errorf("%s: %q, %v; want %q", goos, got, err, want)
		}
	}
	broken := func() (string, error) { return "", errors.New("no home") }
	for _, goos := range []string{"linux", "windows", "darwin"} {
		if _, err := storageDir(goos, broken, broken); err == nil {
			t.Errorf("%s: no error without a home folder", goos)
		}
	}
}

// On this machine, the folder follows XDG_CONFIG_HOME (or HOME) as Fyne's does.
func TestStorageDirFollowsEnvironment(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	t.Setenv("HOME", dir)
	t.Setenv("USERPROFILE", dir)
	got, err := StorageDir()
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(got) != ID || !filepath.IsAbs(got) || len(got) <= len(dir) || got[:len(dir)] != dir {
		t.Errorf("StorageDir = %q, want under %q", got, dir)
	}
}
