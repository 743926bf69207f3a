package pfx

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"
)

// A file swapped for a FIFO while it is being read must not block
// ReadFile: it checked the name and then opened the name, and a FIFO
// put there in between blocked the open for ever (issue 24, 3). A
// goroutine swaps the file and a FIFO while ReadFile runs many times;
// each read must end.
func TestReadFileSwappedForFIFODoesNotBlock(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "cert.p12")
	regular, fifo := filepath.Join(dir, "regular"), filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	os.WriteFile(regular, []byte("not a p12"), 0o600)
	if err := os.Link(regular, path); err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	swapped := make(chan struct{})
	go func() {
		defer close(swapped)
		for {
			select {
			case <-stop:
				return
			default:
			}
			// The name and the FIFO trade places in one step.
			if err := unix.Renameat2(unix.AT_FDCWD, path, unix.AT_FDCWD, fifo, unix.RENAME_EXCHANGE); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	defer func() { close(stop); <-swapped }()
	done := make(chan struct{})
	go func() {
		defer close(done)
		for range 20000 {
			ReadFile(path)
		}
	}()
	// However long 20,000 reads take on a loaded machine: a ReadFile
	// blocked on the FIFO is the test binary's time-out, whose stacks show
	// where.
	<-done
}
