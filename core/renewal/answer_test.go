package renewal

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/vault"
)

// finding is a finding as inspect makes it, in English.
func finding(code string, data map[string]any) inspect.Finding {
	key := "inspect.finding." + code
	return inspect.Finding{Code: code, Severity: inspect.Severity(code), Key: key, Data: data,
		Title: msg.T("en", key+".title", data), Message: msg.T("en", key, data)}
}

// with is the report with its findings and the verdict they make.
func with(r *inspect.Report, fs ...inspect.Finding) *inspect.Report {
	r.Findings = append(r.Findings, fs...)
	for _, f := range r.Findings {
		switch {
		case f.Code == inspect.CodeWrongPassword:
			r.Verdict = inspect.VerdictUnreadable
		case f.Severity == inspect.SeverityError && r.Verdict == inspect.VerdictReady:
			r.Verdict = inspect.VerdictProblems
		}
	}
	return r
}

// locked is a report of a file whose password none of the tries gave.
func locked() *inspect.Report {
	r := checked("b2", "02", started)
	r.KeyMatches, r.Certificate.Verified, r.PasswordIndex = false, false, -1
	return with(r, finding(inspect.CodeWrongPassword, nil))
}

var saved = []vault.Candidate{{ID: vault.PendingID("r1"), Password: "renewal-pw"}, {ID: vault.CertificateID(strings.Repeat("a1", 32)), Password: "old-pw"}}

// opened is the report opened by the password at index i of the tries.
func opened(r *inspect.Report, i int) *inspect.Report { r.PasswordIndex = i; return r }

// The order passwords are tried in, the same for the window and the
// command line: the saved ones in the store's order, the empty one last;
// or the one typed. Which saved entry opened the file is its index.
func TestTriesOrder(t *testing.T) {
	tr := TrySaved(saved)
	if got := strings.Join(tr.Passwords(), "|"); got != "renewal-pw|old-pw|" {
		t.Errorf("saved: %q", got)
	}
	if tr.Typed() || tr.Saved() != 2 {
		t.Errorf("typed %v, saved %d", tr.Typed(), tr.Saved())
	}
	cases := []struct {
		index     int
		openedBy  string
		password  string
		fromStore bool
	}{
		{0, saved[0].ID, "renewal-pw", true},
		{1, saved[1].ID, "old-pw", true},
		{2, "", "", false}, // the empty password: no saved entry
		{3, "", "", false},
		{-1, "", "", false}, // did not open
	}
	for _, c := range cases {
		r := &inspect.Report{PasswordIndex: c.index}
		got, ok := tr.OpenedBy(r)
		if ok != c.fromStore || got.ID != c.openedBy || tr.Password(r) != c.password {
			t.Errorf("index %d: opened by %q (%v), password %q", c.index, got.ID, ok, tr.Password(r))
		}
	}
	typed := TryTyped("typed-pw")
	if got := strings.Join(typed.Passwords(), "|"); got != "typed-pw" || !typed.Typed() || typed.Saved() != 0 {
		t.Errorf("typed: %q", got)
	}
	r := &inspect.Report{PasswordIndex: 0}
	if _, ok := typed.OpenedBy(r); ok || typed.Password(r) != "typed-pw" {
		t.Error("a typed password is not a saved entry")
	}
	if got := TrySaved(nil).Passwords(); len(got) != 1 || got[0] != "" {
		t.Errorf("nothing saved: %q", got)
	}
	if tr.Password(nil) != "" {
		t.Error("no report, no password")
	}
}

// The saved passwords are looked up in the store's order (a renewal in
// progress first); no store, or a failing one, gives none.
func TestSavedPasswords(t *testing.T) {
	keyring.MockInit()
	t.Cleanup(keyring.MockInit)
	ctx := context.Background()
	if got := SavedPasswords(ctx, nil); got != nil {
		t.Errorf("no store: %v", got)
	}
	v := vault.New()
	if err := v.Save(ctx, vault.CertificateID(strings.Repeat("a1", 32)), "Firma ApS", "old-pw"); err != nil {
		t.Fatal(err)
	}
	if err := v.Save(ctx, vault.PendingID("r1"), "", "renewal-pw"); err != nil {
		t.Fatal(err)
	}
	got := SavedPasswords(ctx, v)
	if len(got) != 2 || got[0].Password != "renewal-pw" || got[1].Password != "old-pw" {
		t.Errorf("saved: %+v", got)
	}
	keyring.MockInitWithError(errors.New("no secret service"))
	if got := SavedPasswords(ctx, v); len(got) != 0 {
		t.Errorf("failing store: %v", got)
	}
}

