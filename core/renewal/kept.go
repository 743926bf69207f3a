package renewal

import (
	"strings"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/register"
)

// KeptAnswer is the user's answer on the password card to "Where else is
// the password kept?" (a register.Kept* answer, never the password) on its
// way to the one place that holds it: the register's record of the
// renewal's certificate once the register knows it, the guide's progress
// before.
type KeptAnswer struct {
	// SHA256 is the certificate whose record takes the answer; "" when
	// the register does not know the renewal's certificate (yet, or
	// there is no register): then the progress alone holds it.
	SHA256     string
	Kept, Host string
	reg        *register.Store
}

// AnswerKept takes the answer, on the UI thread: the progress holds it at
// once, so the card, the summary and the receipt show it at once and a
// failed write to the register loses nothing. When the register knows the
// renewal's certificate the answer goes there too (Record, off the UI
// thread), and the progress's copy goes once it is there (Recorded). The
// facts are the card's, with the answer. An unknown answer changes
// nothing (the progress's and the register's rule).
func AnswerKept(p *guide.Progress, reg *register.Store, passwords guide.Passwords, kept, host string) (KeptAnswer, guide.Facts) {
	p.SetPasswordKept(kept, host)
	f := State(p, reg, passwords)
	c := f.Certificate
	if c == nil || !register.KnownKept(kept) {
		return KeptAnswer{Kept: kept, Host: host}, f
	}
	answered := *c
	answered.PasswordKept = kept
	if host != "" {
		answered.PasswordHost = host
	}
	return KeptAnswer{SHA256: c.SHA256, Kept: kept, Host: host, reg: reg}, guide.FactsOf(p, &answered, passwords)
}

// Record writes the answer to the register, when it goes there: off the
// UI thread.
func (a KeptAnswer) Record() error {
	if a.SHA256 == "" || a.reg == nil {
		return nil
	}
	return a.reg.SetPasswordKept(a.SHA256, a.Kept, a.Host)
}

// Recorded drops the progress's copy once the register holds the answer
// (after Record succeeded), when the progress still holds this answer for
// this certificate: an answer changed meanwhile, or another renewal's
// file, stays. It reports whether the progress changed (to be saved).
func (a KeptAnswer) Recorded(p *guide.Progress) bool {
	if a.SHA256 == "" || !strings.EqualFold(p.FileSHA256, a.SHA256) || p.PasswordKept != a.Kept {
		return false
	}
	p.ForgetPasswordKept()
	return true
}
