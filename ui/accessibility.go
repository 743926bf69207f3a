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

var _ fyne.Accessible = (*tabPage)(nil)

// AccessibilityLabel of a tab's page is empty: the tab names it, and its
// screen speaks for itself.
func (p *tabPage) AccessibilityLabel() string { return "" }

// AccessibilityRole of a tab's page is a container.
func (p *tabPage) AccessibilityRole() fyne.AccessibleRole { return fyne.AccessibleRoleContainer }
