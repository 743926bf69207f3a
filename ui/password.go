package ui

import (
	"context"
	"errors"
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
func (d *deps) storeName() string { return words.T(vault.StoreName(d.storeGOOS)) }

// vaultText renders a vault sentence with the store's name, starting with a
// capital letter even when the name comes first ("your keyring did not…").
func (d *deps) vaultText(key string, data map[string]any) string {
	if data == nil {
		data = map[string]any{}
	}
	if _, ok := data["Store"]; !ok {
		data["Store"] = d.storeName()
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
	s := &passwordField{f: f, id: id, onSaved: onSaved}
	s.build()
	s.offer = newCopiedOffer(f, s.offerWanted, func() {
		s.ready()
		s.relayout()
	})
	if f.guide != nil {
		f.guide.copied = s.offer
		s.offer.start()
		// Saving or saved here: the card says so itself, and is not drawn
		// again when the store's list catches up.
		f.guide.saverBusy = s.entry.Disabled
	}
	// No intro of its own: the card's red warning says the password is
	// shown once (saying it twice was read as noise in the window).
	// The field, Save, and below them why Save waits or the offer, in
	// one line's room: all in the action bar, on screen on a laptop
	// however the card is scrolled.
	s.offer.slot.Add(s.why)
	s.bar = container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(s.busy, s.save), s.entry), s.offer.slot)
	s.doubt = container.NewVBox()
	s.doubt.Hide()
	s.box = container.NewVBox(s.status, s.doubt, s.actions, container.NewHBox(s.again))
	s.ready()
	s.lookUpSaved()
	return passwordSaver{view: s.box, bar: s.bar}
}

// passwordField is the password card's field and its one Save, what it
// said, and the saved password's actions once saved.
type passwordField struct {
	f       *frame
	id      string // where it saves (renewal.SaveID)
	onSaved func()

	entry       *uiwidget.Entry
	status      *widget.Label
	busy        *widget.Activity
	why         fyne.CanvasObject // why Save waits, beside it: the field is empty
	save, again *uiwidget.Button
	actions     *fyne.Container
	offer       *copiedOffer
	box, bar    *fyne.Container
	// doubt is what Save said of a text core doubts (vault.Doubt): "Save
	// it as it is", and, when the blanks at its ends are all that is
	// doubted, "Save it without the spaces at the ends" (vault.Trimmed).
	// Save itself, and Enter, never save a doubted text (Y15).
	doubt *fyne.Container
}

// build makes the field, Save, "Use another password" and the actions.
func (s *passwordField) build() {
	s.entry = uiwidget.NewEntry()
	s.entry.Password = true
	s.entry.Pasted = vault.FromCopy
	s.entry.SetPlaceHolder(words.T("vault.password.placeholder"))
	s.status = uiwidget.NewWrapping("")
	s.status.Hide()
	s.busy = widget.NewActivity()
	s.busy.Hide()
	s.actions = newPasswordActions(s.f, s.id, nil, s.relayout)
	s.actions.Hide()
	s.why = newWhy(words.T("vault.password.empty"))
	s.save = uiwidget.NewButton(words.T("vault.password.save"), theme.DocumentSaveIcon(), s.saveTapped)
	s.save.Importance = widget.HighImportance
	s.entry.OnSubmitted = func(string) {
		if !s.save.Disabled() {
			s.save.OnTapped()
		}
	}
	s.entry.OnChanged = s.edited
	// A second password replaces the first, for when the wrong one was
	// pasted; the entry is kept masked until then.
	s.again = uiwidget.NewButton(words.T("vault.password.change"), nil, s.another)
	s.again.Importance = widget.LowImportance
	s.again.Hide()
}

// relayout lays out what holds the card again when a line or button shows
// or hides: in the guide, the whole screen (a container does not grow by
// itself, and what grew would be drawn over what follows).
func (s *passwordField) relayout() {
	s.box.Refresh()
	if g := s.f.guide; g != nil && g.screen != nil {
		g.relayoutScreen()
	}
}

func (s *passwordField) setStatus(text string, importance widget.Importance) {
	s.status.SetText(text)
	s.status.Importance = importance
	s.status.Show()
	s.relayout() // what is shown or hidden changes the card's layout
	uiwidget.Reveal(s.status)
}

// offerWanted says whether the password copied in the portal is offered
// to the card's one Save: while the field is empty.
func (s *passwordField) offerWanted() bool {
	return s.bar.Visible() && !s.entry.Disabled() && s.entry.Text == ""
}

