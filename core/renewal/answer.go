package renewal

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/oces"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/safetext"
	"github.com/fornyer/fornyer/core/vault"
)

// Tone is how a line of the answer is coloured: the window maps it to its
// theme, the command line prints it in the JSON.
type Tone string

const (
	ToneGood    Tone = "good"    // ready, the renewed certificate: green
	ToneWarning Tone = "warning" // look before you go on: amber
	ToneError   Tone = "error"   // it cannot be used: red
	ToneNeutral Tone = "neutral" // information, no colour
)

// Line is a sentence of the answer: a catalogue key with its data, and the
// text it renders to in the answer's language. Title is the bold line,
// Message the sentence under it; either may be empty.
type Line struct {
	TitleKey   string         `json:"title_key,omitempty"`
	MessageKey string         `json:"message_key,omitempty"`
	Data       map[string]any `json:"-"`
	Title      string         `json:"title,omitempty"`
	Message    string         `json:"message,omitempty"`
	Tone       Tone           `json:"tone"`
}

// line renders a line from its keys in language l.
func line(l string, tone Tone, titleKey, messageKey string, data map[string]any) Line {
	ln := Line{TitleKey: titleKey, MessageKey: messageKey, Data: data, Tone: tone}
	if titleKey != "" {
		ln.Title = msg.T(l, titleKey, data)
	}
	if messageKey != "" {
		ln.Message = msg.T(l, messageKey, data)
	}
	return ln
}

// Fact is one thing an administrator recognises about the certificate.
type Fact struct {
	Label string `json:"label"`
	Value string `json:"value"`
}

// Action is something that can be done next with the checked file.
type Action string

const (
	ActionSavePassword Action = "save_password" // the typed password into the credential store
	// ActionReplacePassword: the typed password into the credential store
	// in place of the renewal's saved one that does not open the file
	// (Answer.Replaces), removed in the same action.
	ActionReplacePassword Action = "replace_password"
	ActionBackUp          Action = "back_up" // a verified copy (only a .p12 with its key)
	// ActionBackUpAgain: another verified copy, once one is made
	// (Answer.BackedUp says when and where): not the main action (Z6).
	ActionBackUpAgain  Action = "back_up_again"
	ActionReceipt      Action = "receipt" // the printable receipt
	ActionShowInFolder Action = "show_in_folder"
	ActionMarkDPG      Action = "mark_dpg"  // record that it is installed in DPG
	ActionHandOver     Action = "hand_over" // a copy with its own password for someone else (only a .p12 with its key)
)

// Question is what the answer asks of the user.
type Question string

const (
	QuestionNone     Question = ""
	QuestionAsk      Question = "ask"      // "Is this the file you just downloaded?"
	QuestionDeclined Question = "declined" // the user said no: offer to undo
	// QuestionOtherOrganisation: "This belongs to <org>, not <the
	// renewal's>. Is this the renewal you are doing?" (Answer.Asked).
	QuestionOtherOrganisation Question = "other_organisation"
)

// Input is what the answer to a checked file is made from.
type Input struct {
	Path   string
	Report *inspect.Report
	// Tries are the passwords that were tried on the file, in the order
	// they were tried: which one opened it (Report.PasswordIndex) is read
	// from them.
	Tries Tries
	// Known is the register's certificates as they were before this check
	// (nil: no register): the user's (register.Store.List), and the
	// checked certificate's own record when it is kept apart (its
	// password saved, DPG); the others kept apart count for nothing.
	Known []register.Certificate
	// Progress is the guide's (nil: no guide, as on the command line).
	Progress *guide.Progress
	// PasswordSaved: the password that opened the file has been saved
	// since it was checked (the answer's own "Save the password").
	PasswordSaved bool
	// Passwords is the credential store's list as the window last read
	// it (never the passwords): whether the renewal's password saved
	// before the file is still there.
	Passwords guide.Passwords
}

