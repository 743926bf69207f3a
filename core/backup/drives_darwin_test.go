package backup

import (
	"os"
	"path/filepath"
	"testing"
)

// The link to the system disk ("Macintosh HD" -> /) is not a drive; a
// volume of its own is. (A folder of the temporary directory is on the
// system's device, so the stick is compared against another root.)
func TestMacDrivesLeaveOutTheSystemDisk(t *testing.T) {
	vols := t.TempDir()
	if err := os.Symlink("/", filepath.Join(vols, "Macintosh HD")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(vols, "KINGSTON"), 0o755); err != nil {
		t.Fatal(err)
	}
	got := macDrives(vols, "/nonexistent")
	if len(got) != 1 || got[0].Label != "KINGSTON" {
		t.Errorf("drives = %+v, want KINGSTON alone", got)
	}
	if got := macDrives(vols, vols); len(got) != 0 {
		t.Errorf("volumes on the system's device count as drives: %+v", got)
	}
}
