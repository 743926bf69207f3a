package widget

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"

	"github.com/fornyer/fornyer/ui/words"
)

// What screen readers (Narrator, NVDA, VoiceOver; builds with Fyne's
// accessibility tag) hear of Fornyer's own widgets.

var (
	_ fyne.Accessible = (*Banner)(nil)
	_ fyne.Accessible = (*StepperDot)(nil)
	_ fyne.Accessible = (*UrgencyBadge)(nil)
)

// AccessibilityLabel is the banner's heading and text, as one sentence.
func (b *Banner) AccessibilityLabel() string {
	if b.heading == "" {
		return b.body
	}
	return strings.TrimRight(b.heading, ":.!") + ": " + b.body
}

// AccessibilityRole of a banner is text.
func (b *Banner) AccessibilityRole() fyne.AccessibleRole { return fyne.AccessibleRoleText }

// AccessibilityLabel says the step's number and whether it is done.
func (d *StepperDot) AccessibilityLabel() string {
	state := "a11y.step.open"
	if d.state != nil {
		switch d.state() {
		case DotCurrent:
			state = "a11y.step.current"
		case DotDone:
			state = "a11y.step.done"
		case DotFinished:
			state = "a11y.step.finished"
		}
	}
	return words.T("a11y.step", map[string]any{"Number": strconv.Itoa(d.number), "State": words.T(state)})
}

// AccessibilityRole of a dot is a button: tapping it shows the step.
func (d *StepperDot) AccessibilityRole() fyne.AccessibleRole { return fyne.AccessibleRoleButton }

// AccessibilityLabel is what the badge says (the days left).
func (b *UrgencyBadge) AccessibilityLabel() string { return b.text }

// AccessibilityRole of a badge is text.
func (b *UrgencyBadge) AccessibilityRole() fyne.AccessibleRole { return fyne.AccessibleRoleText }

var _ fyne.Accessible = (*Entry)(nil)

// AccessibilityLabel of a text field is what it asks for (its placeholder),
// never what was typed: it may be a password.
func (e *Entry) AccessibilityLabel() string { return e.PlaceHolder }

// AccessibilityRole of a text field is text.
func (e *Entry) AccessibilityRole() fyne.AccessibleRole { return fyne.AccessibleRoleText }

var _ fyne.Accessible = (*passwordRevealer)(nil)

// AccessibilityLabel of the eye beside a password field: what a tap does.
func (r *passwordRevealer) AccessibilityLabel() string {
	if r.entry.Password {
		return words.T("vault.password.show")
	}
	return words.T("vault.password.hide")
}

// AccessibilityRole of the eye is a button.
func (r *passwordRevealer) AccessibilityRole() fyne.AccessibleRole {
	return fyne.AccessibleRoleButton
}
