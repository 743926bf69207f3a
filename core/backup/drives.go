package backup

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Drive is a removable drive (a USB stick) a backup can go to.
type Drive struct {
	// Label is the volume's own name, "KINGSTON"; "" when it has none.
	Label string
	// Letter is the drive letter on Windows, "E:"; "" elsewhere.
	Letter string
	// Path is where its files are: "E:\", "/media/anna/KINGSTON".
	Path string
}

// Drives lists the removable drives plugged in now, by path; none when
// they cannot be read. On Windows the removable drives and their labels;
// on macOS the volumes under /Volumes other than the system disk; on Linux
// the drives the desktop mounts under /media/$USER and /run/media/$USER.
func Drives() []Drive { return drives() }

// DriveOf is the removable drive that holds dir, if one does.
func DriveOf(dir string, drives []Drive) (Drive, bool) {
	for _, d := range drives {
		if within(dir, d.Path) {
			return d, true
		}
	}
	return Drive{}, false
}

// within says whether path is root or inside it.
func within(path, root string) bool {
	rel, err := filepath.Rel(filepath.Clean(root), filepath.Clean(path))
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// mountedUnder lists the folders directly under each of roots as drives
// named by their folder (the desktop names a mount by its volume label),
// leaving out hidden ones and those skip refuses.
func mountedUnder(roots []string, skip func(path string, e os.DirEntry) bool) []Drive {
	var out []Drive
	for _, root := range roots {
		entries, err := os.ReadDir(root)
		if err != nil {
			continue
		}
		for _, e := range entries {
			p := filepath.Join(root, e.Name())
			if strings.HasPrefix(e.Name(), ".") || (skip != nil && skip(p, e)) {
				continue
			}
			if fi, err := os.Stat(p); err != nil || !fi.IsDir() {
				continue
			}
			out = append(out, Drive{Label: e.Name(), Path: p})
		}
	}
	slices.SortFunc(out, func(a, b Drive) int { return strings.Compare(a.Path, b.Path) })
	return out
}

// Name is how the drive is offered: "KINGSTON (E:)" on Windows, its label
// elsewhere; the drive letter or the folder's name when it has no label.
// The label comes from the stick: callers make it safe for where it goes.
func (d Drive) Name() string {
	switch {
	case d.Label != "" && d.Letter != "":
		return d.Label + " (" + d.Letter + ")"
	case d.Label != "":
		return d.Label
	case d.Letter != "":
		return d.Letter
	}
	return filepath.Base(d.Path)
}
