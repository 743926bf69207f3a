// Package renewal owns the renewal's decisions, so the window only draws
// them: what a checked file means (the register learns it, a password saved
// during the renewal moves onto it, the guide's download step is done, or
// why not), which certificate it renews (one predecessor rule), where a
// certificate's password is, whether it is installed in DPG, and what the
// receipt says of it (ReceiptData).
//
// The facts live in one place each. The register (core/register) is the
// truth for backups, receipts and the DPG installation, the credential
// store (core/vault) for saved passwords; the guide's progress (core/guide)
// holds only where the user is, which certificate the renewal produced and
// the answers the user gave. State reads the renewal's facts from both.
//
// AnswerFor (answer.go) is a checked file's one answer, for the window and
// `fornyer inspect` alike: it calls Decide, which is pure, and says the
// outcome as a big line, facts, comparison, question, findings and next
// actions; the window draws it on the UI thread, and Flow.Record then
// writes what the outcome says off the UI thread, one record at a time.
// The passwords are tried in one order (Tries: the saved ones, the empty
// one last). Nothing here reads the machine's clock when given one: the
// times come from the caller (Flow.Now, the now arguments), the window's.
package renewal

import (
	"slices"
	"strings"
	"time"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/vault"
)

// Kind is what a checked file is to the renewal.
type Kind string

const (
	// KindRenewal: it renews a certificate the register knows (same OCES
	// UUID, later validity, new serial).
	KindRenewal Kind = "renewal"
	// KindSameAgain: the register knew this very certificate before the
	// renewal began: the old file again.
	KindSameAgain Kind = "same_again"
	// KindOlder: the register knows a later certificate of the same line.
	KindOlder Kind = "older"
	// KindOtherOrganisation: the register knows certificates, but none of
	// this organisation: the user is asked.
	KindOtherOrganisation Kind = "other_organisation"
	// KindNoPredecessor: nothing it could renew is known: the user is asked.
	KindNoPredecessor Kind = "no_predecessor"
	// KindConfirmed: the user said it is the file just downloaded.
	KindConfirmed Kind = "confirmed"
	// KindDeclined: the user said it is not.
	KindDeclined Kind = "declined"
	// KindAlready: the renewal's own certificate, checked again.
	KindAlready Kind = "already"
	// KindNotOpened: no verified certificate: nothing to decide.
	KindNotOpened Kind = "not_opened"
)

// Check is a file that was checked: its report, and the saved password
// that opened it.
type Check struct {
	Path   string
	Report *inspect.Report
	// OpenedBy is the credential-store id of the saved password that
	// opened the file; "" when it was typed, or none was needed.
	OpenedBy string
	// TypedForIt: OpenedBy is the renewal's pending entry because the
	// password typed for this very file was saved there while the guide
	// asked whether it is the renewal's (Flow.SaveAnswered): it is this
	// file's password whatever the answer, and a no moves it onto this
	// file's certificate too (W17). A pending password saved on the
	// password card that happens to open the file is the renewal's, and
	// moves only onto the renewal's file (Y9).
	TypedForIt bool
}

