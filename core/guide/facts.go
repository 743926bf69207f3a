package guide

import (
	"cmp"
	"strings"
	"time"

	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/vault"
)

// Passwords is the credential store's list of saved passwords (never the
// passwords) as the window last read it, off the UI thread: a store call
// can be slow or hang, so the guide never asks the store itself.
type Passwords struct {
	Entries []vault.Entry
	// Known: the list was read. False until the first read, and when the
	// store did not answer; then the register's record stands in.
	Known bool
}

// Held says whether the store holds a password of the certificate with
// the fingerprint: any of its entries counts, not only its first (a second
// one, saved for a copy under another password, stays when the first is
// deleted). Nil when the list was not read, so that the register's record
// stands in (register.StatusOf).
func (p Passwords) Held() func(sha256 string) bool {
	if !p.Known {
		return nil
	}
	return func(sha string) bool {
		for _, e := range p.Entries {
			if vault.Opens(e.ID, sha) {
				return true
			}
		}
		return false
	}
}

// Facts are what the register and the credential store say of the
// renewal, read each time a screen is drawn and never copied into the
// progress: a card is done when its fact is true, wherever it became true
// (the guide's own card, the Check tab, the clipboard offer, Settings, My
// certificates).
type Facts struct {
	// PasswordSaved: the renewal's password is in this computer's
	// credential store: before the file, under the renewal's pending id;
	// once the file is known, only a password saved under the renewed
	// certificate counts, for only a password that opened the file is
	// saved there. PasswordID is where to read it ("" when none is
	// saved); PasswordSavedAt is when it was saved, zero when the store's
	// list was not read.
	PasswordSaved   bool
	PasswordID      string
	PasswordSavedAt time.Time
	// PasswordGone: the register remembers the renewed certificate's
	// password saved, but the store's list, read and checked, holds none
	// of it: deleted in the store's own list, or the keyring reset (Z20).
	PasswordGone bool
	// WrongPasswordID is the renewal's pending password still saved once
	// the file is known and found not to open it: it was tried on the
	// file and failed (vault.Entry.DoesNotOpen names the file's
	// certificate; a typo on the password card). "" when there is none.
	// It is not the renewal's password, and is removed with the user's
	// consent (renewal.Flow.ReplacePassword, renewal.Flow.RemoveWrong).
	WrongPasswordID string
	// UntriedPasswordID is the renewal's pending password still saved
	// once the file is known, but never tried on it: the credential store
	// did not give it when the file was recorded (locked, or slow). It is
	// neither the right password nor a wrong one until it is tried
	// (renewal.Flow.TryUntried); "" when there is none.
	UntriedPasswordID string
	// Kept is where else the password is kept (a register.Kept* answer,
	// "" when not asked), and Host the computer whose store holds it: the
	// register's answer once it knows the certificate, else the user's
	// answer kept in the progress. StoredElsewhere: the answer names a
	// safe place besides this computer, so the password card may be done
	// without saving here.
	Kept, Host      string
	StoredElsewhere bool

	// FileChecked: the renewal has its file (its SHA-256 is in the
	// progress), checked at FileCheckedAt.
	FileChecked   bool
	FileCheckedAt time.Time
	// Asked names a file checked on the Check tab whose question ("is
	// this the file you just downloaded?") waits for the user's answer:
	// the file may be the renewal's, and only the user can say. It is the
	// window's fact, true while the Check tab shows that answer, and
	// never kept in the register or the progress. "" when none waits.
	Asked string
	// CheckHolds: the Check tab holds the renewal's file opened with the
	// password typed there, not saved yet, to be saved there. The window's
	// fact, like Asked; false after a restart, when the typed password is
	// gone (Z9).
	CheckHolds bool

	// Certificate is the register's record of the renewed certificate;
	// nil before the file was checked, or while the register does not
	// know it. The rest are read from it.
	Certificate *register.Certificate
	File        string             // the .p12 as last seen; "" if unknown
	Backups     []register.FileRef // verified copies
	BackedUpAt  time.Time          // the latest verified backup; zero: none
	Receipts    []register.Receipt // receipts written, oldest first
	HandOvers   []HandOverCopy     // copies made for others, oldest first
	// DPGInstalledAt and DPGInstalledBy are the recorded installation in
	// DPG; zero: not recorded.
	DPGInstalledAt time.Time
	DPGInstalledBy string
}

// NamedBy is the name the user last gave as the one who renewed (on a
// receipt), for the DPG card to offer as who installed it, so it is not
// typed twice; "" when none was given.
func (f Facts) NamedBy() string {
	for i := len(f.Receipts) - 1; i >= 0; i-- {
		if f.Receipts[i].By != "" {
			return f.Receipts[i].By
		}
	}
	return ""
}

// HandOverCopy is a copy of the .p12 made for someone else under its own
// password (register.HandOver), with what the credential store says of
// that password.
type HandOverCopy struct {
	register.HandOver
	// Label is the name the store keeps the copy's password under, as it
	// was saved (vault.Entry.Shown, in that day's language; an older
	// version's entry, its label): what the user finds in the keyring's
	// own list. "" when the list was not read, or no longer holds it
	// (Gone).
	Label string
	Gone  bool
	// FileGone is set when the copy's file is no longer where it was made
	// (renewal.WithCopiesGone): deleted once sent, as the summary advises.
	FileGone bool
}

// handOverCopy is h with its password's entry in the store's list pw.
func handOverCopy(h register.HandOver, pw Passwords) HandOverCopy {
	c := HandOverCopy{HandOver: h}
	if h.PasswordID == "" || !pw.Known {
		return c
	}
	for _, e := range pw.Entries {
		if e.ID == h.PasswordID {
			c.Label = cmp.Or(e.Shown, e.Label)
			return c
		}
	}
	c.Gone = true
	return c
}

