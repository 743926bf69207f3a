package ui

import (
	"errors"
	"flag"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/receipt"
	"github.com/fornyer/fornyer/core/register"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
	"github.com/fornyer/fornyer/ui/words"
)

var receiptShots = flag.String("receipt-shots", "", "save pictures of the receipt dialog in this folder")

func receiptTestData() receipt.Data {
	at := time.Date(2026, 11, 24, 21, 30, 0, 0, time.Local)
	return receipt.Data{
		Organization: "Æblegrød ApS", CVR: "12345678", CommonName: "Æblegrød ApS",
		Serial: "5e1f0c2a9b7d", UUID: "8a4c1f3e-2b6d-4e9a-9c7f-1d2e3f4a5b6c", Environment: "production",
		SHA256:    strings.Repeat("ab", 32),
		NotBefore: at, NotAfter: at.AddDate(3, 0, 0), RenewedAt: at,
		Steps:         []receipt.Step{{Title: "Log in", DoneAt: at}},
		PasswordSaved: true,
	}
}

// newTestReceiptPanel is the dialog's content on the test driver, writing
// into a fresh folder and recording what it opens instead of opening it.
func newTestReceiptPanel(t *testing.T, language string) (*receiptPanel, *[]string) {
	t.Helper()
	f, w := newTestFrame(t, language)
	f.prefs.Language = language // as chosen in settings: the documents follow it
	p := newReceiptPanel(f, receiptTestData())
	var opened []string
	f.open = func(_ uiwidget.Target, path string) error { opened = append(opened, path); return nil }
	p.setFolder(t.TempDir())
	w.SetContent(p.Content)
	return p, &opened
}

func waitReceipt(t *testing.T, p *receiptPanel) {
	t.Helper()
	if p.finished == nil {
		t.Fatal("nothing was started")
	}
	<-p.finished // a hang is the test binary's time-out, with every goroutine's stack
}

func TestReceiptDialogWritesAndOpens(t *testing.T) {
	for _, tc := range []struct{ lang, saved, title string }{
		{"en", "Receipt saved", "Certificate renewal receipt"},
		{"da", "Kvitteringen er gemt", "Kvittering for fornyet certifikat"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			p, opened := newTestReceiptPanel(t, tc.lang)
			test.Type(p.by, "Søren Ørsted")
			test.Type(p.email, "post@aeblegroed.dk")
			test.Tap(p.create)
			waitReceipt(t, p)

			data := receiptTestData()
			data.Lang = tc.lang
			want := filepath.Join(p.folder, receipt.FileName(data))
			if p.last != want {
				t.Fatalf("written to %q, want %q (%s)", p.last, want, p.where.Text)
			}
			if len(*opened) != 1 || (*opened)[0] != want {
				t.Errorf("opened %q, want the receipt", *opened)
			}
			if p.outcome.Text != tc.saved || p.path.Text != uiwidget.Breakable(want) {
				t.Errorf("result %q / %q", p.outcome.Text, p.where.Text)
			}
			if p.where.Text != msg.T(tc.lang, "receipt.ui.saved.where", nil) {
				t.Errorf("says %q after the viewer opened it", p.where.Text)
			}
			if text := receiptPDFText(t, want); text != "" {
				for _, s := range []string{tc.title, "Søren Ørsted", "post@aeblegroed.dk", "Æblegrød ApS"} {
					if !strings.Contains(text, s) {
						t.Errorf("the receipt lacks %q", s)
					}
				}
			}

			// Again: a second file, the first untouched.
			first, _ := os.ReadFile(want)
			test.Tap(p.create)
			waitReceipt(t, p)
			if second := strings.TrimSuffix(want, ".pdf") + " (2).pdf"; p.last != second {
				t.Errorf("second receipt at %q, want %q", p.last, second)
			}
			if again, _ := os.ReadFile(want); string(again) != string(first) {
				t.Error("the first receipt was overwritten")
			}
			saveReceiptShot(t, p, "saved-"+tc.lang)

			// Beside Done, the way back to the form says what it is for.
			change := findButton(t, p.saved, msg.T(tc.lang, "receipt.ui.change", nil))
			for _, b := range buttonsIn(p.saved) {
				if b.Text == msg.T(tc.lang, "guide.back", nil) {
					t.Errorf("a button beside Done is called %q: back to what?", b.Text)
				}
			}
			test.Tap(change)
			if !p.form.Visible() {
				t.Errorf("%q did not show the form again", change.Text)
			}
		})
	}
}

