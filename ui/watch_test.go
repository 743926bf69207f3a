package ui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/zalando/go-keyring"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/receipt"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/renewal"
	"github.com/fornyer/fornyer/core/reveal"
	"github.com/fornyer/fornyer/core/testpki"
	"github.com/fornyer/fornyer/core/vault"
	"github.com/fornyer/fornyer/core/watch"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
	"github.com/fornyer/fornyer/ui/words"
)

// arrival is a file in a temporary Downloads folder, as the watcher
// reports it.
func arrival(t *testing.T, name string, data []byte) watch.Arrival {
	t.Helper()
	dir := watch.Folder{Kind: watch.Downloads, Path: t.TempDir()}
	path := filepath.Join(dir.Path, name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return watch.Arrival{Path: path, Folder: dir, Size: int64(len(data)), ModTime: time.Now()}
}

func anyTextContains(root fyne.CanvasObject, part string) bool {
	for _, s := range texts(root) {
		if strings.Contains(s, part) {
			return true
		}
	}
	return false
}

func TestArrivalAnnouncedThenChecked(t *testing.T) {
	x := newCheckFixture(t, "en")
	x.f.tabs.SelectIndex(certificatesTab)
	a := arrival(t, "Firma ApS.p12", []byte("not really a certificate"))
	x.f.arrived(a)
	want := "A certificate file just arrived in Downloads: Firma ApS.p12"
	if !hasText(x.f.content, want) {
		t.Fatalf("no announcement; texts: %q", texts(x.f.content))
	}
	if len(x.headlines()) != 0 {
		t.Fatal("checked before the user asked (not on the download card)")
	}
	test.Tap(findButton(t, x.f.content, "Check it"))
	x.wait()
	if x.f.tabs.SelectedIndex() != checkTab || len(x.headlines()) != 1 {
		t.Fatalf("Check it: tab %d, answers %q", x.f.tabs.SelectedIndex(), x.headlines())
	}
	if hasText(x.f.content, want) {
		t.Error("the announcement stayed after the file was checked")
	}
}

func TestArrivalDismissed(t *testing.T) {
	x := newCheckFixture(t, "da")
	x.f.tabs.SelectIndex(checkTab)
	x.f.arrived(arrival(t, "cert.pfx", []byte("x")))
	if !hasText(x.f.content, "En certifikatfil er lige kommet i Overførsler: cert.pfx") {
		t.Fatalf("no Danish announcement; texts: %q", texts(x.f.content))
	}
	test.Tap(findButton(t, x.f.content, "Ikke nu"))
	x.wait()
	if anyTextContains(x.f.content, "cert.pfx") || len(x.headlines()) != 0 {
		t.Fatal("Not now left the announcement or checked the file")
	}
}

// Each folder is named with the preposition its language puts before it:
// Danish says "i Overførsler" but "på skrivebordet" (F42).
func TestArrivalNamesFolderWithItsPreposition(t *testing.T) {
	for _, c := range []struct {
		language string
		kind     string
		want     string
	}{
		{"da", watch.Desktop, "En certifikatfil er lige kommet på skrivebordet: cert.p12"},
		{"da", watch.Downloads, "En certifikatfil er lige kommet i Overførsler: cert.p12"},
		{"en", watch.Desktop, "A certificate file just arrived on the Desktop: cert.p12"},
		{"en", watch.Downloads, "A certificate file just arrived in Downloads: cert.p12"},
	} {
		x := newCheckFixture(t, c.language)
		x.f.tabs.SelectIndex(checkTab)
		a := arrival(t, "cert.p12", []byte("x"))
		a.Folder.Kind = c.kind
		x.f.arrived(a)
		if !hasText(x.f.content, c.want) {
			t.Errorf("%s: want %q; texts: %q", c.language, c.want, texts(x.f.content))
		}
	}
}

// Before the file comes, the download card names both watched folders,
// each with its own preposition.
func TestDownloadCardNamesBothFolders(t *testing.T) {
	d := testDeps()
	d.watchFolders = func() []watch.Folder {
		return []watch.Folder{{Kind: watch.Downloads, Path: t.TempDir()}, {Kind: watch.Desktop, Path: t.TempDir()}}
	}
	x := newCheckFixtureWith(t, "da", d)
	g := x.f.guide
	g.progress.Current = "download"
	g.show()
	x.wait()
	if !anyTextContains(g.scroll.Content, "Når filen lander i Overførsler eller på skrivebordet,") {
		t.Fatalf("folders not named; texts: %q", texts(g.scroll.Content))
	}
	// No password saved in Fornyer ("stored elsewhere"): no saved one is
	// promised; once saved, it is.
	if anyTextContains(g.scroll.Content, "med den gemte adgangskode") || !anyTextContains(g.scroll.Content, "beder om dens adgangskode") {
		t.Errorf("without a saved password the card reads %q", texts(g.scroll.Content))
	}
	if err := x.f.vault.Save(context.Background(), vault.PendingID(g.progress.RenewalID), "", "Kode-1"); err != nil {
		t.Fatal(err)
	}
	x.wait()
	g.show()
	x.wait()
	if !anyTextContains(g.scroll.Content, "med den gemte adgangskode") {
		t.Errorf("with the password saved the card reads %q", texts(g.scroll.Content))
	}
}

// On the guide's download card the file is checked at once, no click.
func TestArrivalOnDownloadCardCheckedAtOnce(t *testing.T) {
	x := newCheckFixture(t, "en")
	g := x.f.guide
	g.progress.Current = "download"
	g.show()
	x.f.tabs.SelectIndex(guideTab)
	x.f.arrived(arrival(t, "renewed.p12", []byte("garbage")))
	x.wait()
	if x.f.tabs.SelectedIndex() != checkTab || len(x.headlines()) != 1 {
		t.Fatalf("not checked at once: tab %d, answers %q", x.f.tabs.SelectedIndex(), x.headlines())
	}
	if anyTextContains(x.f.content, "just arrived") {
		t.Error("announced as well as checked")
	}
}

// Z12: on the download card, a file said not to be the renewal's ("No,
// it is another file") leaves the user on the Check tab; the right file,
// landing in Downloads then, is checked at once there, as on the guide,
// not only announced. On My certificates it is announced (TestArrivalAnnouncedThenChecked).
func TestArrivalAfterADeclinedFileCheckedAtOnce(t *testing.T) {
	x := newCheckFixture(t, "en")
	g := x.f.guide
	g.progress.Current = "download"
	g.progress.StartedAt = time.Now().Add(-time.Hour)
	g.show()
	x.f.tabs.SelectIndex(guideTab)
	other := x.chain.Issuing.Issue(t, testpki.LeafOptions{Org: "Leverandør ApS", CVR: "11223344", NotBefore: time.Now().Add(-time.Minute)})
	x.f.arrived(arrival(t, "other.p12", testpki.OpenSSLPFX(t, other, x.chain.CACerts(), "")))
	x.wait()
	test.Tap(findButton(t, x.f.check.answers, words.T("renewal.ask.no")))
	x.wait()
	if x.f.tabs.SelectedIndex() != checkTab {
		t.Fatalf("after the no, on tab %d", x.f.tabs.SelectedIndex())
	}
	leaf := x.chain.Issuing.Issue(t, testpki.LeafOptions{NotBefore: time.Now().Add(-time.Minute)})
	x.f.arrived(arrival(t, "renewed.p12", testpki.OpenSSLPFX(t, leaf, x.chain.CACerts(), "")))
	x.wait()
	if !anyTextContains(x.f.check.answers, "renewed.p12") || anyTextContains(x.f.content, "just arrived") {
		t.Errorf("the right file, come after the no, is not checked at once: %q", texts(x.f.check.answers))
	}
	if !x.f.check.shown[0].answer.Waits() {
		t.Errorf("the right file is not asked about: %s", x.f.check.shown[0].answer.Question)
	}
}

// The download card names the newest certificate file already there.
func TestDownloadCardOffersNewest(t *testing.T) {
	x := downloadCardWith(t, "older.p12", "newest.pfx")
	g := x.f.guide
	want := "The newest certificate file in Downloads is newest.pfx, from 1 December 2026 at 09:01."
	if !hasText(g.scroll.Content, want) {
		t.Fatalf("no newest file; texts: %q", texts(g.scroll.Content))
	}
	test.Tap(findButton(t, g.cardAndBar(), "Check it"))
	x.wait()
	if len(x.headlines()) != 1 {
		t.Fatalf("Check it did not check: %q", x.headlines())
	}
}

// downloadedAt writes a certificate file (whole: a damaged one is never
// proposed, Z8) called name in the Downloads folder dir, changed at
// 09:minute on 1 December 2026, as the watcher reports it.
func downloadedAt(t *testing.T, dir, name string, minute int) watch.Arrival {
	t.Helper()
	p := filepath.Join(dir, name)
	chain := testpki.NewChain(t, false)
	data := testpki.OpenSSLPFX(t, chain.Organization(t), chain.CACerts(), "")
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 12, 1, 9, minute, 0, 0, time.Local)
	if err := os.Chtimes(p, at, at); err != nil {
		t.Fatal(err)
	}
	return watch.Arrival{Path: p, Folder: watch.Folder{Kind: watch.Downloads, Path: dir}, Size: int64(len(data)), ModTime: at}
}

