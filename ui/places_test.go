package ui

import (
	"context"
	"crypto/x509"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/zalando/go-keyring"
	pkcs12 "software.sslmate.com/src/go-pkcs12"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/renewal"
	"github.com/fornyer/fornyer/core/testpki"
	"github.com/fornyer/fornyer/core/vault"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
	"github.com/fornyer/fornyer/ui/words"
)

// tapButton taps the button whose text starts with text in the card.
func tapButton(t *testing.T, g *guideState, text string) {
	t.Helper()
	for _, b := range buttonsIn(g.cardAndBar()) {
		if strings.HasPrefix(b.Text, text) {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no button %q in %q", text, texts(g.scroll.Content))
}

// placesFrame is the guide with a register and a credential store, and the
// renewed certificate checked: its file, its password saved.
func placesFrame(t *testing.T, dir, lang string) (*guideState, register.Certificate, string) {
	t.Helper()
	keyring.MockInit()
	f, _ := newGuideTestFrame(t, lang, dir)
	reg, err := register.Open(filepath.Join(dir, "register.json"))
	if err != nil {
		t.Fatal(err)
	}
	f.register = reg
	src := filepath.Join(dir, "Firma.p12")
	if _, err := os.Stat(src); err != nil {
		c := testpki.NewChain(t, false)
		if err := os.WriteFile(src, testpki.PFX(t, pkcs12.Modern, c.Organization(t), c.CACerts(), "Renewed-Pw-1"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	r := inspect.InspectFile(src, inspect.Options{Passwords: []string{"Renewed-Pw-1"}})
	cert := renewal.Entry(renewal.Check{Path: src, Report: r, OpenedBy: "x"}, guideTestTime)
	if err := reg.Upsert(cert); err != nil {
		t.Fatal(err)
	}
	if err := f.vault.Save(t.Context(), vault.CertificateID(cert.SHA256), "Firma", "Renewed-Pw-1"); err != nil {
		t.Fatal(err)
	}
	return f.guide, cert, r.Certificate.SHA1
}

// Card 3 notes one place of each kind (three named by Fornyer, one of the
// user's own with the need chosen); they survive a restart; on the
// switch-over card each gets what it needs from its button (the .cer
// saved beside the file, the thumbprint copied, a copy with its own
// password made and its password saved), each is recorded with when, on
// the progress and on the certificate in the register; the next renewal
// offers them again, and the receipt lists them.
func TestPlacesOfEachKind(t *testing.T) {
	dir := t.TempDir()
	g, cert, sha1 := placesFrame(t, dir, "en")
	goTo(g, "prepare-usage")
	checks := findAll[*uiwidget.Check](g.scroll.Content)
	if len(checks) != len(guide.Presets) {
		t.Fatalf("%d ticks", len(checks))
	}
	test.Tap(checks[0]) // DPG secure mail: the .p12
	test.Tap(checks[1]) // Datafordeleren: the .cer
	test.Tap(checks[2]) // Skat: the identity
	entries := findAll[*uiwidget.Entry](g.scroll.Content)
	test.Type(entries[len(entries)-1], "Acme webshop")
	sel := findAll[*widget.Select](g.scroll.Content)
	sel[len(sel)-1].SetSelectedIndex(0) // needs the .p12 and its password
	tapButton(t, g, "Add a place")
	g.progress.SetFileChecked(cert.SHA256, guideTestTime)
	g.saved()
	g.saver.wait()

	g, _, _ = placesFrame(t, dir, "en") // a restart
	list := g.progress.Checklist()
	kinds := []string{}
	for _, it := range list {
		kinds = append(kinds, it.Kind)
	}
	if !slices.Equal(kinds, []string{register.NeedsP12, register.NeedsPublic, register.NeedsIdentity, register.NeedsP12}) || list[3].Name != "Acme webshop" {
		t.Fatalf("after a restart: %+v", list)
	}

	goTo(g, "switch")
	tapButton(t, g, "Save the public certificate")
	if b, err := os.ReadFile(filepath.Join(dir, "Firma.cer")); err != nil || len(b) == 0 {
		t.Errorf("no .cer beside the file: %v", err)
	}
	// Datafordeleren's row: the new thumbprint, copied; it was given the
	// file, and the copy records nothing over it (renewal.OfferPlace).
	// Then Skat's row: its first identifier, the thumbprint too.
	var copies []*widget.Button
	for _, b := range buttonsIn(g.cardAndBar()) {
		if b.Text == "Copy" {
			copies = append(copies, b)
		}
	}
	if len(copies) != 1+len(renewal.Identifiers(cert)) {
		t.Fatalf("%d Copy buttons: %q", len(copies), texts(g.scroll.Content))
	}
	for i, b := range copies[:2] {
		g.f.app.Clipboard().SetContent("")
		test.Tap(b)
		if got := g.f.app.Clipboard().Content(); got != strings.ToUpper(sha1) {
			t.Errorf("row %d copied %q, want the thumbprint %s", i+1, got, strings.ToUpper(sha1))
		}
	}
	tapButton(t, g, "Make a copy with its own password")
	copyPath := filepath.Join(dir, "Firma (for Acme webshop).p12")
	if _, err := os.Stat(copyPath); err != nil {
		t.Fatalf("no hand-over copy: %v; card %q", err, texts(g.scroll.Content))
	}
	shown := shownHandOverPassword(g.scroll.Content)
	if r := inspect.InspectFile(copyPath, inspect.Options{Passwords: []string{"Renewed-Pw-1", shown}}); r.PasswordIndex != 1 {
		t.Errorf("the password shown (%q) does not open the copy", shown)
	}
	// W7: saved, so not "shown only now", and copied as card 17's copy.
	if anyTextContains(g.scroll.Content, "shown only now") || !anyTextContains(g.scroll.Content, "saved in") {
		t.Errorf("the hand-over's words: %q", texts(g.scroll.Content))
	}
	tapButton(t, g, "Copy password")
	if got := g.f.app.Clipboard().Content(); shown == "" || got != shown {
		t.Errorf("Copy put %q on the clipboard, want the hand-over password", got)
	}
	for _, name := range []string{"register.json", guide.FileName} {
		if b, _ := os.ReadFile(filepath.Join(dir, name)); shown == "" || strings.Contains(string(b), shown) {
			t.Errorf("the hand-over password is in %s", name)
		}
	}
	ticks := findAll[*uiwidget.Check](g.scroll.Content)
	test.Tap(ticks[len(ticks)-1]) // Acme webshop switched over
	g.saver.wait()

	list = g.progress.Checklist()
	if list[1].Given != register.GavePublic || list[2].Given != register.GaveIdentity ||
		list[3].Given != register.GaveCopy || list[3].GivenTo != "Acme webshop" || !list[3].Done {
		t.Errorf("recorded %+v", list)
	}
	rc, _ := g.f.register.Get(cert.SHA256)
	if len(rc.HandOvers) != 1 || rc.HandOvers[0].To != "Acme webshop" || len(rc.Places) != 4 || rc.Places[3].Given != register.GaveCopy {
		t.Errorf("the register holds %+v %+v", rc.HandOvers, rc.Places)
	}

	d := renewal.ReceiptData(inspect.InspectFile(filepath.Join(dir, "Firma.cer"), inspect.Options{}), "en", true, &rc, &g.progress, guide.Passwords{Known: true}, guideTestTime, "PC")
	if len(d.Places) != 4 || d.Places[3].Given != register.GaveCopy || len(d.HandOvers) != 1 {
		t.Errorf("receipt places %+v", d.Places)
	}

	// The next renewal: card 3 offers last time's places again.
	g.progress = guide.New(guideTestTime.Add(3 * 365 * 24 * time.Hour))
	goTo(g, "prepare-usage")
	tapButton(t, g, "Note them again")
	if n := len(g.progress.Checklist()); n != 4 {
		t.Errorf("the next renewal has %d places", n)
	}
}

// My certificates and the Check answer offer the public certificate too:
// saved beside the file, and the identifiers to copy; a hand-over is
// listed on the certificate's card.
func TestPublicCertificateFromMyCertificatesAndTheCheck(t *testing.T) {
	f, w, cert, r, dir := myCertificatesWithAFile(t)
	src := filepath.Join(dir, "Firma.p12")
	if err := f.register.RecordHandOver(cert.SHA256, register.HandOver{To: "Acme IT", At: certNow}); err != nil {
		t.Fatal(err)
	}
	v := newCertificatesView(f)
	w.SetContent(v.root)
	selectRow(t, v, cert.SHA256)
	if !certHasText(v.root, "A copy with its own password given to Acme IT on") {
		t.Errorf("no hand-over on the card: %q", certTexts(v.root))
	}
	saves := certButtons(v.root, "Save the public certificate (.cer)")
	if len(saves) != 1 {
		t.Fatalf("%d save buttons", len(saves))
	}
	test.Tap(saves[0])
	if b, err := os.ReadFile(filepath.Join(dir, "Firma.cer")); err != nil || len(b) == 0 {
		t.Errorf("My certificates saved no .cer: %v", err)
	}
	copies := certButtons(v.root, "Copy")
	if len(copies) < 4 {
		t.Fatalf("%d copy buttons", len(copies))
	}
	test.Tap(copies[0])
	if got := f.app.Clipboard().Content(); got != strings.ToUpper(r.Certificate.SHA1) {
		t.Errorf("copied %q", got)
	}

	pub := newPublicActions(f, fileSource(f, src, r.FileSHA256), inspect.Identifiers(r.Certificate), nil, nil)
	test.Tap(certButtons(pub, "Save the public certificate (.cer)")[0])
	if _, err := os.Stat(filepath.Join(dir, "Firma (2).cer")); err != nil {
		t.Errorf("the second save did not get its own name: %v", err)
	}
}

// With no password saved that opens the file (kept elsewhere), the
// hand-over asks for it, uses it once, and makes the copy.
func TestHandOverAsksForThePassword(t *testing.T) {
	dir := t.TempDir()
	g, cert, _ := placesFrame(t, dir, "en")
	if err := g.f.vault.Delete(t.Context(), vault.CertificateID(cert.SHA256)); err != nil {
		t.Fatal(err)
	}
	g.progress.AddPlace("Acme", register.NeedsP12, "")
	g.progress.SetFileChecked(cert.SHA256, guideTestTime)
	goTo(g, "switch")
	tapButton(t, g, "Make a copy with its own password")
	if !slices.ContainsFunc(texts(g.scroll.Content), func(s string) bool { return strings.HasPrefix(s, "No password saved on this computer") }) {
		t.Fatalf("not asked for the password: %q", texts(g.scroll.Content))
	}
	var pw *uiwidget.Entry
	for _, e := range findAll[*uiwidget.Entry](g.scroll.Content) {
		if e.Password && e.Visible() {
			pw = e
		}
	}
	if pw == nil {
		t.Fatal("no password field shown")
	}
	if g.f.win.Canvas().Focused() != pw {
		t.Error("the password field shown does not take the keyboard")
	}
	test.Type(pw, "Renewed-Pw-1")
	tapButton(t, g, "Make a copy with its own password")
	if _, err := os.Stat(filepath.Join(dir, "Firma (for Acme).p12")); err != nil {
		t.Fatalf("no copy: %v; %q", err, texts(g.scroll.Content))
	}
	if pw.Text != "" || pw.Visible() {
		t.Error("the typed password stayed in the field")
	}
}

// With no password saved that opens the file, saving the .cer asks for it
// with its own sentence: save it again, not "make the copy again" (that
// is the hand-over's).
func TestPublicCertificateAsksForThePasswordInItsOwnWords(t *testing.T) {
	dir := t.TempDir()
	g, cert, _ := placesFrame(t, dir, "en")
	if err := g.f.vault.Delete(t.Context(), vault.CertificateID(cert.SHA256)); err != nil {
		t.Fatal(err)
	}
	g.progress.SetUses(guide.PlaceDatafordeler, true)
	g.progress.SetFileChecked(cert.SHA256, guideTestTime)
	goTo(g, "switch")
	tapButton(t, g, "Save the public certificate")
	shown := texts(g.scroll.Content)
	if !slices.Contains(shown, words.T("guide.public.password.ask")) {
		t.Errorf("not asked for the password in the .cer's words: %q", shown)
	}
	if slices.ContainsFunc(shown, func(s string) bool { return strings.Contains(s, "make the copy again") }) {
		t.Errorf("the .cer's question speaks of a copy: %q", shown)
	}
	// Typed, Enter saves it, as the button would.
	focused, ok := g.f.win.Canvas().Focused().(*uiwidget.Entry)
	if !ok || !focused.Password {
		t.Fatalf("the password field does not have the keyboard: %T", g.f.win.Canvas().Focused())
	}
	test.Type(focused, "Renewed-Pw-1")
	focused.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if _, err := os.Stat(filepath.Join(dir, "Firma.cer")); err != nil {
		t.Errorf("Enter in the password field saved no .cer: %v; %q", err, texts(g.scroll.Content))
	}
}

// The switch-over card with no place noted offers the places to note, but
// not DPG secure mail: the DPG cards before it install the certificate
// there.
func TestSwitchCardOffersNoDPGAgain(t *testing.T) {
	g, cert, _ := placesFrame(t, t.TempDir(), "en")
	// The last renewal noted DPG secure mail and Skat (review R13).
	last := []register.Place{
		{ID: "p1", Preset: string(guide.PlaceDPGMail), Kind: register.NeedsP12},
		{ID: "p2", Preset: string(guide.PlaceSkat), Kind: register.NeedsIdentity},
	}
	if err := g.f.register.RecordPlaces(cert.SHA256, last); err != nil {
		t.Fatal(err)
	}
	goTo(g, "switch")
	shown := texts(g.scroll.Content)
	if slices.Contains(shown, words.T(guide.PlaceDPGMail.Key())) || anyTextContains(g.scroll.Content, words.T(guide.PlaceDPGMail.Key())) {
		t.Errorf("the switch-over card offers DPG secure mail again: %q", shown)
	}
	if !slices.Contains(shown, words.T(guide.PlaceDatafordeler.Key())) {
		t.Errorf("the switch-over card offers no place to note: %q", shown)
	}
	test.Tap(findButton(t, g.scroll.Content, words.T("guide.place.last.use")))
	if g.progress.Uses(guide.PlaceDPGMail) || !g.progress.Uses(guide.PlaceSkat) {
		t.Errorf("'Note them again' noted %+v", g.progress.Usages)
	}
}

// registered is a renewed certificate's file, Firma.p12 under password,
// as the register knows it after an earlier check.
func (x *checkFixture) registered(t *testing.T, password string) register.Certificate {
	path := x.file("Firma.p12", testpki.PFX(t, pkcs12.Modern, x.chain.Organization(t), x.chain.CACerts(), password))
	r := inspect.InspectFile(path, inspect.Options{Passwords: []string{password}, ExtraTrusted: []*x509.Certificate{x.chain.Root.Cert}})
	cert := renewal.Entry(renewal.Check{Path: path, Report: r, OpenedBy: "x"}, guideTestTime)
	if err := x.f.register.Upsert(cert); err != nil {
		t.Fatal(err)
	}
	return cert
}

// The summary's receipt for a file whose password no saved one opens: the
// file is checked again, its password asked for on the Check tab, and once
// it opens the receipt dialog opens too (not a second press of the same
// button).
func TestReceiptFromTheSummaryOpensOnceTheFileOpens(t *testing.T) {
	x := newCheckFixture(t, "en")
	const typed = "Typed-Pw-9"
	cert := x.registered(t, typed)
	x.f.receiptForChecked(cert.SHA256)
	x.wait()
	if len(x.f.check.shown) != 1 || x.f.check.shown[0].entry == nil {
		t.Fatalf("the password is not asked for: %q", texts(x.f.check.answers))
	}
	if x.w.Canvas().Overlays().Top() != nil {
		t.Fatal("a receipt dialog before the file opened")
	}
	if x.f.tabs.SelectedIndex() != checkTab {
		t.Error("the password is asked for on a tab not shown")
	}
	a := x.f.check.shown[0]
	test.Type(a.entry, typed)
	a.tryPassword()
	x.wait()
	if x.w.Canvas().Overlays().Top() == nil {
		t.Errorf("the file opened, and no receipt dialog: %q", texts(x.f.check.answers))
	}
}

// X4: the guide's receipt for a file a saved password opens, after a
// restart (the Check tab shows nothing): the file is checked again behind
// the dialog, and the user stays on the guide, under it and after it.
func TestReceiptFromTheGuideStaysOnTheGuide(t *testing.T) {
	x := newCheckFixture(t, "en")
	const saved = "Saved-Pw-7"
	cert := x.registered(t, saved)
	if err := x.f.vault.Save(context.Background(), vault.CertificateID(cert.SHA256), "", saved); err != nil {
		t.Fatal(err)
	}
	x.f.tabs.SelectIndex(guideTab)
	x.f.receiptForChecked(cert.SHA256)
	x.wait()
	if x.w.Canvas().Overlays().Top() == nil {
		t.Fatalf("no receipt dialog: %q", texts(x.f.check.answers))
	}
	if x.f.tabs.SelectedIndex() != guideTab {
		t.Errorf("the receipt from the guide went to tab %d", x.f.tabs.SelectedIndex())
	}
}

// The register's file for the certificate now holds another certificate
// (exported anew under the same name): the guide's receipt opens no
// dialog, and the Check tab shows why, never nothing at all (review S7).
func TestReceiptFromTheGuideShowsWhyWhenTheFileChanged(t *testing.T) {
	x := newCheckFixture(t, "en")
	const saved = "Saved-Pw-7"
	cert := x.registered(t, saved)
	if err := x.f.vault.Save(context.Background(), vault.CertificateID(cert.SHA256), "", saved); err != nil {
		t.Fatal(err)
	}
	other := testpki.PFX(t, pkcs12.Modern, x.chain.Organization(t), x.chain.CACerts(), saved)
	if err := os.WriteFile(cert.File.Path, other, 0o600); err != nil {
		t.Fatal(err)
	}
	x.f.tabs.SelectIndex(guideTab)
	x.f.receiptForChecked(cert.SHA256)
	x.wait()
	if x.w.Canvas().Overlays().Top() != nil || x.f.tabs.SelectedIndex() != checkTab {
		t.Errorf("another certificate in the file: dialog %v, tab %d", x.w.Canvas().Overlays().Top() != nil, x.f.tabs.SelectedIndex())
	}
}

// A place added on the switch-over card (which then draws its list, not
// the add row) leaves nothing behind: card 3 later opens at its top with
// the keyboard nowhere in it (review R14).
func TestPlaceAddedOnTheSwitchCardLeavesCard3Alone(t *testing.T) {
	g, _, _ := placesFrame(t, t.TempDir(), "en")
	goTo(g, "switch")
	var name *uiwidget.Entry
	for _, e := range findAll[*uiwidget.Entry](g.scroll.Content) {
		if e.PlaceHolder == words.T("guide.place.name") {
			name = e
		}
	}
	if name == nil {
		t.Fatal("no name field on the switch-over card")
	}
	test.Type(name, "Lønbureauet")
	tapButton(t, g, words.T("guide.place.add"))
	c := g.f.win.Canvas()
	c.Unfocus()
	goTo(g, "prepare-usage")
	if e, ok := c.Focused().(*uiwidget.Entry); ok {
		t.Errorf("card 3 opened with the keyboard in %q", e.PlaceHolder)
	}
	if g.scroll.Offset.Y != 0 {
		t.Errorf("card 3 opened scrolled to %v", g.scroll.Offset.Y)
	}
}
