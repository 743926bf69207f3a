package watch

import "golang.org/x/sys/windows"

// The known folders follow the user when they move Downloads or the
// Desktop (to another drive, or OneDrive).
func downloadsDir() string { return knownFolder(windows.FOLDERID_Downloads) }
func desktopDir() string   { return knownFolder(windows.FOLDERID_Desktop) }

func knownFolder(id *windows.KNOWNFOLDERID) string {
	path, err := windows.KnownFolderPath(id, windows.KF_FLAG_DEFAULT)
	if err != nil {
		return ""
	}
	return path
}