// Outcome is what a checked file means, for the window to draw and for
// Flow.Record to write.
type Outcome struct {
	Kind Kind
	// Record: the register learns the certificate (it opened, verified,
	// and chains to the state's CA: reminders and notifications come from
	// the register, and a certificate anyone can make has no business
	// there, nor the state's CA certificate itself).
	Record bool
	// Previous is what the file was compared with; Comparison says how it
	// relates in words. Both nil when there is nothing to compare.
	Previous   *register.Certificate
	Comparison *inspect.Comparison
	// Ask: the window asks "Is this the file you just downloaded?" and
	// gives the answer to Answer.
	Ask bool
	// Early: asked while the guide is still on the cards that prepare (or
	// no renewal has begun): the file was renewed in the portal before
	// the guide got there (Y14); a yes passes the portal's cards.
	Early bool
	// Advance: the guide's download step is done with this certificate.
	Advance bool
	// MovePending is the id of the pending password that opened the file,
	// to be moved onto the certificate; "" for none. Only once core knows
	// the file is the renewal's (Advance: the rules say so, or the user
	// said yes) or is the renewal's file already: never onto another
	// file the renewal's password happens to open (an IT provider's
	// saved passwords), never before the user's answer, and a no leaves it
	// where it was (Y9). A password typed for the file and saved as the
	// pending one while asked (Check.TypedForIt) is the file's either way;
	// so is one an earlier renewal left, which waits for no file.
	MovePending string
	// TryPending is the renewal's pending password when the file the
	// guide takes was not opened by it (opened by another, or typed, say,
	// while the keyring was locked and the saved passwords could not be
	// read): Flow.Record tries it on the file, moves it onto the
	// certificate when it opens it, and marks it when it does not, so
	// that it is called wrong only once it was tried and failed; saved
	// before anyone knew whose it was, it is then also named for what it
	// is (W16, review R3). "" for none.
	TryPending string
	// PasswordKept and PasswordHost are where the renewal's password is
	// kept besides this computer, as the guide's password card recorded
	// it, for the register to keep with the renewed certificate.
	PasswordKept, PasswordHost string
	// Places are the places noted for the renewal (card 3), for the
	// register to keep on the renewed certificate as soon as it is known,
	// wherever the file was checked: the next renewal brings them back.
	Places []register.Place
	// Apart: the certificate is not one of the user's own (own): Record
	// keeps it apart from My certificates and the reminders
	// (register.Certificate.Apart) until the user adds it.
	Apart bool
	// Declined: the user just said "no, it is another file" to the
	// question, and the file is of an organisation they keep no
	// certificate of (a first renewal's empty register included, Z11):
	// Record takes it out of My certificates, where its first record put
	// it while the question waited (register.Store.KeepApart). Set by
	// Answer.Again on the answer to the question, once.
	Declined bool
}

// Decide says what a checked file means. p is the guide's progress (nil
// when there is no guide) and known the register's certificates as they
// were before this check; those not the user's (register.Certificate.Mine)
// count for nothing.
func Decide(p *guide.Progress, known []register.Certificate, c Check) Outcome {
	r := c.Report
	if r == nil || r.Certificate == nil {
		return Outcome{Kind: KindNotOpened}
	}
	return decide(p, known, c, r.Ready() && r.Certificate.Verified)
}

// decide is Decide, with whether the check's certificate is read for
// sure (the file opened, ready): only such a file is asked about or taken
// as the renewal's. renewalsBeforePassword asks what a certificate read
// before its password would be once opened.
func decide(p *guide.Progress, known []register.Certificate, c Check, sure bool) Outcome {
	all := known
	known = register.OnlyMine(known)
	r := c.Report
	cert := r.Certificate
	// An issuer's certificate (the state's OCES CA) is nobody's to renew:
	// My certificates and the reminders are for organisations' own.
	o := Outcome{Record: cert.Verified && r.ChainTrusted && !r.Has(inspect.CodeIssuerCertificate)}
	self, selfKnown := find(known, cert.SHA256)
	prev, hasPrev := Predecessor(known, cert)
	later, hasLater := later(known, cert)
	// A certificate about to expire is never the one MitID Erhverv just
	// issued: it is not asked about nor taken as the renewal's file (W13).
	ahead := p != nil && early(p, cert)
	waiting := p != nil && (AcceptsFile(p) || ahead) && sure && !r.Has(inspect.CodeExpiresSoon)
	switch {
	case hasLater:
		o.Kind, o.Previous = KindOlder, &later
	case hasPrev:
		o.Kind, o.Previous = KindRenewal, &prev
		if waiting {
			o.otherLine(p, known, cert, prev)
		}
	default:
		o.Kind = KindNoPredecessor
		// Another organisation's certificate matters only to a renewal
		// waiting for its file: an administrator of two organisations
		// checks either one's file without being warned each time.
		if other, ok := renewalsOther(p, known, cert); ok && waiting {
			o.Kind, o.Previous = KindOtherOrganisation, &other
		}
	}
	if q, ok := withoutSkip(p, o, ahead); ok {
		return decide(q, all, c, sure)
	}
	foreign := o.Kind == KindOtherOrganisation
	if waiting && o.Kind != KindOlder {
		switch answer, answered := p.Answer(cert.SHA256); {
		case p.FileChecked() && strings.EqualFold(p.FileSHA256, cert.SHA256):
			o.Kind = KindAlready
		case answered && answer:
			o.Kind = KindConfirmed
		case answered:
			o.Kind = KindDeclined
		case selfKnown && self.Added.Before(p.StartedAt) && o.Kind != KindOtherOrganisation:
			// Compared with itself: "the same certificate as before".
			// Another organisation's is said to be that (Y12).
			o.Kind, o.Previous = KindSameAgain, &self
		}
	}
	// An older certificate is said to be older (the window's headline);
	// compared as if it were the new one it would read "the new
	// certificate does not last longer".
	// Another organisation's certificate is not compared: the renewal's
	// certificate is not its previous one, and the headline and the
	// question say whose it is.
	if o.Previous != nil && o.Kind != KindOlder && o.Kind != KindOtherOrganisation {
		cmp := inspect.Compare(reportOf(o.Previous, r.Lang), r)
		o.Comparison = &cmp
	}
	if waiting {
		switch o.Kind {
		case KindRenewal, KindConfirmed, KindAlready:
			// Renewed before the guide reached the portal: asked, never
			// taken by itself (Y14).
			o.Ask = o.Ask || o.Kind == KindRenewal && ahead
			o.Advance = !o.Ask
		case KindNoPredecessor, KindOtherOrganisation:
			o.Ask = true
		}
		o.Early = ahead && o.Ask
	}
	o.pending(p, c)
	if o.Advance {
		o.takeRenewal(p)
	}
	o.Apart = o.Record && apart(all, cert, o, foreign)
	return o
}

