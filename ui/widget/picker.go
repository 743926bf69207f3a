package widget

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	fynewidget "fyne.io/fyne/v2/widget"

	"github.com/fornyer/fornyer/ui/words"
)

// Pick describes what a picker asks the user for.
type Pick struct {
	Title      string   // the dialog's title, in the user's words
	Folder     bool     // a folder rather than a file
	Extensions []string // for files: the kinds offered, without dots ("p12")
	Filter     string   // for files: what those kinds are called ("Certificate files")
	StartDir   string   // where the dialog opens, if it exists
}

// errNoNative says the system has no dialog of its own to offer here (no
// portal on this Linux desktop, say): Fyne's dialog is shown instead.
var errNoNative = errors.New("no native dialog")

// errCancelled is a native dialog closed without a choice.
var errCancelled = errors.New("cancelled")

// DialogsEnv set to "fyne" always shows Fyne's own dialog, as the tests of
// the real window do: they drive it with the keyboard.
const DialogsEnv = "FORNYER_DIALOGS"

// nativePick is the system's own dialog (set per system in
// picker_native_*.go). It blocks, so it runs off the UI thread; it returns
// errNoNative when the system offers none and errCancelled when the user
// closed it.
var nativePick = pickNative

// Choose asks the user for a file or folder, in the system's own dialog
// where the system has one (Explorer on Windows, Finder on macOS, the
// desktop's portal on Linux) and in Fyne's otherwise. done runs on the UI
// thread with the chosen path, or "" when the user cancelled; it is always
// called once.
func Choose(win fyne.Window, p Pick, done func(path string)) {
	if os.Getenv(DialogsEnv) == "fyne" {
		chooseWithFyne(win, p, done)
		return
	}
	// Its own goroutine (ui's background is out of this package's reach):
	// the system's dialog blocks until the user closes it, which ends it.
	go func() {
		path, err := nativePick(win, p)
		fyne.Do(func() {
			switch {
			case err == nil:
				done(path)
			case errors.Is(err, errCancelled):
				done("")
			default:
				if !errors.Is(err, errNoNative) {
					fyne.LogError("the system's file dialog", err)
				}
				chooseWithFyne(win, p, done)
			}
		})
	}()
}

// chooseWithFyne is the fallback where the system has no dialog of its own:
// a field for the path, focused, so that the keyboard alone can choose
// (type or paste the path, Enter), and Browse… for Fyne's own dialog.
func chooseWithFyne(win fyne.Window, p Pick, done func(path string)) {
	answered := false
	var d *dialog.CustomDialog
	answer := func(path string) {
		if !answered {
			answered = true
			d.Hide()
			done(path)
		}
	}
	start := ""
	if dir := existingDir(p.StartDir); dir != "" {
		start = dir + string(filepath.Separator)
	}
	entry := NewPathEntry(start) // Enter chooses (OnSubmitted), Escape cancels
	hint := fynewidget.NewLabel("")
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = fynewidget.DangerImportance
	hint.Hide()
	accept := func() {
		path, problem := pickedPath(entry.Text, p.Folder)
		if problem != "" {
			hint.SetText(words.T(problem))
			hint.Show()
			return
		}
		answer(path)
	}
	entry.OnSubmitted = func(string) { accept() }
	browse := NewButton(words.T("picker.browse"), theme.FolderOpenIcon(), func() {
		start := entry.Text
		if !p.Folder {
			start = filepath.Dir(start)
		}
		bp := p
		bp.StartDir = start
		browseWithFyne(win, bp, func(path string) {
			if path == "" {
				win.Canvas().Focus(entry)
				return
			}
			entry.SetText(path)
			accept()
		})
	})
	cancel := NewButton(words.T("picker.cancel"), theme.CancelIcon(), func() { answer("") })
	choose := NewButton(words.T(map[bool]string{false: "picker.open", true: "picker.choose_folder"}[p.Folder]), theme.ConfirmIcon(), accept)
	choose.Importance = fynewidget.HighImportance
	label := fynewidget.NewLabel(words.T(map[bool]string{false: "picker.path.file", true: "picker.path.folder"}[p.Folder]))
	label.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(label, entry, hint,
		container.NewHBox(browse, layout.NewSpacer(), cancel, choose))
	d = dialog.NewCustomWithoutButtons(p.Title, content, win)
	width := min(win.Canvas().Size().Width-theme.Padding()*4, 460)
	d.Resize(fyne.NewSize(width, content.MinSize().Height+theme.Padding()*8))
	d.Show()
	TrackDialog(win, func() { answer("") })
	win.Canvas().Focus(entry)
}

