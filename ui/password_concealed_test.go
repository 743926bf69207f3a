package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/zalando/go-keyring"

	"github.com/fornyer/fornyer/core/vault"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
)

// writeCountingClipboard is Fyne's test clipboard counting the non-empty writes
// through it.
type writeCountingClipboard struct {
	fyne.Clipboard
	writes int
}

func (c *writeCountingClipboard) SetContent(s string) {
	if s != "" {
		c.writes++
	}
	c.Clipboard.SetContent(s)
}

// appWithClipboard is the test app with that clipboard.
type appWithClipboard struct {
	fyne.App
	cb fyne.Clipboard
}

func (a appWithClipboard) Clipboard() fyne.Clipboard { return a.cb }

// copyFixture is the "Show" / "Copy password" row for a saved password,
// on a window whose system is ctx (RunNative's context), with
// concealedWrite and releaseConcealed counted: the concealed write puts
// the text on Fyne's test clipboard, as the X11 owner does on the real one.
type copyFixture struct {
	f         *frame
	view      *fyne.Container
	scroll    *container.Scroll
	wait      func()
	cb        *writeCountingClipboard
	concealed int // concealedWrite calls
	releases  int // releaseConcealed calls
	fire      func()
}

const copiedPassword = "Kopi-Kode-æøå-9"

func newCopyFixture(t *testing.T, ctx any) *copyFixture {
	t.Helper()
	keyring.MockInit()
	x := &copyFixture{}
	x.f, x.wait = newVaultTestFrame(t, "en")
	x.cb = &writeCountingClipboard{Clipboard: x.f.app.Clipboard()}
	x.f.app = appWithClipboard{App: x.f.app, cb: x.cb}

	x.f.windowContext = func(fyne.Window) any { return ctx }
	x.f.concealedWrite = func(s string) error {
		x.concealed++
		x.cb.Clipboard.SetContent(s) // not counted: the system's clipboard, not Fyne's
		return nil
	}
	x.f.releaseConcealed = func() { x.releases++ }
	x.f.clipboardAfter = fakeAfter(&x.fire)
	t.Cleanup(func() { x.f.clearClipboardsNow() })

	id := vault.PendingID("2026-11-24")
	if err := x.f.vault.Save(context.Background(), id, "", copiedPassword); err != nil {
		t.Fatal(err)
	}
	x.f.noteWindowSystem() // what Run does once the window is shown
	x.view = newPasswordActions(x.f, id, nil, nil)
	// Tall content below the card: it can scroll out of view.
	below := widget.NewLabel("")
	below.Resize(fyne.NewSize(10, 3000))
	x.scroll = container.NewVScroll(container.NewVBox(x.view, container.NewGridWrap(fyne.NewSize(10, 3000), below)))
	uiwidget.FollowFocus(x.f.win.Canvas(), x.scroll)
	x.f.win.SetContent(x.scroll)
	return x
}

func (x *copyFixture) copy(t *testing.T) {
	t.Helper()
	test.Tap(findButton(t, x.view, "Copy password"))
	x.wait()
}

// On a native Wayland window Fyne's clipboard is Wayland's, which the X11
// owner does not serve: "Copy password" writes through Fyne there, and
// uses the concealed writer only on X11 (and Windows, macOS).
func TestCopyPasswordConcealedOnlyWhereTheWindowReadsIt(t *testing.T) {
	for _, c := range []struct {
		name      string
		ctx       any
		concealed bool
	}{
		{"wayland", driver.WaylandWindowContext{WaylandSurface: 1}, false},
		{"x11", driver.X11WindowContext{WindowHandle: 1}, true},
		{"windows", driver.WindowsWindowContext{HWND: 1}, true},
		{"macos", driver.MacWindowContext{NSWindow: 1}, true},
		{"no native window", nil, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			x := newCopyFixture(t, c.ctx)
			x.copy(t)
			if got := x.cb.Content(); got != copiedPassword {
				t.Fatalf("the clipboard holds %q", got)
			}
			if c.concealed && (x.concealed != 1 || x.cb.writes != 0) {
				t.Errorf("concealed writes %d, Fyne writes %d; want 1 and 0", x.concealed, x.cb.writes)
			}
			if !c.concealed && (x.concealed != 0 || x.cb.writes != 1) {
				t.Errorf("concealed writes %d, Fyne writes %d; want 0 and 1", x.concealed, x.cb.writes)
			}
		})
	}
}

