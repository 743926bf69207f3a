package ui

import (
	"context"
	"fmt"
	"fyne.io/fyne/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/zalando/go-keyring"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/handover"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/renewal"
	"github.com/fornyer/fornyer/core/testpki"
	"github.com/fornyer/fornyer/core/vault"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
	"github.com/fornyer/fornyer/ui/words"
)

// The password saved on the card itself: once the store's list is read
// again, Done is enabled and the card keeps its own word for it.
func TestPasswordSavedOnTheCardEnablesDone(t *testing.T) {
	x := newCheckFixture(t, "en")
	g := x.f.guide
	g.progress.Current = "password"
	g.show()
	x.wait()
	if !g.done.Disabled() {
		t.Fatal("Done enabled before the password is saved")
	}
	test.Type(findEntry(t, g.cardAndBar()), "Kode-1234")
	test.Tap(findButton(t, g.cardAndBar(), "Save password"))
	x.wait()
	if g.done.Disabled() || g.hint.Visible() {
		t.Errorf("Done still waits after the password was saved here: hint %q", g.hint.Text)
	}
	if !hasText(g.scroll.Content, g.f.vaultText("vault.saved", nil)) {
		t.Errorf("the card lost its own word for the save: %q", texts(g.scroll.Content))
	}
}

// A step ahead of the guide: the file checked while the password card
// waits, the card says so (not "save it on the Check tab": the Check tab
// holds no typed password, as after a restart, Z9); the password saved on
// the Check tab (under the certificate) then does the card, wherever it
// was saved.
func TestPasswordSavedElsewhereDoesThePasswordCard(t *testing.T) {
	x := newCheckFixture(t, "en")
	g := x.f.guide
	g.progress.Current = "password"
	sha := strings.Repeat("ef", 32)
	g.progress.SetFileChecked(sha, x.f.now())
	g.show()
	x.wait()
	if !hasText(g.scroll.Content, words.T("guide.password.ahead.text_alone")) || !g.done.Disabled() {
		t.Fatalf("the file came first, and the card does not say so: %q", texts(g.scroll.Content))
	}
	if err := x.f.vault.Save(context.Background(), vault.CertificateID(sha), "Firma ApS", "Kode-1"); err != nil {
		t.Fatal(err)
	}
	x.wait()
	if g.done.Disabled() || !hasText(g.scroll.Content, words.T("guide.password.saved")) || hasText(g.scroll.Content, words.T("guide.password.ahead.text_alone")) {
		t.Errorf("the password saved elsewhere did not do the card: done disabled %v, %q", g.done.Disabled(), texts(g.scroll.Content))
	}
}

// X21: the file came first, and the password is then pasted and saved on
// the card itself: the warning that it is not saved, at the card's top,
// goes as the card says it is saved; it never stands above "Saved".
func TestTheFileCameFirstWarningGoesOnceSavedOnTheCard(t *testing.T) {
	x := newCheckFixture(t, "en")
	g := x.f.guide
	g.progress.Current = "password"
	g.progress.SetFileChecked(strings.Repeat("ef", 32), x.f.now())
	g.show()
	x.wait()
	content := g.scroll.Content.(*fyne.Container).Objects[0].(*fyne.Container).Objects
	if !hasText(content[0], words.T("guide.password.ahead.text_alone")) {
		t.Fatalf("the warning is not the card's first thing: %q", texts(g.scroll.Content))
	}
	test.Type(findEntry(t, g.cardAndBar()), "Kode-1234")
	test.Tap(findButton(t, g.cardAndBar(), words.T("vault.password.save")))
	x.wait()
	if hasText(g.scroll.Content, words.T("guide.password.ahead.text_alone")) || !hasText(g.scroll.Content, g.f.vaultText("vault.saved", nil)) {
		t.Errorf("after saving on the card it says %q", texts(g.scroll.Content))
	}
}

// One question for where else the password is kept: a safe place lets the
// card be done without saving here; "nowhere yet" does not.
func TestTheKeptAnswerDoesThePasswordCard(t *testing.T) {
	f, _ := newGuideTestFrame(t, "en", t.TempDir())
	g := f.guide
	goTo(g, "password")
	answerKept(t, g, "Nowhere yet")
	if !g.done.Disabled() || !g.hint.Visible() {
		t.Error("Done enabled with the password kept nowhere")
	}
	answerKept(t, g, "In the organisation's password manager")
	if g.done.Disabled() {
		t.Errorf("Done disabled with the password in a password manager: %q", g.hint.Text)
	}
	if g.progress.PasswordKept != "manager" {
		t.Errorf("the answer is not kept: %+v", g.progress)
	}
}

