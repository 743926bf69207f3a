package guide

import (
	"time"

	"github.com/fornyer/fornyer/core/appinfo"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/safetext"
)

// Summary is what the guide's last card shows: where the file, the backups
// and the receipt are, where the password is kept, and what is still
// undone. It is derived each time from the progress and the register's
// record of the renewed certificate; none of it is stored.
type Summary struct {
	File            string                // the .p12 as last seen; "" if unknown
	Backups         []register.FileRef    // verified copies
	Receipt         string                // the newest receipt's path; "" if none
	PasswordSaved   bool                  // in this computer's credential store
	Computer        string                // the computer whose store holds it
	StoredElsewhere bool                  // the user confirmed a copy outside the app
	Kept            string                // where else it is kept: a register.Kept* answer, "" if not asked
	DPGInstalled    time.Time             // zero: not recorded
	DPGInstalledBy  string                // who recorded it
	Checklist       []UsageItem           // the user's places, with their ticks
	Undone          []Todo                // what is left, most pressing first
	Certificate     *register.Certificate // the register's record, nil if none
}

// Todo is something the renewal still lacks: a stable code for tests, a
// catalogue key for the sentence, and for a place not yet switched over,
// the place and the user's note.
type Todo struct {
	Code  string
	Key   string
	Place Place
	Note  string
}

// The codes of Todo.
const (
	TodoFileNotChecked   = "file_not_checked"
	TodoPasswordNotSaved = "password_not_saved"
	TodoPasswordOneCopy  = "password_one_copy"
	TodoNoBackup         = "no_backup"
	TodoNoReceipt        = "no_receipt"
	TodoDPGNotInstalled  = "dpg_not_installed"
	TodoNotSwitched      = "not_switched"
)

// hostname is the computer's name; tests replace it.
var hostname = appinfo.ComputerName

// Summarize derives the summary from the progress and the register's
// record of the certificate the renewal produced (nil when the register
// does not know it, or the file was not checked).
//
// The register is the truth for the file, the backups, the receipts and a
// saved password; the progress for what the user confirmed in the guide.
// Where the password is kept besides this computer is the register's
// answer (the progress holds it until the certificate is known), and so is
// the computer whose store holds it; without a recorded computer, this one
// is named.
func Summarize(p *Progress, c *register.Certificate) Summary {
	s := Summary{
		PasswordSaved:   p.PasswordSaved,
		StoredElsewhere: p.PasswordStoredElsewhere,
		DPGInstalled:    p.DPGInstalledAt,
		DPGInstalledBy:  p.DPGInstalledBy,
		Checklist:       p.Checklist(),
		Certificate:     c,
	}
	s.Kept, s.Computer = p.KeptFor(c)
	if s.Computer == "" {
		if name, err := hostname(); err == nil {
			s.Computer = safetext.Line(name)
		}
	}
	if c != nil {
		if c.File != nil {
			s.File = c.File.Path
		}
		s.Backups = c.Backups
		if n := len(c.Receipts); n > 0 {
			s.Receipt = c.Receipts[n-1].Path
		}
		s.PasswordSaved = s.PasswordSaved || c.PasswordSaved
		if s.DPGInstalled.IsZero() && c.DPG != nil {
			s.DPGInstalled, s.DPGInstalledBy = c.DPG.At, c.DPG.By
		}
	}

	for i := range s.Checklist { // DPG secure mail is switched by the DPG installation, wherever it was recorded
		if it := &s.Checklist[i]; it.Implicit && !it.Done && !s.DPGInstalled.IsZero() {
			it.Done, it.DoneAt = true, s.DPGInstalled
		}
	}
	add := func(code string) { s.Undone = append(s.Undone, Todo{Code: code, Key: "guide.todo." + code}) }
	if !p.FileChecked {
		add(TodoFileNotChecked)
	}
	switch {
	case !s.PasswordSaved && !s.StoredElsewhere:
		add(TodoPasswordNotSaved)
	case !s.StoredElsewhere && (s.Kept == "" || register.NeedsSecondCopy(s.Kept)):
		add(TodoPasswordOneCopy)
	}
	if s.DPGInstalled.IsZero() {
		add(TodoDPGNotInstalled)
	}
	if len(s.Backups) == 0 {
		add(TodoNoBackup)
	}
	if s.Receipt == "" {
		add(TodoNoReceipt)
	}
	for _, it := range s.Checklist {
		if !it.Done {
			s.Undone = append(s.Undone, Todo{Code: TodoNotSwitched, Key: "guide.todo." + TodoNotSwitched, Place: it.Place, Note: it.Note})
		}
	}
	return s
}
