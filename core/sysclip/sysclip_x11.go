//go:build linux || freebsd || netbsd || openbsd

package sysclip

import (
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// On X11 a clipboard is not data but a promise: the program owning the
// CLIPBOARD selection answers each request for it in the format asked for.
// The writer therefore opens a connection of its own, takes the selection
// with a hidden window and serves the text and KDE's password hint itself,
// until anyone else takes the clipboard (another copy, or Fyne's clipboard
// clearing the password after 30 seconds) or Release gives it up; then it
// closes the connection.

func init() {
	// xgb logs to standard error by default (a missing Xauthority, a read
	// error); nothing the user can act on, and this package keeps its own
	// counsel about everything near a password.
	xgb.Logger = log.New(io.Discard, "", 0)
}

// Bounds: every X round trip waits at most roundTrip, and the text served
// fits one request on any server (the protocol guarantees 16 KiB).
const maxText = 8 << 10

var roundTrip = 3 * time.Second // a variable for the tests

// passwordHint is the target KDE's Klipper (and KeePassXC, which sets it)
// read as "do not keep this in the history".
const passwordHint = "x-kde-passwordManagerHint"

var (
	errTooLong  = errors.New("sysclip: text too long for the concealed clipboard")
	errNotText  = errors.New("sysclip: text is not UTF-8")
	errNotOwner = errors.New("sysclip: the X server did not give us the clipboard")
	errTimeout  = errors.New("sysclip: the X server did not answer in time")
	errClosed   = errors.New("sysclip: the X server closed the connection")
	errHung     = errors.New("sysclip: the X server has not answered since an earlier time-out")
)

// A server that accepts but stops answering keeps what waited for it (a
// goroutine, xgb's four and the socket: xgb's Close waits for an answer
// too). After one time-out the writer therefore refuses at once, and the
// caller uses its plain clipboard, until a probe (one at a time, off the
// caller's thread) connects and gets an answer again.
var (
	unresponsive atomic.Bool
	probing      atomic.Bool
)

// timedOut marks the server unresponsive and says so.
func timedOut() error {
	unresponsive.Store(true)
	return errTimeout
}

// probe checks once, on its own goroutine, whether the server answers
// again; if it never does, this one goroutine is all that waits.
func probe(display string) {
	if !probing.CompareAndSwap(false, true) {
		return
	}
	go func() {
		defer probing.Store(false)
		conn, err := xgb.NewConnDisplay(display)
		if err != nil {
			return
		}
		defer conn.Close()
		if _, err := xproto.GetInputFocus(conn).Reply(); err == nil {
			unresponsive.Store(false)
		}
	}()
}

var (
	// writing serialises WriteConcealed: one owner is made at a time.
	writing sync.Mutex
	// current is the owner serving the clipboard now, nil when none.
	current struct {
		sync.Mutex
		o *owner
	}
)

func writeConcealed(text string) error {
	display := os.Getenv("DISPLAY")
	if display == "" {
		// No X server (a Wayland-only session, or none at all): the
		// caller's clipboard is the only one.
		return ErrUnsupported
	}
	if len(text) > maxText {
		return errTooLong
	}
	if !utf8.ValidString(text) {
		return errNotText
	}
	if unresponsive.Load() {
		probe(display)
		return errHung
	}
	writing.Lock()
	defer writing.Unlock()
	o, err := newOwner(display, []byte(text))
	if err != nil {
		return err
	}
	current.Lock()
	previous := current.o
	current.o = o
	current.Unlock()
	go o.serve()
	if previous != nil {
		// The new owner holds the selection already, so the previous one
		// has been told to go (SelectionClear); make sure it has.
		previous.stop()
	}
	return nil
}

// owner is one connection serving one text on the CLIPBOARD selection.
type owner struct {
	conn   *xgb.Conn
	window xproto.Window
	since  xproto.Timestamp // when the selection became ours
	atoms  atoms
	text   []byte        // UTF-8
	done   chan struct{} // closed when serving has ended
}

// atoms are the names the owner speaks.
type atoms struct {
	clipboard, targets, multiple, timestamp, atomPair,
	utf8String, textPlainUTF8, text, hint, stamp xproto.Atom
}

func newOwner(display string, text []byte) (_ *owner, err error) {
	conn, err := dial(display)
	if err != nil {
		return nil, err
	}
	o := &owner{conn: conn, text: text, done: make(chan struct{})}
	asked := false // SetSelectionOwner sent: requests may be queued for us
	defer func() {
		if err != nil {
			if asked {
				o.refusePending()
			}
			conn.Close()
			clear(text)
		}
	}()
	setup := xproto.Setup(conn)
	if setup == nil || conn.DefaultScreen < 0 || conn.DefaultScreen >= len(setup.Roots) {
		return nil, fmt.Errorf("sysclip: display %q has no screen %d", display, conn.DefaultScreen)
	}
	root := setup.Roots[conn.DefaultScreen].Root

	if o.atoms, err = internAtoms(conn); err != nil {
		return nil, err
	}
	if o.window, err = xproto.NewWindowId(conn); err != nil {
		return nil, err
	}
	// An unmapped input-only window: it is never seen, only named as the
	// owner, and it hears its own property changes (for the timestamp).
	xproto.CreateWindow(conn, 0, o.window, root, 0, 0, 1, 1, 0,
		xproto.WindowClassInputOnly, 0, xproto.CwEventMask, []uint32{xproto.EventMaskPropertyChange})
	if o.since, err = o.serverTime(); err != nil {
		return nil, err
	}
	xproto.SetSelectionOwner(conn, o.window, o.atoms.clipboard, o.since)
	asked = true
	// ICCCM: setting the owner can silently fail; ask who owns it now.
	reply, err := within(func() (*xproto.GetSelectionOwnerReply, error) {
		return xproto.GetSelectionOwner(conn, o.atoms.clipboard).Reply()
	})
	if err != nil {
		return nil, err
	}
	if reply.Owner != o.window {
		return nil, errNotOwner
	}
	return o, nil
}

// dial connects to the X server, waiting at most roundTrip. A server that
// accepts but never answers keeps the abandoned attempt's goroutine (and,
// should it answer the set-up only, a connection whose graceful Close
// waits too) until it answers or goes away; the caller is never held, and
// the time-out stops further dials until a probe succeeds.
func dial(display string) (*xgb.Conn, error) {
	type result struct {
		conn *xgb.Conn
		err  error
	}
	ch := make(chan result, 1)
	go func() {
		conn, err := xgb.NewConnDisplay(display)
		ch <- result{conn, err}
	}()
	select {
	case r := <-ch:
		if r.err != nil {
			return nil, fmt.Errorf("sysclip: connecting to X display %q: %w", display, r.err)
		}
		return r.conn, nil
	case <-time.After(roundTrip):
		go func() {
			if r := <-ch; r.conn != nil {
				r.conn.Close()
			}
		}()
		return nil, timedOut()
	}
}

// within waits at most roundTrip for a reply. On time-out the waiting
// goroutine stays until the server answers or the socket fails: xgb's
// Close is graceful (one more round trip) and ends no pending reply from
// a server that has stopped answering. The time-out stops further dials
// until a probe succeeds, so such a server costs one set, not one a click.
func within[T any](reply func() (*T, error)) (*T, error) {
	type result struct {
		v   *T
		err error
	}
	ch := make(chan result, 1)
	go func() {
		v, err := reply()
		ch <- result{v, err}
	}()
	select {
	case r := <-ch:
		if r.err == nil && r.v == nil { // xgb's answer when no reply came
			r.err = errTimeout
		}
		return r.v, r.err
	case <-time.After(roundTrip):
		return nil, timedOut()
	}
}

// internAtoms asks for every name at once, then collects the replies.
func internAtoms(conn *xgb.Conn) (atoms, error) {
	var a atoms
	names := []struct {
		name string
		atom *xproto.Atom
	}{
		{"CLIPBOARD", &a.clipboard},
		{"TARGETS", &a.targets},
		{"MULTIPLE", &a.multiple},
		{"TIMESTAMP", &a.timestamp},
		{"ATOM_PAIR", &a.atomPair},
		{"UTF8_STRING", &a.utf8String},
		{"text/plain;charset=utf-8", &a.textPlainUTF8},
		{"TEXT", &a.text},
		{passwordHint, &a.hint},
		{"_FORNYER_SYSCLIP", &a.stamp},
	}
	cookies := make([]xproto.InternAtomCookie, len(names))
	for i, n := range names {
		cookies[i] = xproto.InternAtom(conn, false, uint16(len(n.name)), n.name)
	}
	for i, n := range names {
		reply, err := within(cookies[i].Reply)
		if err != nil {
			return a, fmt.Errorf("sysclip: naming %s: %w", n.name, err)
		}
		*n.atom = reply.Atom
	}
	return a, nil
}

// serverTime gets a real X timestamp, as ICCCM asks of selection owners:
// an empty append to a property of our window, whose PropertyNotify
// carries the server's time.
func (o *owner) serverTime() (xproto.Timestamp, error) {
	xproto.ChangeProperty(o.conn, xproto.PropModeAppend, o.window, o.atoms.stamp, xproto.AtomString, 8, 0, nil)
	deadline := time.After(roundTrip)
	type next struct {
		ev   xgb.Event
		xerr xgb.Error
	}
	events := make(chan next, 1)
	for {
		go func() {
			ev, xerr := o.conn.WaitForEvent()
			events <- next{ev, xerr}
		}()
		select {
		case n := <-events:
			if n.ev == nil && n.xerr == nil {
				return 0, errClosed
			}
			if p, ok := n.ev.(xproto.PropertyNotifyEvent); ok && p.Window == o.window && p.Atom == o.atoms.stamp {
				return p.Time, nil
			}
			if n.xerr != nil { // creating the window failed, say
				return 0, fmt.Errorf("sysclip: %v", n.xerr)
			}
		case <-deadline:
			return 0, timedOut()
		}
	}
}

// serve answers requests for the clipboard until the connection closes,
// which it does itself once another client owns the selection. Requests
// the server sent before telling us so are still answered: a requestor
// left without an answer (GLFW's, for one) would wait for ever.
func (o *owner) serve() {
	defer o.finish()
	for {
		ev, xerr := o.conn.WaitForEvent()
		switch e := ev.(type) {
		case nil:
			if xerr == nil {
				return // closed
			}
			// An X error: a requestor gone before its answer arrived.
		case xproto.SelectionRequestEvent:
			o.answer(e)
		case xproto.SelectionClearEvent:
			if e.Selection == o.atoms.clipboard {
				o.conn.Close() // WaitForEvent says (nil, nil) once it is
			}
		}
	}
}

// finish forgets the owner and the text; serve's goroutine only.
func (o *owner) finish() {
	current.Lock()
	if current.o == o {
		current.o = nil
	}
	current.Unlock()
	o.conn.Close()
	clear(o.text)
	close(o.done)
}

// stop waits for the owner to end after another took the selection (or
// Release gave it up), and ends it if it does not in time.
func (o *owner) stop() {
	select {
	case <-o.done:
		return
	case <-time.After(roundTrip):
	}
	o.refusePending()
	o.conn.Close()
	select {
	case <-o.done:
	case <-time.After(roundTrip):
	}
}

// release gives up the selection, dated at the copy: that has no effect
// if another client owns it since, and otherwise the server tells the
// owner (SelectionClear), which ends serving after answering what came
// before. stop makes sure it ends. Off the caller's thread: a request
// waits for the socket. The channel is closed once both are done.
func (o *owner) release() <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		xproto.SetSelectionOwner(o.conn, xproto.WindowNone, o.atoms.clipboard, o.since)
		o.stop()
	}()
	return done
}