// A receipt made before the renewal was done is offered again, updated, as
// the summary's main action, and the offer fits the narrow window.
func TestSummaryOffersAnUpdatedReceipt(t *testing.T) {
	for _, language := range []string{"da", "en"} {
		f, _ := newGuideTestFrame(t, language, t.TempDir())
		g := f.guide
		sha := strings.Repeat("c4", 32)
		if err := f.register.Upsert(register.Certificate{SHA256: sha, Organization: "Fornyer Testfirma ApS", NotAfter: guideTestTime.AddDate(3, 0, 0)}); err != nil {
			t.Fatal(err)
		}
		g.progress.SetFileChecked(sha, guideTestTime)
		made := guideTestTime.Add(-time.Hour) // on the download card, before the steps after it
		if err := f.register.RecordReceipt(sha, register.Receipt{Path: "/papers/receipt.pdf", At: made}); err != nil {
			t.Fatal(err)
		}
		goTo(g, "summary")
		again := words.T("guide.summary.receipt.again", map[string]any{"Date": msg.Date(language, made.Local())})
		if !hasText(g.scroll.Content, again) || !hasButton(g.action, words.T("guide.summary.receipt.update")) {
			t.Errorf("%s: no updated receipt offered: %q", language, texts(g.scroll.Content))
		}
		if w := g.scroll.Content.MinSize().Width; w > companionSize.Width {
			t.Errorf("%s: the summary is %v wide, the window %v", language, w, companionSize.Width)
		}
	}
}

// Where else the password is kept, once the register knows the renewed
// certificate: the register holds the answer and the progress's copy goes;
// a register that cannot be written keeps the answer in the progress and
// says so, rather than losing it.
func TestTheKeptAnswerGoesToTheRegister(t *testing.T) {
	for _, writable := range []bool{true, false} {
		x := newCheckFixture(t, "en")
		g := x.f.guide
		sha := strings.Repeat("ab", 32)
		if err := x.f.register.Upsert(register.Certificate{SHA256: sha, Organization: "Firma ApS",
			NotBefore: guideTestTime, NotAfter: guideTestTime.AddDate(3, 0, 0)}); err != nil {
			t.Fatal(err)
		}
		if !writable {
			blockRegister(t, x.f.register)
		}
		g.progress.Current = "password"
		g.progress.SetFileChecked(sha, x.f.now())
		g.show()
		x.wait()
		answerKept(t, g, "In the organisation's password manager")
		x.wait()
		c, _ := x.f.register.Get(sha)
		told := x.w.Canvas().Overlays().Top() != nil
		switch {
		case writable && (c.PasswordKept != register.KeptManager || g.progress.PasswordKept != "" || told):
			t.Errorf("written: register %q, progress %q, dialog %v", c.PasswordKept, g.progress.PasswordKept, told)
		case !writable && (g.progress.PasswordKept != register.KeptManager || !told):
			t.Errorf("not written: the answer is lost (progress %q) or nothing is said (dialog %v)", g.progress.PasswordKept, told)
		}
	}
}

// blockRegister puts a folder where the register's file is: the Store
// keeps what it read, and every change is refused (even for root).
func blockRegister(t *testing.T, s *register.Store) {
	t.Helper()
	path := s.Path()
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(path, "in-the-way"), 0o700); err != nil {
		t.Fatal(err)
	}
}

// "Installed in DPG" on the guide's card, refused by the register: the
// user is told, and the button is theirs again (it stayed greyed, with a
// line in the log only).
func TestDPGCardSaysWhenTheRegisterRefuses(t *testing.T) {
	x := newCheckFixture(t, "en")
	g := x.f.guide
	sha := strings.Repeat("cd", 32)
	if err := x.f.register.Upsert(register.Certificate{SHA256: sha, Organization: "Firma ApS",
		NotBefore: guideTestTime, NotAfter: guideTestTime.AddDate(3, 0, 0)}); err != nil {
		t.Fatal(err)
	}
	blockRegister(t, x.f.register)
	g.progress.SetFileChecked(sha, x.f.now())
	goTo(g, "dpg-verify")
	x.wait()
	entries := findAll[*uiwidget.Entry](g.cardAndBar())
	if len(entries) != 1 {
		t.Fatalf("%d entries on the DPG card", len(entries))
	}
	test.Type(entries[0], "Anne Jensen")
	installed := findButton(t, g.cardAndBar(), "Installed in DPG")
	test.Tap(installed)
	x.wait()
	if c, _ := x.f.register.Get(sha); c.DPG != nil {
		t.Fatal("the blocked register took the change")
	}
	if x.w.Canvas().Overlays().Top() == nil || installed.Disabled() {
		t.Errorf("a refused record: dialog %v, button disabled %v", x.w.Canvas().Overlays().Top() != nil, installed.Disabled())
	}
}

