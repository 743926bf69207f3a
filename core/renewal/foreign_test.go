package renewal

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/register"
)

// anden is a certificate of another organisation than Firma ApS.
func anden(r *inspect.Report) *inspect.Report {
	r.Certificate.Organization, r.Certificate.CVR, r.Certificate.UUID = "Anden A/S", "87654321", "99999999-2222-3333-4444-555555555555"
	return r
}

// V9: mid-renewal, another organisation's certificate is named as such in
// the big line (never a green "ready"), is not compared with the
// renewal's certificate as if it were its previous one, and never becomes
// the renewal's file without an explicit yes to a question that names
// both organisations; a yes to that question does take it.
func TestAnswerForeignMidRenewal(t *testing.T) {
	old := known("a1", "01", started.AddDate(0, 1, 0), started.AddDate(-2, 0, 0))
	mine := known("b2", "02", started.AddDate(3, 0, 0), started.Add(time.Minute))
	caEntry := register.Certificate{SHA256: strings.Repeat("e5", 32), Organization: "Den Danske Stat", CommonName: "Den Danske Stat OCES rod-CA", Updated: started.Add(time.Hour)}
	withFile := func(current string) *guide.Progress {
		p := guide.New(started)
		p.Current = current
		p.SetFileChecked(mine.SHA256, started.Add(time.Minute))
		return &p
	}
	foreignSHA := strings.Repeat("c3", 32)
	cases := []struct {
		name      string
		p         *guide.Progress
		known     []register.Certificate
		question  Question
		headline  string
		advance   bool
		knownName string
	}{
		{"the renewal has its file, the guide on the download card", withFile("download"), []register.Certificate{old, mine}, QuestionOtherOrganisation, "renewal.foreign.title", false, "Firma ApS"},
		{"a CA certificate checked before is never the one compared", withFile("download"), []register.Certificate{old, mine, caEntry}, QuestionOtherOrganisation, "renewal.foreign.title", false, "Firma ApS"},
		{"the guide further on: named, not asked", withFile("dpg_install"), []register.Certificate{old, mine}, QuestionNone, "renewal.foreign.title", false, "Firma ApS"},
		{"no guide: an administrator of two organisations", nil, []register.Certificate{old, mine}, QuestionNone, "inspect.verdict.ready", false, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := anden(checked("c3", "07", started))
			a := AnswerFor(Input{Report: r, Known: c.known, Progress: c.p, Tries: TryTyped("pw")})
			if a.Question != c.question || a.Headline.TitleKey != c.headline || a.Advance != c.advance {
				t.Fatalf("question %q, headline %s, advance %v", a.Question, a.Headline.TitleKey, a.Advance)
			}
			if c.headline == "renewal.foreign.title" {
				if a.Headline.Tone == ToneGood || !strings.Contains(a.Headline.Message, "Anden A/S") || !strings.Contains(a.Headline.Message, c.knownName) {
					t.Errorf("headline %+v", a.Headline)
				}
				if a.Comparison != nil || a.Note != nil {
					t.Errorf("compared %+v, note %+v", a.Comparison, a.Note)
				}
			}
			if c.question == QuestionOtherOrganisation && (a.Asked == nil || !strings.Contains(a.Asked.Title, "Anden A/S") || !strings.Contains(a.Asked.Title, "Firma ApS")) {
				t.Errorf("asked %+v", a.Asked)
			}
			// The file stays the renewal's until the user says yes.
			if a.Outcome.Apply(c.p, foreignSHA, started) || c.p != nil && c.p.FileSHA256 != mine.SHA256 {
				t.Errorf("the renewal's file changed without a yes: %v", c.p.FileSHA256)
			}
		})
	}
	// An explicit yes to the question takes it, and says so no more.
	p := withFile("download")
	AnswerQuestion(p, foreignSHA, true, started.Add(time.Hour))
	a := AnswerFor(Input{Report: anden(checked("c3", "07", started)), Known: []register.Certificate{old, mine}, Progress: p, Tries: TryTyped("pw")})
	if p.FileSHA256 != foreignSHA || a.Headline.TitleKey == "renewal.foreign.title" || a.Question != QuestionNone {
		t.Errorf("after yes: file %s, headline %s, question %q", p.FileSHA256, a.Headline.TitleKey, a.Question)
	}
}