// Answer is the one answer to a checked file, the same for the window and
// the command line: the window draws it, `fornyer inspect` prints its big
// line, Flow.Record writes its Outcome.
type Answer struct {
	Check   Check   `json:"-"`
	Outcome Outcome `json:"-"`
	// Headline is the one big line and the sentence under it.
	Headline Line `json:"headline"`
	// NeedsPassword: the file asks for its password; PasswordFor says who
	// the file is for when that can be read before the password.
	NeedsPassword bool  `json:"needs_password"`
	PasswordFor   *Line `json:"password_for,omitempty"`
	// Note is a neutral line under the headline: the file's organisation
	// when the register knows none of its certificates.
	Note *Line `json:"note,omitempty"`
	// Facts, and whether they were read before the password (unverified).
	Facts      []Fact `json:"facts"`
	Unverified *Line  `json:"unverified,omitempty"`
	// Comparison is how the file relates to the certificate it was
	// compared with, coloured so that it never outshines the headline.
	Comparison *Line `json:"comparison,omitempty"`
	// Question is asked under the comparison; Asked is its title and
	// sentence when they name the organisations, or when the guide has not
	// reached the portal (nil: the catalogue's renewal.ask.*).
	Question Question `json:"question,omitempty"`
	Asked    *Line    `json:"asked,omitempty"`
	// Public: the public certificate and its identifiers are offered (not
	// for an issuer's certificate, nor an older one, already replaced).
	Public bool `json:"public"`
	// Apart says that the certificate is not one of the user's own and
	// is kept out of My certificates and the reminders (Outcome.Apart),
	// under the button that adds it (register.Store.AddToMine); nil when
	// it is the user's. Only the window records a check: the command
	// line says nothing of it.
	Apart *Line `json:"-"`
	// Findings are those worth showing besides the headline.
	Findings []inspect.Finding `json:"findings"`
	// Actions are what can be done next, in the order to offer them.
	Actions []Action `json:"actions"`
	// Advance: the guide's download step is done with this file.
	Advance bool `json:"advance"`
	// Password is the password that opened the file (memory only, for the
	// backup and "Save the password"); "" when none was needed.
	Password string `json:"-"`
	// PasswordSaved: that password is in the credential store (it came
	// from there, or was saved since), for the receipt.
	PasswordSaved bool `json:"password_saved"`
	// Replaces is the renewal's saved password that does not open this
	// file, the renewal's (a typo on the password card): the typed one
	// that opened it is offered in its place (ActionReplacePassword), and
	// WrongSaved says so. "" when there is none.
	Replaces   string `json:"-"`
	WrongSaved *Line  `json:"wrong_saved,omitempty"`
	// BackedUp says that a verified backup of the file is made, when and
	// where (the register's latest, wherever it was made: the Check tab,
	// the guide), so the answer does not keep offering it as if none were
	// (Z6); nil when none is recorded.
	BackedUp *Line `json:"backed_up,omitempty"`
	// SaveTo is where "Save the password" saves it (Flow.SaveAnswered):
	// "" for under the certificate; the renewal's pending id while the
	// guide waits for its file and asks whether this is it (no earlier
	// certificate known, the usual first time): the renewal's password,
	// so the password card agrees at once (W1), and one entry, which the
	// answer to the question moves onto the certificate (W17).
	SaveTo string `json:"-"`
	// GoToGuide: the guide goes on with this file and nothing is left to
	// do here first (a wrong saved password to replace keeps the answer
	// in view).
	GoToGuide bool `json:"-"`

	tried triedWith
	// beingRenewed: the certificate the renewal in progress renews (W13).
	beingRenewed bool
	// learnt: the register did not know the file when it was first
	// checked, and learns it from the check (Outcome.Record): Again.
	learnt bool
}

// Waits says whether the answer's question waits for the user's answer
// before the guide can take the file as the renewal's: "is this the file
// you just downloaded?", or "this belongs to another organisation: is it
// the renewal's?". A "no" given already waits for nothing (it has its
// undo). The guide's download card asks it too (guide.Facts.Asked).
func (a Answer) Waits() bool {
	return a.Question == QuestionAsk || a.Question == QuestionOtherOrganisation
}

// OffersBackUp says whether the answer offers a backup: the first, or
// another once one is made.
func (a Answer) OffersBackUp() bool { return a.Offers(ActionBackUp) || a.Offers(ActionBackUpAgain) }

// Offers says whether the answer offers the action.
func (a Answer) Offers(act Action) bool {
	for _, x := range a.Actions {
		if x == act {
			return true
		}
	}
	return false
}

