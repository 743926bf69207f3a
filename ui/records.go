package ui

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"github.com/fornyer/fornyer/core/backup"
	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/receipt"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/vault"
)

// What the window remembers when a file has been checked: the register
// learns the certificate, a password saved during the renewal moves onto it,
// and the guide learns that its download step is done. The screens call
// these; the logic lives in core.

// recordNow is the clock of these records; tests replace it.
var recordNow = time.Now

// checked runs on the UI thread after a file was opened; entry is the
// saved password that opened it, when fromStore.
func (f *frame) checked(path string, r *inspect.Report, entry savedPassword, fromStore bool) {
	cert := r.Certificate
	if cert == nil || !cert.Verified {
		return
	}
	// Only certificates that chain to the state's CA are remembered: the
	// register feeds reminders and notifications, and a certificate anyone
	// can make has no business there.
	renewal := r.Ready() && f.guide != nil && currentTask(f.guide.progress) == guide.TaskDownload && f.isRenewed(r)
	if f.register != nil && r.ChainTrusted {
		c := registerEntry(path, r)
		if renewal {
			renewalKept(f.guide.progress, &c)
		}
		c.PasswordSaved = fromStore
		if old, ok := f.register.Get(cert.SHA256); ok {
			c.PasswordSaved = c.PasswordSaved || old.PasswordSaved
		}
		background(func() {
			if err := f.register.Upsert(c); err != nil {
				fyne.LogError("recording the certificate", err)
			}
		})
	}
	if renewal {
		f.guide.fileChecked(cert.SHA256)
	}
	// A password saved while the certificate did not exist yet now belongs
	// to it: move it, in the background, never leaving a moment without it.
	if fromStore && isPending(entry.id) && f.vault != nil {
		to := vault.CertificateID(cert.SHA256)
		background(func() {
			ctx, cancel := context.WithTimeout(context.Background(), 2*f.vault.Timeout())
			defer cancel()
			if err := f.vault.Rekey(ctx, entry.id, to, cert.Organization); err != nil {
				fyne.LogError("moving the saved password onto the certificate", err)
			}
		})
	}
}

// isRenewed reports whether a checked file can be the renewal's download:
// not the old certificate again, not another organisation's, not one that
// ends sooner than the one it would replace.
func (f *frame) isRenewed(r *inspect.Report) bool {
	prev := f.previousOf(r)
	if prev == nil {
		return true
	}
	switch inspect.Compare(prev, r).Outcome {
	case inspect.CompareRenewal, inspect.CompareNewIdentity:
		return true
	}
	return false
}

// currentTask is the task of the guide's current step: a file checked
// while the guide waits on the download step is the renewed one.
func currentTask(p guide.Progress) guide.Task {
	if s, ok := guide.ByID(p.Current); ok {
		return s.Task
	}
	return guide.TaskNone
}

func isPending(id string) bool { return vault.Entry{ID: id}.Pending() }

// registerEntry is what the register keeps of a checked file.
func registerEntry(path string, r *inspect.Report) register.Certificate {
	cert := r.Certificate
	return register.Certificate{
		SHA256:       cert.SHA256,
		Organization: cert.Organization,
		CVR:          cert.CVR,
		UUID:         cert.UUID,
		Serial:       cert.Serial,
		CommonName:   cert.CommonName,
		Kind:         cert.Kind,
		Environment:  cert.Environment,
		NotBefore:    cert.NotBefore,
		NotAfter:     cert.NotAfter,
		File:         &register.FileRef{Path: path, SHA256: r.FileSHA256, VerifiedAt: recordNow()},
	}
}

