package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/fornyer/fornyer/core/msg"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
)

// On the smallest screen (smallestHeight), the answer's question "Is this the file you just
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
			x.dropNew(t, "Fornyet certifikat.p12")
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
