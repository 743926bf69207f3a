package ui

import (
	"fyne.io/fyne/v2"
)

// What screen readers hear of the window's own widgets (the shared ones are
// in ui/widget and ui/scene).

var _ fyne.Accessible = (*tabPage)(nil)

// AccessibilityLabel of a tab's page is empty: the tab names it, and its
// screen speaks for itself.
func (p *tabPage) AccessibilityLabel() string { return "" }

// AccessibilityRole of a tab's page is a container.
func (p *tabPage) AccessibilityRole() fyne.AccessibleRole { return fyne.AccessibleRoleContainer }
