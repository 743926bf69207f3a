package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/fornyer/fornyer/core/certlist"
	"github.com/fornyer/fornyer/core/register"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
	"github.com/fornyer/fornyer/ui/words"
)

// certNow is the fixed "now" of the certificates tests.
var certNow = time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)

const certDay = 24 * time.Hour

func certSHA(i int) string { return fmt.Sprintf("%064x", i) }

func certAt(i int, org, uuid, env string, left time.Duration) register.Certificate {
	return register.Certificate{
		SHA256: certSHA(i), Organization: org, CVR: fmt.Sprint(12345670 + i), UUID: uuid,
		Serial: fmt.Sprint(i), Kind: "organization", Environment: env,
		NotBefore: certNow.Add(left).AddDate(-3, 0, 0), NotAfter: certNow.Add(left),
	}
}

// recordingApp is the test app with the notifications it was asked for
// counted, and scheduling that can be made to fail as on a platform that
// refuses it.
type recordingApp struct {
	fyne.App
	mu        sync.Mutex
	sent      []*fyne.Notification
	scheduled []*fyne.ScheduledNotification
	cancelled []string
	refuse    bool
}

func (a *recordingApp) SendNotification(n *fyne.Notification) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.sent = append(a.sent, n)
}

func (a *recordingApp) ScheduleNotification(n *fyne.Notification, at time.Time) (*fyne.ScheduledNotification, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.refuse {
		return nil, errors.New("not supported here")
	}
	s := fyne.NewScheduledNotification(fmt.Sprintf("id-%d", len(a.scheduled)+1), n, at)
	a.scheduled = append(a.scheduled, s)
	return s, nil
}

func (a *recordingApp) CancelScheduledNotification(id string) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.cancelled = append(a.cancelled, id)
	return nil
}

// newCertTestFrame is a frame on the test driver whose register holds
// certs, with the clock at certNow, dates shown in UTC, and reminders run
// only when a test calls remind.
func newCertTestFrame(t *testing.T, language string, certs ...register.Certificate) (*frame, *recordingApp, fyne.Window) {
	t.Helper()
	t.Setenv("TMPDIR", t.TempDir()) // the test app's storage is the temporary folder
	a := &recordingApp{App: test.NewTempApp(t)}
	setTestLanguage(t, language)
	w := test.NewTempWindow(t, nil)
	w.Resize(companionSize)

	d := testDeps()
	d.clock = func() time.Time { return certNow }
	d.startReminders = func(*frame) {}
	oldLocal := time.Local
	time.Local = time.UTC
	t.Cleanup(func() { time.Local = oldLocal })

	reg := openRegister(a, d)
	if err := reg.OpenError(); err != nil {
		t.Fatal(err)
	}
	for _, c := range certs {
		if err := reg.Upsert(c); err != nil {
			t.Fatal(err)
		}
	}
	return &frame{deps: d, app: a, win: w, prefs: Preferences{Language: language}, register: reg}, a, w
}

// sampleCertificates cover every urgency, a renewal line, DPG installed and
// not, and a test certificate.
func sampleCertificates() []register.Certificate {
	old := certAt(1, "Bager Hansen ApS", "uuid-a", register.Production, 20*certDay)
	old.DPG = nil
	renewed := certAt(2, "Bager Hansen ApS", "uuid-a", register.Production, 3*365*certDay)
	test := certAt(3, "Tømrer & Søn A/S", "uuid-b", register.Test, 60*certDay)
	test.Kind = "system"
	urgent := certAt(4, "Vognmand Ærø I/S", "uuid-c", register.Production, 5*certDay+time.Hour)
	expired := certAt(5, "Gammel Forening", "uuid-d", register.Production, -10*certDay)
	calm := certAt(6, "", "", register.Production, 200*certDay)
	calm.Kind = ""
	return []register.Certificate{old, renewed, test, urgent, expired, calm}
}