// Every saved password is tried on a dropped file; once answered, the
// answer keeps only the one that opened it, not the whole store's list
// for as long as it is shown.
func TestCheckAnswerKeepsOnlyThePasswordThatOpened(t *testing.T) {
	x := newCheckFixture(t, "en")
	leaf := x.chain.Organization(t)
	path := x.file("renewed.p12", testpki.OpenSSLPFX(t, leaf, x.chain.CACerts(), "Kode-2"))
	ctx := context.Background()
	for i, pw := range []string{"Kode-1", "Kode-2", "Kode-3"} {
		if err := x.f.vault.Save(ctx, vault.PendingID(fmt.Sprint("r", i)), "renewal", pw); err != nil {
			t.Fatal(err)
		}
	}
	x.drop(path)
	if len(x.f.check.shown) != 1 {
		t.Fatalf("%d answers", len(x.f.check.shown))
	}
	a := x.f.check.shown[0]
	if a.answer.Password != "Kode-2" {
		t.Fatalf("the answer's password %q", a.answer.Password)
	}
	if n := a.tries.Saved(); n != 0 {
		t.Errorf("the answer still holds %d saved passwords", n)
	}
}

// Card 19 offers the name given on the receipt as who installed it, so
// "Installed in DPG" is ready at once instead of greyed until it is typed
// again.
func TestDPGCardOffersTheReceiptsName(t *testing.T) {
	x := newCheckFixture(t, "en")
	g := x.f.guide
	sha := strings.Repeat("ce", 32)
	if err := x.f.register.Upsert(register.Certificate{SHA256: sha, Organization: "Firma ApS",
		NotBefore: guideTestTime, NotAfter: guideTestTime.AddDate(3, 0, 0)}); err != nil {
		t.Fatal(err)
	}
	if err := x.f.register.RecordReceipt(sha, register.Receipt{Path: "/papers/receipt.pdf", By: "Mette Prøvesen", At: guideTestTime}); err != nil {
		t.Fatal(err)
	}
	g.progress.SetFileChecked(sha, x.f.now())
	goTo(g, "dpg-verify")
	x.wait()
	entries := findAll[*uiwidget.Entry](g.cardAndBar())
	if len(entries) != 1 || entries[0].Text != "Mette Prøvesen" {
		t.Fatalf("the name field: %d fields, %q", len(entries), texts(g.cardAndBar()))
	}
	if findButton(t, g.cardAndBar(), "Installed in DPG").Disabled() {
		t.Error("Installed in DPG is greyed with the name filled in")
	}
}

// aStepAhead puts the guide on the card at (the password card, or an
// earlier one) and the renewed file, named name, on the Check tab, opened
// with its password typed there: the file came first (W1, X2, X18). It
// returns the file's certificate.
func (x *checkFixture) aStepAhead(t *testing.T, at, name string) *testpki.Leaf {
	g := x.f.guide
	g.progress.Current = at
	g.show()
	leaf := x.chain.Organization(t)
	x.drop(x.file(name, testpki.OpenSSLPFX(t, leaf, x.chain.CACerts(), "Kode-right-1")))
	test.Type(findEntry(t, x.f.check.answers), "Kode-right-1")
	test.Tap(findButton(t, x.f.check.answers, words.T("check.password.open")))
	x.wait()
	return leaf
}

// W1/W17: on the password card the file came first and no earlier
// certificate is known, so the Check tab asks "Is this the file you just
// downloaded?"; the password typed there and saved before the question is
// answered does the password card at once, and the store holds it once.
func TestCheckTabSaveBeforeTheQuestionDoesThePasswordCard(t *testing.T) {
	x := newCheckFixture(t, "en")
	g := x.f.guide
	leaf := x.aStepAhead(t, "password", "renewed.p12")
	if !hasText(x.f.check.answers, words.T("renewal.ask.text")) {
		t.Fatalf("the question is not asked: %q", texts(x.f.check.answers))
	}
	test.Tap(findButton(t, x.f.check.answers, "Save the password on this computer"))
	x.wait()
	x.f.tabs.SelectIndex(guideTab)
	x.wait()
	if g.done.Disabled() || !hasText(g.scroll.Content, words.T("guide.password.saved")) {
		t.Errorf("the card does not agree the password is saved: done disabled %v, %q", g.done.Disabled(), texts(g.scroll.Content))
	}
	// The question waits for the download card, next: the password card
	// keeps its own news first, not pushed below the fold (CI, e2e).
	if hasText(g.scroll.Content, words.T("renewal.ask.title")) {
		t.Error("the password card asks the download card's question")
	}
	entries, err := x.f.vault.List(context.Background())
	if err != nil || len(entries) != 1 {
		t.Fatalf("the store holds %+v, %v", entries, err)
	}
	// Yes moves it onto the certificate; still one.
	test.Tap(findButton(t, x.f.check.answers, words.T("renewal.ask.yes")))
	x.wait()
	sha := sha256Hex(leaf.Cert.Raw)
	entries, _ = x.f.vault.List(context.Background())
	if len(entries) != 1 || entries[0].ID != vault.CertificateID(sha) {
		t.Errorf("after yes the store holds %+v", entries)
	}
	if g.done.Disabled() {
		t.Error("after yes the card no longer agrees")
	}
}

