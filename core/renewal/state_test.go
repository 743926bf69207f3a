package renewal

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/oces"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/register/registertest"
)

// The first card names the certificate being renewed: the renewed file's
// predecessor once it is checked; before, the certificate in use that
// expires first; none when the register knows none.
func TestRenewing(t *testing.T) {
	old := known("a1", "01", started.AddDate(0, 1, 0), started.AddDate(-3, 0, 0))
	renewed := known("b2", "02", started.AddDate(3, 0, 0), started)
	expired := known("c3", "03", started.AddDate(0, 0, -1), started.AddDate(-3, 0, 0))
	expired.UUID = "22222222-2222-3333-4444-555555555555"
	later := known("d4", "04", started.AddDate(1, 0, 0), started.AddDate(-2, 0, 0))
	later.UUID, later.Organization = "33333333-2222-3333-4444-555555555555", "Anden ApS"
	employee := known("e5", "05", started.AddDate(0, 0, 10), started.AddDate(-3, 0, 0))
	employee.UUID, employee.Kind = "44444444-2222-3333-4444-555555555555", oces.Employee
	fresh := guide.New(started)
	withFile := guide.New(started)
	withFile.SetFileChecked(renewed.SHA256, started)
	unknownFile := guide.New(started)
	unknownFile.SetFileChecked(strings.Repeat("f6", 32), started)
	for _, c := range []struct {
		name  string
		p     *guide.Progress
		certs []register.Certificate
		want  string // the SHA-256's first two characters, "" for none
	}{
		{"nothing known", &fresh, nil, ""},
		{"one in use", &fresh, []register.Certificate{old}, "a1"},
		{"the first to expire", &fresh, []register.Certificate{later, old}, "a1"},
		{"expired ones aside", &fresh, []register.Certificate{expired, later}, "d4"},
		{"only expired", &fresh, []register.Certificate{expired}, ""},
		{"employee certificates aside", &fresh, []register.Certificate{employee, later}, "d4"},
		{"renewed already: its successor is in use", &fresh, []register.Certificate{old, renewed}, "b2"},
		{"the renewed file's predecessor", &withFile, []register.Certificate{later, old, renewed}, "a1"},
		{"the renewed file without predecessor", &withFile, []register.Certificate{later, renewed}, ""},
		{"the renewed file not in the register", &unknownFile, []register.Certificate{old}, ""},
	} {
		got, ok := Renewing(c.p, c.certs, started)
		if gotSHA := got.SHA256; ok != (c.want != "") || ok && !strings.HasPrefix(gotSHA, c.want) {
			t.Errorf("%s: %q (%v), want %q", c.name, gotSHA, ok, c.want)
		}
	}
}