func TestCertificatesListMarkup(t *testing.T) {
	for _, language := range []string{"en", "da"} {
		t.Run(language, func(t *testing.T) {
			f, _, w := newCertTestFrame(t, language, sampleCertificates()...)
			recordHistory(t, f.register)
			w.SetContent(newCertificatesScreen(f))
			test.AssertRendersToMarkup(t, "certificates_list_"+language+".xml", w.Canvas())
		})
	}
}

// recordHistory gives the sample certificates what Fornyer does for them.
func recordHistory(t *testing.T, reg *register.Store) {
	t.Helper()
	for _, err := range []error{
		reg.RecordDPGInstalled(certSHA(1), "Anna Jensen", certNow.Add(-900*certDay)),
		reg.SetPasswordSaved(certSHA(2), true),
		reg.RecordBackup(certSHA(2), register.FileRef{Path: "/media/usb/bager.p12", VerifiedAt: certNow.Add(-2 * certDay)}),
		reg.RecordBackup(certSHA(2), register.FileRef{Path: "/media/usb2/bager.p12", VerifiedAt: certNow.Add(-1 * certDay)}),
		reg.RecordReceipt(certSHA(2), register.Receipt{Path: "/home/anna/Dokumenter/kvittering.pdf", At: certNow.Add(-1 * certDay)}),
		reg.RecordBackup(certSHA(3), register.FileRef{Path: "/media/usb/toemrer.p12", VerifiedAt: certNow.Add(-3 * certDay)}),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
}

// My certificates with nothing in it says so and what fills it, with no
// search field or list (the list is the screen's master).
func TestCertificatesEmpty(t *testing.T) {
	for _, language := range []string{"en", "da"} {
		t.Run(language, func(t *testing.T) {
			f, _, w := newCertTestFrame(t, language)
			screen := newCertificatesScreen(f)
			w.SetContent(screen)
			for _, key := range []string{"register.empty.title", "register.empty.body"} {
				if !hasText(screen, words.T(key)) {
					t.Errorf("%s not shown: %q", key, texts(screen))
				}
			}
			for _, o := range visible(screen) {
				switch o.(type) {
				case *widget.Entry, *uiwidget.Entry, *widget.List:
					t.Errorf("an empty list shows a %T", o)
				}
			}
		})
	}
}

// A register holding only the state's CA certificates an older version
// recorded holds none of the user's: My certificates says it is empty
// (register.Store.List leaves them out, for every screen).
func TestCertificatesLeaveOutOldCAEntries(t *testing.T) {
	root := certAt(1, "Den Danske Stat", "", register.Production, 10*365*certDay)
	root.CommonName, root.Kind = "Den Danske Stat OCES rod-CA", ""
	issuing := certAt(2, "Den Danske Stat", "", register.Production, 8*365*certDay)
	issuing.CommonName, issuing.Kind = "Den Danske Stat OCES udstedende-CA 1", ""
	f, _, w := newCertTestFrame(t, "en", root, issuing)
	screen := newCertificatesScreen(f)
	w.SetContent(screen)
	if !hasText(screen, words.T("register.empty.title")) || certHasText(screen, "Den Danske Stat") {
		t.Errorf("the CA entries show as the user's certificates: %q", certTexts(screen))
	}
}

// certTexts lists every text under o that a user can see.
func certTexts(o fyne.CanvasObject) []string {
	if o == nil || !o.Visible() {
		return nil
	}
	var out []string
	switch x := o.(type) {
	case *widget.Label:
		out = append(out, x.Text)
	case *widget.Button:
		out = append(out, x.Text)
	case *uiwidget.UrgencyBadge:
		out = append(out, x.Text())
	case *uiwidget.Button:
		out = append(out, x.Text)
	case *fyne.Container:
		for _, c := range x.Objects {
			out = append(out, certTexts(c)...)
		}
	case *container.Scroll:
		out = append(out, certTexts(x.Content)...)
	case *widget.Card:
		out = append(out, certTexts(x.Content)...)
	case fyne.Widget:
		r := test.WidgetRenderer(x)
		for _, c := range r.Objects() {
			out = append(out, certTexts(c)...)
		}
	}
	return out
}

func certHasText(o fyne.CanvasObject, want string) bool {
	for _, s := range certTexts(o) {
		if strings.Contains(s, want) {
			return true
		}
	}
	return false
}

// certButtons finds the buttons with the text under o, depth first.
func certButtons(o fyne.CanvasObject, text string) []*widget.Button {
	var out []*widget.Button
	if b, ok := asButton(o); ok {
		if b.Text == text {
			out = append(out, b)
		}
		return out
	}
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			out = append(out, certButtons(c, text)...)
		}
	case *container.Scroll:
		out = append(out, certButtons(x.Content, text)...)
	case *widget.Card:
		out = append(out, certButtons(x.Content, text)...)
	case fyne.Widget:
		r := test.WidgetRenderer(x)
		for _, c := range r.Objects() {
			out = append(out, certButtons(c, text)...)
		}
	}
	return out
}