// The big line: what stops the file first, else what the register knows
// of it, else ready; one rule for the window and the command line.
func TestAnswerHeadline(t *testing.T) {
	old := known("a1", "01", started.AddDate(0, 1, 0), started.AddDate(-2, 0, 0))
	newer := known("d4", "09", started.AddDate(3, 1, 0), started.Add(-time.Hour))
	installed := known("b2", "02", started.AddDate(3, 0, 0), started.Add(-time.Hour))
	installed.DPG = &register.DPG{At: time.Date(2026, 12, 6, 10, 0, 0, 0, time.Local), By: "Anne Hansen"}
	anonymous := installed
	anonymous.DPG = &register.DPG{At: installed.DPG.At}
	mismatch := with(checked("b2", "02", started), finding(inspect.CodeKeyMismatch, nil))
	// X11: the checked file (b2) is older than newer; the register knows
	// it installed in DPG, and the newer one in DPG or not yet.
	inUse := known("b2", "02", started.AddDate(3, 0, 0), started.AddDate(-1, 0, 0))
	inUse.DPG = &register.DPG{At: time.Date(2024, 2, 6, 10, 0, 0, 0, time.Local), By: "Jens Hansen"}
	newerInDPG := newer
	newerInDPG.DPG = &register.DPG{At: time.Date(2026, 12, 7, 10, 0, 0, 0, time.Local), By: "Anna Berg"}
	expiring := func() *inspect.Report {
		return with(checked("b2", "02", started.AddDate(-3, 1, 0)), finding(inspect.CodeExpiresSoon, map[string]any{"Days": 30}))
	}
	cases := []struct {
		name    string
		report  *inspect.Report
		tries   Tries
		known   []register.Certificate
		title   string
		message string
		tone    Tone
		has     string // in the message
	}{
		{"wrong password, saved ones tried", locked(), TrySaved(saved), nil,
			"check.password.title", "check.password.explain", ToneWarning, "None of the saved passwords"},
		{"wrong password, none saved", locked(), TrySaved(nil), nil,
			"check.password.title", "check.password.explain.none_saved", ToneWarning, ""},
		{"wrong password typed", locked(), TryTyped("forkert"), nil,
			"check.password.title", "check.password.wrong", ToneWarning, ""},
		{"key mismatch", mismatch, TrySaved(nil), []register.Certificate{old},
			"inspect.finding.key_mismatch.title", "inspect.finding.key_mismatch", ToneError, ""},
		{"older", opened(checked("b2", "02", started), 2), TrySaved(nil), []register.Certificate{old, newer},
			"renewal.older.title", "renewal.older", ToneWarning, msg.Date("en", newer.NotAfter.Local())},
		{"older, in use in DPG (X11)", opened(checked("b2", "02", started), 2), TrySaved(nil), []register.Certificate{inUse, newer},
			"renewal.older_in_use.title", "renewal.older_in_use", ToneWarning, "installed in DPG on 6 February 2024 (by Jens Hansen). It has been renewed: install the newer one, valid until " + msg.Date("en", newer.NotAfter.Local())},
		{"older, replaced in DPG (X11)", opened(checked("b2", "02", started), 2), TrySaved(nil), []register.Certificate{inUse, newerInDPG},
			"renewal.older_replaced.title", "renewal.older_replaced", ToneNeutral, "This certificate was installed in DPG on 6 February 2024 (by Jens Hansen). The renewed one, valid until " + msg.Date("en", newer.NotAfter.Local()) + ", was installed in DPG in its place on 7 December 2026 (by Anna Berg)"},
		{"older, never recorded in DPG, the newer is", opened(checked("b2", "02", started), 2), TrySaved(nil), []register.Certificate{old, newerInDPG},
			"renewal.older_replaced.title", "renewal.older_replaced", ToneNeutral, "in its place on 7 December 2026 (by Anna Berg)"},
		{"expiring, outside a renewal, not recorded in DPG (X16)", opened(expiring(), 2), TrySaved(nil), nil,
			"renewal.expiring.title", "renewal.expiring", ToneWarning, "Renew it in MitID Erhverv before then"},
		{"installed in DPG", opened(checked("b2", "02", started), 2), TrySaved(nil), []register.Certificate{old, installed},
			"renewal.installed.title", "renewal.installed", ToneGood, "6 December 2026 (by Anne Hansen)"},
		{"installed in DPG, nobody named", opened(checked("b2", "02", started), 2), TrySaved(nil), []register.Certificate{anonymous},
			"renewal.installed.title", "renewal.installed", ToneGood, "6 December 2026. "},
		{"ready with a warning", with(checked("b2", "02", started), finding(inspect.CodeEmptyPassword, nil)), TrySaved(nil), nil,
			"inspect.verdict.ready_with_warnings", "inspect.verdict.ready.message", ToneGood, ""},
		{"ready with a note only", with(checked("b2", "02", started), finding(inspect.CodeLegacyEncryption, nil)), TrySaved(nil), nil,
			"inspect.verdict.ready", "inspect.verdict.ready.message", ToneGood, ""},
		{"ready", checked("b2", "02", started), TrySaved(nil), []register.Certificate{old},
			"inspect.verdict.ready", "inspect.verdict.ready.message", ToneGood, "Install it in DPG now"},
		{"the state's CA certificate", stateCA(), TrySaved(nil), []register.Certificate{old},
			"inspect.finding.issuer_certificate.state.title", "inspect.finding.issuer_certificate.state", ToneError, "Den Danske Stat"},
		{"a verdict without an error", &inspect.Report{Verdict: inspect.VerdictProblems, Lang: "en", PasswordIndex: -1}, TrySaved(nil), nil,
			"inspect.verdict.problems", "", ToneError, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := AnswerFor(Input{Path: "/dl/x.p12", Report: c.report, Tries: c.tries, Known: c.known})
			h := a.Headline
			if h.TitleKey != c.title || h.MessageKey != c.message || h.Tone != c.tone {
				t.Errorf("headline %s / %s (%s), want %s / %s (%s)", h.TitleKey, h.MessageKey, h.Tone, c.title, c.message, c.tone)
			}
			if h.Title == "" || h.Title == h.TitleKey || (c.message != "" && h.Message == "") || !strings.Contains(h.Message, c.has) {
				t.Errorf("rendered %q / %q, want it to hold %q", h.Title, h.Message, c.has)
			}
			if a.NeedsPassword != (c.title == "check.password.title") {
				t.Errorf("NeedsPassword = %v", a.NeedsPassword)
			}
		})
	}
}

