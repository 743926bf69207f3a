package renewal

import (
	"net/mail"
	"strings"
	"time"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/receipt"
	"github.com/fornyer/fornyer/core/register"
)

// ReceiptData gathers what the receipt of a checked certificate shows, from
// the one store of each fact: the certificate from the report; the saved
// password from the credential store's list pw when it was read, else the
// register; where else it is kept, backups and DPG installation from the
// register (reg may be nil); the guide's steps and the places switched over
// from the progress and the renewal's facts (State, with the credential
// store's list pw), when the guide's renewal produced this certificate (or
// none yet). passwordSaved says the password that opened the file is saved,
// for a certificate the register does not know; host is this computer's
// name, where a saved password is. Who renewed it is, until the user says
// otherwise, whoever recorded the DPG installation. It holds no password.
func ReceiptData(r *inspect.Report, lang string, passwordSaved bool, reg *register.Certificate, p *guide.Progress, pw guide.Passwords, at time.Time, host string) receipt.Data {
	d := receipt.FromCertificate(r.Certificate, lang, at)
	d.PasswordSaved = passwordSaved
	if reg != nil {
		if !reg.Renewed.IsZero() {
			d.RenewedAt = reg.Renewed // when the guide renewed it, not when the receipt is made
		}
		d.PasswordSaved = d.PasswordSaved || register.PasswordSaved(*reg, pw.Held())
		for _, b := range reg.Backups {
			d.Backups = append(d.Backups, receipt.Backup{Location: b.Path, Drive: b.Drive, SameDisk: b.SameDisk, SHA256: b.SHA256, VerifiedAt: b.VerifiedAt})
		}
		for _, h := range reg.HandOvers {
			d.HandOvers = append(d.HandOvers, receipt.HandOver{To: h.To, At: h.At})
		}
		if reg.DPG != nil {
			d.DPG = &receipt.DPGInstall{At: reg.DPG.At, By: reg.DPG.By}
			d.RenewedBy = reg.DPG.By
		}
		// The last receipt's form, as the user filled it in, comes back.
		if n := len(reg.Receipts); n > 0 {
			last := reg.Receipts[n-1]
			if last.By != "" {
				d.RenewedBy = last.By
			}
			d.Email = last.Email
		}
	}
	if reg != nil || p != nil {
		c := reg
		if c == nil {
			c = &register.Certificate{SHA256: d.SHA256}
		}
		d.PasswordKept, d.PasswordHost = p.KeptFor(c)
	}
	if d.PasswordSaved && d.PasswordHost == "" {
		d.PasswordHost = host // the receipt is made where the password was saved
	}
	if p != nil && (!p.FileChecked() || p.FileSHA256 == d.SHA256) {
		f := guide.FactsOf(p, reg, pw)
		// A receipt made mid-way says "not yet" of the steps the renewal
		// has not come to, the card it is on included, never "not done".
		here := p.Index()
		for i, s := range guide.Steps {
			doneAt, _ := p.StepDone(s.ID, f)
			if s.Task == guide.TaskSummary && i == here && doneAt.IsZero() {
				// Made on the summary, the receipt is the summing up: its
				// step is done as it is made, not "not yet" (walk W3).
				doneAt = at
			}
			d.Steps = append(d.Steps, receipt.Step{Title: msg.T(lang, s.Title, nil), DoneAt: doneAt, Ahead: doneAt.IsZero() && i >= here, Passed: p.Passed(s.ID, f)})
		}
		switching := here >= guide.TaskIndex(guide.TaskSwitch) // before it, a place is "not yet" switched
		var places []register.Place
		for _, it := range guide.Summarize(p, f).Checklist {
			pl := ReceiptPlace(lang, it)
			pl.Ahead = !it.Done && !switching
			d.Places = append(d.Places, pl)
			places = append(places, it.Usage)
		}
		if d.Email == "" {
			d.Email = dpgAddress(places)
		}
	}
	if d.Email == "" && reg != nil {
		d.Email = dpgAddress(reg.Places)
	}
	return d
}

// dpgAddress is the e-mail address noted on DPG secure mail's place (card
// 3's "Optional note, e.g. which e-mail address"), so that the receipt
// does not say "not given" of an address the user gave: the first word of
// the note that is a whole address; "" for none.
func dpgAddress(places []register.Place) string {
	for _, pl := range places {
		if pl.Preset != string(guide.PlaceDPGMail) {
			continue
		}
		for _, w := range strings.FieldsFunc(pl.Note, func(r rune) bool { return strings.ContainsRune(" \t\n,;()<>\"'", r) }) {
			w = strings.TrimRight(w, ".:")
			if !strings.Contains(w, "@") {
				continue
			}
			if a, err := mail.ParseAddress(w); err == nil && a.Address == w {
				return w
			}
		}
	}
	return ""
}

// ReceiptPlace is a place of the checklist as the receipt lists it: its
// name in lang, what it needs, what was handed over and when, and when it
// was switched over.
func ReceiptPlace(lang string, it guide.UsageItem) receipt.Place {
	u := it.Usage
	u.Note = ""
	return receipt.Place{
		Name: guide.Title(lang, u), Note: it.Note, Needs: it.Kind,
		Given: it.Given, GivenTo: it.GivenTo, GivenAt: it.GivenAt, SwitchedAt: it.DoneAt,
	}
}