func tapOverlayButton(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog open to tap %q in", text)
	}
	b := certButtons(top, text)
	if len(b) != 1 {
		t.Fatalf("%d buttons %q in the dialog: %v", len(b), text, certTexts(top))
	}
	test.Tap(b[0])
}

func TestCertificatesLinksAndUrgency(t *testing.T) {
	f, _, w := newCertTestFrame(t, "en", sampleCertificates()...)
	recordHistory(t, f.register)
	v := newCertificatesView(f)
	w.SetContent(v.root)
	// The rows: one per renewal line, what needs doing first.
	for _, want := range []string{
		"5 days left", "Expired", "System certificate · Test only", "System certificate", "Unknown organisation",
		"replaces 1 earlier", "Not in DPG",
		"5 certificates (and 1 earlier)", // five rows, not "6 certificates" above them (F22)
	} {
		if !certHasText(v.root, want) {
			t.Errorf("the list does not show %q; it shows %q", want, certTexts(v.root))
		}
	}
	if certHasText(v.root, "20 days left") {
		t.Error("the renewed certificate's predecessor has a row of its own")
	}
	if got := shownOrgs(v); !slices.Equal(got, []string{"Gammel Forening", "Vognmand Ærø I/S", "Tømrer & Søn A/S", "", "Bager Hansen ApS"}) {
		t.Errorf("rows in the order %q", got)
	}

	// The renewed line's card: what was done, and the link to the one it replaced.
	selectRow(t, v, certSHA(2))
	for _, want := range []string{
		"Password saved", "Backed up: 2 verified copies, the latest on 23 November 2026",
		"Receipt written on 23 November 2026", "Replaces the certificate valid until 14 December 2026",
		"All certificates",
	} {
		if !certHasText(v.root, want) {
			t.Errorf("the card does not show %q; it shows %q", want, certTexts(v.root))
		}
	}
	if certHasText(v.root, "Vognmand") {
		t.Error("the list still shows behind the card")
	}
	link := certButtons(v.root, "Replaces the certificate valid until 14 December 2026")
	if len(link) != 1 {
		t.Fatal("no link to the predecessor")
	}
	test.Tap(link[0])
	if v.open != certSHA(1) || !certHasText(v.root, "Renewed by the certificate valid until 23 November 2029") ||
		!certHasText(v.root, "20 days left") {
		t.Errorf("the link did not open the predecessor: %q", certTexts(v.root))
	}
	back := certButtons(v.root, "All certificates")
	if len(back) != 1 {
		t.Fatal("no way back to the list")
	}
	test.Tap(back[0])
	if v.open != "" || !certHasText(v.root, "Vognmand Ærø I/S") {
		t.Errorf("back did not return to the list: %q", certTexts(v.root))
	}

	selectRow(t, v, certSHA(3))
	if !certHasText(v.root, "Backed up: one verified copy, on 21 November 2026") {
		t.Errorf("the test certificate's card: %q", certTexts(v.root))
	}
}

