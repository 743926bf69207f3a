package ui

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/oces"
	"github.com/fornyer/fornyer/core/renewal"
	"github.com/fornyer/fornyer/core/safetext"
	"github.com/fornyer/fornyer/core/vault"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
	"github.com/fornyer/fornyer/ui/words"
)

// newSavedPasswordsView lists the certificates whose password Fornyer keeps
// in the credential store: what each opens (organisation and expiry) and
// when it was saved, never the passwords, each with a Delete that asks
// first. It reads the store in the background when it is made, whenever
// the vault reports a change (frame.passwordsChanged), and on Refresh.
func newSavedPasswordsView(f *frame) fyne.CanvasObject {
	v := &savedPasswordsView{f: f}
	f.passwords = v
	return v.build()
}

// passwordsChanged is the vault's report that the saved passwords changed:
// the list in Settings reads them again. UI thread.
func (f *frame) passwordsChanged() {
	if f.passwords != nil {
		f.passwords.load()
	}
}

type savedPasswordsView struct {
	f       *frame
	box     *fyne.Container
	rows    *fyne.Container
	status  *widget.Label
	busy    *widget.Activity
	refresh *uiwidget.Button
}

func (v *savedPasswordsView) build() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(words.T("vault.list.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	intro := uiwidget.NewWrapping(v.f.vaultText("vault.list.intro", nil))
	v.status = uiwidget.NewWrapping("")
	v.busy = widget.NewActivity()
	v.busy.Hide()
	v.rows = container.NewVBox()
	v.refresh = uiwidget.NewButton(words.T("vault.list.refresh"), theme.ViewRefreshIcon(), v.load)
	v.box = container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(v.busy, v.refresh), title),
		intro,
		v.rows,
		v.status,
	)
	// The credential store is asked once the first frame is drawn: on
	// Linux the first call may start the keyring's daemon.
	v.f.afterFirstFrame(func() { fyne.Do(v.load) })
	return v.box
}

func (v *savedPasswordsView) setStatus(text string, importance widget.Importance) {
	v.status.SetText(text)
	v.status.Importance = importance
	v.status.Show()
	v.box.Refresh()
}

// load reads the list in the background and shows it.
func (v *savedPasswordsView) load() {
	v.refresh.Disable()
	v.busy.Show()
	v.busy.Start()
	v.setStatus(v.f.vaultText("vault.list.loading", nil), widget.MediumImportance)
	piece := StartPiece("saved-passwords")
	v.f.background(func() {
		// What the store holds: one deleted in its own list is not
		// listed as saved (walk W14).
		list, err := v.f.vault.ListHeld(context.Background())
		piece()
		fyne.Do(func() {
			v.busy.Stop()
			v.busy.Hide()
			v.refresh.Enable()
			if err != nil {
				v.setStatus(words.Sentence(err), widget.DangerImportance)
				return
			}
			v.show(list)
		})
	})
}

func (v *savedPasswordsView) show(list []vault.Entry) {
	v.rows.RemoveAll()
	if len(list) == 0 {
		v.setStatus(words.T("vault.list.empty"), widget.MediumImportance)
		return
	}
	v.status.Hide()
	wrong, rightSaved := v.wrongID(list)
	for _, e := range list {
		v.rows.Add(v.row(e, e.ID == wrong, rightSaved))
	}
	v.box.Refresh()
}

// entryName is how an entry is called on screen.
func entryName(e vault.Entry) string {
	switch {
	case e.Pending():
		if e.Label != "" {
			return words.T("vault.list.pending") + ": " + e.Label
		}
		return words.T("vault.list.pending")
	case e.Label != "":
		return e.Label
	default:
		// A certificate saved without a name: the start of its fingerprint
		// tells two apart.
		fp, _ := vault.CertificateOf(e.ID)
		return words.T("vault.list.unnamed", map[string]any{"Fingerprint": fp[:min(8, len(fp))]})
	}
}