// Y10: a file that comes while the download card is shown and is
// announced (not checked at once: My certificates in view; on the Check
// tab it is checked at once since Z12) is the newest:
// the card names the file the announcement names, not the one it found
// when it was drawn.
func TestDownloadCardNamesTheFileJustCome(t *testing.T) {
	dir := t.TempDir()
	d := testDeps()
	d.watchFolders = func() []watch.Folder { return []watch.Folder{{Kind: watch.Downloads, Path: dir}} }
	write := func(name string, minute int) watch.Arrival { return downloadedAt(t, dir, name, minute) }
	write("certifikat.p12", 1)
	x := newCheckFixtureWith(t, "en", d)
	g := x.f.guide
	g.progress.Current = "download"
	g.show()
	x.wait()
	if !hasText(g.scroll.Content, "The newest certificate file in Downloads is certifikat.p12, from 1 December 2026 at 09:01.") {
		t.Fatalf("no newest file; texts: %q", texts(g.scroll.Content))
	}
	x.f.tabs.SelectIndex(certificatesTab)
	x.f.arrived(write("Fornyet certifikat.p12", 5))
	if !anyTextContains(x.f.content, "Fornyet certifikat.p12") {
		t.Fatalf("not announced: %q", texts(x.f.content))
	}
	want := "The newest certificate file in Downloads is Fornyet certifikat.p12, from 1 December 2026 at 09:05."
	if !hasText(g.scroll.Content, want) || anyTextContains(g.scroll.Content, "certifikat.p12, from 1 December 2026 at 09:01") {
		t.Errorf("the card names another file than the announcement: %q", texts(g.scroll.Content))
	}
}

