package ui

import (
	"context"
	"crypto/x509"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/zalando/go-keyring"
	pkcs12 "software.sslmate.com/src/go-pkcs12"

	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/renewal"
	"github.com/fornyer/fornyer/core/safefile"
	"github.com/fornyer/fornyer/core/testpki"
	"github.com/fornyer/fornyer/core/vault"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
	"github.com/fornyer/fornyer/ui/words"
)

// checkFixture is a whole window on the test driver with an in-memory
// credential store, background work queued until wait() runs it, and the
// fake OCES chain of testpki trusted, as --trust-ca does on the command line.
type checkFixture struct {
	t     *testing.T
	f     *frame
	w     fyne.Window
	wait  func()
	chain *testpki.Chain
}

func newCheckFixture(t *testing.T, language string) *checkFixture {
	t.Helper()
	return newCheckFixtureWith(t, language, testDeps())
}

// newCheckFixtureWith is newCheckFixture with the deps given.
// saveOnThePasswordCard saves password as a user does on the guide's
// password card: typed in its field, then "Save password".
func (x *checkFixture) saveOnThePasswordCard(t *testing.T, password string) {
	t.Helper()
	g := x.f.guide
	g.progress.Current = "password"
	x.f.tabs.SelectIndex(guideTab)
	g.show()
	card := x.f.tabs.Items[guideTab].Content
	test.Type(findEntry(t, card), password)
	test.Tap(findButton(t, card, "Save password"))
	x.wait()
	if !g.facts().PasswordSaved {
		t.Fatalf("the password card did not save: %q", texts(card))
	}
}

func newCheckFixtureWith(t *testing.T, language string, d *deps) *checkFixture {
	t.Helper()
	keyring.MockInit()
	wait := queueBackground(d)
	f, w := newTestFrameWith(t, language, d)
	chain := testpki.NewChain(t, false)
	roots := []*x509.Certificate{chain.Root.Cert}
	f.check.inspect = func(path string, o inspect.Options) *inspect.Report {
		o.ExtraTrusted = roots
		return inspect.InspectFile(path, o)
	}
	return &checkFixture{t: t, f: f, w: w, wait: wait, chain: chain}
}

// queueBackground makes background work wait until the returned func runs
// it on the test's goroutine (Fyne's test driver runs fyne.Do inline).
func queueBackground(d *deps) (wait func()) {
	var queue []func()
	d.background = func(work func()) { queue = append(queue, work) }
	return func() {
		for len(queue) > 0 {
			work := queue[0]
			queue = queue[1:]
			work()
		}
	}
}

func (x *checkFixture) file(name string, data []byte) string {
	return testpki.WriteFile(x.t, name, data)
}

func (x *checkFixture) drop(paths ...string) {
	var uris []fyne.URI
	for _, p := range paths {
		uris = append(uris, storage.NewFileURI(p))
	}
	x.f.dropped(fyne.NewPos(10, 10), uris)
	x.wait()
}

// dropNew drops a certificate of the fixture's organisation issued a
// minute ago, in a file called name that opens without a password.
func (x *checkFixture) dropNew(t *testing.T, name string) {
	t.Helper()
	leaf := x.chain.Issuing.Issue(t, testpki.LeafOptions{NotBefore: x.f.now().Add(-time.Minute)})
	x.drop(x.file(name, testpki.PFX(t, pkcs12.Modern, leaf, x.chain.CACerts(), "")))
}

// headlines are the big lines of the answers shown, in order.
func (x *checkFixture) headlines() []string {
	var out []string
	for _, a := range x.f.check.shown {
		out = append(out, a.headline.Text)
	}
	return out
}

