// Package receipt owns Fornyer's printable documents: the renewal receipt an
// organisation files (what was renewed, when, by whom, where the backups
// are, and the DPG installation to be signed off) and the renewal checklist
// to keep beside the keyboard. Both are A4 PDFs in the user's language,
// drawn with gopdf and the Go fonts, which are embedded so that æ, ø and å
// print the same everywhere. The password is never part of either.
package receipt

import (
	"bytes"
	"errors"
	"strings"
	"time"

	"github.com/fornyer/fornyer/core/appinfo"
	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/oces"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/safefile"
	"github.com/fornyer/fornyer/core/safetext"
)

// Data is what the receipt records. Only the fields it shows are here; in
// particular there is no password, only whether it was saved.
type Data struct {
	Lang string // "da" or "en"

	Organization, CVR, CommonName, Serial, UUID string
	Environment                                 string // "production" or "test"
	SHA256                                      string // the certificate's fingerprint, hex
	// SHA1 is its thumbprint, hex: what the receipt names it by, as
	// Windows and the places that ask for the certificate do (Y3);
	// without it, the SHA-256 fingerprint.
	SHA1                string
	NotBefore, NotAfter time.Time

	RenewedAt time.Time
	RenewedBy string
	Email     string // the e-mail address the certificate is used with in DPG; optional

	Steps         []Step
	Places        []Place    // where else the certificate is used, as the user noted it
	HandOvers     []HandOver // copies given away under a password of their own
	PasswordSaved bool       // saved in the operating system's credential store
	PasswordHost  string     // the computer whose credential store holds it
	PasswordKept  string     // where else it is kept: a register.Kept* answer, "" when not asked
	Backups       []Backup
	DPG           *DPGInstall // nil: not recorded yet, the receipt has lines to fill in by hand

	GeneratedAt time.Time // also decides the time zone every time is shown in
}

// safe returns d with every text that comes from a certificate, a file name
// or a person made one plain line (core/safetext): no line break or control
// character can add a line to the printed receipt.
func (d Data) safe() Data {
	for _, p := range []*string{&d.Organization, &d.CVR, &d.CommonName, &d.Serial, &d.UUID, &d.SHA256, &d.SHA1, &d.RenewedBy, &d.Email} {
		*p = safetext.Line(*p)
	}
	d.Steps = append([]Step(nil), d.Steps...)
	for i := range d.Steps {
		d.Steps[i].Title = safetext.Line(d.Steps[i].Title)
	}
	d.Places = append([]Place(nil), d.Places...)
	for i := range d.Places {
		d.Places[i].Name = safetext.Line(d.Places[i].Name)
		d.Places[i].Note = safetext.Line(d.Places[i].Note)
		d.Places[i].GivenTo = safetext.Line(d.Places[i].GivenTo)
	}
	d.HandOvers = append([]HandOver(nil), d.HandOvers...)
	for i := range d.HandOvers {
		d.HandOvers[i].To = safetext.Line(d.HandOvers[i].To)
	}
	d.Backups = append([]Backup(nil), d.Backups...)
	for i := range d.Backups {
		d.Backups[i].Location = safetext.Line(d.Backups[i].Location)
		d.Backups[i].Drive = safetext.Line(d.Backups[i].Drive)
		d.Backups[i].SHA256 = safetext.Line(d.Backups[i].SHA256)
	}
	if d.DPG != nil {
		dpg := *d.DPG
		dpg.By = safetext.Line(dpg.By)
		d.DPG = &dpg
	}
	return d
}

// Step is one of the guide's steps as the receipt lists it.
type Step struct {
	Title  string
	DoneAt time.Time // zero: not done
	// Ahead: the renewal had not come to the step when the receipt was
	// made; it reads "not yet", never "not done".
	Ahead bool
	// Passed: jumped over from the stepper with nothing left undone (a
	// card with only words); it reads "passed", never a time it was done.
	Passed bool
}

// Place is a place the certificate is used, from the user's own list in
// the guide, and whether it was switched to the renewed certificate.
type Place struct {
	Name       string    // the place's name, in the receipt's language
	Note       string    // the user's note ("e-conomic"); optional
	Needs      string    // what it needs: a register.Needs* value; "" unknown
	Given      string    // what was handed over: a register.Gave* value; "" nothing yet
	GivenTo    string    // who a hand-over copy went to
	GivenAt    time.Time // when it was handed over
	SwitchedAt time.Time // zero: not switched yet
	Ahead      bool      // the renewal had not come to switching over: "not yet"
}