// Y12: in the renewal of the certificate in use (card 1 names it), a file
// of another organisation is that organisation's, never the plain "is this
// the file you just downloaded?" with its blue yes: also when the register
// knew the other organisation's certificate from a check before the
// renewal (its organisation is then "known"), and when it knew that very
// file (not "the same certificate as before"). Its own organisation's
// first certificate is asked about plainly, as before.
func TestAnotherOrganisationsFileInTheRenewalOfTheOneInUse(t *testing.T) {
	inUse := known("a1", "01", started.AddDate(0, 0, 20), started.AddDate(-3, 0, 0))
	file := func() *inspect.Report { return anden(checked("c3", "07", started.Add(-time.Hour))) }
	checkedBefore := Entry(Check{Path: "/dl/andet.p12", Report: file()}, started.Add(-time.Hour))
	for _, c := range []struct {
		name  string
		known []register.Certificate
		added time.Time
	}{
		{"the register knows only the renewal's", []register.Certificate{inUse}, time.Time{}},
		{"checked once since the renewal began", []register.Certificate{inUse, checkedBefore}, started.Add(time.Minute)},
		{"checked before the renewal began", []register.Certificate{inUse, checkedBefore}, started.Add(-time.Hour)},
	} {
		t.Run(c.name, func(t *testing.T) {
			for i := range c.known {
				if c.known[i].SHA256 == checkedBefore.SHA256 {
					c.known[i].Added, c.known[i].Updated = c.added, c.added
				}
			}
			a := AnswerFor(Input{Report: file(), Known: c.known, Progress: atDownload(), Tries: TryTyped("pw")})
			if a.Outcome.Kind != KindOtherOrganisation || a.Question != QuestionOtherOrganisation || a.Headline.TitleKey != "renewal.foreign.title" {
				t.Fatalf("kind %s, question %q, headline %s", a.Outcome.Kind, a.Question, a.Headline.TitleKey)
			}
			if a.Asked == nil || !strings.Contains(a.Asked.Title, "Anden A/S") || !strings.Contains(a.Asked.Title, "Firma ApS") {
				t.Errorf("asked %+v", a.Asked)
			}
			if a.Advance || a.Outcome.Previous == nil || a.Outcome.Previous.SHA256 != inUse.SHA256 {
				t.Errorf("advance %v, previous %+v", a.Advance, a.Outcome.Previous)
			}
		})
	}
	// Its own organisation's file with nothing to renew from: the plain
	// question, with the other organisation's known too.
	first := checked("b2", "02", started)
	first.Certificate.UUID = "77777777-2222-3333-4444-555555555555" // a new line: nothing it renews
	own := AnswerFor(Input{Report: first, Known: []register.Certificate{inUse, checkedBefore}, Progress: atDownload(), Tries: TryTyped("pw")})
	if own.Question != QuestionAsk || own.Outcome.Kind != KindNoPredecessor {
		t.Errorf("the renewal's organisation's file: %s, %q", own.Outcome.Kind, own.Question)
	}
}

// V10: the state's CA certificate is never recorded in the register nor
// offered the public certificate's actions.
func TestIssuerIsNeverRecorded(t *testing.T) {
	a := AnswerFor(Input{Report: stateCA(), Progress: atDownload(), Tries: TrySaved(nil)})
	if a.Outcome.Record || a.Public || len(a.Actions) != 0 {
		t.Errorf("record %v, public %v, actions %v", a.Outcome.Record, a.Public, a.Actions)
	}
	if b := AnswerFor(Input{Report: checked("b2", "02", started), Tries: TrySaved(nil)}); !b.Outcome.Record || !b.Public {
		t.Errorf("an organisation's certificate: record %v, public %v", b.Outcome.Record, b.Public)
	}
}

