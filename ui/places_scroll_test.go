package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/renewal"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
	"github.com/fornyer/fornyer/ui/words"
)

// The mouse wheel scrolls the switch-over card wherever the pointer is,
// over a text field too (the hand-over's "Who is it for?"): a field of
// Fyne's kept every wheel turn over it for its own text, so the card
// stopped there and its end, the last place's tick, could not be reached.
// After a hand-over's lines appear the wheel still reaches the end.
func TestWheelOverAFieldScrollsTheCard(t *testing.T) {
	g, cert, _ := placesFrame(t, t.TempDir(), "en")
	g.progress.SetFileChecked(cert.SHA256, guideTestTime)
	g.progress.SetUses("datafordeler", true)
	g.progress.SetUses("skat", true)
	g.progress.AddPlace("Acme webshop", register.NeedsP12, "")
	g.progress.AddPlace("Intranet", register.NeedsOther, "")
	goTo(g, "switch")
	d := fyne.CurrentApp().Driver()
	c := g.f.win.Canvas()

	var field *uiwidget.Entry
	for _, e := range findAll[*uiwidget.Entry](g.scroll.Content) {
		if e.Visible() && e.Text == "Acme webshop" {
			field = e
		}
	}
	if field == nil {
		t.Fatal("no hand-over field for Acme webshop")
	}
	// Scroll until the field is under the pointer, then turn the wheel
	// over it.
	top := d.AbsolutePositionForObject(g.scroll)
	g.scroll.ScrollToOffset(fyne.NewPos(0, d.AbsolutePositionForObject(field).Y-top.Y+g.scroll.Offset.Y-g.scroll.Size().Height/2))
	over := d.AbsolutePositionForObject(field).Add(fyne.NewPos(field.Size().Width/2, field.Size().Height/2))
	before := g.scroll.Offset
	test.Scroll(c, over, 0, -40)
	if g.scroll.Offset.Y <= before.Y {
		t.Fatalf("the wheel over the field did not scroll the card (offset %v)", g.scroll.Offset)
	}

	tapButton(t, g, "Make a copy with its own password")
	if shownHandOverPassword(g.scroll.Content) == "" {
		t.Fatalf("no hand-over: %q", texts(g.scroll.Content))
	}
	test.Scroll(c, over, 0, -1e6)
	ticks := findAll[*uiwidget.Check](g.scroll.Content)
	last := ticks[len(ticks)-1]
	pos := d.AbsolutePositionForObject(last)
	top = d.AbsolutePositionForObject(g.scroll)
	if pos.Y < top.Y || pos.Y+last.Size().Height > top.Y+g.scroll.Size().Height {
		t.Fatalf("the last tick is at %v, the card shows %v to %v", pos.Y, top.Y, top.Y+g.scroll.Size().Height)
	}
}

// "Save the public certificate (.cer)" on a screen too short for the whole
// card: the "Saved: …" line under the buttons is brought into view (X17),
// as the password card's "Saved in your keyring" is.
func TestTheSavedCerLineIsBroughtIntoView(t *testing.T) {
	for _, language := range []string{"da", "en"} {
		t.Run(language, func(t *testing.T) {
			g := switchCard(t, language)
			g.f.win.Resize(fyne.NewSize(companionSize.Width, 480)) // the card scrolls
			tapButton(t, g, words.T("guide.public.save"))
			prefix, _, _ := strings.Cut(words.T("guide.public.saved", map[string]any{"File": "|"}), "|")
			var saved *widget.Label
			for _, l := range findAll[*widget.Label](g.scroll.Content) {
				if l.Visible() && strings.HasPrefix(l.Text, prefix) {
					saved = l
				}
			}
			if saved == nil {
				t.Fatalf("no %q line: %q", prefix, texts(g.scroll.Content))
			}
			d := fyne.CurrentApp().Driver()
			pos, top := d.AbsolutePositionForObject(saved), d.AbsolutePositionForObject(g.scroll)
			if pos.Y < top.Y || pos.Y+saved.MinSize().Height > top.Y+g.scroll.Size().Height+1 {
				t.Errorf("%q is at %v..%v, the card shows %v to %v", saved.Text, pos.Y, pos.Y+saved.MinSize().Height, top.Y, top.Y+g.scroll.Size().Height)
			}
		})
	}
}