// withoutSkip is the renewal p without its skip (Skipped) when the
// outcome o found another organisation's file only because of it: a
// skipped renewal waits for a file of its own organisation only, and
// another's is decided as off the renewal's cards (listed, reminded of),
// never kept apart (review Q6).
func withoutSkip(p *guide.Progress, o Outcome, ahead bool) (*guide.Progress, bool) {
	if o.Kind != KindOtherOrganisation || !Skipped(p) || onPortalCards(p) || ahead {
		return nil, false
	}
	q := *p
	q.FileSkipped = false
	return &q, true
}

// apart says whether a checked certificate is kept apart from My
// certificates and the reminders (X14) rather than listed as the user's:
// one a renewal waiting for its file found to be another organisation's
// than its own (foreign: the answer says whose it is and asks), of an
// organisation the user keeps no certificate of, and one
// the register keeps apart already (all, before OnlyMine), until the user
// adds it or says it is the renewal's file. Any other is the user's:
// outside a renewal an administrator of several organisations, or an IT
// provider, checks any of theirs, and no order of checks decides whose the
// next one is (review T7: a supplier's file checked first kept the user's
// own certificate, checked next, out of the reminders).
func apart(all []register.Certificate, cert *inspect.Certificate, o Outcome, foreign bool) bool {
	switch {
	case o.Advance, o.Kind == KindConfirmed, o.Kind == KindAlready:
		return false // the renewal's file, or one the user said is it
	case foreign:
		// Unless the user keeps certificates of its organisation: an IT
		// provider renewing one client's checks another client's.
		for _, k := range register.OnlyMine(all) {
			if strings.EqualFold(k.SHA256, cert.SHA256) || sameOrganisation(k, cert) {
				return false
			}
		}
		return true
	}
	self, ok := find(all, cert.SHA256)
	return ok && self.Apart
}

// takeRenewal carries what the renewal p holds onto the file that does
// its download step, for Record to write: where else its password is
// kept, and its places.
func (o *Outcome) takeRenewal(p *guide.Progress) {
	if register.KnownKept(p.PasswordKept) {
		o.PasswordKept, o.PasswordHost = p.PasswordKept, p.PasswordHost
	}
	if len(p.Usages) > 0 {
		o.Places = slices.Clone(p.Usages)
	}
}

// Shows says whether a finding of the report is worth showing with this
// outcome: an older certificate, already replaced, is not told that it
// expires soon and should be renewed in good time.
func (o Outcome) Shows(code string) bool {
	return !(o.Kind == KindOlder && (code == inspect.CodeExpiresSoon || code == inspect.CodeExpired))
}