// pickedPath is the typed or pasted path, cleaned (quotes that a copied
// path brings, a leading ~), if it names an existing file (or folder);
// else the catalogue key of what is wrong with it: nothing there, or a
// folder where a file is asked for (or the other way round).
func pickedPath(text string, folder bool) (path, problem string) {
	missing := map[bool]string{false: "picker.not_a_file", true: "picker.not_a_folder"}[folder]
	path = strings.Trim(strings.TrimSpace(text), `"'`)
	if path == "~" || strings.HasPrefix(path, "~/") || strings.HasPrefix(path, `~\`) {
		if home, err := os.UserHomeDir(); err == nil {
			path = filepath.Join(home, path[1:])
		}
	}
	if path == "" {
		return "", missing
	}
	info, err := os.Stat(path)
	switch {
	case err != nil:
		return "", missing
	case info.IsDir() && !folder:
		return "", "picker.is_a_folder"
	case !info.IsDir() && folder:
		return "", "picker.is_a_file"
	}
	return filepath.Clean(path), ""
}

// browseWithFyne is Fyne's own file dialog, filling the window. It is
// resized only once shown: before, it has no window and panics.
func browseWithFyne(win fyne.Window, p Pick, done func(path string)) {
	var d *dialog.FileDialog
	answered := false
	answer := func(path string) {
		if !answered {
			answered = true
			done(path)
		}
	}
	if p.Folder {
		d = dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
			if err != nil || u == nil {
				answer("")
				return
			}
			answer(u.Path())
		}, win)
	} else {
		d = dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil || r == nil {
				answer("")
				return
			}
			path := r.URI().Path()
			r.Close()
			answer(path)
		}, win)
		if len(p.Extensions) > 0 {
			exts := make([]string, 0, 2*len(p.Extensions))
			for _, e := range p.Extensions {
				// Fyne compares extensions as written; files from
				// Windows often have them in capitals.
				exts = append(exts, "."+strings.ToLower(e), "."+strings.ToUpper(e))
			}
			d.SetFilter(storage.NewExtensionFileFilter(exts))
		}
	}
	if p.Title != "" {
		d.SetTitleText(p.Title)
	}
	if p.StartDir != "" {
		if u, err := storage.ListerForURI(storage.NewFileURI(p.StartDir)); err == nil {
			d.SetLocation(u)
		}
	}
	d.Show()
	d.Resize(win.Canvas().Size())
	translatePlaces(win)
	// Escape closes it as a cancel (Hide alone would not call back).
	TrackDialog(win, func() {
		d.Hide()
		answer("")
	})
}

// placeNames are the places Fyne's dialog lists on its left, which it names
// in English whatever the language (dialog/file.go, getFavoritesOrder).
var placeNames = []string{"Home", "Desktop", "Documents", "Downloads", "Music", "Pictures", "Videos", "Movies", "App Files", "Computer"}

// translatePlaces names the places of the Fyne dialog just shown in the
// window's language: its list of places is the leading side of the first
// split in the dialog, and each row is an icon and a label.
func translatePlaces(win fyne.Window) {
	top := win.Canvas().Overlays().Top()
	if top == nil {
		return
	}
	popup, ok := popUpOf(top)
	if !ok {
		return
	}
	split := findSplit(popup.Content)
	if split == nil {
		return
	}
	list, ok := split.Leading.(*fynewidget.List)
	if !ok || list.UpdateItem == nil {
		return
	}
	update := list.UpdateItem
	list.UpdateItem = func(id fynewidget.ListItemID, item fyne.CanvasObject) {
		update(id, item)
		relabel(item)
	}
	list.Refresh()
}

func relabel(o fyne.CanvasObject) {
	switch o := o.(type) {
	case *fynewidget.Label:
		for _, name := range placeNames {
			if o.Text == name {
				key := "place." + strings.ReplaceAll(strings.ToLower(name), " ", "_")
				if text := words.T(key); text != key { // a place the catalogues name
					o.SetText(text)
				}
			}
		}
	case *fyne.Container:
		for _, c := range o.Objects {
			relabel(c)
		}
	}
}

// popUpOf finds the pop-up a dialog put on the canvas: Fyne 2.8 wraps it in
// an overlay container of an internal package, whose Content field is
// exported, so reflection can read it without reaching into Fyne.
func popUpOf(o fyne.CanvasObject) (*fynewidget.PopUp, bool) {
	if p, ok := o.(*fynewidget.PopUp); ok {
		return p, true
	}
	v := reflect.ValueOf(o)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return nil, false
	}
	f := v.Elem().FieldByName("Content")
	if !f.IsValid() || !f.CanInterface() {
		return nil, false
	}
	p, ok := f.Interface().(*fynewidget.PopUp)
	return p, ok
}

func findSplit(o fyne.CanvasObject) *container.Split {
	switch o := o.(type) {
	case *container.Split:
		return o
	case *fyne.Container:
		for _, c := range o.Objects {
			if s := findSplit(c); s != nil {
				return s
			}
		}
	}
	return nil
}

// existingDir is dir when it is a folder that exists, else "".
func existingDir(dir string) string {
	if dir == "" {
		return ""
	}
	if info, err := os.Stat(dir); err == nil && info.IsDir() {
		return filepath.Clean(dir)
	}
	return ""
}
