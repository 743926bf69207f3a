package backup

import (
	"path/filepath"
	"strings"
)

// sameDisk says whether a and b are on one volume (drive letter or
// share). Windows names the volume in the path; a folder mounted inside
// another volume is rare for the folders a user picks.
func sameDisk(a, b string) bool {
	va, vb := filepath.VolumeName(a), filepath.VolumeName(b)
	return va != "" && strings.EqualFold(va, vb)
}
