package ui

import (
	"context"
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

// checked runs on the UI thread after a file was opened. passwordIndex is
// the index in saved of the password that opened it (-1: typed or empty).
func (f *frame) checked(path string, r *inspect.Report, password string, saved savedSet, passwordIndex int) {
	cert := r.Certificate
	if cert == nil || !cert.Verified {
		return
	}
	entry, fromStore := saved.entry(passwordIndex)
	if f.register != nil {
		c := registerEntry(path, r)
		c.PasswordSaved = fromStore
		if old, ok := f.register.Get(cert.SHA256); ok {
			c.PasswordSaved = c.PasswordSaved || old.PasswordSaved
		}
		if err := f.register.Upsert(c); err != nil {
			fyne.LogError("recording the certificate", err)
		}
	}
	if r.Ready() && f.guide != nil && currentTask(f.guide.progress) == guide.TaskDownload {
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

// previousOf returns the organisation's previous certificate from the
// register (same OCES UUID, another certificate, the latest such), as a
// report to compare with, or nil.
func (f *frame) previousOf(r *inspect.Report) *inspect.Report {
	if f.register == nil || r.Certificate == nil {
		return nil
	}
	cur := r.Certificate
	var best *register.Certificate
	for _, c := range f.register.List() {
		if c.SHA256 == cur.SHA256 || c.UUID == "" || c.UUID != cur.UUID {
			continue
		}
		if best == nil || c.NotAfter.After(best.NotAfter) {
			c := c
			best = &c
		}
	}
	if best == nil {
		return nil
	}
	return &inspect.Report{Lang: r.Lang, Certificate: &inspect.Certificate{
		Organization: best.Organization, CVR: best.CVR, UUID: best.UUID, Serial: best.Serial,
		CommonName: best.CommonName, NotBefore: best.NotBefore, NotAfter: best.NotAfter, SHA256: best.SHA256,
	}}
}

// passwordSavedFor notes in the register that the certificate's password
// is now in the credential store.
func (f *frame) passwordSavedFor(r *inspect.Report) {
	if f.register == nil || r.Certificate == nil {
		return
	}
	if err := f.register.SetPasswordSaved(r.Certificate.SHA256, true); err != nil {
		fyne.LogError("recording the saved password", err)
	}
}

// recordBackup notes a verified backup in the register.
func (f *frame) recordBackup(r *inspect.Report, res *backup.Result) {
	if f.register == nil || r.Certificate == nil || res == nil {
		return
	}
	for _, file := range res.Files {
		if file.Kind != backup.KindCopy {
			continue
		}
		ref := register.FileRef{Path: file.Path, SHA256: file.SHA256, VerifiedAt: res.VerifiedAt}
		if err := f.register.RecordBackup(r.Certificate.SHA256, ref); err != nil {
			fyne.LogError("recording the backup", err)
		}
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
	cert := r.Certificate
	d := receipt.Data{
		Lang: l, Organization: cert.Organization, CVR: cert.CVR, CommonName: cert.CommonName,
		Serial: cert.Serial, UUID: cert.UUID, Environment: cert.Environment, SHA256: cert.SHA256,
		NotBefore: cert.NotBefore, NotAfter: cert.NotAfter,
		PasswordSaved: passwordSaved, RenewedAt: recordNow(), GeneratedAt: recordNow(),
	}
	if reg != nil {
		d.PasswordSaved = d.PasswordSaved || reg.PasswordSaved
		if !reg.Renewed.IsZero() {
			d.RenewedAt = reg.Renewed
		}
		for _, b := range reg.Backups {
			d.Backups = append(d.Backups, receipt.Backup{Location: b.Path, SHA256: b.SHA256, VerifiedAt: b.VerifiedAt})
		}
		if reg.DPG != nil {
			d.DPG = &receipt.DPGInstall{At: reg.DPG.At, By: reg.DPG.By}
		}
	}
	if p != nil && (p.FileSHA256 == "" || p.FileSHA256 == cert.SHA256) {
		for _, s := range guide.Steps {
			d.Steps = append(d.Steps, receipt.Step{Title: msg.T(l, s.Title, nil), DoneAt: p.Done[s.ID]})
		}
		if !p.StartedAt.IsZero() && reg == nil {
			d.RenewedAt = p.StartedAt
		}
	}
	return d
}