// HandOver is a copy of the .p12 given to someone under its own password
// (never printed: only who and when).
type HandOver struct {
	To string
	At time.Time
}

// Backup is a copy of the certificate file that was read back and compared.
type Backup struct {
	Location   string // where the copy is (a path)
	Drive      string // the USB stick it is on, by its label ("KINGSTON (E:)"); "" if none known
	SameDisk   bool   // on the same disk as the original: a copy on a USB stick is still to do
	SHA256     string // of the file, hex
	VerifiedAt time.Time
}

// DPGInstall records the installation in DPG.
type DPGInstall struct {
	At time.Time
	By string
}

// ChecklistStep is a step of the printed checklist.
type ChecklistStep struct {
	Title, Text string
}

// ErrNotPDF is returned by Write (as an *Error) for data that is not a PDF
// document.
var ErrNotPDF = errors.New("receipt: not a PDF document")

// CodeNotPDF is the code of ErrNotPDF; the other codes of a failed Write
// are safefile's (safefile.WhyWrite).
const CodeNotPDF = "not_pdf"

// Error is a document that could not be saved: a stable Code, the folder,
// and the underlying error for the log.
type Error struct {
	Code   string
	Folder string
	Err    error
}

func (e *Error) Error() string { return "receipt: " + e.Code + " (" + e.Folder + "): " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Fault is the sentence "receipt.error.<code>", naming the folder.
func (e *Error) Fault() msg.Fault {
	return msg.Fault{Code: e.Code, Key: "receipt.error." + e.Code, Data: map[string]any{"Folder": e.Folder}}
}

// Write saves a document as a new file named name in dir, never replacing
// an existing file (" (2)" is added to the name instead), and returns the
// path it was written to after reading it back. A failure is an *Error.
func Write(dir, name string, pdf []byte) (string, error) {
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		return "", &Error{Code: CodeNotPDF, Folder: dir, Err: ErrNotPDF}
	}
	path, err := safefile.WriteNew(dir, name, pdf)
	if err != nil {
		return "", &Error{Code: safefile.WhyWrite(err), Folder: dir, Err: err}
	}
	return path, nil
}

// FileName suggests a file name for a receipt: the document's name, the
// organisation and the date of renewal, with characters that some file
// systems refuse left out.
func FileName(d Data) string {
	when := d.RenewedAt
	if when.IsZero() {
		when = d.GeneratedAt
	}
	parts := []string{msg.T(lang(d.Lang), "receipt.file", nil)}
	if org := cleanName(d.Organization); org != "" {
		parts = append(parts, org)
	}
	if !when.IsZero() {
		parts = append(parts, when.Format("2006-01-02"))
	}
	return strings.Join(parts, " - ") + ".pdf"
}

// ChecklistFileName suggests a file name for the checklist.
func ChecklistFileName(l string) string {
	return msg.T(lang(l), "receipt.checklist.file", nil) + ".pdf"
}

func cleanName(s string) string {
	s = safetext.FileName(s)
	if r := []rune(s); len(r) > 60 {
		s = strings.TrimSpace(string(r[:60]))
	}
	return s
}

// lang maps anything but Danish to English.
func lang(l string) string {
	if msg.Supported(l) == "da" {
		return "da"
	}
	return "en"
}

// Receipt draws the renewal receipt.
func Receipt(data Data) ([]byte, error) {
	data = data.safe()
	l := lang(data.Lang)
	loc := data.GeneratedAt.Location()
	if data.GeneratedAt.IsZero() {
		loc = time.Local
	}
	t := func(key string) string { return msg.T(l, key, nil) }

	d, err := newDoc(l, t("receipt.title"))
	if err != nil {
		return nil, err
	}
	d.continued = t("receipt.title")
	if data.Organization != "" {
		d.continued += " · " + data.Organization
	}
	d.continued += " · " + t("receipt.continued")

	d.header(t("receipt.title"), data.Organization, data.Environment == "test", t("receipt.test_badge"))
	r := receiptSheet{doc: d, l: l, loc: loc}
	r.certificate(data)
	r.renewal(data)
	r.backups(data.Backups)
	r.dpg(data.DPG)
	r.places(data)
	r.steps(data.Steps)
	r.footer(data)
	return d.bytes()
}

