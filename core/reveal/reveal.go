// Package reveal owns "Show the file in its folder": the system's file
// manager opens the folder with the file selected (Explorer /select,,
// Finder open -R, the freedesktop.org FileManager1 ShowItems call on
// Linux, else the folder opened with xdg-open). The commands are built as
// data (Plan), so that each system's is tested anywhere without running it.
package reveal

import (
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/safetext"
)

// Step is one way to show the file; Show tries a plan's steps in order
// until one works.
type Step struct {
	// DBus, when set, is a session-bus call to the file manager:
	// org.freedesktop.FileManager1.ShowItems(URIs, "").
	DBus []string
	// Name and Args run a program, when DBus is empty.
	Name string
	Args []string
	// CmdLine is the whole command line on Windows, where Explorer parses
	// "/select,<path>" itself and Go's own quoting of arguments would
	// break it; empty elsewhere.
	CmdLine string
}

// Plan is how goos shows path, best first. path must be absolute.
func Plan(goos, path string) []Step {
	switch goos {
	case "windows":
		// Explorer wants `/select,"C:\a b\c.p12"`: the comma glued to the
		// switch, the path quoted as a whole. Windows paths hold no quote.
		line := `explorer.exe /select,"` + path + `"`
		return []Step{{Name: "explorer.exe", Args: []string{"/select," + path}, CmdLine: line}}
	case "darwin":
		// No "--": the path is absolute, so it cannot pass for an option,
		// and macOS's open is not documented to take one.
		return []Step{{Name: "open", Args: []string{"-R", path}}}
	default:
		dir := filepath.Dir(path)
		return []Step{
			{DBus: []string{fileURI(path)}},
			{Name: "xdg-open", Args: []string{dir}},
		}
	}
}

// fileURI is path as a file:// URI, with spaces and other characters
// escaped as file managers expect.
func fileURI(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}

// ErrNotFound is returned (wrapped in an *Error) for a file that is no
// longer there (moved or deleted since Fornyer saw it).
var ErrNotFound = errors.New("reveal: the file is not there")

// Error is a file that could not be shown: the file, and why.
type Error struct {
	Path string
	Err  error
}

func (e *Error) Error() string { return "reveal " + e.Path + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Fault is the sentence: the file is gone ("not_found"), or the file
// manager could not be opened ("failed"); both name the file.
func (e *Error) Fault() msg.Fault {
	f := msg.Fault{Code: "failed", Key: "watch.reveal.failed", Data: map[string]any{"Path": safetext.Line(e.Path)}}
	if errors.Is(e.Err, ErrNotFound) {
		f.Code, f.Key = "not_found", "watch.reveal.missing"
	}
	return f
}

// Show opens the file's folder with the file selected, without waiting for
// the file manager. It checks the file is still there first, so the user
// gets a sentence rather than an empty folder. A failure is an *Error.
func Show(path string) error {
	if err := show(path); err != nil {
		return &Error{Path: path, Err: err}
	}
	return nil
}

func show(path string) error {
	if path == "" || strings.ContainsRune(path, 0) {
		return ErrNotFound
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	if _, err := os.Stat(abs); err != nil {
		return ErrNotFound
	}
	var last error
	for _, s := range Plan(goos, abs) {
		if last = run(s); last == nil {
			return nil
		}
	}
	return last
}
