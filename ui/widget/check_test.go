package widget

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	fynewidget "fyne.io/fyne/v2/widget"
)

func TestCheckKeys(t *testing.T) {
	test.NewTempApp(t)
	var got []bool
	c := NewCheck("Jeg tager backuppen senere", false, func(on bool) { got = append(got, on) })
	w := test.NewTempWindow(t, container.NewVBox(c, NewButton("Næste", nil, nil)))
	w.Canvas().Focus(c)
	c.TypedRune(' ')
	c.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	c.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnter})
	c.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	if want := []bool{true, false, true}; len(got) != len(want) || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("Space, Return, Enter, Tab changed it to %v, want %v", got, want)
	}
	c.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.Canvas().Focused() != nil {
		t.Error("Escape left the focus on the tick box")
	}
	c.Disable()
	c.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !c.Checked || len(got) != 3 {
		t.Error("Enter changed a disabled tick box")
	}
}

func TestCheckKeysGoToTheScreenFirst(t *testing.T) {
	test.NewTempApp(t)
	var keys []fyne.KeyName
	c := NewCheck("Udført", false, nil)
	c.Keys = func(k fyne.KeyName) bool { keys = append(keys, k); return k == fyne.KeyReturn }
	w := test.NewTempWindow(t, c)
	w.Canvas().Focus(c)
	c.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if c.Checked {
		t.Error("Enter ticked the box though the screen took it")
	}
	c.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnter})
	if !c.Checked {
		t.Error("Enter the screen did not take did not tick the box")
	}
	if len(keys) != 2 {
		t.Errorf("the screen was offered %v", keys)
	}
}

func TestCheckTextWrapsAndTicks(t *testing.T) {
	test.NewTempApp(t)
	text := strings.Repeat("en lang tekst der skal ombrydes ", 6)
	c := NewCheck(text, false, nil)
	w := test.NewTempWindow(t, container.NewVBox(c))
	w.Resize(fyne.NewSize(240, 400))
	w.Content().Refresh() // as the window does after a size change: the text's new height
	one := NewCheck("en", false, nil)
	if c.MinSize().Width > 240 {
		t.Errorf("the tick box is %v wide in a window 240 wide: its text does not wrap", c.MinSize().Width)
	}
	if c.Size().Height < 2*one.MinSize().Height {
		t.Errorf("a long text is %v high, one line %v: it does not wrap", c.Size().Height, one.MinSize().Height)
	}
	// A tap on the text's last line, far from the box, ticks it.
	test.TapAt(c, fyne.NewPos(c.Size().Width-10, c.Size().Height-10))
	if !c.Checked {
		t.Error("a tap on the text did not tick the box")
	}
	if w.Canvas().Focused() != c {
		t.Error("a tap did not focus the tick box")
	}
	c.Disable()
	test.Tap(c)
	if !c.Checked {
		t.Error("a tap changed a disabled tick box")
	}
	var label *fynewidget.Label
	for _, o := range test.WidgetRenderer(c).Objects() {
		if l, ok := o.(*fynewidget.Label); ok {
			label = l
		}
	}
	if label == nil || label.Text != text || label.Importance != fynewidget.LowImportance {
		t.Errorf("a disabled tick box's text is %+v, want the text greyed", label)
	}
}

func TestCheckSpeaks(t *testing.T) {
	test.NewTempApp(t)
	c := NewCheck("Intranet", false, nil)
	off := c.AccessibilityLabel()
	c.SetChecked(true)
	on := c.AccessibilityLabel()
	if !strings.HasPrefix(off, "Intranet, ") || !strings.HasPrefix(on, "Intranet, ") || on == off {
		t.Errorf("a tick box is read as %q and, ticked, %q", off, on)
	}
	if c.AccessibilityRole() != fyne.AccessibleRoleButton {
		t.Error("a tick box is not read as something to press")
	}
}
