// Package ui owns Fornyer's window: the screens, each in files of its own
// (the guide, Check, My certificates, Settings, the backup and receipt
// dialogs). They call core and draw what it returns: what a checked file
// means, which certificate it renews and what the register records are
// core/renewal's, the verdict core/inspect's, the reminders core/register's.
// What stays here is Fyne: layout, the UI thread (one-shot slow work in
// background, results through fyne.Do) and the window's one clock, which
// the window hands to core. The clock, the background and everything else
// the window reaches outside itself for (drives, watched folders,
// clipboard, file manager, the computer's name) are one deps value that
// the frame holds (deps.go); tests build their own. Its own widgets are in ui/widget, the
// illustrations' drawing language in ui/scene, and every text it shows is
// rendered by ui/words (core/msg's catalogues in the window's language).
package ui

import (
	"crypto/x509"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime/debug"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"

	"github.com/fornyer/fornyer/assets"
	"github.com/fornyer/fornyer/core/appinfo"
	"github.com/fornyer/fornyer/core/instance"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/oces"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/ui/words"
)

// Companion size: narrow and tall, to sit beside the browser.
var companionSize = fyne.NewSize(480, 860)

var appIcon = fyne.NewStaticResource("icon.png", assets.IconPNG)

// Run opens the window and returns when it is closed. Files given (as when
// a .p12 is opened with Fornyer from the file manager) are checked at once;
// files that later starts hand over on more (core/instance) are checked as
// if dropped on the window, which comes to the front (an empty list only
// raises it). more may be nil. It returns a *WindowError when the system
// could not give it a window.
func Run(files []string, more <-chan []string) (err error) {
	startup := watchStartupLog()
	showing, opened := false, false
	defer func() {
		startup.stop()
		if !showing || opened {
			return // a panic before or after creating the window is no missing OpenGL
		}
		err = &WindowError{Lang: words.Language(), Cause: startup.cause(recover())}
	}()
	ignoreUncheckedXErrors() // F28: a drag source gone before the drop's answer
	gcAfterStart := collectLessDuringStart()
	piece := StartPiece("fyne-app")
	a := app.NewWithID(appinfo.ID)
	app.SetMetadata(migratedToFyneDo(a.Metadata()))
	piece()
	// The register is read while the window is made: an IT provider's
	// takes a few tens of milliseconds to decode.
	d := systemDeps()
	registerOpened := make(chan *register.Store, 1)
	registerPath, progressPath := registerPathIn(a), progressPathIn(a)
	go func() {
		defer StartPiece("register")()
		registerOpened <- openRegisterAt(registerPath, progressPath, d)
	}()
	piece = StartPiece("theme")
	a.Settings().SetTheme(newTheme())
	piece()
	fontsReady := warmUp()
	piece = StartPiece("catalogue")
	loadTranslations(loadPreferences(a.Preferences()).Language)
	piece()

	piece = StartPiece("window")
	w := a.NewWindow(appinfo.Name)
	place, placed := placeBeforeShow(w)
	piece()
	<-fontsReady
	f := newFrame(a, w, <-registerOpened, d)
	f.trusted = trustedFromEnv()
	piece = StartPiece("content")
	if place.presized {
		f.setHeldContent()
	} else {
		f.setContent()
	}
	piece()
	w.SetCloseIntercept(func() {
		f.stopWatching()
		f.clearClipboardsNow()
		w.Close()
	})
	a.Lifecycle().SetOnStarted(func() {
		// Under GLFW, Show painted the first frame; this runs next.
		traceFirstFrame()
		if !hasNativeWindow(w) {
			a.Quit() // Fyne would wait for ever with no window
			return
		}
		opened = true
		if exitAtFirstFrame {
			// At once, as a measurement wants: no tear-down counted, and
			// none to wait for (Fyne's Quit from here left one start in
			// about a hundred hanging, its threads all waiting). Nothing
			// is being written yet: the work that writes waits for shown.
			os.Exit(0)
		}
		startup.stop()
		gcAfterStart()
		placeAfterShow(w, place, placed)
		f.shown(files, more)
	})
	showing = true
	piece = StartPiece("first-frame") // Fyne's GLFW driver creates, maps and paints the window in Show
	w.Show()
	piece()
	a.Run() // w.ShowAndRun(), in its two halves
	return nil
}

