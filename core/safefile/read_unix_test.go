//go:build unix

package safefile

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// A FIFO is refused without waiting for a writer; a plain open would
// block until one came.
func TestOpenRegularRefusesFIFOWithoutBlocking(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cert.p12")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := ReadRegular(path, 1<<20)
		done <- err
	}()
	// A blocked open is the test binary's time-out, whose stacks show where.
	if err := <-done; !errors.Is(err, ErrNotRegular) || errors.Is(err, ErrFolder) {
		t.Fatalf("got %v, want ErrNotRegular", err)
	}
}

func TestReadRegular(t *testing.T) {
	dir := t.TempDir()
	if _, err := ReadRegular(dir, 10); !errors.Is(err, ErrFolder) {
		t.Errorf("a folder: %v", err)
	}
	path := filepath.Join(dir, "f")
	os.WriteFile(path, []byte("0123456789"), 0o600)
	var tl *TooLargeError
	if _, err := ReadRegular(path, 9); !errors.As(err, &tl) || tl.Size != 10 {
		t.Errorf("over the limit: %v", err)
	}
	if data, err := ReadRegular(path, 10); err != nil || string(data) != "0123456789" {
		t.Errorf("at the limit: %q %v", data, err)
	}
	if _, err := ReadRegular(filepath.Join(dir, "missing"), 10); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing: %v", err)
	}
}
