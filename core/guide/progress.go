package guide

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/safefile"
)

// FileName is the name of the progress file in the app's storage folder.
const FileName = "guide-progress.json"

// maxProgressSize bounds what Load reads; a real progress file is well under
// a kilobyte.
const maxProgressSize = 1 << 20

// Progress is how far the user has come with one renewal: only what only
// the user can say. The position (Current, Done), their answers and
// choices, which renewal it is and the checked file's SHA-256. Every fact
// (the password saved, the backup, the receipt, the DPG installation) is
// read from the register and the credential store when a screen is drawn
// (Facts), never copied here. It holds no secret.
type Progress struct {
	RenewalID string               `json:"renewal_id"`
	StartedAt time.Time            `json:"started_at"`
	Current   string               `json:"current"`
	Done      map[string]time.Time `json:"done"`

	// PasswordKept is the user's answer to "Where else is the password
	// kept?" (a register.Kept* answer) and PasswordHost the computer it
	// was given on, kept here until the register knows the certificate
	// (KeptFor); the register's answer wins after.
	PasswordKept string `json:"password_kept,omitempty"`
	PasswordHost string `json:"password_host,omitempty"`
	// PasswordStoredElsewhere is the tick "I have stored the password
	// safely elsewhere" of an earlier version, which did not say where:
	// read from old progress files only, it counts as a safe place until
	// the question is answered.
	PasswordStoredElsewhere bool `json:"password_stored_elsewhere,omitempty"`

	// Renews is the certificate the user chose to renew ("Renew this one"
	// in My certificates, a reminder's "Renew it"), by fingerprint: until
	// the renewed file is checked it is the one the guide renews
	// (renewal.Renewing), not the first to expire; "" when not chosen.
	Renews string `json:"renews,omitempty"`

	// FileSHA256 is the renewal's file: the checked certificate's
	// fingerprint, taken at FileCheckedAt; "" before.
	FileSHA256    string    `json:"file_sha256,omitempty"`
	FileCheckedAt time.Time `json:"file_checked_at,omitzero"`
	FileSkipped   bool      `json:"file_skipped,omitempty"`
	// BackupLater is the explicit choice to back the file up later.
	BackupLater bool `json:"backup_later,omitempty"`
	// Answers are the user's answers to "Is this the file you just
	// downloaded?", by certificate fingerprint, so it is asked once.
	Answers map[string]bool `json:"answers,omitempty"`

	// Usages is the user's own list of where the certificate is used
	// (usage.go).
	Usages []Usage `json:"usages,omitempty"`

	// landed is the card Land brought the guide to, until the user moves:
	// Follow lands it again when the facts catch up. Never saved.
	landed string
}

// Clone is a copy that shares nothing with p, for a save in the background.
func (p Progress) Clone() Progress {
	p.Done = maps.Clone(p.Done)
	if p.Done == nil {
		p.Done = map[string]time.Time{}
	}
	p.Usages = slices.Clone(p.Usages)
	return p
}

// Error is a rule that stops a step from being marked done: a stable code
// for tests and logs, and a catalogue key for the sentence the user reads.
type Error struct {
	Code string
	Key  string
}

func (e *Error) Error() string { return "guide: " + e.Code }

// Fault is the rule's sentence and code.
func (e *Error) Fault() msg.Fault { return msg.Fault{Code: e.Code, Key: e.Key} }

// The rules' errors.
var (
	ErrPasswordNotSaved = &Error{Code: "password_not_saved", Key: "guide.rule.password"}
	ErrFileNotChecked   = &Error{Code: "file_not_checked", Key: "guide.rule.file"}
	ErrFileQuestion     = &Error{Code: "file_question_open", Key: "guide.rule.file_question"}
	ErrNoBackup         = &Error{Code: "no_backup", Key: "guide.rule.backup"}
	ErrDPGNotInstalled  = &Error{Code: "dpg_not_installed", Key: "guide.rule.dpg"}
	ErrUnknownStep      = &Error{Code: "unknown_step", Key: "guide.rule.unknown"}
)

