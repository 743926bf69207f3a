package main

import (
	"strings"
	"testing"

	"github.com/fornyer/fornyer/ui"
)

func TestNoWindowTextIsTranslatedAndComplete(t *testing.T) {
	for _, lang := range []string{"da", "en"} {
		for _, goos := range []string{"windows", "linux", "darwin"} {
			e := &ui.WindowError{Lang: lang, Cause: "WGL: Failed to set pixel format"}
			title, body := noWindowText(e, goos)
			all := title + "\n" + body
			if strings.Contains(all, "nowindow.") || strings.Contains(all, "{{") {
				t.Errorf("%s/%s: a key or template is left untranslated:\n%s", lang, goos, all)
			}
			if !strings.Contains(body, e.Cause) {
				t.Errorf("%s/%s: the cause is missing:\n%s", lang, goos, body)
			}
			wantWindows := goos == "windows"
			if got := strings.Contains(body, "opengl32.dll"); got != wantWindows {
				t.Errorf("%s/%s: mentions opengl32.dll = %v, want %v", lang, goos, got, wantWindows)
			}
			if got := strings.Contains(body, "fornyer-cli inspect"); got != wantWindows {
				t.Errorf("%s/%s: names fornyer-cli = %v, want %v", lang, goos, got, wantWindows)
			}
		}
	}
	da, _ := noWindowText(&ui.WindowError{Lang: "da"}, "windows")
	en, _ := noWindowText(&ui.WindowError{Lang: "en"}, "windows")
	if da == en {
		t.Errorf("Danish and English titles are the same: %q", da)
	}
	if _, body := noWindowText(&ui.WindowError{Lang: "en"}, "linux"); strings.Contains(body, "Technical detail") {
		t.Errorf("no cause, yet a technical detail line:\n%s", body)
	}
}