// AnswerQuestion records the user's answer to "Is this the file you just
// downloaded?" in the progress; a yes does the download step with it, at
// now.
func AnswerQuestion(p *guide.Progress, sha256 string, yes bool, now time.Time) {
	p.SetAnswer(sha256, yes)
	if yes {
		takeFile(p, sha256, now)
	}
}

// Apply changes the progress as the outcome says, for the certificate
// checked at now: the one transition a check makes in the guide. It
// reports whether the progress changed.
func (o Outcome) Apply(p *guide.Progress, sha256 string, now time.Time) bool {
	if p == nil || !o.Advance || (p.FileChecked() && strings.EqualFold(p.FileSHA256, sha256)) {
		return false
	}
	takeFile(p, sha256, now)
	return true
}

// otherLine asks about a renewed certificate of another line than the one
// the renewal renews (an IT provider's other customer, checked while
// logging in for this one): never taken by itself (review S15). Another
// organisation's is named as such; another line of the same organisation
// gets the plain question. prev is the certificate's predecessor.
func (o *Outcome) otherLine(p *guide.Progress, known []register.Certificate, cert *inspect.Certificate, prev register.Certificate) {
	if p.FileChecked() {
		return
	}
	r, ok := Renewing(p, known, p.StartedAt)
	if !ok || strings.EqualFold(r.SHA256, prev.SHA256) {
		return
	}
	if r.CVR != "" && r.CVR != cert.CVR {
		o.Kind, o.Previous = KindOtherOrganisation, &r
		return
	}
	o.Ask = true
}

// takeFile makes the certificate the renewal's file, checked at now. Far
// ahead of the guide, the file came while the guide was still on an
// earlier card (X18, Y14): the guide comes forward to the first card that
// still needs something as far as the progress tells (guide.Progress.Land):
// the places card when they are not noted, else the password card (the
// portal gives the file after its password). The window, which reads the
// credential store, lands it again with every fact (Land): past the
// password card when the password is saved already.
func takeFile(p *guide.Progress, sha256 string, now time.Time) {
	p.SetFileChecked(sha256, now)
	p.Land(guide.FactsOf(p, nil, guide.Passwords{}))
}

// renewalsPending says whether id is the pending password of the renewal
// p: one left by an earlier renewal waits for no file, and goes with the
// file it opens.
func renewalsPending(p *guide.Progress, id string) bool {
	return p != nil && id == vault.PendingID(p.RenewalID)
}

// pending says what Record does with the renewal p's pending password
// for the check c: moved onto the certificate (MovePending) when c was
// opened by it and core knows the file is the renewal's (Y9), else tried
// on the file the guide takes (TryPending).
func (o *Outcome) pending(p *guide.Progress, c Check) {
	if !o.Record {
		return
	}
	cert := c.Report.Certificate
	if vault.IsPending(c.OpenedBy) && (!renewalsPending(p, c.OpenedBy) || o.Advance || o.Kind == KindDeclined && c.TypedForIt || isRenewals(p, cert)) {
		o.MovePending = c.OpenedBy
	}
	if o.Advance && o.MovePending == "" {
		o.TryPending = vault.PendingID(p.RenewalID)
	}
}

// isRenewals says whether c is the renewal's own file, taken already.
func isRenewals(p *guide.Progress, c *inspect.Certificate) bool {
	return p != nil && p.FileChecked() && strings.EqualFold(p.FileSHA256, c.SHA256)
}

func waitsForDownload(p *guide.Progress) bool { return p.Step().Task == guide.TaskDownload }

// renewedLately is how many days before the check a certificate checked on
// the cards that prepare was issued at most, for it to be asked about as
// the renewal's file (early).
const renewedLately = 30

// early says whether c, checked now, may be the renewal's file although
// the guide has not reached the portal's cards: the guide is on the cards
// that prepare (before the renewal began, too), the renewal has no file,
// and c was issued lately. Renewed in MitID Erhverv first and Fornyer
// opened afterwards, the file is in Downloads before the guide says a word
// of the portal (Y14): it is asked about, never taken by itself, and a yes
// passes the portal's cards (takeFile). c's age is read from the check
// (DaysLeft, counted at the check's time), not from a clock here.
func early(p *guide.Progress, c *inspect.Certificate) bool {
	if p.Step().Phase != guide.PhasePrepare || p.FileChecked() {
		return false
	}
	valid := int(c.NotAfter.Sub(c.NotBefore).Hours() / 24)
	return valid-c.DaysLeft <= renewedLately
}

