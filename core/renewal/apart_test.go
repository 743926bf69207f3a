package renewal

import (
	"context"
	"strings"
	"testing"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/register"
)

// another is a checked certificate of another organisation than Firma ApS.
func another(sha string) *inspect.Report {
	r := checked(sha, "09", started)
	r.Certificate.Organization, r.Certificate.CVR = "Anden Virksomhed ApS", "87654321"
	r.Certificate.UUID = "99999999-2222-3333-4444-555555555555"
	return r
}

// The rule for whose a checked certificate is (X14): another
// organisation's than the renewal's, checked while the renewal waits for
// its file, is kept apart, and so is one the register keeps apart, until
// the user adds it or says it is the renewal's file. Any other is the
// user's: outside a renewal an administrator of several organisations
// checks any of theirs, and no order of checks decides (review T7: a
// supplier's file checked first kept the user's own out of the reminders).
func TestWhoseCertificate(t *testing.T) {
	firma := known("a1", "01", started.AddDate(0, 1, 0), started.AddDate(-2, 0, 0))
	apart := firma
	apart.SHA256, apart.Apart = strings.Repeat("c3", 32), true
	other := known("d4", "04", started.AddDate(1, 0, 0), started.AddDate(-1, 0, 0))
	other.Organization, other.CVR, other.UUID = "Anden Virksomhed ApS", "87654321", "99999999-2222-3333-4444-555555555555"
	confirmed := atDownload()
	confirmed.SetAnswer(strings.Repeat("e5", 32), true)
	taken := atDownload()
	taken.SetFileChecked(strings.Repeat("e5", 32), started)
	cases := []struct {
		name   string
		p      *guide.Progress
		known  []register.Certificate
		report *inspect.Report
		apart  bool
	}{
		{"the first one checked (empty register)", nil, nil, another("e5"), false},
		{"the first one while a renewal waits", atDownload(), nil, another("e5"), false},
		{"only entries kept apart before it", nil, []register.Certificate{apart}, another("e5"), false},
		{"another organisation's, outside a renewal", nil, []register.Certificate{firma}, another("e5"), false},
		{"the user's own after a supplier's (T7)", nil, []register.Certificate{other}, checked("e5", "05", started), false},
		{"another organisation's while a renewal waits", atDownload(), []register.Certificate{firma}, another("e5"), true},
		{"another organisation's the user keeps certificates of, while a renewal waits", atDownload(), []register.Certificate{firma, other}, another("e5"), false},
		{"one kept apart already, while a renewal waits", atDownload(), []register.Certificate{firma, apartOf(other, "e5")}, another("e5"), true},
		{"of an organisation known", nil, []register.Certificate{firma}, checked("e5", "05", started), false},
		{"its renewal line (a new CVR)", nil, []register.Certificate{firma}, func() *inspect.Report { r := checked("e5", "05", started); r.Certificate.CVR = "11112222"; return r }(), false},
		{"of an organisation only kept apart, outside a renewal", nil, []register.Certificate{other, apartOf(firma, "f6")}, checked("e5", "05", started), false},
		{"of an organisation only kept apart, while a renewal waits", atDownload(), []register.Certificate{other, apartOf(firma, "f6")}, checked("e5", "05", started), true},
		{"said to be the renewal's", confirmed, []register.Certificate{firma}, another("e5"), false},
		{"the renewal's own file", taken, []register.Certificate{firma}, another("e5"), false},
		{"one the register keeps apart", nil, []register.Certificate{firma, apartOf(other, "e5")}, another("e5"), true},
		{"not recorded at all (not trusted)", nil, []register.Certificate{firma}, func() *inspect.Report { r := another("e5"); r.ChainTrusted = false; return r }(), false},
	}
	for _, c := range cases {
		o := Decide(c.p, c.known, Check{Path: "/dl/x.p12", Report: c.report})
		if o.Apart != c.apart {
			t.Errorf("%s: apart %v, want %v (%s)", c.name, o.Apart, c.apart, o.Kind)
		}
		a := AnswerFor(Input{Path: "/dl/x.p12", Report: c.report, Tries: TryTyped("pw"), Progress: c.p, Known: c.known})
		if (a.Apart != nil) != c.apart || a.Outcome.Apart != c.apart {
			t.Errorf("%s: the answer says apart %v (%+v)", c.name, a.Outcome.Apart, a.Apart)
		}
	}
}

func apartOf(c register.Certificate, sha string) register.Certificate {
	c.SHA256, c.Serial, c.Apart = strings.Repeat(sha, 32), sha, true
	return c
}

