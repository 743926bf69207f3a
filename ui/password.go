package ui

import (
	"context"
	"runtime"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fornyer/fornyer/core/vault"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
	"github.com/fornyer/fornyer/ui/words"
)

// clipboardClearDelay is how long a copied password stays on the clipboard.
const clipboardClearDelay = 30 * time.Second

// storeName is the credential store's name in the user's words.
func storeName() string { return words.T(vault.StoreName(storeGOOS)) }

// storeGOOS is the platform whose credential store is named: the system's,
// set once before any test runs (TestMain) so that the masters name the
// Linux store on every platform.
var storeGOOS = runtime.GOOS

// vaultText renders a vault sentence with the store's name, starting with a
// capital letter even when the name comes first ("your keyring did not…").
func vaultText(key string, data map[string]any) string {
	if data == nil {
		data = map[string]any{}
	}
	if _, ok := data["Store"]; !ok {
		data["Store"] = storeName()
	}
	return capitalise(words.T(key, data))
}

func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// passwordSaver is what the password card said and the saved password's
// actions (view, in the card), and the field with its one Save (bar, in
// the guide's action bar, so that both are on screen however far the
// card is scrolled).
type passwordSaver struct {
	view, bar fyne.CanvasObject
}

// newPasswordSaverAt is the password card saving under id: the renewal's
// pending id, or its certificate's once the renewal has produced one
// (renewal.SaveID).
//
// Nothing under the pointer moves while the user works: the clipboard's
// offer has its room below the field whether it shows or not, and what
// is said (saving, saved, a refusal) comes on the card. Once saved,
// the confirmation comes first, then Show and Copy, then "Save a
// different password".
func newPasswordSaverAt(f *frame, id string, onSaved func()) passwordSaver {
	entry := uiwidget.NewEntry()
	entry.Password = true
	entry.SetPlaceHolder(words.T("vault.password.placeholder"))

	status := uiwidget.NewWrapping("")
	status.Hide()
	busy := widget.NewActivity()
	busy.Hide()

	var box, bar *fyne.Container
	// relayout lays out what holds the card again when a line or button
	// shows or hides: in the guide, the whole screen (a container does not
	// grow by itself, and what grew would be drawn over what follows).
	relayout := func() {
		box.Refresh()
		if g := f.guide; g != nil && g.screen != nil {
			g.relayoutScreen()
		}
	}
	actions := newPasswordActions(f, id, nil, relayout)
	actions.Hide()

	// Why Save waits, beside it: the field is empty.
	why := newWhy(words.T("vault.password.empty"))

	var save *uiwidget.Button
	var again *uiwidget.Button
	var offer *copiedOffer
	doubted := "" // the text warned about (vault.Doubt): saved if saved again
	setStatus := func(text string, importance widget.Importance) {
		status.SetText(text)
		status.Importance = importance
		status.Show()
		relayout() // what is shown or hidden changes the card's layout
		uiwidget.Reveal(status)
	}
	// ready enables Save while there is something to save: the field's
	// text, or the password copied in the portal.
	ready := func() {
		if !bar.Visible() || entry.Disabled() {
			return
		}
		if entry.Text == "" && offer.pending == "" {
			save.Disable()
			why.Show()
		} else {
			save.Enable()
			why.Hide()
		}
	}
	showSaved := func() {
		// Hidden, not only disabled: a field under the pointer takes the
		// mouse wheel, and the card would stop scrolling there.
		entry.Disable()
		entry.Hide()
		bar.Hide()
		again.Show()
		actions.Show()
		setStatus(vaultText("vault.saved", nil), widget.SuccessImportance)
	}
	save = uiwidget.NewButton(words.T("vault.password.save"), theme.DocumentSaveIcon(), func() {
		password := entry.Text
		if password == "" {
			password = offer.pending
		}
		if password == "" {
			return // disabled, and why says so
		}
		if len(password) > vault.MaxPasswordBytes {
			// Refused before anything is started: no store is asked.
			setStatus(words.Sentence(vault.ErrTooLong), widget.DangerImportance)
			return
		}
		// A text that does not look like the portal's password is warned
		// about once (core's rule, vault.Doubt), never refused: the same
		// text saved again is saved as it is.
		if key, data := vault.Doubt(password); key != "" && doubted != password {
			doubted = password
			setStatus(words.T(key, data)+" "+words.T("vault.doubt.again", map[string]any{"Save": words.T("vault.password.save")}), widget.WarningImportance)
			return
		}
		offer.forget()
		entry.Disable()
		save.Disable()
		busy.Show()
		busy.Start()
		setStatus(vaultText("vault.password.saving", nil), widget.MediumImportance)
		saveAt := f.passwordSave(id)
		f.background(func() {
			err := saveAt(context.Background(), password)
			fyne.Do(func() {
				busy.Stop()
				busy.Hide()
				if err != nil {
					entry.Enable()
					save.Enable()
					setStatus(words.Sentence(err), widget.DangerImportance)
					return
				}
				showSaved()
				// Taken from the offer or pasted with Ctrl+V alike: the
				// clipboard that still holds the saved password is cleared.
				if f.savedFromClipboard(password) {
					setStatus(vaultText("vault.saved", nil)+" "+words.T("watch.copied.cleared"), widget.SuccessImportance)
				}
				if onSaved != nil {
					onSaved()
				}
			})
		})
	})
	save.Importance = widget.HighImportance
	entry.OnSubmitted = func(string) {
		if !save.Disabled() {
			save.OnTapped()
		}
	}
	entry.OnChanged = func(s string) {
		offer.edited(s)
		// A refusal about what was in the field goes with it.
		if status.Visible() && status.Importance != widget.SuccessImportance && !entry.Disabled() {
			status.Hide()
			relayout()
		}
		ready()
	}

	// A second password replaces the first, for when the wrong one was
	// pasted; the entry is kept masked until then.
	again = uiwidget.NewButton(words.T("vault.password.change"), nil, func() {
		entry.SetText("")
		entry.Password = true
		entry.Enable()
		entry.Show()
		entry.Refresh()
		again.Hide()
		actions.Hide()
		status.Hide()
		bar.Show()
		ready()
		relayout()
		f.win.Canvas().Focus(entry)
	})
	again.Importance = widget.LowImportance
	again.Hide()

	// The password copied in the portal, offered to the card's one Save
	// while the field is empty.
	offer = newCopiedOffer(f, func() bool { return bar.Visible() && !entry.Disabled() && entry.Text == "" }, func() {
		ready()
		relayout()
	})
	if f.guide != nil {
		f.guide.copied = offer
		offer.start()
		// Saving or saved here: the card says so itself, and is not drawn
		// again when the store's list catches up.
		f.guide.saverBusy = entry.Disabled
	}

	// No intro of its own: the card's red warning says the password is
	// shown once (saying it twice was read as noise in the window).
	// The field, Save, and below them why Save waits or the offer, in
	// one line's room: all in the action bar, on screen on a laptop
	// however the card is scrolled.
	offer.slot.Add(why)
	bar = container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(busy, save), entry), offer.slot)
	box = container.NewVBox(
		status,
		actions,
		container.NewHBox(again),
	)
	ready()

	// Back at this step (after a restart, or with Back), the password may
	// be saved already: say so, rather than ask for it again. Nothing
	// changes on screen when it is not, or when the store does not answer.
	f.background(func() {
		if _, err := f.vault.Get(context.Background(), id); err != nil {
			return
		}
		fyne.Do(func() {
			if entry.Text != "" || entry.Disabled() || !bar.Visible() {
				return // the user got there first
			}
			entry.Hide()
			showSaved()
			// The guide must know too, or its Done stays disabled.
			if onSaved != nil {
				onSaved()
			}
		})
	})
	return passwordSaver{view: box, bar: bar}
}

