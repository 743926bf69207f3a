package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fornyer/fornyer/core/oces"
	"github.com/fornyer/fornyer/core/renewal"
	"github.com/fornyer/fornyer/core/vault"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
	"github.com/fornyer/fornyer/ui/words"
)

// passwordSave is how the password card saves under id, chosen on the UI
// thread: before the renewal has its file, as its pending password; once
// the register knows the file, through core (renewal.Flow.SaveForFile:
// only a password that opens the file, in place of the wrong one saved
// before it came). The returned call does I/O: off the UI thread.
func (f *frame) passwordSave(id string) func(ctx context.Context, password string) error {
	if sha, ok := vault.CertificateOf(id); ok && f.register != nil {
		if c, known := f.register.Get(sha); known {
			wrong := ""
			if f.guide != nil {
				wrong = f.guide.facts().WrongPasswordID
			}
			flow := f.flow()
			return func(ctx context.Context, password string) error { return flow.SaveForFile(ctx, c, password, wrong) }
		}
	}
	// Named by the certificate being renewed, where the register knows it:
	// Settings and the store's own list say whose renewal it is (U6).
	label := ""
	if f.guide != nil && f.register != nil {
		if c, ok := renewal.Renewing(&f.guide.progress, f.register.List(), f.now()); ok {
			label = oces.OwnerName(c.Organization, c.CommonName)
		}
	}
	v := f.vault
	return func(ctx context.Context, password string) error { return v.Save(ctx, id, label, password) }
}

// wrongPasswordCleanup is the password card's line when the right password
// is saved and the wrong one from before the file is still there
// (guide.Facts.WrongPasswordID): it says so, and deletes it when the user
// says so. The store's list, read again, draws the card without it.
func (g *guideState) wrongPasswordCleanup(id string) fyne.CanvasObject {
	status := uiwidget.NewWrapping("")
	status.Hide()
	var remove *uiwidget.Button
	remove = uiwidget.NewButton(words.T("guide.password.remove_wrong"), theme.DeleteIcon(), func() {
		remove.Disable()
		flow := g.f.flow()
		g.f.background(func() {
			err := flow.RemoveWrong(context.Background(), id)
			fyne.Do(func() {
				if err != nil {
					remove.Enable()
					status.SetText(words.Sentence(err))
					status.Importance = widget.DangerImportance
				} else {
					remove.Hide()
					status.SetText(words.T("guide.password.wrong_removed"))
					status.Importance = widget.SuccessImportance
				}
				status.Show()
				status.Refresh()
			})
		})
	})
	return container.NewVBox(uiwidget.NewBanner(theme.ColorNameWarning, theme.WarningIcon(), "", words.T("guide.password.wrong_too")), container.NewHBox(remove), status)
}
