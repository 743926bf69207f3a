package ui

import (
	"context"
	"sync/atomic"

	"fyne.io/fyne/v2"

	"github.com/fornyer/fornyer/core/guide"
)

// The credential store's list of saved passwords, as the window last read
// it: the renewal's facts (renewal.State) need it whenever the guide is
// drawn, and a store call can be slow or hang, so it is read off the UI
// thread, once at the start and again whenever the vault reports a change,
// and kept here.

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
		entries, err := v.List(context.Background()) // bounded by vault.CallLimit
		fyne.Do(func() {
			if n < f.passwordIndex.shown {
				return
			}
			f.passwordIndex.shown = n
			f.passwordIndex.list = guide.Passwords{Entries: entries, Known: err == nil}
			if f.guide != nil {
				f.guide.factsChanged()
			}
			if f.certificates != nil {
				f.certificates.refreshCard() // a card says whether its password is saved
			}
		})
	})
}