// When no program opens the PDF, the dialog says so and points at the
// folder, rather than claiming it opened; the receipt is recorded in the
// register either way.
func TestReceiptDialogSaysWhenNothingOpened(t *testing.T) {
	p, _ := newTestReceiptPanel(t, "en")
	p.f.open = func(uiwidget.Target, string) error { return errors.New("xdg-open: no program") }
	var recorded, names, emails []string
	p.record = func(r register.Receipt) {
		recorded, names, emails = append(recorded, r.Path), append(names, r.By), append(emails, r.Email)
	}
	test.Type(p.by, "  Mette Prøvesen ")
	test.Type(p.email, "sikkerpost@firma.dk")
	test.Tap(p.create)
	waitReceipt(t, p)
	if p.last == "" {
		t.Fatalf("nothing written: %s", p.where.Text)
	}
	if want := msg.T("en", "receipt.ui.not_opened", nil); p.where.Text != want {
		t.Errorf("says %q, want %q", p.where.Text, want)
	}
	if !p.saved.Visible() {
		t.Error("Show folder is not offered")
	}
	if len(recorded) != 1 || recorded[0] != p.last {
		t.Errorf("recorded %q, want the receipt %q", recorded, p.last)
	}
	// The name, as core's name rule cleans it, goes with the receipt (the
	// DPG card offers it for the installation).
	if len(names) != 1 || names[0] != "Mette Prøvesen" {
		t.Errorf("recorded the name %q", names)
	}
	// The DPG e-mail too: the next receipt offers it again.
	if len(emails) != 1 || emails[0] != "sikkerpost@firma.dk" {
		t.Errorf("recorded the e-mail %q", emails)
	}
}

func TestReceiptDialogRefusesABadEmail(t *testing.T) {
	p, opened := newTestReceiptPanel(t, "en")
	test.Type(p.email, "not an address")
	saveReceiptShot(t, p, "form-en")
	test.Tap(p.create)
	if !p.hint.Visible() || !strings.Contains(p.hint.Text, "e-mail") {
		t.Errorf("hint %q visible %v", p.hint.Text, p.hint.Visible())
	}
	if p.finished != nil || len(*opened) != 0 {
		t.Error("a receipt was started with a bad e-mail address")
	}
	if entries, _ := os.ReadDir(p.folder); len(entries) != 0 {
		t.Errorf("the folder holds %d files", len(entries))
	}
}

func TestReceiptDialogReportsAFailedWrite(t *testing.T) {
	p, opened := newTestReceiptPanel(t, "da")
	p.setFolder(filepath.Join(t.TempDir(), "fjernet-usb"))
	test.Tap(p.create)
	waitReceipt(t, p)
	if p.outcome.Text != "Filen kunne ikke gemmes" || !p.failed.Visible() || p.saved.Visible() {
		t.Errorf("result %q, failed %v, saved %v", p.outcome.Text, p.failed.Visible(), p.saved.Visible())
	}
	if len(*opened) != 0 || p.last != "" {
		t.Errorf("opened %q after a failure", *opened)
	}
	saveReceiptShot(t, p, "failed-da")
}

func TestReceiptDialogSavesTheChecklist(t *testing.T) {
	p, opened := newTestReceiptPanel(t, "da")
	p.begin(true)
	waitReceipt(t, p)
	want := filepath.Join(p.folder, receipt.ChecklistFileName("da"))
	if p.last != want || len(*opened) != 1 || (*opened)[0] != want {
		t.Fatalf("checklist at %q, opened %q, want %q (%s)", p.last, *opened, want, p.where.Text)
	}
	if p.outcome.Text != "Tjeklisten er gemt" {
		t.Errorf("outcome %q", p.outcome.Text)
	}
	if text := receiptPDFText(t, want); text != "" && !strings.Contains(text, "Tjekliste") {
		t.Errorf("the checklist lacks its title: %s", text)
	}
	if pages := receiptPDFPages(t, want); pages > 2 {
		t.Errorf("the guide's checklist has %d pages, want one or two", pages)
	}
}

func TestReceiptDialogDefaultsToDocuments(t *testing.T) {
	home := t.TempDir()
	docs := filepath.Join(home, "Documents")
	if err := os.Mkdir(docs, 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, "none"))
	t.Setenv("XDG_DOCUMENTS_DIR", "")
	f, _ := newTestFrame(t, "en")
	p := newReceiptPanel(f, receiptTestData())
	if p.folder != receipt.DocumentsDir() || !strings.Contains(p.folderLabel.Text, uiwidget.Breakable(p.folder)) {
		t.Errorf("default folder %q (%q), want Documents %q", p.folder, p.folderLabel.Text, receipt.DocumentsDir())
	}
}

func TestShowReceiptOpensADialog(t *testing.T) {
	f, w := newTestFrame(t, "en")
	showReceipt(f, receiptTestData())
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("no dialog")
	}
}

func receiptPDFText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		return ""
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

func receiptPDFPages(t *testing.T, path string) int {
	t.Helper()
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		return 0
	}
	out, _ := exec.Command("pdfinfo", path).Output()
	for _, line := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(line, "Pages:"); ok {
			var n int
			for _, c := range strings.TrimSpace(v) {
				n = n*10 + int(c-'0')
			}
			return n
		}
	}
	return 0
}