// New starts a renewal at the first step.
func New(now time.Time) Progress {
	return Progress{
		RenewalID: newID(),
		StartedAt: now.UTC(),
		Current:   Steps[0].ID,
		Done:      map[string]time.Time{},
	}
}

// NewOf starts a renewal of the certificate sha256 at the first step
// (Renews).
func NewOf(sha256 string, now time.Time) Progress {
	p := New(now)
	p.Renews = strings.ToLower(sha256)
	return p
}

func newID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (Go 1.24+)
	return hex.EncodeToString(b)
}

// CanComplete says whether step may be marked done now, given the
// renewal's facts, and if not, why.
func (p *Progress) CanComplete(s Step, f Facts) error {
	switch s.Task {
	case TaskPassword:
		if !f.PasswordSaved && !f.StoredElsewhere {
			return ErrPasswordNotSaved
		}
	case TaskDownload:
		// A file checked and waiting for its question is one answer from
		// done: "check it first" would send the user round to check it
		// again (X2), and a skip ticked before does not pass it (Z13).
		if !f.FileChecked && f.Asked != "" {
			return ErrFileQuestion
		}
		if !f.FileChecked && !p.FileSkipped {
			return ErrFileNotChecked
		}
		// The file cannot be downloaded again: a checked file is backed
		// up before the guide goes on, unless the user chose to do it later.
		if f.FileChecked && f.BackedUpAt.IsZero() && !p.BackupLater {
			return ErrNoBackup
		}
	case TaskDPG:
		if f.DPGInstalledAt.IsZero() {
			return ErrDPGNotInstalled
		}
	}
	return nil
}

// OffersSkip says whether the download card offers to check the file
// later: not once the file is checked, nor while a checked file's
// question waits for its answer, one click from done (Z13: Tab and Space
// meant for "No" ticked the skip, and Done went on with the question
// open).
func (p *Progress) OffersSkip(f Facts) bool { return !f.FileChecked && f.Asked == "" }

// FileChecked says whether the renewal has its file: a checked certificate
// the user or the rules took as the renewed one.
func (p *Progress) FileChecked() bool { return p.FileSHA256 != "" }

// Step returns the current step; an unknown id (a step removed in a newer
// version) falls back to the first step not done.
func (p *Progress) Step() Step {
	if s, ok := ByID(p.Current); ok {
		return s
	}
	return Steps[p.firstOpen()]
}

func (p *Progress) firstOpen() int {
	for i, s := range Steps {
		if _, done := p.Done[s.ID]; !done {
			return i
		}
	}
	return len(Steps) - 1
}

// Index is the position of the current step in Steps.
func (p *Progress) Index() int { return Index(p.Step().ID) }

// IsDone says whether the step with id was marked done (the position:
// where the stepper may jump to). Whether a card is done now is StepDone.
func (p *Progress) IsDone(id string) bool {
	_, ok := p.Done[id]
	return ok
}

// StepDone says whether the step with id is done now, and since when (zero
// when that is not known). A step holding a task is done when its fact is
// true, wherever it became true (a password saved on the Check tab, a file
// checked anywhere, DPG marked in My certificates), or when it was marked
// done and its rule still allows it; a step within a task (DPG's cards
// before the one that records it), also when that task's fact is true; a
// step without one, when it was marked done. A step put off (PutOff) is
// not done, whatever was marked.
func (p *Progress) StepDone(id string, f Facts) (time.Time, bool) {
	s, ok := ByID(id)
	if !ok {
		return time.Time{}, false
	}
	if p.PutOff(id, f) {
		return time.Time{}, false
	}
	if at, done := p.Done[id]; done && p.CanComplete(s, f) == nil {
		return at, true
	}
	if doneByFile(s, f) {
		return f.FileCheckedAt, true
	}
	if s.Within != "" {
		return f.holds(s.Within)
	}
	return f.holds(s.Task)
}

