package widget

import (
	"errors"

	"fyne.io/fyne/v2"
	"github.com/sqweek/dialog"
)

// pickNative shows Explorer's own dialogs (files through sqweek/dialog,
// pure Go on Windows; folders through folder_windows.go, as sqweek's is the
// old tree): they list USB sticks, OneDrive and Documents, in the user's
// language.
func pickNative(_ fyne.Window, p Pick) (string, error) {
	var path string
	var err error
	if p.Folder {
		path, err = pickFolderExplorer(p.Title, existingDir(p.StartDir))
	} else {
		b := dialog.File().Title(p.Title)
		if len(p.Extensions) > 0 {
			b = b.Filter(p.Filter, p.Extensions...)
		}
		if dir := existingDir(p.StartDir); dir != "" {
			b = b.SetStartDir(dir)
		}
		path, err = b.Load()
	}
	if errors.Is(err, dialog.ErrCancelled) || errors.Is(err, errCancelled) {
		return "", errCancelled
	}
	return path, err
}