// AsksOnCard says whether the guide's current card asks the Check tab's
// waiting question (Answer.Waits) above its picture: the cards a file can
// come on ahead of the download card (AcceptsFile, X18) and the cards that
// prepare (early, Y14), but the password card, which leaves it to the
// download card, next, and the download card, which asks it as its task.
func AsksOnCard(p *guide.Progress) bool {
	s := p.Step()
	return (AcceptsFile(p) || s.Phase == guide.PhasePrepare) && s.Task != guide.TaskPassword && s.Task != guide.TaskDownload
}

// AcceptsFile says whether a checked file can do the renewal's download
// step: on the download card, or on any earlier card of the portal's
// (from logging in on), since users are often a step or several ahead of
// the guide in MitID Erhverv, and the portal hands out the file right
// after its password (the password card then says what that means for the
// password) (X18); and on any card once the file was put off (Skipped,
// Z16). Before the portal, on the cards that prepare, a
// certificate checked is not the one about to be issued; one issued lately
// may be the one issued already, and is asked about (early, Y14).
func AcceptsFile(p *guide.Progress) bool {
	return onPortalCards(p) || Skipped(p)
}

// onPortalCards says whether the guide is on the portal's cards, the
// download card included.
func onPortalCards(p *guide.Progress) bool {
	return p.Step().Phase == guide.PhaseRenew && p.Index() <= guide.Index("download")
}

// Skipped says whether the renewal put off checking its file ("check the
// file later"), has none, and is still on the cards that need it (DPG,
// the places), before the summary: a file checked there is asked about as
// the renewal's, as on the cards before (Z16), and a yes takes it where
// the guide is. Once the summary is reached, or for another
// organisation's file (Decide), the skip asks nothing and keeps nothing
// apart: an IT provider checking clients' files for years after a skip
// would have them left out of My certificates and the reminders (review
// Q6).
func Skipped(p *guide.Progress) bool {
	return p.FileSkipped && !p.FileChecked() && p.Index() < guide.TaskIndex(guide.TaskSummary)
}

// WaitsForFile says whether the renewal waits for its downloaded file, so
// that one landing in Downloads is checked at once: no file has done the
// download step yet, and the guide is at it, or on the password card with
// the password saved (the portal hands out the file right after, and the
// saved password opens it: W10). f is the renewal's facts (State).
func WaitsForFile(p *guide.Progress, f guide.Facts) bool {
	if p.FileChecked() {
		return false
	}
	return waitsForDownload(p) || p.Step().Task == guide.TaskPassword && f.PasswordSaved
}

func find(certs []register.Certificate, sha string) (register.Certificate, bool) {
	for _, c := range certs {
		if strings.EqualFold(c.SHA256, sha) {
			return c, true
		}
	}
	return register.Certificate{}, false
}

// sameLine reports whether o is another certificate of c's renewal line:
// the same OCES UUID, another fingerprint.
func sameLine(o register.Certificate, c *inspect.Certificate) bool {
	return c.UUID != "" && strings.EqualFold(o.UUID, c.UUID) && !strings.EqualFold(o.SHA256, c.SHA256)
}

// Predecessor is the certificate c renews, by register.Predecessor, the
// one rule for it: the same OCES UUID, a new serial, and the latest
// validity that ends before c's. When the certificate was issued or
// downloaded does not matter.
func Predecessor(known []register.Certificate, c *inspect.Certificate) (register.Certificate, bool) {
	return register.Predecessor(known, asRegistered(c))
}

func asRegistered(c *inspect.Certificate) register.Certificate {
	return register.Certificate{SHA256: strings.ToLower(c.SHA256), UUID: c.UUID, Serial: c.Serial, NotAfter: c.NotAfter}
}

