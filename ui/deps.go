package ui

import (
	"runtime"
	"runtime/debug"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"

	"github.com/fornyer/fornyer/core/appinfo"
	"github.com/fornyer/fornyer/core/backup"
	"github.com/fornyer/fornyer/core/sysclip"
	"github.com/fornyer/fornyer/core/watch"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
)

// deps is what the window reaches outside itself for: the clock, the
// goroutines it starts, the machine's drives, folders, name and clipboard,
// the file manager. One value, made by systemDeps, is held by the frame
// (and the stores opened for it) and reached by every screen through it;
// tests build their own (testDeps) and change its fields, never a package
// variable, so that tests sharing nothing else may run at the same time.
type deps struct {
	// clock is the one clock of the window: the verdict on a file, the
	// guide's times, the register's and the credential store's records,
	// backups, the reminders and the receipt go by it (read through now).
	clock func() time.Time
	// background is the window's one way to run one-shot slow work off
	// the UI thread; its results come back through fyne.Do.
	background func(work func())
	// releaseMemory returns unused memory to the system (firstFrameShown).
	releaseMemory func()
	// removableDrives lists the USB sticks plugged in.
	removableDrives func() []backup.Drive
	// startReminders runs the reminders once the screens are built
	// (certificates.go).
	startReminders func(f *frame)
	// clipboardPoll is how often the password card reads the clipboard.
	clipboardPoll time.Duration
	// clipboardOf is the clipboard the window reads and clears.
	clipboardOf func(f *frame) fyne.Clipboard
	// clipboardAfter runs the clipboard's clear after a delay.
	clipboardAfter func(d time.Duration, f func()) (stop func() bool)
	// concealedWrite puts a secret on the system clipboard marked for
	// clipboard history and clipboard managers to skip (Windows, macOS,
	// X11 for KDE's Klipper); where it fails (no X display, say: see
	// core/sysclip), Fyne's clipboard takes the plain text. Reading and
	// clearing go through Fyne's clipboard either way: the text is in the
	// ordinary format. It may wait: never on the UI thread. Used only when
	// the frame is concealable (noteWindowSystem). releaseConcealed ends
	// what it left serving the clipboard (X11's owner), wherever the window
	// clears it.
	concealedWrite   func(string) error
	releaseConcealed func()
	// windowContext is RunNative's context for a window, which names the
	// system drawing it; nil for the test driver.
	windowContext func(w fyne.Window) any
	// hostname names the computer whose store holds the password.
	hostname func() (string, error)
	// open opens a file, a folder, a file in its folder or a web address
	// (uiwidget.Open).
	open uiwidget.Opener
	// watchFolders are the folders watched for new files.
	watchFolders func() []watch.Folder
	// storeGOOS is the platform whose credential store is named in the
	// window's sentences (vault.StoreName): the system's; tests name the
	// Linux store on every platform, so that the masters are the same.
	storeGOOS string
	// clears are the clipboard clears still waiting for their 30 seconds;
	// closing the window runs them at once (clearClipboardsNow).
	clears *pendingClears
}

// systemDeps are the real ones.
func systemDeps() *deps {
	return &deps{
		clock:            time.Now,
		background:       func(work func()) { go work() },
		releaseMemory:    debug.FreeOSMemory,
		removableDrives:  backup.Drives,
		startReminders:   startReminders,
		clipboardPoll:    500 * time.Millisecond,
		clipboardOf:      func(f *frame) fyne.Clipboard { return f.app.Clipboard() },
		clipboardAfter:   func(d time.Duration, f func()) (stop func() bool) { return time.AfterFunc(d, f).Stop },
		concealedWrite:   sysclip.WriteConcealed,
		releaseConcealed: sysclip.Release,
		windowContext:    nativeContext,
		hostname:         appinfo.ComputerName,
		open:             uiwidget.Open,
		watchFolders:     watch.Folders,
		storeGOOS:        runtime.GOOS,
		clears:           &pendingClears{m: map[*clipboardGuard]func(){}},
	}
}

// now reads the clock when it is called, for the stores that keep a clock
// for the window's life: a test that fixes the clock later still reaches
// them.
func (d *deps) now() time.Time { return d.clock() }

// nativeContext is RunNative's context for w (driver.X11WindowContext,
// driver.WaylandWindowContext, …); nil for the test driver.
func nativeContext(w fyne.Window) any {
	native, ok := w.(driver.NativeWindow)
	if !ok {
		return nil
	}
	var ctx any
	native.RunNative(func(c any) { ctx = c })
	return ctx
}
