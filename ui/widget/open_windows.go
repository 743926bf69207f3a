package widget

import (
	"fmt"

	"golang.org/x/sys/windows"
)

// shellOpen opens path with its default program through ShellExecuteW,
// which, unlike rundll32, fails when no program is registered for the file
// (SE_ERR_NOASSOC), so the window does not claim it opened.
func shellOpen(path string) error {
	verb, err := windows.UTF16PtrFromString("open")
	if err != nil {
		return err
	}
	file, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return err
	}
	if err := windows.ShellExecute(0, verb, file, nil, nil, windows.SW_SHOWNORMAL); err != nil {
		return fmt.Errorf("no program opened %s: %w", path, err)
	}
	return nil
}