func TestDropReadyFileOpensWithSavedPendingPasswordAndMovesIt(t *testing.T) {
	x := newCheckFixture(t, "en")
	leaf := x.chain.Organization(t)
	path := x.file("renewed.p12", testpki.OpenSSLPFX(t, leaf, x.chain.CACerts(), "Kodeord-æøå 42"))
	ctx := context.Background()
	if err := x.f.vault.Save(ctx, vault.PendingID("r1"), "renewal", "Kodeord-æøå 42"); err != nil {
		t.Fatal(err)
	}

	x.f.tabs.SelectIndex(guideTab)
	x.drop(path)

	if x.f.tabs.SelectedIndex() != checkTab {
		t.Error("a drop did not bring the Check tab forward")
	}
	if got := x.headlines(); len(got) != 1 || got[0] != "Ready to install in DPG" {
		t.Fatalf("headlines %q", got)
	}
	if !hasText(x.f.check.answers, "Fornyer Testfirma ApS") || !hasText(x.f.check.answers, "12345678") {
		t.Errorf("facts missing: %q", texts(x.f.check.answers))
	}
	if hasButton(x.f.check.answers, "Save the password on this computer") {
		t.Error("offers to save a password that is already saved")
	}
	sha := sha256Hex(leaf.Cert.Raw)
	c, ok := x.f.register.Get(sha)
	if !ok || !c.PasswordSaved || c.File == nil || c.File.Path != path {
		t.Errorf("register: %+v, %v", c, ok)
	}
	// The pending password now belongs to the certificate, and only there.
	if got, err := x.f.vault.Get(ctx, vault.CertificateID(sha)); err != nil || got != "Kodeord-æøå 42" {
		t.Errorf("certificate entry: %q, %v", got, err)
	}
	if _, err := x.f.vault.Get(ctx, vault.PendingID("r1")); err == nil {
		t.Error("the pending entry is still there")
	}
}

func TestDropExpiredFileSaysSoInRed(t *testing.T) {
	x := newCheckFixture(t, "da")
	leaf := x.chain.Issuing.Issue(t, testpki.LeafOptions{
		NotBefore: time.Now().AddDate(-3, 0, -10), NotAfter: time.Now().AddDate(0, 0, -10),
	})
	path := x.file("old.p12", testpki.PFX(t, pkcs12.Modern, leaf, x.chain.CACerts(), ""))
	x.drop(path)
	got := x.headlines()
	if len(got) != 1 || got[0] != "Certifikatet er udløbet" {
		t.Fatalf("headlines %q", got)
	}
	if x.f.check.shown[0].headline.Importance != widget.DangerImportance {
		t.Errorf("an expired certificate is not shown in the error colour")
	}
}

func TestDropWrongPasswordAsksAndRetriesWithoutDroppingAgain(t *testing.T) {
	x := newCheckFixture(t, "en")
	// Past the portal's cards, so no renewal asks about the file (Y14)
	// and its password is saved under the certificate.
	x.f.guide.progress.Current = "close"
	leaf := x.chain.Organization(t)
	path := x.file("renewed.p12", testpki.OpenSSLPFX(t, leaf, x.chain.CACerts(), "right one", "-certpbe", "NONE"))
	x.drop(path)

	if got := x.headlines(); len(got) != 1 || got[0] != "Type the certificate's password" {
		t.Fatalf("headlines %q", got)
	}
	// The certificate is readable before the password: say who it is for.
	if !hasText(x.f.check.answers, "The file is for Fornyer Testfirma ApS (CVR 12345678).") {
		t.Errorf("does not say who the file is for: %q", texts(x.f.check.answers))
	}
	entry := findEntry(t, x.f.check.answers)
	test.Type(entry, "wrong one")
	test.Tap(findButton(t, x.f.check.answers, "Open"))
	x.wait()
	if !hasText(x.f.check.answers, "That password does not open the file. Check capital and small letters and try again.") {
		t.Fatalf("no retry message: %q", texts(x.f.check.answers))
	}
	// W15: what was typed stays, selected (typing replaces it, an arrow
	// key keeps it to mend), and a second wrong try says it is the second.
	if entry.Text != "wrong one" || entry.SelectedText() != "wrong one" || entry.Disabled() {
		t.Errorf("the field after a wrong try holds %q, %q selected, disabled %v; want what was typed, selected", entry.Text, entry.SelectedText(), entry.Disabled())
	}
	test.Type(entry, "wrong two")
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	x.wait()
	if again := words.T("check.password.wrong_again", map[string]any{"Count": 2}); !hasText(x.f.check.answers, again) || entry.Text != "wrong two" {
		t.Fatalf("the second wrong try: %q, the field %q", texts(x.f.check.answers), entry.Text)
	}

	test.Type(entry, "right one")
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	x.wait()
	if got := x.headlines(); len(got) != 1 || got[0] != "Ready to install in DPG" {
		t.Fatalf("after the right password: %q", got)
	}
	// A typed password is not saved yet: offer it, and saving it works.
	test.Tap(findButton(t, x.f.check.answers, "Save the password on this computer"))
	x.wait()
	sha := sha256Hex(leaf.Cert.Raw)
	if got, err := x.f.vault.Get(context.Background(), vault.CertificateID(sha)); err != nil || got != "right one" {
		t.Errorf("saved %q, %v", got, err)
	}
	if c, _ := x.f.register.Get(sha); !c.PasswordSaved {
		t.Error("the register does not know the password is saved")
	}
}

