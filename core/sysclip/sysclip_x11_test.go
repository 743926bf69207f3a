//go:build linux

package sysclip

import (
	"bufio"
	"bytes"
	"errors"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// The tests run against a private Xvfb and read the clipboard with xclip,
// as a clipboard manager would. scripts/test.sh sets FORNYER_X_TESTS, so
// there a missing Xvfb or xclip fails the test instead of skipping it.

// secret has Danish letters, which STRING (Latin-1) can hold.
const secret = "Kode-æøå 7!Zq"

// xServer starts Xvfb on a display number it picks itself (-displayfd, so
// parallel runs do not collide) and points DISPLAY at it.
func xServer(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"Xvfb", "xclip"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("FORNYER_X_TESTS") != "" {
				t.Fatalf("%s is missing (scripts/deps.sh test installs it)", tool)
			}
			t.Skipf("%s is missing (scripts/deps.sh test installs it)", tool)
		}
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	// -noreset: without it Xvfb resets when its last client leaves (the
	// probe's connection, say), and a client dialling during the reset has
	// its connection reset ("connection reset by peer", now and then).
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-nolisten", "tcp", "-noreset", "-screen", "0", "320x200x24")
	cmd.ExtraFiles = []*os.File{w}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		r.Close()
	})
	number := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n')
		number <- strings.TrimSpace(line)
	}()
	n := <-number // a hang is the test binary's time-out
	if n == "" {
		t.Fatal("Xvfb did not start")
	}
	t.Setenv("DISPLAY", ":"+n)
	// No cookie: Xvfb without -auth lets local clients in, and a user's
	// own Xauthority must not be used for (or confuse) the test display.
	t.Setenv("XAUTHORITY", filepath.Join(t.TempDir(), "Xauthority"))
}

// xclipOut reads the clipboard as target; ok is false when the owner
// refused it.
func xclipOut(t *testing.T, target string) (out []byte, ok bool) {
	t.Helper()
	// An owner that never answers hangs xclip: the test binary's time-out
	// says so, with every goroutine's stack.
	out, err := exec.Command("xclip", "-selection", "clipboard", "-o", "-t", target).Output()
	return out, err == nil
}

func mustRead(t *testing.T, target string) []byte {
	t.Helper()
	out, ok := xclipOut(t, target)
	if !ok {
		t.Fatalf("the clipboard refused %s", target)
	}
	return out
}

// otherCopy is another program copying text (xclip serves it until the
// screen goes away).
func otherCopy(t *testing.T, text string) {
	t.Helper()
	cmd := exec.Command("xclip", "-selection", "clipboard", "-i")
	cmd.Stdin = strings.NewReader(text)
	if err := cmd.Run(); err != nil {
		t.Fatalf("xclip -i: %v", err)
	}
}

func ownerNow() *owner {
	current.Lock()
	defer current.Unlock()
	return current.o
}

func waitDone(t *testing.T, o *owner) {
	t.Helper()
	<-o.done // the owner stops serving once another program took the clipboard
}

// settleGoroutines waits for the goroutine count to come back to want.
func settleGoroutines(t *testing.T, want int) {
	t.Helper()
	// Nothing tells when a goroutine has ended: yield until they have (a
	// leak is the test binary's time-out, which prints every stack).
	for runtime.NumGoroutine() > want {
		runtime.Gosched()
	}
}

func TestConcealedServesTextAndPasswordHint(t *testing.T) {
	xServer(t)
	before := runtime.NumGoroutine()
	if err := WriteConcealed(secret); err != nil {
		t.Fatal(err)
	}
	o := ownerNow()
	if o == nil {
		t.Fatal("no owner after WriteConcealed")
	}

	targets := strings.Fields(string(mustRead(t, "TARGETS")))
	for _, want := range []string{"TARGETS", "UTF8_STRING", "text/plain;charset=utf-8", "STRING", "TEXT", "x-kde-passwordManagerHint"} {
		if !slices.Contains(targets, want) {
			t.Errorf("TARGETS %v lacks %s", targets, want)
		}
	}
	if got := string(mustRead(t, "x-kde-passwordManagerHint")); got != "secret" {
		t.Errorf("x-kde-passwordManagerHint = %q, want secret", got)
	}
	for _, target := range []string{"UTF8_STRING", "text/plain;charset=utf-8"} {
		if got := string(mustRead(t, target)); got != secret {
			t.Errorf("%s = %q, want %q", target, got, secret)
		}
	}
	latin := []byte("Kode-\xe6\xf8\xe5 7!Zq")
	for _, target := range []string{"STRING", "TEXT"} {
		if got := mustRead(t, target); !bytes.Equal(got, latin) {
			t.Errorf("%s = %q, want Latin-1 %q", target, got, latin)
		}
	}
	if _, ok := xclipOut(t, "image/png"); ok {
		t.Error("a target never offered was answered")
	}

	otherCopy(t, "anden tekst")
	waitDone(t, o)
	if ownerNow() != nil {
		t.Error("the finished owner is still the current one")
	}
	if got := string(mustRead(t, "UTF8_STRING")); got != "anden tekst" {
		t.Errorf("after the other copy the clipboard holds %q", got)
	}
	if !bytes.Equal(o.text, make([]byte, len(o.text))) {
		t.Error("the finished owner still holds the text")
	}
	settleGoroutines(t, before)
}

