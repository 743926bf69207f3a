package ui

import (
	"context"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/renewal"
	"github.com/fornyer/fornyer/core/safetext"
	"github.com/fornyer/fornyer/core/watch"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
	"github.com/fornyer/fornyer/ui/words"
)

// checkScreen is the "Check" tab: a drop zone and a "Choose file" button,
// then one answer card per file checked. A drop anywhere on the window lands
// here (frame.dropped).
type checkScreen struct {
	f       *frame
	intro   fyne.CanvasObject
	compact *fyne.Container // the drop hint in one line, above answers
	busy    *widget.ProgressBarInfinite
	busyMsg *widget.Label
	answers *fyne.Container // the answers' content, one per file of the last drop
	shown   []*checkAnswer
	gen     int // which drop the answers belong to
	scroll  *container.Scroll
	content fyne.CanvasObject

	// inspect is inspect.InspectFile; tests may slow it down.
	inspect func(path string, opts inspect.Options) *inspect.Report
	// done, if set, is told when a check has been shown (tests wait on it).
	done func()
	// then, if set, is what the check was asked for (the guide's receipt
	// or backup): done once its file opens, at once or with the password
	// typed. A new check forgets it.
	then func(a *checkAnswer)
}

// opened runs what the check was asked for, once, when a's file opened.
func (c *checkScreen) opened(a *checkAnswer) {
	if c.then == nil || !renewal.HoldsKey(a.report) {
		return
	}
	then := c.then
	c.then = nil
	then(a)
}

func newCheckScreen(f *frame) fyne.CanvasObject {
	c := &checkScreen{f: f, inspect: inspect.InspectFile}
	f.check = c
	if f.register != nil {
		// The answers shown follow the register, whichever screen changed
		// it (card 19's DPG, card 12's password): X24.
		f.register.Watch("check", func() { fyne.Do(c.factsChanged) })
	}

	choose := uiwidget.NewButton(words.T("check.choose"), theme.FolderOpenIcon(), c.chooseFile)
	choose.Importance = widget.HighImportance
	dropHint := uiwidget.NewWrappingStyle(words.T("check.drop_hint"), fyne.TextStyle{Bold: true})
	dropHint.Alignment = fyne.TextAlignCenter
	explain := uiwidget.NewWrapping(words.T("check.explain"))
	icon := widget.NewIcon(theme.UploadIcon())
	c.intro = widget.NewCard("", "", container.NewVBox(
		container.NewCenter(container.NewGridWrap(fyne.NewSquareSize(48), icon)),
		dropHint,
		container.NewCenter(choose),
		explain,
	))

	c.busy = widget.NewProgressBarInfinite()
	c.busy.Stop()
	c.busy.Hide()
	c.busyMsg = uiwidget.NewWrapping("")
	c.busyMsg.Hide()
	c.answers = container.NewVBox()

	// Once an answer is shown, the big drop card gives way to one line, so
	// the answer is what the eye meets.
	again := uiwidget.NewButton(words.T("check.choose"), theme.FolderOpenIcon(), c.chooseFile)
	againHint := uiwidget.NewWrapping(words.T("check.drop_again"))
	c.compact = container.NewBorder(nil, nil, nil, again, againHint)
	c.compact.Hide()

	c.scroll = uiwidget.NewVScroll(container.NewVBox(c.intro, c.compact, c.busyMsg, c.busy, c.answers))
	c.f.followFocus(c.scroll)
	c.content = c.scroll
	return c.content
}

// chooseFile is the "Choose file…" button: a file dialog, then a check.
func (c *checkScreen) chooseFile() {
	uiwidget.Choose(c.f.win, uiwidget.Pick{
		Title:      words.T("check.choose.title"),
		Extensions: certificateExtensions,
		Filter:     words.T("check.choose.filter"),
		StartDir:   downloadsDir(c.f.watchFolders),
	}, func(path string) {
		if path != "" {
			c.checkFiles([]string{path})
		}
	})
}

// certificateExtensions are the kinds of file the file dialog offers.
var certificateExtensions = []string{"p12", "pfx", "cer", "crt", "pem"}

// downloadsDir is where a browser saves the downloaded certificate: the
// Downloads folder as the system names it (core/watch knows where), if it
// is there.
func downloadsDir(watchFolders func() []watch.Folder) string {
	for _, f := range watchFolders() {
		if f.Kind == watch.Downloads {
			return f.Path
		}
	}
	return ""
}

// checkFile checks the file at path on the Check tab, as a drop does
// (My certificates' "Check the file with the password", Z20); "" (where
// the file is, is not known) opens the Check tab, to choose or drop it.
func (f *frame) checkFile(path string) {
	if f.check == nil {
		return
	}
	f.tabs.SelectIndex(checkTab)
	if path != "" {
		f.check.checkFiles([]string{path})
	}
}

