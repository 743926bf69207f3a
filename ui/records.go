package ui

import (
	"context"

	"fyne.io/fyne/v2"

	"github.com/fornyer/fornyer/core/backup"
	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/renewal"
	"github.com/fornyer/fornyer/ui/words"
)

// What the window does when a file has been checked: it asks core/renewal
// what the file means, draws the outcome, and has renewal.Flow write it in
// the background. No rule lives here.

// flow is the renewal's writer over the frame's register and credential
// store.
func (f *frame) flow() *renewal.Flow {
	return &renewal.Flow{Register: f.register, Vault: f.vault, Now: f.now}
}

// checked runs on the UI thread with core's answer to a file: the guide
// moves on when the answer says so, and the outcome is recorded in the
// background (core keeps one record write at a time, in no promised
// order: renewal.Flow.Record).
func (f *frame) checked(a renewal.Answer) {
	if a.Outcome.Kind == renewal.KindNotOpened {
		return
	}
	if f.guide != nil && a.Outcome.Apply(&f.guide.progress, a.Check.Report.Certificate.SHA256, f.now()) {
		f.guide.landed()
		f.guide.changed()
		f.passwordsChanged() // a password saved before the file may now be the wrong one
	}
	if a.Outcome.Record {
		flow := f.flow()
		f.background(func() {
			// Each credential-store call is bounded by the vault's one limit.
			if err := flow.Record(context.Background(), a.Check, a.Outcome); err != nil {
				fyne.LogError("recording the checked file", err)
			}
		})
	}
}

// waiting is the Check tab's answer whose question waits for the user
// (renewal.Answer.Waits), for the guide's download card to ask too; nil
// when none waits.
func (f *frame) waiting() *checkAnswer {
	if f.check == nil {
		return nil
	}
	for _, a := range f.check.shown {
		if a.answer.Waits() {
			return a
		}
	}
	return nil
}

// questionsChanged is the Check tab's report that what it asks changed
// (an answer drawn, answered, or cleared for a new check): the guide's
// card follows when what it shows changed (guide.Facts.Asked).
func (f *frame) questionsChanged() {
	if f.guide != nil {
		f.guide.factsChanged()
	}
}

// answered is the user's answer to "Is this the file you just
// downloaded?" for the certificate with the fingerprint: kept in the
// guide's progress, where a yes does the download step.
func (f *frame) answered(sha string, yes bool) {
	if f.guide == nil {
		return
	}
	renewal.AnswerQuestion(&f.guide.progress, sha, yes, f.now())
	if yes {
		f.guide.landed()
	}
	f.guide.changed()
}

// landed brings the guide, the renewal's file just taken, to the first
// card that still needs something with every fact the window reads (core
// took it as far as the progress tells: guide.Progress.Land).
func (g *guideState) landed() { g.progress.Land(g.facts()) }

// passwordSavedFor notes in the register that the certificate's password
// is now in the credential store.
func (f *frame) passwordSavedFor(sha string) {
	flow := f.flow()
	f.background(func() {
		if err := flow.PasswordSaved(sha, true); err != nil {
			fyne.LogError("recording the saved password", err)
		}
	})
}

// passwordDeleted forgets in the register that the password under id is
// saved, when it was its certificate's last. The guide follows from the
// store's list, read again on the vault's report.
func (f *frame) passwordDeleted(id string) {
	flow := f.flow()
	f.background(func() {
		if err := flow.PasswordDeleted(context.Background(), id); err != nil {
			fyne.LogError("recording the deleted password", err)
		}
	})
}

// recordBackup notes a verified backup in the register.
func (f *frame) recordBackup(r *inspect.Report, res *backup.Result) {
	if f.register == nil || r.Certificate == nil || res == nil {
		return
	}
	flow := f.flow()
	sha := r.Certificate.SHA256
	f.background(func() {
		if err := flow.RecordBackup(sha, res); err != nil {
			fyne.LogError("recording the backup", err)
		}
	})
}

// recordReceipt notes a receipt written for the certificate with the
// fingerprint sha in the register, off the UI thread.
func (f *frame) recordReceipt(sha string, r register.Receipt) {
	if f.register == nil || sha == "" {
		return
	}
	flow := f.flow()
	f.background(func() {
		if err := flow.RecordReceipt(sha, r); err != nil {
			fyne.LogError("recording the receipt", err)
		}
	})
}

// recordDPGInstalled records that the certificate with the fingerprint was
// installed in DPG now, by the person named: the guide's DPG card and "Mark
// installed" on My certificates are this one fact. Off the UI thread.
func recordDPGInstalled(f *frame, sha256, by string) error {
	return f.flow().RecordDPGInstalled(sha256, by)
}

// answerFor returns the Check screen's answer for the certificate with the
// fingerprint, when it is showing one that opened.
func (f *frame) answerFor(sha string) *checkAnswer {
	if f.check == nil {
		return nil
	}
	for _, a := range f.check.shown {
		if renewal.HoldsKey(a.report) && a.report.Certificate.SHA256 == sha {
			return a
		}
	}
	return nil
}

// backUpChecked and receiptForChecked are the guide's "Back up" and
// "Receipt" for the file it checked: straight to the dialog when the Check
// screen still holds the answer (and so the password), else the file is
// checked again from where the register last saw it, and the dialog opens
// once it opens (with the password typed, when none saved opens it).
func (f *frame) backUpChecked(sha string) {
	if a := f.answerFor(sha); a != nil && a.answer.OffersBackUp() {
		a.backup()
		return
	}
	f.recheck(sha, func(a *checkAnswer) {
		if a.answer.OffersBackUp() {
			a.backup()
		}
	})
}

func (f *frame) receiptForChecked(sha string) {
	if a := f.answerFor(sha); a != nil {
		a.receipt()
		return
	}
	f.recheck(sha, (*checkAnswer).receipt)
}

// recheck checks the certificate's file again, from where the register
// last saw it, and does then with its answer once the file opens (the
// same certificate only). The user stays where they are, the guide, while
// it runs behind the dialog that then opens (X4); the Check tab shows
// itself only when it has something to say: the file needs its password
// typed, did not open, or is not where the register saw it.
func (f *frame) recheck(sha string, then func(*checkAnswer)) {
	var c register.Certificate
	ok := f.register != nil
	if ok {
		c, ok = f.register.Get(sha)
	}
	if !ok || c.File == nil {
		f.tabs.SelectIndex(checkTab)
		return
	}
	f.check.checkFilesThen([]string{c.File.Path}, func(a *checkAnswer) {
		if a.report.Certificate != nil && a.report.Certificate.SHA256 == sha {
			then(a)
			return
		}
		// Another certificate in that file now (replaced, exported
		// anew): its answer says so (review S7).
		f.tabs.SelectIndex(checkTab)
	})
}

// showReceiptFor opens the receipt dialog filled by core from the report,
// the register and the guide's progress.
func (f *frame) showReceiptFor(r *inspect.Report, passwordSaved bool) {
	showReceipt(f, renewal.ReceiptData(r, words.Language(), passwordSaved, f.registered(r), f.guideProgress(), f.passwordIndex.list, f.now(), f.thisComputer()))
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