// The concealed branch (the text on the clipboard already, not written
// through Fyne) still says "Copied", clears after the delay and on quit,
// and ends the concealed owner each time.
func TestCopyPasswordConcealedIsCleared(t *testing.T) {
	x := newCopyFixture(t, driver.X11WindowContext{WindowHandle: 1})
	x.copy(t)
	if x.concealed != 1 || x.cb.writes != 0 {
		t.Fatalf("concealed writes %d, Fyne writes %d; want exactly the one concealed", x.concealed, x.cb.writes)
	}
	if x.cb.Content() != copiedPassword {
		t.Fatalf("the clipboard holds %q", x.cb.Content())
	}
	if !hasText(x.view, "Copied. The clipboard is cleared in 30 seconds.") {
		t.Errorf("no word about the copy: %q", texts(x.view))
	}
	x.fire()
	if got := x.cb.Content(); got != "" {
		t.Errorf("the clipboard still holds %q after the delay", got)
	}
	if x.releases != 1 {
		t.Errorf("the concealed owner was released %d times by the clear, want 1", x.releases)
	}
	if !hasText(x.view, "The clipboard was cleared.") {
		t.Errorf("no word about the clearing: %q", texts(x.view))
	}

	// Closing the window before the 30 seconds clears it too.
	x.copy(t)
	if x.concealed != 2 || x.cb.Content() != copiedPassword {
		t.Fatalf("second copy: %d concealed writes, clipboard %q", x.concealed, x.cb.Content())
	}
	released := x.releases
	x.f.clearClipboardsNow()
	if got := x.cb.Content(); got != "" {
		t.Errorf("the clipboard still holds %q after closing", got)
	}
	if x.releases == released {
		t.Error("closing did not release the concealed owner")
	}
	x.fire() // the stopped timer finds nothing to do
	if x.cb.writes != 0 {
		t.Errorf("%d writes through Fyne's clipboard in the concealed branch", x.cb.writes)
	}
}

// Closing releases the concealed owner even when the clipboard no longer
// reads as the password (a clipboard the window does not see).
func TestClosingReleasesConcealedOwner(t *testing.T) {
	x := newCopyFixture(t, driver.X11WindowContext{WindowHandle: 1})
	x.copy(t)
	x.cb.Clipboard.SetContent("something else")
	x.f.clearClipboardsNow()
	if x.releases != 1 {
		t.Errorf("closing released %d times, want 1", x.releases)
	}
	if got := x.cb.Content(); got != "something else" {
		t.Errorf("closing cleared the user's own clipboard: %q", got)
	}
}

// "Copied" is brought into view, as the user pressed the button; the
// "cleared" that comes 30 seconds later does not scroll the card.
func TestClearedStatusDoesNotScroll(t *testing.T) {
	x := newCopyFixture(t, driver.X11WindowContext{WindowHandle: 1})
	bottom := func() {
		x.scroll.ScrollToBottom()
		if x.scroll.Offset.Y < 100 {
			t.Fatalf("the card does not scroll (offset %v)", x.scroll.Offset)
		}
	}
	bottom()
	x.copy(t)
	if x.scroll.Offset.Y > 100 {
		t.Errorf("\"Copied\" was not brought into view (offset %v)", x.scroll.Offset)
	}
	bottom()
	at := x.scroll.Offset
	x.fire()
	if !hasText(x.view, "The clipboard was cleared.") {
		t.Fatalf("no word about the clearing: %q", texts(x.view))
	}
	if x.scroll.Offset != at {
		t.Errorf("the clearing scrolled the card from %v to %v", at, x.scroll.Offset)
	}
}