// PutOff says whether the step with id holds work the user chose to do
// later: the download card's backup ("I will make the backup later"),
// while the checked file has none. Its rule lets the guide go on, but the
// step is not done (Z17): the stepper does not tick it, the guide is not
// finished, and the summary leads with the backup (Summary.Lead).
func (p *Progress) PutOff(id string, f Facts) bool {
	s, ok := ByID(id)
	return ok && s.Task == TaskDownload && p.BackupLater && f.FileChecked && f.BackedUpAt.IsZero()
}

// doneByFile says whether the step was done by the time the renewal got
// its file, wherever the guide was then: a card without a task before the
// download card (the cards that prepare, the portal's steps), for the
// portal gives its file only after all of them. A step ahead of the guide
// (Y13) or renewed before Fornyer was opened (Y14), the stepper ticks
// them; a card with a task (the places, the password) is done only by its
// own fact.
func doneByFile(s Step, f Facts) bool {
	return f.FileChecked && s.Task == TaskNone && s.Within == "" && Index(s.ID) < TaskIndex(TaskDownload)
}

// needs says whether the step at index i, one before the download card,
// still needs something of the user with the facts f: it is not done
// (before the download card a step done meets its rule).
func (p *Progress) needs(i int, f Facts) bool {
	_, done := p.StepDone(Steps[i].ID, f)
	return !done
}

// next is the card the guide goes on to from the one at index i: the
// next one; once the renewal has its file, the first card after i that
// still needs something, up to the download card (Y14: the cards that
// prepare and the portal's are done by the file, and a password saved
// already needs nothing more). Beyond the download card every card is
// the user's to read.
func (p *Progress) next(i int, f Facts) int {
	download := TaskIndex(TaskDownload)
	for i++; i < download && f.FileChecked && !p.needs(i, f); i++ {
	}
	return min(i, len(Steps)-1)
}

// Land brings the guide, the renewal's file just taken (renewal's
// takeFile), to the first card from the one it is on that still needs
// something (next's rule): the places card when they are not noted yet,
// else the password card when the password is not saved, else the
// download card (Y14). It stays on a card that needs something, and never
// goes back.
func (p *Progress) Land(f Facts) {
	if i := p.Index(); i < TaskIndex(TaskDownload) && !p.needs(i, f) {
		p.Current = Steps[p.next(i, f)].ID
		p.landed = p.Current
	}
}

// Stay keeps the guide where it is: the user acted on the card Land
// brought it to (saved the password there), and the card that says so is
// not left by itself (Follow).
func (p *Progress) Stay() { p.landed = "" }

// Follow lands the guide again (Land) while it is still on the card Land
// brought it to and the user has not moved since: the facts catch up
// after the file is taken (a password saved before it, moved onto its
// certificate in the background, is saved once moved), and the card that
// needed the password then needs nothing. It reports whether the card
// changed.
func (p *Progress) Follow(f Facts) bool {
	if p.landed == "" || p.landed != p.Current {
		p.landed = ""
		return false
	}
	before := p.Current
	p.Land(f)
	return p.Current != before
}

// UnderWay says whether the renewal is under way in the portal: a step of
// the portal or after it reached, or the renewed file checked. Before
// that a new renewal gives nothing that Back does not, and "New
// renewal…" beside Help from card 2 of a first renewal only made a new
// user wonder (Y6); the window offers it once the renewal is under way.
func (p *Progress) UnderWay() bool {
	if p.FileChecked() || p.Step().Phase != PhasePrepare {
		return true
	}
	for id := range p.Done {
		if i := Index(id); i >= 0 && Steps[i].Phase != PhasePrepare {
			return true
		}
	}
	return false
}

// Finished says whether every step is done.
func (p *Progress) Finished(f Facts) bool {
	for _, s := range Steps {
		if _, done := p.StepDone(s.ID, f); !done {
			return false
		}
	}
	return true
}

// Complete marks the current step done at now and moves to the next step
// (next: once the renewal has its file, the next that still needs
// something), unless a rule forbids it. The last step stays current once
// done.
func (p *Progress) Complete(now time.Time, f Facts) error {
	s := p.Step()
	if err := p.CanComplete(s, f); err != nil {
		return err
	}
	if p.Done == nil {
		p.Done = map[string]time.Time{}
	}
	if !p.IsDone(s.ID) {
		p.Done[s.ID] = now.UTC()
	}
	p.Current = Steps[p.next(Index(s.ID), f)].ID
	p.landed = ""
	return nil
}

