package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/fornyer/fornyer/core/testpki"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
	"github.com/fornyer/fornyer/ui/words"
)

// ctrl presses Ctrl (Cmd on macOS) with key as Fyne's window does: the
// focused widget gets the shortcut if it takes shortcuts (a text field
// does), the window only when nothing is focused.
func ctrl(t *testing.T, w fyne.Window, key fyne.KeyName) {
	t.Helper()
	s := &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
	focused, ok := w.Canvas().Focused().(fyne.Shortcutable)
	if !ok {
		t.Fatal("nothing that takes shortcuts has the focus")
	}
	focused.TypedShortcut(s)
}

// U22: Ctrl+1…4 reach the tabs while a text field has the focus; a field
// that goes once its question is answered does not keep the keyboard; and
// behind an open dialog the tabs stay.
func TestTabKeysWhileAFieldHasTheFocus(t *testing.T) {
	for _, lang := range []string{"da", "en"} {
		t.Run(lang, func(t *testing.T) {
			x := newCheckFixture(t, lang)
			leaf := x.chain.Organization(t)
			x.drop(x.file("renewed.p12", testpki.OpenSSLPFX(t, leaf, x.chain.CACerts(), "right one", "-certpbe", "NONE")))
			x.f.tabs.SelectIndex(checkTab)
			entries := findAll[*uiwidget.Entry](x.f.check.answers)
			if len(entries) != 1 {
				t.Fatalf("%d password fields on the Check tab", len(entries))
			}
			entry := entries[0]
			x.w.Canvas().Focus(entry)
			ctrl(t, x.w, fyne.Key1)
			if got := x.f.tabs.SelectedIndex(); got != guideTab {
				t.Fatalf("Ctrl+1 in the password field left tab %d selected", got)
			}
			if x.w.Canvas().Focused() != nil {
				t.Error("the field on the tab left keeps the keyboard")
			}

			// The field is answered and goes: the keyboard goes with it.
			x.f.tabs.SelectIndex(checkTab)
			x.w.Canvas().Focus(entry)
			test.Type(entry, "right one")
			entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
			x.wait()
			if f := x.w.Canvas().Focused(); f != nil {
				t.Errorf("the answered field keeps the focus: %T", f)
			}

			// A dialog is answered first: Ctrl+4 in its field leaves the tab.
			field := uiwidget.NewEntry()
			uiwidget.ShowDialog(x.w, dialog.NewCustom("?", "OK", field, x.w), fyne.Size{})
			x.w.Canvas().Focus(field)
			ctrl(t, x.w, fyne.Key4)
			if got := x.f.tabs.SelectedIndex(); got != checkTab {
				t.Errorf("Ctrl+4 behind a dialog switched to tab %d", got)
			}
			// Copy and paste stay the field's.
			field.SetText("abc")
			field.TypedShortcut(&fyne.ShortcutSelectAll{})
			if field.SelectedText() != "abc" {
				t.Errorf("select all in the field selected %q", field.SelectedText())
			}
		})
	}
}

// tabs presses Tab n times as the window does (the canvas moves the focus
// to the next control in the tree) and returns what had the focus after
// each press.
func tabs(w fyne.Window, n int) []fyne.Focusable {
	var out []fyne.Focusable
	for range n {
		w.Canvas().FocusNext()
		out = append(out, w.Canvas().Focused())
	}
	return out
}

// The first Tab reaches the card's first control, and the card's Back and
// Done come before the step dots and Help above the card: a keyboard user
// is not sent to the top (the dots) or the bottom of the window first.
func TestFirstTabReachesTheCard(t *testing.T) {
	f, w := newTestFrame(t, "en")
	g := f.guide

	// Card 1 holds no control: the first Tab is Done.
	if got := tabs(w, 1)[0]; got != g.done {
		t.Fatalf("the first Tab on card 1 reached %T, not Done", got)
	}

	// Card 5 holds "Open MitID Erhverv": the first Tab is that, and Done
	// comes before any step dot.
	goTo(g, "login")
	w.Canvas().Unfocus()
	seen := tabs(w, 8)
	if b, ok := seen[0].(*uiwidget.Button); !ok || b.Text != words.T("guide.link.portal") {
		t.Fatalf("the first Tab on the login card reached %T %v", seen[0], seen[0])
	}
	done := slices.Index(seen, fyne.Focusable(g.done))
	firstDot := slices.IndexFunc(seen, func(x fyne.Focusable) bool { _, dot := x.(*uiwidget.StepperDot); return dot })
	if done < 0 || (firstDot >= 0 && firstDot < done) {
		t.Errorf("Done at Tab %d, the first step dot at Tab %d", done+1, firstDot+1)
	}
}
