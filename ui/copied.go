package ui

import (
	"image/color"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/vault"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
	"github.com/fornyer/fornyer/ui/words"
)

// The password card catches the password copied with the portal's "Copy to
// clipboard": while the card is in view, the clipboard is read every
// clipboardPoll, and a new text that could be the password
// (vault.CopiedWatch) is offered, never shown: a line above the field,
// "“Save password” saves the password you copied (16 characters)", and
// "Not that one" to drop it. The card's one "Save password" saves it while
// the field is empty (what is typed or pasted there wins). The line's
// place is kept free while nothing is offered, so nothing under the
// pointer moves when it comes or goes.
// Nothing is read on any other card or tab, and a declined text is not
// kept.

// copiedOffer is the card's offer row and its polling.
type copiedOffer struct {
	f     *frame
	watch *vault.CopiedWatch
	// wanted says whether to look at all (the card asks for a password).
	wanted func() bool
	// changed tells the card that the offer came or went.
	changed func()

	pending string // the offered password, until saved or declined
	row     *fyne.Container
	// slot is where the row is drawn: it keeps the row's room while the
	// row is hidden (the card may draw something else there meanwhile).
	slot *fyne.Container
	text *widget.Label
	stop chan struct{} // closes the running poll; nil when none
}

func newCopiedOffer(f *frame, wanted func() bool, changed func()) *copiedOffer {
	o := &copiedOffer{f: f, wanted: wanted, changed: changed}
	o.text = uiwidget.NewWrappingStyle("", fyne.TextStyle{Bold: true})
	decline := uiwidget.NewButton(words.T("watch.copied.decline"), nil, o.decline)
	decline.Importance = widget.LowImportance
	o.row = container.NewBorder(nil, nil, widget.NewIcon(theme.ContentPasteIcon()), decline, o.text)
	o.row.Hide()
	// The row's room, shown or not: two lines of its text (the line
	// wraps in the narrow window), or its button if that is higher.
	two := widget.NewLabel("\n")
	two.TextStyle.Bold = true
	room := canvas.NewRectangle(color.Transparent)
	room.SetMinSize(fyne.NewSize(0, max(two.MinSize().Height, decline.MinSize().Height)))
	o.slot = container.NewStack(room, o.row)
	return o
}

// start begins polling, from the clipboard's text now; on the UI thread.
// The text there when the card opens is never offered.
func (o *copiedOffer) start() {
	if o.stop != nil {
		return
	}
	if o.watch == nil && o.f.passwordCardShown(o) {
		o.newWatch()
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

// newWatch watches the clipboard from its text now: what it held before
// the portal's copy. The card the window opened on after a restart was
// opened before it: what the clipboard held then is not known, and its
// text now may well be the password copied before the window closed (Y11),
// so it is offered as if copied now.
func (o *copiedOffer) newWatch() {
	before := o.f.clipboardOf(o.f).Content()
	if g := o.f.guide; g != nil && g.resumedOnPassword {
		g.resumedOnPassword = false
		before = ""
	}
	o.watch = vault.NewCopiedWatch(before)
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
		o.newWatch()
		return
	}
	if !o.wanted() {
		return
	}
	password, ok := o.watch.Offer(o.f.clipboardOf(o.f).Content())
	if !ok {
		return
	}
	o.offer(password)
}

// offer shows the copied password's offer: the line above the field.
func (o *copiedOffer) offer(password string) {
	o.pending = password
	o.text.SetText(words.T("watch.copied", map[string]any{"N": utf8.RuneCountInString(password), "Save": words.T("vault.password.save")}))
	o.row.Show()
	o.changed()
}

// decline drops the offered password.
func (o *copiedOffer) decline() {
	o.forget()
	o.changed()
}

// forget drops the offered password and hides the offer's line (its room
// stays).
func (o *copiedOffer) forget() {
	o.pending = ""
	o.row.Hide()
}

// edited is the field's change: what is typed or pasted there is what
// Save saves, and the offer of something else goes.
func (o *copiedOffer) edited(text string) {
	if o.pending != "" && text != "" && text != o.pending {
		o.forget()
	}
}

// passwordCardShown says whether o belongs to the guide's card in view.
func (f *frame) passwordCardShown(o *copiedOffer) bool {
	g := f.guide
	return g != nil && g.copied == o && f.tabs != nil && f.tabs.SelectedIndex() == guideTab
}

// tabSelected is the guide's tab coming back into view: the password
// card's polling resumes (it stops by itself when the tab is left), and
// the summary looks at the copies made for others again.
func (f *frame) tabSelected() {
	if f.tabs.SelectedIndex() == certificatesTab {
		f.readPasswords() // its cards say whether each password is saved (Z20)
	}
	g := f.guide
	if g == nil || f.tabs.SelectedIndex() != guideTab {
		return
	}
	if g.copied != nil {
		g.copied.start()
	}
	if g.progress.Step().Task == guide.TaskSummary {
		g.lookAtCopies() // a copy may have been deleted meanwhile (usertest Z5)
	}
	if saysSaved(g.progress.Step()) {
		f.readPasswords() // the password too, in the store's own list (Z20, W14)
	}
}