// shownOrgs are the organisations of the rows, in order.
func shownOrgs(v *certificatesView) []string {
	var out []string
	for _, l := range v.shown {
		out = append(out, l.Current.Organization)
	}
	return out
}

// selectRow taps the row of the line whose newest certificate is sha.
func selectRow(t *testing.T, v *certificatesView, sha string) {
	t.Helper()
	for i, l := range v.shown {
		if l.Current.SHA256 == sha {
			v.list.Select(i)
			if v.open != sha {
				t.Fatalf("selecting row %d did not open its card", i)
			}
			return
		}
	}
	t.Fatalf("no row for %s among %q", sha, shownOrgs(v))
}

func TestUrgencyColours(t *testing.T) {
	seen := map[fyne.ThemeColorName]register.Urgency{}
	for _, u := range []register.Urgency{register.OK, register.Within90, register.Within30, register.Within7} {
		bg := uiwidget.NewUrgencyBadge(u, "").Colour()
		if prev, dup := seen[bg]; dup {
			t.Errorf("urgencies %d and %d share a colour", prev, u)
		}
		seen[bg] = u
	}
	e := uiwidget.NewUrgencyBadge(register.Expired, "").Colour()
	s := uiwidget.NewUrgencyBadge(register.Within7, "").Colour()
	if e != s {
		t.Error("expired should look as alarming as 7 days")
	}
}

func TestCertificatesRemoveConfirmed(t *testing.T) {
	c := certAt(1, "Bager Hansen ApS", "u", register.Production, 100*certDay)
	f, a, w := newCertTestFrame(t, "en", c)
	if err := f.register.RecordScheduled(c.SHA256, register.Scheduled{Days: 90, ID: "sched-1", At: certNow.Add(10 * certDay)}); err != nil {
		t.Fatal(err)
	}
	v := newCertificatesView(f)
	screen := v.root
	w.SetContent(screen)
	selectRow(t, v, c.SHA256)

	remove := certButtons(screen, "Remove from list")
	if len(remove) != 1 {
		t.Fatal("no remove button")
	}
	test.Tap(remove[0])
	tapOverlayButton(t, w, "Cancel")
	if _, ok := f.register.Get(c.SHA256); !ok {
		t.Fatal("cancelled removal removed the certificate")
	}

	test.Tap(remove[0])
	if top := w.Canvas().Overlays().Top(); top == nil || !certHasText(top, "Bager Hansen ApS") {
		t.Fatal("the confirmation does not name the certificate")
	}
	tapOverlayButton(t, w, "Remove")
	if _, ok := f.register.Get(c.SHA256); ok {
		t.Fatal("confirmed removal left the certificate")
	}
	if len(a.cancelled) != 1 || a.cancelled[0] != "sched-1" {
		t.Errorf("cancelled %v, want the certificate's scheduled reminder", a.cancelled)
	}
	if v.open != "" || !certHasText(w.Content(), "No certificates yet") {
		t.Errorf("list not refreshed after removal: %q", certTexts(w.Content()))
	}
}

