package ui

import (
	"context"
	"log"
	"os"
	"strings"
	"testing"
	"time"

	pkcs12 "software.sslmate.com/src/go-pkcs12"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/testpki"
	"github.com/fornyer/fornyer/core/vault"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
	"github.com/fornyer/fornyer/ui/words"
)

// comparisonTitle is the bold line of the comparison card of the first
// answer, or "".
func (x *checkFixture) comparisonTitle() string {
	for _, s := range texts(x.f.check.answers) {
		for _, outcome := range []string{"renewal", "same_certificate", "other_organization", "not_later", "new_identity"} {
			if s == inspectTitle(words.Language(), outcome) {
				return outcome
			}
		}
	}
	return ""
}

func inspectTitle(l, outcome string) string {
	return msg.T(l, "inspect.compare."+outcome+".title", nil)
}

func TestRenewedFileIsComparedWithThePreviousCertificate(t *testing.T) {
	x := newCheckFixture(t, "en")
	now := time.Now()
	old := x.chain.Issuing.Issue(t, testpki.LeafOptions{NotBefore: now.AddDate(-3, 0, 20), NotAfter: now.AddDate(0, 0, 20)})
	renewed := x.chain.Issuing.Issue(t, testpki.LeafOptions{Key: testpki.Key(t, 2048, 3)})
	x.drop(x.file("old.p12", testpki.PFX(t, pkcs12.Modern, old, x.chain.CACerts(), "")))
	if got := x.comparisonTitle(); got != "" {
		t.Errorf("first certificate compared as %q", got)
	}
	x.drop(x.file("new.p12", testpki.PFX(t, pkcs12.Modern, renewed, x.chain.CACerts(), "")))
	if got := x.comparisonTitle(); got != "renewal" {
		t.Errorf("renewed certificate compared as %q", got)
	}
	// And the old one dropped again after the new is known: its headline
	// says it is older, and it is not compared as if it were new.
	x.drop(x.file("old-again.p12", testpki.PFX(t, pkcs12.Modern, old, x.chain.CACerts(), "")))
	if got := x.headlines(); len(got) != 1 || got[0] != msg.T("en", "renewal.older.title", nil) {
		t.Errorf("old certificate after the renewal: %q", got)
	}
	if got := x.comparisonTitle(); got != "" {
		t.Errorf("old certificate after the renewal compared as %q", got)
	}
}

// A file nothing in the register says it renews (here one issued a year
// before the renewal began) is neither passed nor refused by a clock: the
// user is asked "Is this the file you just downloaded?", and the answer is
// kept. The renewal of a certificate the register knows passes by itself.
func TestDownloadStepAsksWhenItCannotTellAndKeepsTheAnswer(t *testing.T) {
	x := newCheckFixture(t, "en")
	now := time.Now()
	g := x.f.guide
	g.progress.Current = "download"
	g.progress.StartedAt = now.Add(-time.Hour)
	old := x.chain.Issuing.Issue(t, testpki.LeafOptions{NotBefore: now.AddDate(-1, 0, 0), NotAfter: now.AddDate(2, 0, 0)})
	oldFile := x.file("old.p12", testpki.PFX(t, pkcs12.Modern, old, x.chain.CACerts(), ""))
	x.drop(oldFile)
	if !hasButton(x.f.check.answers, "Yes, I just downloaded it") {
		t.Fatalf("not asked: %q", texts(x.f.check.answers))
	}
	if g.progress.FileChecked() {
		t.Error("the file passed the download step before the answer")
	}
	test.Tap(findButton(t, x.f.check.answers, "No, it is another file"))
	x.wait()
	if yes, answered := g.progress.Answer(sha256Hex(old.Cert.Raw)); !answered || yes || g.progress.FileChecked() {
		t.Errorf("the no was not kept: %+v", g.progress)
	}
	x.drop(oldFile)
	if hasButton(x.f.check.answers, "No, it is another file") {
		t.Error("asked again after the answer")
	}
	// A no by mistake is taken back: the guide takes the file and comes
	// forward, as the question promised.
	test.Tap(findButton(t, x.f.check.answers, "It is the file after all"))
	x.wait()
	if !g.progress.FileChecked() || g.progress.FileSHA256 != sha256Hex(old.Cert.Raw) {
		t.Errorf("the changed answer did not do the download step: %+v", g.progress)
	}
	if x.f.tabs.SelectedIndex() != guideTab {
		t.Error("after the yes the guide did not come forward")
	}
	g.progress.FileSHA256 = ""
	g.progress.SetAnswer(sha256Hex(old.Cert.Raw), false)

	fresh := x.chain.Issuing.Issue(t, testpki.LeafOptions{Key: testpki.Key(t, 2048, 3), NotBefore: now.Add(-30 * time.Hour)})
	x.drop(x.file("new.p12", testpki.PFX(t, pkcs12.Modern, fresh, x.chain.CACerts(), "")))
	if got := x.comparisonTitle(); got != "renewal" {
		t.Errorf("the renewal (downloaded yesterday) compared as %q", got)
	}
	if !g.progress.FileChecked() || g.progress.FileSHA256 != sha256Hex(fresh.Cert.Raw) {
		t.Errorf("the guide was not told the renewed file is checked: %+v", g.progress)
	}
}

