package widget

import (
	"net/url"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	fynewidget "fyne.io/fyne/v2/widget"

	"github.com/fornyer/fornyer/ui/words"
)

// Escape closes the dialog on top, as people expect. Fyne's dialogs do not
// listen for it, so each dialog Fornyer shows is tracked here with the
// overlay it put on the window.

type tracked struct {
	win     fyne.Window
	overlay fyne.CanvasObject
	close   func()
	notice  bool // it only tells something: CloseNotices may close it
}

var open []tracked // UI thread only

// TrackDialog makes Escape run close while the overlay just shown on win
// (the dialog) is on top. Call it right after the dialog's Show.
func TrackDialog(win fyne.Window, close func()) {
	top := win.Canvas().Overlays().Top()
	if top == nil {
		return
	}
	prune()
	open = append(open, tracked{win: win, overlay: top, close: close})
}

// ShowDialog shows d on win, at size if it is not zero, so that Escape
// closes it (as its dismiss button does). Fyne's message dialogs are sized
// before they are shown, so that they are centred; its file dialog is the
// one that must be shown first (Choose does that).
func ShowDialog(win fyne.Window, d dialog.Dialog, size fyne.Size) {
	if !size.IsZero() {
		d.Resize(size)
	}
	back := keyboardBack(win)
	d.Show()
	TrackDialog(win, d.Hide)
	d.SetOnClosed(back)
}

// keyboardBack notes where the keyboard is before a dialog opens over win
// and returns what gives it back once the dialog has closed (and what its
// answer did has run): to the same control if what it was on is still
// shown (the same kind and words, when the screen was drawn again while
// the dialog was open: the backup, the receipt), else to the main action
// win's screen names (SetMainAction), else near its old place. Without
// this the keyboard was nowhere, and the next Tab started at the top.
func keyboardBack(win fyne.Window) func() {
	c := win.Canvas()
	root := c.Content()
	if top := c.Overlays().Top(); top != nil {
		root = top
	}
	spot, ok := SpotIn(c, root)
	if !ok {
		return func() {}
	}
	return func() {
		if top := c.Overlays().Top(); top != nil && top != root || top == nil && c.Content() != root {
			return // another dialog is on top, or the window shows another screen
		}
		if spot.Again(c, root) {
			return
		}
		if !FocusMainAction(win) {
			spot.Restore(c, root)
		}
	}
}

// FocusMainAction gives the keyboard to the main action win's screen names
// (SetMainAction), if it names one: a dialog whose work is done (the
// backup verified, the receipt made) closes onto the next step, not the
// button that opened it, which Enter pressed again (X6). It says whether
// it gave it.
func FocusMainAction(win fyne.Window) bool {
	if w := windowStates[win.Canvas()]; w != nil && w.main != nil {
		main := w.main
		if x := main(); x != nil && takes(x) {
			win.Canvas().Focus(x)
			return true
		}
	}
	return false
}

// SetMainAction names what gets the keyboard when a dialog closes and the
// control it was opened from is gone: the main action of what win shows
// then, or nil for none.
func SetMainAction(win fyne.Window, main func() fyne.Focusable) {
	stateOf(win.Canvas()).main = main
}

// ShowNotice shows d as ShowDialog does, as a dialog that only tells
// something (Help, a message): nothing in it is lost when it closes, so a
// file dropped on the window or handed over by a second start closes it
// (CloseNotices) and its answer is seen at once.
func ShowNotice(win fyne.Window, d dialog.Dialog, size fyne.Size) {
	ShowDialog(win, d, size)
	if n := len(open); n > 0 && open[n-1].win == win && open[n-1].overlay == win.Canvas().Overlays().Top() {
		open[n-1].notice = true
	}
}

// CloseNotices closes the notices on top of win, the topmost first, and
// says whether a dialog is still open: one that holds the user's work or
// asks a question (a form, a confirmation, a folder chooser), which only
// the user may close.
func CloseNotices(win fyne.Window) (stillOpen bool) {
	for {
		prune()
		top := win.Canvas().Overlays().Top()
		if top == nil {
			return false
		}
		i := slices.IndexFunc(open, func(t tracked) bool { return t.win == win && t.overlay == top })
		if i < 0 || !open[i].notice {
			return true
		}
		t := open[i]
		open = append(open[:i], open[i+1:]...)
		t.close()
	}
}

// Escape closes the dialog on top of win, and says whether there was one.
func Escape(win fyne.Window) bool {
	prune()
	top := win.Canvas().Overlays().Top()
	for i := len(open) - 1; i >= 0; i-- {
		if open[i].win == win && open[i].overlay == top {
			t := open[i]
			open = append(open[:i], open[i+1:]...)
			t.close()
			return true
		}
	}
	return false
}

// EscapeFrom is Escape pressed on a focused control: it closes the dialog
// on top of the window that shows obj; with none, the window's own Escape
// has it, as when nothing has the keyboard (the guide's Back: Y5, Escape
// did nothing while a button had the keyboard).
func EscapeFrom(obj fyne.Focusable) {
	escapeFrom(obj, true)
}

// EscapeFromField is Escape pressed in a text field: it closes the dialog
// on top, or else takes the keyboard out of the field, as Escape leaves a
// tick box (Check), and nothing more (Back would take the card and what
// was typed): Enter is the window's again (the guide's Done), and a second
// Escape is (W1: Escape in card 3's note field did nothing, the keyboard
// stuck in it).
func EscapeFromField(obj fyne.Focusable) {
	escapeFrom(obj, false)
}

