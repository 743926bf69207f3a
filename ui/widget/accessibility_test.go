package widget

import (
	"encoding/json"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/register"
)

// speak loads Fornyer's catalogue for language as the window's own, as the
// settings screen does.
func speak(t *testing.T, language string) {
	t.Helper()
	data, err := json.Marshal(msg.Catalogue(language))
	if err != nil {
		t.Fatal(err)
	}
	if err := lang.AddTranslationsForLocale(data, lang.SystemLocale()); err != nil {
		t.Fatal(err)
	}
}

func TestStepperDotsSayTheirStepAndStateInTheWindowsLanguage(t *testing.T) {
	test.NewTempApp(t)
	said := map[string]string{}
	for _, language := range []string{"da", "en"} {
		speak(t, language)
		for _, c := range []struct {
			state DotState
			key   string
		}{{DotOpen, "a11y.step.open"}, {DotCurrent, "a11y.step.current"}, {DotDone, "a11y.step.done"}, {DotFinished, "a11y.step.finished"}} {
			d := NewStepperDot(7, func() DotState { return c.state }, nil, nil)
			label := d.AccessibilityLabel()
			if !strings.Contains(label, "7") || !strings.Contains(label, msg.T(language, c.key, nil)) {
				t.Errorf("%s: dot 7 in state %s says %q", language, c.key, label)
			}
			if d.AccessibilityRole() != fyne.AccessibleRoleButton {
				t.Errorf("a dot can be tapped, so it is a button; got %q", d.AccessibilityRole())
			}
		}
		said[language] = NewStepperDot(1, func() DotState { return DotDone }, nil, nil).AccessibilityLabel()
	}
	if said["da"] == said["en"] {
		t.Errorf("a done dot says %q in both languages", said["da"])
	}
}

func TestBannerAndBadgeSayWhatTheyShow(t *testing.T) {
	test.NewTempApp(t)
	b := NewBanner(theme.ColorNameError, theme.ErrorIcon(), "Meget vigtigt", "Gem adgangskoden nu.")
	if got := b.AccessibilityLabel(); got != "Meget vigtigt: Gem adgangskoden nu." {
		t.Errorf("banner says %q", got)
	}
	if got := SuccessLine("Gemt.").AccessibilityLabel(); got != "Gemt." {
		t.Errorf("a banner without heading says %q", got)
	}
	badge := NewUrgencyBadge(register.Within7, "3 dage tilbage")
	if badge.AccessibilityLabel() != "3 dage tilbage" {
		t.Errorf("badge says %q", badge.AccessibilityLabel())
	}
	badge.Set(register.OK, "400 dage tilbage")
	if badge.AccessibilityLabel() != "400 dage tilbage" {
		t.Errorf("a reused badge says %q", badge.AccessibilityLabel())
	}
}