// A fact changed on one screen is read back on the others: "Mark
// installed" on My certificates is the guide's DPG tick, and the password
// saved for the renewed certificate on the Check screen is the guide's.
func TestAFactChangedOnOneScreenShowsOnTheOthers(t *testing.T) {
	x := newCheckFixture(t, "en")
	g := x.f.guide
	g.progress.Current = "download"
	g.progress.StartedAt = time.Now().Add(-time.Hour)
	leaf := x.chain.Organization(t)
	x.drop(x.file("renewed.p12", testpki.OpenSSLPFX(t, leaf, x.chain.CACerts(), "Kode-1")))
	test.Type(findEntry(t, x.f.check.answers), "Kode-1")
	test.Tap(findButton(t, x.f.check.answers, "Open"))
	x.wait()
	test.Tap(findButton(t, x.f.check.answers, "Yes, I just downloaded it"))
	x.wait()
	sha := sha256Hex(leaf.Cert.Raw)
	if !g.progress.FileChecked() || g.progress.FileSHA256 != sha {
		t.Fatalf("the answer did not do the download step: %+v", g.progress)
	}
	if g.facts().PasswordSaved {
		t.Fatal("the guide says a password is saved before any was")
	}

	// Saved on the Check screen: the register and the guide know it.
	test.Tap(findButton(t, x.f.check.answers, "Save the password on this computer"))
	x.wait()
	if c, _ := x.f.register.Get(sha); !c.PasswordSaved {
		t.Error("the register does not know the password is saved")
	}
	if !g.facts().PasswordSaved {
		t.Error("the guide does not know the password is saved")
	}

	// Installed in DPG, marked on My certificates: the guide's DPG step may
	// be done.
	if err := recordDPGInstalled(x.f, sha, "Søren"); err != nil {
		t.Fatal(err)
	}
	x.wait()
	dpg, _ := guide.ByID("dpg-verify")
	if f := g.facts(); f.DPGInstalledBy != "Søren" || g.progress.CanComplete(dpg, f) != nil {
		t.Errorf("the guide did not learn of the DPG installation: %+v", f)
	}

	// On the summary, a backup recorded (from its own button) shows at
	// once, without leaving the card.
	g.progress.Current = "summary"
	g.show()
	if hasText(g.scroll.Content, uiwidget.Breakable("/usb/renewed.p12")+" (verified on "+msg.Date("en", time.Now())+")") {
		t.Fatal("the summary lists a backup before there is one")
	}
	if err := x.f.register.RecordBackup(sha, register.FileRef{Path: "/usb/renewed.p12", SHA256: sha, VerifiedAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(texts(g.scroll.Content), "\n"), uiwidget.Breakable("/usb/renewed.p12")) {
		t.Errorf("the summary does not show the backup just recorded: %q", texts(g.scroll.Content))
	}
	g.saver.wait()
}

func TestDuringTheDownloadStepAnotherOrganisationIsCaught(t *testing.T) {
	x := newCheckFixture(t, "da")
	if err := x.f.register.Upsert(register.Certificate{
		SHA256: strings.Repeat("ab", 32), Organization: "Æblegrød ApS", CVR: "87654321", UUID: "11111111-2222-3333-4444-555555555555",
		NotBefore: time.Now().AddDate(-3, 0, 0), NotAfter: time.Now().AddDate(0, 0, 30),
	}); err != nil {
		t.Fatal(err)
	}
	x.f.guide.progress.Current = "download"
	x.f.guide.progress.StartedAt = time.Now().Add(-time.Hour)
	x.dropNew(t, "new.p12")
	// Named in the big line, and not compared as if the renewal's
	// certificate were its previous one (V9).
	if got := x.headlines(); len(got) != 1 || !strings.HasPrefix(got[0], msg.T("da", "renewal.foreign.title", nil)) {
		t.Errorf("headlines %q", got)
	}
	if got := x.comparisonTitle(); got != "" {
		t.Errorf("compared as %q", got)
	}
	if x.f.guide.progress.FileChecked() {
		t.Error("another organisation's certificate passed the download step")
	}
}

func TestGuideBacksUpAndReceiptsTheCheckedFile(t *testing.T) {
	x := newCheckFixture(t, "en")
	x.f.guide.progress.Current = "download"
	x.f.guide.progress.StartedAt = time.Now().Add(-time.Hour)
	leaf := x.chain.Issuing.Issue(t, testpki.LeafOptions{NotBefore: time.Now().Add(-time.Minute)})
	x.drop(x.file("new.p12", testpki.OpenSSLPFX(t, leaf, x.chain.CACerts(), "pw")))
	entry := findEntry(t, x.f.check.answers)
	test.Type(entry, "pw")
	test.Tap(findButton(t, x.f.check.answers, "Open"))
	x.wait()
	// Nothing in the register says what it renews: the user is asked.
	test.Tap(findButton(t, x.f.check.answers, "Yes, I just downloaded it"))
	x.wait()
	if !x.f.guide.progress.FileChecked() {
		t.Fatal("the guide did not learn that the file was checked")
	}

	x.f.tabs.SelectIndex(guideTab)
	x.f.guide.show()
	guideView := x.f.tabs.Items[guideTab].Content
	opens := func(button string) {
		t.Helper()
		test.Tap(findButton(t, guideView, button))
		top := x.w.Canvas().Overlays().Top()
		if top == nil {
			t.Fatalf("%s opened nothing", button)
		}
		x.w.Canvas().Overlays().Remove(top)
	}
	// First the backup, then on to DPG; the receipt is the summary's main
	// action (Y1, Y16: a receipt made before DPG is outdated by the time
	// the summary asks for it). Before the backup it is not offered.
	opens("Make a backup…")
	if hasButton(guideView, "Create a receipt…") {
		t.Error("the receipt is offered before the backup")
	}
	sha := x.f.guide.progress.FileSHA256
	if err := x.f.register.RecordBackup(sha, register.FileRef{Path: "/usb/new.p12", SHA256: sha, VerifiedAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	if x.f.guide.mainAction() != x.f.guide.done {
		t.Error("backed up, the keyboard does not go to Done")
	}
	opens("Make another backup…") // the verified one is done (Y6)
	// Backed up, the download card still offers no receipt: the cards
	// ahead would outdate it before the summary (Y16).
	if hasButton(guideView, "Create a receipt…") {
		t.Error("the download card offers a receipt that the next Done outdates")
	}

	goTo(x.f.guide, "summary")
	next := findButton(t, x.f.guide.action, "Create a receipt…")
	if next.Importance != widget.HighImportance {
		t.Errorf("the summary's receipt is not its main action (importance %v)", next.Importance)
	}
	if b, ok := x.f.guide.mainAction().(*uiwidget.Button); !ok || &b.Button != next {
		t.Error("the keyboard, back from a dialog on the summary, does not go to its receipt")
	}
	if err := x.f.register.RecordReceipt(sha, register.Receipt{Path: "/papers/receipt.pdf", At: time.Now()}); err != nil {
		t.Fatal(err)
	}
	if hasButton(x.f.guide.action, "Create a receipt…") || x.f.guide.mainAction() != x.f.guide.done {
		t.Error("the receipt made, the summary still asks for it first")
	}
}

func TestUntrustedCertificatesAreNotRemembered(t *testing.T) {
	x := newCheckFixture(t, "en")
	x.f.check.inspect = inspect.InspectFile // without the test root: untrusted
	leaf := x.chain.Organization(t)
	x.drop(x.file("fake.p12", testpki.PFX(t, pkcs12.Modern, leaf, x.chain.CACerts(), "")))
	if n := len(x.f.register.List()); n != 0 {
		t.Errorf("an untrusted certificate went into the register (%d entries)", n)
	}
}

func TestDeletingTheSavedPasswordIsForgottenEverywhere(t *testing.T) {
	x := newCheckFixture(t, "en")
	g := x.f.guide
	sha := strings.Repeat("cd", 32)
	if err := x.f.register.Upsert(register.Certificate{SHA256: sha, Organization: "Æblegrød ApS", PasswordSaved: true,
		NotBefore: time.Now(), NotAfter: time.Now().AddDate(3, 0, 0)}); err != nil {
		t.Fatal(err)
	}
	g.progress.SetFileChecked(sha, x.f.now())
	id := vault.CertificateID(sha)
	if err := x.f.vault.Save(context.Background(), id, "Æblegrød ApS", "Kode-1"); err != nil {
		t.Fatal(err)
	}
	x.wait()
	if !g.facts().PasswordSaved {
		t.Fatal("the guide does not know the password is saved")
	}

	if err := x.f.vault.Delete(context.Background(), id); err != nil {
		t.Fatal(err)
	}
	x.f.passwordDeleted(id)
	x.wait()
	g.saver.wait()
	if c, _ := x.f.register.Get(sha); c.PasswordSaved {
		t.Error("the register still says the password is saved")
	}
	if g.facts().PasswordSaved {
		t.Error("the guide still says the password is saved")
	}
}

func TestClosingTheWindowClearsACopiedPassword(t *testing.T) {
	x := newCheckFixture(t, "en")
	cb := x.f.app.Clipboard()
	x.f.clipboardAfter = func(time.Duration, func()) func() bool { return func() bool { return true } } // never fires
	g := clipboardGuard{deps: x.f.deps}
	g.copyWritten(cb, "Kopieret-Kode-1", false, nil)
	x.f.clearClipboardsNow()
	if got := cb.Content(); got == "Kopieret-Kode-1" {
		t.Error("the password is still on the clipboard after closing")
	}
	// What the user copied since is theirs.
	g.copyWritten(cb, "Kopieret-Kode-2", false, nil)
	cb.SetContent("something else")
	x.f.clearClipboardsNow()
	if got := cb.Content(); got != "something else" {
		t.Errorf("closing cleared the user's own clipboard: %q", got)
	}
}

// Saved pending password, a fresh home: the check records the file and
// moves the password; "Yes, I just downloaded it" records it again as the
// renewal, without trying to move the password a second time (which
// failed with "no password is saved under that id").
func TestAnsweringYesRecordsWithoutMovingThePasswordTwice(t *testing.T) {
	var logged strings.Builder
	log.SetOutput(&logged)
	t.Cleanup(func() { log.SetOutput(os.Stderr) })
	x := newCheckFixture(t, "en")
	g := x.f.guide
	g.progress.Current = "download"
	g.progress.StartedAt = time.Now().Add(-time.Hour)
	ctx := context.Background()
	if err := x.f.vault.Save(ctx, vault.PendingID(g.progress.RenewalID), "renewal", "Kode-1"); err != nil {
		t.Fatal(err)
	}
	leaf := x.chain.Organization(t)
	x.drop(x.file("renewed.p12", testpki.OpenSSLPFX(t, leaf, x.chain.CACerts(), "Kode-1")))
	test.Tap(findButton(t, x.f.check.answers, "Yes, I just downloaded it"))
	x.wait()
	sha := sha256Hex(leaf.Cert.Raw)
	if c, _ := x.f.register.Get(sha); !c.PasswordSaved || c.Renewed.IsZero() {
		t.Errorf("register after the answer: saved %v, renewed %v", c.PasswordSaved, c.Renewed)
	}
	if got, err := x.f.vault.Get(ctx, vault.CertificateID(sha)); err != nil || got != "Kode-1" {
		t.Errorf("the certificate's password: %q, %v", got, err)
	}
	if strings.Contains(logged.String(), "recording the checked file") {
		t.Errorf("a record failed:\n%s", logged.String())
	}
}

// V8: the password saved on the Check tab is cleared from the clipboard
// that still holds it, by the same rule as on the password card
// (frame.savedFromClipboard).
func TestCheckTabSaveClearsThePastedPassword(t *testing.T) {
	x := newCheckFixture(t, "en")
	leaf := x.chain.Issuing.Issue(t, testpki.LeafOptions{NotBefore: time.Now().Add(-time.Minute)})
	x.drop(x.file("new.p12", testpki.OpenSSLPFX(t, leaf, x.chain.CACerts(), "Kode-æøå 7!Zq")))
	cb := x.f.app.Clipboard()
	cb.SetContent("Kode-æøå 7!Zq")
	test.Type(findEntry(t, x.f.check.answers), "Kode-æøå 7!Zq")
	test.Tap(findButton(t, x.f.check.answers, "Open"))
	x.wait()
	test.Tap(findButton(t, x.f.check.answers, words.T("check.action.save_password")))
	x.wait()
	if got := cb.Content(); got != "" {
		t.Errorf("the pasted password stayed on the clipboard: %q", got)
	}
	if !hasText(x.f.check.answers, "Saved in your keyring. "+words.T("watch.copied.cleared")) {
		t.Errorf("the answer does not say the clipboard was cleared: %q", texts(x.f.check.answers))
	}
}