func escapeFrom(obj fyne.Focusable, window bool) {
	app := fyne.CurrentApp()
	if app == nil {
		return
	}
	for _, w := range app.Driver().AllWindows() {
		c := w.Canvas()
		if c.Focused() != obj {
			continue
		}
		switch on := c.OnTypedKey(); {
		case c.Overlays().Top() != nil:
			Escape(w)
		case !window:
			c.Unfocus()
		case on != nil:
			on(&fyne.KeyEvent{Name: fyne.KeyEscape})
		}
		return
	}
}

// prune forgets dialogs that are no longer shown.
func prune() {
	kept := open[:0]
	for _, t := range open {
		for _, o := range t.win.Canvas().Overlays().List() {
			if o == t.overlay && o.Visible() {
				kept = append(kept, t)
				break
			}
		}
	}
	open = kept
}

// NewDangerConfirm is a question whose yes removes what cannot be brought
// back: the yes carries the delete icon in the danger colour (Fyne's own
// confirm button has a tick, which reads as "all is well"), the no the
// cancel icon. answered runs once, with yes only when yes was pressed;
// Escape and the no are a no.
func NewDangerConfirm(title, yes, no string, content fyne.CanvasObject, answered func(bool), win fyne.Window) *dialog.CustomDialog {
	return newQuestion(title, yes, no, theme.DeleteIcon(), fynewidget.DangerImportance, content, answered, win)
}

// newQuestion is a dialog with a no and a yes of Fornyer's buttons, the yes
// with icon and importance; answered runs once, with yes only when yes was
// pressed; Escape and the no are a no.
func newQuestion(title, yes, no string, icon fyne.Resource, importance fynewidget.Importance, content fyne.CanvasObject, answered func(bool), win fyne.Window) *dialog.CustomDialog {
	d := dialog.NewCustomWithoutButtons(title, content, win)
	said := false
	noButton := NewButton(no, theme.CancelIcon(), d.Hide)
	yesButton := NewButton(yes, icon, func() {
		said = true
		d.Hide()
	})
	yesButton.Importance = importance
	d.SetButtons([]fyne.CanvasObject{noButton, yesButton})
	d.SetOnClosed(func() {
		yes := said
		said = false
		answered(yes)
	})
	return d
}

// Fyne's own dialogs carry Fyne's buttons, on which Enter does nothing and
// Escape is swallowed once the user has tabbed onto them (Fyne hands a key
// to the focused control, and the window's Escape never hears it). The
// dialogs below are Fyne's dialog with Fornyer's buttons and links, which
// take Enter and Escape like every control Fornyer shows.

// ShowInformation shows a message with one OK button, as Fyne's
// information dialog does, as a notice (ShowNotice): it is as wide as its
// text needs, at most 600 units and nine tenths of the window, as Fyne's.
func ShowInformation(win fyne.Window, title, message string) {
	text := &fynewidget.Label{Text: message, Alignment: fyne.TextAlignCenter, Wrapping: fyne.TextWrapWord}
	d := NewCloseable(title, words.T("app.ok"), text, win)
	width := fynewidget.NewLabel(message).MinSize().Width + 32 + theme.Padding()*2
	width = min(width, 600, win.Canvas().Size().Width*0.9)
	ShowNotice(win, d, fyne.NewSize(width, d.MinSize().Height))
}

// NewConfirm is a question with a yes and a no, as Fyne's confirmation
// without its big question mark, which asks nothing: answered runs once,
// with yes only when yes was pressed; Escape and the no are a no.
func NewConfirm(title, yes, no string, content fyne.CanvasObject, answered func(bool), win fyne.Window) *dialog.CustomDialog {
	return newQuestion(title, yes, no, theme.ConfirmIcon(), fynewidget.HighImportance, content, answered, win)
}

// NewCloseable is a dialog that shows content with one button that closes
// it.
func NewCloseable(title, close string, content fyne.CanvasObject, win fyne.Window) *dialog.CustomDialog {
	d := dialog.NewCustomWithoutButtons(title, content, win)
	d.SetButtons([]fyne.CanvasObject{NewButton(close, nil, d.Hide)})
	return d
}

// Hyperlink is Fyne's link that Enter follows too (Fyne's takes Space
// only), and from which Escape closes the dialog it is in. It opens
// through the window's one way to open (open, which calls Open), never
// through Fyne's.
type Hyperlink struct {
	fynewidget.Hyperlink
}

// NewHyperlink makes a link to u that open follows (tapped, Space or
// Enter).
func NewHyperlink(text string, u *url.URL, open func()) *Hyperlink {
	h := &Hyperlink{}
	h.Text = text
	h.URL = u
	if open == nil {
		open = func() {} // never Fyne's own way to open
	}
	h.OnTapped = open
	h.ExtendBaseWidget(h)
	return h
}

// TypedKey follows the link on Enter as on Space; Escape closes the dialog
// the link is in.
func (h *Hyperlink) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		h.Hyperlink.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	case fyne.KeyEscape:
		EscapeFrom(h)
	default:
		h.Hyperlink.TypedKey(ev)
	}
}
