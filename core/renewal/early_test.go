package renewal

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/register"
)

// issuedAgo is a ready report of Firma ApS's certificate issued days
// before the check (DaysLeft counted as inspect counts it at the check).
func issuedAgo(sha, serial string, days int) *inspect.Report {
	r := checked(sha, serial, started.AddDate(0, 0, -days))
	r.Certificate.DaysLeft = int(r.Certificate.NotAfter.Sub(started).Hours() / 24)
	return r
}

// Y14: renewed in the portal first, Fornyer opened afterwards. A
// certificate issued lately, checked while the guide is on the cards that
// prepare (before the renewal began, too), is asked about, never taken by
// itself, also when it renews a certificate the register knows; a yes
// takes it and brings the guide to the first card that still needs
// something: the places card when they are not noted, else the password
// card (X18's rule); the portal's cards are done by the file (Y13). One
// issued long ago is not asked about there.
func TestRenewedBeforeTheGuideReachedThePortal(t *testing.T) {
	old := known("a1", "01", started.AddDate(0, 0, 20), started.AddDate(-3, 0, 0))
	for _, card := range []string{"welcome", "prepare-mitid", "prepare-usage", "prepare-dpg"} {
		for _, c := range []struct {
			name  string
			known []register.Certificate
			kind  Kind
		}{
			{"a fresh home", nil, KindNoPredecessor},
			{"it renews the one in use", []register.Certificate{old}, KindRenewal},
		} {
			t.Run(card+"/"+c.name, func(t *testing.T) {
				p := guide.New(started)
				p.Current = card
				if !AsksOnCard(&p) {
					t.Error("the card does not ask the question")
				}
				a := AnswerFor(Input{Report: issuedAgo("b2", "02", 0), Known: c.known, Progress: &p, Tries: TryTyped("pw")})
				if a.Outcome.Kind != c.kind || a.Question != QuestionAsk || a.Advance || !a.Outcome.Early {
					t.Fatalf("kind %s, question %q, advance %v, early %v", a.Outcome.Kind, a.Question, a.Advance, a.Outcome.Early)
				}
				if a.Asked == nil || a.Asked.MessageKey != "renewal.ask.early" || a.Asked.Message == "" {
					t.Errorf("asked %+v", a.Asked)
				}
				if a.Outcome.Apply(&p, a.Check.Report.Certificate.SHA256, started) || p.FileChecked() {
					t.Error("taken without the user's yes")
				}
				AnswerQuestion(&p, a.Check.Report.Certificate.SHA256, true, started)
				want := "password"
				if guide.Index(card) <= guide.Index("prepare-usage") {
					want = "prepare-usage"
				}
				if !p.FileChecked() || p.Step().ID != want {
					t.Errorf("after yes: file %v, on %s, want %s", p.FileChecked(), p.Step().ID, want)
				}
				for _, id := range []string{"login", "terms"} {
					if _, done := p.StepDone(id, guide.FactsOf(&p, nil, guide.Passwords{})); !done {
						t.Errorf("the portal's card %s is not done", id)
					}
				}
			})
		}
	}
	p := guide.New(started)
	if a := AnswerFor(Input{Report: issuedAgo("b2", "02", 200), Known: []register.Certificate{old}, Progress: &p, Tries: TryTyped("pw")}); a.Question != QuestionNone || a.Outcome.Early {
		t.Errorf("issued 200 days ago, on card 1: question %q", a.Question)
	}
	// On the portal's cards the question is the one it was (X18).
	p.Current = "login"
	if a := AnswerFor(Input{Report: issuedAgo("b2", "02", 0), Progress: &p, Tries: TryTyped("pw")}); a.Question != QuestionAsk || a.Outcome.Early || a.Asked != nil {
		t.Errorf("on the portal's cards: question %q, early %v, asked %+v", a.Question, a.Outcome.Early, a.Asked)
	}
	for _, id := range []string{"password", "download", "close", "summary"} {
		p.Current = id
		if AsksOnCard(&p) {
			t.Errorf("card %s asks above its picture", id)
		}
	}
}