// AnswerFor answers a checked file: it decides what the file means
// (Decide) and says it in one big line, with the facts, the comparison,
// the question, the findings worth showing and what can be done next.
func AnswerFor(in Input) Answer {
	own := apartRecord(in.Known, in.Report.Certificate)
	in.Known = register.OnlyMine(in.Known)
	opened, fromStore := in.Tries.OpenedBy(in.Report)
	c := Check{Path: in.Path, Report: in.Report}
	// A hand-over's password (a copy's own, core/handover) opens only that
	// copy: the file is not opened by the certificate's saved password, so
	// the register is not told the certificate's password is saved.
	if fromStore && !vault.IsHandOver(opened.ID) {
		c.OpenedBy = opened.ID
	}
	tried := triedWith{typed: in.Tries.Typed(), saved: in.Tries.Saved()}
	if p := in.Progress; p != nil && AcceptsFile(p) {
		tried.pending = in.Tries.tried(vault.PendingID(p.RenewalID))
	}
	a := answer(in, c, tried, in.Tries.Password(in.Report), fromStore || in.PasswordSaved, own)
	if cert := in.Report.Certificate; cert != nil && a.Outcome.Record {
		_, known := find(in.Known, cert.SHA256)
		a.learnt = !known
	}
	return a
}

// Again is the answer once more, after the user answered the question or
// the register changed (in.Tries is not needed: the passwords were tried
// once): a pending password the first record moved is the certificate's
// now, and is not moved a second time.
func (a Answer) Again(in Input) Answer {
	c := a.Check
	own := apartRecord(in.Known, c.Report.Certificate)
	in.Known = register.OnlyMine(in.Known)
	if a.Outcome.MovePending != "" {
		c.OpenedBy = vault.CertificateID(c.Report.Certificate.SHA256)
	}
	in.Path, in.Report = c.Path, c.Report
	if a.learnt && own == nil {
		// The register learnt the file from this very check (Flow.Record):
		// what the file means is decided as at the first check, with the
		// register's other certificates as they are now (not "its
		// organisation is known" because it knows itself); its own record
		// says what was done with it since (DPG, the password saved).
		sha := c.Report.Certificate.SHA256
		if k, ok := find(in.Known, sha); ok {
			own = &k
		}
		in.Known = slices.DeleteFunc(slices.Clone(in.Known), func(k register.Certificate) bool { return strings.EqualFold(k.SHA256, sha) })
	}
	b := answer(in, c, a.tried, a.Password, a.PasswordSaved || in.PasswordSaved, own)
	b.learnt = a.learnt
	if a.Waits() && b.Outcome.Kind == KindDeclined && b.Outcome.Record && declinedIsAnothers(in, c.Report.Certificate) {
		// "No, it is another file", and nothing says it is the user's:
		// kept apart as another organisation's file the renewal found
		// to be so (Z11).
		b.Outcome.Apart, b.Outcome.Declined = true, true
		b.Apart = apartLine(c.Report.Lang, c.Report.Certificate)
	}
	return b
}

// recentlyIssued is how long before the renewal began a certificate may
// have been issued and still count as new in declinedIsAnothers: the
// user's own current certificate was issued years before.
const recentlyIssued = 30 * 24 * time.Hour

// declinedIsAnothers says whether the certificate c, which the user said
// is not the file just downloaded, is another organisation's as far as
// anything tells: the user keeps no certificate of its organisation, and
// either keeps others (so its organisation is not theirs), or c was issued
// lately (a new certificate that is not the renewal's is another's). In a
// first renewal the user's own current certificate, issued years ago and
// declined before anything is known, stays theirs, with its reminders and
// as the renewed file's predecessor (review R7: it was kept apart as
// "not an organisation whose certificates you keep").
func declinedIsAnothers(in Input, c *inspect.Certificate) bool {
	if keepsItsOrganisation(in.Known, c) {
		return false
	}
	for _, k := range in.Known {
		if !strings.EqualFold(k.SHA256, c.SHA256) {
			return true // the user keeps others, none of its organisation
		}
	}
	return in.Progress != nil && c.NotBefore.After(in.Progress.StartedAt.Add(-recentlyIssued))
}

// keepsItsOrganisation says whether the user keeps a certificate of c's
// organisation besides c itself (mine: the user's certificates).
func keepsItsOrganisation(mine []register.Certificate, c *inspect.Certificate) bool {
	for _, k := range mine {
		if !strings.EqualFold(k.SHA256, c.SHA256) && sameOrganisation(k, c) {
			return true
		}
	}
	return false
}

// apartLine says that the certificate c is not listed in My certificates
// nor reminded of (Answer.Apart), in the language l.
func apartLine(l string, c *inspect.Certificate) *Line {
	ln := line(l, ToneNeutral, "renewal.apart.title", "renewal.apart", map[string]any{"Org": safetext.Line(orgName(c.Organization, c.CommonName))})
	return &ln
}

// apartRecord is the register's record of the checked certificate c when
// it is kept apart (register.Certificate.Apart): the answer reads the
// user's own certificates only, and this record for what was done with
// the file (its password saved, DPG). nil otherwise.
func apartRecord(known []register.Certificate, c *inspect.Certificate) *register.Certificate {
	if c == nil {
		return nil
	}
	if k, ok := find(known, c.SHA256); ok && k.Apart {
		return &k
	}
	return nil
}

