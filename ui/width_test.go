package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/testpki"
	"github.com/fornyer/fornyer/ui/words"
	pkcs12 "software.sslmate.com/src/go-pkcs12"
)

// The longest realistic names: an organisation's as the CVR register
// writes it, and a file named by a person.
const (
	longOwnOrg   = "Foreningen af Danske Kommuners Administrative Fællesskab ApS"
	longOtherOrg = "Anden Virksomhed og Søn Holding- og Investeringsselskab ApS"
	longFileName = "Fornyet organisationscertifikat til Anden Virksomhed og Søn Holding 2026-12-07.p12"
)

// fitsTheWindow fails when the window's content asks for more width than
// the window was given, on every tab and, on the guide, every card: Fyne
// then widens the window past the screen's edge and never narrows it
// again (Y7). It leaves the guide on its last card.
func fitsTheWindow(t *testing.T, x *checkFixture, where string) {
	t.Helper()
	width := contentWidth()
	for tab, name := range []string{"guide", "check", "certificates", "settings"} {
		x.f.tabs.SelectIndex(tab)
		x.wait()
		if w := unfitted(x.f.content).MinSize().Width; w > width {
			t.Errorf("%s, %s tab: the window needs %.0f px, it has %.0f: %q", where, name, w, width, tooWide(unfitted(x.f.content), width))
		}
	}
	x.f.tabs.SelectIndex(guideTab)
	for _, s := range guide.Steps {
		goTo(x.f.guide, s.ID)
		x.wait()
		if w := unfitted(x.f.content).MinSize().Width; w > width {
			t.Errorf("%s, card %s: the window needs %.0f px, it has %.0f: %q", where, s.ID, w, width, tooWide(unfitted(x.f.content), width))
		}
	}
}

// dropOtherOrganisation drops a certificate of another organisation, with
// a long name, in a file with a long name, opening without a password.
func (x *checkFixture) dropOtherOrganisation(t *testing.T) {
	t.Helper()
	leaf := x.chain.Issuing.Issue(t, testpki.LeafOptions{Org: longOtherOrg, CVR: "87654321",
		UUID: "99999999-2222-3333-4444-555555555555", NotBefore: x.f.now().Add(-time.Minute)})
	x.drop(x.file(longFileName, testpki.PFX(t, pkcs12.Modern, leaf, x.chain.CACerts(), "")))
}

// Y7: a question about another organisation's file during a renewal
// widened the window from 480 to 545 or 623 px, past the screen's right
// edge: its Yes and No side by side, Yes naming the organisation. Both
// years, both languages, the longest names.
func TestAQuestionAboutAnotherOrganisationKeepsTheWindowsWidth(t *testing.T) {
	for _, lang := range []string{"da", "en"} {
		t.Run(lang+"/second year", func(t *testing.T) {
			x := newCheckFixture(t, lang)
			if err := x.f.register.Upsert(register.Certificate{
				SHA256: strings.Repeat("ab", 32), Organization: longOwnOrg, CVR: "12345678", UUID: "11111111-2222-3333-4444-555555555555",
				NotBefore: x.f.now().AddDate(-3, 0, 20), NotAfter: x.f.now().AddDate(0, 0, 20),
			}); err != nil {
				t.Fatal(err)
			}
			x.f.guide.progress.StartedAt = x.f.now().Add(-time.Hour)
			goTo(x.f.guide, "download")
			x.dropOtherOrganisation(t)
			if len(x.f.check.shown) != 1 {
				t.Fatalf("%d answers shown", len(x.f.check.shown))
			}
			fitsTheWindow(t, x, "second year")
		})
		t.Run(lang+"/first renewal", func(t *testing.T) {
			x := newCheckFixture(t, lang)
			mine := strings.Repeat("cd", 32)
			if err := x.f.register.Upsert(register.Certificate{
				SHA256: mine, Organization: longOwnOrg, CVR: "12345678", UUID: "11111111-2222-3333-4444-555555555555",
				NotBefore: x.f.now().Add(-time.Hour), NotAfter: x.f.now().AddDate(3, 0, 0),
			}); err != nil {
				t.Fatal(err)
			}
			x.f.guide.progress.StartedAt = x.f.now().Add(-2 * time.Hour)
			x.f.guide.progress.SetFileChecked(mine, x.f.now().Add(-time.Hour))
			goTo(x.f.guide, "download")
			x.dropOtherOrganisation(t)
			if !x.f.check.shown[0].answer.Waits() {
				t.Fatalf("no question asked: %q", texts(x.f.check.answers))
			}
			fitsTheWindow(t, x, "first renewal")
		})
		t.Run(lang+"/own file", func(t *testing.T) {
			// The renewal's own file, long names, nothing asked: every card
			// and the summary name them.
			x := newCheckFixture(t, lang)
			x.f.guide.progress.StartedAt = x.f.now().Add(-time.Hour)
			goTo(x.f.guide, "download")
			leaf := x.chain.Issuing.Issue(t, testpki.LeafOptions{Org: longOwnOrg, NotBefore: x.f.now().Add(-time.Minute)})
			x.drop(x.file(longFileName, testpki.PFX(t, pkcs12.Modern, leaf, x.chain.CACerts(), "")))
			fitsTheWindow(t, x, "own file")
		})
	}
}

