package renewal

import (
	"time"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/safetext"
)

// LastTime is what the register knows of the last renewal of the
// certificate being renewed (Renewing): three years on, the next
// administrator needs to know who did it, and where the password and the
// backup were put, before starting (X23). It holds no secret.
type LastTime struct {
	Renewed time.Time // when the certificate was renewed: Fornyer's record, else the day it was issued
	By      string    // who renewed it (the receipt's name), else who installed it in DPG; "" unknown
	Kept    string    // where else the password was kept: a register.Kept* answer, "" not asked
	Host    string    // the computer whose credential store held it; "" unknown
	Drive   string    // the USB stick the newest backup away from the computer is on; "" none known
	Backup  string    // that backup's path (or the newest backup's); "" none
	Receipt string    // the newest receipt's path; "" none
}

// Last is what the register knows of the last renewal of the certificate
// the renewal p renews (Renewing); false when the register knows no such
// certificate, or nothing of how it was renewed.
func Last(p *guide.Progress, certs []register.Certificate, now time.Time) (LastTime, bool) {
	c, ok := Renewing(p, certs, now)
	if !ok {
		return LastTime{}, false
	}
	l := LastTime{Renewed: c.Renewed, Host: c.PasswordHost}
	if register.KnownKept(c.PasswordKept) {
		l.Kept = c.PasswordKept // an answer a newer version wrote, or a hand edit, recalls nothing
	}
	for _, r := range c.Receipts {
		if r.By != "" {
			l.By = r.By
		}
		l.Receipt = r.Path
		if l.Renewed.IsZero() {
			l.Renewed = r.At
		}
	}
	if l.By == "" && c.DPG != nil {
		l.By = c.DPG.By
	}
	for _, b := range c.Backups {
		if l.Backup == "" || (!b.SameDisk && b.Drive != "") {
			l.Backup, l.Drive = b.Path, b.Drive
		}
	}
	if l.By == "" && l.Kept == "" && l.Backup == "" && l.Receipt == "" {
		return LastTime{}, false // a certificate Fornyer only saw: nothing to recall
	}
	if l.Renewed.IsZero() {
		l.Renewed = c.NotBefore
	}
	return l, true
}

// Proposed is last time's answer to "Where else is the password kept?",
// for the password card to propose (guide.last.kept.use.<answer>): ""
// when there is none, or it was "nowhere yet", which is no answer to
// repeat.
func (l LastTime) Proposed() string {
	if l.Kept == register.KeptNowhere {
		return ""
	}
	return l.Kept
}

// Lines are what the first card says of the last renewal, in the language
// lang: when and by whom, where the password was kept, where the backup
// and the receipt are.
func (l LastTime) Lines(lang string) []string {
	var out []string
	add := func(key string, data map[string]string) { out = append(out, msg.T(lang, key, data)) }
	// Names and paths come from the register, written from what users
	// typed and files were called: one safe line each.
	l.By, l.Host, l.Drive, l.Backup, l.Receipt = safetext.Line(l.By), safetext.Line(l.Host), safetext.Line(l.Drive), safetext.Line(l.Backup), safetext.Line(l.Receipt)
	date := msg.Date(lang, l.Renewed.Local())
	if l.By != "" {
		add("guide.last.renewed_by", map[string]string{"Date": date, "By": l.By})
	} else {
		add("guide.last.renewed", map[string]string{"Date": date})
	}
	if l.Host != "" {
		add("guide.last.host", map[string]string{"Host": l.Host})
	}
	if l.Kept != "" {
		add("guide.last.kept."+l.Kept, nil)
	}
	switch {
	case l.Drive != "":
		add("guide.last.backup.drive", map[string]string{"Drive": l.Drive})
	case l.Backup != "":
		add("guide.last.backup.path", map[string]string{"Path": l.Backup})
	}
	if l.Receipt != "" {
		add("guide.last.receipt", map[string]string{"Path": l.Receipt})
	}
	return out
}
