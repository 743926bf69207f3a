package sysclip

import (
	"encoding/binary"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
	"unsafe"

	"golang.org/x/sys/windows"
)

// The tests read the clipboard back through user32 as a clipboard history
// or monitor would, after WriteConcealed has closed it. They need a desktop
// session (CI runs them under Wine on a virtual screen: see
// .ci/steps/80-windows-wine.sh, and its notes on what Wine cannot show).

// secret has Danish letters outside ASCII, so a writer that put out
// Latin-1 or UTF-8 where UTF-16 belongs would not read back.
const secret = "Kode-æøå ÆØÅ 7!Zq"

var (
	procEnumClipboardFormats   = user32.NewProc("EnumClipboardFormats")
	procGetClipboardData       = user32.NewProc("GetClipboardData")
	procGetClipboardFormatName = user32.NewProc("GetClipboardFormatNameW")
	procCreateWindowEx         = user32.NewProc("CreateWindowExW")
	procDestroyWindow          = user32.NewProc("DestroyWindow")
	procGlobalSize             = kernel32.NewProc("GlobalSize")
)

// clipboard is what the clipboard holds: every format in the order
// EnumClipboardFormats gives them, and each format's bytes.
type clipboard struct {
	formats []uintptr
	data    map[uintptr][]byte
}

// readClipboard opens the clipboard (retrying while Wine's X11 side or
// anyone else holds it for a moment) and copies out every format.
func readClipboard(t *testing.T) clipboard {
	t.Helper()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var opened bool
	var err error
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		var r uintptr
		if r, _, err = procOpenClipboard.Call(0); r != 0 {
			opened = true
			break
		}
	}
	if !opened {
		t.Fatalf("the test could not open the clipboard to read it: %v", err)
	}
	defer procCloseClipboard.Call()
	c := clipboard{data: map[uintptr][]byte{}}
	for f := uintptr(0); ; {
		f, _, _ = procEnumClipboardFormats.Call(f)
		if f == 0 {
			break
		}
		c.formats = append(c.formats, f)
		h, _, _ := procGetClipboardData.Call(f)
		if h == 0 {
			continue // a format that is listed but cannot be rendered
		}
		size, _, _ := procGlobalSize.Call(h)
		p, _, _ := procGlobalLock.Call(h)
		if p == 0 {
			continue
		}
		b := make([]byte, size)
		if size > 0 {
			procMoveMemory.Call(uintptr(unsafe.Pointer(&b[0])), p, size)
		}
		procGlobalUnlock.Call(h)
		c.data[f] = b
	}
	return c
}

// text is CF_UNICODETEXT decoded up to its terminating NUL.
func (c clipboard) text(t *testing.T) string {
	t.Helper()
	b, ok := c.data[cfUnicodeText]
	if !ok {
		t.Fatalf("no CF_UNICODETEXT on the clipboard (formats %s)", c.names())
	}
	if len(b)%2 != 0 {
		t.Fatalf("CF_UNICODETEXT is %d bytes, not whole UTF-16 units", len(b))
	}
	units := make([]uint16, len(b)/2)
	for i := range units {
		units[i] = binary.LittleEndian.Uint16(b[2*i:])
	}
	end := slices.Index(units, 0)
	if end < 0 {
		t.Fatalf("CF_UNICODETEXT has no terminating NUL: % x", b)
	}
	return string(utf16.Decode(units[:end]))
}

// names lists the formats for failure messages: registered ones by name.
func (c clipboard) names() string {
	var out []string
	for _, f := range c.formats {
		buf := make([]uint16, 256)
		n, _, _ := procGetClipboardFormatName.Call(f, uintptr(unsafe.Pointer(&buf[0])), uintptr(len(buf)))
		if n > 0 {
			out = append(out, fmt.Sprintf("%d %q", f, windows.UTF16ToString(buf[:n])))
		} else {
			out = append(out, fmt.Sprint(f))
		}
	}
	return "[" + strings.Join(out, ", ") + "]"
}

func registered(t *testing.T, name string) uintptr {
	t.Helper()
	p, err := windows.UTF16PtrFromString(name)
	if err != nil {
		t.Fatal(err)
	}
	f, _, err := procRegisterClipboardFormat.Call(uintptr(unsafe.Pointer(p)))
	if f == 0 {
		t.Fatalf("RegisterClipboardFormatW(%s): %v", name, err)
	}
	return f
}