// countingClipboard counts reads, to prove none happen off the card.
type countingClipboard struct {
	fyne.Clipboard
	reads int
}

func (c *countingClipboard) Content() string { c.reads++; return c.Clipboard.Content() }

// passwordCard shows the guide's password card with the clipboard polled
// by hand (the ticker is set never to fire).
func passwordCard(t *testing.T, x *checkFixture, before string) (*copiedOffer, *countingClipboard) {
	t.Helper()
	x.f.clipboardPoll = time.Hour
	cb := &countingClipboard{Clipboard: x.f.app.Clipboard()}
	x.f.clipboardOf = func(*frame) fyne.Clipboard { return cb }
	cb.SetContent(before)
	g := x.f.guide
	x.f.tabs.SelectIndex(guideTab)
	g.progress.Current = "password"
	g.show()
	x.wait()
	o := g.copied
	if o == nil {
		t.Fatal("the password card has no clipboard offer")
	}
	o.poll(o.stop) // the card is in view: what the clipboard holds now is "before"
	return o, cb
}

func TestCopiedPasswordOfferedAndSaved(t *testing.T) {
	const pw = "Xk3#pL9!qR2$mN7&"
	x := newCheckFixture(t, "en")
	o, cb := passwordCard(t, x, pw) // a password already there when the card opened
	o.poll(o.stop)
	if o.row.Visible() {
		t.Fatal("offered what the clipboard held when the card opened")
	}
	cb.SetContent("two words")
	o.poll(o.stop)
	if o.row.Visible() {
		t.Fatal("offered a text that cannot be the password")
	}
	const fresh = "Nj7%tQ2@wE5^yU8*"
	cb.SetContent(fresh)
	o.poll(o.stop)
	card := x.f.guide.cardAndBar()
	if !o.row.Visible() || !hasText(card, "“Save password” saves the password you copied (16 characters)") {
		t.Fatalf("not offered; texts %q", texts(card))
	}
	if o.row.Size().Height == 0 {
		t.Fatal("the offer is shown but laid out with no height (the card was not laid out again)")
	}
	if anyTextContains(card, fresh) {
		t.Fatal("the copied password is shown unmasked")
	}
	test.Tap(findButton(t, card, "Save password"))
	x.wait()
	got, err := x.f.vault.Get(context.Background(), vault.PendingID(x.f.guide.progress.RenewalID))
	if err != nil || got != fresh {
		t.Fatalf("saved %q, %v", got, err)
	}
	if cb.Clipboard.Content() != "" {
		t.Error("the clipboard still holds the saved password")
	}
	if !x.f.guide.facts().PasswordSaved || o.pending != "" || o.row.Visible() {
		t.Errorf("after saving: saved %v, pending kept %v, offer shown %v", x.f.guide.facts().PasswordSaved, o.pending != "", o.row.Visible())
	}
	// Saved: the clipboard is not read for an offer any more.
	reads := cb.reads
	cb.SetContent("Another-Pass-99")
	o.poll(o.stop)
	if cb.reads != reads || o.row.Visible() {
		t.Error("the clipboard was read after the password was saved")
	}
}

