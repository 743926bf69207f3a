package renewal

import (
	"strings"
	"testing"
	"time"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/receipt"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/vault"
)

var (
	started = time.Date(2026, 11, 30, 9, 0, 0, 0, time.Local) // the days the tests name are the user's (Local), in any TZ
	uuid    = "11111111-2222-3333-4444-555555555555"
)

// known is a certificate of Firma ApS in the register, valid until notAfter.
func known(sha, serial string, notAfter, added time.Time) register.Certificate {
	return register.Certificate{
		SHA256: strings.Repeat(sha, 64/len(sha)), Organization: "Firma ApS", CVR: "12345678", UUID: uuid,
		Serial: serial, NotBefore: notAfter.AddDate(-3, 0, 0), NotAfter: notAfter, Added: added, Updated: added,
	}
}

// checked is a ready, trusted report for a certificate of Firma ApS.
func checked(sha, serial string, notBefore time.Time) *inspect.Report {
	return &inspect.Report{
		Verdict: inspect.VerdictReady, ChainTrusted: true, KeyMatches: true, Lang: "en", Format: "pkcs12",
		Certificate: &inspect.Certificate{
			SHA256: strings.Repeat(sha, 64/len(sha)), Organization: "Firma ApS", CVR: "12345678", UUID: uuid,
			Serial: serial, NotBefore: notBefore, NotAfter: notBefore.AddDate(3, 0, 0), Verified: true,
		},
	}
}

// atDownload is a renewal started at started, waiting on the download step.
func atDownload() *guide.Progress {
	p := guide.New(started)
	p.Current = "download"
	return &p
}