// newPasswordActions are "Show" and "Copy password" for a saved password,
// where the user needs it again (installing in DPG). Both read it from the
// credential store, so what the user sees is what is saved; it is shown in
// a label of its own, selectable, in a typeface that tells l from 1.
//
// The buttons are at the right, after lead (a word on what they are
// for, as in the guide's action bar), when lead is set; relayout, if set,
// lays out what holds them again when a line shows or hides.
func newPasswordActions(f *frame, id string, lead fyne.CanvasObject, relayout func()) *fyne.Container {
	status := uiwidget.NewWrapping("")
	status.Hide()
	reveal := widget.NewLabel("")
	reveal.TextStyle.Monospace = true
	reveal.Selectable = true
	reveal.Wrapping = fyne.TextWrapBreak
	reveal.Hide()
	var box *fyne.Container
	refresh := func() {
		box.Refresh()
		if relayout != nil {
			relayout()
		}
	}
	note := func(text string, importance widget.Importance) {
		status.SetText(text)
		status.Importance = importance
		status.Show()
		refresh()
	}
	// What the user caused ("Copied", an error) is brought into view; the
	// "cleared" that follows 30 seconds later is not, for the user may be
	// reading further down the card by then.
	say := func(text string, importance widget.Importance) {
		note(text, importance)
		uiwidget.Reveal(box)
	}
	fail := func(err error) { say(words.Sentence(err), widget.DangerImportance) }

	var show *uiwidget.Button
	visible := false
	hide := func() {
		visible = false
		show.SetText(words.T("vault.password.show"))
		show.SetIcon(theme.VisibilityIcon())
		reveal.SetText("")
		reveal.Hide()
		refresh()
	}
	show = uiwidget.NewButton(words.T("vault.password.show"), theme.VisibilityIcon(), func() {
		if visible {
			hide()
			return
		}
		show.Disable()
		f.background(func() {
			password, err := f.vault.Get(context.Background(), id)
			fyne.Do(func() {
				show.Enable()
				if err != nil {
					fail(err)
					return
				}
				status.Hide()
				refresh()
				visible = true
				show.SetText(words.T("vault.password.hide"))
				show.SetIcon(theme.VisibilityOffIcon())
				reveal.SetText(password)
				reveal.Show()
				refresh()
			})
		})
	})

	guard := &clipboardGuard{deps: f.deps}
	var copyButton *uiwidget.Button
	copyButton = uiwidget.NewButton(words.T("vault.password.copy"), theme.ContentCopyIcon(), func() {
		copyButton.Disable()
		concealable := f.concealable
		f.background(func() {
			password, err := f.vault.Get(context.Background(), id)
			// The marked write waits for the system (osascript on macOS,
			// a busy clipboard on Windows): here, off the UI thread.
			concealed := err == nil && concealable && f.concealedWrite(password) == nil
			fyne.Do(func() {
				copyButton.Enable()
				if err != nil {
					fail(err)
					return
				}
				guard.copyWritten(f.app.Clipboard(), password, concealed, func(cleared bool) {
					if cleared {
						note(words.T("vault.password.cleared"), widget.MediumImportance)
					}
				})
				say(words.T("vault.password.copied"), widget.MediumImportance)
			})
		})
	})

	buttons := fyne.CanvasObject(container.NewHBox(show, copyButton))
	if lead != nil {
		buttons = container.NewBorder(nil, nil, nil, buttons, lead)
	}
	box = container.NewVBox(buttons, reveal, status)
	return box
}