// Y15: the shown password selected with a triple-click and copied carries
// the line's end: it is offered all the same, without the line break (16
// characters), saved without it, and the clipboard that holds it with the
// line break is cleared.
func TestACopyWithALineBreakIsOffered(t *testing.T) {
	for _, lang := range []string{"en", "da"} {
		x := newCheckFixture(t, lang)
		o, cb := passwordCard(t, x, "")
		const pw = "Rp7k-æøQx9m!Zt2W"
		cb.SetContent(pw + "\n")
		o.poll(o.stop)
		card := x.f.guide.cardAndBar()
		offer := words.T("watch.copied", map[string]any{"N": 16, "Save": words.T("vault.password.save")})
		if !o.row.Visible() || !hasText(card, offer) {
			t.Fatalf("%s: not offered; texts %q", lang, texts(card))
		}
		test.Tap(findButton(t, card, words.T("vault.password.save")))
		x.wait()
		if got, err := x.f.vault.Get(context.Background(), vault.PendingID(x.f.guide.progress.RenewalID)); err != nil || got != pw {
			t.Errorf("%s: saved %q, %v", lang, got, err)
		}
		if cb.Clipboard.Content() != "" {
			t.Errorf("%s: the clipboard still holds the saved password", lang)
		}
	}
}

func TestCopiedPasswordDeclined(t *testing.T) {
	x := newCheckFixture(t, "da")
	o, cb := passwordCard(t, x, "")
	cb.SetContent("Nj7%tQ2@wE5^yU8*")
	o.poll(o.stop)
	card := x.f.guide.cardAndBar()
	if !hasText(card, "»Gem adgangskoden« gemmer den adgangskode, du kopierede (16 tegn)") {
		t.Fatalf("not offered in Danish; texts %q", texts(card))
	}
	test.Tap(findButton(t, card, "Ikke den"))
	if o.pending != "" || o.row.Visible() {
		t.Fatal("declined, but the password is kept or still offered")
	}
	o.poll(o.stop)
	if o.row.Visible() {
		t.Fatal("offered again after declining, though the clipboard did not change")
	}
	if _, err := x.f.vault.Get(context.Background(), vault.PendingID(x.f.guide.progress.RenewalID)); err == nil {
		t.Fatal("a declined password was saved")
	}
	if cb.Clipboard.Content() != "Nj7%tQ2@wE5^yU8*" {
		t.Error("declining changed the clipboard")
	}
}

