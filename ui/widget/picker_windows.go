package widget

import (
	"errors"

	"fyne.io/fyne/v2"
	"github.com/sqweek/dialog"
)

// pickNative shows Explorer's own dialogs (through sqweek/dialog, pure Go on
// Windows): they list USB sticks, OneDrive and Documents, in the user's
// language.
func pickNative(_ fyne.Window, p Pick) (string, error) {
	var path string
	var err error
	if p.Folder {
		b := dialog.Directory().Title(p.Title)
		if dir := existingDir(p.StartDir); dir != "" {
			b = b.SetStartDir(dir)
		}
		path, err = b.Browse()
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
	if errors.Is(err, dialog.ErrCancelled) {
		return "", errCancelled
	}
	return path, err
}