func TestDecide(t *testing.T) {
	old := known("a1", "01", started.AddDate(0, 1, 0), started.AddDate(-2, 0, 0))
	renewedAt := started.Add(10 * time.Minute)
	answered := func(yes bool) *guide.Progress {
		p := atDownload()
		p.SetAnswer(strings.Repeat("b2", 32), yes)
		return p
	}
	other := known("c3", "07", started.AddDate(1, 0, 0), started.AddDate(-1, 0, 0))
	other.Organization, other.CVR, other.UUID = "Anden A/S", "87654321", "99999999-2222-3333-4444-555555555555"
	// Expired before the renewal began: not the certificate it renews, so
	// the renewal's organisation is not known from it.
	expiredOther := other
	expiredOther.NotAfter = started.AddDate(0, 0, -1)
	newer := known("d4", "09", started.AddDate(3, 1, 0), started.Add(-time.Hour))
	pendingID := vault.PendingID("r1")

	cases := []struct {
		name     string
		progress *guide.Progress
		known    []register.Certificate
		report   *inspect.Report
		openedBy string

		kind        Kind
		advance     bool
		ask         bool
		compared    string // the comparison's outcome, "" for none
		movePending bool
	}{
		{name: "renewal", progress: atDownload(), known: []register.Certificate{old}, report: checked("b2", "02", renewedAt),
			kind: KindRenewal, advance: true, compared: inspect.CompareRenewal},
		{name: "renewal opened by the pending password", progress: atDownload(), known: []register.Certificate{old},
			report: checked("b2", "02", renewedAt), openedBy: pendingID,
			kind: KindRenewal, advance: true, compared: inspect.CompareRenewal, movePending: true},
		{name: "downloaded yesterday", progress: atDownload(), known: []register.Certificate{old},
			report: checked("b2", "02", started.Add(-30*time.Hour)),
			kind:   KindRenewal, advance: true, compared: inspect.CompareRenewal},
		{name: "same again", progress: atDownload(), known: []register.Certificate{old},
			report: checked("a1", "01", old.NotBefore),
			kind:   KindSameAgain, compared: inspect.CompareSameCertificate},
		{name: "other organisation", progress: atDownload(), known: []register.Certificate{other},
			report: checked("b2", "02", renewedAt),
			// Not compared: the headline and the question name both (V9).
			kind: KindOtherOrganisation, ask: true},
		{name: "other organisation outside the renewal", progress: func() *guide.Progress { p := guide.New(started); return &p }(),
			known: []register.Certificate{other}, report: checked("b2", "02", renewedAt),
			kind: KindNoPredecessor},
		{name: "its own organisation known by itself", progress: atDownload(),
			known:  []register.Certificate{expiredOther, known("b2", "02", renewedAt.AddDate(3, 0, 0), started.Add(time.Minute))},
			report: checked("b2", "02", renewedAt), kind: KindNoPredecessor, ask: true},
		{name: "older", progress: atDownload(), known: []register.Certificate{old, newer},
			report: checked("b2", "02", renewedAt),
			kind:   KindOlder},
		{name: "no predecessor", progress: atDownload(), report: checked("b2", "02", started.AddDate(-1, 0, 0)),
			kind: KindNoPredecessor, ask: true},
		{name: "asked and answered yes", progress: answered(true), report: checked("b2", "02", renewedAt),
			kind: KindConfirmed, advance: true},
		{name: "asked and answered no", progress: answered(false), report: checked("b2", "02", renewedAt),
			kind: KindDeclined},
		{name: "the renewal's certificate again", progress: func() *guide.Progress {
			p := atDownload()
			p.SetFileChecked(strings.Repeat("b2", 32), started)
			return p
		}(), known: []register.Certificate{old}, report: checked("b2", "02", renewedAt),
			kind: KindAlready, advance: true, compared: inspect.CompareRenewal},
		// A step ahead of the guide: the portal hands out the file right
		// after the password, saved or not; the password card then says
		// what that means.
		{name: "renewal on the password card", progress: func() *guide.Progress {
			p := guide.New(started)
			p.Current = "password"
			return &p
		}(), known: []register.Certificate{old}, report: checked("b2", "02", renewedAt),
			kind: KindRenewal, advance: true, compared: inspect.CompareRenewal},
		{name: "renewal on the card before the password (far ahead of the guide: X18)", progress: func() *guide.Progress {
			p := guide.New(started)
			p.Current = "terms"
			return &p
		}(), known: []register.Certificate{old}, report: checked("b2", "02", renewedAt),
			kind: KindRenewal, advance: true, compared: inspect.CompareRenewal},
		{name: "renewal outside the download step", progress: func() *guide.Progress { p := guide.New(started); return &p }(),
			known: []register.Certificate{old}, report: checked("b2", "02", renewedAt),
			kind: KindRenewal, compared: inspect.CompareRenewal},
		{name: "no guide", known: []register.Certificate{old}, report: checked("b2", "02", renewedAt),
			kind: KindRenewal, compared: inspect.CompareRenewal},
		{name: "a new serial is needed", progress: atDownload(),
			known:  []register.Certificate{known("a1", "02", started.AddDate(0, 1, 0), started.AddDate(-2, 0, 0))},
			report: checked("b2", "02", renewedAt), kind: KindOlder},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			o := Decide(tc.progress, tc.known, Check{Path: "/x.p12", Report: tc.report, OpenedBy: tc.openedBy})
			if o.Kind != tc.kind || o.Advance != tc.advance || o.Ask != tc.ask || !o.Record {
				t.Errorf("got kind %s advance %v ask %v record %v; want %s %v %v true", o.Kind, o.Advance, o.Ask, o.Record, tc.kind, tc.advance, tc.ask)
			}
			got := ""
			if o.Comparison != nil {
				got = o.Comparison.Outcome
			}
			if got != tc.compared {
				t.Errorf("compared as %q, want %q", got, tc.compared)
			}
			if (o.MovePending != "") != tc.movePending || tc.movePending && o.MovePending != tc.openedBy {
				t.Errorf("MovePending = %q", o.MovePending)
			}
			// An older certificate is not told to renew in good time;
			// every other outcome shows every finding.
			if got := o.Shows(inspect.CodeExpiresSoon); got == (tc.kind == KindOlder) {
				t.Errorf("Shows(expires_soon) = %v", got)
			}
		})
	}
}