// V13/U19: an expired file of an organisation the register knows renewed
// is an old certificate, renewed already: nothing to do, no "order a new
// one", no expiry finding, no public part. U15: the certificate in use,
// installed in DPG and expiring, is pointed to its renewal, not to DPG.
func TestAnswerKnowsWhatTheRegisterKnows(t *testing.T) {
	expired := with(checked("a1", "01", started.AddDate(-3, -1, 0)), finding(inspect.CodeExpired, nil))
	newer := known("b2", "02", started.AddDate(3, 0, 0), started.Add(time.Minute))
	newer.Renewed = started.Add(time.Hour)
	a := AnswerFor(Input{Report: expired, Known: []register.Certificate{newer}, Tries: TryTyped("pw")})
	if a.Headline.TitleKey != "renewal.older_expired.title" || a.Headline.Tone == ToneError || a.Public || len(a.Actions) != 0 || len(a.Findings) != 0 {
		t.Errorf("expired, renewed: %+v public %v actions %v findings %v", a.Headline, a.Public, a.Actions, a.Findings)
	}
	if !strings.Contains(a.Headline.Message, "30 November 2026") {
		t.Errorf("the renewal's date: %q", a.Headline.Message)
	}
	// Expired with nothing newer known: order a new one, as before.
	if b := AnswerFor(Input{Report: with(checked("a1", "01", started.AddDate(-3, -1, 0)), finding(inspect.CodeExpired, nil)), Tries: TryTyped("pw")}); b.Headline.TitleKey != "inspect.finding.expired.title" {
		t.Errorf("expired, nothing newer: %s", b.Headline.TitleKey)
	}

	inUse := known("a1", "01", started.AddDate(0, 1, 0), started.AddDate(-2, 0, 0))
	inUse.DPG = &register.DPG{At: started.AddDate(-2, 0, 0), By: "Anne"}
	soon := with(checked("a1", "01", started.AddDate(-3, 1, 0)), finding(inspect.CodeExpiresSoon, map[string]any{"Days": 30}))
	c := AnswerFor(Input{Report: soon, Known: []register.Certificate{inUse}, Tries: TrySaved(nil)})
	if c.Headline.TitleKey != "renewal.in_use.title" || c.Headline.Tone == ToneGood || !strings.Contains(c.Headline.Message, "Anne") {
		t.Errorf("in use, expiring: %+v", c.Headline)
	}
	if slices.Contains(c.Actions, ActionMarkDPG) {
		t.Errorf("in use: %v", c.Actions)
	}
	// Installed and not expiring: already installed, as before.
	calm := checked("a1", "01", started.AddDate(-1, 0, 0))
	if d := AnswerFor(Input{Report: calm, Known: []register.Certificate{inUse}, Tries: TrySaved(nil)}); d.Headline.TitleKey != "renewal.installed.title" {
		t.Errorf("installed: %s", d.Headline.TitleKey)
	}
}

// W13 (U15): during a renewal the certificate being renewed, expiring and
// not recorded in DPG (checked on card 3, say), is not "ready to install
// in DPG … install it now": it is the one being renewed, and DPG is not
// offered for it. The renewal's own new file still is.
func TestTheCertificateBeingRenewedIsNotOfferedForDPG(t *testing.T) {
	soon := func() *inspect.Report {
		return opened(with(checked("a1", "01", started.AddDate(-3, 1, 0)), finding(inspect.CodeExpiresSoon, map[string]any{"Days": 30})), 0)
	}
	begun := atDownload()
	begun.Current = "prepare-usage"
	fresh := guide.New(started)
	for _, c := range []struct {
		name   string
		p      *guide.Progress
		report *inspect.Report
		being  bool
	}{
		{"checked on card 3", begun, soon(), true},
		{"checked while the guide waits for the file", atDownload(), soon(), true},
		{"no renewal begun", &fresh, soon(), false},
		{"no guide", nil, soon(), false},
		{"not expiring: the new file", begun, opened(checked("b2", "02", started), 0), false},
	} {
		a := AnswerFor(Input{Report: c.report, Tries: TryTyped("pw"), Progress: c.p})
		if got := a.Headline.TitleKey == "renewal.being_renewed.title"; got != c.being {
			t.Errorf("%s: headline %s", c.name, a.Headline.TitleKey)
		}
		if c.being && (a.Offers(ActionMarkDPG) || a.Headline.Tone == ToneGood || !strings.Contains(a.Headline.Message, "2026")) {
			t.Errorf("%s: %+v, actions %v", c.name, a.Headline, a.Actions)
		}
		if !c.being && !a.Offers(ActionMarkDPG) {
			t.Errorf("%s: DPG not offered: %v", c.name, a.Actions)
		}
	}
}