// Back moves to the previous step; it reports false on the first step.
func (p *Progress) Back() bool {
	i := Index(p.Step().ID)
	if i <= 0 {
		return false
	}
	p.Current = Steps[i-1].ID
	return true
}

// CanGoTo says whether the user may jump to the step with id from the
// stepper: any step up to the first one whose rule is not met (a card with
// a rule, not done), so that no rule can be skipped, and a person a step
// ahead of the guide need not press Done on every card between (U14).
func (p *Progress) CanGoTo(id string, f Facts) bool {
	i := Index(id)
	return i >= 0 && i <= p.firstBlocked(f)
}

// firstBlocked is the index of the first step not done whose rule is not
// met; the last step when there is none.
func (p *Progress) firstBlocked(f Facts) int {
	for i, s := range Steps {
		if _, done := p.StepDone(s.ID, f); !done && p.CanComplete(s, f) != nil {
			return i
		}
	}
	return len(Steps) - 1
}

// GoTo jumps to the step with id if CanGoTo allows it. The cards jumped
// over are passed, not done: nothing is marked done at a time it was not.
func (p *Progress) GoTo(id string, f Facts) error {
	if !p.CanGoTo(id, f) {
		return ErrUnknownStep
	}
	p.Current, p.landed = id, ""
	return nil
}

// Passed says whether the step with id was passed without being done: the
// guide has gone beyond it (a jump from the stepper), it is not done, and
// no rule of its is unmet. A receipt says "passed" of it, not "not done".
func (p *Progress) Passed(id string, f Facts) bool {
	s, ok := ByID(id)
	if !ok || Index(id) >= p.Index() || p.PutOff(id, f) {
		return false // a step put off is not done: its work is left (review R3)
	}
	_, done := p.StepDone(id, f)
	return !done && p.CanComplete(s, f) == nil
}

// SetPasswordKept keeps the user's answer to "Where else is the password
// kept?" (a register.Kept* answer; another is ignored) and the computer
// whose store holds it, until the register knows the certificate. The
// answer replaces the earlier version's "stored elsewhere" tick.
func (p *Progress) SetPasswordKept(kept, host string) {
	if !register.KnownKept(kept) {
		return
	}
	p.PasswordKept = kept
	p.PasswordStoredElsewhere = false
	if host != "" {
		p.PasswordHost = host
	}
}

// ForgetPasswordKept drops the progress's copy of the answer once the
// register holds it: one place for each fact.
func (p *Progress) ForgetPasswordKept() {
	p.PasswordKept, p.PasswordHost, p.PasswordStoredElsewhere = "", "", false
}

// SetFileChecked records that the checked certificate with the
// fingerprint is the renewal's file, taken at now.
func (p *Progress) SetFileChecked(sha256 string, now time.Time) {
	p.FileSHA256 = strings.ToLower(sha256)
	p.FileCheckedAt = now.UTC()
	p.FileSkipped = false
}

// SetBackupLater records (or withdraws) the explicit choice to back up the
// checked file later.
func (p *Progress) SetBackupLater(on bool) { p.BackupLater = on }

// SetAnswer keeps the user's answer to "Is this the file you just
// downloaded?" for the certificate with the fingerprint.
func (p *Progress) SetAnswer(sha256 string, yes bool) {
	if p.Answers == nil {
		p.Answers = map[string]bool{}
	}
	p.Answers[strings.ToLower(sha256)] = yes
}

// Answer is the answer kept for the certificate, and whether there is one.
func (p *Progress) Answer(sha256 string) (yes, answered bool) {
	yes, answered = p.Answers[strings.ToLower(sha256)]
	return yes, answered
}

// SetFileSkipped records (or withdraws) the explicit choice to check the file
// later.
func (p *Progress) SetFileSkipped(on bool) {
	p.FileSkipped = on
	if !on && !p.FileChecked() {
		p.reopenFrom(TaskDownload)
	}
}