// refusePending answers every request already queued with a refusal,
// before the connection is closed without serve: a requestor left without
// an answer (GLFW's, on Fyne's UI thread) would wait for ever.
func (o *owner) refusePending() {
	const most = 1 << 12 // bounded even if requests keep coming
	for range most {
		ev, xerr := o.conn.PollForEvent()
		if ev == nil && xerr == nil {
			return // none queued, or closed
		}
		if r, ok := ev.(xproto.SelectionRequestEvent); ok {
			o.notify(r, xproto.AtomNone)
		}
	}
}

// answer converts the selection for one request and tells the requestor.
func (o *owner) answer(r xproto.SelectionRequestEvent) {
	property := r.Property
	if property == xproto.AtomNone {
		property = r.Target // ICCCM: what obsolete requestors mean
	}
	ok := r.Selection == o.atoms.clipboard && !o.before(r.Time)
	if ok {
		if r.Target == o.atoms.multiple {
			ok = r.Property != xproto.AtomNone && o.convertMultiple(r.Requestor, property)
		} else {
			ok = o.convert(r.Requestor, r.Target, property)
		}
	}
	if !ok {
		property = xproto.AtomNone // refused
	}
	o.notify(r, property)
}

// notify tells the requestor of r the answer: the property written, or
// None for a refusal.
func (o *owner) notify(r xproto.SelectionRequestEvent, property xproto.Atom) {
	notify := xproto.SelectionNotifyEvent{Time: r.Time, Requestor: r.Requestor,
		Selection: r.Selection, Target: r.Target, Property: property}
	xproto.SendEvent(o.conn, false, r.Requestor, xproto.EventMaskNoEvent, string(notify.Bytes()))
}