// opens says which certificate an entry opens, from the register: the
// organisation and the expiry tell two saved passwords apart.
// A certificate may have several passwords saved (its own, a backup's
// under another); each says what it opens. Without the register, the
// entry's own description says it.
func (v *savedPasswordsView) opens(e vault.Entry) string {
	sha, ok := vault.CertificateOf(e.ID)
	if !ok {
		return ""
	}
	org, expires := e.Label, e.Expires
	if v.f.register != nil {
		if c, ok := v.f.register.Get(sha); ok {
			org, expires = oces.OwnerName(c.Organization, c.CommonName), c.NotAfter
		}
	}
	if org == "" || expires.IsZero() {
		return ""
	}
	return words.T("vault.list.opens", map[string]any{"Organization": safetext.Line(org), "Expiry": msg.Date(words.Language(), expires.Local())})
}

// wrongID is the renewal's saved password that does not open its file,
// as the guide and the Check tab call it (core's rule: guide.Facts'
// WrongPasswordID), "" for none, and whether the right one is saved too.
func (v *savedPasswordsView) wrongID(list []vault.Entry) (string, bool) {
	g := v.f.guide
	if g == nil {
		return "", false
	}
	f := renewal.State(&g.progress, v.f.register, guide.Passwords{Entries: list, Known: true})
	return f.WrongPasswordID, f.PasswordSaved
}

// row is one saved password, with its Delete. A wrong one says what to do:
// save the right one, or, once the right one is saved too, delete this
// one (X15: it asked for what was done).
func (v *savedPasswordsView) row(e vault.Entry, wrong, rightSaved bool) fyne.CanvasObject {
	name := uiwidget.NewWrappingStyle(entryName(e), fyne.TextStyle{Bold: true})
	details := container.NewVBox(name)
	if opens := v.opens(e); opens != "" {
		l := uiwidget.NewWrapping(opens)
		details.Add(l)
	}
	if wrong {
		key := "vault.list.wrong"
		if rightSaved {
			key = "vault.list.wrong_saved"
		}
		l := uiwidget.NewWrapping(words.T(key))
		l.Importance = widget.WarningImportance
		details.Add(l)
	}
	date := widget.NewLabel(words.T("vault.list.saved_on", map[string]any{
		"Date": msg.Date(words.Language(), e.Saved.Local()),
	}))
	date.TextStyle.Italic = true
	details.Add(date)
	del := uiwidget.NewButton(words.T("vault.list.delete"), theme.DeleteIcon(), nil)
	del.OnTapped = func() { v.confirmDelete(e, del) }
	return container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewCenter(del), details),
		widget.NewSeparator(),
	)
}

// confirmDelete asks before the password goes: it cannot be brought back.
func (v *savedPasswordsView) confirmDelete(e vault.Entry, button *uiwidget.Button) {
	message := uiwidget.NewWrapping(v.f.vaultText("vault.delete.confirm", map[string]any{"Label": entryName(e)}))
	d := uiwidget.NewDangerConfirm(words.T("vault.delete.title"), words.T("vault.delete.yes"), words.T("vault.delete.no"),
		message, func(yes bool) {
			if !yes {
				return
			}
			button.Disable()
			v.f.background(func() {
				err := v.f.vault.Delete(context.Background(), e.ID)
				fyne.Do(func() {
					button.Enable()
					// Not found: already gone, so the list is simply out of date.
					if err != nil && !errors.Is(err, vault.ErrNotFound) {
						v.setStatus(words.Sentence(err), widget.DangerImportance)
						return
					}
					v.f.passwordDeleted(e.ID)
					v.load()
				})
			})
		}, v.f.win)
	showDangerConfirm(v.f.win, d)
}

// showDangerConfirm shows a question whose yes deletes what cannot be
// brought back (uiwidget.NewDangerConfirm), as wide as its sentence needs
// up to 400, within the window.
func showDangerConfirm(win fyne.Window, d *dialog.CustomDialog) {
	width := min(float32(400), win.Canvas().Size().Width-8*theme.Padding())
	d.Resize(fyne.NewSize(width, 0)) // the sentence wraps at this width, not the narrowest
	uiwidget.ShowDialog(win, d, fyne.NewSize(width, d.MinSize().Height))
}
