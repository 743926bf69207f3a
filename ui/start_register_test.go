package ui

import (
	"crypto/x509"
	"errors"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"github.com/zalando/go-keyring"
	pkcs12 "software.sslmate.com/src/go-pkcs12"

	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/oces"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/register/registertest"
	"github.com/fornyer/fornyer/core/testpki"
)

// A file handed over at the start ("Open with", a second start) is
// checked against the whole register, not the part the first card was
// drawn from (issue 27): the register knows the file's certificate was
// renewed since, by a certificate the first card does not need, and the
// answer says the file is the older one.
func TestAFileHandedOverAtStartIsCheckedAgainstTheWholeRegister(t *testing.T) {
	keyring.MockInit()
	chain := testpki.NewChain(t, false)
	roots := []*x509.Certificate{chain.Root.Cert}
	old := testpki.WriteFile(t, "previous.p12", testpki.PFX(t, pkcs12.Modern, chain.Organization(t), chain.CACerts(), ""))
	c := inspect.InspectFile(old, inspect.Options{ExtraTrusted: roots}).Certificate
	if c == nil {
		t.Fatal("the test file does not open")
	}

	a := newTestApp(t)
	setTestLanguage(t, "en")
	d := testDeps()
	wait := queueBackground(d)
	now := d.now()
	// The renewal of the file's certificate, valid three years more (no
	// reminder), and another certificate, which expires first: the one
	// the first card names (renewal.Renewing), the part's only one.
	newer := register.Certificate{SHA256: strings.Repeat("ab", 32), Organization: c.Organization, CVR: c.CVR, UUID: c.UUID,
		Serial: c.Serial + "1", Kind: oces.Organization, NotBefore: c.NotBefore, NotAfter: c.NotAfter.AddDate(3, 0, 0)}
	first := register.Certificate{SHA256: strings.Repeat("cd", 32), Organization: "Anden ApS", CVR: "87654321",
		UUID: "99999999-2222-3333-4444-555555555555", Serial: "7", Kind: oces.Organization, NotBefore: now.AddDate(-2, 0, 0), NotAfter: now.AddDate(0, 4, 0)}
	if err := registertest.Write(registerPathIn(a), []register.Certificate{newer, first}); err != nil {
		t.Fatal(err)
	}

	w := test.NewTempWindow(t, nil)
	f := newFrame(a, w, openRegister(a, d), d)
	t.Cleanup(f.guide.saver.wait)
	wholeWhenChecked := false
	f.check.inspect = func(path string, o inspect.Options) *inspect.Report {
		select {
		case <-f.register.Whole():
			wholeWhenChecked = true
		default:
		}
		o.ExtraTrusted = roots
		return inspect.InspectFile(path, o)
	}
	w.SetContent(f.content)
	if got := texts(f.content); !strings.Contains(strings.Join(got, "\n"), "Anden ApS") {
		t.Fatalf("the first card does not name the certificate to renew: %q", got)
	}
	select {
	case <-f.register.Whole():
		t.Fatal("the whole register was read before the first frame")
	default:
	}
	// As Run's shown does with the files it was started with; its other
	// work after the first frame (which reads the whole register too)
	// runs after the check here.
	f.dropped(fyne.Position{}, []fyne.URI{storage.NewFileURI(old)})
	wait()
	f.firstFrameShown()
	defer wait()
	if got := checkHeadlines(f); len(got) != 1 || got[0] != "An older certificate: do not install it" {
		t.Fatalf("the file handed over at the start: %q, want it called older than the register's renewal", got)
	}
	if !wholeWhenChecked {
		t.Error("the file was checked before the whole register was read: its first answer was made from the part")
	}
}

// checkHeadlines are the big lines of the Check tab's answers, in order.
func checkHeadlines(f *frame) []string {
	var out []string
	for _, a := range f.check.shown {
		out = append(out, a.headline.Text)
	}
	return out
}

// A register whose damage only the whole reading finds (a certificate the
// first card does not need, with a value of the wrong type) is reported in
// My certificates as a register damaged at the start is: moved aside, and
// a sentence naming the kept file.
func TestDamageBeyondTheFirstCardsPartIsShownAsAtStart(t *testing.T) {
	a := newTestApp(t)
	setTestLanguage(t, "da")
	d := testDeps()
	d.startReminders = func(*frame) {}
	now := d.now()
	first := register.Certificate{SHA256: strings.Repeat("cd", 32), Organization: "Anden ApS", UUID: "99999999-2222-3333-4444-555555555555",
		Serial: "7", Kind: oces.Organization, NotBefore: now.AddDate(-2, 0, 0), NotAfter: now.AddDate(0, 4, 0)}
	later := first
	later.SHA256, later.Organization, later.UUID, later.NotAfter = strings.Repeat("ab", 32), "Bager ApS", "11111111-2222-3333-4444-555555555555", now.AddDate(2, 0, 0)
	path := registerPathIn(a)
	if err := registertest.Write(path, []register.Certificate{first, later}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	at := strings.Index(string(data), later.SHA256)
	flag := at + strings.Index(string(data[at:]), `"password_saved":false`)
	damaged := string(data[:flag]) + `"password_saved":"nej"` + string(data[flag+len(`"password_saved":false`):])
	if err := os.WriteFile(path, []byte(damaged), 0o600); err != nil {
		t.Fatal(err)
	}

	f := &frame{deps: d, app: a, win: test.NewTempWindow(t, nil), prefs: Preferences{Language: "da"}, register: openRegister(a, d)}
	if err := f.register.OpenError(); err != nil {
		t.Fatalf("the first card's part reads as damaged: %v", err)
	}
	screen := newCertificatesScreen(f) // its list waits for the whole register
	var e *register.Error
	if !errors.As(f.register.OpenError(), &e) || e.Code != register.CodeDamaged || e.MovedTo == "" {
		t.Fatalf("open error after the whole reading: %v", f.register.OpenError())
	}
	if !certHasText(screen, "beskadiget") || !certHasText(screen, e.MovedTo) {
		t.Errorf("the damage is not told in a sentence naming the kept file: %q", certTexts(screen))
	}
	if kept, _ := os.ReadFile(e.MovedTo); string(kept) != damaged {
		t.Error("the damaged register was not kept as it was")
	}
}