// Who a locked file is for, when it can be read before the password; the
// facts, and that they are unconfirmed then.
func TestAnswerPasswordForAndFacts(t *testing.T) {
	a := AnswerFor(Input{Report: locked(), Tries: TrySaved(nil)})
	if a.PasswordFor == nil || !strings.Contains(a.PasswordFor.Message, "Firma ApS (CVR 12345678)") {
		t.Errorf("password for: %+v", a.PasswordFor)
	}
	if a.Unverified == nil || a.Unverified.MessageKey != "check.unverified" {
		t.Errorf("unverified: %+v", a.Unverified)
	}
	nameless := locked()
	nameless.Certificate.Organization = ""
	if a := AnswerFor(Input{Report: nameless, Tries: TrySaved(nil)}); a.PasswordFor != nil {
		t.Errorf("a file without a name said who it is for: %+v", a.PasswordFor)
	}
	r := checked("b2", "02", started)
	r.Certificate.DaysLeft = 1095
	a = AnswerFor(Input{Report: r, Tries: TrySaved(nil)})
	var got []string
	for _, f := range a.Facts {
		got = append(got, f.Label+"="+f.Value)
	}
	want := "Organisation=Firma ApS|CVR number=12345678|Type=Certificate|Environment=Unknown|Valid until=" +
		msg.Date("en", r.Certificate.NotAfter.Local()) + "|Days left=1095"
	if strings.Join(got, "|") != want || a.Unverified != nil || a.PasswordFor != nil {
		t.Errorf("facts %q\nwant  %q", strings.Join(got, "|"), want)
	}
	r.Certificate.DaysLeft = 0
	if a := AnswerFor(Input{Report: r, Tries: TrySaved(nil)}); a.Facts[len(a.Facts)-1].Value != "0" {
		t.Errorf("the last day: %+v", a.Facts[len(a.Facts)-1])
	}
	r.Certificate.DaysLeft = -1
	if a := AnswerFor(Input{Report: r, Tries: TrySaved(nil)}); a.Facts[len(a.Facts)-1].Value != "expired" {
		t.Errorf("expired: %+v", a.Facts[len(a.Facts)-1])
	}
	if a := AnswerFor(Input{Report: with(&inspect.Report{Lang: "en", PasswordIndex: -1, Verdict: inspect.VerdictReady}, finding(inspect.CodeCorrupt, nil))}); a.Facts != nil || a.Outcome.Kind != KindNotOpened {
		t.Errorf("nothing opened: %+v", a)
	}
}

// The comparison never outshines the headline: green only under a green
// headline, amber when it is not a renewal, no colour under a warning or
// an error (no green "the renewed certificate" under a red key mismatch).
func TestAnswerComparisonTone(t *testing.T) {
	old := known("a1", "01", started.AddDate(0, 1, 0), started.AddDate(-2, 0, 0))
	mismatch := with(checked("b2", "02", started), finding(inspect.CodeKeyMismatch, nil))
	cases := []struct {
		name    string
		report  *inspect.Report
		known   []register.Certificate
		outcome string
		tone    Tone
	}{
		{"renewal under ready", checked("b2", "02", started), []register.Certificate{old}, inspect.CompareRenewal, ToneGood},
		{"renewal under a key mismatch", mismatch, []register.Certificate{old}, inspect.CompareRenewal, ToneNeutral},
		{"same again under ready", checked("a1", "01", old.NotBefore), []register.Certificate{old}, inspect.CompareSameCertificate, ToneWarning},
		{"renewal under a warning", with(checked("b2", "02", started), finding(inspect.CodeWrongPassword, nil)), []register.Certificate{old}, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := AnswerFor(Input{Report: c.report, Known: c.known, Progress: atDownload(), Tries: TrySaved(nil)})
			if c.outcome == "" {
				if a.Comparison != nil {
					t.Errorf("compared: %+v", a.Comparison)
				}
				return
			}
			if a.Comparison == nil || a.Comparison.TitleKey != "inspect.compare."+c.outcome+".title" || a.Comparison.Tone != c.tone {
				t.Fatalf("comparison %+v, want %s in %s", a.Comparison, c.outcome, c.tone)
			}
			if a.Comparison.Title == "" || a.Comparison.Message == "" {
				t.Errorf("not rendered: %+v", a.Comparison)
			}
		})
	}
	// Under a warning headline (an older certificate, compared as its
	// predecessor's renewal would be) the comparison has no colour.
	if got := comparison(Outcome{Comparison: &inspect.Comparison{Outcome: inspect.CompareRenewal}}, ToneWarning); got.Tone != ToneNeutral {
		t.Errorf("under a warning: %s", got.Tone)
	}
}