// The password prompt says "none of the saved passwords" only when saved
// passwords were tried; with none saved it says plainly that the file has
// a password (F29).
func TestPasswordPromptSaysWhetherSavedPasswordsWereTried(t *testing.T) {
	const noneSaved = "Filen er beskyttet med en adgangskode."
	const noneOpens = "Ingen af de gemte adgangskoder åbner filen."
	for _, saved := range []bool{false, true} {
		x := newCheckFixture(t, "da")
		if saved {
			if err := x.f.vault.Save(context.Background(), vault.PendingID("r1"), "renewal", "en anden"); err != nil {
				t.Fatal(err)
			}
		}
		leaf := x.chain.Organization(t)
		x.drop(x.file("renewed.p12", testpki.OpenSSLPFX(t, leaf, x.chain.CACerts(), "den rigtige", "-certpbe", "NONE")))
		if got := x.headlines(); len(got) != 1 || got[0] != "Skriv certifikatets adgangskode" {
			t.Fatalf("saved %v: headlines %q", saved, got)
		}
		want, not := noneSaved, noneOpens
		if saved {
			want, not = noneOpens, noneSaved
		}
		if !anyTextContains(x.f.check.answers, want) || anyTextContains(x.f.check.answers, not) {
			t.Errorf("saved %v: want %q; texts %q", saved, want, texts(x.f.check.answers))
		}
	}
}

func TestDropSeveralFilesChecksEachInTurn(t *testing.T) {
	x := newCheckFixture(t, "en")
	leaf := x.chain.Organization(t)
	good := x.file("good.p12", testpki.PFX(t, pkcs12.Modern, leaf, x.chain.CACerts(), ""))
	junk := x.file("notes.txt", []byte("Husk at forny certifikatet"))
	x.drop(good, junk, t.TempDir())
	got := x.headlines()
	// The good file has no password: ready, with that warning under it.
	want := []string{"Ready to install in DPG, but note the following", "This is not a certificate file", "That is a folder, not a file"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("headlines %q, want %q", got, want)
	}
}

func TestDropNothingUsableChangesNothing(t *testing.T) {
	x := newCheckFixture(t, "en")
	x.f.tabs.SelectIndex(settingsTab)
	web, err := storage.ParseURI("https://example.invalid/x.p12")
	if err != nil {
		t.Fatal(err)
	}
	x.f.dropped(fyne.NewPos(0, 0), []fyne.URI{web})
	if x.f.tabs.SelectedIndex() != settingsTab || len(x.headlines()) != 0 {
		t.Error("a drop with no file changed the window")
	}
}

func TestDroppedFileIsNeverModified(t *testing.T) {
	x := newCheckFixture(t, "en")
	leaf := x.chain.Organization(t)
	data := testpki.PFX(t, pkcs12.LegacyDES, leaf, x.chain.CACerts(), "")
	path := x.file("renewed.p12", data)
	before, _ := os.Stat(path)
	x.drop(path)
	after, _ := os.Stat(path)
	got, _ := os.ReadFile(path)
	if string(got) != string(data) || !after.ModTime().Equal(before.ModTime()) {
		t.Error("checking the file changed it")
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
		t.Errorf("checking left files beside it: %v", entries)
	}
}

func sha256Hex(der []byte) string { return safefile.SHA256(der) }

func TestASecondDropReplacesAFirstStillRunning(t *testing.T) {
	x := newCheckFixture(t, "en")
	leaf := x.chain.Organization(t)
	first := x.file("first.p12", testpki.PFX(t, pkcs12.Modern, leaf, x.chain.CACerts(), ""))
	second := x.file("notes.txt", []byte("ikke et certifikat"))
	x.f.dropped(fyne.NewPos(1, 1), []fyne.URI{storage.NewFileURI(first)}) // queued, not run yet
	x.drop(second)                                                        // runs both runs
	if got := x.headlines(); len(got) != 1 || got[0] != "This is not a certificate file" {
		t.Errorf("answers after two drops: %q", got)
	}
}