func TestClipboardNotReadOffTheCard(t *testing.T) {
	x := newCheckFixture(t, "en")
	o, cb := passwordCard(t, x, "")
	// Another tab: the next tick stops the polling without reading.
	x.f.tabs.SelectIndex(checkTab)
	reads := cb.reads
	cb.SetContent("Nj7%tQ2@wE5^yU8*")
	stop := o.stop
	o.poll(stop)
	if cb.reads != reads || o.stop != nil {
		t.Fatalf("on the Check tab: %d reads, polling %v", cb.reads-reads, o.stop != nil)
	}
	// Back on the guide, it polls again.
	x.f.tabs.SelectIndex(guideTab)
	if o.stop == nil {
		t.Fatal("polling did not resume on the guide's tab")
	}
	o.halt()
	// Another card: the offer is gone with its card.
	x.f.guide.progress.Current = "download"
	x.f.guide.show()
	if x.f.guide.copied != nil {
		t.Fatal("a clipboard offer outside the password card")
	}
	reads = cb.reads
	o.poll(stop)
	if cb.reads != reads {
		t.Fatal("the clipboard was read on the download card")
	}
}

func TestRevealButton(t *testing.T) {
	x := newCheckFixture(t, "en")
	var shown []string
	x.f.open = func(what uiwidget.Target, p string) error {
		if what == uiwidget.InFolder {
			shown = append(shown, p)
		}
		return nil
	}
	file := filepath.Join(t.TempDir(), "cert.p12")
	b := newRevealButton(x.f, func() string { return file })
	if b.Text != "Show the file in its folder" {
		t.Fatalf("button %q", b.Text)
	}
	test.Tap(b)
	x.wait()
	if len(shown) != 1 || shown[0] != file {
		t.Fatalf("revealed %q", shown)
	}
	// A file gone since: a sentence naming where it was.
	x.f.open = func(_ uiwidget.Target, p string) error { return &reveal.Error{Path: p, Err: reveal.ErrNotFound} }
	test.Tap(b)
	x.wait()
	top := x.w.Canvas().Overlays().Top()
	if top == nil || !anyTextContains(top, "The file is no longer at "+file) {
		t.Fatal("no sentence for a missing file")
	}
}

// After saving, the card asks where else the password is kept; "nowhere
// yet" is recorded (never the password) and reminded on the DPG card.
func TestSecondCopyQuestion(t *testing.T) {
	x := newCheckFixture(t, "en")
	x.f.hostname = func() (string, error) { return "KONTOR-PC", nil }
	o, cb := passwordCard(t, x, "")
	cb.SetContent("Nj7%tQ2@wE5^yU8*")
	o.poll(o.stop)
	g := x.f.guide
	card := g.cardAndBar()
	test.Tap(findButton(t, card, "Save password"))
	x.wait()
	if !hasText(card, words.T("watch.kept.question")) {
		t.Fatalf("no question after saving; texts %q", texts(card))
	}
	answered := false
	for _, o := range visible(card) {
		if r, ok := o.(*widget.RadioGroup); ok {
			r.SetSelected("Nowhere yet")
			answered = true
		}
	}
	if !answered {
		t.Fatal("no answers to choose from")
	}
	x.wait()
	if g.progress.PasswordKept != register.KeptNowhere || g.progress.PasswordHost != "KONTOR-PC" {
		t.Fatalf("recorded %q on %q", g.progress.PasswordKept, g.progress.PasswordHost)
	}
	g.progress.Current = "dpg-install"
	g.show()
	if !anyTextContains(g.scroll.Content, "The password is kept only on this computer") {
		t.Fatalf("no reminder on the DPG card; texts %q", texts(g.scroll.Content))
	}
}

