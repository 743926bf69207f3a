package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/vault"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
)

// No button or line ends under the scroll bar, which Fyne draws over the
// right edge of what scrolls: the Check tab's "Choose file…" beside "Drag
// another file onto the window", Settings' "Delete" and "Update" beside a
// saved password, and the guide's card were cut by it (V6, V14).
func TestNothingUnderTheScrollBar(t *testing.T) {
	for _, lang := range []string{"da", "en"} {
		t.Run(lang, func(t *testing.T) {
			x := newCheckFixture(t, lang)
			sha := strings.Repeat("c4", 32)
			if err := x.f.register.Upsert(register.Certificate{SHA256: sha, Organization: "Fornyer Testfirma ApS", NotAfter: time.Now().AddDate(3, 0, 0)}); err != nil {
				t.Fatal(err)
			}
			if err := x.f.vault.Save(context.Background(), vault.CertificateID(sha), "Fornyer Testfirma ApS", "Kode-1"); err != nil {
				t.Fatal(err)
			}
			x.dropNew(t, "Fornyet certifikat.p12")
			x.wait()
			x.f.guide.progress.Current = "dpg-activate" // a card with a link button (Timengo's guide)
			x.f.guide.show()
			for _, tab := range []int{guideTab, checkTab, settingsTab} {
				x.f.tabs.SelectIndex(tab)
				x.w.Content().Refresh() // laid out as the window draws it
				page := x.f.tabs.Items[tab].Content
				scrolls := findAll[*container.Scroll](page)
				if len(scrolls) == 0 {
					t.Fatalf("tab %d has no scroll", tab)
				}
				s := scrolls[0]
				d := fyne.CurrentApp().Driver()
				edge := d.AbsolutePositionForObject(s).X + s.Size().Width - theme.Size(theme.SizeNameScrollBar)
				n := 0
				for _, b := range findAll[*uiwidget.Button](s.Content) {
					if !b.Visible() || b.Size().Width == 0 {
						continue
					}
					n++
					if right := d.AbsolutePositionForObject(b).X + b.Size().Width; right > edge+0.5 {
						t.Errorf("tab %d: %q ends at %.0f, under the scroll bar from %.0f", tab, b.Text, right, edge)
					}
				}
				if n == 0 {
					t.Errorf("tab %d: no buttons looked at", tab)
				}
			}
		})
	}
}

// The summary's paths wrap at their separators, never inside a name: the
// file's and the receipt's (pathLabel) and each backup's in its sentence
// (V14: "…Fo | rnyer Prøve ApS…").
func TestSummaryPathsBreakAtSeparators(t *testing.T) {
	for _, lang := range []string{"da", "en"} {
		t.Run(lang, func(t *testing.T) {
			x := newCheckFixture(t, lang)
			g := x.f.guide
			sha := strings.Repeat("c4", 32)
			backup := "/media/anne/KINGSTON/Certifikater-fra-MitID-Erhverv/Fornyer-Testfirma-ApS.p12"
			if err := x.f.register.Upsert(register.Certificate{SHA256: sha, Organization: "Fornyer Testfirma ApS", NotAfter: time.Now().AddDate(3, 0, 0),
				File:    &register.FileRef{Path: "/home/anne/Downloads/Fornyer-Testfirma-ApS.p12"},
				Backups: []register.FileRef{{Path: backup, VerifiedAt: time.Now()}}}); err != nil {
				t.Fatal(err)
			}
			g.progress.SetFileChecked(sha, time.Now())
			g.progress.Current = "summary"
			g.show()
			found := false
			for _, text := range texts(g.scroll.Content) {
				if strings.Contains(text, "KINGSTON") {
					found = true
					if !strings.Contains(text, uiwidget.Breakable(backup)) {
						t.Errorf("the backup's path cannot break at its separators: %q", text)
					}
				}
			}
			if !found {
				t.Fatalf("no backup line: %q", texts(g.scroll.Content))
			}
		})
	}
}