// The renewed certificate is known; its predecessor, checked again, is
// ready as a file but is said to be older, with the date of the one that
// replaced it, and never "renew it in good time".
func TestAnOlderCertificateIsNotCalledReady(t *testing.T) {
	x := newCheckFixture(t, "en")
	leaf := x.chain.Organization(t)
	path := x.file("previous.p12", testpki.OpenSSLPFX(t, leaf, x.chain.CACerts(), ""))
	x.drop(path)
	if got := x.headlines(); len(got) != 1 || got[0] != "Ready to install in DPG, but note the following" { // no password
		t.Fatalf("first check: %q", got)
	}
	cert := x.f.check.shown[0].report.Certificate
	newer := register.Certificate{
		SHA256: strings.Repeat("ab", 32), Organization: cert.Organization, CVR: cert.CVR, UUID: cert.UUID,
		Serial: cert.Serial + "1", NotBefore: cert.NotBefore, NotAfter: cert.NotAfter.AddDate(3, 0, 0),
	}
	if err := x.f.register.Upsert(newer); err != nil {
		t.Fatal(err)
	}
	x.drop(path)
	if got := x.headlines(); len(got) != 1 || got[0] != "An older certificate: do not install it" {
		t.Fatalf("headlines %q", got)
	}
	if !strings.Contains(strings.Join(texts(x.f.check.answers), "\n"), "valid until "+msg.Date("en", newer.NotAfter.Local())) {
		t.Errorf("the newer certificate's date is not named: %q", texts(x.f.check.answers))
	}
	if hasText(x.f.check.answers, "Compared with your previous certificate") {
		t.Errorf("an older certificate is compared as if it were new: %q", texts(x.f.check.answers))
	}
}

// The Check tab offers "Mark as installed in DPG" for a ready file the
// register learns; the dialog keeps core's name rule (no empty name), and
// once recorded the answer drawn again says so and offers it no more.
func TestTheAnswerKnowsItIsInstalledInDPG(t *testing.T) {
	x := newCheckFixture(t, "en")
	leaf := x.chain.Organization(t)
	x.drop(x.file("renewed.p12", testpki.OpenSSLPFX(t, leaf, x.chain.CACerts(), "")))
	x.wait() // the record
	sha := x.f.check.shown[0].report.Certificate.SHA256
	test.Tap(findButton(t, x.f.check.answers, "Mark as installed in DPG"))
	who := x.w.Canvas().Focused() // the dialog's name field
	if who == nil {
		t.Fatal("the dialog's name field has no focus")
	}
	tapOverlayButton(t, x.w, "Record") // no name yet: refused
	x.wait()
	if c, _ := x.f.register.Get(sha); c.DPG != nil {
		t.Fatalf("recorded without a name: %+v", c.DPG)
	}
	test.Type(who, " Anne  Hansen ")
	tapOverlayButton(t, x.w, "Record")
	x.wait()
	if got := x.headlines(); len(got) != 1 || got[0] != "Already installed in DPG" {
		t.Fatalf("headlines %q", got)
	}
	if hasButton(x.f.check.answers, "Mark as installed in DPG") || !anyTextContains(x.f.check.answers, "(by Anne Hansen)") {
		t.Errorf("texts %q", texts(x.f.check.answers))
	}
}

