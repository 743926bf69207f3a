package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/fornyer/fornyer/core/appinfo"
)

// A card restored at the window's start is drawn whole in the first frame:
// its action bar (the hint, Back, Done) as it is when the card is drawn
// again, within the window. Laid out once at the window's size, the bar was
// measured before its hint knew its width, one line short, and Done ended
// below the window's edge until the card was next drawn (review S10).
func TestACardRestoredAtStartIsDrawnWholeInTheFirstFrame(t *testing.T) {
	size := fyne.NewSize(companionSize.Width, 700)
	for _, language := range []string{"da", "en"} {
		for _, card := range []string{"password", "download", "dpg-verify"} {
			dir := t.TempDir()
			before, _ := newGuideTestFrame(t, language, dir)
			goTo(before.guide, card)
			before.guide.changed()
			before.guide.saver.wait()

			// The start, as Run makes it.
			t.Setenv("TMPDIR", dir)
			a := test.NewTempApp(t)
			setTestLanguage(t, language)
			d := testDeps()
			d.clock = func() time.Time { return guideTestTime }
			w := test.NewTempWindow(t, nil)
			w.Resize(size)
			f := newFrame(a, w, openRegister(a, d), d)
			f.setContent()
			g := f.guide
			if g.progress.Current != card {
				t.Fatalf("%s: the start shows %s, want %s", language, g.progress.Current, card)
			}
			bar, hint := g.bar.Size(), g.hint.Size()
			done := fyne.CurrentApp().Driver().AbsolutePositionForObject(g.done).Add(g.done.Size())
			f.firstFrameShown()
			g.show()
			if g.bar.Size() != bar || g.hint.Size() != hint {
				t.Errorf("%s, %s: at the start the bar is %v, its hint %v; drawn again %v and %v", language, card, bar, hint, g.bar.Size(), g.hint.Size())
			}
			if done.Y > w.Canvas().Size().Height {
				t.Errorf("%s, %s: at the start Done ends at %v, below the window's %v", language, card, done.Y, w.Canvas().Size().Height)
			}
			g.saver.wait()
		}
	}
}

// The window's placement keeps it, title bar included, within the work
// area, at the right edge, on the small screens the guide is laid out for
// (1366x768 at 100 % and 125 %, less a task bar) and at companion size on
// a tall one.
func TestCompanionPlaceFitsTheWorkArea(t *testing.T) {
	for _, c := range []struct {
		w, h  int
		scale float32
	}{{1366, 728, 1}, {1366, 728, 1.25}, {1280, 900, 1}, {1920, 1040, 1}, {2560, 1400, 1.5}} {
		p := companionPlace(0, 0, c.w, c.h, c.scale)
		if bottom := p.y + int(p.size.Height*c.scale); bottom > c.h {
			t.Errorf("%dx%d at %v: the window ends at %d, below the work area's %d", c.w, c.h, c.scale, bottom, c.h)
		}
		if right := p.x + int(p.size.Width*c.scale); right > c.w || right < c.w-2*edgeMargin {
			t.Errorf("%dx%d at %v: the window ends at x %d, not at the right edge %d", c.w, c.h, c.scale, right, c.w)
		}
		if p.size.Width != companionSize.Width || p.size.Height > companionSize.Height {
			t.Errorf("%dx%d at %v: size %v, want at most %v", c.w, c.h, c.scale, p.size, companionSize)
		}
	}
	if p := companionPlace(0, 0, 1920, 1040, 1); p.size != companionSize {
		t.Errorf("on 1920x1040 the window is %v, want %v", p.size, companionSize)
	}
}

// Where GLFW did not start (no display, no OpenGL: here, the test driver),
// placing the window gives way: the window keeps companion size and Show
// says why there is no window (WindowError), where GLFW's Go binding
// panicked before Show and the start ended in a stack trace.
func TestPlacingWithoutGLFWGivesWay(t *testing.T) {
	newTestApp(t)
	w := test.NewTempWindow(t, nil)
	p, placed := placeBeforeShow(w)
	if placed || w.Canvas().Size() != companionSize {
		t.Errorf("placed %v at %+v, window %v; want not placed, %v", placed, p, w.Canvas().Size(), companionSize)
	}
	placeAfterShow(w, p, placed)
}

// The window's content made again (a change of language, "Forget
// everything") is laid out as the start's is: a rebuild while the guide is
// shown draws its action bar whole, not one line short (review S10). Both
// are done on Settings today, and showing the guide again lays it out; this
// keeps a rebuild from elsewhere right.
func TestARebuiltGuideIsDrawnWhole(t *testing.T) {
	f, w := newTestFrame(t, "en")
	w.Resize(fyne.NewSize(companionSize.Width, 700))
	goTo(f.guide, "password")
	f.guide.changed()
	setTestLanguage(t, "da")
	f.rebuild()
	g := f.guide
	bar, hint := g.bar.Size(), g.hint.Size()
	g.show()
	if g.bar.Size() != bar || g.hint.Size() != hint {
		t.Errorf("rebuilt, the bar is %v, its hint %v; drawn again %v and %v", bar, hint, g.bar.Size(), g.hint.Size())
	}
	g.saver.wait()
}

// The window runs marked as migrated to Fyne's threading model, which
// spares every refresh Fyne's check of its goroutine (a formatted stack);
// the marking keeps what a bundle's metadata says, and names the app where
// a go build packaged nothing.
func TestTheWindowIsMarkedMigratedToFyneDo(t *testing.T) {
	packaged := fyne.AppMetadata{ID: "dk.example.bundle", Name: "Bundled", Version: "9.9.9", Build: 7,
		Migrations: map[string]bool{"other": true}}
	m := migratedToFyneDo(packaged)
	if !m.Migrations["fyneDo"] || !m.Migrations["other"] {
		t.Errorf("migrations %v, want fyneDo and the bundle's own", m.Migrations)
	}
	if m.ID != packaged.ID || m.Name != packaged.Name || m.Version != packaged.Version || m.Build != packaged.Build {
		t.Errorf("the bundle's metadata changed: %+v", m)
	}
	if packaged.Migrations["fyneDo"] {
		t.Error("the bundle's own map was written to")
	}
	m = migratedToFyneDo(fyne.AppMetadata{})
	if !m.Migrations["fyneDo"] || m.ID != appinfo.ID || m.Name != appinfo.Name || m.Version != appinfo.Version {
		t.Errorf("unpackaged: %+v, want fyneDo and Fornyer's ID, name and version", m)
	}
}
