package renewal

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/vault"
)

// A password saved on the Check tab while the guide waits for the
// renewal's file and asks "Is this the file you just downloaded?" (no
// earlier certificate known: the usual first time, W1) is the renewal's
// password: the password card agrees at once, before the question is
// answered, and the answer moves it onto the certificate. One renewal,
// one saved password (W17): never a pending entry beside the
// certificate's, whether the answer is yes or no.
func TestCheckTabSaveWhileAskedIsTheRenewals(t *testing.T) {
	for _, yes := range []bool{true, false} {
		f := newFlow(t)
		ctx := context.Background()
		p := atDownload()
		p.Current = "password"
		in := Input{Path: "/dl/new.p12", Report: opened(checked("b2", "02", started), 0), Tries: TryTyped("typed-pw"), Progress: p,
			Passwords: guide.Passwords{Known: true}}
		a := AnswerFor(in)
		var err error
		if a.Question != QuestionAsk || !a.Offers(ActionSavePassword) {
			t.Fatalf("answer: %+v", a)
		}
		if err := f.Record(ctx, a.Check, a.Outcome); err != nil {
			t.Fatal(err)
		}
		saved, err := f.SaveAnswered(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		a, _ = a.SavedAs(saved)
		state := func() guide.Facts {
			entries, err := f.Vault.List(ctx)
			if err != nil {
				t.Fatal(err)
			}
			return State(p, f.Register, guide.Passwords{Entries: entries, Known: true})
		}
		if st := state(); !st.PasswordSaved || st.WrongPasswordID != "" {
			t.Errorf("before the question is answered, the guide says: %+v", st)
		}
		entries, _ := f.Vault.List(ctx)
		if len(entries) != 1 || entries[0].Label != "Firma ApS" {
			t.Errorf("saved as %+v, want one entry named by the organisation", entries)
		}
		if a.Offers(ActionSavePassword) {
			t.Error("saved, and still offered")
		}

		sha := a.Check.Report.Certificate.SHA256
		AnswerQuestion(p, sha, yes, started)
		again := a.Again(Input{Progress: p, Known: f.Register.List()})
		if err := f.Record(ctx, again.Check, again.Outcome); err != nil {
			t.Fatal(err)
		}
		entries, _ = f.Vault.List(ctx)
		if len(entries) != 1 || entries[0].ID != vault.CertificateID(sha) {
			t.Errorf("yes=%v: the store holds %+v, want the certificate's one entry", yes, entries)
		}
		if got, err := f.Vault.Get(ctx, vault.CertificateID(sha)); err != nil || got != "typed-pw" {
			t.Errorf("yes=%v: the certificate's password %q, %v", yes, got, err)
		}
		if st := state(); st.PasswordSaved != yes || st.WrongPasswordID != "" {
			t.Errorf("yes=%v: after the answer the guide says %+v", yes, st)
		}
		if reg, _ := f.Register.Get(sha); !reg.PasswordSaved {
			t.Errorf("yes=%v: the register does not know the password is saved", yes)
		}
	}
}

// The password saved on the password card (the renewal's pending entry) is
// never replaced by a file's typed on the Check tab while the question is
// open: a file the pending one does not open (a system certificate in
// Downloads, another organisation's) has its password saved under its own
// certificate, and the renewal's stays, whatever the answer (review R15).
// A store that could not be read is not taken for one without it.
func TestCheckTabSaveKeepsThePasswordCardsPassword(t *testing.T) {
	for _, yes := range []bool{true, false} {
		f := newFlow(t)
		ctx := context.Background()
		p := atDownload()
		pending := vault.PendingID(p.RenewalID)
		if _, err := f.Vault.SaveEntry(ctx, vault.Entry{ID: pending}, "renewal-real-pw"); err != nil {
			t.Fatal(err)
		}
		listed, err := f.Vault.List(ctx)
		if err != nil {
			t.Fatal(err)
		}
		in := Input{Path: "/dl/other.p12", Report: opened(checked("b2", "02", started), 0), Tries: TryTyped("other-file-pw"), Progress: p,
			Passwords: guide.Passwords{Entries: listed, Known: true}}
		a := AnswerFor(in)
		if !a.Offers(ActionSavePassword) || vault.IsPending(a.SaveTo) {
			t.Fatalf("offers save %v, saves to %q: the renewal's pending entry is taken", a.Offers(ActionSavePassword), a.SaveTo)
		}
		if err := f.Record(ctx, a.Check, a.Outcome); err != nil {
			t.Fatal(err)
		}
		saved, err := f.SaveAnswered(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		a, _ = a.SavedAs(saved)
		sha := a.Check.Report.Certificate.SHA256
		AnswerQuestion(p, sha, yes, started)
		again := a.Again(Input{Progress: p, Known: f.Register.List()})
		if err := f.Record(ctx, again.Check, again.Outcome); err != nil {
			t.Fatal(err)
		}
		if got, err := f.Vault.Get(ctx, pending); err != nil || got != "renewal-real-pw" {
			t.Errorf("yes=%v: the password card's password is now %q, %v", yes, got, err)
		}
		if got, err := f.Vault.Get(ctx, vault.CertificateID(sha)); err != nil || got != "other-file-pw" {
			t.Errorf("yes=%v: the file's own password %q, %v", yes, got, err)
		}
	}
	in := Input{Report: opened(checked("b2", "02", started), 0), Tries: TryTyped("pw"), Progress: atDownload()}
	if a := AnswerFor(in); vault.IsPending(a.SaveTo) {
		t.Errorf("with the store's list unread the pending entry was taken: %q", a.SaveTo)
	}
}

// Review R15, the stale answer: the Check tab's answer was made while the
// renewal's pending entry was free, and a password was saved there before
// the user pressed Save (on the password card, in another window). That
// one is the renewal's and stays, whatever the answer to the question;
// the typed one goes under its own certificate and is not moved by the
// answer. The same password saved meanwhile, or none, is the pending one.
func TestCheckTabSaveKeepsAPasswordSavedSinceTheCheck(t *testing.T) {
	for _, c := range []struct {
		name, since string // saved under the pending id after the check; "" none
		pending     bool   // the typed one is the renewal's pending password
	}{
		{"another saved since", "renewal-real-pw", false},
		{"the same saved since", "typed-pw", true},
		{"none saved since", "", true},
	} {
		for _, yes := range []bool{true, false} {
			f := newFlow(t)
			ctx := context.Background()
			p := atDownload()
			pending := vault.PendingID(p.RenewalID)
			in := Input{Path: "/dl/new.p12", Report: opened(checked("b2", "02", started), 0), Tries: TryTyped("typed-pw"), Progress: p,
				Passwords: guide.Passwords{Known: true}}
			a := AnswerFor(in)
			if a.SaveTo != pending {
				t.Fatalf("%s: the answer saves to %q", c.name, a.SaveTo)
			}
			if err := f.Record(ctx, a.Check, a.Outcome); err != nil {
				t.Fatal(err)
			}
			if c.since != "" {
				if err := f.Vault.Save(ctx, pending, "", c.since); err != nil {
					t.Fatal(err)
				}
			}
			saved, err := f.SaveAnswered(ctx, a)
			if err != nil {
				t.Fatal(err)
			}
			s, _ := a.SavedAs(saved)
			sha := a.Check.Report.Certificate.SHA256
			if got := s.Check.OpenedBy == pending; got != c.pending || !s.PasswordSaved {
				t.Errorf("%s, yes=%v: opened by %q, saved %v", c.name, yes, s.Check.OpenedBy, s.PasswordSaved)
			}
			AnswerQuestion(p, sha, yes, started)
			again := s.Again(Input{Progress: p, Known: f.Register.List()})
			if err := f.Record(ctx, again.Check, again.Outcome); err != nil {
				t.Fatal(err)
			}
			if got, err := f.Vault.Get(ctx, vault.CertificateID(sha)); err != nil || got != "typed-pw" {
				t.Errorf("%s, yes=%v: the file's own password %q, %v", c.name, yes, got, err)
			}
			got, err := f.Vault.Get(ctx, pending)
			switch {
			case c.pending && !errors.Is(err, vault.ErrNotFound):
				t.Errorf("%s, yes=%v: the pending entry stays beside the certificate's: %q, %v", c.name, yes, got, err)
			case !c.pending && (err != nil || got != c.since):
				t.Errorf("%s, yes=%v: the password saved on the password card is now %q, %v", c.name, yes, got, err)
			}
		}
	}
}

// Saved elsewhere than while asked, the password goes under the
// certificate, as before: no guide, the renewal's own file checked again,
// another organisation's file.
func TestCheckTabSaveOtherwiseIsTheCertificates(t *testing.T) {
	f := newFlow(t)
	ctx := context.Background()
	a := AnswerFor(Input{Report: opened(checked("b2", "02", started), 0), Tries: TryTyped("typed-pw")})
	saved, err := f.SaveAnswered(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := a.SavedAs(saved)
	sha := a.Check.Report.Certificate.SHA256
	if got, err := f.Vault.Get(ctx, vault.CertificateID(sha)); err != nil || got != "typed-pw" {
		t.Errorf("without a guide: %q, %v", got, err)
	}
	if !s.PasswordSaved || s.Check.OpenedBy != "" || s.Offers(ActionSavePassword) {
		t.Errorf("saved: %+v, offers %v", s.Check, s.Actions)
	}
}

// W10: a file landing is checked at once while the renewal waits for it:
// on the download card, or on the password card once the password is
// saved; not before the password is saved (it would be asked for), nor
// once the renewal has its file.
func TestWaitsForFile(t *testing.T) {
	at := func(step string, file bool) *guide.Progress {
		p := guide.New(started)
		p.Current = step
		if file {
			p.SetFileChecked(strings.Repeat("b2", 32), started)
		}
		return &p
	}
	saved := guide.Facts{PasswordSaved: true}
	for _, c := range []struct {
		name string
		p    *guide.Progress
		f    guide.Facts
		want bool
	}{
		{"download card", at("download", false), guide.Facts{}, true},
		{"password card, saved", at("password", false), saved, true},
		{"password card, not saved", at("password", false), guide.Facts{}, false},
		{"download card, the file checked", at("download", true), saved, false},
		{"another card", at("close", false), saved, false},
	} {
		if got := WaitsForFile(c.p, c.f); got != c.want {
			t.Errorf("%s: %v", c.name, got)
		}
	}
}

// X18: the file lands while the guide is still on an earlier card of the
// portal's (the user clicked through MitID Erhverv faster than the
// cards): it is asked about as on the download card, and a yes brings the
// guide forward to the password card. Before the portal (the cards that
// prepare) and after the download card nothing is asked.
func TestFarAheadOfTheGuide(t *testing.T) {
	cases := []struct {
		at      string
		asked   bool
		movesTo string
	}{
		{"prepare-dpg", false, ""},
		{"login", true, "password"},
		{"renew-certificate", true, "password"},
		{"terms", true, "password"},
		{"password", true, "password"},
		{"download", true, "download"},
		{"close", false, ""},
		{"dpg-login", false, ""},
	}
	for _, c := range cases {
		t.Run(c.at, func(t *testing.T) {
			p := guide.New(started)
			p.Current = c.at
			r := checked("b2", "02", started)
			a := AnswerFor(Input{Report: r, Progress: &p, Tries: TrySaved(nil)})
			if a.Waits() != c.asked {
				t.Fatalf("on %s: asked %v (%q), want %v", c.at, a.Waits(), a.Question, c.asked)
			}
			if !c.asked {
				if a.Outcome.Apply(&p, r.Certificate.SHA256, started) || p.Current != c.at || p.FileChecked() {
					t.Errorf("on %s the guide took the file: %+v", c.at, p)
				}
				return
			}
			// As the window does: the answer kept, then the answer again,
			// applied.
			AnswerQuestion(&p, r.Certificate.SHA256, true, started)
			yes := a.Again(Input{Progress: &p})
			yes.Outcome.Apply(&p, r.Certificate.SHA256, started)
			if !yes.Advance || !p.FileChecked() || p.Current != c.movesTo {
				t.Errorf("on %s after yes: file checked %v, current %s, want %s", c.at, p.FileChecked(), p.Current, c.movesTo)
			}
			if _, done := p.StepDone("terms", guide.Facts{}); done {
				t.Error("a card jumped over is marked done")
			}
		})
	}
}

// Review S15: while the guide renews Firma ApS (the certificate in use that
// expires first), a renewed certificate of another line is asked about,
// never taken by itself: another organisation's by name, another line of
// the same organisation with the plain question. The renewal's own line's
// renewal is taken as before.
func TestAnotherLinesRenewalIsAskedAbout(t *testing.T) {
	mine := known("a1", "01", started.AddDate(0, 0, 20), started.AddDate(-2, 0, 0)) // Firma ApS, expiring first: being renewed
	other := known("b1", "11", started.AddDate(0, 0, 40), started.AddDate(-2, 0, 0))
	other.Organization, other.CVR, other.UUID = "Tømrer ApS", "87654321", "other-uuid"
	second := known("c1", "21", started.AddDate(0, 0, 60), started.AddDate(-2, 0, 0)) // Firma ApS's second line
	second.UUID = "second-uuid"
	renewalOf := func(hex, serial string, of register.Certificate) *inspect.Report {
		r := checked(hex, serial, started.AddDate(0, 0, -7))
		r.Certificate.Organization, r.Certificate.CVR, r.Certificate.UUID = of.Organization, of.CVR, of.UUID
		return r
	}
	for _, c := range []struct {
		name    string
		report  *inspect.Report
		kind    Kind
		ask     bool
		advance bool
	}{
		{"the renewal's own line", renewalOf("a2", "02", mine), KindRenewal, false, true},
		{"another organisation's line", renewalOf("b2", "12", other), KindOtherOrganisation, true, false},
		{"another line of the same organisation", renewalOf("c2", "22", second), KindRenewal, true, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := guide.New(started)
			p.Current = "login"
			o := Decide(&p, []register.Certificate{mine, other, second}, Check{Path: "/dl/x.p12", Report: opened(c.report, 0), OpenedBy: "typed"})
			if o.Kind != c.kind || o.Ask != c.ask || o.Advance != c.advance {
				t.Errorf("kind %s ask %v advance %v; want %s %v %v", o.Kind, o.Ask, o.Advance, c.kind, c.ask, c.advance)
			}
		})
	}
}

// heldStore is go-keyring's mock, but the first save under a renewal's
// pending id waits: it says so on entered, and goes on when release is
// closed (a locked keyring holding a Save while the user answers).
type heldStore struct {
	entered, release chan struct{}
	once             sync.Once
}

func (h *heldStore) Set(s, u, p string) error {
	if vault.IsPending(u) {
		h.once.Do(func() {
			close(h.entered)
			<-h.release
		})
	}
	return keyring.Set(s, u, p)
}
func (h *heldStore) Get(s, u string) (string, error) { return keyring.Get(s, u) }
func (h *heldStore) Delete(s, u string) error        { return keyring.Delete(s, u) }

// Review T9: the Check tab's Save, saving the typed password as the
// renewal's pending one while the guide asks "Is this the file you just
// downloaded?", is held by the keyring; the user answers meanwhile, and
// the answer is recorded before the Save ends. The password is the
// file's: when the Save ends it goes with the file, onto its certificate
// (after a no, SavedAs says the outcome is to be recorded again), and no pending entry
// is left to be taken for the renewal's password, called wrong when the
// renewal's own file comes and offered for deletion.
func TestASaveEndingAfterTheAnswerGoesWithTheFile(t *testing.T) {
	for _, yes := range []bool{false, true} {
		keyring.MockInit()
		held := &heldStore{entered: make(chan struct{}), release: make(chan struct{})}
		reg, err := register.Open(filepath.Join(t.TempDir(), "register.json"))
		if err != nil {
			t.Fatal(err)
		}
		f := &Flow{Register: reg, Vault: vault.New(vault.WithBackend(held)), Now: func() time.Time { return started }}
		ctx := context.Background()
		p := atDownload()
		pending := vault.PendingID(p.RenewalID)
		path, file := firmaFile(t, "typed-pw")
		a := AnswerFor(Input{Path: path, Report: opened(checked(file, "02", started), 0), Tries: TryTyped("typed-pw"), Progress: p,
			Passwords: guide.Passwords{Known: true}})
		if a.SaveTo != pending || a.Question != QuestionAsk {
			t.Fatalf("saves to %q, asks %q", a.SaveTo, a.Question)
		}
		if err := f.Record(ctx, a.Check, a.Outcome); err != nil {
			t.Fatal(err)
		}
		type result struct {
			s   Saved
			err error
		}
		done := make(chan result, 1)
		go func() {
			s, err := f.SaveAnswered(ctx, a)
			done <- result{s, err}
		}()
		<-held.entered // the Save is at work in the keyring
		sha := a.Check.Report.Certificate.SHA256
		AnswerQuestion(p, sha, yes, started)
		answered := a.Again(Input{Progress: p, Known: f.Register.List()})
		recorded := make(chan error, 1) // a yes tries the pending one: it waits for the store
		go func() { recorded <- f.Record(ctx, answered.Check, answered.Outcome) }()
		if !yes {
			if err := <-recorded; err != nil {
				t.Fatal(err)
			}
		}
		close(held.release)
		r := <-done
		if r.err != nil || r.s.Pending != pending {
			t.Fatalf("yes=%v: saved %+v, %v", yes, r.s, r.err)
		}
		if yes {
			if err := <-recorded; err != nil {
				t.Fatal(err)
			}
		}
		// A no is recorded again; a yes's record tried the pending one
		// after the Save, and moved it.
		if after, record := answered.SavedAs(r.s); record != !yes {
			t.Errorf("yes=%v: recorded again: %v", yes, record)
		} else if record {
			if err := f.Record(ctx, after.Check, after.Outcome); err != nil {
				t.Fatal(err)
			}
		}
		entries, err := f.Vault.List(ctx)
		if err != nil || len(entries) != 1 || entries[0].ID != vault.CertificateID(sha) {
			t.Errorf("yes=%v: the store lists %+v, %v; want only the file's certificate's entry", yes, entries, err)
		}
		if got, err := f.Vault.Get(ctx, vault.CertificateID(sha)); err != nil || got != "typed-pw" {
			t.Errorf("yes=%v: the file's password %q, %v", yes, got, err)
		}
		if k, _ := f.Register.Get(sha); !k.PasswordSaved {
			t.Errorf("yes=%v: the register does not know the file's password is saved", yes)
		}
	}
	// Still asked when the Save ends: nothing to record again; the
	// answer, when it comes, moves it (TestCheckTabSaveWhileAskedIsTheRenewals).
	a := AnswerFor(Input{Path: "/dl/new.p12", Report: opened(checked("b2", "02", started), 0), Tries: TryTyped("typed-pw"), Progress: atDownload(),
		Passwords: guide.Passwords{Known: true}})
	if _, record := a.SavedAs(Saved{Pending: a.SaveTo}); record {
		t.Error("recorded again while the question waits")
	}
}

// Z20: the register remembers the certificate's password saved, but the
// store's list, read, holds none of it (deleted there, a keyring reset):
// the file checked with its password offers to save it again. While the
// store holds it, or could not be asked, it is not offered.
func TestAPasswordGoneFromTheStoreIsOfferedAgain(t *testing.T) {
	r := opened(checked("b2", "02", started), 0)
	known := register.Certificate{SHA256: r.Certificate.SHA256, Serial: "02", UUID: r.Certificate.UUID, NotAfter: r.Certificate.NotAfter, PasswordSaved: true}
	for _, c := range []struct {
		name   string
		pw     guide.Passwords
		offers bool
	}{
		{"gone from the store", guide.Passwords{Known: true}, true},
		{"held by the store", guide.Passwords{Known: true, Entries: []vault.Entry{{ID: vault.CertificateID(r.Certificate.SHA256)}}}, false},
		{"the store not asked", guide.Passwords{}, false},
	} {
		a := AnswerFor(Input{Report: r, Tries: TryTyped("typed-pw"), Known: []register.Certificate{known}, Passwords: c.pw})
		if a.Offers(ActionSavePassword) != c.offers {
			t.Errorf("%s: offers to save %v, want %v (actions %v)", c.name, a.Offers(ActionSavePassword), c.offers, a.Actions)
		}
	}
}
