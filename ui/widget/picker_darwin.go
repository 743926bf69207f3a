package widget

import (
	"errors"
	"os/exec"
	"strings"

	"fyne.io/fyne/v2"
)

// pickNative shows the Finder's own panel through AppleScript, which needs
// no cgo beyond what Fyne already links.
func pickNative(_ fyne.Window, p Pick) (string, error) {
	out, err := exec.Command("osascript", "-e", appleScript(p)).Output()
	var exit *exec.ExitError
	if errors.As(err, &exit) && strings.Contains(string(exit.Stderr), "-128") {
		return "", errCancelled // "User canceled."
	}
	if err != nil {
		return "", err
	}
	return strings.TrimRight(string(out), "\n"), nil
}
