package widget

import (
	"errors"
	"net/url"
	"os/exec"
	"runtime"
	"time"

	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/reveal"
	"github.com/fornyer/fornyer/core/safetext"
)

// Target is what Open is given: it decides how it is opened and what is
// said when that fails.
type Target int

const (
	// File is a file, opened in its program (a receipt in the PDF viewer,
	// a calendar file in the calendar).
	File Target = iota
	// Folder is a folder, opened in the file manager.
	Folder
	// InFolder is a file, shown selected in its folder.
	InFolder
	// Address is a web address (http or https), opened in the browser.
	Address
	// Contact is an e-mail address or a phone number as a mailto: or
	// tel: link, opened in the mail or phone program.
	Contact
)

// Opener is Open's type, for a screen whose tests give their own.
type Opener func(what Target, target string) error

// Open is the one way the window opens anything outside itself: a file, a
// folder, a file in its folder, a web address or a contact link. It says whether that
// worked, so that the window never claims something opened when nothing
// did: a failure is an *OpenError (core/reveal's *Error for InFolder),
// whose sentence words.Sentence gives. It may block for a few seconds:
// call it off the UI thread.
func Open(what Target, target string) error {
	switch what {
	case InFolder:
		return reveal.Show(target)
	case Address:
		u, err := url.Parse(target)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return &OpenError{What: what, Target: target, Err: errors.New("not a web address")}
		}
	case Contact:
		u, err := url.Parse(target)
		if err != nil || (u.Scheme != "mailto" && u.Scheme != "tel") || u.Opaque == "" {
			return &OpenError{What: what, Target: target, Err: errors.New("not a mailto: or tel: link")}
		}
	}
	if err := openWithSystem(target); err != nil {
		return &OpenError{What: what, Target: target, Err: err}
	}
	return nil
}

// OpenError is an Open that failed: what was to be opened, and why.
type OpenError struct {
	What   Target
	Target string
	Err    error
}

// Error names what did not open; the cause is Err (Unwrap), for the log.
func (e *OpenError) Error() string { return "nothing opened " + e.Target }
func (e *OpenError) Unwrap() error { return e.Err }

// Fault is the sentence: nothing opened it, naming it so the user can
// open it themselves.
func (e *OpenError) Fault() msg.Fault {
	key, code := "open.file_failed", "file_not_opened"
	switch e.What {
	case Folder:
		key, code = "open.folder_failed", "folder_not_opened"
	case Address:
		key, code = "open.address_failed", "address_not_opened"
	case Contact:
		key, code = "open.contact_failed", "contact_not_opened"
		if u, err := url.Parse(e.Target); err == nil && u.Opaque != "" {
			return msg.Fault{Code: code, Key: key, Data: map[string]any{"Path": safetext.Line(u.Opaque)}}
		}
	}
	return msg.Fault{Code: code, Key: key, Data: map[string]any{"Path": safetext.Line(e.Target)}}
}

// openerPatience is how long Open waits for the system's opener to say it
// failed; an opener still running then has handed the file on.
const openerPatience = 5 * time.Second

// openWithSystem hands a file, folder or address to the system's opener
// and waits up to openerPatience for it to say it failed.
func openWithSystem(path string) error {
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