// The reminder of the certificate being renewed stands above the window
// until the user begins the renewal; others' reminders stay.
func TestStandingQuietWhileRenewing(t *testing.T) {
	old := known("a1", "01", started.AddDate(0, 0, 20), started.AddDate(-3, 0, 0))
	other := known("d4", "04", started.AddDate(0, 2, 0), started.AddDate(-2, 0, 0))
	other.UUID, other.Organization = "33333333-2222-3333-4444-555555555555", "Anden ApS"
	certs := []register.Certificate{other, old}
	fresh := guide.New(started)
	begun := guide.New(started)
	begun.Current = guide.Steps[1].ID
	onlyOther := guide.New(started)
	onlyOther.Current = guide.Steps[5].ID
	for _, c := range []struct {
		name  string
		p     *guide.Progress
		certs []register.Certificate
		want  []string // the SHA-256s' first two characters
	}{
		{"no guide", nil, certs, []string{"a1", "d4"}},
		{"on the first card", &fresh, certs, []string{"a1", "d4"}},
		{"begun: the renewed one is quiet", &begun, certs, []string{"d4"}},
		{"begun, only another organisation's", &onlyOther, []register.Certificate{other}, nil},
		{"begun, nothing known", &begun, nil, nil},
	} {
		var got []string
		for _, r := range Standing(c.p, c.certs, started) {
			got = append(got, r.Certificate.SHA256[:2])
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

// Begun is past the first card or with the file checked; the reminders
// read only the StandingKey of the progress: two progresses with the same
// key stand the same reminders, so the window draws them again only when
// the key changes (moving between later cards changes nothing).
func TestBegunAndTheStandingKey(t *testing.T) {
	old := known("a1", "01", started.AddDate(0, 0, 20), started.AddDate(-3, 0, 0))
	renewed := known("b2", "02", started.AddDate(3, 0, 0), started)
	other := known("d4", "04", started.AddDate(0, 2, 0), started.AddDate(-2, 0, 0))
	other.UUID, other.Organization = "33333333-2222-3333-4444-555555555555", "Anden ApS"
	certs := []register.Certificate{other, old, renewed}
	at := func(step int, file string) *guide.Progress {
		p := guide.New(started)
		p.Current = guide.Steps[step].ID
		if file != "" {
			p.SetFileChecked(strings.ToUpper(file), started)
		}
		return &p
	}
	progresses := []struct {
		name  string
		p     *guide.Progress
		begun bool
	}{
		{"no guide", nil, false},
		{"first card", at(0, ""), false},
		{"second card", at(1, ""), true},
		{"a later card", at(5, ""), true},
		{"first card, file checked", at(0, renewed.SHA256), true},
		{"a later card, file checked", at(7, renewed.SHA256), true},
		{"another later card, file checked", at(9, renewed.SHA256), true},
		{"a later card, another file", at(7, other.SHA256), true},
	}
	standing := func(p *guide.Progress) string {
		var out []string
		for _, r := range Standing(p, certs, started) {
			out = append(out, r.Certificate.SHA256[:2])
		}
		return strings.Join(out, ",")
	}
	for _, a := range progresses {
		if Begun(a.p) != a.begun {
			t.Errorf("%s: begun %v", a.name, !a.begun)
		}
		for _, b := range progresses {
			if StandingKeyOf(a.p) == StandingKeyOf(b.p) && standing(a.p) != standing(b.p) {
				t.Errorf("%s and %s: one key, reminders %q and %q", a.name, b.name, standing(a.p), standing(b.p))
			}
		}
	}
	if StandingKeyOf(progresses[3].p) == StandingKeyOf(progresses[5].p) {
		t.Error("the key does not see the file checked")
	}
}

// BenchmarkRenewing1000 is the first card's question for an IT provider's
// register of 1,000 certificates (it ran before the first frame and took
// 0.15 s when each certificate's "still in use" read the whole list).
func BenchmarkRenewing1000(b *testing.B) {
	certs := registertest.Certificates(1000, started)
	fresh := guide.New(started)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, ok := Renewing(&fresh, certs, started); !ok {
			b.Fatal("none in use")
		}
	}
}

// twoOrganisations is two certificates in use, of two organisations: one
// expiring in 20 days, the other in laterDays.
func twoOrganisations(laterDays int) (soon, later register.Certificate) {
	soon = known("a1", "01", started.AddDate(0, 0, 20), started.AddDate(-2, 0, 0))
	later = known("b1", "11", started.AddDate(0, 0, laterDays), started.AddDate(-2, 0, 0))
	later.Organization, later.CVR, later.UUID = "Tømrer ApS", "87654321", "other-uuid"
	return soon, later
}

// "Renew it" on a certificate (My certificates, a reminder) shows the
// guide's renewal of it where it stands, starts a new renewal of it when
// the guide has not begun or made this very certificate (a year on, walk
// W11), and asks first when the guide is in the middle of another's
// (review S11: it had opened the renewal of another). A reminder offers to
// renew here unless it would ask (RenewsHere).
func TestRenewFrom(t *testing.T) {
	soon, later := twoOrganisations(60)
	certs := []register.Certificate{soon, later}
	fresh := guide.New(started)
	begun := guide.New(started)
	begun.Current = guide.Steps[2].ID
	chosen := guide.NewOf(strings.ToUpper(later.SHA256), started)
	// Last year's renewal made soon: its file is soon, all steps done.
	lastYear := guide.New(started.AddDate(-3, 0, 0))
	lastYear.SetFileChecked(soon.SHA256, started.AddDate(-3, 0, 0))
	lastYear.Current = guide.Steps[len(guide.Steps)-1].ID
	for _, c := range []struct {
		name string
		p    *guide.Progress
		cert register.Certificate
		want Start
	}{
		{"not begun, the one it would renew", &fresh, soon, ShowRenewal},
		{"not begun, another", &fresh, later, NewRenewal},
		{"not begun, another chosen before", &chosen, later, ShowRenewal},
		{"not begun, chosen another", &chosen, soon, NewRenewal},
		{"begun", &begun, soon, ShowRenewal},
		{"begun, another", &begun, later, AskNewRenewal},
		{"no guide yet, the one it would renew", nil, soon, NewRenewal},
		{"no guide yet, another", nil, later, NewRenewal},
		{"a year on, the certificate last year's renewal made", &lastYear, soon, NewRenewal},
		{"a year on, another", &lastYear, later, AskNewRenewal},
	} {
		if got := RenewFrom(c.p, certs, started, c.cert); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
		if got := RenewsHere(c.p, certs, started, c.cert); got != (c.want != AskNewRenewal) {
			t.Errorf("%s: RenewsHere %v", c.name, got)
		}
	}
}

// The certificate chosen to renew is the one the guide renews until the
// renewed file is checked, even when another expires first; one the
// register no longer has leaves the first to expire.
func TestRenewingTheChosenCertificate(t *testing.T) {
	soon, later := twoOrganisations(60)
	certs := []register.Certificate{soon, later}
	for _, c := range []struct {
		renews, want string
	}{
		{"", soon.SHA256},
		{later.SHA256, later.SHA256},
		{strings.ToUpper(later.SHA256), later.SHA256},
		{strings.Repeat("f", 64), soon.SHA256},
	} {
		p := guide.NewOf(c.renews, started)
		if got, ok := Renewing(&p, certs, started); !ok || got.SHA256 != c.want {
			t.Errorf("renews %q: %s, %v; want %s", c.renews, got.SHA256, ok, c.want)
		}
	}
}

// A copy made for others is gone once its file is no longer where it was
// made (deleted after sending, as the summary advises); a copy still there,
// one whose file was never recorded, and one that cannot be looked at (a
// name too long for the file system) are not. The summary's facts mark
// the gone ones.
func TestCopiesGone(t *testing.T) {
	dir := t.TempDir()
	kept := filepath.Join(dir, "Firma (til Webshoppen).p12")
	sent := filepath.Join(dir, "Firma (til Acme).p12")
	for _, p := range []string{kept, sent} {
		if err := os.WriteFile(p, []byte("copy"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Remove(sent); err != nil {
		t.Fatal(err)
	}
	unreadable := filepath.Join(dir, strings.Repeat("x", 300)+".p12") // ENAMETOOLONG, not "not there"
	copies := []guide.HandOverCopy{
		{HandOver: register.HandOver{To: "Webshoppen", File: kept}},
		{HandOver: register.HandOver{To: "Acme", File: sent}},
		{HandOver: register.HandOver{To: "Uden fil"}},
		{HandOver: register.HandOver{To: "Langt navn", File: unreadable}},
	}
	gone := CopiesGone(copies)
	if len(gone) != 1 || !gone[sent] {
		t.Fatalf("gone %v, want only %s", gone, sent)
	}
	f := WithCopiesGone(guide.Facts{HandOvers: copies}, gone)
	for i, want := range []bool{false, true, false, false} {
		if f.HandOvers[i].FileGone != want {
			t.Errorf("%s: FileGone %v, want %v", f.HandOvers[i].To, f.HandOvers[i].FileGone, want)
		}
	}
	if copies[1].FileGone {
		t.Error("WithCopiesGone changed the facts it was given")
	}
}

// The reminder of the certificate chosen to renew goes once it is chosen
// (walk W12: "Renew it" started the renewal and the banner stayed above
// it); another's stays.
func TestAChosenCertificatesReminderGoes(t *testing.T) {
	soon, later := twoOrganisations(40)
	certs := []register.Certificate{soon, later}
	fresh := guide.New(started)
	if got := Standing(&fresh, certs, started); len(got) != 2 {
		t.Fatalf("not chosen: %d reminders, want 2", len(got))
	}
	chosen := guide.NewOf(later.SHA256, started)
	got := Standing(&chosen, certs, started)
	if len(got) != 1 || got[0].Certificate.SHA256 != soon.SHA256 {
		t.Errorf("%s chosen: the reminders stand for %v", later.SHA256[:4], got)
	}
	if StandingKeyOf(&chosen) == StandingKeyOf(&fresh) {
		t.Error("the reminders' key does not change with the choice")
	}
}
