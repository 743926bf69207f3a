package ui

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/ui/words"
)

var templateField = regexp.MustCompile(`{{\s*\.(\w+)\s*}}`)

// A text in the window reads exactly as core renders the same key in the
// window's language (a receipt, a reminder, a report): the window speaks
// the language its catalogues were loaded in, and every templated text is
// filled, none left with "{{" or a field without a value.
func TestWindowTextsAreCoresTextsInTheWindowsLanguage(t *testing.T) {
	for _, language := range msg.Languages {
		f, _ := newTestFrame(t, language)
		if got := words.Language(); got != language {
			t.Fatalf("window loaded in %s speaks %s", language, got)
		}
		if got, want := f.tabs.Items[1].Text, msg.T(language, "tab.check", nil); got != want {
			t.Errorf("%s: the Check tab reads %q, core renders %q", language, got, want)
		}
		templated := 0
		for key, text := range msg.Catalogue(language) {
			// Numbers, as counts and days are (a template compares them
			// with eq), and each one its own, to see it in the text.
			data := map[string]any{}
			for _, m := range templateField.FindAllStringSubmatch(text, -1) {
				if _, ok := data[m[1]]; !ok {
					data[m[1]] = 1001 + len(data)
				}
			}
			got, want := words.T(key, data), msg.T(language, key, data)
			if got != want {
				t.Errorf("%s %s: the window renders %q, core %q", language, key, got, want)
			}
			if len(data) == 0 {
				continue
			}
			templated++
			if strings.Contains(got, "{{") || strings.Contains(got, "<no value>") {
				t.Errorf("%s %s: rendered as %q", language, key, got)
			}
			for field, value := range data {
				if !strings.Contains(got, strconv.Itoa(value.(int))) {
					t.Errorf("%s %s: %q does not show its %s", language, key, got, field)
				}
			}
		}
		if templated < 20 {
			t.Errorf("%s: only %d templated texts", language, templated)
		}
	}
}
