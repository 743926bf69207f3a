package renewal

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/fornyer/fornyer/core/backup"
	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/oces"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/vault"
)

// Flow writes what the renewal's decisions say into the two stores: the
// register and the credential store. Its methods do I/O: call them off the
// UI thread.
type Flow struct {
	Register *register.Store // nil: nothing is remembered
	Vault    *vault.Vault    // nil: no password is moved
	Now      func() time.Time
}

func (f *Flow) now() time.Time {
	if f.Now != nil {
		return f.Now()
	}
	return time.Now()
}

// ErrNoRegister is returned when there is no register to record in.
var ErrNoRegister = errors.New("renewal: no register")

// Entry is what the register keeps of a checked file. The file itself is
// kept only when it is what DPG and a backup need: a .p12 holding the
// certificate's own key. A copy without the key (a .cer, a PEM) checked
// later teaches the register the certificate, never replaces its file.
func Entry(c Check, at time.Time) register.Certificate {
	cert := c.Report.Certificate
	var file *register.FileRef
	if HoldsKey(c.Report) {
		file = &register.FileRef{Path: c.Path, SHA256: c.Report.FileSHA256, VerifiedAt: at}
	}
	return register.Certificate{
		SHA256:       cert.SHA256,
		SHA1:         cert.SHA1,
		Organization: cert.Organization,
		CVR:          cert.CVR,
		UUID:         cert.UUID,
		Serial:       cert.Serial,
		CommonName:   cert.CommonName,
		Kind:         cert.Kind,
		Environment:  cert.Environment,
		NotBefore:    cert.NotBefore,
		NotAfter:     cert.NotAfter,
		File:         file,
		// A renewal's pending password is the certificate's only once it
		// is moved onto it (Record, movePending).
		PasswordSaved: c.OpenedBy != "" && !vault.IsPending(c.OpenedBy),
	}
}

// stillThere says whether the recorded file is still a file at its path.
func stillThere(ref *register.FileRef) bool {
	if ref == nil {
		return false
	}
	info, err := os.Stat(ref.Path)
	return err == nil && info.Mode().IsRegular()
}

// HoldsKey says whether the checked file is a .p12 with the certificate's
// own private key: the file to install, back up and upload.
func HoldsKey(r *inspect.Report) bool {
	return r != nil && r.Format == inspect.FormatPKCS12 && r.KeyMatches && r.Certificate != nil
}

// recording lets one checked file's record write at a time: a check and
// its re-record after the user's answer never move the same pending
// password at once, nor mix their register writes. It gives no order (a
// Go mutex is not first come, first served): of two records waiting,
// either may write first. A caller that needs one record after another
// starts the second when the first has returned.
var recording sync.Mutex

// recordingBusy, when set, is told that a record waits for another (tests
// wait on it).
var recordingBusy func()

// lockRecording waits for recording, telling recordingBusy when it has
// to wait, and gives the unlock.
func lockRecording() (unlock func()) {
	if !recording.TryLock() {
		if recordingBusy != nil {
			recordingBusy()
		}
		recording.Lock()
	}
	return recording.Unlock
}

// certOf is the register's record of a certificate as inspect's
// certificate, for what takes one (the store's labels, comparisons,
// identifiers).
func certOf(c register.Certificate) *inspect.Certificate {
	return &inspect.Certificate{
		Organization: c.Organization, CVR: c.CVR, UUID: c.UUID, Serial: c.Serial,
		CommonName: c.CommonName, NotBefore: c.NotBefore, NotAfter: c.NotAfter,
		SHA256: c.SHA256, SHA1: c.SHA1,
	}
}

// Record writes the outcome of a check: the certificate into the register
// (a password saved before stays recorded), that the guide renewed it, and
// the renewal's pending password moved onto it when it opens the file,
// never leaving a moment without it. A pending password that does not open
// the file is marked so (tryPending); one the credential store did not
// give is left as it was, not tried, and the store's error is returned:
// it is tried again at the next record or TryUntried. Every step is tried;
// the errors are joined. One record writes at a time, in no promised order
// (recording); the store's read and the try on the file, which can be slow,
// come before.
func (f *Flow) Record(ctx context.Context, c Check, o Outcome) error {
	if !o.Record {
		return nil
	}
	sha := c.Report.Certificate.SHA256
	var try pendingTry
	if o.MovePending == "" && o.TryPending != "" && f.Vault != nil {
		try = f.tryPending(ctx, c.Path, sha, o.TryPending)
	}
	defer lockRecording()()
	errs := []error{try.err}
	if f.Register != nil {
		e := Entry(c, f.now())
		if known, ok := f.Register.Get(sha); ok && stillThere(known.File) && known.File.Path != c.Path {
			// The file first recorded (the download) stays the
			// certificate's file while it is there; another copy checked
			// later (a re-export, a copy on a stick) does not replace it.
			e.File = nil
		}
		e.PasswordKept, e.PasswordHost = o.PasswordKept, o.PasswordHost
		e.Apart = o.Apart
		errs = append(errs, f.Register.Upsert(e))
		if o.Declined {
			// The user's own word, which a check's record cannot say
			// (Upsert never takes one of the user's apart).
			errs = append(errs, f.Register.KeepApart(sha))
		}
		if o.Advance {
			errs = append(errs, f.Register.RecordRenewed(sha, f.now()))
		}
		if len(o.Places) > 0 {
			errs = append(errs, f.Register.RecordPlaces(sha, o.Places))
		}
	}
	if o.MovePending != "" && f.Vault != nil {
		errs = append(errs, f.movePending(ctx, o.MovePending, c.Report.Certificate))
	}
	errs = append(errs, f.settle(ctx, try, o.TryPending, c.Report.Certificate, c.Report.Lang))
	return errors.Join(errs...)
}