// The DPG card, where the portal asks for the file, shows it in its folder.
func TestDPGCardRevealsTheFile(t *testing.T) {
	x := newCheckFixture(t, "en")
	sha := strings.Repeat("ab", 32)
	file := filepath.Join(t.TempDir(), "renewed.p12")
	if err := x.f.register.Upsert(register.Certificate{SHA256: sha, Organization: "Firma ApS",
		NotBefore: time.Now(), NotAfter: time.Now().AddDate(3, 0, 0), File: &register.FileRef{Path: file}}); err != nil {
		t.Fatal(err)
	}
	var shown []string
	x.f.open = func(what uiwidget.Target, p string) error {
		if what == uiwidget.InFolder {
			shown = append(shown, p)
		}
		return nil
	}
	g := x.f.guide
	g.progress.SetFileChecked(sha, time.Now())
	g.progress.Current = "dpg-install"
	g.show()
	test.Tap(findButton(t, g.cardAndBar(), "Show the file in its folder"))
	x.wait()
	if len(shown) != 1 || shown[0] != file {
		t.Fatalf("revealed %q, want %s", shown, file)
	}
}

// The receipt learns where else the password is kept and on which
// computer: from the register, else from the guide's renewal of this file.
func TestReceiptDataPasswordKept(t *testing.T) {
	r := goldenReport("en", "ready")
	reg := &register.Certificate{PasswordSaved: true, PasswordKept: register.KeptManager, PasswordHost: "KONTOR-PC"}
	p := &guide.Progress{FileSHA256: r.Certificate.SHA256, PasswordKept: register.KeptNowhere, PasswordHost: "OTHER"}
	if d := receiptFor(r, "en", false, reg, p); d.PasswordKept != register.KeptManager || d.PasswordHost != "KONTOR-PC" {
		t.Errorf("from the register: %q on %q", d.PasswordKept, d.PasswordHost)
	}
	if d := receiptFor(r, "en", true, nil, p); d.PasswordKept != register.KeptNowhere || d.PasswordHost != "OTHER" {
		t.Errorf("from the guide: %q on %q", d.PasswordKept, d.PasswordHost)
	}
	p.FileSHA256 = strings.Repeat("0", 64)
	if d := receiptFor(r, "en", true, nil, p); d.PasswordKept != "" || d.PasswordHost != "THIS-PC" {
		t.Errorf("another renewal's answer, or no computer named: %q on %q", d.PasswordKept, d.PasswordHost)
	}
	if d := receiptFor(r, "en", false, nil, nil); d.PasswordHost != "" {
		t.Errorf("a computer named for a password not saved: %q", d.PasswordHost)
	}
}

// receiptFor is the receipt's data as the window gathers it (core decides),
// on the computer THIS-PC.
func receiptFor(r *inspect.Report, l string, saved bool, reg *register.Certificate, p *guide.Progress) receipt.Data {
	return renewal.ReceiptData(r, l, saved, reg, p, guide.Passwords{}, time.Now(), "THIS-PC")
}

// W10: the download card's "Check the file" checks the file the banner
// names, not an empty Check tab; and on the password card, once the
// password is saved, a file that lands is checked by itself.
func TestCheckTheFileChecksTheAnnouncedFile(t *testing.T) {
	x := newCheckFixture(t, "en")
	g := x.f.guide
	g.progress.Current = "download"
	g.show()
	x.f.tabs.SelectIndex(certificatesTab) // announced, not checked, off the guide
	x.f.arrived(arrival(t, "renewed.p12", []byte("garbage")))
	x.f.tabs.SelectIndex(guideTab)
	test.Tap(findButton(t, g.cardAndBar(), words.T("guide.download.check")))
	x.wait()
	if x.f.tabs.SelectedIndex() != checkTab || len(x.headlines()) != 1 {
		t.Fatalf("Check the file: tab %d, answers %q", x.f.tabs.SelectedIndex(), x.headlines())
	}
	if anyTextContains(x.f.content, "just arrived") {
		t.Error("the announcement stayed after the file was checked")
	}
}

