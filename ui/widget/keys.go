package widget

import (
	"image/color"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	fynewidget "fyne.io/fyne/v2/widget"
)

// The keyboard: Fyne gives a focused button Space only, and scrolls nothing
// into view when Tab moves the focus. Fornyer's controls also take Enter,
// and the window keeps whatever has the focus in view (KeepFocusInView),
// so the guide can be finished without a mouse.

// Button is Fyne's button that Enter activates too.
type Button struct {
	fynewidget.Button
	focused bool
}

// NewButton makes a button with an optional icon.
func NewButton(label string, icon fyne.Resource, tapped func()) *Button {
	b := &Button{}
	b.Text = label
	b.Icon = icon
	b.OnTapped = tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey activates the button on Enter, and the keyboard stays on it;
// Escape closes the dialog the button is in. Space activates it too, on
// its character (TypedRune).
func (b *Button) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if !b.Disabled() {
			b.press()
		}
	case fyne.KeySpace:
		// Pressed on the space character that follows, not here: a press
		// that draws the screen again moves the keyboard, and the
		// character would then reach the control that took the button's
		// place: a tick box under "Note them again" was unticked, its
		// note lost (X9), a field got a space.
	case fyne.KeyEscape:
		EscapeFrom(b)
	default:
		if ScrollKey(ev.Name) {
			// A button has no use for them: the window's, as with nothing
			// focused (the guide scrolls its card).
			if app := fyne.CurrentApp(); app != nil {
				if c := app.Driver().CanvasForObject(b); c != nil && c.OnTypedKey() != nil {
					c.OnTypedKey()(ev)
				}
			}
			return
		}
		b.Button.TypedKey(ev)
	}
}

// ScrollKey says whether k is a key that scrolls a view: Down, Up, Page
// Down, Page Up, Home and End. A focused button passes them to its window
// (Button.TypedKey), and PassesScrollKeys says which control does.
func ScrollKey(k fyne.KeyName) bool {
	switch k {
	case fyne.KeyDown, fyne.KeyUp, fyne.KeyPageDown, fyne.KeyPageUp, fyne.KeyHome, fyne.KeyEnd:
		return true
	}
	return false
}

// PassesScrollKeys says whether the focused control f leaves the scroll
// keys to the window: a button, which has no use for them; a field, a list
// or the step dots move their cursor or selection with them.
func PassesScrollKeys(f fyne.Focusable) bool {
	_, button := f.(*Button)
	return button
}

// TypedRune activates the button on Space: a window sends a key's
// character after the key itself (Fyne's GLFW driver: the key callback,
// then the character's), so nothing of the key is left to reach another
// control once the press has moved the keyboard.
func (b *Button) TypedRune(r rune) {
	if r == ' ' && !b.Disabled() {
		b.press()
	}
}

// press is a press with the keyboard: Fyne's tap takes the focus away (a
// tap is the mouse's), and the next Tab started at the window's first
// control. Here the button keeps the keyboard while it acts, so that what
// it does may move it on (or a screen drawn again give it to the same
// button anew: Spot).
func (b *Button) press() {
	act := b.OnTapped
	b.OnTapped = nil
	b.Tapped(&fyne.PointEvent{}) // Fyne's pressed look
	b.OnTapped = act
	if app := fyne.CurrentApp(); app != nil {
		if c := app.Driver().CanvasForObject(b); c != nil {
			c.Focus(b)
		}
	}
	if act != nil {
		act()
	}
}

// FocusGained shows the focus.
func (b *Button) FocusGained() {
	b.focused = true
	b.Button.FocusGained()
}

// FocusLost takes the focus ring away.
func (b *Button) FocusLost() {
	b.focused = false
	b.Button.FocusLost()
}

// CreateRenderer draws Fyne's button with an edge that stands out from the
// background (Fyne's light grey button is barely darker than the page), and,
// when focused, a ring in the text colour with a gap in the background's
// colour inside it: on a blue button Fyne's own focus is only a darker blue.
func (b *Button) CreateRenderer() fyne.WidgetRenderer {
	r := &buttonRenderer{WidgetRenderer: b.Button.CreateRenderer(), b: b,
		edge: canvas.NewRectangle(color.Transparent), ring: canvas.NewRectangle(color.Transparent),
		gap: canvas.NewRectangle(color.Transparent)}
	r.paint()
	return r
}

// ringWidth is the focus ring's and its gap's width.
const ringWidth = 2

type buttonRenderer struct {
	fyne.WidgetRenderer
	b               *Button
	edge, ring, gap *canvas.Rectangle
}

func (r *buttonRenderer) Layout(size fyne.Size) {
	r.WidgetRenderer.Layout(size)
	r.edge.Resize(size)
	r.ring.Resize(size)
	r.gap.Move(fyne.NewSquareOffsetPos(ringWidth))
	r.gap.Resize(size.SubtractWidthHeight(2*ringWidth, 2*ringWidth))
}