// W18: a renewal finished with something still to do says so once, on the
// summary, where "Still to do" lists it; the other cards, looked at again,
// carry no warning above their picture.
func TestNotCompleteIsSaidOnTheSummaryOnly(t *testing.T) {
	f, g, sha := guideWithItsFile(t)
	if err := f.register.RecordDPGInstalled(sha, "Mette", guideTestTime); err != nil {
		t.Fatal(err)
	}
	// Backed up: a backup put off would leave the download card
	// outstanding, and the renewal not finished (Z17); the receipt is
	// what is still to do.
	if err := f.register.RecordBackup(sha, register.FileRef{Path: "/media/KINGSTON/Firma.p12", SHA256: sha, VerifiedAt: guideTestTime}); err != nil {
		t.Fatal(err)
	}
	goTo(g, guide.Steps[len(guide.Steps)-1].ID)
	g.progress.Done[guide.Steps[len(guide.Steps)-1].ID] = guideTestTime
	undone := msg.T("en", "guide.finished_undone", map[string]any{"Date": msg.Date("en", guideTestTime.Local()), "Name": "Mette"})
	shows := func() bool { return strings.Contains(strings.Join(texts(g.scroll.Content), "\n"), undone) }
	g.show()
	if !g.progress.Finished(g.facts()) || !shows() {
		t.Fatalf("the summary does not say what is not complete: finished %v, %q", g.progress.Finished(g.facts()), texts(g.scroll.Content))
	}
	goTo(g, "dpg-install")
	g.show()
	if shows() {
		t.Errorf("card %s repeats the summary's warning", g.progress.Current)
	}
}

// W8: the password saved on the Check tab and card 12 passed by, nobody
// said where else it is kept; the summary, which says it is missing, asks
// the question there, and the answer does the "still to do".
func TestTheSummaryAsksWhereElseThePasswordIsKept(t *testing.T) {
	f, _ := newGuideTestFrame(t, "en", t.TempDir())
	g := f.guide
	sha := strings.Repeat("cd", 32)
	g.progress.SetFileChecked(sha, guideTestTime)
	goTo(g, guide.Steps[len(guide.Steps)-1].ID)
	notSaved := words.T("guide.todo." + guide.TodoPasswordNotSaved)
	missing := func() bool { return strings.Contains(strings.Join(texts(g.scroll.Content), "\n"), notSaved) }
	if !missing() {
		t.Fatalf("the summary does not say the second copy is missing: %q", texts(g.scroll.Content))
	}
	answerKept(t, g, words.T("watch.kept.manager"))
	g.show()
	if missing() {
		t.Errorf("answered on the summary, still missing: %q", texts(g.scroll.Content))
	}
	if len(findAll[*widget.RadioGroup](g.scroll.Content)) != 0 {
		t.Error("answered, and still asked")
	}
}

// W16: the password saved on card 12 does not open the file that came;
// the user went on to card 13, which says so and leads back to card 12.
func TestTheDownloadCardSaysThePasswordCardsPasswordIsWrong(t *testing.T) {
	x := newCheckFixture(t, "en")
	g := x.f.guide
	sha := strings.Repeat("ef", 32)
	pending := vault.PendingID(g.progress.RenewalID)
	if err := x.f.vault.Save(context.Background(), pending, "", "Typo-1234"); err != nil {
		t.Fatal(err)
	}
	if err := x.f.vault.MarkDoesNotOpen(context.Background(), pending, sha, "Firma ApS"); err != nil { // tried on the file
		t.Fatal(err)
	}
	g.progress.SetFileChecked(sha, x.f.now())
	goTo(g, "download")
	x.wait()
	step := map[string]any{"Step": guide.Index("password") + 1}
	if !strings.Contains(strings.Join(texts(g.scroll.Content), "\n"), words.T("guide.download.wrong.text", step)) {
		t.Fatalf("card 13 says nothing of the wrong password: %q", texts(g.scroll.Content))
	}
	test.Tap(findButton(t, g.scroll.Content, words.T("guide.download.wrong.go", step)))
	if g.progress.Current != "password" {
		t.Errorf("the button leads to %s", g.progress.Current)
	}
}

// X2: a step ahead, the file checked and its password saved on the Check
// tab before the question was answered; the download card then asks the
// question itself, names the file, says why Done waits, and a yes there
// does the card: not "check the downloaded file first".
func TestTheDownloadCardAsksTheCheckTabsQuestion(t *testing.T) {
	for _, lang := range []string{"da", "en"} {
		t.Run(lang, func(t *testing.T) {
			x := newCheckFixture(t, lang)
			g := x.f.guide
			x.aStepAhead(t, "password", "Fornyet certifikat.p12")
			test.Tap(findButton(t, x.f.check.answers, words.T("check.action.save_password")))
			x.wait()
			x.f.tabs.SelectIndex(guideTab)
			g.complete() // the password card is done: on to the download card
			x.wait()
			if g.progress.Step().Task != guide.TaskDownload {
				t.Fatalf("not on the download card: %s", g.progress.Current)
			}
			asked := words.T("guide.download.asked", map[string]any{"Name": "Fornyet certifikat.p12"})
			if !hasText(g.scroll.Content, asked) || !hasText(g.scroll.Content, words.T("renewal.ask.title")) {
				t.Fatalf("the card does not ask: %q", texts(g.scroll.Content))
			}
			if !g.done.Disabled() || g.hint.Text != words.Sentence(guide.ErrFileQuestion) {
				t.Errorf("done disabled %v, hint %q", g.done.Disabled(), g.hint.Text)
			}
			test.Tap(findButton(t, g.action, words.T("renewal.ask.yes")))
			x.wait()
			if !hasText(g.scroll.Content, words.T("guide.download.checked")) || hasText(g.scroll.Content, asked) {
				t.Errorf("after yes the card says %q", texts(g.scroll.Content))
			}
			if hasText(x.f.check.answers, words.T("renewal.ask.text")) {
				t.Error("the Check tab still asks")
			}
			if x.f.tabs.SelectedIndex() != guideTab {
				t.Error("the answer on the guide left the guide")
			}
		})
	}
}

