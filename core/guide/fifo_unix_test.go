//go:build unix

package guide

import (
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// A FIFO where the progress file should be is refused at once: opening it
// for reading blocked until a writer came, which never does, and the
// window loads the progress before it appears (as issue 24, 2 found for
// the register).
func TestFIFOProgressDoesNotBlock(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	now := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
	done := make(chan error)
	go func() {
		_, err := Load(path, now)
		done <- err
	}()
	// A blocked read is the test binary's time-out, whose stacks show where.
	if err := <-done; err == nil {
		t.Fatal("a FIFO loaded as a progress file without a word")
	}
}