// Another organisation's certificate is named as such on every check, in
// a neutral line; an administrator of two organisations, whose register
// knows both, is not told; while the guide waits for its file, the
// comparison says it (and the question is asked), not a second line.
func TestAnswerOtherOrganisation(t *testing.T) {
	other := known("c3", "07", started.AddDate(1, 0, 0), started.AddDate(-1, 0, 0))
	other.Organization, other.CVR, other.UUID = "Anden A/S", "87654321", "99999999-2222-3333-4444-555555555555"
	mine := known("a1", "01", started.AddDate(0, 1, 0), started.AddDate(-2, 0, 0))
	noGuide := func() *guide.Progress { p := guide.New(started); return &p }
	cases := []struct {
		name     string
		known    []register.Certificate
		progress *guide.Progress
		note     bool
		question Question
	}{
		{"only another organisation known", []register.Certificate{other}, nil, true, QuestionNone},
		{"outside the download step", []register.Certificate{other}, noGuide(), true, QuestionNone},
		{"both organisations known", []register.Certificate{other, mine}, nil, false, QuestionNone},
		{"nothing known", nil, nil, false, QuestionNone},
		{"the guide waits for its file", []register.Certificate{other}, atDownload(), false, QuestionOtherOrganisation},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := AnswerFor(Input{Report: checked("b2", "02", started), Known: c.known, Progress: c.progress, Tries: TrySaved(nil)})
			if (a.Note != nil) != c.note || a.Question != c.question {
				t.Fatalf("note %+v, question %q", a.Note, a.Question)
			}
			if a.Waits() != (c.question != QuestionNone) {
				t.Errorf("waits %v with the question %q", a.Waits(), a.Question)
			}
			if c.note {
				want := "This certificate belongs to Firma ApS (CVR 12345678), not to Anden A/S (CVR 87654321)."
				if a.Note.Message != want || a.Note.Tone != ToneNeutral {
					t.Errorf("note %q (%s), want %q", a.Note.Message, a.Note.Tone, want)
				}
				if a.Headline.TitleKey != "inspect.verdict.ready" {
					t.Errorf("the headline changed: %s", a.Headline.TitleKey)
				}
			}
			if c.question == QuestionOtherOrganisation && (a.Comparison != nil || a.Headline.TitleKey != "renewal.foreign.title" || a.Headline.Tone != ToneWarning) {
				t.Errorf("comparison %+v, headline %+v", a.Comparison, a.Headline)
			}
		})
	}
}

// stateCA is the report of a file holding only the Danish state's CA
// certificate, as inspect makes it.
func stateCA() *inspect.Report {
	r := checked("e5", "0e", started.AddDate(-5, 0, 0))
	r.Certificate.Organization, r.Certificate.CVR, r.Certificate.UUID = "Den Danske Stat", "", ""
	r.KeyMatches = false
	key := "inspect.finding.issuer_certificate.state"
	return with(r, inspect.Finding{Code: inspect.CodeIssuerCertificate, Severity: inspect.SeverityError, Key: key,
		Title: msg.T("en", key+".title", nil), Message: msg.T("en", key, nil)})
}

// The state's CA certificate, checked while another organisation's
// certificates are known, is not also "this belongs to Den Danske Stat,
// not to Firma ApS": its headline says whose it is.
func TestAnswerIssuerCertificate(t *testing.T) {
	mine := known("a1", "01", started.AddDate(0, 1, 0), started.AddDate(-2, 0, 0))
	a := AnswerFor(Input{Report: stateCA(), Known: []register.Certificate{mine}, Tries: TrySaved(nil)})
	if a.Note != nil || a.Headline.TitleKey != "inspect.finding.issuer_certificate.state.title" || len(a.Actions) != 0 {
		t.Errorf("note %+v, headline %s, actions %v", a.Note, a.Headline.TitleKey, a.Actions)
	}
}

// A "no" to the question is the declined answer, with its undo.
func TestAnswerDeclined(t *testing.T) {
	p := atDownload()
	r := checked("b2", "02", started)
	AnswerQuestion(p, r.Certificate.SHA256, false, started)
	if a := AnswerFor(Input{Report: r, Progress: p, Tries: TrySaved(nil)}); a.Question != QuestionDeclined || a.Advance || a.Waits() {
		t.Errorf("question %q, advance %v", a.Question, a.Advance)
	} else if h := a.Headline; h.TitleKey != "renewal.declined.title" || h.Tone != ToneWarning || !strings.Contains(h.Message, "You said this is not the file") {
		// U24: not the green "Ready to install in DPG: install it now"
		// above the user's own "no".
		t.Errorf("headline after no: %s (%s) %q", h.TitleKey, h.Tone, h.Message)
	}
	if a := AnswerFor(Input{Report: r, Progress: atDownload(), Tries: TrySaved(nil)}); a.Question != QuestionAsk || a.Advance || !a.Waits() {
		t.Errorf("question %q, advance %v, waits %v", a.Question, a.Advance, a.Waits())
	}
}

