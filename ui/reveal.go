package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	uiwidget "github.com/fornyer/fornyer/ui/widget"
	"github.com/fornyer/fornyer/ui/words"
)

// newRevealButton is "Show the file in its folder", for wherever the user
// must find the file again (the DPG Customer Portal asks for it to be
// uploaded). path is asked for on each tap, so a file checked since is the
// one shown. A file no longer there, or a file manager that does not
// start, gets a sentence naming where the file is.
func newRevealButton(f *frame, path func() string) *uiwidget.Button {
	b := uiwidget.NewButton(words.T("watch.reveal"), theme.FolderOpenIcon(), nil)
	b.OnTapped = func() {
		p := path()
		if p == "" {
			return
		}
		f.background(func() {
			if err := f.open(uiwidget.InFolder, p); err != nil {
				fyne.Do(func() {
					uiwidget.ShowInformation(f.win, words.T("watch.reveal"), words.Sentence(err))
				})
			}
		})
	}
	return b
}

// checkedFilePath is where the register last saw the certificate's file.
func (f *frame) checkedFilePath(sha string) string {
	if f.register == nil || sha == "" {
		return ""
	}
	if c, ok := f.register.Get(sha); ok && c.File != nil {
		return c.File.Path
	}
	return ""
}