// reopenFrom forgets that the step holding task, and every later step, was
// done: a withdrawn confirmation must not leave a step marked done that its
// rule no longer allows.
func (p *Progress) reopenFrom(task Task) {
	from := TaskIndex(task)
	if from < 0 {
		return
	}
	for _, s := range Steps[from:] {
		delete(p.Done, s.ID)
	}
	if Index(p.Current) > from {
		p.Current = Steps[from].ID
	}
}

// migrate brings progress saved by another version in line with Steps:
// renamed steps keep their place, unknown ones are forgotten, and a step
// added before a step already done counts as done (unless it holds a task),
// so that nobody is sent back to a card they never saw.
func (p *Progress) migrate() {
	for old, now := range renamed {
		at, done := p.Done[old]
		if done {
			delete(p.Done, old)
			if _, ok := p.Done[now]; !ok {
				p.Done[now] = at
			}
		}
		if p.Current == old {
			p.Current = now
			if !done { // the user was on it: back to the first open step
				p.Current = ""
			}
		}
	}
	for id := range p.Done { // steps removed in a newer version
		if Index(id) < 0 {
			delete(p.Done, id)
		}
	}
	var later time.Time
	for i := len(Steps) - 1; i >= 0; i-- {
		s := Steps[i]
		if at, done := p.Done[s.ID]; done {
			later = at
			continue
		}
		if !later.IsZero() && s.Task == TaskNone {
			p.Done[s.ID] = later
		}
	}
	if Index(p.Current) < 0 {
		p.Current = Steps[p.firstOpen()].ID
	}
}

// Save writes the progress atomically to path.
func (p *Progress) Save(path string) error {
	data, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		return err
	}
	return safefile.Replace(path, append(data, '\n'))
}

// Load reads the progress saved at path. A missing file starts a new renewal
// without error; an unreadable one starts a new renewal and says why, so the
// caller can tell the user; a damaged one (too large, not a progress file)
// is first kept aside as "<path>.damaged-<time>", as the register does, so
// that the next save does not destroy it.
func Load(path string, now time.Time) (Progress, error) {
	p, err := load(path, now)
	var d *damagedError
	if errors.As(err, &d) {
		if moved, merr := safefile.MoveAside(path, now.UTC().Format("20060102T150405Z")); merr == nil {
			return p, fmt.Errorf("%w (kept as %s)", err, moved)
		}
	}
	return p, err
}

// Peek is the progress saved at path as Load reads it, changing nothing
// (a damaged file is not moved aside): nil when there is none to read.
// For a reader that runs beside Load (the register's first reading,
// core/renewal.OpenFirst).
func Peek(path string, now time.Time) *Progress {
	p, err := load(path, now)
	if err != nil {
		return nil
	}
	return &p
}

// damagedError is a progress file that was read but is not usable.
type damagedError struct{ err error }

func (e *damagedError) Error() string { return e.err.Error() }
func (e *damagedError) Unwrap() error { return e.err }

func load(path string, now time.Time) (Progress, error) {
	// safefile.ReadRegular: a FIFO or a device in the file's place must not
	// hold the window before it appears.
	data, err := safefile.ReadRegular(path, maxProgressSize)
	var tooLarge *safefile.TooLargeError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return New(now), nil
	case errors.As(err, &tooLarge):
		return New(now), &damagedError{errors.New("guide: progress file is too large")}
	case err != nil:
		return New(now), fmt.Errorf("guide: reading progress: %w", err)
	}
	var p Progress
	if err := json.Unmarshal(data, &p); err != nil {
		return New(now), &damagedError{fmt.Errorf("guide: progress file is damaged: %w", err)}
	}
	if p.RenewalID == "" {
		return New(now), &damagedError{errors.New("guide: progress file has no renewal")}
	}
	if p.Done == nil {
		p.Done = map[string]time.Time{}
	}
	p.migrate()
	p.cleanUsages()
	return p, nil
}
