package receipt

import (
	"bufio"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/fornyer/fornyer/core/safefile"
)

// DocumentsDir returns the user's Documents folder, where receipts go unless
// the user picks another: the Known Folder on Windows (which may have been
// moved, for example to OneDrive), ~/Documents on macOS, and the XDG
// documents folder on Linux, which is named in the user's language
// ("~/Dokumenter"). When that folder does not exist it falls back to the
// home folder; "" only when there is no home either.
func DocumentsDir() string {
	home, _ := os.UserHomeDir()
	for _, dir := range documentsCandidates(home, runtime.GOOS, os.Getenv) {
		if st, err := os.Stat(dir); err == nil && st.IsDir() {
			return dir
		}
	}
	return home
}

func documentsCandidates(home, goos string, getenv func(string) string) []string {
	var out []string
	if d := knownDocuments(); d != "" {
		out = append(out, d)
	}
	if goos != "windows" && goos != "darwin" && home != "" {
		if d := xdgDocuments(home, getenv); d != "" {
			out = append(out, d)
		}
	}
	if home != "" {
		out = append(out, filepath.Join(home, "Documents"))
	}
	return out
}

// xdgDocuments reads XDG_DOCUMENTS_DIR from the environment or from
// user-dirs.dirs, as xdg-user-dirs writes it: XDG_DOCUMENTS_DIR="$HOME/Dokumenter".
func xdgDocuments(home string, getenv func(string) string) string {
	if d := getenv("XDG_DOCUMENTS_DIR"); d != "" {
		return expandHome(d, home)
	}
	config := getenv("XDG_CONFIG_HOME")
	if config == "" {
		config = filepath.Join(home, ".config")
	}
	f, _, err := safefile.OpenRegular(filepath.Join(config, "user-dirs.dirs"))
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		v, ok := strings.CutPrefix(line, "XDG_DOCUMENTS_DIR=")
		if !ok {
			continue
		}
		v = strings.Trim(v, `"`)
		if d := expandHome(v, home); d != home { // "$HOME/" means "not set"
			return d
		}
	}
	return ""
}

func expandHome(p, home string) string {
	if rest, ok := strings.CutPrefix(p, "$HOME"); ok {
		return filepath.Clean(home + rest)
	}
	if !filepath.IsAbs(p) {
		return ""
	}
	return filepath.Clean(p)
}
