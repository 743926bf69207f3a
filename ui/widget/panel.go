package widget

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
)

// Panel is the content of a dialog that steps through pages one at a time
// (a form, the work running, its result), resized to the page it shows.
// The backup and the receipt dialogs are panels.
type Panel struct {
	// Content holds the page shown; put it in a window to test a panel
	// without its dialog.
	Content *fyne.Container
	close   func()
	fit     func()
}

// NewPanel is a panel showing first.
func NewPanel(first fyne.CanvasObject) *Panel {
	return &Panel{Content: container.NewStack(first)}
}

// Show replaces the page shown, and fits the dialog to it.
func (p *Panel) Show(page fyne.CanvasObject) {
	p.Content.Objects = []fyne.CanvasObject{page}
	p.Content.Refresh()
	p.Refit()
}

// Refit sizes the dialog to what the page shows now (after a part of it
// was shown or hidden).
func (p *Panel) Refit() {
	if p.fit != nil {
		p.fit()
	}
}

// Close hides the dialog, if the panel is in one.
func (p *Panel) Close() {
	if p.close != nil {
		p.close()
	}
}

// panelWidth is a dialog's width in the companion window; narrower when the
// window is.
const panelWidth = 440

// ShowPanel puts the panel in a dialog titled title over win. onClosed, if
// set, runs when the dialog closes, however it was closed.
func ShowPanel(win fyne.Window, title string, p *Panel, onClosed func()) {
	d := dialog.NewCustomWithoutButtons(title, p.Content, win)
	p.close = d.Hide
	p.fit = func() {
		width := min(win.Canvas().Size().Width-theme.Padding()*4, panelWidth)
		d.Resize(fyne.NewSize(width, p.Content.MinSize().Height+theme.Padding()*8))
	}
	if onClosed != nil {
		d.SetOnClosed(onClosed)
	}
	p.fit()
	ShowDialog(win, d, fyne.Size{})
}