// tooWide names what makes o wider than width: the innermost shown objects
// that are, with their texts (a container whose parts fit one by one but
// not side by side is named with theirs).
func tooWide(o fyne.CanvasObject, width float32) []string {
	if o == nil || !o.Visible() || o.MinSize().Width <= width {
		return nil
	}
	var out []string
	for _, k := range parts(o) {
		out = append(out, tooWide(k, width)...)
	}
	if out != nil {
		return out
	}
	var said []string
	for _, v := range visible(o) {
		switch x := v.(type) {
		case *widget.Label:
			said = append(said, x.Text)
		case *widget.Button:
			said = append(said, "["+x.Text+"]")
		case *canvas.Text:
			said = append(said, x.Text)
		}
	}
	return []string{fmt.Sprintf("%T %.0f px %q", o, o.MinSize().Width, said)}
}

// Y7: whatever a screen asks for, the window is never asked to be wider
// than the companion: what is wider is cut off, the window stays beside
// the browser. (The screens fit by themselves: the tests above.)
func TestTheWindowIsNeverAskedToWiden(t *testing.T) {
	f, w := newTestFrame(t, "en")
	if w.Content() != f.content || unfitted(f.content) == f.content {
		t.Fatal("the window's content is not fitted")
	}
	wide := canvas.NewRectangle(nil)
	wide.SetMinSize(fyne.NewSize(3*companionSize.Width, 10))
	w.SetContent(fitWidth(wide))
	if got := windowNeeds(w).Width; got != companionSize.Width {
		t.Errorf("content %.0f px wide asks the window for %.0f, not its %.0f", wide.MinSize().Width, got, companionSize.Width)
	}
}

// windowNeeds is the size w asks for: its content's, with the padding a
// padded window draws round it (Fyne's window grows to it, and the window
// of the tests does not).
func windowNeeds(w fyne.Window) fyne.Size {
	need := w.Content().MinSize()
	if w.Padded() {
		need = need.AddWidthHeight(2*theme.Padding(), 2*theme.Padding())
	}
	return need
}

// Z21: the window stays 480 px wide across a "Yes" on the question about
// the renewal's own file (it widened to 488), and after it on every tab and
// card, in both languages with the longest names: no MinSize grows past
// what the window gives its content (Technical details' "Fingeraftryk
// (thumbprint, som Windows viser det)" beside its Copy button did).
func TestAnAnswerKeepsTheWindowsSize(t *testing.T) {
	for _, lang := range []string{"da", "en"} {
		t.Run(lang, func(t *testing.T) {
			x := newCheckFixture(t, lang)
			x.f.guide.progress.StartedAt = x.f.now().Add(-time.Hour)
			goTo(x.f.guide, "download")
			leaf := x.chain.Issuing.Issue(t, testpki.LeafOptions{Org: longOwnOrg, NotBefore: x.f.now().Add(-time.Minute)})
			x.drop(x.file(longFileName, testpki.PFX(t, pkcs12.Modern, leaf, x.chain.CACerts(), "")))
			before := windowNeeds(x.w)
			test.Tap(findButton(t, x.f.check.answers, words.T("renewal.ask.yes")))
			x.wait()
			if x.f.guide.progress.FileSHA256 == "" {
				t.Fatal("the yes did not take the file")
			}
			if after := windowNeeds(x.w); after.Width > companionSize.Width || before.Width > companionSize.Width {
				t.Errorf("the window asks for %.0f px before the answer and %.0f after; it is %.0f", before.Width, after.Width, companionSize.Width)
			}
			fitsTheWindow(t, x, "after the yes")
		})
	}
}

// unfitted is what fitWidth holds: the content as it asks to be drawn.
func unfitted(o fyne.CanvasObject) fyne.CanvasObject {
	if c, ok := o.(*fyne.Container); ok {
		if _, capped := c.Layout.(widthCap); capped && len(c.Objects) == 1 {
			return c.Objects[0]
		}
	}
	return o
}

// parts are what o is drawn with: a container's objects, a widget's
// renderer's.
func parts(o fyne.CanvasObject) []fyne.CanvasObject {
	switch x := o.(type) {
	case *fyne.Container:
		return x.Objects
	case fyne.Widget:
		return test.WidgetRenderer(x).Objects()
	}
	return nil
}
