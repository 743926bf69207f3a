package cputime

import (
	"runtime"
	"testing"
	"time"
)

func TestUsedGrowsWithWork(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		t.Skip("not measured here")
	}
	start := Used()
	deadline := time.Now().Add(50 * time.Millisecond)
	x := 0
	for time.Now().Before(deadline) {
		x++
	}
	if Used() <= start || x == 0 {
		t.Errorf("CPU time did not grow with 50 ms of work: %v -> %v", start, Used())
	}
}
