package backup

import (
	"os"
	"syscall"
)

func drives() []Drive { return macDrives("/Volumes", "/") }

// macDrives are the volumes under volumes other than the system disk: the
// link to system ("Macintosh HD" -> /) and any volume on system's device.
func macDrives(volumes, system string) []Drive {
	var sys syscall.Stat_t
	known := syscall.Stat(system, &sys) == nil
	return mountedUnder([]string{volumes}, func(p string, e os.DirEntry) bool {
		if e.Type()&os.ModeSymlink != 0 {
			return true
		}
		var st syscall.Stat_t
		return known && syscall.Stat(p, &st) == nil && st.Dev == sys.Dev
	})
}
