package register

import "time"

// SoonDays is when a certificate starts to expire soon: the first reminder
// (Thresholds), the Within90 urgency, My certificates' "expires within 90
// days" filter and the offer to renew it now.
const SoonDays = 90

// Todo is something still undone for a certificate in use.
type Todo string

// What can be undone, in the order of a renewal.
const (
	TodoPassword Todo = "password" // no password for it in this computer's credential store
	TodoBackup   Todo = "backup"   // no verified backup
	TodoReceipt  Todo = "receipt"  // no receipt
	TodoDPG      Todo = "dpg"      // not recorded as installed in DPG
)

// Status is what a certificate's card says: what is done, what is still
// to do, and whether to renew it now.
type Status struct {
	// PasswordSaved: the credential store holds a password for it (the
	// register's flag says only that one was saved once: a password
	// deleted in Settings, on another computer or by a keyring reset is
	// gone). When the store could not be asked, the register's word.
	PasswordSaved bool
	// PasswordGone: the register remembers its password saved, but the
	// store, asked, holds none of it: deleted in the store's own list, or
	// the keyring was reset or is a new computer's (Z20). The store is
	// the truth; the register only remembers. Said only of a certificate
	// in use: an old one's password is deleted on purpose.
	PasswordGone bool
	Todo         []Todo
	Renew        bool // in use, and expires within SoonDays: renew it now
}

// PasswordSaved says whether c's password is saved: whether the
// credential store holds one (holds, by fingerprint), or, when the store
// could not be asked (holds nil), the register's memory of it.
func PasswordSaved(c Certificate, holds func(sha256 string) bool) bool {
	if holds != nil {
		return holds(c.SHA256)
	}
	return c.PasswordSaved
}

// StatusOf says what is done and undone for c among certs at now. holds
// reports whether the credential store holds a password for a certificate
// (by fingerprint); nil when the store could not be read. A certificate no
// longer in use (renewed or expired, InUse) has nothing left to do.
func StatusOf(certs []Certificate, c Certificate, holds func(sha256 string) bool, now time.Time) Status {
	s := Status{PasswordSaved: PasswordSaved(c, holds)}
	if !InUse(certs, c, now) {
		return s
	}
	s.PasswordGone = c.PasswordSaved && !s.PasswordSaved
	s.Renew = UrgencyOf(c, now) != OK
	if !s.PasswordSaved {
		s.Todo = append(s.Todo, TodoPassword)
	}
	if len(c.Backups) == 0 {
		s.Todo = append(s.Todo, TodoBackup)
	}
	if len(c.Receipts) == 0 {
		s.Todo = append(s.Todo, TodoReceipt)
	}
	if c.DPG == nil {
		s.Todo = append(s.Todo, TodoDPG)
	}
	return s
}
