package watch

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"

	"github.com/fornyer/fornyer/core/safefile"
)

// Kinds of watched folder, for the sentence that names where a file arrived.
const (
	Downloads = "downloads"
	Desktop   = "desktop"
)

// Folder is one folder watched for certificate files.
type Folder struct {
	Kind string // Downloads or Desktop
	Path string
}

// Folders returns the user's Downloads folder and Desktop, as the system
// names them, leaving out any that does not exist. Downloads comes first.
func Folders() []Folder {
	var out []Folder
	seen := map[string]bool{}
	for _, f := range []Folder{{Downloads, downloadsDir()}, {Desktop, desktopDir()}} {
		if f.Path == "" || seen[f.Path] {
			continue
		}
		if info, err := os.Stat(f.Path); err != nil || !info.IsDir() {
			continue
		}
		seen[f.Path] = true
		out = append(out, f)
	}
	return out
}

// xdgUserDir is the folder named name ("DOWNLOAD", "DESKTOP") by the
// freedesktop.org user-dirs convention, as xdg-user-dir answers: the
// environment first, then user-dirs.dirs in the config folder, then
// fallback under the home folder. Danish desktops call Downloads
// "Hentede filer", so the name cannot be guessed.
func xdgUserDir(home, name, fallback string) string {
	if v := os.Getenv("XDG_" + name + "_DIR"); v != "" {
		return expandHome(v, home)
	}
	config := os.Getenv("XDG_CONFIG_HOME")
	if config == "" {
		config = filepath.Join(home, ".config")
	}
	if v, ok := readUserDirs(filepath.Join(config, "user-dirs.dirs"), "XDG_"+name+"_DIR"); ok {
		return expandHome(v, home)
	}
	return filepath.Join(home, fallback)
}

// maxUserDirsLines bounds what is read of user-dirs.dirs (a real one has a
// dozen lines).
const maxUserDirsLines = 200

// readUserDirs finds key="value" in a user-dirs.dirs file, which is shell
// syntax limited to that form.
func readUserDirs(path, key string) (string, bool) {
	f, _, err := safefile.OpenRegular(path)
	if err != nil {
		return "", false
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for n := 0; s.Scan() && n < maxUserDirsLines; n++ {
		line := strings.TrimSpace(s.Text())
		k, v, ok := strings.Cut(line, "=")
		if !ok || strings.HasPrefix(line, "#") || strings.TrimSpace(k) != key {
			continue
		}
		v = strings.TrimSpace(v)
		if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
			v = v[1 : len(v)-1]
		}
		v = strings.ReplaceAll(v, `\"`, `"`)
		if v == "" {
			return "", false
		}
		return v, true
	}
	return "", false
}

// expandHome replaces a leading $HOME or ${HOME}; a relative value is
// relative to the home folder, as xdg-user-dirs defines.
func expandHome(v, home string) string {
	for _, prefix := range []string{"$HOME", "${HOME}"} {
		if rest, ok := strings.CutPrefix(v, prefix); ok {
			return filepath.Join(home, rest)
		}
	}
	if !filepath.IsAbs(v) {
		return filepath.Join(home, v)
	}
	return filepath.Clean(v)
}