// FileNext is what the download card asks for once the renewal's file is
// checked: the backup, then on to DPG. The receipt is the summary's, made
// once DPG and the places are done (a receipt made before them is
// outdated by the time the summary asks for it: usertest Y16).
type FileNext string

const (
	NextBackup FileNext = "backup" // Done waits for it, or for "I'll do it later"
	NextDPG    FileNext = "dpg"    // backed up
)

// FileNext is the download card's next action with these facts.
func (f Facts) FileNext() FileNext {
	if f.BackedUpAt.IsZero() {
		return NextBackup
	}
	return NextDPG
}

// FactsOf reads the facts of the renewal p from the register's record of
// its certificate (c, nil when there is none) and the credential store's
// list. It is pure: renewal.State finds c and is the call screens make.
func FactsOf(p *Progress, c *register.Certificate, pw Passwords) Facts {
	sha := strings.ToLower(p.FileSHA256)
	if c != nil && !strings.EqualFold(c.SHA256, sha) {
		c = nil // another certificate's record: none of it is this renewal's
	}
	f := Facts{FileChecked: sha != "", FileCheckedAt: p.FileCheckedAt, Certificate: c}
	f.passwordIn(p, sha, c, pw)
	f.Kept, f.Host = p.KeptFor(c)
	f.StoredElsewhere = keptSafely(f.Kept) || (f.Kept == "" && p.PasswordStoredElsewhere)
	if c == nil {
		return f
	}
	if c.File != nil {
		f.File = c.File.Path
	}
	f.Backups, f.Receipts = c.Backups, c.Receipts
	for _, h := range c.HandOvers {
		f.HandOvers = append(f.HandOvers, handOverCopy(h, pw))
	}
	if b, ok := c.LatestBackup(); ok {
		f.BackedUpAt = b.VerifiedAt
	}
	if c.DPG != nil {
		f.DPGInstalledAt, f.DPGInstalledBy = c.DPG.At, c.DPG.By
	}
	return f
}

// passwordIn finds the renewal's saved password: under the certificate
// (where the Check tab, a moved pending password and the card after the
// file put it) once the file is known, under the renewal's pending id
// before. A pending password left once the file is known is the wrong one
// when it was tried on the file and failed (WrongPasswordID), else not
// tried yet (UntriedPasswordID): its mere presence says nothing. Without the store's list, the register's record of
// the certificate says whether one is saved.
func (f *Facts) passwordIn(p *Progress, sha string, c *register.Certificate, pw Passwords) {
	if !pw.Known {
		if c != nil && c.PasswordSaved {
			f.PasswordSaved, f.PasswordID = true, vault.CertificateID(sha)
		}
		return
	}
	pending := vault.PendingID(p.RenewalID)
	var at time.Time
	for _, e := range pw.Entries {
		switch {
		case sha != "" && vault.Opens(e.ID, sha):
			if f.PasswordID == "" || vault.IsPending(f.PasswordID) {
				f.PasswordID, at = e.ID, e.Saved
			}
		case e.ID == pending && sha != "" && strings.EqualFold(e.DoesNotOpen, sha):
			f.WrongPasswordID = e.ID
		case e.ID == pending && sha != "":
			f.UntriedPasswordID = e.ID
		case e.ID == pending && f.PasswordID == "":
			f.PasswordID, at = e.ID, e.Saved
		}
	}
	f.PasswordSaved, f.PasswordSavedAt = f.PasswordID != "", at
	f.PasswordGone = !f.PasswordSaved && c != nil && c.PasswordSaved
}

// keptSafely says whether a kept answer names a place besides this
// computer: written down, or a password manager; not "nowhere yet".
func keptSafely(kept string) bool {
	return register.KnownKept(kept) && !register.NeedsSecondCopy(kept)
}

// holds says whether the fact a task waits for is true, and since when
// (zero when the store's list gave no time): the password saved, the file
// checked, the installation in DPG recorded.
func (f Facts) holds(t Task) (time.Time, bool) {
	switch t {
	case TaskPassword:
		return f.PasswordSavedAt, f.PasswordSaved
	case TaskDownload:
		return f.FileCheckedAt, f.FileChecked
	case TaskDPG:
		return f.DPGInstalledAt, !f.DPGInstalledAt.IsZero()
	}
	return time.Time{}, false
}

// FileAhead says whether the renewed file came before its password: the
// guide waits on the password card, the file is checked, and the password
// is neither saved here nor kept safely elsewhere, nor saved wrong, nor
// saved and not yet tried on the file. The
// card then says what that means (paste it now if it was copied; else the
// portal cannot show it again).
func (p *Progress) FileAhead(f Facts) bool {
	s := p.Step()
	return s.Task == TaskPassword && f.FileChecked && f.WrongPasswordID == "" && f.UntriedPasswordID == "" && p.CanComplete(s, f) != nil
}

// AheadText is the catalogue key of what the password card says when the
// file came first (Progress.FileAhead): "save it on the Check tab" only
// while the Check tab holds the password typed there (CheckHolds, Z9).
func (f Facts) AheadText() string {
	if f.CheckHolds {
		return "guide.password.ahead.text"
	}
	return "guide.password.ahead.text_alone"
}

// SavedWrong says whether the password saved for the renewal does not open
// its file: the file is known, no saved password opens it, and the one
// saved before it came is still there (WrongPasswordID). The password card
// then says so plainly, and what to do: save the one that opens the file.
func (f Facts) SavedWrong() bool {
	return f.FileChecked && !f.PasswordSaved && f.WrongPasswordID != ""
}
