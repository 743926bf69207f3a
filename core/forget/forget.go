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
func Everything(ctx context.Context, v *vault.Vault, reg *register.Store, progressPath string) (Result, error) {
	var r Result
	n, err := v.Forget(ctx)
	if err != nil {
		return r, err
	}
	r.Passwords = n
	r.Register, err = reg.Forget()
	found, perr := safefile.RemoveWithAside(progressPath)
	r.Progress = found && perr == nil
	if err == nil {
		err = perr
	}
	return r, err
}