// triedWith is how the passwords were tried, for the headline's sentence.
type triedWith struct {
	typed bool
	saved int
	// pending: the renewal's password saved on the password card was
	// among them, while the guide waits for the file (W16).
	pending bool
	// whose is what a file they did not open is to the renewal, from its
	// certificate read before the password (renewalsBeforePassword): only
	// the renewal's file is told the password card's password does not
	// open it, perhaps a typo (Y17).
	whose whose
}

// judged is t with what the file of in is to the renewal, when the
// password card's password was tried on it and did not open it.
func (t triedWith) judged(in Input) triedWith {
	if t.pending && in.Report.Has(inspect.CodeWrongPassword) {
		t.whose = renewalsBeforePassword(in.Progress, in.Known, in.Report)
	}
	return t
}

// whose is what a file not opened yet is to the renewal in progress.
type whose int

const (
	whoseUnknown  whose = iota // its certificate is not read before the password
	whoseRenewals              // the renewal's file, or one it would take or ask about
	whoseOther                 // another organisation's, older, declined, about to expire
)

// renewalsBeforePassword says what the file of the report r, which its
// password has not opened, is to the renewal p, from its certificate read
// before the password: what Decide would make of it once opened. The
// renewal's own file, or one the guide would take or ask about as its
// file, is the renewal's; another organisation's, an older one, one the
// user said no to, one about to expire, or any file while the renewal
// does not wait for one, is not; without a certificate read, it is not
// known.
func renewalsBeforePassword(p *guide.Progress, known []register.Certificate, r *inspect.Report) whose {
	if r.Certificate == nil {
		return whoseUnknown
	}
	o := decide(p, known, Check{Report: r}, true)
	if o.Advance || o.Ask && o.Kind != KindOtherOrganisation { // the renewal's own file again is Advance too
		return whoseRenewals
	}
	return whoseOther
}

// answer is the answer to the check c; own, when not nil, is the
// register's record of the file itself, which in.Known leaves out (Again).
func answer(in Input, c Check, tried triedWith, password string, passwordSaved bool, own *register.Certificate) Answer {
	r := in.Report
	tried = tried.judged(in)
	a := Answer{Check: c, Password: password, PasswordSaved: passwordSaved, tried: tried}
	if r.Opened() && r.Certificate != nil {
		known := in.Known
		if own != nil && own.Apart {
			// Decide counts a record kept apart for nothing but that: the
			// file stays apart until the user adds it.
			known = append(slices.Clone(in.Known), *own)
		}
		a.Outcome = Decide(in.Progress, known, c)
	} else {
		a.Outcome = Outcome{Kind: KindNotOpened}
	}
	self, registered := register.Certificate{}, false
	switch {
	case own != nil:
		self, registered = *own, true
	case r.Certificate != nil:
		self, registered = find(in.Known, r.Certificate.SHA256)
	}
	if registered && self.Mine() {
		// Learnt and added since (Again): the user's now.
		a.Outcome.Apart = false
	}
	l := r.Lang
	if a.Outcome.Apart {
		a.Apart = apartLine(l, r.Certificate)
	}
	var foreign *register.Certificate
	if a.Outcome.Kind == KindOtherOrganisation {
		foreign = a.Outcome.Previous
	} else if mine, ok := Foreign(in.Progress, in.Known, r.Certificate); ok && r.Opened() && a.Outcome.Kind != KindConfirmed {
		foreign = &mine
	}
	a.beingRenewed = beingRenewed(in.Progress, r, a.Outcome, foreign != nil)
	a.Headline = fetchAgain(in.Progress, r, headline(r, tried, a.Outcome, self, registered, foreign, a.beingRenewed))
	a.NeedsPassword = r.Has(inspect.CodeWrongPassword)
	if cert := r.Certificate; a.NeedsPassword && cert != nil && cert.Organization != "" {
		ln := line(l, ToneNeutral, "", "check.password.for", map[string]any{"Org": safetext.Line(cert.Organization), "CVR": safetext.Line(cert.CVR)})
		a.PasswordFor = &ln
	}
	// An issuer's certificate belongs to no organisation being renewed:
	// its headline says so already, so no "belongs to X, not to Y" note.
	if cert := r.Certificate; cert != nil && foreign == nil && !r.Has(inspect.CodeIssuerCertificate) {
		// Not contrasted with a file the user said is not theirs (Y9).
		if other, ok := otherOrganisation(notDeclined(in.Progress, in.Known), cert); ok {
			ln := line(l, ToneNeutral, "", "renewal.other_organisation", orgData(cert, other))
			a.Note = &ln
		}
	}
	a.Facts, a.Unverified = facts(r)
	a.Comparison = comparison(a.Outcome, a.Headline.Tone)
	switch {
	case a.Outcome.Kind == KindDeclined:
		a.Question = QuestionDeclined
	case a.Outcome.Ask && foreign != nil:
		a.Question = QuestionOtherOrganisation
		ln := line(l, ToneWarning, "renewal.other.ask.title", "renewal.other.ask.text", orgData(r.Certificate, *foreign))
		a.Asked = &ln
	case a.Outcome.Ask:
		a.Question, a.Asked = QuestionAsk, earlyAsked(l, a.Outcome)
	}
	a.Public = r.Opened() && r.Certificate != nil && !r.Has(inspect.CodeIssuerCertificate) && a.Outcome.Kind != KindOlder
	a.Findings = worthShowing(r, a.Outcome)
	if a.Replaces = wrongSaved(in, a); a.Replaces != "" {
		ln := line(l, ToneWarning, "renewal.wrong_saved.title", "renewal.wrong_saved", nil)
		a.WrongSaved = &ln
	}
	a.BackedUp = backedUp(r, self, registered)
	a.Actions = actions(r, a, self, registered, registered && register.PasswordSaved(self, in.Passwords.Held()))
	if a.Question == QuestionAsk && in.Progress != nil && a.Offers(ActionSavePassword) && pendingFree(in) {
		a.SaveTo = vault.PendingID(in.Progress.RenewalID)
	}
	a.Advance = a.Outcome.Advance
	a.GoToGuide = a.Advance && a.Replaces == ""
	return a
}

