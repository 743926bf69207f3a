package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/fornyer/fornyer/ui/words"
)

// Y14: renewed in the portal first, Fornyer opened afterwards. The renewed
// file, checked while the guide is still on "Before you start", is asked
// about on the Check tab and on the guide's card, in words for that case;
// the yes brings the guide past the portal's cards to the password card.
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
			if got := g.progress.Step().ID; got != "password" || !g.progress.FileChecked() {
				t.Errorf("after yes the guide is on %s (file taken %v)", got, g.progress.FileChecked())
			}
		})
	}
}
