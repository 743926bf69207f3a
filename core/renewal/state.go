package renewal

import (
	"errors"
	"io/fs"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/oces"
	"github.com/fornyer/fornyer/core/register"
)

// State is the renewal's facts, the one call every screen makes when it
// draws the guide: the register's record of the renewed certificate (its
// file, backups, receipts, DPG installation, where else its password is
// kept) and the credential store's list as the window last read it
// (passwords: never ask the store on the UI thread). reg may be nil.
// While the whole register is still read (OpenFirst), the renewed
// certificate's record comes from the part read first when it is there
// (register.Store.GetSoFar: FirstCard picks it), so that the first card
// does not wait for the rest.
func State(p *guide.Progress, reg *register.Store, passwords guide.Passwords) guide.Facts {
	var c *register.Certificate
	if reg != nil && p.FileChecked() {
		if got, ok := reg.GetSoFar(p.FileSHA256); ok {
			c = &got
		}
	}
	return guide.FactsOf(p, c, passwords)
}

// CopiesGone looks at whether the copies made for others are still where
// they were made: the set of files no longer there (deleted once sent, as
// the summary advises). A file that cannot be looked at for another reason
// (a folder not readable, a share not reachable) is taken as still there.
// It asks the file system, which can be slow (a redirected Downloads on a
// network share): call it off the UI thread.
func CopiesGone(copies []guide.HandOverCopy) map[string]bool {
	gone := map[string]bool{}
	for _, c := range copies {
		if c.File == "" {
			continue
		}
		if _, err := os.Lstat(c.File); errors.Is(err, fs.ErrNotExist) {
			gone[c.File] = true
		}
	}
	return gone
}

// WithCopiesGone is f with the copies that gone (CopiesGone's last answer)
// says are no longer there marked FileGone, for the summary: its advice
// to delete a copy once sent, and "Show the file in its folder", follow
// the fact.
func WithCopiesGone(f guide.Facts, gone map[string]bool) guide.Facts {
	if len(gone) == 0 || len(f.HandOvers) == 0 {
		return f
	}
	f.HandOvers = slices.Clone(f.HandOvers)
	for i := range f.HandOvers {
		f.HandOvers[i].FileGone = gone[f.HandOvers[i].File]
	}
	return f
}

// Renewing is the certificate the guide's renewal renews, as far as the
// register knows, for the first card to name it: once the renewed file is
// checked, its predecessor (register.Predecessor, the one rule); before,
// the certificate still in use (register.InUse) that expires first,
// employee certificates aside (MitID Erhverv renews organisation and
// system certificates here). False when the register knows none.
func Renewing(p *guide.Progress, certs []register.Certificate, now time.Time) (register.Certificate, bool) {
	if p.FileChecked() {
		for _, c := range certs {
			if strings.EqualFold(c.SHA256, p.FileSHA256) {
				return register.Predecessor(certs, c)
			}
		}
		return register.Certificate{}, false
	}
	if p.Renews != "" { // the one the user chose, if the register still has it
		for _, c := range certs {
			if strings.EqualFold(c.SHA256, p.Renews) {
				return c, true
			}
		}
	}
	var first register.Certificate
	found := false
	inUse := register.InUseAmong(certs, now)
	for _, c := range certs {
		if c.Kind == oces.Employee || !inUse(c) {
			continue
		}
		if !found || c.NotAfter.Before(first.NotAfter) {
			first, found = c, true
		}
	}
	return first, found
}

// Begun says whether the user has begun the renewal, as Standing counts
// it: past the first card, or the renewed file already checked. False for
// no guide.
func Begun(p *guide.Progress) bool {
	return p != nil && (p.Index() > 0 || p.FileChecked())
}

// StandingKey is what of the progress Standing reads: whether the user has
// begun, and the renewed file; the reminders need drawing again only when
// it changes (or the register does).
type StandingKey struct {
	Begun  bool
	File   string
	Renews string
}

// StandingKeyOf is p's StandingKey.
func StandingKeyOf(p *guide.Progress) StandingKey {
	if p == nil {
		return StandingKey{}
	}
	return StandingKey{Begun: Begun(p), File: strings.ToLower(p.FileSHA256), Renews: strings.ToLower(p.Renews)}
}

// Start is how "Renew it" on a certificate goes on in the guide
// (RenewFrom): the one rule for My certificates' "Renew this one" and a
// reminder's "Renew it".
type Start int

const (
	// ShowRenewal: the guide renews the certificate already; it is shown
	// where it stands (the first card if not begun).
	ShowRenewal Start = iota
	// NewRenewal: a new renewal of the certificate (guide.NewOf) replaces
	// the guide's, which has not begun, or is the renewal that made this
	// very certificate (a year on, walk W11: "Renew this one" had opened
	// last year's finished renewal, where nothing moved).
	NewRenewal
	// AskNewRenewal: the guide is in the middle of the renewal of another
	// certificate; the user is asked before its steps are forgotten.
	AskNewRenewal
)

// RenewFrom says how renewing c goes on, p being the guide's progress (nil:
// none yet).
func RenewFrom(p *guide.Progress, certs []register.Certificate, now time.Time, c register.Certificate) Start {
	if p == nil {
		return NewRenewal
	}
	if r, ok := Renewing(p, certs, now); ok && strings.EqualFold(r.SHA256, c.SHA256) {
		return ShowRenewal
	}
	if !Begun(p) || strings.EqualFold(p.FileSHA256, c.SHA256) {
		return NewRenewal
	}
	return AskNewRenewal
}

// RenewsHere says whether the reminder of the certificate c may offer to
// renew it here, in the guide, without a question: RenewFrom shows the
// guide's renewal of c or starts one. When the guide is in the middle of
// another certificate's renewal the reminder offers My certificates
// instead (review S11: "Renew it" on one certificate's reminder opened the
// renewal of another).
func RenewsHere(p *guide.Progress, certs []register.Certificate, now time.Time, c register.Certificate) bool {
	return RenewFrom(p, certs, now, c) != AskNewRenewal
}

// Standing is the expiry reminders the window shows above its screens:
// register.Standing, less the certificate the guide is renewing once the
// user has begun (past the first card, or the file already checked) or
// chose it to renew ("Renew it": walk W12, the banner stayed over the
// renewal it had started): the guide is then its reminder, and a banner saying "renew it" would only
// push the card the user is working on out of view.
func Standing(p *guide.Progress, certs []register.Certificate, now time.Time) []register.Reminder {
	standing := register.Standing(certs, now)
	if !Begun(p) && (p == nil || p.Renews == "") {
		return standing
	}
	renewing, ok := Renewing(p, certs, now)
	if !ok {
		return standing
	}
	kept := standing[:0]
	for _, r := range standing {
		if !strings.EqualFold(r.Certificate.SHA256, renewing.SHA256) {
			kept = append(kept, r)
		}
	}
	return kept
}
