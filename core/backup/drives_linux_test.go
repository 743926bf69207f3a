package backup

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// The drives the desktop mounts for the user are found by their labels,
// under both media folders; another user's, hidden folders and plain files
// are not.
func TestLinuxDrivesAreTheUsersMounts(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"media/anna/KINGSTON", "run/media/anna/SANDISK 32", "media/bo/OTHER", "media/anna/.hidden"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(root, "media/anna/notes.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	got := linuxDrives(root, "anna")
	want := []Drive{
		{Label: "KINGSTON", Path: filepath.Join(root, "media/anna/KINGSTON")},
		{Label: "SANDISK 32", Path: filepath.Join(root, "run/media/anna/SANDISK 32")},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("drives = %+v, want %+v", got, want)
	}
	if got := linuxDrives(root, "nobody"); len(got) != 0 {
		t.Errorf("a user without mounts has drives %+v", got)
	}
}
