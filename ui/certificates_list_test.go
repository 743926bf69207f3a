package ui

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/register/registertest"
	"github.com/fornyer/fornyer/internal/cputime"
)

// newProviderFrame is a test frame whose register holds n made-up
// certificates, written as one file (as an IT provider's register is read
// at start).
func newProviderFrame(t testing.TB, language string, n int) (*frame, fyne.Window) {
	t.Helper()
	t.Setenv("TMPDIR", t.TempDir())
	a := test.NewTempApp(t)
	loadTranslations(language)
	w := test.NewTempWindow(t, nil)
	w.Resize(companionSize)
	path := filepath.Join(a.Storage().RootURI().Path(), registerFile)
	if err := registertest.Write(path, registertest.Certificates(n, certNow)); err != nil {
		t.Fatal(err)
	}
	d := testDeps()
	d.clock = func() time.Time { return certNow }
	d.startReminders = func(*frame) {}
	reg := openRegister(a, d)
	if err := reg.OpenError(); err != nil {
		t.Fatal(err)
	}
	return &frame{deps: d, app: a, win: w, prefs: Preferences{Language: language}, register: reg}, w
}

// An IT provider finds one client among a thousand by typing its CVR
// number, and opens its card.
func TestCertificatesSearchFindsClientByCVR(t *testing.T) {
	f, w := newProviderFrame(t, "da", 1000)
	v := newCertificatesView(f)
	w.SetContent(v.root)
	// The count says the rows shown, the earlier certificates behind them apart.
	rows := len(v.lines)
	if rows == 0 || rows == 1000 || !certHasText(v.root, fmt.Sprintf("%d certifikater (og %d tidligere)", rows, 1000-rows)) {
		t.Fatalf("the list: %q", certTexts(v.root))
	}
	const client = 123
	cvr, org := registertest.CVR(client), registertest.Organization(client)
	test.Type(v.search, cvr)
	if len(v.shown) != 1 || v.shown[0].Current.CVR != cvr {
		t.Fatalf("searching %s shows %d lines: %q", cvr, len(v.shown), shownOrgs(v))
	}
	if !certHasText(v.root, org) || !certHasText(v.root, "CVR "+cvr) {
		t.Errorf("the row does not show the client: %q", certTexts(v.root))
	}
	if !certHasText(v.root, fmt.Sprintf("1 af %d certifikater", rows)) {
		t.Errorf("the count does not say how many are shown: %q", certTexts(v.root))
	}
	selectRow(t, v, v.shown[0].Current.SHA256)
	if !certHasText(v.root, org) || !certHasText(v.root, "Gyldigt til") {
		t.Errorf("the card: %q", certTexts(v.root))
	}

	// Nothing matches: a sentence, not an empty space.
	test.Tap(certButtons(v.root, "Alle certifikater")[0])
	v.search.SetText("ingen-kunde-hedder-sådan")
	if len(v.shown) != 0 || !certHasText(v.root, "Intet certifikat passer") {
		t.Errorf("no match: %q", certTexts(v.root))
	}
	v.search.SetText("")
	if len(v.shown) != len(v.lines) {
		t.Errorf("clearing the search shows %d of %d lines", len(v.shown), len(v.lines))
	}
}

func TestCertificatesOrderAndFilters(t *testing.T) {
	f, w := newProviderFrame(t, "en", 300)
	v := newCertificatesView(f)
	w.SetContent(v.root)
	all := len(v.shown)

	// Default: what needs doing first, so the first row has expired or
	// expires soonest.
	first := v.shown[0].Current
	for _, l := range v.shown {
		if l.Current.NotAfter.Before(first.NotAfter) {
			t.Fatalf("%s expires before the first row's %s", l.Current.NotAfter, first.NotAfter)
		}
	}

	v.order.SetSelected("By organisation")
	// The Danish alphabet: A first, Ø (of Østergaard) last.
	orgs := shownOrgs(v)
	if !strings.HasPrefix(orgs[0], "A") || !strings.HasPrefix(orgs[len(orgs)-1], "Ø") {
		t.Errorf("not by organisation: first %q, last %q", orgs[0], orgs[len(orgs)-1])
	}
	v.order.SetSelected("Newest first")
	for i := 1; i < len(v.shown); i++ {
		if v.shown[i].Current.NotBefore.After(v.shown[i-1].Current.NotBefore) {
			t.Fatalf("row %d is newer than the row above it", i)
		}
	}

	menu := v.filterMenu()
	tapMenu(t, menu, "Not installed in DPG")
	if len(v.shown) == 0 || len(v.shown) >= all {
		t.Fatalf("the DPG filter shows %d of %d", len(v.shown), all)
	}
	for _, l := range v.shown {
		if l.Current.DPG != nil {
			t.Fatal("the DPG filter shows an installed certificate")
		}
	}
	if v.filterButton.Text != "Filter (1)" {
		t.Errorf("the filter button says %q", v.filterButton.Text)
	}
	menu = v.filterMenu()
	if !filterItem(t, menu, "Not installed in DPG").Checked {
		t.Error("the menu does not tick the filter that is on")
	}
	tapMenu(t, menu, "Test certificates")
	for _, l := range v.shown {
		if l.Current.DPG != nil || l.Current.Environment != register.Test {
			t.Fatal("two filters do not both hold")
		}
	}
	tapMenu(t, v.filterMenu(), "Show all")
	tapMenu(t, v.filterMenu(), "Expires within 90 days")
	for _, l := range v.shown {
		if l.Current.NotAfter.After(certNow.AddDate(0, 0, 90)) {
			t.Fatal("the 90-day filter shows a calm certificate")
		}
	}
	tapMenu(t, v.filterMenu(), "Show all")
	if len(v.shown) != all || v.filterButton.Text != "Filter" {
		t.Errorf("after Show all: %d of %d, button %q", len(v.shown), all, v.filterButton.Text)
	}
}