// backedUp says when and where the latest verified backup of the file
// with its key (the register's record self) was made; nil for none.
func backedUp(r *inspect.Report, self register.Certificate, registered bool) *Line {
	b, ok := self.LatestBackup()
	if !registered || !ok || !HoldsKey(r) {
		return nil
	}
	ln := line(r.Lang, ToneGood, "", "renewal.backed_up", map[string]any{"Date": msg.Date(r.Lang, b.VerifiedAt.Local()), "Path": safetext.Line(b.Path)})
	return &ln
}

// earlyAsked is the question's words when it is asked before the guide
// reached the portal (Outcome.Early): not "just downloaded" from the
// guide's portal cards, but renewed there before (Y14); nil otherwise.
func earlyAsked(l string, o Outcome) *Line {
	if !o.Early {
		return nil
	}
	ln := line(l, ToneNeutral, "renewal.ask.title", "renewal.ask.early", nil)
	return &ln
}

// fetchAgain is the headline h of the damaged file r, while the portal's
// window of the renewal p still gives it again: "Download certificate"
// again first, not a backup there is none of yet (Y10). Any other
// headline is h.
func fetchAgain(p *guide.Progress, r *inspect.Report, h Line) Line {
	if f := r.FirstError(); f != nil && f.Code == inspect.CodeCorrupt && PortalOpen(p) {
		return line(r.Lang, ToneError, f.Key+".title", "renewal.corrupt.download_again", nil)
	}
	return h
}

// PortalOpen says whether the portal's window of the renewal p can still
// give its file again ("Download certificate"): the renewal has no file
// yet, and the guide is on the portal's cards, the one that closes its
// window not done.
func PortalOpen(p *guide.Progress) bool {
	return p != nil && !p.FileChecked() && p.Step().Phase == guide.PhaseRenew && !p.IsDone("close")
}

// pendingFree says the renewal's pending entry is free for a password
// saved on the Check tab: the store's list was read and holds none. One
// saved on the password card is the renewal's password until the user says
// otherwise, and it cannot be had again: it is never replaced by another
// file's (review R15); that one goes under its own certificate.
func pendingFree(in Input) bool {
	if !in.Passwords.Known {
		return false
	}
	id := vault.PendingID(in.Progress.RenewalID)
	return !slices.ContainsFunc(in.Passwords.Entries, func(e vault.Entry) bool { return e.ID == id })
}

