package backup

import (
	"golang.org/x/sys/windows"
)

// drives are the drive letters Windows calls removable, with their labels;
// a drive without a medium (an empty card reader) is left out.
func drives() []Drive {
	mask, err := windows.GetLogicalDrives()
	if err != nil {
		return nil
	}
	// An empty card reader must not make Windows ask for a disk.
	defer windows.SetErrorMode(windows.SetErrorMode(windows.SEM_FAILCRITICALERRORS))
	var out []Drive
	for i := range 26 {
		if mask&(1<<i) == 0 {
			continue
		}
		letter := string(rune('A'+i)) + ":"
		root := letter + `\`
		r, err := windows.UTF16PtrFromString(root)
		if err != nil || windows.GetDriveType(r) != windows.DRIVE_REMOVABLE {
			continue
		}
		label := make([]uint16, windows.MAX_PATH+1)
		if windows.GetVolumeInformation(r, &label[0], uint32(len(label)), nil, nil, nil, nil, 0) != nil {
			continue
		}
		out = append(out, Drive{Label: windows.UTF16ToString(label), Letter: letter, Path: root})
	}
	return out
}
