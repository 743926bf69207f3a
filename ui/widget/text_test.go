package widget

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
)

func TestBreakable(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"Firma.p12", "Firma.p12"},
		{"/home/anna/Hentet/Firma.p12", "/\u200ahome/\u200aanna/\u200aHentet/\u200aFirma.p12"},
		{`C:\Users\Anna\Downloads\`, "C:\\\u200aUsers\\\u200aAnna\\\u200aDownloads\\"},
		{"/media/USB/", "/\u200amedia/\u200aUSB/"},
	} {
		got := Breakable(c.in)
		if got != c.want {
			t.Errorf("Breakable(%q) = %q, want %q", c.in, got, c.want)
		}
		if strings.ReplaceAll(got, breakAfter, "") != c.in {
			t.Errorf("Breakable(%q) changed more than the breaks: %q", c.in, got)
		}
	}
}

// A long path wraps after its separators, never inside a folder's name
// (usertest finding U11: the summary's paths broken mid-word).
func TestPathWrapsAtSeparators(t *testing.T) {
	test.NewTempApp(t)
	names := []string{"home", "administrator", "Skrivebord", "Certifikater", "Fornyelse-2026", "Fornyer-Testfirma-ApS.p12"}
	path := "/" + strings.Join(names, "/")
	l := NewPath(path)
	w := test.NewTempWindow(t, container.NewVBox(l))
	w.Resize(fyne.NewSize(260, 600))
	w.Content().Refresh()
	lines := textLines(l)
	if len(lines) < 2 {
		t.Fatalf("the path is shown on %d line(s): %q", len(lines), lines)
	}
	whole := map[string]bool{}
	for _, n := range names {
		whole[n] = true
	}
	for _, line := range lines {
		for _, part := range strings.Split(strings.Trim(line, "/\u200a"), "/\u200a") {
			if part != "" && !whole[part] {
				t.Errorf("a line holds %q, not a whole name: %q", part, lines)
			}
		}
	}
}

// textLines are the lines a label draws.
func textLines(l fyne.Widget) []string {
	var lines []string
	for _, o := range test.LaidOutObjects(l) {
		if t, ok := o.(*canvas.Text); ok && t.Text != "" {
			lines = append(lines, t.Text)
		}
	}
	return lines
}