func filterItem(t *testing.T, m *fyne.Menu, label string) *fyne.MenuItem {
	t.Helper()
	for _, it := range m.Items {
		if it.Label == label {
			return it
		}
	}
	t.Fatalf("no menu item %q", label)
	return nil
}

func tapMenu(t *testing.T, m *fyne.Menu, label string) {
	t.Helper()
	filterItem(t, m, label).Action()
}

// A change made elsewhere (a file checked, DPG recorded) reaches the list
// without a restart.
func TestCertificatesFollowRegister(t *testing.T) {
	f, w := newProviderFrame(t, "en", 10)
	v := newCertificatesView(f)
	w.SetContent(v.root)
	c := certAt(99, "Ny Kunde ApS", "new-uuid", register.Production, 40*certDay)
	if err := f.register.Upsert(c); err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(shownOrgs(v), "Ny Kunde ApS") {
		t.Errorf("the new certificate is not listed: %q", shownOrgs(v))
	}
}

// The window's start builds the screen without reading the register:
// the cost is the same for an empty register and a provider's.
func BenchmarkCertificatesStart(b *testing.B) {
	for _, n := range []int{0, 100, 1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			f, _ := newProviderFrame(b, "en", n)
			f.background = func(func()) {} // the load runs after the window appears
			start := cputime.Used()
			for b.Loop() {
				newCertificatesView(f)
			}
			cputime.Report(b, start)
		})
	}
}

// The tab settling: the register read, grouped, ordered and the visible
// rows drawn, at an organisation's, a provider's and a large provider's
// size.
func BenchmarkCertificatesList(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			f, w := newProviderFrame(b, "en", n)
			start := cputime.Used()
			for b.Loop() {
				v := newCertificatesView(f)
				w.SetContent(v.root)
				if len(v.lines) == 0 {
					b.Fatal("nothing listed")
				}
			}
			cputime.Report(b, start)
		})
	}
}

// One keystroke in the search box over a provider's register.
func BenchmarkCertificatesSearch(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			f, w := newProviderFrame(b, "en", n)
			v := newCertificatesView(f)
			w.SetContent(v.root)
			i := 0
			start := cputime.Used()
			for b.Loop() {
				i++
				v.search.SetText(registertest.CVR(i % n)[:6])
			}
			cputime.Report(b, start)
		})
	}
}

// An IT provider's start: many reminders due at once become one
// notification (the register is written twice, not once per reminder:
// register.TestRecordRemindersMatchesSingleCalls).
func TestManyDueRemindersAreOneNotification(t *testing.T) {
	f, _ := newProviderFrame(t, "da", 1000)
	a := &recordingApp{App: f.app}
	f.app = a
	due := register.Due(f.register.List(), certNow)
	if len(due) <= maxSeparateReminders {
		t.Fatalf("only %d reminders due in the made-up register", len(due))
	}
	remind(f, "da")
	sent, scheduled, _ := a.counts()
	if sent != 1 || !strings.Contains(a.sent[0].Content, fmt.Sprintf("%d certifikater udløber", len(due))) {
		t.Errorf("sent %d notifications: %+v", sent, a.sent)
	}
	if scheduled == 0 {
		t.Error("nothing scheduled ahead")
	}
	// Every due certificate is remembered as reminded: a second start
	// gives none again.
	remind(f, "da")
	if sent2, _, _ := a.counts(); sent2 != 1 {
		t.Errorf("a second start sent %d more", sent2-1)
	}
}
