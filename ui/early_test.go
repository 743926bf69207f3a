package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/fornyer/fornyer/core/testpki"
	"github.com/fornyer/fornyer/ui/words"
)

// Y14: renewed in the portal first, Fornyer opened afterwards. The renewed
// file, checked while the guide is still on "Before you start", is asked
// about on the Check tab and on the guide's card, in words for that case;
// the yes brings the guide to the first card that still needs something,
// and its Done past the portal's cards.
func TestAFileRenewedBeforeTheGuideIsAskedAbout(t *testing.T) {
	for _, lang := range []string{"da", "en"} {
		t.Run(lang, func(t *testing.T) {
			x := newCheckFixture(t, lang)
			g := x.f.guide
			if g.progress.Step().ID != "welcome" {
				t.Fatalf("the guide starts on %s", g.progress.Step().ID)
			}
			x.dropNew(t, "Fornyet certifikat.p12")
			early := words.T("renewal.ask.early")
			if !hasText(x.f.check.answers, early) {
				t.Fatalf("the Check tab does not ask: %q", texts(x.f.check.answers))
			}
			x.f.tabs.SelectIndex(guideTab)
			g.show()
			card := x.f.tabs.Items[guideTab].Content
			if !hasText(card, early) {
				t.Fatalf("card 1 says nothing of the file: %q", texts(card))
			}
			test.Tap(findButton(t, card, words.T("renewal.ask.yes")))
			x.wait()
			// On the first card that still needs something: the places
			// card, not yet noted; its Done goes on past the portal's
			// cards, done by the file (Y13), to the password card.
			if got := g.progress.Step().ID; got != "prepare-usage" || !g.progress.FileChecked() {
				t.Errorf("after yes the guide is on %s (file taken %v)", got, g.progress.FileChecked())
			}
			g.complete()
			want := "password"
			if g.facts().PasswordSaved {
				want = "download"
			}
			if got := g.progress.Step().ID; got != want {
				t.Errorf("Done on the places card goes to %s, want %s", got, want)
			}
		})
	}
}

// Y14: the places noted, the renewed file checked on card 4 and its
// password saved on the Check tab while asked (the renewal's pending
// entry): after the yes, once the record has moved the password onto the
// certificate, the guide is on the download card, past the password card
// that needs nothing any more.
func TestAYesWithThePasswordSavedLandsOnTheDownloadCard(t *testing.T) {
	x := renewedOnCard4(t, "pw")
	g := x.f.guide
	test.Tap(findButton(t, x.f.check.answers, words.T("check.action.save_password")))
	x.wait()
	test.Tap(findButton(t, x.f.check.answers, words.T("renewal.ask.yes")))
	x.wait()
	if got := g.progress.Step().ID; got != "download" || !g.facts().PasswordSaved {
		t.Errorf("after yes the guide is on %s (password saved %v)", got, g.facts().PasswordSaved)
	}
}

// Review Q2: the guide, landed on the password card by a yes, stays there
// once the user saves the password on that card (Progress.Stay): the
// card says "saved", and the user presses Done.
func TestSavedOnTheLandedPasswordCardStays(t *testing.T) {
	x := renewedOnCard4(t, "Kx7-pQ2m-Zr9v-Lt4w")
	g := x.f.guide
	test.Tap(findButton(t, x.f.check.answers, words.T("renewal.ask.yes")))
	x.wait()
	if got := g.progress.Step().ID; got != "password" {
		t.Fatalf("after yes the guide is on %s, want password", got)
	}
	x.f.tabs.SelectIndex(guideTab)
	g.show()
	card := x.f.tabs.Items[guideTab].Content
	test.Type(findEntry(t, card), "Kx7-pQ2m-Zr9v-Lt4w")
	test.Tap(findButton(t, card, "Save password"))
	x.wait()
	if !g.facts().PasswordSaved {
		t.Fatalf("not saved: %q", texts(card))
	}
	if got := g.progress.Step().ID; got != "password" {
		t.Errorf("saved on the landed password card, the guide moved on by itself to %s", got)
	}
}

// renewedOnCard4 is the renewed file checked on the Check tab, opened with
// password typed there, while the guide is on card 4 with the places
// noted: the question waits.
func renewedOnCard4(t *testing.T, password string) *checkFixture {
	t.Helper()
	x := newCheckFixture(t, "en")
	g := x.f.guide
	g.progress.Current = "prepare-dpg"
	g.progress.Done["prepare-usage"] = x.f.now()
	x.f.tabs.SelectIndex(guideTab)
	g.show()
	x.f.tabs.SelectIndex(checkTab)
	leaf := x.chain.Issuing.Issue(t, testpki.LeafOptions{NotBefore: x.f.now().Add(-time.Minute)})
	x.drop(x.file("Fornyet certifikat.p12", testpki.OpenSSLPFX(t, leaf, x.chain.CACerts(), password)))
	test.Type(findEntry(t, x.f.check.answers), password)
	test.Tap(findButton(t, x.f.check.answers, "Open"))
	x.wait()
	return x
}