// receiptSheet draws the receipt's sections in one language and time zone.
type receiptSheet struct {
	*doc
	l   string
	loc *time.Location
}

func (d receiptSheet) t(key string) string { return msg.T(d.l, key, nil) }

func (d receiptSheet) at(tm time.Time) string { return formatDateTime(d.l, tm.In(d.loc)) }

// certificate is the organisation and the certificate.
func (d receiptSheet) certificate(data Data) {
	d.section(d.t("receipt.section.organization"))
	d.row(d.t("receipt.organization"), orDash(data.Organization), faceRegular)
	d.row(d.t("receipt.cvr"), orDash(data.CVR), faceRegular)

	d.section(d.t("receipt.section.certificate"))
	d.row(d.t("receipt.common_name"), orDash(data.CommonName), faceRegular)
	if oces.EnvironmentKnown(data.Environment) {
		// An environment not known is no fact: "Environment Unknown"
		// read as if the certificate were in doubt (walk Z/Y3).
		d.row(d.t("receipt.environment"), d.t(oces.EnvironmentKey(data.Environment)), faceRegular)
	}
	d.row(d.t("receipt.serial"), orDash(data.Serial), faceMono)
	d.row(d.t("receipt.uuid"), orDash(data.UUID), faceMono)
	d.row(d.t("receipt.not_before"), dateOrDash(data.NotBefore, d.at), faceRegular)
	d.row(d.t("receipt.not_after"), dateOrDash(data.NotAfter, d.at), faceRegular)
	// One fingerprint, the one a reader compares: the thumbprint, by the
	// name and in the form the window gives it (inspect.Identifiers).
	if data.SHA1 != "" {
		d.row(d.t("inspect.identifier."+inspect.IdentifierThumbprint), inspect.Thumbprint(data.SHA1), faceMono)
	} else {
		d.row(d.t("receipt.fingerprint"), orDash(groupHex(data.SHA256)), faceMono)
	}

}

// renewal is when and by whom, and where the password is.
func (d receiptSheet) renewal(data Data) {
	d.section(d.t("receipt.section.renewal"))
	d.row(d.t("receipt.renewed_at"), dateOrDash(data.RenewedAt, d.at), faceRegular)
	d.row(d.t("receipt.renewed_by"), orDash(data.RenewedBy), faceRegular)
	if data.Email != "" {
		d.row(d.t("receipt.email"), data.Email, faceRegular)
	} else {
		d.rowNote(d.t("receipt.email"), d.t("receipt.email.none"))
	}
	if data.PasswordSaved {
		yes := d.t("receipt.yes")
		if host := safetext.Line(data.PasswordHost); host != "" {
			yes = msg.T(d.l, "watch.receipt.saved_on", map[string]string{"Host": host})
		}
		d.row(d.t("receipt.password_saved"), yes, faceRegular)
	} else {
		d.rowWithNote(d.t("receipt.password_saved"), d.t("receipt.no"), faceRegular, d.t("receipt.password_saved.no_note"))
	}
	d.passwordKept(d.l, data.PasswordKept)

}

func (d receiptSheet) backups(backups []Backup) {
	// A backup's lines belong together on one page, and the section's title
	// with the first of them.
	if len(backups) == 0 {
		d.keep(func() {
			d.section(d.t("receipt.section.backups"))
			d.note(d.t("receipt.backups.none"))
		})
	}
	for i, b := range backups {
		d.keep(func() {
			if i == 0 {
				d.section(d.t("receipt.section.backups"))
			} else {
				d.y += 2
			}
			d.row(msg.T(d.l, "receipt.backup.location", map[string]int{"N": i + 1}), orDash(b.Location), faceRegular)
			if b.Drive != "" {
				d.row(d.t("receipt.backup.drive"), b.Drive, faceRegular)
			}
			if b.SameDisk {
				d.note(d.t("receipt.backup.same_disk"))
			}
			d.row(d.t("receipt.backup.verified_at"), dateOrDash(b.VerifiedAt, d.at), faceRegular)
		})
	}

}

