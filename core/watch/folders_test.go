package watch

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestXDGUserDir(t *testing.T) {
	home := t.TempDir()
	config := filepath.Join(home, "cfg")
	if err := os.MkdirAll(config, 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("XDG_CONFIG_HOME", config)
	t.Setenv("XDG_DOWNLOAD_DIR", "")
	t.Setenv("XDG_DESKTOP_DIR", "")

	if got := xdgUserDir(home, "DOWNLOAD", "Downloads"); got != filepath.Join(home, "Downloads") {
		t.Fatalf("without user-dirs.dirs: %q", got)
	}
	dirs := "# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/Skrivebord\"\nXDG_DOWNLOAD_DIR=\"$HOME/Hentede filer\"\nXDG_MUSIC_DIR=\"/srv/musik\"\n"
	if err := os.WriteFile(filepath.Join(config, "user-dirs.dirs"), []byte(dirs), 0o600); err != nil {
		t.Fatal(err)
	}
	if got := xdgUserDir(home, "DOWNLOAD", "Downloads"); got != filepath.Join(home, "Hentede filer") {
		t.Fatalf("Danish Downloads: %q", got)
	}
	if got := xdgUserDir(home, "DESKTOP", "Desktop"); got != filepath.Join(home, "Skrivebord") {
		t.Fatalf("Danish Desktop: %q", got)
	}
	if got := xdgUserDir(home, "MUSIC", "Music"); got != "/srv/musik" {
		t.Fatalf("absolute: %q", got)
	}
	t.Setenv("XDG_DOWNLOAD_DIR", "/elsewhere/dl")
	if got := xdgUserDir(home, "DOWNLOAD", "Downloads"); got != "/elsewhere/dl" {
		t.Fatalf("environment: %q", got)
	}
}

func TestFoldersLeavesOutMissing(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the freedesktop.org folders")
	}
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, "none"))
	t.Setenv("XDG_DOWNLOAD_DIR", "")
	t.Setenv("XDG_DESKTOP_DIR", "")
	if err := os.Mkdir(filepath.Join(home, "Downloads"), 0o700); err != nil {
		t.Fatal(err)
	}
	got := Folders()
	if len(got) != 1 || got[0].Kind != Downloads || got[0].Path != filepath.Join(home, "Downloads") {
		t.Fatalf("Folders() = %+v", got)
	}
}