// X18: further ahead, the file checked while the guide is on card 7 (the
// portal's "Renew certificate"): the card asks the question above its
// picture, and a yes brings the guide, the file checked and the password
// saved on the Check tab, past the password card to the download card.
func TestACardOfThePortalAsksTheCheckTabsQuestion(t *testing.T) {
	x := newCheckFixture(t, "en")
	g := x.f.guide
	x.aStepAhead(t, "renew-certificate", "Fornyet certifikat.p12")
	test.Tap(findButton(t, x.f.check.answers, words.T("check.action.save_password")))
	x.wait()
	x.f.tabs.SelectIndex(guideTab)
	asked := words.T("guide.download.asked", map[string]any{"Name": "Fornyet certifikat.p12"})
	if g.progress.Current != "renew-certificate" || !hasText(g.scroll.Content, asked) {
		t.Fatalf("card %s does not ask: %q", g.progress.Current, texts(g.scroll.Content))
	}
	test.Tap(findButton(t, g.scroll.Content, words.T("renewal.ask.yes")))
	x.wait()
	// The password saved on the Check tab counts: once it is moved onto
	// the certificate, the guide is on the first card that still needs
	// something, the download card (Y14).
	if g.progress.Current != "download" || !g.progress.FileChecked() || !g.facts().PasswordSaved {
		t.Fatalf("after yes: card %s, file checked %v, password saved %v", g.progress.Current, g.progress.FileChecked(), g.facts().PasswordSaved)
	}
	if !hasText(g.scroll.Content, words.T("guide.download.checked")) {
		t.Errorf("the download card says %q", texts(g.scroll.Content))
	}
}

// Review R3: the password saved on card 12 was never tried on the file
// (the keyring did not give it when the file was checked): card 12 says
// so and that it is tried again, and calls it neither wrong nor ahead.
func TestThePasswordCardSaysAnUntriedPasswordIsNotTriedYet(t *testing.T) {
	for _, language := range []string{"en", "da"} {
		x := newCheckFixture(t, language)
		g := x.f.guide
		if err := x.f.vault.Save(context.Background(), vault.PendingID(g.progress.RenewalID), "", "Maybe-Right-1"); err != nil {
			t.Fatal(err)
		}
		g.progress.SetFileChecked(strings.Repeat("ef", 32), x.f.now())
		goTo(g, "password")
		x.wait()
		shown := strings.Join(texts(g.scroll.Content), "\n")
		if !strings.Contains(shown, x.f.vaultText("guide.password.untried.text", nil)) {
			t.Errorf("%s: card 12 says nothing of the untried password: %q", language, shown)
		}
		for _, key := range []string{"guide.password.wrong.text", "guide.password.ahead.text", "guide.password.ahead.text_alone"} {
			if strings.Contains(shown, words.T(key)) {
				t.Errorf("%s: card 12 says %q", language, words.T(key))
			}
		}
	}
}

// Review S2: the renewal's password saved on card 12 that was never tried
// on its file (the keyring did not give it when the file was recorded) is
// tried when the window next reads the store's list: it opens the file,
// so it is moved onto the certificate, and card 12 calls it saved.
func TestAnUntriedPasswordIsTriedWhenTheListIsRead(t *testing.T) {
	x := newCheckFixture(t, "en")
	g := x.f.guide
	ctx := context.Background()
	leaf := x.chain.Organization(t)
	path := x.file("renewed.p12", testpki.OpenSSLPFX(t, leaf, x.chain.CACerts(), "Right-Pass-1"))
	sha := sha256Hex(leaf.Cert.Raw)
	if err := x.f.register.Upsert(register.Certificate{SHA256: sha, Organization: "Fornyer Testfirma ApS", NotAfter: leaf.Cert.NotAfter,
		File: &register.FileRef{Path: path}}); err != nil {
		t.Fatal(err)
	}
	pending := vault.PendingID(g.progress.RenewalID)
	if err := x.f.vault.Save(ctx, pending, "", "Right-Pass-1"); err != nil {
		t.Fatal(err)
	}
	g.progress.SetFileChecked(sha, x.f.now())
	x.wait() // the store's change read the list: tried, moved, read again
	list, err := x.f.vault.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].ID != vault.CertificateID(sha) {
		t.Fatalf("after the list was read, the store lists %+v", list)
	}
	if st := g.facts(); !st.PasswordSaved || st.UntriedPasswordID != "" {
		t.Errorf("the facts: saved %v, untried %q", st.PasswordSaved, st.UntriedPasswordID)
	}
}