func (d receiptSheet) dpg(dpg *DPGInstall) {
	// The DPG section is signed by hand: it stays on one page.
	d.keep(func() {
		d.section(d.t("receipt.section.dpg"))
		if dpg == nil {
			d.note(d.t("receipt.dpg.fill_in"))
			d.blankRow(d.t("receipt.dpg.installed_at"))
			d.blankRow(d.t("receipt.dpg.installed_by"))
		} else {
			d.row(d.t("receipt.dpg.installed_at"), dateOrDash(dpg.At, d.at), faceRegular)
			d.row(d.t("receipt.dpg.installed_by"), orDash(dpg.By), faceRegular)
		}
		d.blankRow(d.t("receipt.dpg.signature"))
	})

}

func (d receiptSheet) places(data Data) {
	// The user's own list of places, each ticked when it was switched
	// over, with what it needs and what was handed over, and when; then
	// the copies given away (who and when, never the password).
	if len(data.Places) > 0 || len(data.HandOvers) > 0 {
		d.section(d.t("receipt.section.places"))
		for i, pl := range data.Places {
			name := pl.Name
			if pl.Note != "" {
				name += " (" + pl.Note + ")"
			}
			d.checkRow(i+1, name, !pl.SwitchedAt.IsZero(), whenDone(d.t, d.l, pl.SwitchedAt.In(d.loc), pl.Ahead))
			if line := placeLine(d.l, pl, d.loc); line != "" {
				d.note(line)
			}
		}
		for _, h := range data.HandOvers {
			d.note(msg.T(d.l, "receipt.handover", map[string]string{"To": h.To, "Date": formatShort(d.l, h.At.In(d.loc))}))
		}
	}

}

func (d receiptSheet) steps(steps []Step) {
	// The steps come last: the first page holds what is filed and signed.
	d.section(d.t("receipt.section.steps"))
	if len(steps) == 0 {
		d.note(d.t("receipt.steps.none"))
	}
	for i, s := range steps {
		when := whenDone(d.t, d.l, s.DoneAt.In(d.loc), s.Ahead)
		if s.Passed && s.DoneAt.IsZero() {
			when = d.t("receipt.step.passed")
		}
		d.checkRow(i+1, s.Title, !s.DoneAt.IsZero(), when)
	}

}

// footer is the footer on every page, and the document's information.
func (d receiptSheet) footer(data Data) {
	gen := data.GeneratedAt
	if gen.IsZero() {
		gen = time.Now()
	}
	d.footers(msg.T(d.l, "receipt.footer", map[string]string{
		"App": appinfo.Name, "Version": appinfo.Version, "When": formatDateTime(d.l, gen.In(d.loc)),
	}), func(i, n int) string {
		return msg.T(d.l, "receipt.page", map[string]int{"Page": i, "Pages": n})
	})
	d.pdf.SetInfo(infoFor(d.t("receipt.title"), data.Organization, gen))
}

// passwordKept is the second copy of the password: the answer recorded
// (never the password), "not answered" when there is none, a reminder when
// it is kept nowhere yet, and a line to write the exact place by hand under
// an answer that names one. No label stands empty under "not answered"
// (W8).
func (d *doc) passwordKept(l, kept string) {
	t := func(key string) string { return msg.T(l, key, nil) }
	switch kept {
	case register.KeptWritten, register.KeptManager:
		d.row(t("watch.receipt.kept"), t("watch.kept."+kept), faceRegular)
		d.blankRow(t("watch.receipt.kept_exactly"))
	case register.KeptNowhere:
		d.rowWithNote(t("watch.receipt.kept"), t("watch.kept."+kept), faceRegular, t("watch.receipt.kept.nowhere_note"))
	default:
		d.rowNote(t("watch.receipt.kept"), t("watch.receipt.kept.unknown"))
	}
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

func dateOrDash(t time.Time, f func(time.Time) string) string {
	if t.IsZero() {
		return "—"
	}
	return f(t)
}

// placeLine says what a place needs and what it was given, and when:
// "Needs the public certificate (.cer) · saved 6 Dec 2026".
func placeLine(l string, pl Place, loc *time.Location) string {
	var parts []string
	if pl.Needs != "" {
		parts = append(parts, msg.T(l, "guide.needs."+pl.Needs, nil))
	}
	if pl.Given != "" {
		parts = append(parts, msg.T(l, "receipt.given."+pl.Given, map[string]string{
			"To": pl.GivenTo, "Date": formatShort(l, pl.GivenAt.In(loc)),
		}))
	}
	return strings.Join(parts, " · ")
}
