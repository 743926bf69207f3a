// Package forget removes what Fornyer keeps on this computer, for a user
// who is done with it (uninstalling leaves it, see the README): every
// password Fornyer saved in the credential store, the register of
// certificates and the renewal's progress. The settings (language, keep
// on top) stay, and so does everything the user chose a place for: the
// .p12 files, the backups and the receipts are the user's, never Fornyer's
// to delete. The window's Settings and `fornyer forget --all` both ask
// first and then call Everything.
package forget

import (
	"context"
	"errors"
	"path/filepath"

	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/safetext"

	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/safefile"
	"github.com/fornyer/fornyer/core/vault"
)

// Result says what was removed.
type Result struct {
	Passwords int  // passwords the credential store's list named, removed
	Register  bool // a register was there, and is gone
	Progress  bool // a renewal's progress was there, and is gone
}

// Everything removes the saved passwords, then the register (through reg,
// so a window holding it forgets it too) and the progress file at
// progressPath, with the damaged copies Fornyer kept of either. When the
// credential store fails, nothing else is touched, so the register still
// says which passwords are saved and Everything can be asked again; a
// file that cannot be deleted is reported after the others are gone.
// A failure is an *Error.
func Everything(ctx context.Context, v *vault.Vault, reg *register.Store, progressPath string) (Result, error) {
	var r Result
	n, err := v.Forget(ctx)
	if err != nil {
		return r, &Error{NothingDeleted: true, Err: err}
	}
	r.Passwords = n
	r.Register, err = reg.Forget()
	found, perr := safefile.RemoveWithAside(progressPath)
	r.Progress = found && perr == nil
	if err == nil {
		err = perr
	}
	if err != nil {
		return r, &Error{Passwords: n, Folder: filepath.Dir(progressPath), Err: err}
	}
	return r, nil
}

// Error is a forgetting that did not finish: the credential store failed
// first, so NothingDeleted; or the passwords are deleted, but a file of
// Fornyer's in Folder is not.
type Error struct {
	NothingDeleted bool
	Passwords      int    // deleted, when not NothingDeleted
	Folder         string // where the file that stayed is
	Err            error
}

func (e *Error) Error() string { return "forget: " + e.Fault().Code + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Fault is "forget.error.store_failed", with the credential store's own
// sentence as its reason, or "forget.error.files_failed".
func (e *Error) Fault() msg.Fault {
	if e.NothingDeleted {
		return msg.Fault{Code: "store_failed", Key: "forget.error.store_failed", Data: map[string]any{"Reason": e.Err}}
	}
	return msg.Fault{Code: "files_failed", Key: "forget.error.files_failed", Data: map[string]any{"Passwords": e.Passwords, "Folder": safetext.Line(e.Folder)}}
}

// NothingDeleted reports whether err says nothing was deleted (the
// credential store failed before anything was).
func NothingDeleted(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.NothingDeleted
}
