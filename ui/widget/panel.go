package widget

import (
	"slices"

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
//
// A page taller than the window (the backup's form at 125 % on a laptop)
// scrolls inside a dialog as tall as the window, and the control that
// gets the keyboard there is scrolled into view: its buttons were cut at
// the window's bottom edge.
func ShowPanel(win fyne.Window, title string, p *Panel, onClosed func()) {
	scroll := container.NewVScroll(p.Content)
	d := dialog.NewCustomWithoutButtons(title, scroll, win)
	p.close = d.Hide
	clearOfBar := ClearOfScrollBar(p.Content) // the page when it scrolls: no button under the bar
	var overlay fyne.CanvasObject             // the dialog's, once shown
	p.fit = func() {
		size := win.Canvas().Size()
		width := min(size.Width-theme.Padding()*4, panelWidth)
		// The dialog's title and margins, as it measures them around its
		// page (the page's scroll asks for little room of its own).
		frame := d.MinSize().Height - scroll.MinSize().Height
		height, room := p.Content.MinSize().Height+frame, size.Height-theme.Padding()*2
		var page fyne.CanvasObject = p.Content
		if height > room {
			height, page = room, clearOfBar
		}
		if scroll.Content != page {
			scroll.Content = page
			scroll.Refresh()
		}
		d.Resize(fyne.NewSize(width, height))
		// Fyne places a dialog once, when it shows: one that grows
		// afterwards grows down past the window's edge. Centred again.
		if pop, ok := popUpOf(overlay); ok {
			pop.Move(fyne.NewPos((size.Width-pop.Size().Width)/2, (size.Height-pop.Size().Height)/2))
		}
	}
	if onClosed != nil {
		d.SetOnClosed(onClosed)
	}
	p.fit()
	ShowDialog(win, d, fyne.Size{})
	overlay = win.Canvas().Overlays().Top()
	// Measured again now that the page is laid out at the dialog's width:
	// before, its wrapping lines did not know how many lines they take,
	// and the dialog came out short, its buttons scrolled out of view.
	p.fit()
	page := dialogPage{scroll: scroll, overlay: overlay}
	dialogPages = append(dialogPages, page)
	d.SetOnClosed(func() {
		dialogPages = slices.DeleteFunc(dialogPages, func(x dialogPage) bool { return x == page })
	})
}

// dialogPage is a shown panel's scrolling page and the dialog it is in.
type dialogPage struct {
	scroll  *container.Scroll
	overlay fyne.CanvasObject
}

// dialogPages are the shown panels' pages; UI thread only.
var dialogPages []dialogPage

// revealInDialog scrolls the page of the panel on top of c, if it holds
// obj, so that obj is in view.
func revealInDialog(c fyne.Canvas, obj fyne.CanvasObject) {
	top := c.Overlays().Top()
	for _, page := range dialogPages {
		if page.overlay != top {
			continue
		}
		s, d := page.scroll, fyne.CurrentApp().Driver()
		y := d.AbsolutePositionForObject(obj).Y - d.AbsolutePositionForObject(s.Content).Y
		if y < 0 || y > s.Content.Size().Height {
			return // not on the page: a control of the dialog's own
		}
		s.ScrollToOffset(fyne.NewPos(s.Offset.X, offsetShowing(s.Offset.Y, s.Size().Height, y, obj.Size().Height)))
		return
	}
}