// Recorded through the window's way (AnswerFor, Record, Again): another
// organisation's certificate is kept apart, its answer says so while it
// is, and once added (the user said so) it is listed and the answer says
// nothing of it; a renewal's file of another organisation, said yes to,
// is the user's.
func TestAnotherOrganisationsFileIsKeptApartUntilAdded(t *testing.T) {
	f := newFlow(t)
	ctx := context.Background()
	firma := known("a1", "01", started.AddDate(0, 1, 0), started.AddDate(-2, 0, 0))
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.Register.Upsert(firma))
	// A renewal of Firma ApS waits for its file.
	waits := atDownload()
	rep := another("b2")
	sha := rep.Certificate.SHA256
	in := Input{Path: "/dl/other.p12", Report: rep, Tries: TryTyped("pw"), Progress: waits}
	in.Known = f.Register.List()
	a := AnswerFor(in)
	must(f.Record(ctx, a.Check, a.Outcome))
	if len(f.Register.List()) != 1 {
		t.Fatalf("listed: %+v", f.Register.List())
	}
	if c, ok := f.Register.Get(sha); !ok || !c.Apart {
		t.Fatalf("recorded: %v %+v", ok, c)
	}
	if a.Apart == nil || a.Apart.Title != "Not added to My certificates" || !strings.Contains(a.Apart.Message, "Anden Virksomhed ApS") {
		t.Errorf("the answer: %+v", a.Apart)
	}
	// Asked again (the register changed): still apart, and it says the same.
	in.Known = f.Register.List()
	if again := a.Again(in); !SaysTheSame(a, again) {
		t.Errorf("again: %+v", again.Apart)
	}

	must(f.AddToMine(ctx, a))
	in.Known = f.Register.List()
	added := a.Again(in)
	if added.Apart != nil || added.Outcome.Apart {
		t.Errorf("added, the answer still says %+v", added.Apart)
	}
	must(f.Record(ctx, added.Check, added.Outcome))
	if c, _ := f.Register.Get(sha); c.Apart || len(f.Register.List()) != 2 {
		t.Errorf("added, then recorded again: %+v", c)
	}

	// Added before the check's own record has written (it runs in the
	// background): the record that comes after does not take it back.
	fourth := another("f6")
	fourth.Certificate.Organization, fourth.Certificate.CVR, fourth.Certificate.UUID = "Fjerde ApS", "44445555", ""
	early := AnswerFor(Input{Path: "/dl/early.p12", Report: fourth, Tries: TryTyped("pw"), Progress: waits, Known: f.Register.List()})
	if !early.Outcome.Apart {
		t.Fatal("not apart")
	}
	must(f.AddToMine(ctx, early))
	must(f.Record(ctx, early.Check, early.Outcome))
	if c, ok := f.Register.Get(early.Check.Report.Certificate.SHA256); !ok || c.Apart {
		t.Errorf("added before its record: %v %+v", ok, c.Apart)
	}

	// A renewal waiting for its file: another organisation's file is kept
	// apart until the user says it is the renewal's.
	p := atDownload()
	rep2 := another("c3")
	rep2.Certificate.Organization, rep2.Certificate.CVR, rep2.Certificate.UUID = "Tredje ApS", "33334444", "33333333-2222-3333-4444-555555555555"
	in2 := Input{Path: "/dl/third.p12", Report: rep2, Tries: TryTyped("pw"), Progress: p, Known: f.Register.List()}
	b := AnswerFor(in2)
	must(f.Record(ctx, b.Check, b.Outcome))
	if b.Question != QuestionOtherOrganisation || !b.Outcome.Apart {
		t.Fatalf("asked %s, apart %v", b.Question, b.Outcome.Apart)
	}
	p.SetAnswer(rep2.Certificate.SHA256, true)
	in2.Known = f.Register.List()
	yes := b.Again(in2)
	must(f.Record(ctx, yes.Check, yes.Outcome))
	if c, _ := f.Register.Get(rep2.Certificate.SHA256); c.Apart || yes.Apart != nil {
		t.Errorf("said yes: apart %v, %+v", c.Apart, yes.Apart)
	}
}