// ready enables Save while there is something to save: the field's text,
// or the password copied in the portal.
func (s *passwordField) ready() {
	if !s.bar.Visible() || s.entry.Disabled() {
		return
	}
	if s.entry.Text == "" && s.offer.pending == "" {
		s.save.Disable()
		s.why.Show()
	} else {
		s.save.Enable()
		s.why.Hide()
	}
}

// edited follows the field: a refusal about what was in it goes with it.
func (s *passwordField) edited(text string) {
	s.offer.edited(text)
	if s.status.Visible() && s.status.Importance != widget.SuccessImportance && !s.entry.Disabled() {
		s.status.Hide()
		s.doubt.Hide()
		s.relayout()
	}
	s.ready()
}

// warn says what core doubts about password, and offers what to save: the
// text without the blanks at its ends when that is all that is doubted
// (vault.Trimmed), and the text as it is. Save and Enter only say it
// again.
func (s *passwordField) warn(password, key string, data map[string]any) {
	asIs := words.T("vault.doubt.as_is")
	s.doubt.RemoveAll()
	if trimmed, ok := vault.Trimmed(password); ok {
		b := uiwidget.NewButton(words.T("vault.doubt.trimmed", map[string]any{"N": utf8.RuneCountInString(trimmed)}), theme.DocumentSaveIcon(), func() { s.store(trimmed) })
		b.Importance = widget.HighImportance
		s.doubt.Add(b)
	}
	b := uiwidget.NewButton(asIs, nil, func() { s.store(password) })
	b.Importance = widget.LowImportance
	s.doubt.Add(container.NewHBox(b))
	s.doubt.Show()
	s.setStatus(words.T(key, data)+" "+words.T("vault.doubt.again", map[string]any{"AsIs": asIs}), widget.WarningImportance)
}

func (s *passwordField) showSaved() {
	// Hidden, not only disabled: a field under the pointer takes the
	// mouse wheel, and the card would stop scrolling there.
	s.entry.Disable()
	s.entry.Hide()
	s.bar.Hide()
	s.again.Show()
	s.actions.Show()
	s.setStatus(s.f.vaultText("vault.saved", nil), widget.SuccessImportance)
}

// saveTapped saves the field's text, or else the offered copy, once it
// passes core's rules (vault.MaxPasswordBytes; vault.Doubt warns once).
func (s *passwordField) saveTapped() {
	password := s.entry.Text
	if password == "" {
		password = s.offer.pending
	}
	if password == "" {
		return // disabled, and why says so
	}
	if len(password) > vault.MaxPasswordBytes {
		// Refused before anything is started: no store is asked.
		s.setStatus(words.Sentence(vault.ErrTooLong), widget.DangerImportance)
		return
	}
	// A text that does not look like the portal's password is warned
	// about (core's rule, vault.Doubt), never refused: the warning's own
	// buttons save it, as it is or without the blanks at its ends; Save
	// and Enter only warn again (Y15: one Enter saved a trailing space).
	if key, data := vault.Doubt(password); key != "" {
		s.warn(password, key, data)
		return
	}
	s.store(password)
}

// store saves password, passed or confirmed, off the UI thread.
func (s *passwordField) store(password string) {
	s.doubt.Hide()
	offered := s.offer.pending
	s.offer.forget()
	if g := s.f.guide; g != nil {
		g.progress.Stay() // saved here: the card says so, and stays
	}
	s.entry.Disable()
	s.save.Disable()
	s.busy.Show()
	s.busy.Start()
	s.setStatus(s.f.vaultText("vault.password.saving", map[string]any{"Seconds": vault.CallSeconds}), widget.MediumImportance)
	saveAt := s.f.passwordSave(s.id)
	trace("password-save") // how long a Save waits on the store (e2e TestALockedKeyring)
	s.f.background(func() {
		err := saveAt(context.Background(), password)
		fyne.Do(func() {
			s.saveEnded(password, err)
			if err != nil && offered != "" {
				// Not saved: the copy is still what "Try again" saves
				// (Z19: the offer was gone, the clipboard still held it).
				s.offer.offer(offered)
			}
		})
	})
}