// previousOf returns what to compare a checked file with, as a report, or
// nil: the organisation's latest other certificate with the same OCES UUID
// in the register. While the guide waits for the downloaded file, it also
// catches the two slips of that moment: a certificate issued before the
// renewal began (the old file again), and one of another organisation than
// any the register knows.
func (f *frame) previousOf(r *inspect.Report) *inspect.Report {
	cur := r.Certificate
	if cur == nil {
		return nil
	}
	var sameLine, latest *register.Certificate
	sameCVR := false
	if f.register != nil {
		for _, c := range f.register.List() {
			if c.SHA256 == cur.SHA256 {
				continue
			}
			c := c
			if c.UUID != "" && strings.EqualFold(c.UUID, cur.UUID) && (sameLine == nil || c.NotAfter.After(sameLine.NotAfter)) {
				sameLine = &c
			}
			if latest == nil || c.Updated.After(latest.Updated) {
				latest = &c
			}
			sameCVR = sameCVR || (c.CVR != "" && c.CVR == cur.CVR)
		}
	}
	if sameLine != nil {
		return registeredReport(sameLine, r.Lang)
	}
	if f.guide == nil || currentTask(f.guide.progress) != guide.TaskDownload {
		return nil
	}
	if started := f.guide.progress.StartedAt; !started.IsZero() && cur.NotBefore.Before(started.Add(-issueSlack)) {
		return r // Compare calls it the same certificate as before
	}
	if latest != nil && !sameCVR {
		return registeredReport(latest, r.Lang)
	}
	return nil
}

// issueSlack allows for a computer clock that is a little off when telling
// a certificate issued during the renewal from one issued before it.
const issueSlack = 24 * time.Hour

func registeredReport(c *register.Certificate, l string) *inspect.Report {
	return &inspect.Report{Lang: l, Certificate: &inspect.Certificate{
		Organization: c.Organization, CVR: c.CVR, UUID: c.UUID, Serial: c.Serial,
		CommonName: c.CommonName, NotBefore: c.NotBefore, NotAfter: c.NotAfter, SHA256: c.SHA256,
	}}
}

// passwordSavedFor notes in the register that the certificate's password
// is now in the credential store.
func (f *frame) passwordSavedFor(r *inspect.Report) {
	if f.register == nil || r.Certificate == nil {
		return
	}
	sha := r.Certificate.SHA256
	background(func() {
		if err := f.register.SetPasswordSaved(sha, true); err != nil {
			fyne.LogError("recording the saved password", err)
		}
	})
}

// passwordDeleted forgets, in the register and in the guide, that the
// password under id is saved: the receipt must not say "saved", and the
// guide must not offer to show it.
func (f *frame) passwordDeleted(id string) {
	if sha, ok := strings.CutPrefix(id, vault.CertificateID("")); ok && f.register != nil {
		background(func() {
			if err := f.register.SetPasswordSaved(sha, false); err != nil && register.Code(err) != register.CodeNotFound {
				fyne.LogError("recording the deleted password", err)
			}
		})
	}
	if g := f.guide; g != nil && g.progress.PasswordSaved &&
		(id == vault.PendingID(g.progress.RenewalID) || id == vault.CertificateID(g.progress.FileSHA256)) {
		g.progress.ForgetPasswordSaved()
		g.changed()
	}
}

// recordBackup notes a verified backup in the register.
func (f *frame) recordBackup(r *inspect.Report, res *backup.Result) {
	if f.register == nil || r.Certificate == nil || res == nil {
		return
	}
	sha := r.Certificate.SHA256
	background(func() {
		for _, file := range res.Files {
			if file.Kind != backup.KindCopy {
				continue
			}
			ref := register.FileRef{Path: file.Path, SHA256: file.SHA256, VerifiedAt: res.VerifiedAt}
			if err := f.register.RecordBackup(sha, ref); err != nil {
				fyne.LogError("recording the backup", err)
			}
		}
	})
}

// recordReceipt notes a receipt written for the certificate with the
// fingerprint sha in the register, off the UI thread.
func (f *frame) recordReceipt(sha, path string, at time.Time) {
	if f.register == nil || sha == "" {
		return
	}
	background(func() {
		if err := f.register.RecordReceipt(sha, path, at); err != nil {
			fyne.LogError("recording the receipt", err)
		}
	})
}

