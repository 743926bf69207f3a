package ui

import (
	"context"
	"sync/atomic"

	"fyne.io/fyne/v2"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/ui/words"
)

// The credential store's list of saved passwords, as the window last read
// it: the renewal's facts (renewal.State) need it whenever the guide is
// drawn, and a store call can be slow or hang, so it is read off the UI
// thread, once at the start, again whenever the vault reports a change,
// and when a screen that says whether a password is saved is opened (My
// certificates, the summary) or Show finds none (Z20), and kept here.

// passwordIndex is the list and the order of its reads.
type passwordIndex struct {
	list  guide.Passwords
	asked atomic.Uint64 // reads started
	shown uint64        // the newest read applied; UI thread
}

// readPasswords reads the list in the background; any goroutine. A read
// that ends after a newer one is dropped.
func (f *frame) readPasswords() {
	n := f.passwordIndex.asked.Add(1)
	v := f.vault
	f.background(func() {
		// The list checked against the store (Z20): a password deleted
		// there, or a keyring reset, is not taken for saved.
		entries, err := v.ListHeld(context.Background()) // bounded by vault.CallLimit
		fyne.Do(func() {
			if n < f.passwordIndex.shown {
				return
			}
			f.passwordIndex.shown = n
			f.passwordIndex.list = guide.Passwords{Entries: entries, Known: err == nil}
			if f.guide != nil {
				f.guide.factsChanged()
				f.tryUntried(f.guide.facts())
			}
			if f.certificates != nil {
				f.certificates.refreshCard() // a card says whether its password is saved
			}
			if f.check != nil {
				f.check.factsChanged() // and an answer, whether to save it
			}
		})
	})
}

// tryUntried tries, in the background, the renewal's password saved on the
// password card that was never tried on its file (the store did not give
// it when the file was recorded): core moves it or marks it wrong, and the
// store's change reads the list again; a store that still does not give
// it is logged and left, to be tried at the next read. UI thread.
func (f *frame) tryUntried(facts guide.Facts) {
	if facts.UntriedPasswordID == "" {
		return
	}
	flow, lang := f.flow(), words.Language()
	f.background(func() {
		if err := flow.TryUntried(context.Background(), facts, lang); err != nil {
			fyne.LogError("trying the password saved on the password card", err)
		}
	})
}