// X24: the answer shown follows the register, whichever screen changed
// it: DPG recorded on card 19 (or in My certificates) turns "Ready to
// install in DPG" into "Already installed in DPG" without a new check,
// and a change that says nothing new leaves the answer's widgets as they
// were.
func TestTheAnswerShownFollowsTheRegister(t *testing.T) {
	x := newCheckFixture(t, "en")
	leaf := x.chain.Organization(t)
	x.drop(x.file("renewed.p12", testpki.OpenSSLPFX(t, leaf, x.chain.CACerts(), "")))
	x.wait() // the record
	a := x.f.check.shown[0]
	sha := a.report.Certificate.SHA256
	if got := x.headlines(); len(got) != 1 || !strings.HasPrefix(got[0], "Ready to install in DPG") {
		t.Fatalf("first: %q", got)
	}
	drawn := a.headline
	if err := x.f.register.RecordReceipt(sha, register.Receipt{Path: "/home/anne/receipt.pdf", At: time.Now()}); err != nil {
		t.Fatal(err)
	}
	if a.headline != drawn {
		t.Error("a change that says nothing new drew the answer again")
	}
	// Z6: a backup made (here or from the guide) is said where the
	// backup was offered: when and where, and another one, plain.
	if err := x.f.register.RecordBackup(sha, register.FileRef{Path: "/media/stick/x.p12", VerifiedAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	if !anyTextContains(x.f.check.answers, "/media/stick/x.p12") || hasButton(x.f.check.answers, "Make a backup…") {
		t.Errorf("backed up, the answer says %q", texts(x.f.check.answers))
	}
	if b := findButton(t, x.f.check.answers, "Make another backup…"); b.Importance != widget.LowImportance {
		t.Errorf("another backup is a main action (%v)", b.Importance)
	}
	if err := x.f.register.RecordDPGInstalled(sha, "Mette Prøvesen", time.Now()); err != nil {
		t.Fatal(err)
	}
	if got := x.headlines(); len(got) != 1 || got[0] != "Already installed in DPG" {
		t.Fatalf("after DPG was recorded elsewhere: %q", got)
	}
	if hasButton(x.f.check.answers, "Mark as installed in DPG") || !anyTextContains(x.f.check.answers, "(by Mette Prøvesen)") {
		t.Errorf("texts %q", texts(x.f.check.answers))
	}
}

// The password saved on the Check tab, and the answer then drawn again
// with the facts (the register learnt it is saved): the answer offers no
// Save, and still says "Saved in your keyring" where the Save was (CI:
// e2e TestATypoOnThePasswordCard lost it after X24).
func TestSavedIsStillSaidWhenTheAnswerIsDrawnAgain(t *testing.T) {
	x := newCheckFixture(t, "en")
	leaf := x.chain.Organization(t)
	x.drop(x.file("renewed.p12", testpki.OpenSSLPFX(t, leaf, x.chain.CACerts(), "Kode-1")))
	test.Type(findEntry(t, x.f.check.answers), "Kode-1")
	test.Tap(findButton(t, x.f.check.answers, words.T("check.password.open")))
	x.wait()
	test.Tap(findButton(t, x.f.check.answers, words.T("check.action.save_password")))
	x.wait()
	saved := x.f.vaultText("vault.saved", nil)
	a := x.f.check.shown[0]
	a.draw() // as factsChanged draws it when the facts changed what it says
	if a.answer.Offers(renewal.ActionSavePassword) {
		t.Fatalf("still offers Save: %v", a.answer.Actions)
	}
	if !anyTextContains(x.f.check.answers, saved) {
		t.Errorf("drawn again, the answer no longer says %q: %q", saved, texts(x.f.check.answers))
	}
}

// Z6: Save pressed by keyboard on the Check tab: the keyboard goes on to
// the next action, and stays on one when the answer is drawn again with
// the facts, instead of nowhere (Tab started from the window's top).
func TestTheKeyboardGoesOnAfterSaveOnTheCheckTab(t *testing.T) {
	x := newCheckFixture(t, "en")
	c := x.w.Canvas()
	leaf := x.chain.Organization(t)
	x.drop(x.file("renewed.p12", testpki.OpenSSLPFX(t, leaf, x.chain.CACerts(), "Kode-1")))
	test.Type(findEntry(t, x.f.check.answers), "Kode-1")
	test.Tap(findButton(t, x.f.check.answers, words.T("check.password.open")))
	x.wait()
	x.f.tabs.SelectIndex(checkTab)
	var save *uiwidget.Button
	for _, b := range findAll[*uiwidget.Button](x.f.check.answers) {
		if b.Text == words.T("check.action.save_password") {
			save = b
		}
	}
	if save == nil {
		t.Fatal("no Save")
	}
	c.Focus(save)
	save.TypedRune(' ')
	x.wait()
	on := func() string {
		b, ok := c.Focused().(*uiwidget.Button)
		if !ok || !b.Visible() {
			return ""
		}
		return b.Text
	}
	if got := on(); got == "" || got == save.Text {
		t.Fatalf("after Save the keyboard is on %T %v", c.Focused(), c.Focused())
	}
	a := x.f.check.shown[0]
	a.draw() // as factsChanged draws it when the facts changed what it says
	if got := on(); got == "" || !hasButton(x.f.check.answers, got) {
		t.Errorf("drawn again, the keyboard is on %T %q", c.Focused(), got)
	}
}

// X12: a file opened ("Open with") while an earlier hand-over's answers
// are shown is added to them at the top, where the window shows it: added
// below, it was out of sight and the window seemed not to react.
func TestAFileHandedOverLaterIsShownFirst(t *testing.T) {
	x := newCheckFixture(t, "en")
	first := x.file("certifikat.p12", []byte("not a certificate"))
	later := x.file("beskadiget.p12", []byte("damaged too"))
	more := make(chan []string, 2)
	more <- []string{first}
	more <- []string{later}
	close(more)
	x.f.checkHandedOver(more)
	x.wait()
	var order []string
	for _, a := range x.f.check.shown {
		order = append(order, filepath.Base(a.path))
	}
	if len(order) != 2 || order[0] != "beskadiget.p12" {
		t.Errorf("the answers are in the order %q, want the later file first", order)
	}
}

// Review S12: a Save that ends after the user answered the question keeps
// the answer the user gave: the Save is at work (queued, as a locked
// keyring holds it), Yes or No is pressed meanwhile, and when the Save
// ends the answer is still the one given, saved, not the question again.
// Review T9: the password, saved as the renewal's pending one while
// asked, then ends under the file's certificate either way: after a No it
// is not left as the renewal's password.
func TestASaveEndingAfterTheAnswerKeepsIt(t *testing.T) {
	for _, yes := range []bool{true, false} {
		x := newCheckFixture(t, "en")
		x.f.guide.progress.Current = "download"
		x.f.guide.progress.StartedAt = time.Now().Add(-time.Hour)
		leaf := x.chain.Issuing.Issue(t, testpki.LeafOptions{NotBefore: time.Now().Add(-time.Minute)})
		x.drop(x.file("new.p12", testpki.OpenSSLPFX(t, leaf, x.chain.CACerts(), "pw")))
		test.Type(findEntry(t, x.f.check.answers), "pw")
		test.Tap(findButton(t, x.f.check.answers, "Open"))
		x.wait()
		a := x.f.check.shown[0]
		if a.answer.Question != renewal.QuestionAsk || !a.answer.Offers(renewal.ActionSavePassword) {
			t.Fatalf("asks %q, offers %v", a.answer.Question, a.answer.Actions)
		}
		// The work started from here on is held, each to be let run alone.
		var held []func()
		x.f.background = func(work func()) { held = append(held, work) }
		test.Tap(findButton(t, x.f.check.answers, words.T("check.action.save_password")))
		if len(held) != 1 {
			t.Fatalf("the Save started %d pieces of work", len(held))
		}
		save := held[0]
		held = held[1:]
		button, question := "renewal.ask.no", renewal.QuestionDeclined
		if yes {
			button, question = "renewal.ask.yes", renewal.QuestionNone
		}
		test.Tap(findButton(t, x.f.check.answers, words.T(button)))
		kind := a.answer.Outcome.Kind
		if a.answer.Question != question || x.f.guide.progress.FileChecked() != yes {
			t.Fatalf("yes=%v: after the answer: %s, asks %q", yes, kind, a.answer.Question)
		}
		// The Save ends, before anything else (the list read again, the
		// record of the answer) has run.
		save()
		if a.answer.Outcome.Kind != kind || a.answer.Question != question {
			t.Errorf("yes=%v: after the Save ended: %s, asks %q (after the answer: %s)", yes, a.answer.Outcome.Kind, a.answer.Question, kind)
		}
		if !a.answer.PasswordSaved || a.answer.Offers(renewal.ActionSavePassword) {
			t.Errorf("yes=%v: after the Save ended: saved %v, offers %v", yes, a.answer.PasswordSaved, a.answer.Actions)
		}
		if x.f.guide.progress.FileChecked() != yes {
			t.Errorf("yes=%v: the guide's file changed", yes)
		}
		for len(held) > 0 { // what the answer and the Save started
			work := held[0]
			held = held[1:]
			work()
		}
		// Saved as the renewal's pending password while the question was
		// open, it ends under the file's certificate.
		list, err := x.f.vault.List(context.Background())
		if sha := a.report.Certificate.SHA256; err != nil || len(list) != 1 || list[0].ID != vault.CertificateID(sha) {
			t.Errorf("yes=%v: the store lists %+v, %v", yes, list, err)
		}
	}
}
