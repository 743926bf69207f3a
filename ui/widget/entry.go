package widget

import (
	"image/color"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	fynewidget "fyne.io/fyne/v2/widget"
)

// Entry is Fornyer's text field. Fyne gives a shortcut to the focused
// widget, and the window hears it only when nothing has the focus: a field
// of Fyne's keeps Ctrl+1…4 (the tabs) to itself. This one passes the
// window's own shortcuts (AddShortcut) on, and Escape closes the dialog it
// is in, as it does with nothing focused.
type Entry struct {
	fynewidget.Entry
	// Pasted, when set, is what a paste (Ctrl+V, the field's menu) puts in
	// the field for the clipboard's text: a password field takes core's
	// password from a copy (vault.FromCopy), before Fyne turns a line
	// break into a space.
	Pasted func(string) string
	// proposal: the text is a proposal (a name given before); the
	// keyboard arriving selects it whole (NewProposalEntry).
	proposal bool
	// restoring: the keyboard is given back to the field where it was
	// (Spot.Again), with its cursor; nothing is selected then.
	restoring bool
}

// NewProposalEntry is a text field holding a proposal, text: the name given
// on the receipt, offered again as who installed the certificate in DPG.
// The keyboard arriving (Tab, or Fornyer giving it) selects the whole text,
// as a filled field does in a browser or a system dialog, so that a name
// typed replaces it; before, the cursor went after it and the name typed
// was added to it ("Mette HolmMette Holm", usertest Z14). A click places
// the cursor where it is pressed, as always.
func NewProposalEntry(text string) *Entry {
	e := NewEntry()
	e.Text = text
	e.proposal = true
	return e
}

// NewPathEntry is a field holding the start of a path (a folder, ending in
// its separator), with the cursor after it, as in every system file dialog:
// a name typed is added to the folder. Fyne's Entry leaves the cursor at
// the start of a text it was given, and "f.p12/home/…/" was tried
// (walk W6).
func NewPathEntry(text string) *Entry {
	e := NewEntry()
	e.Text = text
	e.CursorColumn = utf8.RuneCountInString(text)
	return e
}

// FocusGained selects a proposal's whole text (NewProposalEntry). A mouse
// press that gave the focus then puts the cursor where it pressed (Fyne's
// Entry.MouseDown ends a selection the press did not make).
func (e *Entry) FocusGained() {
	e.Entry.FocusGained()
	if e.proposal && !e.restoring && e.Text != "" {
		e.Entry.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
}

// pastedClipboard is the clipboard as a paste into the field reads it:
// its text as Pasted makes it. Nothing is written to the real one.
type pastedClipboard struct{ text string }

func (c pastedClipboard) Content() string { return c.text }
func (pastedClipboard) SetContent(string) {}

// NewEntry is an empty text field.
func NewEntry() *Entry {
	e := &Entry{}
	e.ExtendBaseWidget(e)
	return e
}

// NewPasswordEntry is a masked field with Fyne's eye to show what was
// typed.
func NewPasswordEntry() *Entry {
	e := &Entry{}
	e.Password = true
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.ExtendBaseWidget(e)
	e.ActionItem = newPasswordRevealer(e)
	return e
}

func (e *Entry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		EscapeFromField(e)
		return
	}
	e.Entry.TypedKey(ev)
}

// TypedShortcut gives a window's own shortcut (AddShortcut) to the window
// and every other one to the field (copy, paste, undo, select all, a word
// left or right).
func (e *Entry) TypedShortcut(s fyne.Shortcut) {
	if app := fyne.CurrentApp(); app != nil {
		if w := windowStates[app.Driver().CanvasForObject(e)]; w != nil {
			if run := w.shortcuts[s.ShortcutName()]; run != nil {
				run(s)
				return
			}
		}
	}
	if p, ok := s.(*fyne.ShortcutPaste); ok && e.Pasted != nil && p.Clipboard != nil {
		s = &fyne.ShortcutPaste{Clipboard: pastedClipboard{e.Pasted(p.Clipboard.Content())}}
	}
	e.Entry.TypedShortcut(s)
}

// AddShortcut gives the window of c a shortcut that holds also while one of
// Fornyer's text fields has the focus.
func AddShortcut(c fyne.Canvas, s fyne.Shortcut, run func(fyne.Shortcut)) {
	c.AddShortcut(s, run)
	stateOf(c).shortcuts[s.ShortcutName()] = run
}