func TestWriteConcealedPutsTheTextBesideTheHistoryMarkers(t *testing.T) {
	if err := WriteConcealed(secret); err != nil {
		t.Fatalf("WriteConcealed: %v", err)
	}
	c := readClipboard(t)
	if got := c.text(t); got != secret {
		t.Errorf("CF_UNICODETEXT reads %q, want %q", got, secret)
	}
	// Each marker by name, not through the writer's table, so that a
	// marker dropped from it or misspelt there is caught.
	for _, name := range []string{
		"ExcludeClipboardContentFromMonitorProcessing",
		"CanIncludeInClipboardHistory",
		"CanUploadToCloudClipboard",
	} {
		f := registered(t, name)
		if !slices.Contains(c.formats, f) {
			t.Errorf("%s (format %d) is not on the clipboard; formats %s", name, f, c.names())
			continue
		}
		if name == "ExcludeClipboardContentFromMonitorProcessing" {
			continue // its presence is the mark; Windows ignores its data
		}
		b, ok := c.data[f]
		if !ok {
			t.Errorf("%s is listed but GetClipboardData gives nothing", name)
			continue
		}
		if want := []byte{0, 0, 0, 0}; !slices.Equal(b, want) {
			t.Errorf("%s holds % x, want the DWORD 0 (% x)", name, b, want)
		}
	}
}

func TestWriteConcealedReplacesTheLastCopy(t *testing.T) {
	if err := WriteConcealed("first-" + secret); err != nil {
		t.Fatalf("first WriteConcealed: %v", err)
	}
	second := "andet-ÆØÅ-Kodeord"
	if err := WriteConcealed(second); err != nil {
		t.Fatalf("second WriteConcealed: %v", err)
	}
	c := readClipboard(t)
	if got := c.text(t); got != second {
		t.Errorf("after a second copy CF_UNICODETEXT reads %q, want %q", got, second)
	}
	f := registered(t, "CanIncludeInClipboardHistory")
	if !slices.Contains(c.formats, f) {
		t.Errorf("the second copy lost CanIncludeInClipboardHistory; formats %s", c.names())
	}
}

// holdClipboard opens the clipboard for a window of another thread, as
// another program would, until release is called.
func holdClipboard(t *testing.T) (release func()) {
	t.Helper()
	held := make(chan error, 1)
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		class, _ := windows.UTF16PtrFromString("STATIC")
		hwnd, _, err := procCreateWindowEx.Call(0, uintptr(unsafe.Pointer(class)), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
		if hwnd == 0 {
			held <- fmt.Errorf("CreateWindowExW: %v", err)
			return
		}
		defer procDestroyWindow.Call(hwnd)
		if r, _, err := procOpenClipboard.Call(hwnd); r == 0 {
			held <- fmt.Errorf("OpenClipboard for the other window: %v", err)
			return
		}
		held <- nil
		<-done
		procCloseClipboard.Call()
	}()
	if err := <-held; err != nil {
		t.Fatal(err)
	}
	var once bool
	release = func() {
		if !once {
			once = true
			close(done)
			<-finished
		}
	}
	t.Cleanup(release)
	return release
}

func TestWriteConcealedGivesUpWhenTheClipboardStaysBusy(t *testing.T) {
	if err := WriteConcealed(secret); err != nil {
		t.Fatalf("WriteConcealed: %v", err)
	}
	release := holdClipboard(t)

	result := make(chan error, 1)
	go func() { result <- WriteConcealed("while-busy") }()
	select {
	case err := <-result:
		if err == nil {
			t.Fatal("WriteConcealed succeeded while another window held the clipboard open")
		}
		if !strings.Contains(err.Error(), "busy") {
			t.Errorf("the error does not say the clipboard is busy: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("WriteConcealed hung while another window held the clipboard open")
	}

	release()
	if got := readClipboard(t).text(t); got != secret {
		t.Errorf("a failed write changed the clipboard to %q, want %q kept", got, secret)
	}
	// Once the other window lets go, the next copy goes through.
	if err := WriteConcealed("after-" + secret); err != nil {
		t.Fatalf("WriteConcealed after the clipboard was released: %v", err)
	}
	if got := readClipboard(t).text(t); got != "after-"+secret {
		t.Errorf("after release CF_UNICODETEXT reads %q", got)
	}
}
