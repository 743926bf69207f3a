package ui

import (
	"fyne.io/fyne/v2"

	"github.com/fornyer/fornyer/ui/words"
)

// What screen readers hear of the window's own widgets (the shared ones are
// in ui/widget and ui/scene).

var _ fyne.Accessible = (*guideCheck)(nil)

// AccessibilityLabel is the tick box's text and whether it is ticked.
func (c *guideCheck) AccessibilityLabel() string {
	state := words.T("a11y.check.off")
	if c.Checked {
		state = words.T("a11y.check.on")
	}
	return c.Text + ", " + state
}

// AccessibilityRole of a tick box is a button: pressing it ticks it.
func (c *guideCheck) AccessibilityRole() fyne.AccessibleRole { return fyne.AccessibleRoleButton }