// passwordRevealer is Fyne's eye beside a password field (its own is private to
// its package): a tap shows or hides what was typed.
type passwordRevealer struct {
	fynewidget.BaseWidget
	icon  *canvas.Image
	entry *Entry
}

func newPasswordRevealer(e *Entry) *passwordRevealer {
	r := &passwordRevealer{icon: canvas.NewImageFromResource(theme.VisibilityOffIcon()), entry: e}
	r.ExtendBaseWidget(r)
	return r
}

func (r *passwordRevealer) CreateRenderer() fyne.WidgetRenderer {
	return &passwordRevealerRenderer{WidgetRenderer: fynewidget.NewSimpleRenderer(r.icon), r: r}
}

func (r *passwordRevealer) Cursor() desktop.Cursor { return desktop.DefaultCursor }

func (r *passwordRevealer) Tapped(*fyne.PointEvent) {
	if r.entry.Disabled() {
		return
	}
	r.entry.Password = !r.entry.Password
	r.entry.Refresh()
	r.Refresh()
	if c := fyne.CurrentApp().Driver().CanvasForObject(r); c != nil {
		c.Focus(r.entry)
	}
}

type passwordRevealerRenderer struct {
	fyne.WidgetRenderer
	r *passwordRevealer
}

func (rr *passwordRevealerRenderer) Layout(size fyne.Size) {
	s := theme.Size(theme.SizeNameInlineIcon)
	rr.r.icon.Resize(fyne.NewSquareSize(s))
	rr.r.icon.Move(fyne.NewPos((size.Width-s)/2, (size.Height-s)/2))
}

func (rr *passwordRevealerRenderer) MinSize() fyne.Size {
	return fyne.NewSquareSize(theme.Size(theme.SizeNameInlineIcon) + 2*theme.Size(theme.SizeNameInnerPadding))
}

func (rr *passwordRevealerRenderer) Refresh() {
	res := theme.VisibilityOffIcon()
	if !rr.r.entry.Password {
		res = theme.VisibilityIcon()
	}
	if rr.r.entry.Disabled() {
		res = theme.NewDisabledResource(res)
	}
	rr.r.icon.Resource = res
	rr.r.icon.Refresh()
}

// CreateRenderer is Fyne's field with a layer over it that takes the mouse
// wheel: a one-line field of Fyne's scrolls its own text sideways and
// keeps every wheel turn over it, so a card with a field under the pointer
// stopped scrolling there (the switch-over card's end could not be
// reached). The layer hands the turn to the followed scroll container the
// field is in (FollowFocus); taps, drags and the cursor still reach the
// field, since the layer takes nothing else. A field of several lines
// scrolls its own lines, as it should.
func (e *Entry) CreateRenderer() fyne.WidgetRenderer {
	r := e.Entry.CreateRenderer()
	if e.MultiLine {
		return r
	}
	return &wheelPassingRenderer{WidgetRenderer: r, layer: newWheelPasser(e)}
}

type wheelPassingRenderer struct {
	fyne.WidgetRenderer
	layer *wheelPasser
}

// Objects puts the layer last: of the objects under the pointer that take
// the wheel, the window gives it to the last one drawn.
func (r *wheelPassingRenderer) Objects() []fyne.CanvasObject {
	return append(r.WidgetRenderer.Objects(), r.layer)
}

func (r *wheelPassingRenderer) Layout(size fyne.Size) {
	r.WidgetRenderer.Layout(size)
	r.layer.Move(fyne.NewPos(0, 0))
	r.layer.Resize(size)
}

// wheelPasser is an invisible layer that passes the mouse wheel to the
// followed scroll container holding its widget.
type wheelPasser struct {
	fynewidget.BaseWidget
	of fyne.CanvasObject
}

func newWheelPasser(of fyne.CanvasObject) *wheelPasser {
	w := &wheelPasser{of: of}
	w.ExtendBaseWidget(w)
	return w
}

func (w *wheelPasser) CreateRenderer() fyne.WidgetRenderer {
	return fynewidget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

// Scrolled hands the turn to the followed scroll container that shows the
// widget; with none (a field in a dialog) nothing scrolls.
func (w *wheelPasser) Scrolled(ev *fyne.ScrollEvent) {
	if s := followedHolding(w.of); s != nil {
		s.Scrolled(ev)
	}
}
