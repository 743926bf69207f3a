package ui

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/safetext"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
	"github.com/fornyer/fornyer/ui/words"
)

// The list page's last part: the certificates kept apart
// (register.Store.Apart: another organisation's, checked during a
// renewal, left out of the list and the reminders), folded under a
// heading of their own, each with "Add to My certificates" and "Remove".
// Which they are, and what each button may change, is the register's
// decision; this draws it. Hidden while there are none.

// apartHeight is the most the opened section takes of the page: the rest
// stays the user's own list; more rows scroll.
const apartHeight = 280

// buildApart makes the folded section, empty; drawApart fills it.
func (v *certificatesView) buildApart() fyne.CanvasObject {
	v.apartRows = container.NewVBox()
	intro := uiwidget.NewWrapping(words.T("list.apart.intro"))
	scroll := container.NewVScroll(uiwidget.ClearOfScrollBar(container.NewVBox(intro, v.apartRows)))
	v.apartItem = widget.NewAccordionItem("", container.New(heightCap{apartHeight}, scroll))
	v.apartSection = widget.NewAccordion(v.apartItem)
	v.apartSection.Hide()
	return v.apartSection
}

// drawApart shows the certificates kept apart, as last read.
func (v *certificatesView) drawApart() {
	if v.apartSection == nil {
		return
	}
	v.apartRows.Objects = nil
	for i, c := range v.apart {
		if i > 0 {
			v.apartRows.Add(widget.NewSeparator())
		}
		v.apartRows.Add(v.apartRow(c))
	}
	v.apartItem.Title = words.T("list.apart.title", map[string]any{"Count": len(v.apart)})
	v.apartSection.Hidden = len(v.apart) == 0
	v.apartRows.Refresh()
	v.apartSection.Refresh()
}

// apartRow is one certificate kept apart: whose, what, until when, which
// file, and the two things the user can do with it.
func (v *certificatesView) apartRow(c register.Certificate) fyne.CanvasObject {
	org := safetext.Line(c.Organization)
	if org == "" {
		org = words.T("register.unknown_organization")
	}
	what := kindText(c.Kind)
	if cvr := safetext.Line(c.CVR); cvr != "" {
		what = "CVR " + cvr + " · " + what
	}
	what += " · " + words.T("register.valid_until", map[string]any{"Date": msg.Date(words.Language(), c.NotAfter.Local())})
	items := []fyne.CanvasObject{uiwidget.NewWrappingStyle(org, fyne.TextStyle{Bold: true}), uiwidget.NewWrapping(what)}
	if c.File != nil {
		items = append(items, uiwidget.NewWrapping(safetext.Line(filepath.Base(c.File.Path))))
	}
	var add *uiwidget.Button
	add = uiwidget.NewButton(words.T("renewal.apart.add"), theme.ContentAddIcon(), func() {
		add.Disable()
		v.f.background(func() {
			// The register's watcher draws the list and this section
			// again, and plans the reminders.
			if err := v.f.register.AddToMine(c.SHA256); err != nil {
				fyne.Do(func() {
					add.Enable()
					v.showRegisterError(err)
				})
			}
		})
	})
	remove := uiwidget.NewButton(words.T("register.remove"), theme.DeleteIcon(), func() { v.confirmRemoveApart(c) })
	remove.Importance = widget.LowImportance
	// The texts as close as a list row's (certRow), the buttons below.
	tight := layout.NewCustomPaddedVBoxLayout(-theme.Padding() * 2)
	return container.NewVBox(container.New(tight, items...), container.NewHBox(add, layout.NewSpacer(), remove))
}

// confirmRemoveApart asks before the register forgets a certificate kept
// apart: what it knew of it is gone (the file is not touched).
func (v *certificatesView) confirmRemoveApart(c register.Certificate) {
	body := words.T("list.apart.remove.body", map[string]any{"Organization": safetext.Line(c.Organization), "Date": msg.Date(words.Language(), c.NotAfter.Local())})
	d := uiwidget.NewDangerConfirm(words.T("list.apart.remove.title"), words.T("register.remove.confirm"), words.T("register.cancel"), uiwidget.NewWrapping(body), func(ok bool) {
		if !ok {
			return
		}
		v.f.background(func() {
			if _, err := v.f.register.RemoveApart(c.SHA256); err != nil {
				fyne.Do(func() { v.showRegisterError(err) })
			}
		})
	}, v.f.win)
	showDangerConfirm(v.f.win, d)
}

// heightCap asks for its content's height up to max: more scrolls (the
// content is a scroll, whose own minimum is small).
type heightCap struct{ max float32 }

func (h heightCap) MinSize(objects []fyne.CanvasObject) fyne.Size {
	m := objects[0].MinSize()
	if s, ok := objects[0].(*container.Scroll); ok && s.Content != nil {
		m.Height = min(s.Content.MinSize().Height, h.max)
	}
	return m
}

func (heightCap) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	objects[0].Move(fyne.Position{})
	objects[0].Resize(size)
}