// "Make a copy with its own password" on a screen too short for the
// whole card: the copy's password, shown once under the button, is
// brought into view with the line above it (usertest Z3, review Q3).
func TestTheCopysPasswordIsBroughtIntoView(t *testing.T) {
	g, cert, _ := placesFrame(t, t.TempDir(), "en")
	g.progress.SetFileChecked(cert.SHA256, guideTestTime)
	g.progress.SetUses(guide.PlaceDatafordeler, true)
	g.progress.AddPlace("Acme webshop", register.NeedsP12, "")
	goTo(g, "switch")
	g.f.win.Resize(fyne.NewSize(companionSize.Width, 480)) // the card scrolls
	tapButton(t, g, words.T("guide.handover.make"))
	pw := shownHandOverPassword(g.scroll.Content)
	if pw == "" {
		t.Fatalf("no hand-over: %q", texts(g.scroll.Content))
	}
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(g.scroll)
	made, _, _ := strings.Cut(words.T("guide.handover.made", map[string]any{"File": "|"}), "|")
	seen := 0
	for _, l := range findAll[*widget.Label](g.scroll.Content) {
		if l.Text != pw && !strings.HasPrefix(l.Text, made) {
			continue
		}
		seen++
		pos := d.AbsolutePositionForObject(l)
		if pos.Y < top.Y || pos.Y+l.MinSize().Height > top.Y+g.scroll.Size().Height+1 {
			t.Errorf("%q is at %v..%v, the card shows %v to %v", l.Text, pos.Y, pos.Y+l.MinSize().Height, top.Y, top.Y+g.scroll.Size().Height)
		}
	}
	if seen != 2 {
		t.Errorf("%d of the copy's two lines found: %q", seen, texts(g.scroll.Content))
	}
}

// No fingerprint is named in plain view (X19; DESIGN.md: never "SHA-256"
// unless the user opens "Technical details"): the switch-over card folds a
// system user's identifiers under "Show the certificate's identifiers",
// which of them Skat asks for not being known, and the Check tab keeps
// them under "Technical details", each with Copy.
func TestNoFingerprintInPlainView(t *testing.T) {
	plain := func(t *testing.T, where string, o fyne.CanvasObject) {
		t.Helper()
		for _, s := range texts(o) {
			if strings.Contains(s, "SHA") {
				t.Errorf("%s shows %q in plain view", where, s)
			}
		}
	}
	for _, language := range []string{"da", "en"} {
		t.Run(language, func(t *testing.T) {
			g := switchCard(t, language)
			plain(t, "the switch-over card", g.scroll.Content)
			var fold *widget.Accordion
			for _, a := range findAll[*widget.Accordion](g.scroll.Content) {
				if len(a.Items) == 1 && a.Items[0].Title == words.T("guide.identifiers.show") {
					fold = a
				}
			}
			if fold == nil || fold.Items[0].Open {
				t.Fatalf("Skat's identifiers are not folded under %q: %q", words.T("guide.identifiers.show"), texts(g.scroll.Content))
			}
			fold.Open(0)
			if !hasText(g.scroll.Content, words.T("inspect.identifier.sha256")) || !hasText(g.scroll.Content, words.T("inspect.identifier.uuid")) {
				t.Errorf("the open fold does not show the identifiers: %q", texts(g.scroll.Content))
			}

			x := newCheckFixture(t, language)
			r := goldenReport(language, "ready")
			a := newCheckAnswer(x.f.check, r.File, r, renewal.TrySaved(nil))
			plain(t, "the Check tab", a.content)
			details := findAll[*widget.Accordion](a.content)
			if len(details) == 0 {
				t.Fatal("no technical details")
			}
			details[len(details)-1].Open(0)
			for _, id := range inspect.Identifiers(r.Certificate) {
				if !hasText(a.content, words.T(id.Key)) {
					t.Errorf("%q is not under the technical details: %q", words.T(id.Key), texts(a.content))
				}
			}
		})
	}
}

// switchCard is the switch-over card with Datafordeleren and Skat noted.
func switchCard(t *testing.T, language string) *guideState {
	g, cert, _ := placesFrame(t, t.TempDir(), language)
	g.progress.SetFileChecked(cert.SHA256, guideTestTime)
	g.progress.SetUses(guide.PlaceDatafordeler, true)
	g.progress.SetUses(guide.PlaceSkat, true)
	goTo(g, "switch")
	return g
}