// X22: "Mark as installed in DPG" done on the Check tab (the register's
// record) ticks DPG's cards too: card 15 no longer warns that the mail may
// stop, says when and by whom it was installed, and its bar goes on past
// the DPG card; the dots of 15 to 19 are ticked. Without the record the
// card walks through the installation as before.
func TestTheDPGCardsKnowTheInstallationIsRecorded(t *testing.T) {
	f, g, sha := guideWithItsFile(t)
	goTo(g, "dpg-login")
	warning := msg.T("en", "guide.warning.dpg_now", nil)
	past := guide.PastTask(guide.TaskDPG)
	goOn := msg.T("en", "guide.settled.go_on", map[string]any{"Step": guide.Index(past) + 1})
	if !anyTextContains(g.cardAndBar(), warning) || hasButton(g.cardAndBar(), goOn) {
		t.Fatalf("not recorded: %q", texts(g.cardAndBar()))
	}
	if err := f.register.RecordDPGInstalled(sha, "Anna Berg", guideTestTime); err != nil {
		t.Fatal(err)
	}
	if anyTextContains(g.cardAndBar(), warning) || !anyTextContains(g.cardAndBar(), "by Anna Berg, as recorded in Fornyer") {
		t.Errorf("recorded: %q", texts(g.cardAndBar()))
	}
	for _, id := range []string{"dpg-login", "dpg-list", "dpg-install", "dpg-activate", "dpg-verify"} {
		if _, done := g.progress.StepDone(id, g.facts()); !done {
			t.Errorf("%s not done", id)
		}
	}
	test.Tap(findButton(t, g.cardAndBar(), goOn))
	if g.progress.Current != past {
		t.Errorf("went on to %s, want %s", g.progress.Current, past)
	}
}

// guideWithItsFile is an English guide whose renewal has its file (sha, of
// Firma ApS, in the register) checked, its password kept in a password
// manager and its backup left for later.
func guideWithItsFile(t *testing.T) (*frame, *guideState, string) {
	t.Helper()
	f, _ := newGuideTestFrame(t, "en", t.TempDir())
	sha := strings.Repeat("cd", 32)
	if err := f.register.Upsert(register.Certificate{SHA256: sha, Organization: "Firma ApS",
		NotBefore: guideTestTime, NotAfter: guideTestTime.AddDate(3, 0, 0)}); err != nil {
		t.Fatal(err)
	}
	g := f.guide
	g.progress.SetFileChecked(sha, guideTestTime)
	g.progress.SetPasswordKept("manager", "")
	g.progress.SetBackupLater(true)
	return f, g, sha
}

