package backup

import (
	"path/filepath"
	"testing"
)

// A folder on a stick is matched to the stick, also the stick itself; a
// folder beside it, or one whose name only begins like it, is not.
func TestDriveOfFindsTheStickHoldingAFolder(t *testing.T) {
	stick := Drive{Label: "KINGSTON", Path: filepath.FromSlash("/media/anna/KINGSTON")}
	drives := []Drive{{Label: "OTHER", Path: filepath.FromSlash("/media/anna/OTHER")}, stick}
	for dir, want := range map[string]bool{
		"/media/anna/KINGSTON":             true,
		"/media/anna/KINGSTON/Certifikat":  true,
		"/media/anna/KINGSTON2/Certifikat": false,
		"/home/anna/Documents":             false,
	} {
		d, ok := DriveOf(filepath.FromSlash(dir), drives)
		if ok != want || (ok && d != stick) {
			t.Errorf("DriveOf(%s) = %+v, %v; want %v", dir, d, ok, want)
		}
	}
}

func TestDriveNameIsLabelAndLetter(t *testing.T) {
	for d, want := range map[Drive]string{
		{Label: "KINGSTON", Letter: "E:", Path: `E:\`}:  "KINGSTON (E:)",
		{Letter: "F:", Path: `F:\`}:                     "F:",
		{Label: "SANDISK", Path: "/media/anna/SANDISK"}: "SANDISK",
	} {
		if got := d.Name(); got != want {
			t.Errorf("%+v: name %q, want %q", d, got, want)
		}
	}
}