func TestCertificatesShowDamagedRegister(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	path := filepath.Join(dir, registerFile)
	if err := os.WriteFile(path, []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	setTestLanguage(t, "da")
	w := test.NewTempWindow(t, nil)
	d := testDeps()
	d.startReminders = func(*frame) {}
	f := &frame{deps: d, app: a, win: w, prefs: Preferences{Language: "da"}, register: openRegister(a, d)}
	screen := newCertificatesScreen(f)

	var e *register.Error
	if !errors.As(f.register.OpenError(), &e) || e.MovedTo == "" {
		t.Fatalf("open error %v", f.register.OpenError())
	}
	if !certHasText(screen, "beskadiget") || !certHasText(screen, e.MovedTo) {
		t.Errorf("the damage is not told in a sentence naming the kept file: %q", certTexts(screen))
	}
	if kept, _ := os.ReadFile(e.MovedTo); string(kept) != "{not json" {
		t.Error("the damaged register was not kept")
	}
}

func TestRecordDPGInstalledShowsInList(t *testing.T) {
	c := certAt(1, "Bager Hansen ApS", "u", register.Production, 1000*certDay)
	f, _, w := newCertTestFrame(t, "da", c)
	v := newCertificatesView(f)
	screen := v.root
	w.SetContent(screen)
	if !certHasText(screen, "Ikke i DPG") {
		t.Errorf("the row does not say it is not in DPG: %q", certTexts(screen))
	}
	selectRow(t, v, c.SHA256)
	if !certHasText(screen, "Endnu ikke registreret som installeret i DPG") {
		t.Fatal("no DPG prompt")
	}
	if err := recordDPGInstalled(f, c.SHA256, "Anna Jensen"); err != nil {
		t.Fatal(err)
	}
	got, _ := f.register.Get(c.SHA256)
	if got.DPG == nil || got.DPG.By != "Anna Jensen" || !got.DPG.At.Equal(certNow) {
		t.Fatalf("recorded %+v", got.DPG)
	}
	if !certHasText(screen, "Installeret i DPG den 24. november 2026 af Anna Jensen") {
		t.Errorf("the card does not show the installation: %q", certTexts(screen))
	}
	test.Tap(certButtons(screen, "Alle certifikater")[0])
	if !certHasText(screen, "I DPG") || certHasText(screen, "Ikke i DPG") {
		t.Errorf("the row does not show the installation: %q", certTexts(screen))
	}
	if err := recordDPGInstalled(f, certSHA(9), "x"); register.Code(err) != register.CodeNotFound {
		t.Errorf("unknown certificate: %v", err)
	}
}

func TestMarkDPGFromList(t *testing.T) {
	c := certAt(1, "Bager Hansen ApS", "u", register.Production, 1000*certDay)
	f, _, w := newCertTestFrame(t, "en", c)
	v := newCertificatesView(f)
	screen := v.root
	w.SetContent(screen)
	selectRow(t, v, c.SHA256)
	mark := certButtons(screen, "Mark as installed in DPG")
	if len(mark) != 1 {
		t.Fatal("no button to mark DPG")
	}
	test.Tap(mark[0])
	top := w.Canvas().Overlays().Top()
	var entry *uiwidget.Entry
	var find func(o fyne.CanvasObject)
	find = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *uiwidget.Entry:
			entry = x
		case *fyne.Container:
			for _, c := range x.Objects {
				find(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				find(c)
			}
		}
	}
	find(top)
	if entry == nil {
		t.Fatal("no name field")
	}
	// Escape closes it, the name field focused, as with nothing focused.
	w.Canvas().Focus(entry)
	test.Type(entry, "x")
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.Canvas().Overlays().Top() == top {
		t.Fatal("Escape in the name field did not close the dialog")
	}
	test.Tap(mark[0])
	top = w.Canvas().Overlays().Top()
	entry = nil
	find(top)
	test.Type(entry, "Bo")
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter records, as the button does
	if got, _ := f.register.Get(c.SHA256); got.DPG == nil || got.DPG.By != "Bo" {
		t.Fatalf("recorded %+v", got.DPG)
	}
}

// The calendar button saves the file in Documents without asking where,
// and offers to open it in a dialog without Fyne's question mark.
func TestCalendarSavesInDocuments(t *testing.T) {
	c := certAt(1, "Bager Hansen ApS", "u", register.Production, 100*certDay)
	f, _, w := newCertTestFrame(t, "da", c)
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_DOCUMENTS_DIR", "")
	v := newCertificatesView(f)
	var opened string
	f.open = func(what uiwidget.Target, p string) error {
		if what == uiwidget.File {
			opened = p
		}
		return nil
	}
	screen := v.root
	w.SetContent(screen)
	selectRow(t, v, c.SHA256)
	b := certButtons(screen, "Sæt i kalenderen")
	if len(b) != 1 {
		t.Fatal("no calendar button")
	}
	test.Tap(b[0])
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("no dialog after saving")
	}
	for _, x := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if img, ok := x.(*canvas.Image); ok && img.Resource != nil && strings.Contains(img.Resource.Name(), "question") {
			t.Error("the dialog shows a question mark")
		}
	}
	tapOverlayButton(t, w, "Åbn i min kalender")
	if filepath.Ext(opened) != ".ics" || !strings.HasPrefix(opened, home) {
		t.Errorf("opened %q, want the calendar file under %s", opened, home)
	}
}

