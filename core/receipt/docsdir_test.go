package receipt

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestDocumentsCandidates(t *testing.T) {
	home := t.TempDir()
	env := map[string]string{}
	getenv := func(k string) string { return env[k] }

	if got := documentsCandidates(home, "darwin", getenv); len(got) != 1 || got[0] != filepath.Join(home, "Documents") {
		t.Errorf("macOS: %q", got)
	}
	// Linux without user-dirs: ~/Documents.
	if got := documentsCandidates(home, "linux", getenv); len(got) != 1 || got[0] != filepath.Join(home, "Documents") {
		t.Errorf("linux, no user-dirs: %q", got)
	}
	// A Danish desktop names it Dokumenter in user-dirs.dirs.
	if err := os.MkdirAll(filepath.Join(home, ".config"), 0o700); err != nil {
		t.Fatal(err)
	}
	dirs := "# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/Skrivebord\"\nXDG_DOCUMENTS_DIR=\"$HOME/Dokumenter\"\n"
	if err := os.WriteFile(filepath.Join(home, ".config", "user-dirs.dirs"), []byte(dirs), 0o600); err != nil {
		t.Fatal(err)
	}
	if got := documentsCandidates(home, "linux", getenv); got[0] != filepath.Join(home, "Dokumenter") {
		t.Errorf("linux, Danish user-dirs: %q", got)
	}
	// "$HOME/" means the feature is switched off.
	os.WriteFile(filepath.Join(home, ".config", "user-dirs.dirs"), []byte("XDG_DOCUMENTS_DIR=\"$HOME/\"\n"), 0o600)
	if got := documentsCandidates(home, "linux", getenv); got[0] != filepath.Join(home, "Documents") {
		t.Errorf("linux, documents dir off: %q", got)
	}
	env["XDG_DOCUMENTS_DIR"] = "/srv/docs"
	if got := documentsCandidates(home, "linux", getenv); got[0] != "/srv/docs" {
		t.Errorf("XDG_DOCUMENTS_DIR: %q", got)
	}
}

func TestDocumentsDirExists(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows asks for the Known Folder, not HOME")
	}
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, "nope"))
	t.Setenv("XDG_DOCUMENTS_DIR", "")
	if got := DocumentsDir(); got != home {
		t.Errorf("without a Documents folder: %q, want the home folder %q", got, home)
	}
	os.Mkdir(filepath.Join(home, "Documents"), 0o700)
	if got := DocumentsDir(); got != filepath.Join(home, "Documents") {
		t.Errorf("DocumentsDir = %q", got)
	}
}
