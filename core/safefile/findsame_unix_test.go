//go:build unix

package safefile

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// FindSame finds the copy of the same bytes in the name's series, and
// nothing else: not a file one byte different, a larger or smaller file
// of the name, a symlink or a FIFO named like the copy (never read: a FIFO
// would block), a folder; and it stops at the first name not taken, so a
// copy after a gap is not found (review R12).
func TestFindSame(t *testing.T) {
	data := []byte("the certificate file")
	other := []byte("the certificate filf") // one byte different, same size
	const name = "cert.p12"
	type entry struct{ name, kind, content string } // kind: file, link, fifo, dir
	for _, c := range []struct {
		label string
		dir   []entry
		want  string // "" for none
	}{
		{"an empty folder", nil, ""},
		{"the name holds it", []entry{{name, "file", string(data)}}, name},
		{"one byte different, then the copy", []entry{{name, "file", string(other)}, {"cert (2).p12", "file", string(data)}}, "cert (2).p12"},
		{"one byte different only", []entry{{name, "file", string(other)}}, ""},
		{"a larger file of the name", []entry{{name, "file", string(data) + "x"}}, ""},
		{"a smaller file of the name", []entry{{name, "file", string(data[:5])}}, ""},
		{"a gap in the series", []entry{{name, "file", string(other)}, {"cert (3).p12", "file", string(data)}}, ""},
		{"a symlink to the same bytes", []entry{{"target", "file", string(data)}, {name, "link", "target"}}, ""},
		{"a symlink, then the copy", []entry{{"target", "file", string(data)}, {name, "link", "target"}, {"cert (2).p12", "file", string(data)}}, "cert (2).p12"},
		{"a FIFO, then the copy", []entry{{name, "fifo", ""}, {"cert (2).p12", "file", string(data)}}, "cert (2).p12"},
		{"a folder, then the copy", []entry{{name, "dir", ""}, {"cert (2).p12", "file", string(data)}}, "cert (2).p12"},
	} {
		t.Run(c.label, func(t *testing.T) {
			dir := t.TempDir()
			for _, e := range c.dir {
				path := filepath.Join(dir, e.name)
				var err error
				switch e.kind {
				case "file":
					err = os.WriteFile(path, []byte(e.content), 0o600)
				case "link":
					err = os.Symlink(filepath.Join(dir, e.content), path)
				case "fifo":
					err = syscall.Mkfifo(path, 0o600)
				case "dir":
					err = os.Mkdir(path, 0o700)
				}
				if err != nil {
					t.Fatal(err)
				}
			}
			got, ok := FindSame(dir, name, data)
			want := ""
			if c.want != "" {
				want = filepath.Join(dir, c.want)
			}
			if got != want || ok != (c.want != "") {
				t.Errorf("FindSame = %q, %v; want %q", got, ok, want)
			}
		})
	}
}

// A file of the name that cannot be read is not the copy, and the search
// goes on to the next name.
func TestFindSameSkipsAnUnreadableFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every file")
	}
	data := []byte("the certificate file")
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "cert.p12"), data, 0o000); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "cert (2).p12"), data, 0o600); err != nil {
		t.Fatal(err)
	}
	if got, ok := FindSame(dir, "cert.p12", data); !ok || got != filepath.Join(dir, "cert (2).p12") {
		t.Errorf("FindSame = %q, %v", got, ok)
	}
}