// An unverified or untrusted certificate is never recorded, never moves a
// password and never passes the download step.
func TestDecideUntrustedIsNotRecorded(t *testing.T) {
	r := checked("b2", "02", started)
	r.ChainTrusted = false
	o := Decide(atDownload(), nil, Check{Report: r, OpenedBy: vault.PendingID("r1")})
	if o.Record || o.MovePending != "" {
		t.Errorf("untrusted: %+v", o)
	}
	r = checked("b2", "02", started)
	r.Certificate.Verified = false
	o = Decide(atDownload(), nil, Check{Report: r})
	if o.Record || o.Advance || o.Ask {
		t.Errorf("unverified: %+v", o)
	}
	if o := Decide(atDownload(), nil, Check{Report: &inspect.Report{Verdict: inspect.VerdictUnreadable}}); o.Kind != KindNotOpened {
		t.Errorf("unreadable: %+v", o)
	}
	// The state's CA certificate, verified and trusted, is not an
	// organisation's: it does not join My certificates.
	if o := Decide(atDownload(), nil, Check{Report: stateCA()}); o.Record || o.Advance {
		t.Errorf("the state's CA certificate: %+v", o)
	}
}

// A file with problems is compared but never passes the download step.
func TestDecideProblemsDoNotAdvance(t *testing.T) {
	old := known("a1", "01", started.AddDate(0, 1, 0), started.AddDate(-2, 0, 0))
	r := checked("b2", "02", started)
	r.Verdict = inspect.VerdictProblems
	o := Decide(atDownload(), []register.Certificate{old}, Check{Report: r})
	if o.Kind != KindRenewal || o.Advance || o.Ask {
		t.Errorf("%+v", o)
	}
}

// The answer is kept: asked once, a yes does the download step with the
// file, and the same file checked again is not asked about again.
func TestAnswerIsKept(t *testing.T) {
	p := atDownload()
	r := checked("b2", "02", started)
	if o := Decide(p, nil, Check{Report: r}); !o.Ask {
		t.Fatalf("not asked: %+v", o)
	}
	AnswerQuestion(p, r.Certificate.SHA256, true, started)
	if !p.FileChecked() || p.FileSHA256 != r.Certificate.SHA256 {
		t.Errorf("a yes did not do the download step: %+v", p)
	}
	if o := Decide(p, nil, Check{Report: r}); o.Ask || !o.Advance {
		t.Errorf("asked again: %+v", o)
	}
	q := atDownload()
	AnswerQuestion(q, r.Certificate.SHA256, false, started)
	if o := Decide(q, nil, Check{Report: r}); o.Ask || o.Advance || o.Kind != KindDeclined {
		t.Errorf("after a no: %+v", o)
	}
}

