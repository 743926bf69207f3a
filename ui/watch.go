package ui

import (
	"errors"
	"maps"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/handover"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/renewal"
	"github.com/fornyer/fornyer/core/safetext"
	"github.com/fornyer/fornyer/core/watch"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
	"github.com/fornyer/fornyer/ui/words"
)

// The Downloads folder and the Desktop are watched while the window is
// open (core/watch): a certificate file arriving there is announced above
// the tabs with one click to check it, and checked at once while the guide
// waits on its download card.

// downloads is the watching's state on the frame; it outlives a rebuild.
type downloads struct {
	watcher *watch.Watcher
	folders []watch.Folder // what is watched, Downloads first
	last    *watch.Arrival // announced and not yet checked or dismissed
	bar     *fyne.Container
	// newest names a file on the download card's line about the newest
	// certificate file (newNewestOffer), the card drawn last; nil before.
	newest func(watch.Arrival)
	// offered is the file that line names ("" while it names none): the
	// file "Check the file" means when none is announced.
	offered string
}

// startWatching watches the folders; a system without them, or without
// file notifications, simply announces nothing.
func (f *frame) startWatching() {
	d := f.downloadsState()
	if d.watcher != nil {
		return
	}
	folders := f.watchFolders()
	if len(folders) == 0 {
		return
	}
	w, err := watch.Start(folders, watch.Options{
		Skip:    f.ownCopy,
		Arrived: func(a watch.Arrival) { fyne.Do(func() { f.arrived(a) }) },
		Lost: func(lost watch.Folder) {
			fyne.LogError("watching "+lost.Path, errFolderGone)
		},
	})
	if err != nil {
		fyne.LogError("watching Downloads", err)
		return
	}
	d.watcher, d.folders = w, folders
}

// stopWatching ends the watching, as the window closes.
func (f *frame) stopWatching() {
	if d := f.watch; d != nil && d.watcher != nil {
		_ = d.watcher.Close()
		d.watcher = nil
	}
}

// ownCopy says whether the file is one Fornyer wrote (a hand-over copy,
// core/handover decides): not a certificate that arrived. Off the UI
// thread.
func (f *frame) ownCopy(path string) bool {
	var certs []register.Certificate
	if f.register != nil {
		certs = f.register.List()
	}
	return handover.Ours(path, certs)
}

var errFolderGone = errors.New("the folder was removed or renamed; no longer watched")

func (f *frame) downloadsState() *downloads {
	if f.watch == nil {
		f.watch = &downloads{bar: container.NewVBox()}
	}
	return f.watch
}

// arrived is a complete certificate file in a watched folder, on the UI
// thread. On the guide's download card it is checked at once (with the
// saved password, as a drop is); elsewhere it is announced.
func (f *frame) arrived(a watch.Arrival) {
	d := f.downloadsState()
	if d.newest != nil {
		// The file just come is the newest: the download card names the
		// one the announcement names (Y10).
		d.newest(a)
	}
	if f.waitingForDownload() && f.check != nil {
		d.last = nil
		f.showArrival()
		// Checked behind the guide, which the user follows (X10): when the
		// guide goes on with the file (it renews one the register knows),
		// the window stays on it; the Check tab shows itself when the
		// answer needs the user there (its question, the password typed,
		// a file that is not the one).
		trace("drop")
		f.check.checkFilesThen([]string{a.Path}, func(c *checkAnswer) {
			if !c.answer.GoToGuide {
				f.tabs.SelectIndex(checkTab)
			}
		})
		return
	}
	d.last = &a
	f.showArrival()
}

// waitingForDownload says whether the guide waits for the renewal's file
// (core's rule: renewal.WaitsForFile) while the user is at it: on the
// guide, or on the Check tab, where a file checked for the renewal (one
// just said not to be it, Z12) leaves them; on My certificates or in
// Settings the file is announced, not checked over what they do.
func (f *frame) waitingForDownload() bool {
	g := f.guide
	if g == nil || f.tabs == nil {
		return false
	}
	if tab := f.tabs.SelectedIndex(); tab != guideTab && tab != checkTab {
		return false
	}
	return renewal.WaitsForFile(&g.progress, g.facts())
}