// clipboardGuard puts a password on the clipboard and takes it off again
// after clipboardClearDelay, but only if the clipboard still holds it: what
// the user copied since is left alone.
type clipboardGuard struct {
	// deps are the frame's: clipboardAfter runs the clear later,
	// releaseConcealed ends a concealed write's serving.
	deps  *deps
	delay time.Duration // clipboardClearDelay when zero

	mu   sync.Mutex
	stop func() bool
}

// copyWritten is copy for a secret that is on the clipboard already when
// concealed (written marked by concealedWrite, off the UI thread); else it
// is written through Fyne's clipboard here. UI thread.
func (g *clipboardGuard) copyWritten(cb fyne.Clipboard, secret string, concealed bool, done func(cleared bool)) {
	if !concealed {
		cb.SetContent(secret)
	}
	delay := g.delay
	if delay == 0 {
		delay = clipboardClearDelay
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.stop != nil {
		g.stop() // a second copy restarts the 30 seconds
	}
	clearOnQuit(g, func() { clearIfUnchanged(cb, secret, g.deps.releaseConcealed) })
	g.stop = g.deps.clipboardAfter(delay, func() {
		// The clipboard belongs to the UI thread.
		fyne.Do(func() {
			clearOnQuit(g, nil)
			cleared := clearIfUnchanged(cb, secret, g.deps.releaseConcealed)
			if done != nil {
				done(cleared)
			}
		})
	})
}

// noteWindowSystem records, once the window exists (OnStarted, UI
// thread), whether concealedWrite writes the clipboard this window reads
// and clears. On Linux that is so only when the window is on X11
// (XWayland included): a native Wayland window's clipboard is Wayland's,
// and KWin passes neither the copy nor the clear between the two, so the
// password would stay served to X11 programs after the 30 seconds.
func (f *frame) noteWindowSystem() {
	switch f.windowContext(f.win).(type) {
	case driver.X11WindowContext, driver.WindowsWindowContext, driver.MacWindowContext:
		f.concealable = true
	default: // Wayland, or no native window
		f.concealable = false
	}
}

// pendingClears are the clipboard clears still waiting for their 30
// seconds; closing the window runs them at once, so a copied password does
// not outlive Fornyer on the clipboard.
var pendingClears = struct {
	sync.Mutex
	m map[*clipboardGuard]func()
}{m: map[*clipboardGuard]func(){}}

func clearOnQuit(g *clipboardGuard, clear func()) {
	pendingClears.Lock()
	defer pendingClears.Unlock()
	if clear == nil {
		delete(pendingClears.m, g)
		return
	}
	pendingClears.m[g] = clear
}

// clearClipboardsNow runs every pending clear; on the UI thread.
func clearClipboardsNow(release func()) {
	pendingClears.Lock()
	clears := pendingClears.m
	pendingClears.m = map[*clipboardGuard]func(){}
	pendingClears.Unlock()
	for _, clear := range clears {
		clear()
	}
	// Whatever the clipboard held, no owner of Fornyer's outlives it.
	release()
}

// savedFromClipboard is the one rule after a password is saved, on the
// password card and on the Check tab alike: the clipboard that still holds
// it (taken from the portal's copy, or pasted with Ctrl+V) is cleared. It
// reports whether it was. On the UI thread.
func (f *frame) savedFromClipboard(password string) bool {
	return clearIfUnchanged(f.clipboardOf(f), password, f.releaseConcealed)
}

// clearIfUnchanged empties the clipboard if it still holds secret, and says
// whether it did; release ends a concealed write's serving of it.
func clearIfUnchanged(cb fyne.Clipboard, secret string, release func()) bool {
	if secret == "" || cb.Content() != secret {
		return false
	}
	cb.SetContent("")
	release()
	return true
}