// wrongSaved is the renewal's pending password when it does not open the
// renewal's file: the file is the renewal's (the guide goes on with it, or
// has), a typed password opened it and is not saved, and the one saved on
// the password card before the file came is still listed. "" otherwise.
// A file not yet taken as the renewal's is not judged: the pending one may
// open the file the user is still to say is theirs.
func wrongSaved(in Input, a Answer) string {
	p, r := in.Progress, in.Report
	if p == nil || !in.Passwords.Known || r == nil || r.Certificate == nil || !r.Ready() {
		return ""
	}
	if a.Password == "" || a.PasswordSaved || a.Check.OpenedBy != "" || a.Outcome.Kind == KindOlder {
		return ""
	}
	if !a.Outcome.Advance && !strings.EqualFold(p.FileSHA256, r.Certificate.SHA256) {
		return ""
	}
	pending := vault.PendingID(p.RenewalID)
	for _, e := range in.Passwords.Entries {
		if e.ID == pending {
			return pending
		}
	}
	return ""
}

// beingRenewed says whether the checked certificate is the one the
// renewal in progress renews: a renewal is begun, and the file is a
// certificate about to expire (MitID Erhverv never issues one that is),
// neither the renewal's own, nor an older or another organisation's, nor
// one the user said no to. It is in use until the renewed one replaces it,
// and is not offered for DPG (W13).
func beingRenewed(p *guide.Progress, r *inspect.Report, o Outcome, foreign bool) bool {
	if !Begun(p) || r == nil || r.Certificate == nil || !r.Ready() || !r.Has(inspect.CodeExpiresSoon) || foreign {
		return false
	}
	if strings.EqualFold(p.FileSHA256, r.Certificate.SHA256) || o.Advance {
		return false
	}
	switch o.Kind {
	case KindOlder, KindOtherOrganisation, KindDeclined, KindConfirmed, KindAlready:
		return false
	}
	return true
}

// orgData names the checked certificate's organisation (Org, CVR; on a
// button OrgButton, cut short) and the known one's (Known, KnownCVR), for
// the sentences that set them side by side.
func orgData(cert *inspect.Certificate, known register.Certificate) map[string]any {
	return map[string]any{
		"Org": safetext.Line(orgName(cert.Organization, cert.CommonName)), "CVR": safetext.Line(cert.CVR),
		"OrgButton": safetext.Button(orgName(cert.Organization, cert.CommonName), safetext.ButtonWidth),
		"Known":     safetext.Line(orgName(known.Organization, known.CommonName)), "KnownCVR": safetext.Line(known.CVR),
	}
}