func TestReceiptDataGathersRegisterAndGuideButNoPassword(t *testing.T) {
	done := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	r := checked("b2", "02", started)
	sha := r.Certificate.SHA256
	reg := &register.Certificate{
		SHA256:        sha,
		PasswordSaved: true,
		Backups:       []register.FileRef{{Path: "/media/usb/a.p12", SHA256: "cafe", VerifiedAt: done, Drive: "KINGSTON"}},
		DPG:           &register.DPG{At: done.Add(time.Hour), By: "Søren"},
	}
	p := &guide.Progress{RenewalID: "r1", Done: map[string]time.Time{"login": done}, FileSHA256: sha, FileCheckedAt: done}
	pw := guide.Passwords{Known: true, Entries: []vault.Entry{{ID: vault.CertificateID(sha), Saved: done.Add(-time.Minute)}}}
	d := ReceiptData(r, "da", false, reg, p, pw, done, "pc-1")
	if !d.PasswordSaved || len(d.Backups) != 1 || d.Backups[0].Drive != "KINGSTON" || d.DPG == nil || d.DPG.By != "Søren" || d.PasswordHost != "pc-1" {
		t.Errorf("register not used: %+v", d)
	}
	if len(d.Steps) != len(guide.Steps) {
		t.Fatalf("%d steps", len(d.Steps))
	}
	login := d.Steps[guide.Index("login")]
	if !login.DoneAt.Equal(done) || login.Title == "guide.login.title" {
		t.Errorf("login step: %+v", login)
	}
	// A card is done when its fact is true: the password saved, the file
	// checked, DPG recorded, before Done was pressed on their cards; the
	// portal's cards before its file, when the file came (Y13); closing
	// the portal's window, only when Done is pressed.
	for id, want := range map[string]time.Time{"password": done.Add(-time.Minute), "download": done, "dpg-verify": done.Add(time.Hour), "issue": done, "close": {}} {
		if got := d.Steps[guide.Index(id)].DoneAt; !got.Equal(want) {
			t.Errorf("%s done at %v, want %v", id, got, want)
		}
	}
	// Renewed when the receipt is made unless the register knows when the
	// guide renewed it; never the certificate's "valid from" (U9).
	if !d.RenewedAt.Equal(done) {
		t.Errorf("renewed at %v, want when the receipt is made (%v)", d.RenewedAt, done)
	}
	renewed := done.Add(-26 * time.Hour)
	reg.Renewed = renewed
	if d := ReceiptData(r, "da", false, reg, p, pw, done, "pc-1"); !d.RenewedAt.Equal(renewed) || !strings.Contains(receipt.FileName(d), renewed.Format("2006-01-02")) {
		t.Errorf("renewed at %v (%s), want the register's %v", d.RenewedAt, receipt.FileName(d), renewed)
	}
	reg.Renewed = time.Time{}
	// Who installed it in DPG is asked once: the receipt proposes the name (F14).
	if d.RenewedBy != "Søren" {
		t.Errorf("renewed by %q, want the DPG installer from the register", d.RenewedBy)
	}
	// The last receipt's form comes back as the user filled it in: its
	// name before the DPG installer's, and its DPG e-mail (W15).
	reg.Receipts = []register.Receipt{
		{Path: "/r1.pdf", At: done, By: "Anne", Email: "old@firma.dk"},
		{Path: "/r2.pdf", At: done.Add(time.Hour), By: "Mette", Email: "sikkerpost@firma.dk"},
	}
	if d := ReceiptData(r, "da", false, reg, p, pw, done, "pc-1"); d.RenewedBy != "Mette" || d.Email != "sikkerpost@firma.dk" {
		t.Errorf("renewed by %q, e-mail %q: want the last receipt's", d.RenewedBy, d.Email)
	}
	reg.Receipts = []register.Receipt{{Path: "/r.pdf", At: done, Email: "sikkerpost@firma.dk"}}
	if d := ReceiptData(r, "da", false, reg, p, pw, done, "pc-1"); d.RenewedBy != "Søren" {
		t.Errorf("renewed by %q: a receipt that named nobody keeps the DPG installer", d.RenewedBy)
	}
	reg.Receipts = nil
	// No receipt yet: the address noted on DPG's place is proposed (Y2),
	// from the guide's places or, without the guide, the register's.
	p.Usages = []guide.Usage{{ID: "a", Preset: "other", Note: "it@firma.dk"}, {ID: "b", Preset: string(guide.PlaceDPGMail), Note: "Bruges med sikkerpost@firma.dk."}}
	if d := ReceiptData(r, "da", false, reg, p, pw, done, "pc-1"); d.Email != "sikkerpost@firma.dk" {
		t.Errorf("e-mail %q: want the address noted on DPG's place", d.Email)
	}
	reg.Places, p.Usages = p.Usages, nil
	if d := ReceiptData(r, "da", false, reg, nil, pw, done, "pc-1"); d.Email != "sikkerpost@firma.dk" {
		t.Errorf("e-mail %q without the guide: want the register's DPG place's", d.Email)
	}
	reg.Places[1].Note = "hvilken adresse? @firma"
	if d := ReceiptData(r, "da", false, reg, nil, pw, done, "pc-1"); d.Email != "" {
		t.Errorf("e-mail %q from a note with no address", d.Email)
	}
	reg.Places = nil
	// A guide run for another certificate says nothing about this one.
	p.FileSHA256 = strings.Repeat("0", 64)
	if d := ReceiptData(r, "da", false, nil, p, pw, done, "pc-1"); len(d.Steps) != 0 || d.PasswordSaved || d.RenewedBy != "" {
		t.Errorf("steps of another renewal: %+v", d)
	}
}

// The guide saves its password under the renewal until the renewal has its
// certificate, under the certificate after: a password saved then belongs
// to the certificate the register knows, not to a renewal already over.
func TestSaveID(t *testing.T) {
	p := atDownload()
	if got := SaveID(p); got != vault.PendingID(p.RenewalID) {
		t.Errorf("before the file: %q", got)
	}
	sha := strings.Repeat("b2", 32)
	p.SetFileChecked(sha, started)
	if got := SaveID(p); got != vault.CertificateID(sha) {
		t.Errorf("after the file: %q", got)
	}
}