// saveReceiptShot saves a picture of the panel with -receipt-shots DIR.
func saveReceiptShot(t *testing.T, p *receiptPanel, name string) {
	if *receiptShots == "" {
		return
	}
	w := test.NewTempWindow(t, p.Content)
	w.Resize(companionSize)
	f, err := os.Create(filepath.Join(*receiptShots, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, w.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}

// The name the guide's DPG card recorded is proposed as who renewed it, so
// the user is not asked twice; the field stays free to change (F14).
func TestReceiptDialogProposesTheDPGInstaller(t *testing.T) {
	f, w := newTestFrame(t, "da")
	r := goldenReport("da", "ready")
	r.Certificate.SHA256 = strings.Repeat("ab", 32)
	f.guide.progress.FileSHA256 = r.Certificate.SHA256
	if err := f.register.Upsert(register.Certificate{SHA256: r.Certificate.SHA256, Organization: "Firma", NotAfter: time.Now().AddDate(3, 0, 0)}); err != nil {
		t.Fatal(err)
	}
	if err := recordDPGInstalled(f, r.Certificate.SHA256, "Jørgen Ærø-Åkesen"); err != nil {
		t.Fatal(err)
	}
	f.showReceiptFor(r, false)
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog")
	}
	by := findEntry(t, top)
	if by.Text != "Jørgen Ærø-Åkesen" || by.Disabled() {
		t.Errorf("who renewed it: %q (disabled %v), want the DPG installer's name", by.Text, by.Disabled())
	}
}

// W5: the receipt dialog opens with the keyboard in its first empty field
// (typing went nowhere), and Enter in a field makes the receipt, as the
// blue button does (it was four Tabs away).
func TestReceiptDialogByKeyboard(t *testing.T) {
	f, w := newTestFrame(t, "en")
	c := w.Canvas()
	data := receiptTestData()
	showReceipt(f, data)
	e, ok := c.Focused().(*uiwidget.Entry)
	if !ok || e.PlaceHolder != words.T("receipt.ui.by.placeholder") {
		t.Fatalf("the dialog opened with %T focused, not the name field", c.Focused())
	}
	uiwidget.Escape(w)
	data.RenewedBy = "Mette Prøvesen" // remembered from last time
	showReceipt(f, data)
	if e, ok = c.Focused().(*uiwidget.Entry); !ok || e.PlaceHolder != words.T("receipt.ui.email.placeholder") {
		t.Fatalf("with the name known the dialog opened with %T focused, not the e-mail field", c.Focused())
	}
	uiwidget.Escape(w)

	p, _ := newTestReceiptPanel(t, "en")
	made := 0
	p.makeReceipt = func(receipt.Data) ([]byte, error) { made++; return nil, errors.New("stop here") }
	p.email.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	waitReceipt(t, p)
	if made != 1 {
		t.Errorf("Enter in the e-mail field made %d receipts", made)
	}
}

// X6: "Done" on the made receipt closes onto the card's next step (its
// Done), not onto the button that opened the dialog, which the next Enter
// pressed again (a second receipt). Closed unmade, it gives the keyboard
// back to that button.
func TestReceiptDoneGoesOnToTheNextStep(t *testing.T) {
	f, w := newTestFrame(t, "en")
	g := f.guide
	c := w.Canvas()
	goTo(g, "login")
	opener := uiButton(t, g, words.T("guide.link.portal"))
	show := func() *receiptPanel {
		c.Focus(opener)
		p := newReceiptPanel(f, receiptTestData())
		uiwidget.ShowPanel(w, words.T("receipt.ui.title"), p.Panel, nil)
		return p
	}
	p := show()
	test.Tap(findButton(t, p.Content, words.T("receipt.ui.close")))
	if c.Focused() != fyne.Focusable(opener) {
		t.Errorf("closed unmade, the keyboard is on %T, not the button that opened it", c.Focused())
	}
	p = show()
	p.Show(p.result)
	test.Tap(p.done)
	if c.Overlays().Top() != nil || c.Focused() != fyne.Focusable(g.done) {
		t.Errorf("after Done the keyboard is on %T, not the card's Done", c.Focused())
	}
}

// X13: the saved receipt's page is whole in its dialog, also once the
// sentence about opening it grows ("It could not be opened here: …"): the
// dialog was sized for the shorter sentence and scrolled Done away.
func TestReceiptSavedPageFitsItsDialog(t *testing.T) {
	d := testDeps()
	work := queueBackground(d) // the viewer answers after the page is shown, as it does
	f, w := newTestFrameWith(t, "da", d)
	f.prefs.Language = "da"
	f.open = func(uiwidget.Target, string) error { return errors.New("no viewer") }
	p := newReceiptPanel(f, receiptTestData())
	p.setFolder(t.TempDir())
	uiwidget.ShowPanel(w, words.T("receipt.ui.title"), p.Panel, nil)
	test.Tap(p.create)
	work()
	waitReceipt(t, p)
	scrolls := findAll[*container.Scroll](w.Canvas().Overlays().Top())
	if len(scrolls) != 1 {
		t.Fatalf("%d scrolling pages in the dialog", len(scrolls))
	}
	for _, s := range scrolls {
		if need, got := s.Content.MinSize().Height, s.Size().Height; need > got+0.5 {
			t.Errorf("the saved page needs %.0f and its dialog shows %.0f: %q", need, got, p.where.Text)
		}
	}
	p.Close()
}