func TestWriteCalendar(t *testing.T) {
	c := certAt(1, `Bager/Hansen: "Søn"`, "u", register.Production, 100*certDay)
	f, _, _ := newCertTestFrame(t, "da", c)
	dir := t.TempDir()
	p1, err := writeCalendar(dir, c, "da", f.now())
	if err != nil {
		t.Fatal(err)
	}
	p2, err := writeCalendar(dir, c, "da", f.now())
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(p1) != `Forny certifikat Bager Hansen Søn.ics` || p1 == p2 {
		t.Errorf("written as %s and %s", p1, p2)
	}
	data, _ := os.ReadFile(p1)
	if !strings.HasPrefix(string(data), "BEGIN:VCALENDAR\r\n") || !strings.Contains(string(data), "DTSTART;VALUE=DATE:20270103") {
		t.Errorf("calendar file:\n%s", data)
	}
}

func TestRemindOncePerThreshold(t *testing.T) {
	soon := certAt(1, "Bager Hansen ApS", "u", register.Production, 29*certDay)
	later := certAt(2, "Tømrer ApS", "v", register.Production, 200*certDay)
	renewedOld := certAt(3, "Vognmand ApS", "w", register.Production, 3*certDay)
	renewedNew := certAt(4, "Vognmand ApS", "w", register.Production, 1000*certDay)
	f, a, _ := newCertTestFrame(t, "da", soon, later, renewedOld, renewedNew)

	remind(f, "da")
	if len(a.sent) != 1 {
		t.Fatalf("sent %d notifications, want 1 (the certificate within 30 days)", len(a.sent))
	}
	if n := a.sent[0]; n.Title != "Forny dit certifikat" ||
		!strings.Contains(n.Content, "Bager Hansen ApS udløber den 23. december 2026, om 29 dage") {
		t.Errorf("notification %+v", n)
	}
	// Ahead: 7 for the first, 90/30/7 for the second and for the renewed one.
	if len(a.scheduled) != 7 {
		t.Errorf("scheduled %d, want 7", len(a.scheduled))
	}

	remind(f, "da") // a second start the same day: nothing new
	if len(a.sent) != 1 || len(a.scheduled) != 7 {
		t.Errorf("second run sent %d, scheduled %d", len(a.sent), len(a.scheduled))
	}

	// Twenty-three days on, the 7-day reminder was scheduled for this
	// morning and counts as given.
	f.clock = func() time.Time { return certNow.Add(23 * certDay) }
	remind(f, "da")
	if len(a.sent) != 1 {
		t.Errorf("the scheduled 7-day reminder was given again at start")
	}
}

func TestRemindWhenSchedulingRefused(t *testing.T) {
	c := certAt(1, "Bager Hansen ApS", "u", register.Production, 100*certDay)
	f, a, _ := newCertTestFrame(t, "en", c)
	a.refuse = true
	remind(f, "en")
	if got, _ := f.register.Get(c.SHA256); len(got.Scheduled) != 0 {
		t.Errorf("a refused schedule was recorded: %+v", got.Scheduled)
	}
	// Without the scheduler, the start gives the reminder when it is due.
	f.clock = func() time.Time { return certNow.Add(11 * certDay) }
	remind(f, "en")
	if len(a.sent) != 1 || !strings.Contains(a.sent[0].Content, "in 89 days") {
		t.Errorf("sent %+v", a.sent)
	}
}