// The findings worth showing: not the headline's error, not the wrong
// password (the prompt says it), not "renew in good time" to an older
// certificate.
func TestAnswerFindings(t *testing.T) {
	old := known("a1", "01", started.AddDate(0, 1, 0), started.AddDate(-2, 0, 0))
	newer := known("d4", "09", started.AddDate(3, 1, 0), started.Add(-time.Hour))
	soon := finding(inspect.CodeExpiresSoon, map[string]any{"Days": 10})
	legacy := finding(inspect.CodeLegacyEncryption, nil)
	codes := func(a Answer) string {
		var out []string
		for _, f := range a.Findings {
			out = append(out, f.Code)
		}
		return strings.Join(out, ",")
	}
	r := with(checked("b2", "02", started), finding(inspect.CodeExpired, nil), finding(inspect.CodeUntrustedChain, nil), soon)
	if got := codes(AnswerFor(Input{Report: r, Tries: TrySaved(nil)})); got != "untrusted_chain,expires_soon" {
		t.Errorf("problems: %s", got)
	}
	if got := codes(AnswerFor(Input{Report: with(locked(), legacy), Tries: TrySaved(nil)})); got != "legacy_encryption" {
		t.Errorf("locked: %s", got)
	}
	r = with(checked("b2", "02", started), soon, legacy)
	if got := codes(AnswerFor(Input{Report: r, Known: []register.Certificate{old, newer}, Tries: TrySaved(nil)})); got != "legacy_encryption" {
		t.Errorf("older: %s", got)
	}
	if got := codes(AnswerFor(Input{Report: r, Known: []register.Certificate{old}, Tries: TrySaved(nil)})); got != "expires_soon,legacy_encryption" {
		t.Errorf("renewal: %s", got)
	}
}

// What can be done next, by rule: save a typed password not saved yet,
// back up a file with its key, a receipt, the folder, DPG; an older
// certificate offers neither the password nor a receipt nor DPG; one
// installed in DPG is not offered DPG again; a file with problems nothing.
func TestAnswerActions(t *testing.T) {
	old := known("a1", "01", started.AddDate(0, 1, 0), started.AddDate(-2, 0, 0))
	newer := known("d4", "09", started.AddDate(3, 1, 0), started.Add(-time.Hour))
	installed := known("b2", "02", started.AddDate(3, 0, 0), started.Add(-time.Hour))
	installed.DPG = &register.DPG{At: started, By: "Anne"}
	savedThere := known("b2", "02", started.AddDate(3, 0, 0), started.Add(-time.Hour))
	savedThere.PasswordSaved = true
	pem := checked("b2", "02", started)
	pem.Format, pem.KeyMatches = inspect.FormatCertificate, false
	untrusted := checked("b2", "02", started)
	untrusted.ChainTrusted = false
	typed := TryTyped("typed-pw")
	all := []Action{ActionSavePassword, ActionBackUp, ActionReceipt, ActionShowInFolder, ActionMarkDPG, ActionHandOver}
	noDPG := []Action{ActionSavePassword, ActionBackUp, ActionReceipt, ActionShowInFolder, ActionHandOver}
	cases := []struct {
		name   string
		report *inspect.Report
		tries  Tries
		known  []register.Certificate
		saved  bool
		want   []Action
	}{
		{"typed, ready", opened(checked("b2", "02", started), 0), typed, []register.Certificate{old}, false, all},
		{"typed and saved since", opened(checked("b2", "02", started), 0), typed, nil, true, all[1:]},
		{"opened by a saved password", opened(checked("b2", "02", started), 0), TrySaved(saved), nil, false, all[1:]},
		{"the empty password", opened(checked("b2", "02", started), 0), TrySaved(nil), nil, false, all[1:]},
		{"the register says it is saved", opened(checked("b2", "02", started), 0), typed, []register.Certificate{savedThere}, false, all[1:]},
		{"older", opened(checked("b2", "02", started), 0), typed, []register.Certificate{old, newer}, false, []Action{ActionBackUp, ActionShowInFolder}},
		{"installed in DPG", opened(checked("b2", "02", started), 0), typed, []register.Certificate{installed}, false, noDPG},
		{"no key", opened(pem, 0), typed, nil, false, []Action{ActionSavePassword, ActionReceipt, ActionShowInFolder}},
		{"untrusted: never recorded", opened(with(untrusted), 0), typed, nil, false, noDPG},
		{"problems", opened(with(checked("b2", "02", started), finding(inspect.CodeExpired, nil)), 0), typed, nil, false, nil},
		{"locked", locked(), TrySaved(saved), nil, false, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := AnswerFor(Input{Report: c.report, Tries: c.tries, Known: c.known, PasswordSaved: c.saved})
			if !slices.Equal(a.Actions, c.want) && !(len(a.Actions) == 0 && len(c.want) == 0) {
				t.Errorf("actions %v, want %v", a.Actions, c.want)
			}
			for _, act := range all {
				if a.Offers(act) != slices.Contains(c.want, act) {
					t.Errorf("Offers(%s) = %v", act, a.Offers(act))
				}
			}
		})
	}
}