// showArrival fills the announcement above the tabs: the file's name and
// folder, "Check it" and "Not now"; empty when there is nothing to say.
func (f *frame) showArrival() {
	d := f.downloadsState()
	d.bar.RemoveAll()
	if a := d.last; a != nil {
		text := uiwidget.NewWrapping(words.T("watch.arrived", map[string]any{
			"Folder": folderName(a.Folder), "Name": safetext.Line(a.Name()),
		}))
		check := uiwidget.NewButton(words.T("watch.check"), theme.SearchIcon(), f.checkArrival)
		check.Importance = widget.HighImportance
		dismiss := uiwidget.NewButton(words.T("watch.dismiss"), nil, func() {
			d.last = nil
			f.showArrival()
		})
		dismiss.Importance = widget.LowImportance
		d.bar.Add(container.NewPadded(container.NewVBox(
			container.NewBorder(nil, nil, widget.NewIcon(theme.DownloadIcon()), nil, text),
			container.NewHBox(check, dismiss),
		)))
		d.bar.Add(widget.NewSeparator())
	}
	d.bar.Refresh()
}

// checkArrival checks the file the announcement names, and says nothing
// more of it. The banner's "Check it" and the download card's "Check the
// file" are this one action (W10). With none announced it checks the file
// the card names as the newest in Downloads, and with none named it asks
// which, in the system's file dialog over the Check tab (Z15: it only
// brought the Check tab forward, and the user, told to "Check the file",
// was left to find out how).
func (f *frame) checkArrival() {
	d := f.downloadsState()
	a := d.last
	if a == nil && d.offered != "" {
		f.dropped(fyne.Position{}, []fyne.URI{storage.NewFileURI(d.offered)})
		return
	}
	if a == nil {
		f.tabs.SelectIndex(checkTab)
		if f.check != nil {
			f.check.chooseFile()
		}
		return
	}
	d.last = nil
	f.showArrival()
	f.dropped(fyne.Position{}, []fyne.URI{storage.NewFileURI(a.Path)})
}

// folderName is a watched folder in the user's words, with the preposition
// the language puts before it (Danish: "i Overførsler" but "på skrivebordet").
func folderName(f watch.Folder) string {
	if f.Kind == watch.Desktop {
		return words.T("watch.folder.desktop")
	}
	return words.T("watch.folder.downloads")
}

// foldersPhrase names every watched folder: "in Downloads or on the Desktop",
// or just the one there is.
func foldersPhrase(folders []watch.Folder) string {
	if len(folders) < 2 {
		return folderName(folders[0])
	}
	return words.T("watch.folder.either", map[string]any{"First": folderName(folders[0]), "Second": folderName(folders[1])})
}

// newNewestOffer is the download card's line about the newest certificate
// file already in Downloads (or on the Desktop), with "Check it"; found in
// the background, so a large folder never holds the window. Until the
// file comes it says that it will be checked when it lands.
func newNewestOffer(f *frame) fyne.CanvasObject {
	folders := f.watchFolders()
	box := container.NewVBox()
	if len(folders) == 0 {
		box.Hide()
		return box
	}
	key := "watch.newest.none"
	if g := f.guide; g != nil && !g.facts().PasswordSaved {
		key = "watch.newest.none.ask" // no saved password to promise
	}
	// The line is drawn afresh: it names no file until the search finds
	// one, and "Check the file" means none (review R4: the path named on
	// the card drawn before was checked after the file had gone).
	f.downloadsState().offered = ""
	hint := uiwidget.NewWrapping(words.T(key, map[string]any{"Folder": foldersPhrase(folders)}))
	box.Add(hint)
	l := words.Language()
	var named *watch.Arrival
	show := func(newest watch.Arrival) {
		if named != nil && newest.ModTime.Before(named.ModTime) {
			return // a file come since was named already
		}
		named = &newest
		text := uiwidget.NewWrapping(words.T("watch.newest", map[string]any{
			"Folder": folderName(newest.Folder), "Name": safetext.Line(newest.Name()),
			"When": msg.DateTime(l, newest.ModTime),
		}))
		path := newest.Path
		f.downloadsState().offered = filepath.Clean(path)
		check := uiwidget.NewButton(words.T("watch.check"), theme.SearchIcon(), func() {
			f.dropped(fyne.Position{}, []fyne.URI{storage.NewFileURI(filepath.Clean(path))})
		})
		box.Objects = []fyne.CanvasObject{hint, text, container.NewHBox(check)}
		box.Refresh()
	}
	f.downloadsState().newest = show
	var progress *guide.Progress
	if p := f.guideProgress(); p != nil {
		// Its answers, read off the UI thread: a copy.
		progress = &guide.Progress{Answers: maps.Clone(p.Answers)}
	}
	f.background(func() {
		var certs []register.Certificate
		if f.register != nil {
			certs = append(f.register.List(), f.register.Apart()...)
		}
		newest, found := renewal.NewestToCheck(folders, certs, progress)
		if !found {
			return
		}
		fyne.Do(func() { show(newest) })
	})
	return box
}
