package scene

import (
	"fyne.io/fyne/v2"

	"github.com/fornyer/fornyer/ui/words"
)

var _ fyne.Accessible = (*Illustration)(nil)

// AccessibilityLabel is one sentence for screen readers saying what the
// picture shows and what to press in it.
func (i *Illustration) AccessibilityLabel() string { return words.T(AccessibilityKey(i.id)) }

// AccessibilityRole of an illustration is text: it is read, not pressed.
func (i *Illustration) AccessibilityRole() fyne.AccessibleRole { return fyne.AccessibleRoleText }

// AccessibilityKey is the catalogue key of a scene's sentence.
func AccessibilityKey(id string) string { return "a11y.scene." + id }

// IDs lists every scene, for tests that check each has its sentence.
func IDs() []string {
	out := make([]string, 0, len(scenes))
	for id := range scenes {
		out = append(out, id)
	}
	return out
}