// before says whether a request is dated before the selection was ours
// (X time is milliseconds that wrap, hence the signed difference).
func (o *owner) before(t xproto.Timestamp) bool {
	return t != xproto.TimeCurrentTime && int32(t-o.since) < 0
}

// targets are the formats offered, TARGETS included.
func (o *owner) targets() []xproto.Atom {
	a := o.atoms
	list := []xproto.Atom{a.targets, a.multiple, a.timestamp, a.utf8String, a.textPlainUTF8, a.text}
	if fitsLatin1(o.text) {
		list = append(list, xproto.AtomString)
	}
	return append(list, a.hint)
}

// convert writes the selection as target into the requestor's property,
// and says whether it could.
func (o *owner) convert(requestor xproto.Window, target, property xproto.Atom) bool {
	a := o.atoms
	typ, format, data := target, byte(8), []byte(nil)
	switch target {
	case a.targets:
		typ, format, data = xproto.AtomAtom, 32, atomBytes(o.targets())
	case a.timestamp:
		typ, format, data = xproto.AtomInteger, 32, make([]byte, 4)
		xgb.Put32(data, uint32(o.since))
	case a.utf8String, a.textPlainUTF8:
		data = o.text
	case a.text, xproto.AtomString:
		// TEXT lets the owner choose: STRING (Latin-1) where it can hold
		// the text, UTF-8 otherwise. STRING itself must be Latin-1.
		latin, ok := latin1(o.text)
		defer clear(latin)
		switch {
		case ok:
			typ, data = xproto.AtomString, latin
		case target == a.text:
			typ, data = a.utf8String, o.text
		default:
			return false
		}
	case a.hint:
		data = []byte("secret")
	default:
		return false
	}
	xproto.ChangeProperty(o.conn, xproto.PropModeReplace, requestor, property, typ, format,
		uint32(len(data)/int(format/8)), data)
	return true
}

