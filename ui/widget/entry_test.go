package widget

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// Z14: a proposal (the name given on the receipt, offered again) is selected
// whole when the keyboard arrives by Tab, so a name typed replaces it; a
// click puts the cursor where it pressed, and a field given the keyboard
// back where it was (the card drawn again) keeps its cursor.
func TestAProposalIsReplacedByWhatIsTyped(t *testing.T) {
	test.NewTempApp(t)
	before := NewEntry()
	proposal := NewProposalEntry("Mette Holm")
	w := test.NewWindow(container.NewVBox(before, proposal))
	defer w.Close()
	c := w.Canvas()

	// By Tab: typed over.
	c.Focus(before)
	c.FocusNext()
	if c.Focused() != fyne.Focusable(proposal) {
		t.Fatalf("Tab reached %T", c.Focused())
	}
	for _, r := range "Anne Berg" {
		proposal.TypedRune(r)
	}
	if proposal.Text != "Anne Berg" {
		t.Errorf("typed after Tab: %q", proposal.Text)
	}

	// By a click at the text's end: added to, as in any field.
	proposal.SetText("Mette Holm")
	c.Unfocus()
	proposal.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(proposal.Size().Width-4, proposal.Size().Height/2)}, Button: desktop.MouseButtonPrimary})
	proposal.MouseUp(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(proposal.Size().Width-4, proposal.Size().Height/2)}, Button: desktop.MouseButtonPrimary})
	for _, r := range " Jr" {
		proposal.TypedRune(r)
	}
	if proposal.Text != "Mette Holm Jr" {
		t.Errorf("typed after a click: %q", proposal.Text)
	}

	// Given back where it was: the cursor stays, nothing is selected.
	spot, ok := SpotIn(c, w.Content())
	if !ok {
		t.Fatal("no spot")
	}
	c.Unfocus()
	if !spot.Again(c, w.Content()) {
		t.Fatal("the field was not given the keyboard back")
	}
	proposal.TypedRune('!')
	if proposal.Text != "Mette Holm Jr!" {
		t.Errorf("typed after the keyboard came back: %q", proposal.Text)
	}

	// A field that is not a proposal keeps Fyne's way: the cursor where it was.
	before.SetText("abc")
	c.Focus(proposal)
	c.FocusPrevious()
	before.TypedRune('d')
	if before.Text == "d" {
		t.Errorf("a plain field was typed over: %q", before.Text)
	}
}

// A path field's name typed is added after the folder it holds, by Tab as by
// the picker giving it the keyboard (walk W6: "f.p12/home/…/Downloads/").
func TestAPathFieldAddsTheNameAfterTheFolder(t *testing.T) {
	test.NewTempApp(t)
	before := NewEntry()
	path := NewPathEntry("/home/mette/Hentede filer/")
	w := test.NewWindow(container.NewVBox(before, path))
	defer w.Close()
	c := w.Canvas()
	c.Focus(before)
	c.FocusNext()
	for _, r := range "Prøve ApS.p12" {
		path.TypedRune(r)
	}
	if want := "/home/mette/Hentede filer/Prøve ApS.p12"; path.Text != want {
		t.Errorf("typed %q, want %q", path.Text, want)
	}
}