// dropped is the window's drop handler: whatever is dropped, wherever, is
// checked on this screen. It is a named function because Fyne's test driver
// does not deliver drops; tests call it directly.
func (f *frame) dropped(_ fyne.Position, uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		if u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	if len(paths) == 0 || f.check == nil {
		return
	}
	trace("drop")
	// A file dropped or handed over is a request to see its answer: a
	// dialog that only tells something (Help, a message) closes, as
	// nothing in it is lost. One that holds the user's work or a question
	// (a form, a confirmation) stays, for only the user may close it; the
	// answer waits on the Check tab beneath it and is what shows once it
	// closes.
	uiwidget.CloseNotices(f.win)
	f.tabs.SelectIndex(checkTab)
	f.check.checkFiles(paths)
}

// checkFiles checks each file in turn, off the UI thread, and shows one
// answer per file in the order given.
// A drop while a check runs replaces it: the older run's results are
// dropped when they arrive (gen tells them apart), and it stops early.
func (c *checkScreen) checkFiles(paths []string) { c.checkFilesThen(paths, nil) }

// checkFilesThen is checkFiles, and then done with the first answer once
// its file opens (c.then).
func (c *checkScreen) checkFilesThen(paths []string, then func(*checkAnswer)) {
	c.gen++
	gen := c.gen
	c.then = then
	current := func() bool { return c.gen == gen } // on the UI thread
	c.answers.RemoveAll()
	c.shown = nil
	c.f.questionsChanged()
	c.scroll.ScrollToTop() // each new check starts with its verdict in view
	c.intro.Hide()
	c.compact.Show()
	c.setBusy(words.T("check.busy.saved"))
	c.f.background(func() {
		// The saved passwords are fetched once per drop: the credential
		// store may be slow, and asking it again per file adds nothing.
		tries := renewal.TrySaved(renewal.SavedPasswords(context.Background(), c.f.vault))
		trace("saved")
		if c.f.register != nil {
			// An answer is made from the whole register (its List waits
			// for it): a file handed over at the start waits here, off the
			// UI thread, until the rest is read (renewal.OpenFirst).
			c.f.register.LoadWhole()
		}
		for i, path := range paths {
			stale := false
			fyne.DoAndWait(func() {
				stale = !current()
				if stale {
					return
				}
				name := safetext.Line(filepath.Base(path))
				if len(paths) > 1 {
					c.setBusy(words.T("check.busy.many", map[string]any{"N": i + 1, "Total": len(paths), "Name": name}))
				} else {
					c.setBusy(words.T("check.busy.one", map[string]any{"Name": name}))
				}
			})
			if stale {
				return
			}
			report := c.inspect(path, c.options(tries.Passwords()))
			fyne.Do(func() {
				if !current() {
					return
				}
				a := newCheckAnswer(c, path, report, tries)
				c.shown = append(c.shown, a)
				c.answers.Add(a.content)
				c.f.questionsChanged()
				trace("verdict")
				if len(c.shown) == 1 {
					c.opened(a)
					if c.then != nil {
						// Asked for from elsewhere (the guide's backup or
						// receipt) and not done: the answer says why.
						c.f.tabs.SelectIndex(checkTab)
					}
					if a.entry != nil {
						c.f.win.Canvas().Focus(a.entry)
					}
					c.scroll.ScrollToTop()
				}
			})
		}
		fyne.Do(func() {
			if !current() {
				return
			}
			c.setBusy("")
			if c.done != nil {
				c.done()
			}
		})
	})
}

// factsChanged asks core again for each answer shown, with what the
// register, the guide and the credential store's list know now, and
// draws again the ones whose words changed: an answer is never older than
// the facts (X24). An answer asking for its password is left as it is:
// the facts do not change what it asks, and the field may hold what is
// being typed; so is one whose password is being saved. UI thread.
func (c *checkScreen) factsChanged() {
	asked := false
	for _, a := range c.shown {
		if a.answer.NeedsPassword || a.saving {
			continue
		}
		next := a.answer.Again(a.input())
		if renewal.SaysTheSame(next, a.answer) {
			continue
		}
		asked = asked || next.Question != a.answer.Question
		a.answer = next
		a.draw()
	}
	if asked {
		c.f.questionsChanged() // the guide's download card asks it too
	}
}

func (c *checkScreen) options(passwords []string) inspect.Options {
	return inspect.Options{Passwords: passwords, Lang: words.Language(), ExtraTrusted: c.f.trusted, Now: c.f.now}
}

func (c *checkScreen) setBusy(text string) {
	if text == "" {
		c.busy.Stop()
		c.busy.Hide()
		c.busyMsg.Hide()
		return
	}
	c.busyMsg.SetText(text)
	c.busyMsg.Show()
	c.busy.Show()
	c.busy.Start()
}
