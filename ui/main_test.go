package ui

import (
	"os"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/fornyer/fornyer/core/backup"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/sysclip"
	"github.com/fornyer/fornyer/core/watch"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
)

// Markup masters (testdata, compared by test.AssertRendersToMarkup) are
// kept one per screen and language, where a screen is each tab and each
// kind of dialog: the guide (one card, guideMaster: every card is the same
// stepper, card, action bar and buttons), the Check tab (the ready answer),
// My certificates' list, the backup dialog (its form), and Settings' saved
// passwords with their delete question (English only). Every other state
// of a screen (another card, another answer, a result) is asserted by what
// it shows and offers: its words, its controls and whether each can be
// used (controlsOf), its colours.
//
// TestMain fixes what is the same for every test: the file and folder
// pickers are Fyne's own here, shown at once (the system's would be asked
// for on another goroutine, and may not exist). All else a test changes is
// in the deps of its own frame (testDeps).
func TestMain(m *testing.M) {
	os.Setenv(uiwidget.DialogsEnv, "fyne")
	os.Exit(m.Run())
}

// testDeps are a test frame's deps: the machine's own, except what a test
// must never reach or wait for.
func testDeps() *deps {
	d := systemDeps()
	// Background work runs inline unless a test queues it: Fyne's test
	// driver runs fyne.Do on the calling goroutine, so work started by a
	// screen on its own goroutine (reminders, the saved-passwords list)
	// would render widgets at the same time as the test does.
	d.background = func(work func()) { work() }
	d.releaseMemory = func() {}
	// The real Downloads folder and Desktop are never looked at by tests;
	// the watch tests give folders of their own.
	d.watchFolders = func() []watch.Folder { return nil }
	// "Copy password" goes to Fyne's test clipboard, never to the real one
	// of a desktop the tests happen to run on (core/sysclip serves X11's
	// whenever DISPLAY is set).
	d.concealedWrite = func(string) error { return sysclip.ErrUnsupported }
	// No USB stick of the machine the tests run on is offered.
	d.removableDrives = func() []backup.Drive { return nil }
	// Tests poll the clipboard by hand (passwordCard): a password card's
	// ticker, left running after its test, called fyne.Do on its own
	// goroutine and drew during the next test (a race the race detector
	// shows, and a panic in text shaping under load).
	d.clipboardPoll = time.Hour
	// Nor does the clipboard's clear 30 s after a Copy ever fire by
	// itself: it too drew a finished test's widgets during a later test
	// (review S14: a panic in text shaping, and data races under -race).
	// The tests that want the clear set their own (fakeAfter).
	d.clipboardAfter = func(time.Duration, func()) func() bool { return func() bool { return true } }
	// The masters name the Linux credential store on every platform.
	d.storeGOOS = "linux"
	return d
}

// newTestFrame builds the whole window's content on Fyne's test driver, in
// the given language ("da" or "en"), at companion size.
func newTestFrame(t *testing.T, language string) (*frame, fyne.Window) {
	t.Helper()
	return newTestFrameWith(t, language, testDeps())
}

// newTestFrameWith is newTestFrame with the deps given.
func newTestFrameWith(t *testing.T, language string, d *deps) (*frame, fyne.Window) {
	t.Helper()
	a := newTestApp(t)
	setTestLanguage(t, language)
	w := test.NewTempWindow(t, nil)
	f := newFrame(a, w, openRegister(a, d), d)
	// The guide saves its progress on a goroutine of its own; let it finish
	// before the test's folders are removed.
	t.Cleanup(func() {
		if f.guide != nil {
			f.guide.saver.wait()
		}
	})
	w.SetContent(f.content)
	w.Resize(companionSize)
	f.firstFrameShown() // as the window's start does
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
//
// A test that builds widgets (every test of a frame, a screen or a dialog)
// cannot run in parallel, whatever its deps: Fyne has one app per process
// (fyne.CurrentApp, which test.NewApp replaces and whose making empties
// Fyne's font and theme caches), its widgets expect one goroutine at a
// time, and the language is Fyne's process-wide lang (loadTranslations).
// Such tests leave out t.Parallel for this reason; a test that touches
// none of it calls t.Parallel, or says why not.
func newTestApp(t *testing.T) fyne.App {
	t.Helper()
	t.Setenv("TMPDIR", t.TempDir())
	return test.NewTempApp(t)
}

// openRegister opens the register in the app's storage. A damaged register
// is moved aside by register.Open; the Store keeps the error, and the
// certificates screen shows it as a sentence.
func openRegister(a fyne.App, d *deps) *register.Store {
	return openRegisterAt(registerPathIn(a), progressPathIn(a), d)
}
