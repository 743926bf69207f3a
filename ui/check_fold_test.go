package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	pkcs12 "software.sslmate.com/src/go-pkcs12"

	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/testpki"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
)

// The smallest screen the companion window is made for: 1280×720 with
// Windows' 125 % scaling. The window's height, in Fyne's units, is the
// work area less its margins and title bar over the scale
// (placeBesideBrowser).
const smallestHeight = (720 - 2*edgeMargin - 40) / 1.25

// On that screen, the answer's question "Is this the file you just
// downloaded?" and its Yes and No are on screen when the answer comes,
// without scrolling: below the facts they fell below the fold at 125 %
// (#23). The answer's facts follow below them.
func TestQuestionOnScreenAtTheSmallestSize(t *testing.T) {
	for _, lang := range []string{"da", "en"} {
		t.Run(lang, func(t *testing.T) {
			x := newCheckFixture(t, lang)
			x.w.Resize(fyne.NewSize(companionSize.Width, smallestHeight))
			now := time.Now()
			g := x.f.guide
			g.progress.Current = "download"
			g.progress.StartedAt = now.Add(-time.Hour)
			leaf := x.chain.Issuing.Issue(t, testpki.LeafOptions{NotBefore: now.Add(-time.Minute)})
			x.drop(x.file("Fornyet certifikat.p12", testpki.PFX(t, pkcs12.Modern, leaf, x.chain.CACerts(), "")))
			d := fyne.CurrentApp().Driver()
			scroll := x.f.check.scroll
			if scroll.Offset.Y != 0 {
				t.Fatalf("the answer is not shown from its top (offset %v)", scroll.Offset)
			}
			x.w.Content().Refresh() // laid out as the window draws it
			fold := d.AbsolutePositionForObject(scroll).Y + scroll.Size().Height
			for _, key := range []string{"renewal.ask.yes", "renewal.ask.no"} {
				var b *uiwidget.Button
				for _, o := range findAll[*uiwidget.Button](x.f.check.answers) {
					if o.Text == msg.T(lang, key, nil) && o.Visible() {
						b = o
					}
				}
				if b == nil {
					t.Fatalf("no %q: %q", msg.T(lang, key, nil), texts(x.f.check.answers))
				}
				if bottom := d.AbsolutePositionForObject(b).Y + b.Size().Height; bottom > fold {
					t.Errorf("%q ends at %.0f, below the fold at %.0f", b.Text, bottom, fold)
				}
			}
		})
	}
}
