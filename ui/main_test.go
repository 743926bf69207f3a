package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// newTestFrame builds the whole window's content on Fyne's test driver, in
// the given language ("da" or "en"), at companion size.
func newTestFrame(t *testing.T, language string) (*frame, fyne.Window) {
	t.Helper()
	a := newTestApp(t)
	setTestLanguage(t, language)
	w := test.NewTempWindow(t, nil)
	f := newFrame(a, w)
	w.SetContent(f.content)
	w.Resize(companionSize)
	return f, w
}

// setTestLanguage loads Fornyer's catalogues with the language forced, as
// the settings screen does.
func setTestLanguage(t *testing.T, language string) {
	t.Helper()
	loadTranslations(language)
}

// newTestApp is Fyne's test app with its storage in a folder of the test's
// own: the test driver keeps app storage in os.TempDir(), shared by every
// test, so the register and the guide's progress would leak between tests.
func newTestApp(t *testing.T) fyne.App {
	t.Helper()
	t.Setenv("TMPDIR", t.TempDir())
	return test.NewTempApp(t)
}
