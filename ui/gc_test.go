package ui

import (
	"runtime/debug"
	"testing"
)

// gcPercent reads Go's GOGC setting.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// The start collects less until the first frame, then as before; a GOGC
// that already asks for less collecting, or none, is left alone.
// Not parallel: it changes Go's GOGC, which is the whole process's.
func TestCollectLessDuringStart(t *testing.T) {
	defer debug.SetGCPercent(gcPercent())
	for _, gogc := range []int{100, 50, startGCPercent + 100, -1} {
		debug.SetGCPercent(gogc)
		restore := collectLessDuringStart()
		want := max(gogc, startGCPercent)
		if gogc < 0 {
			want = gogc
		}
		if got := gcPercent(); got != want {
			t.Errorf("GOGC=%d: %d during the start, want %d", gogc, got, want)
		}
		restore()
		if got := gcPercent(); got != gogc {
			t.Errorf("GOGC=%d: %d after the first frame", gogc, got)
		}
	}
}