// AddToMine makes the certificate of the answer one of the user's, listed
// in My certificates and reminded of (the user said "Add to My
// certificates" to one kept apart, Outcome.Apart): it is recorded as the
// check records it, not apart; the register keeps it the user's from then
// on, whatever a record still under way says (register.Store.Upsert).
func (f *Flow) AddToMine(ctx context.Context, a Answer) error {
	if f.Register == nil {
		return ErrNoRegister
	}
	o := a.Outcome
	o.Apart = false
	return f.Record(ctx, a.Check, o)
}

// pendingTry is what a renewal's pending password did on its file.
type pendingTry struct {
	opens, fails bool  // tried: it opens the file, or it does not
	err          error // not tried: the store did not give it
}

// tryPending reads the pending password id and tries it on the file at
// path, which holds the certificate with the fingerprint sha. None saved
// is neither an error nor a try; a store that does not answer, and a file
// that cannot tell (gone, or another file now), leave it not tried.
func (f *Flow) tryPending(ctx context.Context, path, sha, id string) pendingTry {
	pw, err := f.Vault.Get(ctx, id)
	switch {
	case errors.Is(err, vault.ErrNotFound):
		return pendingTry{}
	case err != nil:
		return pendingTry{err: fmt.Errorf("the password saved on the password card was not tried on the file: %w", err)}
	}
	opens, told := tryOn(path, sha, pw)
	return pendingTry{opens: opens, fails: told && !opens}
}

// settle writes what the try of the pending password id found, under the
// record's lock: one that opens the file is moved onto its certificate c;
// one that does not is marked so and named for what it is, in Fornyer's
// list and the store's own (vault.MarkDoesNotOpen), in lang. Gone
// meanwhile (another record moved it, or the user deleted it) is no error.
func (f *Flow) settle(ctx context.Context, try pendingTry, id string, c *inspect.Certificate, lang string) error {
	var err error
	switch {
	case try.opens:
		err = f.movePending(ctx, id, c)
	case try.fails:
		label := msg.T(lang, "renewal.pending.does_not_open", map[string]any{"Owner": Label(c), "Step": guide.Index(string(guide.TaskPassword)) + 1})
		err = f.Vault.MarkDoesNotOpen(ctx, id, c.SHA256, label)
	}
	if errors.Is(err, vault.ErrNotFound) {
		return nil
	}
	return err
}

// movePending moves the pending password id onto the certificate c, and
// then records that c's password is saved.
func (f *Flow) movePending(ctx context.Context, id string, c *inspect.Certificate) error {
	if err := f.Vault.RekeyEntry(ctx, id, PasswordEntry(c)); err != nil {
		return err
	}
	if f.Register == nil {
		return nil
	}
	return f.Register.SetPasswordSaved(c.SHA256, true)
}

// TryUntried tries the renewal's pending password that was never tried on
// its file (guide.Facts.UntriedPasswordID: the credential store did not
// give it when the file was recorded), as Record does: moved onto the
// certificate when it opens the file, marked when it does not, left when
// the store still does not give it (its error is returned) or the file is
// no longer where the register saw it. lang names a wrong one. facts are
// the renewal's (State); nothing to try is no error.
func (f *Flow) TryUntried(ctx context.Context, facts guide.Facts, lang string) error {
	id, c := facts.UntriedPasswordID, facts.Certificate
	if id == "" || c == nil || !stillThere(c.File) || f.Vault == nil {
		return nil
	}
	try := f.tryPending(ctx, c.File.Path, c.SHA256, id)
	defer lockRecording()()
	return errors.Join(try.err, f.settle(ctx, try, id, certOf(*c), lang))
}