func TestConcealedOutsideLatin1(t *testing.T) {
	xServer(t)
	const text = "Zürich-€-Łódź"
	if err := WriteConcealed(text); err != nil {
		t.Fatal(err)
	}
	o := ownerNow()
	if targets := strings.Fields(string(mustRead(t, "TARGETS"))); slices.Contains(targets, "STRING") {
		t.Errorf("TARGETS %v offers STRING for text Latin-1 cannot hold", targets)
	}
	if _, ok := xclipOut(t, "STRING"); ok {
		t.Error("STRING was answered for text Latin-1 cannot hold")
	}
	for _, target := range []string{"UTF8_STRING", "TEXT"} {
		if got := string(mustRead(t, target)); got != text {
			t.Errorf("%s = %q, want %q", target, got, text)
		}
	}
	otherCopy(t, "x")
	waitDone(t, o)
}

func TestConcealedNewCopyReplacesOwner(t *testing.T) {
	xServer(t)
	before := runtime.NumGoroutine()
	if err := WriteConcealed("første-Kode-1"); err != nil {
		t.Fatal(err)
	}
	first := ownerNow()
	if err := WriteConcealed("anden-Kode-2"); err != nil {
		t.Fatal(err)
	}
	second := ownerNow()
	select {
	case <-first.done: // WriteConcealed waited for it
	default:
		t.Fatal("the first owner still serves after the second copy")
	}
	if second == first || second == nil {
		t.Fatal("the second copy has no owner of its own")
	}
	if got := string(mustRead(t, "UTF8_STRING")); got != "anden-Kode-2" {
		t.Errorf("the clipboard holds %q after the second copy", got)
	}
	if got := string(mustRead(t, "x-kde-passwordManagerHint")); got != "secret" {
		t.Errorf("the second copy's hint = %q", got)
	}
	otherCopy(t, "x")
	waitDone(t, second)
	settleGoroutines(t, before)
}

// TestConcealedMultipleAndTime asks as an X client does that xclip cannot:
// MULTIPLE (several targets in one request), and a request dated before
// the copy, which ICCCM says to refuse.
func TestConcealedMultipleAndTime(t *testing.T) {
	xServer(t)
	if err := WriteConcealed(secret); err != nil {
		t.Fatal(err)
	}
	o := ownerNow()
	conn, err := xgb.NewConn()
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	atom := func(name string) xproto.Atom {
		r, err := xproto.InternAtom(conn, false, uint16(len(name)), name).Reply()
		if err != nil {
			t.Fatal(err)
		}
		return r.Atom
	}
	clipboard, multiple, pairType := atom("CLIPBOARD"), atom("MULTIPLE"), atom("ATOM_PAIR")
	utf8Target, hint, png := atom("UTF8_STRING"), atom(passwordHint), atom("image/png")
	p1, p2, p3, list := atom("P1"), atom("P2"), atom("P3"), atom("LIST")
	win, _ := xproto.NewWindowId(conn)
	root := xproto.Setup(conn).DefaultScreen(conn).Root
	xproto.CreateWindow(conn, 0, win, root, 0, 0, 1, 1, 0, xproto.WindowClassInputOnly, 0, 0, nil)

	// convert asks and waits for the owner's answer: the property it
	// wrote, or None.
	convert := func(target, property xproto.Atom, at xproto.Timestamp) xproto.Atom {
		t.Helper()
		xproto.ConvertSelection(conn, win, clipboard, target, property, at)
		for {
			ev, _ := conn.WaitForEvent() // the owner's answer; a hang is the test binary's time-out
			if n, ok := ev.(xproto.SelectionNotifyEvent); ok {
				return n.Property
			}
		}
	}
	read := func(property xproto.Atom) []byte {
		t.Helper()
		r, err := xproto.GetProperty(conn, false, win, property, xproto.GetPropertyTypeAny, 0, 1024).Reply()
		if err != nil {
			t.Fatal(err)
		}
		return r.Value
	}

	pairs := atomBytes([]xproto.Atom{utf8Target, p1, hint, p2, png, p3})
	xproto.ChangeProperty(conn, xproto.PropModeReplace, win, list, pairType, 32, 6, pairs)
	if got := convert(multiple, list, xproto.TimeCurrentTime); got != list {
		t.Fatalf("MULTIPLE refused (property %d)", got)
	}
	if got := string(read(p1)); got != secret {
		t.Errorf("MULTIPLE's UTF8_STRING = %q", got)
	}
	if got := string(read(p2)); got != "secret" {
		t.Errorf("MULTIPLE's hint = %q", got)
	}
	want := atomBytes([]xproto.Atom{utf8Target, p1, hint, p2, png, xproto.AtomNone})
	if got := read(list); !bytes.Equal(got, want) {
		t.Errorf("MULTIPLE's answered list = %v, want the refused image/png's property None: %v", got, want)
	}

	if got := convert(utf8Target, p1, o.since-1); got != xproto.AtomNone {
		t.Error("a request dated before the copy was answered")
	}
	if got := convert(utf8Target, p1, o.since); got != p1 {
		t.Error("a request dated at the copy was refused")
	}

	// A client that owns the selection through this same connection
	// ends the writer too.
	xproto.SetSelectionOwner(conn, win, clipboard, xproto.TimeCurrentTime)
	waitDone(t, o)
}

