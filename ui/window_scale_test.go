package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The scale helpers copy Fyne 2.8.1's internal/driver/glfw/scale.go; these
// are that file's own cases (scale_test.go), so a change of either shows.

func TestDetectedScaleIsFynes(t *testing.T) {
	for _, c := range []struct {
		widthMM, widthPx int
		want             float32
	}{
		{300, 1600, 1.1288888}, // Fyne's lowDPI
		{420, 3800, 1.9150794}, // Fyne's hiDPI
		{300, 1280, 1},         // Fyne's _Min: under 120 DPI is 1
		{0, 1920, 1},           // no size known: 120 DPI, as Fyne
		{1, 1920, 1},           // over 1000 DPI: 120 DPI, as Fyne
	} {
		if got := detectedScale(c.widthMM, c.widthPx); got != c.want {
			t.Errorf("detectedScale(%d, %d) = %v, Fyne's is %v", c.widthMM, c.widthPx, got, c.want)
		}
	}
}

func TestCalculatedScaleIsFynes(t *testing.T) {
	for _, c := range []struct {
		user, system, want float32
	}{
		{1, 1, 1},
		{1.5, 1, 1.5},
		{0.8, 1, 0.8},
		{0.8, 2, 1.6},
		{1.5, 2, 3},
		{1.04321, 1, 1}, // Fyne's trunc
		{1.1, 1.1, 1.2}, // Fyne's round
	} {
		if got := roundScale(c.system * c.user); got != c.want {
			t.Errorf("roundScale(%v × %v) = %v, Fyne's is %v", c.system, c.user, got, c.want)
		}
	}
}

func TestUserScaleIsFynes(t *testing.T) {
	for _, c := range []struct {
		env           string
		setting, want float32
	}{
		{"auto", 0, 1},    // Fyne's: auto with no setting
		{"auto", 1.5, 1},  // auto leaves the setting out
		{"1.2", 0, 1.2},   // Fyne's: the environment's number
		{"1.2", 2, 1.2},   // before the setting
		{"", 1.5, 1.5},    // no environment: the setting
		{"", 0, 1},        // neither
		{"", -1, 1},       // the setting's auto
		{"big", 1.5, 1.5}, // not a number: the setting
		{"0", 0, 1},       // zero is no scale
	} {
		if got := userScale(c.env, c.setting); got != c.want {
			t.Errorf("userScale(%q, %v) = %v, Fyne's is %v", c.env, c.setting, got, c.want)
		}
	}
}

func TestMonitorScaleIsFynes(t *testing.T) {
	for _, c := range []struct {
		goos                       string
		widthMM, heightMM, widthPx int
		want                       float32
	}{
		{"linux", 60, 60, 1280, 1},           // a Steam Deck says 60 by 60 mm: Fyne's 1
		{"freebsd", 60, 60, 1280, 4.5155554}, // only on Linux
		{"linux", 420, 240, 3800, 1.9150794},
	} {
		if got := monitorScale(c.goos, c.widthMM, c.heightMM, c.widthPx); got != c.want {
			t.Errorf("monitorScale(%s, %d, %d, %d) = %v, Fyne's is %v", c.goos, c.widthMM, c.heightMM, c.widthPx, got, c.want)
		}
	}
}

// Review T2: at a scale other than 1 the canvas is given the size in
// pixels until Fyne makes the window (presize), and the content is not laid
// out at that size but at the next, its own, once, after which the guide
// settles (holdUntilSized). At 1 nothing changes.
func TestAPresizedWindowLaysItsContentOutOnceAtItsOwnSize(t *testing.T) {
	test.NewTempApp(t)
	own := fyne.NewSize(480, 700)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	if presize(w, placement{size: own, scale: 1}) {
		t.Error("presized at scale 1")
	}
	if !presize(w, placement{size: own, scale: 1.25}) {
		t.Fatal("not presized at 1.25")
	}
	if got, want := w.Canvas().Size(), fyne.NewSize(600, 875); got != want {
		t.Errorf("presized canvas %v; want %v", got, want)
	}

	laidOut := 0
	content := container.NewStack(widget.NewLabel("card"))
	held := holdUntilSized(content, func() { laidOut++ })
	held.Resize(fyne.NewSize(600, 875))
	held.Refresh()
	if !content.Size().IsZero() || laidOut != 0 {
		t.Errorf("at the presized size the content was laid out at %v (%d times)", content.Size(), laidOut)
	}
	held.Resize(own)
	held.Resize(fyne.NewSize(480, 760))
	if content.Size() != fyne.NewSize(480, 760) || laidOut != 1 {
		t.Errorf("content at %v, laid out %d times; want its size and one call", content.Size(), laidOut)
	}
	held.Resize(fyne.NewSize(600, 875))
	if content.Size() != fyne.NewSize(600, 875) {
		t.Errorf("once open, the content does not follow the window: %v", content.Size())
	}
	releaseHold(held) // open already: nothing more
	if laidOut != 1 {
		t.Errorf("laidOut called %d times", laidOut)
	}

	// A canvas that never got another size than the presized one: the
	// first frame's end releases the hold (frame.shown).
	laidOut = 0
	content = container.NewStack(widget.NewLabel("card"))
	held = holdUntilSized(content, func() { laidOut++ })
	held.Resize(fyne.NewSize(600, 875))
	releaseHold(held)
	releaseHold(nil)
	if content.Size() != fyne.NewSize(600, 875) || laidOut != 1 {
		t.Errorf("released at %v, laid out %d times; want the canvas's size and one call", content.Size(), laidOut)
	}
}
