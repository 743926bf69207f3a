package ui

import (
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fornyer/fornyer/core/vault"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
	"github.com/fornyer/fornyer/ui/words"
)

// The password card catches the password copied with the portal's "Copy to
// clipboard": while the card is in view, the clipboard is read every
// clipboardPoll, and a new text that could be the password
// (vault.CopiedWatch) is offered masked, "You copied a password (16
// characters) — Save it". Nothing is read on any other card or tab, and a
// declined text is not kept.

// copiedOffer is the card's offer row and its polling.
type copiedOffer struct {
	f     *frame
	watch *vault.CopiedWatch
	// wanted says whether to look at all (the card asks for a password).
	wanted func() bool
	// save is the card's own save path, given the offered password.
	save func(password string)

	pending string // the offered password, until saved or declined
	row     *fyne.Container
	// relayout refreshes the card around the row when it shows or hides
	// (a container does not grow for a child shown later by itself).
	relayout func()
	text     *widget.Label
	stop     chan struct{} // closes the running poll; nil when none
}

func newCopiedOffer(f *frame, wanted func() bool, save func(string)) *copiedOffer {
	o := &copiedOffer{f: f, wanted: wanted, save: save}
	o.text = uiwidget.NewWrapping("")
	o.text.TextStyle.Bold = true
	saveButton := uiwidget.NewButton(words.T("watch.copied.save"), theme.DocumentSaveIcon(), o.accept)
	saveButton.Importance = widget.HighImportance
	decline := uiwidget.NewButton(words.T("watch.copied.decline"), nil, o.decline)
	decline.Importance = widget.LowImportance
	o.row = container.NewVBox(
		container.NewBorder(nil, nil, widget.NewIcon(theme.ContentPasteIcon()), nil, o.text),
		container.NewHBox(saveButton, decline),
	)
	o.row.Hide()
	return o
}

// start begins polling, from the clipboard's text now; on the UI thread.
// The text there when the card opens is never offered.
func (o *copiedOffer) start() {
	if o.stop != nil {
		return
	}
	if o.watch == nil && o.f.passwordCardShown(o) {
		o.watch = vault.NewCopiedWatch(o.f.clipboardOf(o.f).Content())
	}
	stop := make(chan struct{})
	o.stop = stop
	every := o.f.clipboardPoll // read here, on the UI thread, where tests set it
	// A ticker loop while the card shows, not one-shot work for background;
	// it ends when halt closes stop.
	go func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				fyne.Do(func() { o.poll(stop) })
			}
		}
	}()
}

// halt stops polling; on the UI thread.
func (o *copiedOffer) halt() {
	if o.stop != nil {
		close(o.stop)
		o.stop = nil
	}
}

// poll reads the clipboard once, if the card is still in view; else it
// stops polling.
func (o *copiedOffer) poll(stop chan struct{}) {
	if o.stop != stop {
		return // halted since the tick
	}
	if !o.f.passwordCardShown(o) {
		o.halt()
		return
	}
	if o.watch == nil { // the card came into view: this is "before"
		o.watch = vault.NewCopiedWatch(o.f.clipboardOf(o.f).Content())
		return
	}
	if !o.wanted() {
		return
	}
	text := o.f.clipboardOf(o.f).Content()
	if !o.watch.Offer(text) {
		return
	}
	o.pending = text
	o.text.SetText(words.T("watch.copied", map[string]any{"N": utf8.RuneCountInString(text)}))
	o.row.Show()
	o.changed()
}

func (o *copiedOffer) changed() {
	o.row.Refresh()
	if o.relayout != nil {
		o.relayout()
	}
}

func (o *copiedOffer) accept() {
	password := o.pending
	o.forget()
	if password != "" {
		o.save(password)
	}
}

func (o *copiedOffer) decline() { o.forget() }

// forget drops the offered password and hides the offer.
func (o *copiedOffer) forget() {
	o.pending = ""
	o.row.Hide()
	o.changed()
}

// passwordCardShown says whether o belongs to the guide's card in view.
func (f *frame) passwordCardShown(o *copiedOffer) bool {
	g := f.guide
	return g != nil && g.copied == o && f.tabs != nil && f.tabs.SelectedIndex() == guideTab
}

// tabSelected resumes the password card's polling when the guide's tab
// comes back into view (it stops by itself when the tab is left).
func (f *frame) tabSelected() {
	if g := f.guide; g != nil && g.copied != nil && f.tabs.SelectedIndex() == guideTab {
		g.copied.start()
	}
}
