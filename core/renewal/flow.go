package renewal

import (
	"context"
	"errors"
	"os"
	"sync"
	"time"

	"github.com/fornyer/fornyer/core/backup"
	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/inspect"
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
		SHA256:        cert.SHA256,
		SHA1:          cert.SHA1,
		Organization:  cert.Organization,
		CVR:           cert.CVR,
		UUID:          cert.UUID,
		Serial:        cert.Serial,
		CommonName:    cert.CommonName,
		Kind:          cert.Kind,
		Environment:   cert.Environment,
		NotBefore:     cert.NotBefore,
		NotAfter:      cert.NotAfter,
		File:          file,
		PasswordSaved: c.OpenedBy != "",
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

// Record writes the outcome of a check: the certificate into the register
// (a password saved before stays recorded), that the guide renewed it, and
// the pending password moved onto it, never leaving a moment without it.
// Every step is tried; the errors are joined. One record writes at a time,
// in no promised order (recording).
func (f *Flow) Record(ctx context.Context, c Check, o Outcome) error {
	if !o.Record {
		return nil
	}
	if !recording.TryLock() {
		if recordingBusy != nil {
			recordingBusy()
		}
		recording.Lock()
	}
	defer recording.Unlock()
	var errs []error
	sha := c.Report.Certificate.SHA256
	if f.Register != nil {
		e := Entry(c, f.now())
		if known, ok := f.Register.Get(sha); ok && stillThere(known.File) && known.File.Path != c.Path {
			// The file first recorded (the download) stays the
			// certificate's file while it is there; another copy checked
			// later (a re-export, a copy on a stick) does not replace it.
			e.File = nil
		}
		e.PasswordKept, e.PasswordHost = o.PasswordKept, o.PasswordHost
		errs = append(errs, f.Register.Upsert(e))
		if o.Advance {
			errs = append(errs, f.Register.RecordRenewed(sha, f.now()))
		}
		if len(o.Places) > 0 {
			errs = append(errs, f.Register.RecordPlaces(sha, o.Places))
		}
	}
	move := o.MovePending
	if move == "" && o.TryPending != "" && f.Vault != nil {
		if pw, err := f.Vault.Get(ctx, o.TryPending); err == nil && Opens(c.Path, sha, pw) {
			move = o.TryPending
		}
	}
	if move != "" && f.Vault != nil {
		if err := f.Vault.RekeyEntry(ctx, move, PasswordEntry(c.Report.Certificate)); err != nil {
			errs = append(errs, err)
		} else if f.Register != nil {
			errs = append(errs, f.Register.SetPasswordSaved(sha, true))
		}
	}
	if o.NamePending != "" && f.Vault != nil {
		err := f.Vault.Relabel(ctx, o.NamePending, Label(c.Report.Certificate))
		if err != nil && !errors.Is(err, vault.ErrNotFound) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
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
	return inspect.Identifiers(&inspect.Certificate{SHA1: c.SHA1, SHA256: c.SHA256, Serial: c.Serial, UUID: c.UUID, CVR: c.CVR})
}