// A receipt made mid-way (on the download card) tells the renewal so far:
// what is done with its time, what the renewal has not come to as ahead
// ("not yet"), never as not done; a step passed without its fact is not
// done. Places are ahead until the renewal comes to switching them over.
func TestReceiptDataMadeMidWay(t *testing.T) {
	at := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	r := checked("b2", "02", started)
	p := atDownload()
	for _, s := range guide.Steps[:guide.Index("download")] {
		p.Done[s.ID] = at
	}
	p.SetUsageNote(guide.PlaceDatafordeler, "e-conomic")
	// The password card was passed on an answer that no longer holds.
	d := ReceiptData(r, "en", false, nil, p, guide.Passwords{Known: true}, at, "pc-1")
	state := func(d receipt.Data, id string) string {
		s := d.Steps[guide.Index(id)]
		switch {
		case !s.DoneAt.IsZero() && !s.Ahead:
			return "done"
		case s.Ahead && s.DoneAt.IsZero():
			return "ahead"
		case !s.Ahead && s.DoneAt.IsZero():
			return "not done"
		}
		return "both"
	}
	for id, want := range map[string]string{"welcome": "done", "terms": "done", "password": "not done", "download": "ahead", "close": "ahead", "summary": "ahead"} {
		if got := state(d, id); got != want {
			t.Errorf("mid-way, %s is %s, want %s", id, got, want)
		}
	}
	if len(d.Places) != 1 || !d.Places[0].Ahead {
		t.Errorf("a place before switching over: %+v", d.Places)
	}
	// The file checked on this card: done, though Done was not pressed.
	p.SetFileChecked(r.Certificate.SHA256, at)
	if got := state(ReceiptData(r, "en", false, nil, p, guide.Passwords{Known: true}, at, "pc-1"), "download"); got != "done" {
		t.Errorf("the checked download step is %s", got)
	}
	// On the switch card, a place not switched is not done.
	p.Current = "switch"
	if d := ReceiptData(r, "en", false, nil, p, guide.Passwords{Known: true}, at, "pc-1"); d.Places[0].Ahead || state(d, "dpg-verify") != "not done" || state(d, "switch") != "ahead" {
		t.Errorf("on the switch card: places %+v, dpg %s, switch %s", d.Places, state(d, "dpg-verify"), state(d, "switch"))
	}
}

// A receipt made on the summary: the summary's own step is done as the
// receipt is made, not "not yet" (walk W3); with the backup put off, the
// download card is "not done", never "passed" (review R3: it was not
// jumped over, its backup is left undone). Done once the backup is made.
func TestReceiptDataMadeOnTheSummary(t *testing.T) {
	at := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	r := checked("b2", "02", started)
	p := atDownload()
	for _, s := range guide.Steps[:guide.Index("summary")] {
		p.Done[s.ID] = at
	}
	p.Current = "summary"
	p.SetFileChecked(r.Certificate.SHA256, at)
	p.SetPasswordKept(register.KeptWritten, "")
	p.SetBackupLater(true)
	reg := &register.Certificate{SHA256: r.Certificate.SHA256, DPG: &register.DPG{At: at, By: "Anne"}}
	made := at.Add(time.Hour)
	d := ReceiptData(r, "en", false, reg, p, guide.Passwords{Known: true}, made, "pc-1")
	if s := d.Steps[guide.Index("summary")]; !s.DoneAt.Equal(made) || s.Ahead || s.Passed {
		t.Errorf("the summary's step on its own receipt: %+v", s)
	}
	if s := d.Steps[guide.Index("download")]; !s.DoneAt.IsZero() || s.Ahead || s.Passed {
		t.Errorf("the download step with its backup put off: %+v, want not done", s)
	}
	reg.Backups = []register.FileRef{{Path: "/usb/a.p12", VerifiedAt: at}}
	d = ReceiptData(r, "en", false, reg, p, guide.Passwords{Known: true}, made, "pc-1")
	if s := d.Steps[guide.Index("download")]; s.DoneAt.IsZero() || s.Passed {
		t.Errorf("the download step backed up: %+v, want done", s)
	}
	// Made on another card, the summary is still to come.
	p.Current = "switch"
	if s := ReceiptData(r, "en", false, reg, p, guide.Passwords{Known: true}, made, "pc-1").Steps[guide.Index("summary")]; !s.Ahead || !s.DoneAt.IsZero() {
		t.Errorf("the summary's step on a receipt made on card 20: %+v", s)
	}
}