// convertMultiple answers MULTIPLE: the requestor's property lists pairs of
// target and property; each is converted, and a pair that cannot be has
// its property set to None.
func (o *owner) convertMultiple(requestor xproto.Window, property xproto.Atom) bool {
	const maxPairs = 512
	reply, err := within(func() (*xproto.GetPropertyReply, error) {
		return xproto.GetProperty(o.conn, false, requestor, property, xproto.GetPropertyTypeAny, 0, 2*maxPairs).Reply()
	})
	if err != nil || reply.Format != 32 || len(reply.Value) < 8*int(reply.ValueLen/2) {
		return false
	}
	pairs := reply.Value[:8*int(reply.ValueLen/2)]
	for i := 0; i < len(pairs); i += 8 {
		target, prop := xproto.Atom(xgb.Get32(pairs[i:])), xproto.Atom(xgb.Get32(pairs[i+4:]))
		if target == o.atoms.multiple || prop == xproto.AtomNone || !o.convert(requestor, target, prop) {
			xgb.Put32(pairs[i+4:], uint32(xproto.AtomNone))
		}
	}
	xproto.ChangeProperty(o.conn, xproto.PropModeReplace, requestor, property, o.atoms.atomPair, 32,
		uint32(len(pairs)/4), pairs)
	return true
}

func atomBytes(list []xproto.Atom) []byte {
	b := make([]byte, 4*len(list))
	for i, a := range list {
		xgb.Put32(b[4*i:], uint32(a))
	}
	return b
}

// fitsLatin1 says whether every character of text has a place in ISO
// 8859-1 (Danish letters do), without making a copy of it.
func fitsLatin1(text []byte) bool {
	for rest := text; len(rest) > 0; {
		r, size := utf8.DecodeRune(rest) // not range over string(text): no copy left behind
		if r > 0xff {
			return false
		}
		rest = rest[size:]
	}
	return true
}

// latin1 is text in ISO 8859-1, if it fits; the caller clears the copy.
func latin1(text []byte) ([]byte, bool) {
	if !fitsLatin1(text) {
		return nil, false
	}
	out := make([]byte, 0, len(text))
	for rest := text; len(rest) > 0; {
		r, size := utf8.DecodeRune(rest)
		out = append(out, byte(r))
		rest = rest[size:]
	}
	return out, true
}

// release ends the current owner, if any.
func release() {
	current.Lock()
	o := current.o
	current.Unlock()
	if o != nil {
		o.release()
	}
}