// saveEnded says how the save ended, on the UI thread.
func (s *passwordField) saveEnded(password string, err error) {
	trace("password-save-ended")
	s.busy.Stop()
	s.busy.Hide()
	if err != nil {
		s.entry.Enable()
		s.save.Enable()
		s.setStatus(words.Sentence(err), widget.DangerImportance)
		return
	}
	s.showSaved()
	// Taken from the offer or pasted with Ctrl+V alike: the clipboard that
	// still holds the saved password is cleared.
	if s.f.savedFromClipboard(password) {
		s.setStatus(s.f.vaultText("vault.saved", nil)+" "+words.T("watch.copied.cleared"), widget.SuccessImportance)
	}
	if s.onSaved != nil {
		s.onSaved()
	}
}

// another opens the field again for another password.
func (s *passwordField) another() {
	s.entry.SetText("")
	s.entry.Password = true
	s.entry.Enable()
	s.entry.Show()
	s.entry.Refresh()
	s.again.Hide()
	s.actions.Hide()
	s.status.Hide()
	s.doubt.Hide()
	s.bar.Show()
	s.ready()
	s.relayout()
	s.f.win.Canvas().Focus(s.entry)
}

// lookUpSaved: back at this step (after a restart, or with Back), the
// password may be saved already: say so, rather than ask for it again.
// Nothing changes on screen when it is not, or when the store does not
// answer.
func (s *passwordField) lookUpSaved() {
	s.f.background(func() {
		if _, err := s.f.vault.Get(context.Background(), s.id); err != nil {
			return
		}
		fyne.Do(func() {
			if s.entry.Text != "" || s.entry.Disabled() || !s.bar.Visible() {
				return // the user got there first
			}
			s.entry.Hide()
			s.showSaved()
			// The guide must know too, or its Done stays disabled.
			if s.onSaved != nil {
				s.onSaved()
			}
		})
	})
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
	return buildPasswordActions(f, id, lead, relayout, true).box
}

// newCopyPassword is "Copy password" alone beside lead, where the password
// is on the screen already (the hand-over's): the same Copy, cleared from
// the clipboard after clipboardClearDelay.
func newCopyPassword(f *frame, id string, lead fyne.CanvasObject) fyne.CanvasObject {
	return buildPasswordActions(f, id, lead, nil, false).box
}

// buildPasswordActions is the one way a passwordActions is made: Copy, and
// Show when showable (without it, nothing shows or hides the password).
func buildPasswordActions(f *frame, id string, lead fyne.CanvasObject, relayout func(), showable bool) *passwordActions {
	a := &passwordActions{f: f, id: id, relayout: relayout, guard: &clipboardGuard{deps: f.deps}}
	a.status = uiwidget.NewWrapping("")
	a.status.Hide()
	a.reveal = widget.NewLabel("")
	a.reveal.TextStyle.Monospace = true
	a.reveal.Selectable = true
	a.reveal.Wrapping = fyne.TextWrapBreak
	a.reveal.Hide()
	a.copyButton = uiwidget.NewButton(words.T("vault.password.copy"), theme.ContentCopyIcon(), a.copyPassword)
	buttons := fyne.CanvasObject(a.copyButton)
	if showable {
		a.show = uiwidget.NewButton(words.T("vault.password.show"), theme.VisibilityIcon(), a.toggle)
		buttons = container.NewHBox(a.show, a.copyButton)
	}
	if lead != nil {
		buttons = container.NewBorder(nil, nil, nil, buttons, lead)
	}
	a.box = container.NewVBox(buttons, a.reveal, a.status)
	return a
}

// passwordActions are a saved password's Show and Copy, and what they
// said.
type passwordActions struct {
	f        *frame
	id       string
	relayout func()
	guard    *clipboardGuard

	status, reveal   *widget.Label
	show, copyButton *uiwidget.Button
	box              *fyne.Container
	visible          bool // the password is shown
}

func (a *passwordActions) refresh() {
	a.box.Refresh()
	if a.relayout != nil {
		a.relayout()
	}
}

func (a *passwordActions) note(text string, importance widget.Importance) {
	a.status.SetText(text)
	a.status.Importance = importance
	a.status.Show()
	a.refresh()
}

// say notes what the user caused ("Copied", an error) and brings it into
// view; the "cleared" that follows 30 seconds later is only noted, for the
// user may be reading further down the card by then.
func (a *passwordActions) say(text string, importance widget.Importance) {
	a.note(text, importance)
	uiwidget.Reveal(a.box)
}