func TestArrivalOnThePasswordCardAfterTheSaveCheckedAtOnce(t *testing.T) {
	x := newCheckFixture(t, "en")
	g := x.f.guide
	g.progress.Current = "password"
	if err := x.f.vault.Save(context.Background(), vault.PendingID(g.progress.RenewalID), "", "Kode-1234"); err != nil {
		t.Fatal(err)
	}
	g.show()
	x.wait()
	x.f.tabs.SelectIndex(guideTab)
	x.f.arrived(arrival(t, "renewed.p12", []byte("garbage")))
	x.wait()
	if x.f.tabs.SelectedIndex() != checkTab || len(x.headlines()) != 1 {
		t.Fatalf("not checked at once: tab %d, answers %q", x.f.tabs.SelectedIndex(), x.headlines())
	}
}

// X10: the second year, the renewal's file landing while the guide waits
// for it is checked behind the guide, which the user follows: it renews
// the certificate the register knows, the guide goes on with it, and the
// window stays on the guide.
func TestArrivalOnDownloadCardKeepsTheGuide(t *testing.T) {
	x := newCheckFixture(t, "en")
	g := x.f.guide
	g.progress.Current = "download"
	g.progress.StartedAt = time.Now().Add(-time.Hour)
	g.show()
	x.f.tabs.SelectIndex(guideTab)
	leaf := x.chain.Issuing.Issue(t, testpki.LeafOptions{NotBefore: time.Now().Add(-time.Minute)})
	a := arrival(t, "renewed.p12", testpki.OpenSSLPFX(t, leaf, x.chain.CACerts(), ""))
	cert := x.f.check.inspect(a.Path, x.f.check.options([]string{""})).Certificate
	if err := x.f.register.Upsert(register.Certificate{SHA256: strings.Repeat("ab", 32), Organization: cert.Organization, CVR: cert.CVR,
		UUID: cert.UUID, Serial: cert.Serial + "0", NotBefore: cert.NotBefore.AddDate(-3, 0, 0), NotAfter: cert.NotBefore.AddDate(0, 1, 0)}); err != nil {
		t.Fatal(err)
	}
	x.f.arrived(a)
	x.wait()
	if len(x.headlines()) != 1 || !g.progress.FileChecked() {
		t.Fatalf("not checked, or not taken by the guide: %q", x.headlines())
	}
	if x.f.tabs.SelectedIndex() != guideTab {
		t.Errorf("the window left the guide for tab %d", x.f.tabs.SelectedIndex())
	}
}

// Y11: the window closed on the password card after the portal's copy,
// before saving, and started again: the card offers the password still on
// the clipboard, as before. Arriving on the card by Done still offers only
// what is copied after (TestCopiedPasswordOfferedAndSaved).
func TestCopiedPasswordOfferedAfterARestart(t *testing.T) {
	const pw = "Nj7%tQ2@wE5^yU8*"
	for _, language := range []string{"da", "en"} {
		dir := t.TempDir()
		f, _ := newGuideTestFrame(t, language, dir)
		goTo(f.guide, "password")
		f.guide.saved()
		f.guide.saver.wait()
		f, _ = newGuideTestFrame(t, language, dir, func(f *frame) { f.app.Clipboard().SetContent(pw) }) // a restart
		o := f.guide.copied
		if f.guide.progress.Current != "password" || o == nil {
			t.Fatalf("%s: after the restart on %s, offer %v", language, f.guide.progress.Current, o != nil)
		}
		o.poll(o.stop) // the card is in view
		o.poll(o.stop)
		want := words.T("watch.copied", map[string]any{"N": 16, "Save": words.T("vault.password.save")})
		if !o.row.Visible() || o.pending != pw || !hasText(f.guide.cardAndBar(), want) {
			t.Errorf("%s: after a restart the copied password is not offered: %q", language, texts(f.guide.cardAndBar()))
		}
	}
}