func TestConcealedWithoutX(t *testing.T) {
	t.Setenv("DISPLAY", "")
	if err := WriteConcealed(secret); !errors.Is(err, ErrUnsupported) {
		t.Errorf("without DISPLAY: %v, want ErrUnsupported", err)
	}

	// A display nobody serves: an error (so the caller falls back), at
	// once: the refused connection, not the round trip's time-out (a
	// clock would say "fast" only on a quiet machine).
	t.Setenv("DISPLAY", filepath.Join(t.TempDir(), "none")+":0")
	if err := WriteConcealed(secret); err == nil || errors.Is(err, ErrUnsupported) || errors.Is(err, errTimeout) {
		t.Errorf("a display nobody serves: %v, want the refused connection", err)
	} else if strings.Contains(err.Error(), secret) {
		t.Error("the error names the text")
	}
	if ownerNow() != nil {
		t.Error("an owner is left after a failed write")
	}
}

// TestConcealedUnansweringServer: a server that accepts the connection and
// never answers gives an error in roundTrip, not a hang.
func TestConcealedUnansweringServer(t *testing.T) {
	socket := filepath.Join(t.TempDir(), "x")
	l, err := net.Listen("unix", socket+":0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	accepted := make(chan net.Conn, 4)
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			accepted <- c
		}
	}()
	defer func() {
		for len(accepted) > 0 {
			(<-accepted).Close()
		}
	}()
	saved := roundTrip
	roundTrip = 300 * time.Millisecond
	defer func() { roundTrip = saved }()
	t.Setenv("DISPLAY", socket+":0")
	t.Setenv("XAUTHORITY", filepath.Join(t.TempDir(), "Xauthority"))
	t.Cleanup(func() { unresponsive.Store(false) })
	// Returning at all, with the time-out's error, is "no hang".
	if err := WriteConcealed(secret); !errors.Is(err, errTimeout) {
		t.Errorf("an unanswering server: %v, want the time-out", err)
	}

	// After the time-out, further copies are refused at once rather than
	// leave another connection waiting each; one probe at a time asks.
	// Refused at once means without a connection of its own: the count
	// of connections says so, not a clock (on a loaded machine a prompt
	// refusal can still take longer than any bound a test could set).
	for range 3 {
		if err := WriteConcealed(secret); !errors.Is(err, errHung) {
			t.Errorf("a copy after the time-out: %v, want errHung", err)
		}
	}
	// Wait for the probe's connection (the event), not a fixed time: the
	// time-out's and the probe's; no third.
	timedOut, probe := <-accepted, <-accepted
	if n := len(accepted); n != 0 {
		t.Errorf("%d connections to the unanswering server, want 2 (the time-out's and one probe)", n+2)
	}
	timedOut.Close()
	probe.Close()
	// The probe ends once its server went away; nothing tells when, so
	// yield until it has (a hang is the test binary's time-out).
	for probing.Load() {
		runtime.Gosched()
	}
	if !unresponsive.Load() {
		t.Error("a probe that got no answer marked the server as answering")
	}
	if n := len(accepted); n != 0 {
		t.Errorf("%d further connections to the unanswering server after the probe", n)
	}
}

