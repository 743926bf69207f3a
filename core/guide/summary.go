package guide

import (
	"slices"
	"time"

	"github.com/fornyer/fornyer/core/appinfo"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/safetext"
)

// Summary is what the guide's last card shows: where the file, the backups
// and the receipt are, where the password is kept, and what is still
// undone. It is derived each time from the progress and the renewal's
// facts; none of it is stored.
type Summary struct {
	File      string             // the .p12 as last seen; "" if unknown
	Backups   []register.FileRef // verified copies
	Receipt   string             // the newest receipt's path; "" if none
	ReceiptAt time.Time          // when it was made
	// ReceiptOutdated: something was done after the newest receipt was
	// made (a step, a backup), so it does not tell the whole renewal: the
	// summary offers a new one (never over the old).
	ReceiptOutdated bool
	PasswordSaved   bool   // in this computer's credential store
	PasswordGone    bool   // saved once, and no longer in it (Facts.PasswordGone)
	Computer        string // the computer whose store holds it
	StoredElsewhere bool   // the user's answer names a safe place besides this computer
	Kept            string // where else it is kept: a register.Kept* answer, "" if not asked
	// AskKept: the summary asks where else the password is kept, beside
	// the "still to do" that says it is missing: never answered (the
	// password saved on the Check tab, the password card passed by), or
	// "nowhere yet" (W8).
	AskKept        bool
	DPGInstalled   time.Time   // zero: not recorded
	DPGInstalledBy string      // who recorded it
	Checklist      []UsageItem // the user's places, with their ticks
	Undone         []Todo      // what is left, most pressing first
	// HandOvers are the copies of the .p12 made for others under their own
	// password (a web shop's developer), oldest first: a second full copy
	// of the certificate lies where it was made until the user deletes it
	// once sent (X20). Org names the certificate, as the copy's password
	// is named in the credential store (handover.Label).
	HandOvers []HandOverCopy
	Org       string
	// Lead is the summary's main action: its one blue button, where the
	// keyboard starts; the other actions follow it, plain.
	Lead Lead
}

// Lead is the summary's main action.
type Lead string

// The summary's main actions, most pressing first.
const (
	LeadNone Lead = "" // nothing left to make
	// LeadBackup: the checked file's backup was put off on the download
	// card (Progress.PutOff, Z17): an outstanding step, and the file
	// cannot be downloaded again, so the backup comes before the receipt,
	// which would only record its absence.
	LeadBackup  Lead = "backup"
	LeadReceipt Lead = "receipt" // none yet, or the newest was made before something was done
)

// Todo is something the renewal still lacks: a stable code for tests, a
// catalogue key for the sentence, and for a place not yet switched over,
// the place (Title names it).
type Todo struct {
	Code  string
	Key   string
	Place Usage
}

// The codes of Todo.
const (
	TodoFileNotChecked   = "file_not_checked"
	TodoPasswordNotSaved = "password_not_saved"
	TodoPasswordOneCopy  = "password_one_copy"
	TodoNoBackup         = "no_backup"
	TodoBackupSameDisk   = "backup_same_disk" // every backup is on the original's disk
	TodoNoReceipt        = "no_receipt"
	TodoDPGNotInstalled  = "dpg_not_installed"
	TodoNotSwitched      = "not_switched"
)

// OffersReceipt says whether the guide offers the renewal's receipt on
// the card it is on: only once every card before the summary is done, so
// that nothing a receipt records (the steps and when each was done, the
// backup, DPG, the places switched over) changes by the guide going on. A
// receipt offered on the download card, once backed up, or on the DPG
// card was outdated by the next Done, and the summary then asked for a
// new one (Y16). The summary always offers it: what a receipt made there
// does not tell yet (a backup put off, Z17) is listed above it, and a
// receipt made before something was done is said to be (ReceiptOutdated).
func (p *Progress) OffersReceipt(f Facts) bool {
	if !f.FileChecked {
		return false
	}
	if p.Step().Task == TaskSummary {
		return true // the summary says what a receipt made there does not yet tell
	}
	for _, s := range Steps[:TaskIndex(TaskSummary)] {
		if _, done := p.StepDone(s.ID, f); !done {
			return false
		}
	}
	return true
}

// hostname is the computer's name; tests replace it.
var hostname = appinfo.ComputerName

// Summarize derives the summary from the progress (the user's places and
// answers) and the renewal's facts (FactsOf): the register is the truth
// for the file, the backups, the receipts and the DPG installation, the
// credential store for the saved password. Without a recorded computer
// for the password, this one is named.
func Summarize(p *Progress, f Facts) Summary {
	s := Summary{
		File:            f.File,
		Backups:         f.Backups,
		PasswordSaved:   f.PasswordSaved,
		PasswordGone:    f.PasswordGone,
		Computer:        f.Host,
		StoredElsewhere: f.StoredElsewhere,
		Kept:            f.Kept,
		DPGInstalled:    f.DPGInstalledAt,
		DPGInstalledBy:  f.DPGInstalledBy,
		Checklist:       p.Checklist(),
	}
	if c := f.Certificate; c != nil {
		s.HandOvers, s.Org = f.HandOvers, c.Organization
	}
	if s.Computer == "" {
		if name, err := hostname(); err == nil {
			s.Computer = safetext.Line(name)
		}
	}
	if n := len(f.Receipts); n > 0 {
		s.Receipt, s.ReceiptAt = f.Receipts[n-1].Path, f.Receipts[n-1].At
		s.ReceiptOutdated = f.BackedUpAt.After(s.ReceiptAt)
		for _, st := range Steps {
			if st.Task == TaskSummary {
				continue // the summary's own Done tells the receipt nothing (W11)
			}
			if at, _ := p.StepDone(st.ID, f); at.After(s.ReceiptAt) {
				s.ReceiptOutdated = true
			}
		}
	}
	for i := range s.Checklist { // DPG secure mail is switched by the DPG installation, wherever it was recorded
		if it := &s.Checklist[i]; it.Implicit && !it.Done && !s.DPGInstalled.IsZero() {
			it.Done, it.DoneAt = true, s.DPGInstalled
		}
	}
	add := func(code string) { s.Undone = append(s.Undone, Todo{Code: code, Key: "guide.todo." + code}) }
	if !f.FileChecked {
		add(TodoFileNotChecked)
	}
	s.AskKept = !s.StoredElsewhere
	switch {
	case !s.PasswordSaved && !s.StoredElsewhere:
		add(TodoPasswordNotSaved)
	case !s.StoredElsewhere:
		add(TodoPasswordOneCopy)
	}
	if s.DPGInstalled.IsZero() {
		add(TodoDPGNotInstalled)
	}
	switch {
	case len(s.Backups) == 0:
		add(TodoNoBackup)
	case !slices.ContainsFunc(s.Backups, func(b register.FileRef) bool { return !b.SameDisk }):
		// A copy on the same disk is recorded, but it is no copy away
		// from this computer: the USB stick is still to do.
		add(TodoBackupSameDisk)
	}
	if s.Receipt == "" {
		add(TodoNoReceipt)
	}
	switch {
	case !f.FileChecked:
		// Neither can be made without the renewal's file.
	case p.PutOff(Steps[TaskIndex(TaskDownload)].ID, f):
		s.Lead = LeadBackup
	case s.Receipt == "" || s.ReceiptOutdated:
		s.Lead = LeadReceipt
	}
	for _, it := range s.Checklist {
		if !it.Done {
			s.Undone = append(s.Undone, Todo{Code: TodoNotSwitched, Key: "guide.todo." + TodoNotSwitched, Place: it.Usage})
		}
	}
	return s
}