// later is a known certificate of the same line that c cannot renew: one
// valid as long or longer, or with the same serial.
func later(known []register.Certificate, c *inspect.Certificate) (register.Certificate, bool) {
	var best register.Certificate
	found := false
	for _, o := range known {
		if !sameLine(o, c) || o.NotAfter.Before(c.NotAfter) && !strings.EqualFold(o.Serial, c.Serial) {
			continue
		}
		if !found || o.NotAfter.After(best.NotAfter) {
			best, found = o, true
		}
	}
	return best, found
}

// Foreign is the renewal's own certificate (its file, once it has one)
// when c belongs to another organisation: a file that must not become
// the renewal's without the user saying so, and is named as another
// organisation's on every check (V9). False without a guide, before the
// renewal has its file, or for the renewal's own organisation.
func Foreign(p *guide.Progress, known []register.Certificate, c *inspect.Certificate) (register.Certificate, bool) {
	if p == nil || !p.FileChecked() || c == nil {
		return register.Certificate{}, false
	}
	mine, ok := find(known, p.FileSHA256)
	if !ok || sameOrganisation(mine, c) {
		return register.Certificate{}, false
	}
	return mine, true
}

// renewalsOther is the certificate that stands for the renewal p's
// organisation when c is of another: the renewal's own file, once it has
// one (Foreign, V9); else the certificate it renews (Renewing, the one
// card 1 names: Y12, where the register also knew the other
// organisation's file from a check before the renewal); else, the
// renewal's organisation unknown (a first renewal), the latest the
// register learnt when none it knows is of c's organisation
// (otherOrganisation). The files the user said are not the renewal's
// count for neither (Y9: a no to another organisation's file does not
// make the renewal's own file "another organisation's").
func renewalsOther(p *guide.Progress, known []register.Certificate, c *inspect.Certificate) (register.Certificate, bool) {
	if p == nil {
		return register.Certificate{}, false
	}
	if mine, ok := Foreign(p, known, c); ok {
		return mine, true
	}
	known = notDeclined(p, known)
	var r register.Certificate
	ok := false
	if p.FileChecked() {
		_, ok = find(known, p.FileSHA256) // of c's organisation, or Foreign says
	} else {
		r, ok = Renewing(p, known, p.StartedAt)
	}
	switch {
	case !ok:
		return otherOrganisation(known, c)
	case p.FileChecked() || sameOrganisation(r, c):
		return register.Certificate{}, false
	}
	return r, true
}

// notDeclined are the known certificates but those the user said, in the
// renewal p, are not its file (all of them without a guide).
func notDeclined(p *guide.Progress, known []register.Certificate) []register.Certificate {
	if p == nil {
		return known
	}
	return slices.DeleteFunc(slices.Clone(known), func(k register.Certificate) bool { return declined(p, k.SHA256) })
}

// otherOrganisation is the latest certificate the register learnt, when
// none it knows is of c's organisation (c itself included): a file of
// another organisation than any the user has checked with Fornyer. It
// reads only what a register.Entry tells of each (Needed). The state's CA
// certificates an older version recorded are no one's organisation, and
// are not in known: every reader of the register leaves them out (V9).
func otherOrganisation(known []register.Certificate, c *inspect.Certificate) (register.Certificate, bool) {
	var latest register.Certificate
	found := false
	for _, o := range known {
		if sameOrganisation(o, c) { // itself included: its organisation is known
			return register.Certificate{}, false
		}
		if !found || o.Updated.After(latest.Updated) {
			latest, found = o, true
		}
	}
	return latest, found
}

func sameOrganisation(o register.Certificate, c *inspect.Certificate) bool {
	return sameOrganisationAs(o.CVR, o.Organization, c)
}

// sameOrganisationAs: a certificate of CVR cvr and organisation org is of
// c's organisation (by CVR when either has one, else by name).
func sameOrganisationAs(cvr, org string, c *inspect.Certificate) bool {
	if cvr != "" || c.CVR != "" {
		return cvr == c.CVR
	}
	return strings.EqualFold(strings.TrimSpace(org), strings.TrimSpace(c.Organization))
}

// reportOf is a register entry as a report, for inspect.Compare.
func reportOf(c *register.Certificate, l string) *inspect.Report {
	return &inspect.Report{Lang: l, Certificate: certOf(*c)}
}
