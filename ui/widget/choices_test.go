package widget

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// Y7: answers side by side when they fit, one under the other when not;
// never asking for more width than the widest of them.
func TestChoicesStackWhenTheyDoNotFit(t *testing.T) {
	test.NewTempApp(t)
	no := NewButton("Nej, det er en anden fil", nil, nil)
	yes := NewButton("Ja, jeg fornyer for Anden Virksomhed og Søn…", nil, nil)
	row := NewChoices(no, yes)
	widest := no.MinSize().Max(yes.MinSize())
	if w := row.MinSize().Width; w != widest.Width {
		t.Fatalf("the answers ask for %.0f px, the widest is %.0f", w, widest.Width)
	}
	row.Resize(fyne.NewSize(3*widest.Width, 100))
	if no.Position().Y != yes.Position().Y || yes.Position().X <= no.Position().X || no.Size().Width != yes.Size().Width {
		t.Errorf("with room: No at %v (%v), Yes at %v (%v); want side by side, as wide", no.Position(), no.Size(), yes.Position(), yes.Size())
	}
	row.Resize(fyne.NewSize(widest.Width+10, 100))
	if yes.Position().Y <= no.Position().Y || yes.Position().X != 0 || yes.Size().Width != widest.Width+10 {
		t.Errorf("without room: No at %v, Yes at %v (%v); want one under the other, the whole width", no.Position(), yes.Position(), yes.Size())
	}
	if h := row.MinSize().Height; h < no.MinSize().Height+yes.MinSize().Height {
		t.Errorf("stacked, the answers ask for %.0f px of height", h)
	}
	if row.MinSize().Width != widest.Width {
		t.Error("stacked, the answers ask for more width")
	}
}
