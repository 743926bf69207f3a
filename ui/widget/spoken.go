package widget

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Spoken shows content and gives screen readers label for it: for text
// that Fyne draws without telling them (rich text, such as the check's
// one big line).
type Spoken struct {
	widget.BaseWidget
	label   string
	content fyne.CanvasObject
}

var _ fyne.Accessible = (*Spoken)(nil)

// NewSpoken shows content, read out as label.
func NewSpoken(label string, content fyne.CanvasObject) *Spoken {
	s := &Spoken{label: label, content: content}
	s.ExtendBaseWidget(s)
	return s
}

func (s *Spoken) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(s.content) }

// AccessibilityLabel is the label given.
func (s *Spoken) AccessibilityLabel() string { return s.label }

// AccessibilityRole of spoken content is text.
func (s *Spoken) AccessibilityRole() fyne.AccessibleRole { return fyne.AccessibleRoleText }
