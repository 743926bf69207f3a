package cmdline

import (
	"os"
	"path/filepath"
	"testing"
)

// What the file manager hands over opens the window, a folder too (the
// window says it is one); a subcommand or a missing path is the command
// line's.
func TestOpensFiles(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "Fornyet certifikat æøå.p12")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{[]string{file}, true},
		{[]string{dir}, true},
		{[]string{file, dir}, true},
		{[]string{"inspect", file}, false},
		{[]string{filepath.Join(dir, "findes ikke.p12")}, false},
		{[]string{file, filepath.Join(dir, "findes ikke.p12")}, false},
		{[]string{"--version"}, false},
	} {
		if got := opensFiles(tc.args); got != tc.want {
			t.Errorf("opensFiles(%q) = %v, want %v", tc.args, got, tc.want)
		}
	}
}