// setContent makes the screens the window's content, laid out at the
// window's size: for its first frame, and after a rebuild.
func (f *frame) setContent() {
	f.win.SetContent(f.content)
	if f.guide != nil {
		f.guide.settle()
	}
}

// setHeldContent is setContent for a presized window (presize): the
// screens are laid out when Fyne gives the canvas its final size, in Show.
func (f *frame) setHeldContent() {
	f.held = holdUntilSized(f.content, func() {
		if f.guide != nil {
			f.guide.settle()
		}
	})
	f.win.SetContent(f.held)
}

// shown is the window's work once its first frame is on the screen: the
// icon, the watching, the files it was started with
// and those a second start hands over.
func (f *frame) shown(files []string, more <-chan []string) {
	releaseHold(f.held) // should Fyne never have given the canvas its own size
	f.held = nil
	// The icon is given once the window shows: decoding the 512 x 512
	// PNG and handing it to the window system took the first frame about
	// 5 ms, for a picture the taskbar shows a moment later.
	f.app.SetIcon(appIcon)
	f.win.SetIcon(appIcon)
	f.firstFrameShown()
	f.readWhole()
	f.noteWindowSystem()
	piece := StartPiece("watcher")
	f.startWatching()
	piece()
	if len(files) > 0 {
		f.dropped(fyne.Position{}, fileURIs(files))
	}
	if more != nil {
		// A loop for the window's life, not one-shot work for background:
		// core/instance never closes more, so it ends with the process.
		go f.checkHandedOver(more)
	}
}

// checkHandedOver checks the files later starts hand over, as if dropped
// on the window, which comes to the front. Files handed over while the
// last hand-over's answers are still the ones shown are added to them, not
// put in their place: several starts at once each hand one file over. The
// newest come first, where the window shows them: added below, a file
// opened a moment later was out of sight (X12).
func (f *frame) checkHandedOver(more <-chan []string) {
	var shown []string
	shownGen := -1
	for handed := range more {
		fyne.Do(func() {
			f.win.RequestFocus()
			if len(handed) == 0 || f.check == nil {
				return
			}
			if f.check.gen == shownGen {
				handed = instance.Merge(handed, shown)
			}
			f.dropped(fyne.Position{}, fileURIs(handed))
			shown, shownGen = handed, f.check.gen
		})
	}
}

// migratedToFyneDo is the app's metadata marked as migrated to Fyne's
// threading model ("fyneDo", docs.fyne.io/explore/migrations): every call
// into Fyne from a goroutine of the window's own goes through fyne.Do, as
// DESIGN.md asks. Unmarked, Fyne checks on every refresh and every window
// call whether it runs on the UI goroutine, by formatting the goroutine's
// stack (runtime.Stack): some 2 ms of the start's UI thread with the first
// card of an empty register, 2.6 ms with the reminders of 1,000
// certificates, and as much again at every later redraw. FyneApp.toml
// marks it too, for the bundles `fyne package` makes; a build by go build
// has no FyneApp.toml to read, so the window marks it itself, keeping
// whatever else the metadata says (a bundle's icon and build number) and
// giving the name, ID and version where none is packaged.
func migratedToFyneDo(m fyne.AppMetadata) fyne.AppMetadata {
	migrations := make(map[string]bool, len(m.Migrations)+1)
	maps.Copy(migrations, m.Migrations)
	migrations["fyneDo"] = true
	m.Migrations = migrations
	if m.ID == "" {
		m.ID = appinfo.ID
	}
	if m.Name == "" {
		m.Name = appinfo.Name
	}
	if m.Version == "" {
		m.Version = appinfo.Version
	}
	return m
}

