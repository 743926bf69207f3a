package renewal

import (
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/vault"
)

// SavedPasswords are the passwords saved in the credential store, in the
// order to try them (vault.CandidateEntries: the renewals in progress
// first, then the certificates', newest first), looked up within
// vault.LookupLimit. A missing, locked or hung store gives none.
func SavedPasswords(ctx context.Context, v *vault.Vault) []vault.Candidate {
	if v == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, vault.LookupLimit)
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

// tried reports whether the saved entry id is among the passwords tried.
func (t Tries) tried(id string) bool {
	return slices.ContainsFunc(t.saved, func(c vault.Candidate) bool { return c.ID == id })
}

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

// ReplacePassword saves the password that opened a checked certificate
// under it, as SavePassword does, and then removes the renewal's saved
// password that does not open it (wrong, Answer.Replaces): one action, so
// that no wrong password stays beside the right one. Only a renewal's
// pending entry is removed this way; the wrong one stays when the save
// failed.
func (f *Flow) ReplacePassword(ctx context.Context, c *inspect.Certificate, password, wrong string) error {
	err := f.SavePassword(ctx, c, password)
	if err != nil && !errors.Is(err, ErrNotRecorded) {
		return err
	}
	return errors.Join(err, f.RemoveWrong(ctx, wrong))
}

// RemoveWrong removes the renewal's saved password that does not open its
// file (guide.Facts.WrongPasswordID), with the user's consent. Only a
// renewal's pending entry: a certificate's own entries opened it.
func (f *Flow) RemoveWrong(ctx context.Context, id string) error {
	if !vault.IsPending(id) {
		return nil
	}
	if f.Vault == nil {
		return vault.ErrUnavailable
	}
	err := f.Vault.Delete(ctx, id)
	if errors.Is(err, vault.ErrNotFound) {
		return nil // gone already
	}
	return err
}

// PasswordError is a password refused before it is saved: Code is stable,
// Key the catalogue's sentence for the user.
type PasswordError struct{ Code, Key string }

func (e *PasswordError) Error() string { return "renewal: password: " + e.Code }

// Fault is the refusal's sentence and code.
func (e *PasswordError) Fault() msg.Fault { return msg.Fault{Code: e.Code, Key: e.Key} }

// ErrDoesNotOpen: the password typed for the renewal's file once the file
// is known does not open it, so it is not saved.
var ErrDoesNotOpen = &PasswordError{Code: "password_does_not_open", Key: "renewal.password.does_not_open"}

// SaveForFile saves the password typed on the password card once the
// renewal's file is known (c, the register's record of it): only when it
// opens the file, so that "the password is saved" means a saved password
// opens the file; then under the certificate, in place of the renewal's
// wrong one (wrong, removed; "" for none). A file no longer where it was
// recorded cannot tell: the password is saved, the one copy the user has.
func (f *Flow) SaveForFile(ctx context.Context, c register.Certificate, password, wrong string) error {
	if stillThere(c.File) && !Opens(c.File.Path, c.SHA256, password) {
		return ErrDoesNotOpen
	}
	return f.ReplacePassword(ctx, certOf(c), password, wrong)
}

// Opens says whether the password opens the certificate file at path and
// the file holds the certificate with the fingerprint.
func Opens(path, sha256, password string) bool {
	opens, _ := tryOn(path, sha256, password)
	return opens
}

// tryOn tries the password on the certificate file at path: opens says it
// opens the file and the file holds the certificate with the fingerprint;
// told says the file could tell (it opened, or refused the password). A
// file gone, unreadable or damaged tells nothing of the password.
func tryOn(path, sha256, password string) (opens, told bool) {
	r := inspect.InspectFile(path, inspect.Options{Passwords: []string{password}})
	if r.Has(inspect.CodeWrongPassword) {
		return false, true
	}
	opens = r.Opened() && r.PasswordIndex == 0 && r.Certificate != nil && strings.EqualFold(r.Certificate.SHA256, sha256)
	return opens, opens
}

// SaveAnswered saves the password that opened the answer's file where the
// answer says (Answer.SaveTo): under the renewal's pending id while the
// guide asks whether this is the renewal's file, else under the
// certificate, in place of the renewal's wrong one when the answer
// replaces it. It returns what it did (Saved), for the answer as it is
// when the Save ends (Answer.SavedAs): the user may have answered the
// question meanwhile (a locked keyring holds a Save for seconds), and the
// answer they gave stands (review S12). The pending id is taken only if it
// is still free when the password is saved: one saved there since the
// answer was made (on the password card, in another window) is the
// renewal's password, never replaced; this one then goes under its own
// certificate (review R15). On an error nothing was saved, but for
// ErrNotRecorded (saved; only the register was not told).
func (f *Flow) SaveAnswered(ctx context.Context, a Answer) (Saved, error) {
	c := a.Check.Report.Certificate
	switch {
	case a.Replaces != "":
		return Saved{}, f.ReplacePassword(ctx, c, a.Password, a.Replaces)
	case vault.IsPending(a.SaveTo):
		if f.Vault == nil {
			return Saved{}, vault.ErrUnavailable
		}
		// The register learns it is saved when the user's answer moves it
		// onto the certificate (Record).
		_, taken, err := f.Vault.SaveIfFree(ctx, vault.Entry{ID: a.SaveTo, Label: Label(c)}, a.Password)
		if err != nil {
			return Saved{}, err
		}
		if !taken {
			return Saved{Pending: a.SaveTo}, nil
		}
	}
	return Saved{}, f.SavePassword(ctx, c, a.Password)
}

// Saved is what SaveAnswered did with the answer's password.
type Saved struct {
	// Pending is the renewal's pending id it was saved under; "" when it
	// went under the certificate.
	Pending string
}

// SavedAs is the answer once its password is saved as s says
// (SaveAnswered), and whether its outcome is to be recorded again
// (Flow.Record): the user said no to the question while the Save was at
// work (a locked keyring holds it for seconds), so the record of that no
// found no password to move, and the password the Save put under the
// renewal's pending id, this file's, goes onto the file's certificate now;
// never left as the renewal's password, to be called wrong and offered for
// deletion when the renewal's own file comes (review T9). A yes needs no
// second record: its record tries the pending password on the file after
// the Save (the store takes one call at a time) and moves it there.
func (a Answer) SavedAs(s Saved) (b Answer, record bool) {
	b = a.saved(s.Pending)
	if o := &b.Outcome; s.Pending != "" && o.Record && o.Kind == KindDeclined {
		o.MovePending = s.Pending
		return b, true
	}
	return b, false
}

// saved is the answer once its password is saved: no longer offered to
// save, and, saved as the renewal's pending password (pending, "" when it
// went under the certificate), opened by it and typed for it
// (Check.TypedForIt), so that the user's answer to the question moves it
// onto the certificate it opens (Decide, Record): onto the renewal's on a
// yes, onto the file's own on a no, never left beside it.
func (a Answer) saved(pending string) Answer {
	a.PasswordSaved = true
	if pending != "" {
		a.Check.OpenedBy, a.Check.TypedForIt = pending, true
	}
	a.Actions = slices.DeleteFunc(slices.Clone(a.Actions), func(x Action) bool {
		return x == ActionSavePassword || x == ActionReplacePassword
	})
	return a
}