// fail says why the saved password could not be read. One the store,
// asked, no longer holds was deleted there or the keyring reset: said so,
// never blamed on a locked store, and the window reads the list again, so
// every screen stops saying it is saved (Z20).
func (a *passwordActions) fail(err error) {
	if errors.Is(err, vault.ErrNotFound) {
		a.say(a.f.vaultText("vault.password.gone", nil), widget.DangerImportance)
		a.f.readPasswords()
		return
	}
	a.say(words.Sentence(err), widget.DangerImportance)
}

func (a *passwordActions) hide() {
	a.visible = false
	a.show.SetText(words.T("vault.password.show"))
	a.show.SetIcon(theme.VisibilityIcon())
	a.reveal.SetText("")
	a.reveal.Hide()
	a.refresh()
}

// toggle shows the password as saved (read from the store, off the UI
// thread), or hides it again.
func (a *passwordActions) toggle() {
	if a.visible {
		a.hide()
		return
	}
	a.show.Disable()
	a.f.background(func() {
		password, err := a.f.vault.Get(context.Background(), a.id)
		fyne.Do(func() {
			a.show.Enable()
			if err != nil {
				a.fail(err)
				return
			}
			a.status.Hide()
			a.refresh()
			a.visible = true
			a.show.SetText(words.T("vault.password.hide"))
			a.show.SetIcon(theme.VisibilityOffIcon())
			a.reveal.SetText(password)
			a.reveal.Show()
			a.refresh()
		})
	})
}

// copyPassword copies the password as saved, cleared from the clipboard
// after clipboardClearDelay.
func (a *passwordActions) copyPassword() {
	a.copyButton.Disable()
	f := a.f
	concealable := f.concealable
	f.background(func() {
		password, err := f.vault.Get(context.Background(), a.id)
		// The marked write waits for the system (osascript on macOS, a
		// busy clipboard on Windows): here, off the UI thread.
		concealed := err == nil && concealable && f.concealedWrite(password) == nil
		fyne.Do(func() {
			a.copyButton.Enable()
			if err != nil {
				a.fail(err)
				return
			}
			a.guard.copyWritten(f.app.Clipboard(), password, concealed, func(cleared bool) {
				if cleared {
					a.note(words.T("vault.password.cleared"), widget.MediumImportance)
				}
			})
			a.say(words.T("vault.password.copied"), widget.MediumImportance)
		})
	})
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

// copyWritten puts secret on the clipboard, through Fyne's clipboard, or
// takes it as written when concealed (concealedWrite put it there marked,
// off the UI thread), and clears it after clipboardClearDelay if the
// clipboard still holds it; a second copy restarts the wait. done is told
// whether it was cleared. UI thread.
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
	g.deps.clears.clearOnQuit(g, func() { clearIfUnchanged(cb, secret, g.deps.releaseConcealed) })
	g.stop = g.deps.clipboardAfter(delay, func() {
		// The clipboard belongs to the UI thread.
		fyne.Do(func() {
			g.deps.clears.clearOnQuit(g, nil)
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

// pendingClears are the window's clipboard clears still waiting for their
// 30 seconds (deps.clears); closing the window runs them at once, so a
// copied password does not outlive Fornyer on the clipboard.
type pendingClears struct {
	sync.Mutex
	m map[*clipboardGuard]func()
}

// clearOnQuit keeps g's clear for the window's close; nil forgets it.
func (p *pendingClears) clearOnQuit(g *clipboardGuard, clear func()) {
	p.Lock()
	defer p.Unlock()
	if clear == nil {
		delete(p.m, g)
		return
	}
	p.m[g] = clear
}

// clearClipboardsNow runs every pending clear of the window; on the UI
// thread.
func (d *deps) clearClipboardsNow() {
	d.clears.Lock()
	clears := d.clears.m
	d.clears.m = map[*clipboardGuard]func(){}
	d.clears.Unlock()
	for _, clear := range clears {
		clear()
	}
	// Whatever the clipboard held, no owner of Fornyer's outlives it.
	d.releaseConcealed()
}

// savedFromClipboard is the one rule after a password is saved, on the
// password card and on the Check tab alike: the clipboard that still holds
// it (taken from the portal's copy, or pasted with Ctrl+V) is cleared. It
// reports whether it was. On the UI thread.
func (f *frame) savedFromClipboard(password string) bool {
	cb := f.clipboardOf(f)
	if held := cb.Content(); held != password && vault.FromCopy(held) == password {
		password = held // copied with a line break, saved without it
	}
	return clearIfUnchanged(cb, password, f.releaseConcealed)
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
