package widget

import (
	"errors"
	"os/exec"
	"runtime"
	"time"
)

// openerPatience is how long Open waits for the system's opener to say it
// failed; an opener still running then has handed the file on.
const openerPatience = 5 * time.Second

// Open hands a file or folder to the system (the PDF viewer for a receipt,
// the calendar for an .ics file, the file manager for a folder) and says
// whether that worked, so that the window never claims a file opened when
// nothing did. It blocks for up to openerPatience: call it off the UI
// thread.
func Open(path string) error {
	if runtime.GOOS == "windows" {
		return shellOpen(path)
	}
	name, args := openCommand(runtime.GOOS, path)
	cmd := exec.Command(name, args...)
	if err := cmd.Start(); err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }() // ends when the opener exits, which may be after Open returns
	select {
	case err := <-done:
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return errors.New(name + ": no program to open the file (" + exit.String() + ")")
		}
		return err
	case <-time.After(openerPatience):
		return nil
	}
}

// openCommand is the system's way of opening path with its default
// program, as Fyne's OpenURL does. On Windows, where Fyne's (rundll32) says
// nothing of failure, Open asks the shell itself (shellOpen).
func openCommand(goos, path string) (string, []string) {
	switch goos {
	case "darwin":
		return "open", []string{path}
	default:
		return "xdg-open", []string{path}
	}
}
