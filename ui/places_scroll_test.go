package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/fornyer/fornyer/core/register"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
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