// SaveProgress writes the guide's progress to path and keeps its places on
// the renewal's certificate in the register (guide.Progress.RecordPlaces):
// a place noted, handed over or switched is recorded when it happens,
// whichever card or screen it happened on. saveErr is the progress's
// write, recordErr the register's.
func (f *Flow) SaveProgress(p *guide.Progress, path string) (saveErr, recordErr error) {
	saveErr = p.Save(path)
	if f.Register != nil {
		_, recordErr = p.RecordPlaces(f.Register)
	}
	return saveErr, recordErr
}

// Forget forgets a certificate (My certificates' "Remove from list"): the
// register's record, and the passwords of the copies handed over from it
// (vault.HandOverOf), whose records go with it; the certificate's own
// passwords stay in the credential store's list, where the user deletes
// them. The removed record is returned, for its reminders to be cancelled.
// A register that refuses leaves everything (an empty record is returned);
// a credential store that fails is reported after the register is done.
func (f *Flow) Forget(ctx context.Context, sha256 string) (register.Certificate, error) {
	if f.Register == nil {
		return register.Certificate{}, ErrNoRegister
	}
	removed, err := f.Register.Remove(sha256)
	if err != nil {
		return register.Certificate{}, err // nothing forgotten: the passwords stay with their records
	}
	if f.Vault == nil {
		return removed, nil
	}
	entries, err := f.Vault.List(ctx)
	if err != nil {
		return removed, err
	}
	var errs []error
	for _, e := range entries {
		if vault.HandOverOf(e.ID, sha256) {
			if err := f.Vault.Delete(ctx, e.ID); err != nil && !errors.Is(err, vault.ErrNotFound) {
				errs = append(errs, err)
			}
		}
	}
	return removed, errors.Join(errs...)
}

// Label is how a certificate's saved password is described in the
// credential store's list: what it opens.
func Label(c *inspect.Certificate) string { return oces.OwnerName(c.Organization, c.CommonName) }

// PasswordDeleted is told that the password under id was deleted from the
// credential store: when it was the certificate's last saved password, the
// register no longer says it is saved.
func (f *Flow) PasswordDeleted(ctx context.Context, id string) error {
	sha, ok := vault.CertificateOf(id)
	if !ok || f.Register == nil {
		return nil
	}
	if f.Vault != nil {
		entries, err := f.Vault.List(ctx)
		if err != nil {
			return err
		}
		for _, e := range entries {
			if e.ID != id && vault.Opens(e.ID, sha) {
				return nil // another password of it is still saved
			}
		}
	}
	return f.PasswordSaved(sha, false)
}

// RecordReceipt records a receipt written for the certificate.
func (f *Flow) RecordReceipt(sha256 string, r register.Receipt) error {
	if f.Register == nil {
		return ErrNoRegister
	}
	return f.Register.RecordReceipt(sha256, r)
}

// RecordDPGInstalled records that the certificate was installed in DPG, by
// the person named: the guide's DPG tick and "Mark installed" in My
// certificates are this one fact.
func (f *Flow) RecordDPGInstalled(sha256, by string) error {
	if f.Register == nil {
		return ErrNoRegister
	}
	name, err := InstallerName(by)
	if err != nil {
		return err
	}
	return f.Register.RecordDPGInstalled(sha256, name, f.now())
}

// PasswordSaved records in the register that the certificate's password
// is in the credential store (saved is true) or no longer is.
func (f *Flow) PasswordSaved(sha256 string, saved bool) error {
	if f.Register == nil {
		return ErrNoRegister
	}
	err := f.Register.SetPasswordSaved(sha256, saved)
	if register.Code(err) == register.CodeNotFound {
		return nil // a certificate the register never learnt
	}
	return err
}

// SaveID is where the guide saves the renewal's password: under the
// renewal's pending id until the renewal has produced its certificate,
// under the certificate after.
func SaveID(p *guide.Progress) string {
	if p.FileChecked() {
		return vault.CertificateID(p.FileSHA256)
	}
	return vault.PendingID(p.RenewalID)
}

// RecordBackup records a verified backup's copies of the certificate file
// in the register.
func (f *Flow) RecordBackup(sha256 string, res *backup.Result) error {
	if f.Register == nil {
		return ErrNoRegister
	}
	var errs []error
	for _, file := range res.Files {
		if file.Kind != backup.KindCopy {
			continue
		}
		ref := register.FileRef{Path: file.Path, SHA256: file.SHA256, VerifiedAt: res.VerifiedAt, Drive: res.Drive, SameDisk: res.SameDisk}
		errs = append(errs, f.Register.RecordBackup(sha256, ref))
	}
	return errors.Join(errs...)
}

// Identifiers are the identifiers of a certificate the register knows, as
// inspect.Identifiers gives them for a checked one (the thumbprint only
// once the register has seen its SHA-1).
func Identifiers(c register.Certificate) []inspect.Identifier {
	return inspect.Identifiers(certOf(c))
}