// Objects are Fyne's with the edge and the ring where they are drawn.
func (r *buttonRenderer) Objects() []fyne.CanvasObject {
	objs := r.WidgetRenderer.Objects()
	if r.edge.StrokeColor != color.Transparent {
		objs = append(objs, r.edge)
	}
	if r.ring.StrokeColor != color.Transparent {
		objs = append(objs, r.gap, r.ring)
	}
	return objs
}

func (r *buttonRenderer) Refresh() {
	r.WidgetRenderer.Refresh()
	r.paint()
}

func (r *buttonRenderer) paint() {
	th := r.b.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	radius := th.Size(theme.SizeNameButtonRadius)
	for _, x := range []*canvas.Rectangle{r.edge, r.ring, r.gap} {
		x.CornerRadius = radius
		x.StrokeColor = color.Transparent
		x.StrokeWidth = ringWidth
	}
	r.gap.CornerRadius = max(0, radius-ringWidth)
	r.edge.StrokeWidth = 1
	switch {
	case r.b.Disabled():
		r.edge.StrokeColor = th.Color(theme.ColorNameDisabled, v)
	case r.b.Importance == fynewidget.MediumImportance || r.b.Importance == fynewidget.LowImportance:
		r.edge.StrokeColor = th.Color(theme.ColorNameInputBorder, v)
	}
	if r.b.focused && !r.b.Disabled() {
		r.ring.StrokeColor = th.Color(theme.ColorNameForeground, v)
		r.gap.StrokeColor = th.Color(theme.ColorNameBackground, v)
	}
	for _, x := range []*canvas.Rectangle{r.edge, r.ring, r.gap} {
		x.Refresh()
	}
}

// FollowFocus makes scroll, shown in c's window, keep the focused control
// in view (KeepFocusInView) and take the mouse wheel over its text fields.
func FollowFocus(c fyne.Canvas, scroll *container.Scroll) {
	w := stateOf(c)
	if !slices.Contains(w.followed, scroll) {
		w.followed = append(w.followed, scroll)
	}
}

// Reveal scrolls the followed scroll container that shows obj so that obj
// is in view, with a little room around it: the result of an action (a
// "Saved: …" line under the button), whatever pressed it. For a line just
// shown, reveal the box that holds it: its height is taken as what it
// needs now. The window finds an object's place only once it has drawn it:
// an object not drawn yet (a line hidden until now) is brought into view
// in the next frames, before the window shows it (X17: with the keyboard,
// Space on "Save the public certificate" left "Saved: …" below the fold).
// It says whether obj was brought into view at once.
func Reveal(obj fyne.CanvasObject) bool {
	if revealNow(obj) {
		return true
	}
	if fyne.CurrentApp() != nil && fyne.CurrentApp().Driver().CanvasForObject(obj) == nil {
		laterReveals = append(laterReveals, laterReveal{obj: obj, tries: revealTries})
	}
	return false
}

// laterReveal is an object Reveal waits for the window to draw.
type laterReveal struct {
	obj   fyne.CanvasObject
	tries int // frames left
}

// laterReveals are the objects waiting to be revealed; UI thread only.
var laterReveals []laterReveal

// revealLater brings into view the objects Reveal waits for that have been
// drawn since, and forgets those waited for too long (never drawn: on a
// screen taken away since).
func revealLater() {
	laterReveals = slices.DeleteFunc(laterReveals, func(l laterReveal) bool {
		return revealNow(l.obj) || l.tries <= 1
	})
	for i := range laterReveals {
		laterReveals[i].tries--
	}
}

// revealNow is Reveal for an object the window has drawn.
func revealNow(obj fyne.CanvasObject) bool {
	app := fyne.CurrentApp()
	if app == nil {
		return false
	}
	s := followedHolding(obj)
	if s == nil {
		return false
	}
	d := app.Driver()
	pos := d.AbsolutePositionForObject(obj)
	top := d.AbsolutePositionForObject(s.Content)
	// A line just shown (a status under a button) has grown the content
	// beyond the size the scroll last gave it: the scroll lays it out
	// anew first, or it could not scroll that far.
	if s.Content.Size().Max(s.Content.MinSize()) != s.Content.Size() {
		s.Refresh()
	}
	h := max(obj.Size().Height, obj.MinSize().Height)
	s.ScrollToOffset(fyne.NewPos(s.Offset.X, offsetShowing(s.Offset.Y, s.Size().Height, pos.Y-top.Y, h)))
	return true
}

// KeepFocusInView keeps the control that has the keyboard in c's window in
// view, whatever it is (a button, a field, a list, one of a radio group's
// answers, a control of Fyne's or Fornyer's) and however it got the focus
// (Tab, Shift+Tab, a click, the program): a followed scroll container
// (FollowFocus) that shows it scrolls until it is whole on screen. Fyne
// tells nobody when the focus moves, so the window asks once a frame,
// just before it draws (a running animation's tick, on the UI thread: a
// comparison while nothing moves). Call it once per window: it sets the
// window's OnClosed, which releases what the widgets keep for the window
// (windowState).
func KeepFocusInView(win fyne.Window) {
	c := win.Canvas()
	w := stateOf(c)
	if w.watch != nil {
		return
	}
	w.watch = &focusWatch{c: c}
	w.ticks = fyne.NewAnimation(time.Second, func(float32) { ShowFocused(c) })
	w.ticks.RepeatCount = fyne.AnimationRepeatForever
	w.ticks.Start()
	win.SetOnClosed(func() { released(c) })
}