// headline is the one big line: what stops the file first, else what the
// register knows of it, else ready. An older certificate that expired is
// told it was renewed already, not to order a new one (V13); another
// organisation's certificate than the renewal's is named as such, never a
// green "ready" (V9); the certificate in use, expiring, is pointed to its
// renewal, not told to be installed (U15, X16), and an older one is told
// what the register knows of it and of the newer one in DPG (X11).
func headline(r *inspect.Report, tried triedWith, o Outcome, self register.Certificate, registered bool, foreign *register.Certificate, being bool) Line {
	l := r.Lang
	switch {
	case o.Kind == KindOlder && o.Previous != nil && !r.Has(inspect.CodeWrongPassword) && r.FirstError() != nil && r.FirstError().Code == inspect.CodeExpired:
		renewed := o.Previous.Renewed
		if renewed.IsZero() {
			renewed = o.Previous.NotBefore
		}
		return line(l, ToneNeutral, "renewal.older_expired.title", "renewal.older_expired", map[string]any{
			"Org":     safetext.Line(orgName(o.Previous.Organization, o.Previous.CommonName)),
			"Renewed": msg.Date(l, renewed.Local()), "Date": msg.Date(l, o.Previous.NotAfter.Local()),
		})
	case r.Has(inspect.CodeWrongPassword):
		// The sentence says what was tried: a typed password, the saved
		// ones, or none (then "none of the saved passwords" is untrue).
		key := "check.password.explain.none_saved"
		switch {
		case tried.typed:
			key = "check.password.wrong"
		case tried.pending && tried.whose == whoseRenewals:
			// The password card's password was tried, and does not
			// open the renewal's file: say so, or the user thinks it
			// was saved right.
			key = "check.password.explain.pending"
		case tried.pending && tried.whose == whoseUnknown:
			// Whose file it is shows once it opens: the typo only if
			// it is the renewal's (Y17).
			key = "check.password.explain.pending_unknown"
		case tried.saved > 0:
			key = "check.password.explain"
		}
		return line(l, ToneWarning, "check.password.title", key, map[string]any{"Step": guide.Index(string(guide.TaskPassword)) + 1})
	case !r.Ready():
		f := r.FirstError()
		if f == nil { // a verdict without an error: not from inspect
			return line(l, ToneError, "inspect.verdict.problems", "", nil)
		}
		return Line{TitleKey: f.Key + ".title", MessageKey: f.Key, Data: f.Data, Title: f.Title, Message: f.Message, Tone: ToneError}
	case o.Kind == KindOlder && o.Previous != nil:
		// Ready as a file, but replaced: never the one to install.
		return older(r, *o.Previous, self, registered)
	case o.Kind == KindDeclined:
		// The user said it is not the file they downloaded: not "install
		// it now" in green above their own "no".
		return line(l, ToneWarning, "renewal.declined.title", "renewal.declined", nil)
	case foreign != nil:
		return line(l, ToneWarning, "renewal.foreign.title", "renewal.foreign", orgData(r.Certificate, *foreign))
	case registered && self.DPG != nil && r.Has(inspect.CodeExpiresSoon):
		// The certificate in use, about to expire: renew it.
		return line(l, ToneWarning, "renewal.in_use.title", "renewal.in_use", map[string]any{
			"Date": msg.Date(l, self.DPG.At.Local()), "By": safetext.Line(self.DPG.By), "Until": msg.Date(l, r.Certificate.NotAfter.Local()),
		})
	case registered && self.DPG != nil:
		// Checked again: the register knows it is installed.
		return line(l, ToneGood, "renewal.installed.title", "renewal.installed", map[string]any{
			"Date": msg.Date(l, self.DPG.At.Local()), "By": safetext.Line(self.DPG.By),
		})
	case being:
		// The one being renewed, not recorded in DPG: never "install it
		// now"; the renewed one is (W13).
		return line(l, ToneWarning, "renewal.being_renewed.title", "renewal.being_renewed", map[string]any{
			"Until": msg.Date(l, r.Certificate.NotAfter.Local()),
		})
	case r.Has(inspect.CodeExpiresSoon):
		// About to expire, outside a renewal, DPG not recorded: MitID
		// Erhverv never issues such a certificate, so it is one in use for
		// years, most likely in DPG already: renew it, never "install it
		// now" (X16). "Mark as installed in DPG" stays offered.
		return line(l, ToneWarning, "renewal.expiring.title", "renewal.expiring", map[string]any{
			"Until": msg.Date(l, r.Certificate.NotAfter.Local()),
		})
	}
	for _, f := range worthShowing(r, o) {
		if f.Severity == inspect.SeverityWarning {
			return line(l, ToneGood, "inspect.verdict.ready_with_warnings", "inspect.verdict.ready.message", nil)
		}
	}
	return line(l, ToneGood, "inspect.verdict.ready", "inspect.verdict.ready.message", nil)
}

// older is the headline of a certificate replaced by newer, a later one
// of its line, told from what the register knows of both (X11): the one
// in use in DPG until the newer is installed there; replaced in DPG once
// the newer is recorded there (with when and by whom); else an older
// certificate not to install.
func older(r *inspect.Report, newer, self register.Certificate, registered bool) Line {
	l := r.Lang
	until := msg.Date(l, newer.NotAfter.Local())
	inDPG := registered && self.DPG != nil
	switch {
	case newer.DPG != nil:
		data := map[string]any{"Date": "", "By": "", "Until": until, "Expires": msg.Date(l, r.Certificate.NotAfter.Local()),
			"NewDate": msg.Date(l, newer.DPG.At.Local()), "NewBy": safetext.Line(newer.DPG.By)}
		if inDPG {
			data["Date"], data["By"] = msg.Date(l, self.DPG.At.Local()), safetext.Line(self.DPG.By)
		}
		return line(l, ToneNeutral, "renewal.older_replaced.title", "renewal.older_replaced", data)
	case inDPG:
		return line(l, ToneWarning, "renewal.older_in_use.title", "renewal.older_in_use", map[string]any{
			"Date": msg.Date(l, self.DPG.At.Local()), "By": safetext.Line(self.DPG.By), "Until": until,
		})
	}
	return line(l, ToneWarning, "renewal.older.title", "renewal.older", map[string]any{"Date": until})
}

// orgName is what a certificate's organisation is called: its name, or
// its common name without one.
func orgName(org, cn string) string { return oces.OwnerName(org, cn) }