// realStartReminders is startReminders as the app has it; the test frames
// replace it.
var realStartReminders = startReminders

func (a *recordingApp) counts() (sent, scheduled, cancelled int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.sent), len(a.scheduled), len(a.cancelled)
}

// A certificate added while the app runs gets its reminders planned at
// once, and a renewal cancels the old one's.
func TestRemindersFollowChanges(t *testing.T) {
	f, a, _ := newCertTestFrame(t, "en")
	realStartReminders(f) // the start's run is done when it returns: the test frame's background is inline

	old := certAt(1, "Bager Hansen ApS", "u", register.Production, 100*certDay)
	if err := f.register.Upsert(old); err != nil {
		t.Fatal(err)
	}
	// Planned before Upsert returns.
	if c, _ := f.register.Get(old.SHA256); len(c.Scheduled) != 3 {
		t.Fatalf("scheduled %+v, want three", c.Scheduled)
	}
	renewed := certAt(2, "Bager Hansen ApS", "u", register.Production, 1095*certDay)
	if err := f.register.Upsert(renewed); err != nil {
		t.Fatal(err)
	}
	o, _ := f.register.Get(old.SHA256)
	n, _ := f.register.Get(renewed.SHA256)
	if len(o.Scheduled) != 0 || len(n.Scheduled) != 3 {
		t.Fatalf("after the renewal: old %+v, new %+v", o.Scheduled, n.Scheduled)
	}
	sent, scheduled, cancelled := a.counts()
	if sent != 0 || scheduled != 6 || cancelled != 3 {
		t.Errorf("sent %d, scheduled %d, cancelled %d; want 0, 6, 3", sent, scheduled, cancelled)
	}
}

// Not parallel: it sets time.Local, the whole process's.
func TestReminderNotificationText(t *testing.T) {
	c := certAt(1, "Bager Hansen ApS", "u", register.Production, 3*certDay)
	oldLocal := time.Local
	time.Local = time.UTC
	t.Cleanup(func() { time.Local = oldLocal })
	for _, tc := range []struct {
		lang string
		days int
		want string
	}{
		{"en", 0, "expires on 27 November 2026, in less than a day."},
		{"en", 1, ", in 1 day."},
		{"en", 6, ", in 6 days."},
		{"da", 0, "udløber den 27. november 2026, om under et døgn."},
		{"da", 1, ", om 1 dag."},
		{"da", 6, ", om 6 dage."},
	} {
		n := reminderNotification(register.Reminder{Certificate: c, Days: 7, DaysLeft: tc.days}, tc.lang)
		if !strings.Contains(n.Content, tc.want) {
			t.Errorf("%s, %d days: %q lacks %q", tc.lang, tc.days, n.Content, tc.want)
		}
	}
}

// A register is a file anyone can edit: its CVR and the name of who
// installed the certificate in DPG are shown on the card and the list's
// row as one plain line each, without line breaks, escape sequences or
// direction overrides (#24 item 9).
func TestCertificateCardCleansHostileText(t *testing.T) {
	c := certAt(1, "Firma ApS", "u", register.Production, 100*certDay)
	c.CVR = "1234\n5678\x1b[2J"
	c.DPG = &register.DPG{At: certNow.Add(-certDay), By: "Anna\r\nJensen\u202e\x1b[31m"}
	f, _, _ := newCertTestFrame(t, "en", c)
	v := newCertificatesView(f)
	row := newCertRow()
	row.set(&certlist.Line{Current: c}, certNow)
	shown := append(certTexts(v.card([]register.Certificate{c}, c, certNow)), certTexts(row)...)
	var cvr, by bool
	for _, s := range shown {
		if strings.ContainsAny(s, "\n\r\x1b\u202e") && (strings.Contains(s, "1234") || strings.Contains(s, "Anna")) {
			t.Errorf("hostile text shown as it is: %q", s)
		}
		cvr = cvr || strings.Contains(s, "CVR 1234 5678 [2J")
		by = by || strings.Contains(s, "Anna Jensen [31m")
	}
	if !cvr || !by {
		t.Errorf("the CVR or the installer's name is not shown on one line: %q", shown)
	}
}