// The answer after the question: the pending password moves onto the
// certificate with the yes, not before (Y9); once moved it is the
// certificate's, and is not moved again; the password and whether it is
// saved stay; the guide moves on.
func TestAnswerAgain(t *testing.T) {
	p := atDownload()
	pending := vault.PendingID(p.RenewalID)
	tries := TrySaved([]vault.Candidate{{ID: pending, Password: "renewal-pw"}})
	in := Input{Path: "/dl/new.p12", Report: opened(checked("b2", "02", started), 0), Tries: tries, Progress: p}
	first := AnswerFor(in)
	if first.Outcome.MovePending != "" || first.Question != QuestionAsk || !first.PasswordSaved {
		t.Fatalf("first: %+v", first.Outcome)
	}
	AnswerQuestion(p, in.Report.Certificate.SHA256, true, started)
	yes := first.Again(Input{Progress: p})
	if yes.Outcome.MovePending != pending {
		t.Fatalf("the yes does not move the renewal's password: %+v", yes.Outcome)
	}
	again := yes.Again(Input{Progress: p})
	if again.Outcome.MovePending != "" || again.Check.OpenedBy != vault.CertificateID(in.Report.Certificate.SHA256) {
		t.Errorf("moved again: %+v", again.Check)
	}
	if !again.Advance || again.Question != QuestionNone || again.Password != "renewal-pw" || !again.PasswordSaved || again.Check.Path != "/dl/new.p12" {
		t.Errorf("again: %+v", again)
	}
	// A typed password that was wrong is still said to be typed.
	wrong := AnswerFor(Input{Report: locked(), Tries: TryTyped("x")})
	if got := wrong.Again(Input{}).Headline.MessageKey; got != "check.password.wrong" {
		t.Errorf("again after a typed password: %s", got)
	}
	// Without a moved password, the check stays as it was.
	plain := AnswerFor(Input{Report: opened(checked("b2", "02", started), 0), Tries: TryTyped("t")})
	if got := plain.Again(Input{}); got.Check.OpenedBy != "" || got.Password != "t" || got.PasswordSaved {
		t.Errorf("again: %+v", got.Check)
	}
}

// An answer asked again after the register changed elsewhere says
// something else only when the facts change its words or its offers
// (X24): DPG recorded on card 19, the password saved on card 12.
func TestSaysTheSame(t *testing.T) {
	in := Input{Path: "/dl/new.p12", Report: opened(checked("b2", "02", started), 0), Tries: TryTyped("pw")}
	first := AnswerFor(in)
	if !SaysTheSame(first, first.Again(in)) {
		t.Error("the same facts: the same answer")
	}
	self := known("b2", "02", started.AddDate(3, 0, 0), started)
	if !SaysTheSame(first, first.Again(Input{Known: []register.Certificate{self}})) {
		t.Error("learnt by the register, nothing else: the same answer")
	}
	installed := self
	installed.DPG = &register.DPG{At: started.Add(time.Hour), By: "Mette"}
	dpg := first.Again(Input{Known: []register.Certificate{installed}})
	if SaysTheSame(first, dpg) || dpg.Headline.TitleKey != "renewal.installed.title" {
		t.Errorf("DPG recorded: %s", dpg.Headline.TitleKey)
	}
	saved := self
	saved.PasswordSaved = true
	pw := first.Again(Input{Known: []register.Certificate{saved}})
	if SaysTheSame(first, pw) || pw.Offers(ActionSavePassword) || !first.Offers(ActionSavePassword) {
		t.Errorf("password saved: %v, then %v", first.Actions, pw.Actions)
	}
	other := first
	other.Note = &Line{Message: "x"}
	if SaysTheSame(first, other) {
		t.Error("a note more")
	}
}

// The register learns a file from its own check: asked again, the answer
// still says what the file meant before (another organisation's, with
// its question), and takes from the file's own record only what was done
// with it since.
func TestAgainAfterItsOwnRecord(t *testing.T) {
	other := known("c3", "07", started.AddDate(1, 0, 0), started.AddDate(-1, 0, 0))
	other.Organization, other.CVR, other.UUID = "Anden A/S", "87654321", "99999999-2222-3333-4444-555555555555"
	p := atDownload()
	in := Input{Path: "/dl/new.p12", Report: opened(checked("b2", "02", started), 0), Tries: TryTyped("pw"), Progress: p, Known: []register.Certificate{other}}
	first := AnswerFor(in)
	if first.Question != QuestionOtherOrganisation {
		t.Fatalf("first: %s", first.Question)
	}
	self := known("b2", "02", started.AddDate(3, 0, 0), started)
	self.Apart = true // another organisation's: Record keeps it apart (X14)
	again := first.Again(Input{Progress: p, Known: []register.Certificate{other, self}})
	if !SaysTheSame(first, again) {
		t.Errorf("after its own record: %s, %+v", again.Question, again.Headline)
	}
	self.PasswordSaved = true
	if saved := first.Again(Input{Progress: p, Known: []register.Certificate{other, self}}); saved.Offers(ActionSavePassword) || saved.Question != QuestionOtherOrganisation {
		t.Errorf("its password saved since: %v, %s", saved.Actions, saved.Question)
	}
	// A file the register knew already is decided with its record, as ever.
	self.Apart = false
	already := AnswerFor(Input{Report: opened(checked("b2", "02", started), 0), Tries: TryTyped("pw"), Known: []register.Certificate{self}})
	if already.Offers(ActionSavePassword) || already.learnt {
		t.Errorf("known before: %v", already.Actions)
	}
}