// Y10: a damaged download while the portal's window can still give the
// file again is pointed there ("Download certificate" again, before
// closing it), not to a backup there is none of yet; once the window is
// closed, the renewal has its file, or without a guide, the file's own
// advice stands.
func TestADamagedDownloadIsFetchedAgainFromThePortal(t *testing.T) {
	damaged := func() *inspect.Report {
		return &inspect.Report{Lang: "en", Verdict: inspect.VerdictUnreadable, Findings: []inspect.Finding{finding(inspect.CodeCorrupt, nil)}}
	}
	at := func(card string, done ...string) *guide.Progress {
		p := guide.New(started)
		p.Current = card
		p.Done = map[string]time.Time{}
		for _, id := range done {
			p.Done[id] = started
		}
		return &p
	}
	for _, c := range []struct {
		name string
		p    *guide.Progress
		key  string
	}{
		{"on the download card", at("download"), "renewal.corrupt.download_again"},
		{"on the password card (ahead)", at("password"), "renewal.corrupt.download_again"},
		{"on the card that closes the portal", at("close"), "renewal.corrupt.download_again"},
		{"the portal closed", at("dpg-login", "close"), "inspect.finding.corrupt"},
		{"before the portal", at("prepare-dpg"), "inspect.finding.corrupt"},
		{"no guide", nil, "inspect.finding.corrupt"},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := AnswerFor(Input{Report: damaged(), Progress: c.p, Tries: TrySaved(nil)})
			if a.Headline.MessageKey != c.key || a.Headline.TitleKey != "inspect.finding.corrupt.title" || a.Headline.Tone != ToneError {
				t.Errorf("headline %+v", a.Headline)
			}
			if c.key == "renewal.corrupt.download_again" && (!strings.Contains(a.Headline.Message, "Download certificate") || strings.Contains(a.Headline.Message, "backup")) {
				t.Errorf("message %q", a.Headline.Message)
			}
		})
	}
	taken := at("download")
	taken.SetFileChecked(strings.Repeat("b2", 32), started)
	if a := AnswerFor(Input{Report: damaged(), Progress: taken, Tries: TrySaved(nil)}); a.Headline.MessageKey != "inspect.finding.corrupt" {
		t.Errorf("the renewal has its file: %s", a.Headline.MessageKey)
	}
}

// Z16: the renewal put off checking its file ("check the file later") on
// the download card, and the file is checked on a later card: it is asked
// about as the renewal's, and a yes takes it where the guide is. Without
// the skip, a file checked on the DPG cards is not asked about.
func TestAFileAfterTheSkipIsAskedAbout(t *testing.T) {
	for _, skipped := range []bool{true, false} {
		p := guide.New(started)
		p.Current = "dpg-install"
		p.FileSkipped = skipped
		a := AnswerFor(Input{Report: issuedAgo("b2", "02", 0), Progress: &p, Tries: TryTyped("pw")})
		if asked := a.Question == QuestionAsk; asked != skipped {
			t.Errorf("skipped %v: question %q", skipped, a.Question)
		}
		if !skipped {
			continue
		}
		if !AsksOnCard(&p) {
			t.Error("the card does not ask")
		}
		AnswerQuestion(&p, a.Check.Report.Certificate.SHA256, true, started)
		if !p.FileChecked() || p.FileSkipped || p.Current != "dpg-install" {
			t.Errorf("after yes: file %v, skipped %v, on %s", p.FileChecked(), p.FileSkipped, p.Current)
		}
	}
}

// Review Q6: after "check the file later", another organisation's file
// (a client's, checked by an IT provider) is neither asked about nor kept
// apart: listed in My certificates and reminded of, on the cards after the
// skip as on the summary. Once the summary is reached, the skip asks
// nothing of any file.
func TestAClientsFileAfterASkippedRenewalIsListed(t *testing.T) {
	for _, card := range []string{"dpg-install", "summary"} {
		for _, skipped := range []bool{false, true} {
			f := newFlow(t)
			ctx := context.Background()
			own := checked("a1", "01", started) // Firma ApS, the user's own
			a := AnswerFor(Input{Path: "/dl/firma.p12", Report: own, Tries: TryTyped("pw"), Known: f.Register.List()})
			if err := f.Record(ctx, a.Check, a.Outcome); err != nil {
				t.Fatal(err)
			}
			p := guide.New(started)
			p.Current = card
			p.FileSkipped = skipped
			b := AnswerFor(Input{Path: "/dl/kunde.p12", Report: another("b2"), Tries: TryTyped("pw"), Known: f.Register.List(), Progress: &p})
			if err := f.Record(ctx, b.Check, b.Outcome); err != nil {
				t.Fatal(err)
			}
			if b.Question != QuestionNone || b.Outcome.Apart || len(f.Register.List()) != 2 {
				t.Errorf("%s, skipped %v: question %q, apart %v, listed %d", card, skipped, b.Question, b.Outcome.Apart, len(f.Register.List()))
			}
		}
	}
	p := guide.New(started)
	p.Current, p.FileSkipped = "summary", true
	if a := AnswerFor(Input{Report: issuedAgo("b2", "02", 0), Progress: &p, Tries: TryTyped("pw")}); a.Question != QuestionNone {
		t.Errorf("on the summary after a skip the renewal's file is asked about: %q", a.Question)
	}
}