// Z11: in a first renewal (an empty register), another organisation's
// file is asked about ("is this the file you just downloaded?") and
// recorded as the user's while the question waits; "no" keeps it apart
// from then on (out of My certificates and the reminders, its answer
// saying so with "Add to My certificates"), and asked again it stays so.
// "It is the file after all" makes it the user's again, and so does
// adding it. A file of an organisation the user keeps a certificate of,
// declined, stays listed.
func TestADeclinedFileOfAnOrganisationNotKeptIsKeptApart(t *testing.T) {
	f := newFlow(t)
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	p := atDownload()
	rep := another("b2")
	sha := rep.Certificate.SHA256
	in := Input{Path: "/dl/other.p12", Report: rep, Tries: TryTyped("pw"), Progress: p, Known: f.Register.List()}
	a := AnswerFor(in)
	must(f.Record(ctx, a.Check, a.Outcome))
	if a.Question != QuestionAsk || a.Outcome.Apart || len(f.Register.List()) != 1 {
		t.Fatalf("the first check: asked %s, apart %v, listed %d", a.Question, a.Outcome.Apart, len(f.Register.List()))
	}

	AnswerQuestion(p, sha, false, started)
	in.Known = f.knownWith(sha)
	no := a.Again(in)
	if no.Outcome.Kind != KindDeclined || !no.Outcome.Apart || no.Apart == nil || !strings.Contains(no.Apart.Message, "Anden Virksomhed ApS") {
		t.Fatalf("declined: %s, apart %v, %+v", no.Outcome.Kind, no.Outcome.Apart, no.Apart)
	}
	must(f.Record(ctx, no.Check, no.Outcome))
	if c, ok := f.Register.Get(sha); !ok || !c.Apart || len(f.Register.List()) != 0 || len(f.Register.Apart()) != 1 {
		t.Fatalf("declined, recorded: %v apart %v, %d listed", ok, c.Apart, len(f.Register.List()))
	}
	// Asked again (the register told of the change): it stays apart, and
	// says the same; recorded again, still apart.
	in.Known = f.knownWith(sha)
	again := no.Again(in)
	if !SaysTheSame(no, again) || !again.Outcome.Apart {
		t.Errorf("again: apart %v, %+v", again.Outcome.Apart, again.Apart)
	}
	must(f.Record(ctx, again.Check, again.Outcome))
	// Checked anew later (a new check of the same file): still apart.
	fresh := AnswerFor(Input{Path: "/dl/other.p12", Report: rep, Tries: TryTyped("pw"), Progress: p, Known: f.knownWith(sha)})
	if !fresh.Outcome.Apart || fresh.Apart == nil {
		t.Errorf("checked anew: apart %v", fresh.Outcome.Apart)
	}
	must(f.Record(ctx, fresh.Check, fresh.Outcome))
	if c, _ := f.Register.Get(sha); !c.Apart {
		t.Error("checked anew, it is listed again")
	}

	// "It is the file after all": the user's.
	AnswerQuestion(p, sha, true, started)
	in.Known = f.knownWith(sha)
	undo := again.Again(in)
	must(f.Record(ctx, undo.Check, undo.Outcome))
	if c, _ := f.Register.Get(sha); c.Apart || undo.Apart != nil {
		t.Errorf("said yes after all: apart %v, %+v", c.Apart, undo.Apart)
	}

	// Declined, of an organisation the user keeps a certificate of: listed.
	q := atDownload()
	own := checked("c3", "03", started)
	own.Certificate.Organization, own.Certificate.CVR = "Anden Virksomhed ApS", "87654321"
	in3 := Input{Path: "/dl/own.p12", Report: own, Tries: TryTyped("pw"), Progress: q, Known: f.Register.List()}
	b := AnswerFor(in3)
	must(f.Record(ctx, b.Check, b.Outcome))
	if !b.Waits() {
		t.Fatalf("not asked: %s", b.Question)
	}
	AnswerQuestion(q, own.Certificate.SHA256, false, started)
	in3.Known = f.knownWith(own.Certificate.SHA256)
	no3 := b.Again(in3)
	must(f.Record(ctx, no3.Check, no3.Outcome))
	if c, _ := f.Register.Get(own.Certificate.SHA256); c.Apart || no3.Outcome.Apart {
		t.Errorf("declined, of an organisation kept: apart %v (%v)", c.Apart, no3.Outcome.Apart)
	}
}

// knownWith is Input.Known as the window gives it: the user's
// certificates, and the checked one's own record when it is kept apart.
func (f *Flow) knownWith(sha string) []register.Certificate {
	known := f.Register.List()
	if own, ok := f.Register.Get(sha); ok && own.Apart {
		known = append(known, own)
	}
	return known
}

// Review R7: in a first renewal (an empty register) the user checks the
// file of their own current certificate (last time's download, issued
// years ago), is asked "Is this the file you just downloaded?" and rightly
// says no. It stays theirs: listed, with its reminders, and the renewed
// file of the same organisation is its renewal, not asked about.
func TestTheOwnOldFileDeclinedInAFirstRenewalStaysMine(t *testing.T) {
	f := newFlow(t)
	ctx := context.Background()
	p := atDownload()
	old := checked("a1", "01", started.AddDate(-3, 1, 0)) // Firma ApS, expires in a month
	in := Input{Path: "/dl/old.p12", Report: old, Tries: TryTyped("pw"), Progress: p, Known: f.Register.List()}
	a := AnswerFor(in)
	if err := f.Record(ctx, a.Check, a.Outcome); err != nil {
		t.Fatal(err)
	}
	if !a.Waits() {
		t.Fatalf("the old file is not asked about: %s", a.Question)
	}
	AnswerQuestion(p, old.Certificate.SHA256, false, started)
	in.Known = f.knownWith(old.Certificate.SHA256)
	no := a.Again(in)
	if err := f.Record(ctx, no.Check, no.Outcome); err != nil {
		t.Fatal(err)
	}
	if c, _ := f.Register.Get(old.Certificate.SHA256); c.Apart || no.Apart != nil {
		t.Errorf("the user's own current certificate is kept apart (%v), told %+v", c.Apart, no.Apart)
	}
	renewed := checked("e5", "05", started) // Firma ApS, the renewed one
	b := AnswerFor(Input{Path: "/dl/new.p12", Report: renewed, Tries: TryTyped("pw"), Progress: p, Known: f.Register.List()})
	if b.Outcome.Apart || b.Outcome.Kind != KindRenewal {
		t.Errorf("the renewed file: kind %s, apart %v; want the old one's renewal", b.Outcome.Kind, b.Outcome.Apart)
	}
}