// The one rule for who installed a certificate in DPG.
func TestInstallerName(t *testing.T) {
	long := strings.Repeat("å", MaxInstallerName)
	cases := []struct {
		in, want string
		err      error
	}{
		{"Anne Hansen", "Anne Hansen", nil},
		{"  Anne \t Hansen\n", "Anne Hansen", nil},
		{"Anne\x1b[2JHansen", "Anne [2JHansen", nil},
		{"Anne\u2028Hansen", "Anne Hansen", nil},
		{"", "", ErrNoName},
		{" \t\r\n ", "", ErrNoName},
		{long, long, nil},
		{long + "x", "", ErrNameTooLong},
		{" " + long + " ", long, nil},
		{"\xff", "", ErrNoName},
	}
	for _, c := range cases {
		got, err := InstallerName(c.in)
		if got != c.want || err != c.err {
			t.Errorf("InstallerName(%q) = %q, %v; want %q, %v", c.in, got, err, c.want, c.err)
		}
	}
	if ErrNoName.Error() == ErrNameTooLong.Error() || msg.T("da", ErrNameTooLong.Key, nil) == ErrNameTooLong.Key {
		t.Error("the errors are not told apart, or have no sentence")
	}
}

// DPG is recorded only under a name the rule accepts, trimmed.
func TestRecordDPGInstalledKeepsTheNameRule(t *testing.T) {
	f := newFlow(t)
	c := known("b2", "02", started.AddDate(3, 0, 0), started)
	if err := f.Register.Upsert(c); err != nil {
		t.Fatal(err)
	}
	if err := f.RecordDPGInstalled(c.SHA256, "  "); err != ErrNoName {
		t.Errorf("empty name: %v", err)
	}
	if got, _ := f.Register.Get(c.SHA256); got.DPG != nil {
		t.Errorf("recorded without a name: %+v", got.DPG)
	}
	if err := f.RecordDPGInstalled(c.SHA256, " Anne\nHansen "); err != nil {
		t.Fatal(err)
	}
	if got, _ := f.Register.Get(c.SHA256); got.DPG == nil || got.DPG.By != "Anne Hansen" || !got.DPG.At.Equal(started) {
		t.Errorf("recorded: %+v", got.DPG)
	}
	if err := (&Flow{}).RecordDPGInstalled(c.SHA256, "Anne"); err != ErrNoRegister {
		t.Errorf("no register: %v", err)
	}
}

// Saving the password from the answer: under the certificate, named for
// it, and the register told; without a register it is still saved.
func TestSavePassword(t *testing.T) {
	f := newFlow(t)
	ctx := context.Background()
	r := checked("b2", "02", started)
	if err := f.Register.Upsert(Entry(Check{Path: "/dl/x.p12", Report: r}, started)); err != nil {
		t.Fatal(err)
	}
	if err := f.SavePassword(ctx, r.Certificate, "typed-pw"); err != nil {
		t.Fatal(err)
	}
	entries, _ := f.Vault.List(ctx)
	want := PasswordEntry(r.Certificate)
	if len(entries) != 1 || entries[0].ID != want.ID || entries[0].Label != "Firma ApS" || !entries[0].Expires.Equal(r.Certificate.NotAfter) {
		t.Errorf("entries %+v, want %+v", entries, want)
	}
	if got, _ := f.Register.Get(r.Certificate.SHA256); !got.PasswordSaved {
		t.Error("the register was not told")
	}
	if err := (&Flow{Vault: f.Vault}).SavePassword(ctx, r.Certificate, "pw2"); err != nil {
		t.Errorf("without a register: %v", err)
	}
	if err := (&Flow{}).SavePassword(ctx, r.Certificate, "pw"); !errors.Is(err, vault.ErrUnavailable) {
		t.Errorf("without a store: %v", err)
	}
}

// gate is a credential store whose first Get waits until it is let go.
type gate struct {
	entered, release chan struct{}
	once             sync.Once
	inner            vault.Backend
}

func (g *gate) Set(s, u, p string) error { return g.inner.Set(s, u, p) }
func (g *gate) Get(s, u string) (string, error) {
	g.once.Do(func() { close(g.entered); <-g.release })
	return g.inner.Get(s, u)
}
func (g *gate) Delete(s, u string) error { return g.inner.Delete(s, u) }

type mockBackend struct{}

func (mockBackend) Set(s, u, p string) error        { return keyring.Set(s, u, p) }
func (mockBackend) Get(s, u string) (string, error) { return keyring.Get(s, u) }
func (mockBackend) Delete(s, u string) error        { return keyring.Delete(s, u) }

// One record writes at a time: a second record (the answer after the
// question) waits while the first still moves the pending password, so
// its register write never lands first.
func TestRecordWritesOneAtATime(t *testing.T) {
	f := newFlow(t)
	ctx := context.Background()
	p := atDownload()
	pending := vault.PendingID(p.RenewalID)
	if err := f.Vault.Save(ctx, pending, "", "renewal-pw"); err != nil {
		t.Fatal(err)
	}
	g := &gate{entered: make(chan struct{}), release: make(chan struct{}), inner: mockBackend{}}
	f.Vault = vault.New(vault.WithBackend(g))
	c := Check{Path: "/dl/new.p12", Report: checked("b2", "02", started), OpenedBy: pending}
	AnswerQuestion(p, c.Report.Certificate.SHA256, true, started) // the renewal's file: its password moves
	first := Decide(p, f.Register.List(), c)
	if first.MovePending != pending {
		t.Fatalf("the renewal's file does not take its password: %+v", first)
	}
	firstDone := make(chan error)
	go func() { firstDone <- f.Record(ctx, c, first) }()
	<-g.entered // the first record is moving the password

	busy := make(chan struct{})
	recordingBusy = func() { close(busy) }
	t.Cleanup(func() { recordingBusy = nil })
	second := first
	second.MovePending = ""
	secondDone := make(chan error)
	go func() { secondDone <- f.Record(ctx, c, second) }()
	select {
	case <-busy: // waits for the first, as it should
	case err := <-secondDone:
		t.Fatalf("the second record wrote while the first was recording (%v)", err)
	}
	close(g.release)
	if err := <-firstDone; err != nil {
		t.Fatal(err)
	}
	if err := <-secondDone; err != nil {
		t.Fatal(err)
	}
	if got, _ := f.Register.Get(c.Report.Certificate.SHA256); !got.PasswordSaved {
		t.Errorf("register: %+v", got)
	}
}