// The summary lists a copy made for another place (X20): the file, with
// "Show the file in its folder", where its own password is kept, and to
// delete the copy once sent; in both languages.
func TestTheSummaryListsTheHandOverCopy(t *testing.T) {
	for _, language := range []string{"da", "en"} {
		f, _ := newGuideTestFrame(t, language, t.TempDir())
		g := f.guide
		sha := strings.Repeat("c5", 32)
		if err := f.register.Upsert(register.Certificate{SHA256: sha, Organization: "Fornyer Testfirma ApS", NotAfter: guideTestTime.AddDate(3, 0, 0)}); err != nil {
			t.Fatal(err)
		}
		downloads := t.TempDir()
		copyPath := filepath.Join(downloads, "Firma (for Webshoppen, webbureauet).p12")
		acmePath := filepath.Join(t.TempDir(), "Firma (for Acme IT).p12")
		for _, p := range []string{copyPath, acmePath} {
			if err := os.WriteFile(p, []byte("copy"), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		for _, h := range []register.HandOver{
			{To: "Webshoppen (webbureauet)", At: guideTestTime, File: copyPath, PasswordID: "handover:x"},
			{To: "Acme IT", At: guideTestTime, File: acmePath},
		} {
			if err := f.register.RecordHandOver(sha, h); err != nil {
				t.Fatal(err)
			}
		}
		g.progress.SetFileChecked(sha, guideTestTime)
		// The copy's password by the name the store keeps it under, as
		// it was saved (in Danish, that day), whatever the window's
		// language now (review T5).
		stored := handover.Label("da", "Fornyer Testfirma ApS", "Webshoppen (webbureauet)")
		f.passwordIndex.list = guide.Passwords{Known: true, Entries: []vault.Entry{{ID: "handover:x", Label: stored}}}
		goTo(g, "summary")
		for _, want := range []string{
			words.T("guide.summary.handovers"),
			words.T("guide.summary.handover.item", map[string]any{"To": "Webshoppen (webbureauet)", "Date": msg.Date(language, guideTestTime.Local())}),
			words.T("guide.summary.handover.password", map[string]any{"Store": f.storeName(), "Label": stored}),
			words.T("guide.summary.handover.delete", map[string]any{"Folder": uiwidget.Breakable(downloads)}),
			words.T("guide.summary.handover.password.not_saved"),
		} {
			if !hasText(g.scroll.Content, want) {
				t.Errorf("%s: the summary does not say %q: %q", language, want, texts(g.scroll.Content))
			}
		}
		if !anyTextContains(g.scroll.Content, "Firma (for Webshoppen, webbureauet).p12") {
			t.Errorf("%s: the copy's file is not listed: %q", language, texts(g.scroll.Content))
		}
		n := 0
		for _, b := range buttonsIn(g.scroll.Content) {
			if b.Text == words.T("watch.reveal") {
				n++
			}
		}
		if n != 2 { // each copy's; the certificate file is not known here
			t.Errorf("%s: %d %q buttons, want one for each copy", language, n, words.T("watch.reveal"))
		}
		if w := g.scroll.Content.MinSize().Width; w > companionSize.Width {
			t.Errorf("%s: the summary is %v wide, the window %v", language, w, companionSize.Width)
		}
		// Deleted from the store since: said, not named as saved.
		f.passwordIndex.list = guide.Passwords{Known: true}
		g.show()
		if gone := words.T("guide.summary.handover.password.gone", map[string]any{"Store": f.storeName()}); !hasText(g.scroll.Content, gone) || anyTextContains(g.scroll.Content, stored) {
			t.Errorf("%s: the copy's password gone from the store: %q", language, texts(g.scroll.Content))
		}
		// The copy deleted once sent, as advised: the advice and "Show the
		// file in its folder" go, and the summary says it is gone.
		if err := os.Remove(copyPath); err != nil {
			t.Fatal(err)
		}
		f.tabs.SelectIndex(checkTab) // deleted while another tab was shown (Z5)
		f.tabs.SelectIndex(guideTab)
		f.tabSelected() // as the window's tabs do (this frame's are bare)
		deleted := words.T("guide.summary.handover.deleted", map[string]any{"Folder": uiwidget.Breakable(downloads)})
		advice := words.T("guide.summary.handover.delete", map[string]any{"Folder": uiwidget.Breakable(downloads)})
		if !hasText(g.scroll.Content, deleted) || hasText(g.scroll.Content, advice) {
			t.Errorf("%s: the copy deleted: %q", language, texts(g.scroll.Content))
		}
		n = 0
		for _, b := range buttonsIn(g.scroll.Content) {
			if b.Text == words.T("watch.reveal") {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s: %d %q buttons, want the copy still there's", language, n, words.T("watch.reveal"))
		}
	}
}

// A copy recorded while the switch-over card is shown (made there) does
// not draw the card again: the copy's password, just shown on it, would
// go (review T11, the fix of f4a1d3b).
func TestARecordedCopyLeavesTheSwitchOverCardAsItIs(t *testing.T) {
	f, _ := newGuideTestFrame(t, "en", t.TempDir())
	g := f.guide
	sha := strings.Repeat("c6", 32)
	if err := f.register.Upsert(register.Certificate{SHA256: sha, Organization: "Fornyer Testfirma ApS", NotAfter: guideTestTime.AddDate(3, 0, 0)}); err != nil {
		t.Fatal(err)
	}
	g.progress.SetFileChecked(sha, guideTestTime)
	goTo(g, "switch")
	drawn := g.scroll.Content
	if err := f.register.RecordHandOver(sha, register.HandOver{To: "Acme webshop", At: guideTestTime, File: "/home/anne/Downloads/x.p12", PasswordID: "handover:y"}); err != nil {
		t.Fatal(err)
	}
	if g.scroll.Content != drawn {
		t.Error("recording the copy drew the switch-over card again")
	}
}

// The second year (X23): the first card recalls the last renewal of the
// certificate being renewed, as the register knows it, and the password
// card offers last time's answer to "Where else is the password kept?",
// taken only when pressed.
func TestTheSecondYearRecallsTheLastRenewal(t *testing.T) {
	for _, language := range []string{"da", "en"} {
		f, _ := newGuideTestFrame(t, language, t.TempDir())
		g := f.guide
		renewedAt := guideTestTime.AddDate(-3, 0, 40)
		old := register.Certificate{
			SHA256: strings.Repeat("a7", 32), Organization: "Fornyer Testfirma ApS", UUID: "3f6e1a2b-7c4d-4e5f-9a0b-1c2d3e4f5a6b",
			NotBefore: renewedAt, NotAfter: renewedAt.AddDate(3, 0, 0), Renewed: renewedAt,
			PasswordKept: register.KeptWritten, PasswordHost: "KONTOR-PC",
			Backups:  []register.FileRef{{Path: "/media/jens/KINGSTON/firma.p12", Drive: "KINGSTON", VerifiedAt: renewedAt}},
			Receipts: []register.Receipt{{Path: "/home/jens/kvittering.pdf", At: renewedAt, By: "Jens Hansen"}},
		}
		if err := f.register.Upsert(old); err != nil {
			t.Fatal(err)
		}
		last, ok := renewal.Last(&g.progress, f.register.List(), f.now())
		if !ok {
			t.Fatal("the register recalls nothing")
		}
		goTo(g, "welcome")
		if want := strings.Join(last.Lines(language), "\n"); !hasText(g.scroll.Content, want) {
			t.Errorf("%s: the first card does not recall %q: %q", language, want, texts(g.scroll.Content))
		}

		goTo(g, "password")
		again := words.T("guide.last.kept.use.written")
		offered := func() *widget.Button {
			for _, b := range buttonsIn(g.scroll.Content) {
				if b.Text == again {
					return b
				}
			}
			return nil
		}
		use := offered()
		if use == nil {
			t.Fatalf("%s: the password card offers no %q: %q", language, again, texts(g.scroll.Content))
		}
		if g.progress.PasswordKept != "" {
			t.Fatalf("%s: last time's answer taken before it was pressed", language)
		}
		test.Tap(use)
		g.saver.wait()
		if g.progress.PasswordKept != register.KeptWritten {
			t.Errorf("%s: pressing %q kept %q", language, use.Text, g.progress.PasswordKept)
		}
		// Answered, last time's answer is no longer proposed (review T8).
		g.show()
		if offered() != nil {
			t.Errorf("%s: last time's answer still proposed once answered", language)
		}

		// An answer the catalogue does not know (a newer version's, a hand
		// edit) recalls and proposes nothing, and never shows a key (T6).
		old.PasswordKept = "vault"
		if err := f.register.Upsert(old); err != nil {
			t.Fatal(err)
		}
		g.progress.PasswordKept = ""
		goTo(g, "welcome")
		goTo(g, "password")
		for _, txt := range texts(g.scroll.Content) {
			if strings.Contains(txt, "guide.last") || strings.Contains(txt, "vault") {
				t.Errorf("%s: an unknown answer shows as %q", language, txt)
			}
		}
	}
}

// Z9: the file came first and its password was typed on the Check tab,
// not saved: the password card points there, while the Check tab holds
// it.
func TestTheFileAheadPointsToTheCheckTabThatHoldsThePassword(t *testing.T) {
	x := newCheckFixture(t, "en")
	g := x.f.guide
	x.aStepAhead(t, "password", "renewed.p12")
	test.Tap(findButton(t, x.f.check.answers, words.T("renewal.ask.yes")))
	x.wait()
	x.f.tabs.SelectIndex(guideTab)
	g.show()
	x.wait()
	if !hasText(g.scroll.Content, words.T("guide.password.ahead.text")) {
		t.Errorf("the card does not point to the Check tab: %q", texts(g.scroll.Content))
	}
}

// Walk W14 (Z20): the password saved on the card, then deleted in the
// keyring's own list. Arriving at the card again reads the store: the
// card no longer says it is saved and Done waits again; Settings' list of
// saved passwords no longer lists it.
func TestThePasswordCardFollowsADeletionInTheStore(t *testing.T) {
	x := newCheckFixture(t, "en")
	g := x.f.guide
	g.progress.Current = "password"
	g.show()
	x.wait()
	test.Type(findEntry(t, g.cardAndBar()), "Kode-1234")
	test.Tap(findButton(t, g.cardAndBar(), "Save password"))
	x.wait()
	if g.done.Disabled() {
		t.Fatal("Done waits after the password was saved")
	}
	if err := keyring.Delete(vault.Service, vault.PendingID(g.progress.RenewalID)); err != nil {
		t.Fatal(err)
	}
	// The tab opened again, the card not left: it reads the store, and
	// is drawn again without its own word for the save.
	x.f.tabs.SelectIndex(checkTab)
	x.f.tabs.SelectIndex(guideTab)
	x.wait()
	if !g.done.Disabled() || hasText(g.scroll.Content, g.f.vaultText("vault.saved", nil)) {
		t.Errorf("deleted in the store, the card still says saved: Done enabled %v, %q", !g.done.Disabled(), texts(g.scroll.Content))
	}
	g.goTo("prepare-usage")
	x.wait()
	g.goTo("password")
	x.wait()
	if !g.done.Disabled() || hasText(g.scroll.Content, g.f.vaultText("vault.saved", nil)) {
		t.Errorf("arrived at again, the card still says saved: Done enabled %v, %q", !g.done.Disabled(), texts(g.scroll.Content))
	}
	view := newSavedPasswordsView(x.f)
	x.wait()
	if !hasText(view, "No passwords are saved yet.") {
		t.Errorf("Settings lists a password deleted in the store: %q", texts(view))
	}
}