// TestConcealedAnswersAgainAfterProbe: once the server answers again, the
// probe lets copies through.
func TestConcealedAnswersAgainAfterProbe(t *testing.T) {
	xServer(t)
	unresponsive.Store(true)
	t.Cleanup(func() { unresponsive.Store(false) })
	if err := WriteConcealed(secret); !errors.Is(err, errHung) {
		t.Fatalf("a copy while marked unresponsive: %v, want errHung", err)
	}
	for unresponsive.Load() { // the probe finds the server answering; a hang is the time-out
		runtime.Gosched()
	}
	if err := WriteConcealed(secret); err != nil {
		t.Fatalf("a copy once the server answers again: %v", err)
	}
	o := ownerNow()
	otherCopy(t, "x")
	waitDone(t, o)
}

// TestReleaseEndsOwner: Release gives the clipboard up and ends the owner,
// so nothing serves the text after the caller cleared.
func TestReleaseEndsOwner(t *testing.T) {
	xServer(t)
	before := runtime.NumGoroutine()
	Release() // none: nothing happens
	if err := WriteConcealed(secret); err != nil {
		t.Fatal(err)
	}
	o := ownerNow()
	Release()
	waitDone(t, o)
	if ownerNow() != nil {
		t.Error("the released owner is still the current one")
	}
	if out, ok := xclipOut(t, "UTF8_STRING"); ok && len(out) > 0 {
		t.Errorf("after Release the clipboard still serves %q", out)
	}
	if !bytes.Equal(o.text, make([]byte, len(o.text))) {
		t.Error("the released owner still holds the text")
	}
	settleGoroutines(t, before)

	// Released after another program copied: that copy stays.
	if err := WriteConcealed(secret); err != nil {
		t.Fatal(err)
	}
	o = ownerNow()
	otherCopy(t, "anden tekst")
	waitDone(t, o)
	<-o.release()
	if got := string(mustRead(t, "UTF8_STRING")); got != "anden tekst" {
		t.Errorf("a late release took the other program's copy: clipboard %q", got)
	}
}

// TestRefusePendingAnswersQueuedRequest: a request queued for an owner
// whose connection closes without serving gets a refusal, not silence
// (GLFW would wait for ever on Fyne's UI thread).
func TestRefusePendingAnswersQueuedRequest(t *testing.T) {
	xServer(t)
	o, err := newOwner(os.Getenv("DISPLAY"), []byte(secret)) // not serving
	if err != nil {
		t.Fatal(err)
	}
	conn, err := xgb.NewConn()
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	clipboard, err := xproto.InternAtom(conn, false, 9, "CLIPBOARD").Reply()
	if err != nil {
		t.Fatal(err)
	}
	win, _ := xproto.NewWindowId(conn)
	root := xproto.Setup(conn).DefaultScreen(conn).Root
	xproto.CreateWindow(conn, 0, win, root, 0, 0, 1, 1, 0, xproto.WindowClassInputOnly, 0, 0, nil)
	xproto.ConvertSelection(conn, win, clipboard.Atom, o.atoms.utf8String, o.atoms.utf8String, xproto.TimeCurrentTime)
	// Round trips on both connections: the server has sent the request,
	// and the owner's connection has queued it.
	if _, err := xproto.GetInputFocus(conn).Reply(); err != nil {
		t.Fatal(err)
	}
	if _, err := xproto.GetInputFocus(o.conn).Reply(); err != nil {
		t.Fatal(err)
	}
	o.refusePending()
	o.conn.Close()

	events := make(chan xgb.Event, 1)
	go func() {
		for {
			ev, xerr := conn.WaitForEvent()
			if ev == nil && xerr == nil {
				return
			}
			if n, ok := ev.(xproto.SelectionNotifyEvent); ok {
				events <- n
				return
			}
		}
	}()
	ev := <-events // a hang is the test binary's time-out
	if p := ev.(xproto.SelectionNotifyEvent).Property; p != xproto.AtomNone {
		t.Errorf("the queued request was answered with property %d, want a refusal (None)", p)
	}
}

func TestFitsLatin1(t *testing.T) {
	for text, want := range map[string]bool{"": true, secret: true, "Zürich": true, "€": false, "Łódź": false} {
		if got := fitsLatin1([]byte(text)); got != want {
			t.Errorf("fitsLatin1(%q) = %v", text, got)
		}
	}
	text := []byte(secret)
	if n := testing.AllocsPerRun(10, func() { fitsLatin1(text) }); n != 0 {
		t.Errorf("fitsLatin1 allocates %v times: a copy of the password each TARGETS", n)
	}
}

func TestConcealedRefusesOversizeText(t *testing.T) {
	t.Setenv("DISPLAY", ":0")
	if err := WriteConcealed(strings.Repeat("x", maxText+1)); !errors.Is(err, errTooLong) {
		t.Errorf("oversize text: %v", err)
	}
	if err := WriteConcealed("\xff\xfe"); !errors.Is(err, errNotText) {
		t.Errorf("invalid UTF-8: %v", err)
	}
}