// The register learns whether a saved password opened the file.
func TestEntryKnowsASavedPassword(t *testing.T) {
	r := checked("b2", "02", started)
	if e := Entry(Check{Path: "/x.p12", Report: r, OpenedBy: vault.CertificateID(r.Certificate.SHA256)}, started); !e.PasswordSaved || e.File == nil {
		t.Errorf("opened by a saved password: %+v", e)
	}
	// A renewal's pending password is the certificate's only once it is
	// moved onto it (Record): the file may be another's (Y9).
	if e := Entry(Check{Path: "/x.p12", Report: r, OpenedBy: vault.PendingID("r1")}, started); e.PasswordSaved {
		t.Errorf("opened by the renewal's pending password: %+v", e)
	}
	if e := Entry(Check{Path: "/x.p12", Report: r}, started); e.PasswordSaved {
		t.Errorf("typed: %+v", e)
	}
}

// Without a register, a record still moves the pending password onto the
// certificate; telling the register about a certificate it never learnt
// is no error.
func TestRecordWithoutARegister(t *testing.T) {
	f := newFlow(t)
	ctx := context.Background()
	pending := vault.PendingID("r1")
	if err := f.Vault.Save(ctx, pending, "", "renewal-pw"); err != nil {
		t.Fatal(err)
	}
	c := Check{Path: "/dl/new.p12", Report: checked("b2", "02", started), OpenedBy: pending}
	o := Outcome{Record: true, MovePending: pending}
	if err := (&Flow{Vault: f.Vault}).Record(ctx, c, o); err != nil {
		t.Fatal(err)
	}
	if got, err := f.Vault.Get(ctx, vault.CertificateID(c.Report.Certificate.SHA256)); err != nil || got != "renewal-pw" {
		t.Errorf("not moved: %q, %v", got, err)
	}
	if err := f.PasswordSaved(strings.Repeat("0", 64), true); err != nil {
		t.Errorf("an unknown certificate: %v", err)
	}
	if err := (&Flow{}).PasswordSaved(strings.Repeat("0", 64), true); err != ErrNoRegister {
		t.Errorf("no register: %v", err)
	}
}

// One organisation is the same CVR, or without CVR numbers the same name
// (case and spaces aside); a CVR on one side only is another organisation.
func TestSameOrganisation(t *testing.T) {
	cases := []struct {
		knownOrg, knownCVR, org, cvr string
		same                         bool
	}{
		{"Firma ApS", "12345678", "Firma ApS", "12345678", true},
		{"Firma ApS", "12345678", "Firma ApS", "87654321", false},
		{" firma aps", "", "Firma ApS ", "", true},
		{"Firma ApS", "", "Anden A/S", "", false},
		{"Firma ApS", "", "Firma ApS", "12345678", false},
		{"Firma ApS", "12345678", "Firma ApS", "", false},
	}
	for _, c := range cases {
		o := register.Certificate{Organization: c.knownOrg, CVR: c.knownCVR}
		cert := &inspect.Certificate{Organization: c.org, CVR: c.cvr}
		if got := sameOrganisation(o, cert); got != c.same {
			t.Errorf("%q %q vs %q %q: %v", c.knownOrg, c.knownCVR, c.org, c.cvr, got)
		}
	}
}

// Z6: a file backed up (the register's latest verified backup, wherever
// it was made) is said to be, when and where, and offered another backup
// instead of "Make a backup" as if none were made; an answer asked again
// after the backup says something new, so the window draws it.
func TestAnAnswerSaysTheFileIsBackedUp(t *testing.T) {
	r := checked("b2", "02", started)
	sha := r.Certificate.SHA256
	known := []register.Certificate{{SHA256: sha, Organization: r.Certificate.Organization}}
	in := Input{Path: "/dl/x.p12", Report: r, Tries: TryTyped("pw"), Known: known}
	before := AnswerFor(in)
	if before.BackedUp != nil || !before.Offers(ActionBackUp) || before.Offers(ActionBackUpAgain) || !before.OffersBackUp() {
		t.Fatalf("not backed up: %+v, %v", before.BackedUp, before.Actions)
	}
	in.Known[0].Backups = []register.FileRef{{Path: "/media/KINGSTON/x.p12", VerifiedAt: started}}
	after := before.Again(in)
	if after.BackedUp == nil || !strings.Contains(after.BackedUp.Message, "/media/KINGSTON/x.p12") || after.Offers(ActionBackUp) || !after.Offers(ActionBackUpAgain) || !after.OffersBackUp() {
		t.Errorf("backed up: %+v, %v", after.BackedUp, after.Actions)
	}
	if SaysTheSame(before, after) {
		t.Error("backed up, the answer says the same")
	}
}