// answerFor returns the Check screen's answer for the certificate with the
// fingerprint, when it is showing one that opened.
func (f *frame) answerFor(sha string) *checkAnswer {
	if f.check == nil {
		return nil
	}
	for _, a := range f.check.shown {
		if a.report.Opened() && a.report.Certificate != nil && a.report.Certificate.SHA256 == sha {
			return a
		}
	}
	return nil
}

// backUpChecked and receiptForChecked are the guide's "Back up" and
// "Receipt" for the file it checked: straight to the dialog when the Check
// screen still holds the answer (and so the password), else the file is
// checked again from where the register last saw it, and the answer's own
// buttons take over.
func (f *frame) backUpChecked(sha string) {
	if a := f.answerFor(sha); a != nil && a.canBackUp() {
		a.backup()
		return
	}
	f.recheck(sha)
}

func (f *frame) receiptForChecked(sha string) {
	if a := f.answerFor(sha); a != nil {
		a.receipt()
		return
	}
	f.recheck(sha)
}

func (f *frame) recheck(sha string) {
	f.tabs.SelectIndex(checkTab)
	if f.register == nil {
		return
	}
	if c, ok := f.register.Get(sha); ok && c.File != nil {
		f.check.checkFiles([]string{c.File.Path})
	}
}

// showReceiptFor opens the receipt dialog filled from the report, the
// register (backups, DPG installation) and the guide's progress.
func (f *frame) showReceiptFor(r *inspect.Report, passwordSaved bool) {
	showReceipt(f, receiptData(r, f.lang(), passwordSaved, f.registered(r), f.guideProgress()))
}

func (f *frame) registered(r *inspect.Report) *register.Certificate {
	if f.register == nil || r.Certificate == nil {
		return nil
	}
	if c, ok := f.register.Get(r.Certificate.SHA256); ok {
		return &c
	}
	return nil
}

func (f *frame) guideProgress() *guide.Progress {
	if f.guide == nil {
		return nil
	}
	return &f.guide.progress
}

// receiptData gathers what the receipt shows; it holds no password.
func receiptData(r *inspect.Report, l string, passwordSaved bool, reg *register.Certificate, p *guide.Progress) receipt.Data {
	d := receipt.FromCertificate(r.Certificate, l, recordNow())
	d.PasswordSaved = passwordSaved
	if reg != nil {
		d.PasswordSaved = d.PasswordSaved || reg.PasswordSaved
		for _, b := range reg.Backups {
			d.Backups = append(d.Backups, receipt.Backup{Location: b.Path, SHA256: b.SHA256, VerifiedAt: b.VerifiedAt})
		}
		if reg.DPG != nil {
			d.DPG = &receipt.DPGInstall{At: reg.DPG.At, By: reg.DPG.By}
		}
	}
	if reg != nil {
		d.PasswordKept, d.PasswordHost = reg.PasswordKept, reg.PasswordHost
	}
	if p != nil && d.PasswordKept == "" && p.FileSHA256 == d.SHA256 {
		d.PasswordKept, d.PasswordHost = p.PasswordKept, p.PasswordHost
	}
	if d.PasswordSaved && d.PasswordHost == "" {
		d.PasswordHost = thisComputer() // the receipt is made where the password was saved
	}
	if p != nil && (p.FileSHA256 == "" || p.FileSHA256 == d.SHA256) {
		for _, s := range guide.Steps {
			d.Steps = append(d.Steps, receipt.Step{Title: msg.T(l, s.Title, nil), DoneAt: p.DoneAt(s.ID)})
		}
		for _, it := range guide.Summarize(p, reg).Checklist {
			d.Places = append(d.Places, receipt.Place{Name: msg.T(l, it.Place.Key(), nil), Note: it.Note, SwitchedAt: it.DoneAt})
		}
	}
	return d
}