// Y5, Z18: a row opens by keyboard as by a click, Enter or Space on the row
// the arrows are on, and the card opens with the keyboard on its way back,
// a focused control that shows it, from where Tab goes on into the card;
// the card drawn again keeps it there, and back on the list the keyboard
// is on the row it left.
func TestARowOpensByKeyboardWithTheFocusShown(t *testing.T) {
	for _, language := range []string{"en", "da"} {
		t.Run(language, func(t *testing.T) {
			f, _, w := newCertTestFrame(t, language, sampleCertificates()...)
			v := newCertificatesView(f)
			w.SetContent(v.root)
			c := w.Canvas()
			key := func(k fyne.KeyName) {
				t.Helper()
				if c.Focused() == nil {
					t.Fatalf("%s with nothing focused", k)
				}
				c.Focused().TypedKey(&fyne.KeyEvent{Name: k})
			}
			c.Focus(v.list)
			key(fyne.KeyDown)
			second := v.shown[1].Current.SHA256
			key(fyne.KeyReturn)
			if v.open != second {
				t.Fatalf("Enter on the second row opened %q; want %q", v.open, second)
			}
			back := certButtons(v.root, words.T("list.back"))
			if len(back) != 1 || c.Focused() != fyne.Focusable(v.back) || !v.back.Visible() {
				t.Fatalf("the card opened with the keyboard on %v; want its way back", c.Focused())
			}
			v.loadNow() // the register read again: the card is drawn again
			if c.Focused() != fyne.Focusable(v.back) {
				t.Errorf("the card drawn again left the keyboard on %v", c.Focused())
			}
			c.FocusNext()
			if _, on := uiwidget.SpotIn(c, v.cardPage); !on || c.Focused() == fyne.Focusable(v.back) {
				t.Errorf("Tab from the way back went to %v, not into the card", c.Focused())
			}
			if b, ok := c.Focused().(*uiwidget.Button); ok {
				v.loadNow() // drawn again, the keyboard inside the card
				if again, ok := c.Focused().(*uiwidget.Button); !ok || again == b || again.Text != b.Text {
					t.Errorf("the card drawn again left the keyboard on %v; want %q again", c.Focused(), b.Text)
				}
			}
			c.Focus(v.back)
			key(fyne.KeyReturn)
			if v.open != "" || c.Focused() != fyne.Focusable(v.list) {
				t.Fatalf("Enter on the way back: open %q, the keyboard on %v; want the list", v.open, c.Focused())
			}
			key(fyne.KeySpace) // the row it left, as a click on it
			if v.open != second {
				t.Errorf("Space on the list opened %q; want the row left, %q", v.open, second)
			}
		})
	}
}

// My certificates' detail names the environment only when it is known: a
// bare "Unknown" between the kind and the CVR says nothing (walk W10).
func TestCertificateCardNamesOnlyAKnownEnvironment(t *testing.T) {
	for env, want := range map[string]string{register.Production: "Production", register.Test: "Test only", "": ""} {
		c := certAt(1, "Firma ApS", "u", env, 100*certDay)
		f, _, _ := newCertTestFrame(t, "en", c)
		v := newCertificatesView(f)
		var line string
		for _, s := range certTexts(v.card([]register.Certificate{c}, c, certNow)) {
			if strings.Contains(s, "CVR") {
				line = s
			}
		}
		wantLine := "Organisation certificate · " + want + " · CVR 12345671"
		if want == "" {
			wantLine = "Organisation certificate · CVR 12345671"
		}
		if line != wantLine {
			t.Errorf("environment %q: the line is %q, want %q", env, line, wantLine)
		}
	}
}