// startGCPercent is Go's GOGC until the first frame. Nearly all the heap
// the start leaves is fonts parsed (some 9 MB a style: Fyne parses the
// text face and its emoji, symbol and system fallbacks for each), and at
// the usual 100 the collector ran six times over that heap while it grew.
// Once the frame is shown the usual setting is back, and the work that
// waited for the frame ends by handing what it no longer needs back to the
// system (frame.firstFrameShown).
const startGCPercent = 400

// collectLessDuringStart sets startGCPercent, unless GOGC already asks for
// less collecting (or none), and returns the function that puts the
// setting back.
func collectLessDuringStart() (restore func()) {
	was := debug.SetGCPercent(startGCPercent)
	if was < 0 || was > startGCPercent {
		debug.SetGCPercent(was)
	}
	return func() { debug.SetGCPercent(was) }
}

// trustEnv names further trust anchors for the window, as --trust-ca does
// on the command line: PEM or DER files, separated as in PATH. It is for
// test environments (the state's test CAs are built in already).
const trustEnv = "FORNYER_TRUST_CA"

func trustedFromEnv() []*x509.Certificate {
	var out []*x509.Certificate
	for _, path := range filepath.SplitList(os.Getenv(trustEnv)) {
		data, err := os.ReadFile(path)
		if err != nil {
			fyne.LogError(trustEnv, err)
			continue
		}
		certs, err := oces.ParseCAFile(data)
		if err != nil {
			fyne.LogError(trustEnv+": "+path, err)
			continue
		}
		out = append(out, certs...)
	}
	return out
}

func fileURIs(paths []string) []fyne.URI {
	out := make([]fyne.URI, len(paths))
	for i, p := range paths {
		if abs, err := filepath.Abs(p); err == nil {
			p = abs
		}
		out[i] = storage.NewFileURI(p)
	}
	return out
}

// fyneAreas are the catalogue areas Fyne's lang is given: Fyne renders from
// them only what it draws itself (its dialogs' buttons, its file dialog;
// the fyne.<lang>.json area) and the window's language (app.language), so
// that those speak the window's language; every text of Fornyer's own is
// rendered by core/msg through ui/words, which reads its catalogues when a
// text is first asked for. Fyne's lang is not given the others: parsing
// them all took a start several milliseconds.
var fyneAreas = []string{"fyne", "app"}

// loadTranslations adds Fornyer's fyneAreas to Fyne's catalogues. A
// language chosen in settings is loaded under the system's locale too, so
// that it wins the match Fyne makes against the system's languages.
func loadTranslations(chosen string) {
	for _, l := range msg.Languages {
		for _, area := range fyneAreas {
			name := area + "." + l + ".json"
			data, err := fs.ReadFile(assets.Translations, assets.TranslationsDir+"/"+name)
			if err == nil {
				err = lang.AddTranslations(fyne.NewStaticResource(name, data))
			}
			if err != nil {
				fyne.LogError("loading translations", err)
			}
		}
	}
	if chosen == "" {
		return
	}
	if err := forceLanguage(chosen); err != nil {
		fyne.LogError("choosing language "+chosen, err)
	}
}

// forceLanguage loads the chosen language's fyneAreas under the system
// locale's name; Fyne offers no other way to override the system's choice.
func forceLanguage(chosen string) error {
	for _, area := range fyneAreas {
		data, err := fs.ReadFile(assets.Translations, assets.TranslationsDir+"/"+area+"."+chosen+".json")
		if err != nil {
			return fmt.Errorf("no catalogue for %q: %w", chosen, err)
		}
		if err := lang.AddTranslationsForLocale(data, lang.SystemLocale()); err != nil {
			return err
		}
	}
	return nil
}