// ShowFocused brings what Reveal waits for, then c's focused control, into
// view if the focus moved since it last did: what the window does before
// each frame, and a test (whose window draws no frames) after moving the
// focus.
func ShowFocused(c fyne.Canvas) {
	revealLater()
	if w := windowStates[c]; w != nil && w.watch != nil {
		w.watch.check()
	}
}

// focusWatch follows one window's focus.
type focusWatch struct {
	c     fyne.Canvas
	shown fyne.Focusable // the control last brought into view
	tries int            // frames left to wait for a control not drawn yet
}

// revealTries is how many frames a control that took the focus before it
// was drawn (a card just built) is waited for.
const revealTries = 10

func (w *focusWatch) check() {
	f := w.c.Focused()
	if f == w.shown {
		return
	}
	obj, ok := f.(fyne.CanvasObject)
	if !ok {
		w.shown = f
		return
	}
	if w.c.Overlays().Top() != nil {
		// A dialog holds the keyboard: a panel's page that scrolls
		// shows the control; what is behind stays where it is (below).
		revealInDialog(w.c, obj)
	}
	if w.c.Overlays().Top() != nil || outsideFollowed(w.c, obj) {
		// A dialog holds the keyboard, and what is behind it stays where
		// it is (the followed scrolls are all behind: a dialog's control
		// drawn over the card's place is not the card's); Back, Done,
		// Help: below or above the card, never scrolled to.
		w.shown = f
		return
	}
	if w.tries == 0 {
		w.tries = revealTries
	}
	if revealNow(obj) || w.tries == 1 {
		w.shown, w.tries = f, 0 // shown, or outside every followed scroll (a dialog, the top bar)
		return
	}
	w.tries--
}

// outsideFollowed says whether the window's tree of containers holds obj
// outside every followed scroll container: the buttons below a card lie
// within the card's height when it is long, and the card must not scroll
// to them. An object inside a widget of Fyne's (a radio group's answer)
// is not found, and is placed by where it is drawn (followedHolding).
func outsideFollowed(c fyne.Canvas, obj fyne.CanvasObject) bool {
	found, inside := false, false
	var walk func(o fyne.CanvasObject, in bool)
	walk = func(o fyne.CanvasObject, in bool) {
		if found || o == nil {
			return
		}
		if o == obj {
			found, inside = true, in
			return
		}
		switch x := o.(type) {
		case *fyne.Container:
			for _, k := range x.Objects {
				walk(k, in)
			}
		case *container.Scroll:
			walk(x.Content, in || slices.Contains(followedIn(c), x))
		case *container.AppTabs:
			for _, t := range x.Items {
				walk(t.Content, in)
			}
		}
	}
	walk(c.Content(), false)
	return found && !inside
}

// followedHolding is the followed scroll container whose content holds
// obj (by its window and place on the screen), or nil.
func followedHolding(obj fyne.CanvasObject) *container.Scroll {
	app := fyne.CurrentApp()
	if app == nil {
		return nil
	}
	d := app.Driver()
	pos := d.AbsolutePositionForObject(obj)
	c := d.CanvasForObject(obj)
	if c == nil {
		return nil // not drawn yet: its place is not known
	}
	followed := followedIn(c)
	for i := len(followed) - 1; i >= 0; i-- { // the newest first: a screen built again follows its new scroll
		s := followed[i]
		if s.Content == nil || !s.Visible() || d.CanvasForObject(s) != c {
			continue
		}
		if d.AbsolutePositionForObject(s).IsZero() {
			// Not on screen: in a tab not shown (its own Visible says
			// nothing of the tab's), or a screen built again since. The
			// window finds no place for it and says the origin, where a
			// followed scroll never is (the tabs are above).
			continue
		}
		top := d.AbsolutePositionForObject(s.Content)
		size := s.Content.Size().Max(s.Content.MinSize())
		if pos.Y < top.Y || pos.Y > top.Y+size.Height || pos.X < top.X || pos.X > top.X+size.Width {
			continue
		}
		return s
	}
	return nil
}

// followedIn are the scroll containers of c's window that FollowFocus
// follows.
func followedIn(c fyne.Canvas) []*container.Scroll {
	if w := windowStates[c]; w != nil {
		return w.followed
	}
	return nil
}

// offsetShowing is the scroll offset, as near to offset as can be, at which
// an object at y (in the content) of height h is in a view of height view;
// an object taller than the view is shown from its top, where it is read
// from (a copy's "ready" line above its password and advice).
func offsetShowing(offset, view, y, h float32) float32 {
	const room = 12
	switch {
	case y-room < offset:
		return max(0, y-room)
	case y+h+room > offset+view:
		return max(0, min(y-room, y+h+room-view))
	}
	return offset
}
