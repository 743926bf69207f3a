package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fornyer/fornyer/core/forget"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
	"github.com/fornyer/fornyer/ui/words"
)

// newForgetSection is Settings' "Forget everything on this computer": what
// uninstalling leaves (core/forget says what goes and what stays), removed
// after the user says yes.
func newForgetSection(f *frame) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(words.T("settings.forget.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	note := uiwidget.NewWrapping(f.vaultText("settings.forget.note", nil))
	button := uiwidget.NewButton(words.T("settings.forget.button"), theme.DeleteIcon(), nil)
	button.Importance = widget.DangerImportance
	button.OnTapped = func() { f.confirmForget(button) }
	return container.NewVBox(title, note, container.NewHBox(button))
}

// confirmForget asks first; yes forgets off the UI thread and then builds
// the window afresh, as after a first start.
func (f *frame) confirmForget(button *uiwidget.Button) {
	message := uiwidget.NewWrapping(f.vaultText("settings.forget.confirm", nil))
	d := uiwidget.NewDangerConfirm(words.T("settings.forget.title"), words.T("settings.forget.yes"), words.T("settings.forget.no"),
		message, func(yes bool) {
			if !yes {
				return
			}
			button.Disable()
			var pending *progressSaver
			if f.guide != nil {
				pending = f.guide.saver
			}
			progress := guideProgressPath(f)
			f.background(func() {
				if pending != nil {
					pending.wait() // no save of the old progress after it is deleted
				}
				r, err := forget.Everything(context.Background(), f.vault, f.register, progress)
				fyne.Do(func() { f.forgotten(r, err, button) })
			})
		}, f.win)
	showDangerConfirm(f.win, d)
}

// forgotten says what happened. After a failure of the credential store
// nothing else was touched, so the window stays as it was.
func (f *frame) forgotten(r forget.Result, err error, button *uiwidget.Button) {
	if forget.NothingDeleted(err) {
		button.Enable()
		uiwidget.ShowInformation(f.win, words.T("settings.forget.title"), words.Sentence(err))
		return
	}
	f.guide = nil // the progress is gone: the guide starts anew
	f.rebuild()
	text := words.T("settings.forget.done", map[string]any{"Passwords": r.Passwords})
	if r == (forget.Result{}) {
		text = words.T("settings.forget.nothing")
	}
	if err != nil {
		fyne.LogError("forgetting everything", err)
		text = words.Sentence(err)
	}
	uiwidget.ShowInformation(f.win, words.T("settings.forget.title"), text)
}