// facts are what an administrator recognises: organisation, CVR, kind,
// production or test, validity, days left; and, read before the password,
// that they are not confirmed yet.
func facts(r *inspect.Report) ([]Fact, *Line) {
	cert := r.Certificate
	if cert == nil {
		return nil, nil
	}
	l := r.Lang
	var out []Fact
	add := func(key, value string) {
		if value != "" {
			out = append(out, Fact{Label: msg.T(l, key, nil), Value: safetext.Line(value)})
		}
	}
	add("inspect.label.organization", cert.Organization)
	add("inspect.label.cvr", cert.CVR)
	add("inspect.label.kind", msg.T(l, oces.KindKey(cert.Kind), nil))
	add("inspect.label.environment", msg.T(l, oces.EnvironmentKey(cert.Environment), nil))
	add("check.valid_until", msg.Date(l, cert.NotAfter.Local()))
	if cert.DaysLeft >= 0 {
		add("inspect.label.days_left", fmt.Sprint(cert.DaysLeft))
	} else {
		add("inspect.label.days_left", msg.T(l, "inspect.label.expired_value", nil))
	}
	if cert.Verified {
		return out, nil
	}
	ln := line(l, ToneNeutral, "", "check.unverified", nil)
	return out, &ln
}

// comparison colours the comparison below the headline: green only under
// a green headline, amber when it is not a renewal, and no colour at all
// under a headline that is already a warning or an error (no green line
// under a red one).
func comparison(o Outcome, headline Tone) *Line {
	cmp := o.Comparison
	if cmp == nil {
		return nil
	}
	tone := ToneNeutral
	if headline == ToneGood {
		tone = ToneWarning
		if cmp.IsRenewal() {
			tone = ToneGood
		}
	}
	return &Line{TitleKey: cmp.Key + ".title", MessageKey: cmp.Key, Data: cmp.Data, Title: cmp.Title, Message: cmp.Message, Tone: tone}
}

// worthShowing are the findings the headline does not say already: the
// first error is the headline, a wrong password is the prompt, and an
// older certificate is not told to renew in good time.
func worthShowing(r *inspect.Report, o Outcome) []inspect.Finding {
	first := r.FirstError()
	out := []inspect.Finding{}
	for _, f := range r.Findings {
		if (first != nil && f.Code == first.Code) || f.Code == inspect.CodeWrongPassword || !o.Shows(f.Code) {
			continue
		}
		out = append(out, f)
	}
	return out
}

// actions are what can be done next with a ready file: save a typed
// password, back up a file with its key, make a receipt, show it in its
// folder, record it installed in DPG, hand a copy over with its own
// password. An older certificate, replaced already, is offered neither its
// password saved nor a receipt nor DPG nor a hand-over; a
// certificate the register knows installed in DPG is not offered DPG.
//
// saved says the register knows the certificate and its password is
// saved (the store's word when it was asked: one deleted there is offered
// again, Z20).
func actions(r *inspect.Report, a Answer, self register.Certificate, registered, saved bool) []Action {
	out := []Action{}
	if !r.Ready() || r.Certificate == nil {
		return out
	}
	older := a.Outcome.Kind == KindOlder
	switch {
	case a.Replaces != "":
		out = append(out, ActionReplacePassword)
	case a.Password != "" && !a.PasswordSaved && !saved && !older:
		out = append(out, ActionSavePassword)
	}
	switch {
	case HoldsKey(r) && a.BackedUp != nil:
		out = append(out, ActionBackUpAgain)
	case HoldsKey(r):
		out = append(out, ActionBackUp)
	}
	if !older {
		out = append(out, ActionReceipt)
	}
	out = append(out, ActionShowInFolder)
	if !older && !a.beingRenewed && a.Outcome.Record && HoldsKey(r) && !(registered && self.DPG != nil) {
		out = append(out, ActionMarkDPG)
	}
	if !older && HoldsKey(r) {
		out = append(out, ActionHandOver)
	}
	return out
}

// SaysTheSame says whether two answers to the same file say the same
// words and offer the same: the window draws an answer asked again (Again,
// after the register or the credential store changed elsewhere) only when
// it says something else, so that an answer that stands keeps its place,
// its keyboard and what its buttons said (X24).
func SaysTheSame(a, b Answer) bool {
	return reflect.DeepEqual(a.says(), b.says())
}

// says is what an answer shows, for SaysTheSame.
func (a Answer) says() []any {
	codes := make([]string, len(a.Findings))
	for i, f := range a.Findings {
		codes[i] = f.Code
	}
	return []any{a.Headline, a.NeedsPassword, a.PasswordFor, a.Note, a.Facts, a.Unverified, a.Comparison,
		a.Question, a.Asked, a.Public, codes, a.Actions, a.WrongSaved, a.GoToGuide, a.Apart, a.BackedUp}
}
