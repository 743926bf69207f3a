package renewal

import (
	"context"
	"errors"
	"time"

	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/vault"
)

// SavedLookupBudget bounds the whole look-up of saved passwords before a
// file is opened, on top of the store's own limit per call: a store that
// does not answer at once only means the password is asked for (the
// window) or the file reported as needing one (the command line).
const SavedLookupBudget = 5 * time.Second

// SavedPasswords are the passwords saved in the credential store, in the
// order to try them (vault.CandidateEntries: the renewals in progress
// first, then the certificates', newest first), looked up within
// SavedLookupBudget. A missing, locked or hung store gives none.
func SavedPasswords(ctx context.Context, v *vault.Vault) []vault.Candidate {
	if v == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, SavedLookupBudget)
	defer cancel()
	return v.CandidateEntries(ctx)
}

// Tries are the passwords tried on a file, in the one order the window and
// the command line both use: either one password the user typed, or the
// saved passwords first and the empty password last.
//
// Why the empty password last: every file MitID Erhverv hands out has a
// password, so the empty one is there only to recognise (and warn about)
// an unprotected export; a saved password that opens the file is then
// always the one reported as opening it, and the index inspect reports
// (Report.PasswordIndex) is the saved entry's own index. inspect matches
// the MAC before opening, so the order costs no extra work either way.
type Tries struct {
	saved []vault.Candidate
	typed *string
}

// TrySaved tries the saved passwords, then the empty password.
func TrySaved(saved []vault.Candidate) Tries { return Tries{saved: saved} }

// TryTyped tries the one password the user typed (or piped in).
func TryTyped(password string) Tries { return Tries{typed: &password} }

// Typed reports whether the password tried was typed by the user.
func (t Tries) Typed() bool { return t.typed != nil }

// Saved reports how many saved passwords are tried.
func (t Tries) Saved() int { return len(t.saved) }

// Passwords are the passwords to give inspect.Options, in order.
func (t Tries) Passwords() []string {
	if t.typed != nil {
		return []string{*t.typed}
	}
	out := make([]string, 0, len(t.saved)+1)
	for _, c := range t.saved {
		out = append(out, c.Password)
	}
	return append(out, "")
}

// OpenedBy is the saved entry whose password opened the file, when one
// did (not the empty password, nor a typed one).
func (t Tries) OpenedBy(r *inspect.Report) (vault.Candidate, bool) {
	if t.typed != nil || r == nil || r.PasswordIndex < 0 || r.PasswordIndex >= len(t.saved) {
		return vault.Candidate{}, false
	}
	return t.saved[r.PasswordIndex], true
}

// Password is the password that opened the file ("" for the empty one or
// when it did not open).
func (t Tries) Password(r *inspect.Report) string {
	ps := t.Passwords()
	if r == nil || r.PasswordIndex < 0 || r.PasswordIndex >= len(ps) {
		return ""
	}
	return ps[r.PasswordIndex]
}

// PasswordEntry is where a certificate's password is saved in the
// credential store, and how the store's list names it.
func PasswordEntry(c *inspect.Certificate) vault.Entry {
	return vault.Entry{ID: vault.CertificateID(c.SHA256), Label: Label(c), Expires: c.NotAfter}
}

// ErrNotRecorded joins a register error after the password was saved: the
// password is in the credential store, only the register was not told.
var ErrNotRecorded = errors.New("renewal: the password is saved, but the register was not told")

// SavePassword saves the password that opened a checked certificate under
// that certificate, and records in the register that it is saved.
func (f *Flow) SavePassword(ctx context.Context, c *inspect.Certificate, password string) error {
	if f.Vault == nil {
		return vault.ErrUnavailable
	}
	if _, err := f.Vault.SaveEntry(ctx, PasswordEntry(c), password); err != nil {
		return err
	}
	if f.Register == nil {
		return nil // saved; there is no register to tell
	}
	if err := f.PasswordSaved(c.SHA256, true); err != nil {
		return errors.Join(ErrNotRecorded, err)
	}
	return nil
}