// Z19: the keyring refuses the copied password's save (locked): the card
// says so, and the offer stays, for "Save password" to try again with the
// copy the clipboard still holds.
func TestACopiedPasswordNotSavedIsOfferedAgain(t *testing.T) {
	x := newCheckFixture(t, "en")
	o, cb := passwordCard(t, x, "")
	const pw = "Nj7%tQ2@wE5^yU8*"
	cb.SetContent(pw)
	o.poll(o.stop)
	keyring.MockInitWithError(errors.New("org.freedesktop.Secret.Error.IsLocked"))
	card := x.f.guide.cardAndBar()
	test.Tap(findButton(t, card, words.T("vault.password.save")))
	x.wait()
	if o.pending != pw || !o.row.Visible() {
		t.Fatalf("not saved, and the offer is gone: %q", texts(card))
	}
	keyring.MockInit()
	test.Tap(findButton(t, card, words.T("vault.password.save")))
	x.wait()
	if got, err := x.f.vault.Get(context.Background(), vault.PendingID(x.f.guide.progress.RenewalID)); err != nil || got != pw {
		t.Errorf("tried again: %q, %v", got, err)
	}
}

// Z15: "Check the file" checks a file, as it says, when none is announced:
// the newest certificate file in Downloads, the one the card names; with
// none there it asks which in the file dialog, over the Check tab. It only
// brought the Check tab forward, an empty drop zone, and the user was left
// to find out what to do there.
func TestCheckTheFileChecksTheFileTheCardNames(t *testing.T) {
	// pressed presses the download card's "Check the file" with Downloads
	// holding the files named.
	pressed := func(t *testing.T, files ...string) *checkFixture {
		x := downloadCardWith(t, files...)
		test.Tap(findButton(t, x.f.guide.cardAndBar(), words.T("guide.download.check")))
		x.wait()
		return x
	}
	t.Run("the newest in Downloads", func(t *testing.T) {
		x := pressed(t, "older.p12", "newest.pfx")
		if x.f.tabs.SelectedIndex() != checkTab || len(x.f.check.shown) != 1 || filepath.Base(x.f.check.shown[0].path) != "newest.pfx" {
			t.Fatalf("Check the file: tab %d, answers %q", x.f.tabs.SelectedIndex(), x.headlines())
		}
	})
	t.Run("the file named gone", func(t *testing.T) {
		// Review R4: the card drawn again after the file it named was
		// moved away asks which, as with none there; it checked the old
		// path ("The file could not be read").
		t.Setenv(uiwidget.DialogsEnv, "fyne")
		x := downloadCardWith(t, "newest.p12")
		if err := os.Remove(filepath.Join(x.f.watchFolders()[0].Path, "newest.p12")); err != nil {
			t.Fatal(err)
		}
		g := x.f.guide
		g.show()
		x.wait()
		test.Tap(findButton(t, g.cardAndBar(), words.T("guide.download.check")))
		x.wait()
		if x.w.Canvas().Overlays().Top() == nil || len(x.f.check.shown) != 0 {
			t.Fatalf("Check the file with the named file gone: no file dialog; the Check tab says %q", x.headlines())
		}
	})
	t.Run("none there", func(t *testing.T) {
		t.Setenv(uiwidget.DialogsEnv, "fyne") // Fyne's file dialog, in the test window
		x := pressed(t)
		if x.f.tabs.SelectedIndex() != checkTab || x.w.Canvas().Overlays().Top() == nil {
			t.Fatalf("Check the file with no file: tab %d, no file dialog", x.f.tabs.SelectedIndex())
		}
	})
}

// downloadCardWith shows the download card with Downloads holding the files
// named, changed a minute apart in their order (downloadedAt).
func downloadCardWith(t *testing.T, files ...string) *checkFixture {
	t.Helper()
	dir := t.TempDir()
	d := testDeps()
	d.watchFolders = func() []watch.Folder { return []watch.Folder{{Kind: watch.Downloads, Path: dir}} }
	for i, name := range files {
		downloadedAt(t, dir, name, i)
	}
	x := newCheckFixtureWith(t, "en", d)
	g := x.f.guide
	g.progress.Current = "download"
	g.show()
	x.wait()
	return x
}
