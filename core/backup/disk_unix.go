//go:build !windows

package backup

import "syscall"

// sameDisk says whether a and b are on one file system (one device).
// Unknown counts as not the same: the warning is only given when sure.
func sameDisk(a, b string) bool {
	var sa, sb syscall.Stat_t
	if syscall.Stat(a, &sa) != nil || syscall.Stat(b, &sb) != nil {
		return false
	}
	return sa.Dev == sb.Dev
}
