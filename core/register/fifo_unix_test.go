//go:build unix

package register_test

import (
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/fornyer/fornyer/core/register"
)

// A FIFO where the register should be is refused at once, by Read and by
// Open, and the Store refuses changes; opening it for reading blocked
// until a writer came, which never does (issue 24, 2).
func TestFIFORegisterDoesNotBlock(t *testing.T) {
	path := filepath.Join(t.TempDir(), "register.json")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	done := make(chan [2]string)
	go func() {
		_, rerr := register.Read(path)
		s, oerr := register.Open(path)
		werr := s.Upsert(register.Certificate{SHA256: sha, NotAfter: time.Now()})
		done <- [2]string{register.Code(rerr), register.Code(oerr) + "/" + register.Code(werr)}
	}()
	// A blocked read is the test binary's time-out, whose stacks show where.
	if got := <-done; got[0] != register.CodeUnreadable || got[1] != register.CodeUnreadable+"/"+register.CodeReadOnly {
		t.Fatalf("Read %s, Open/Upsert %s", got[0], got[1])
	}
}

const sha = "0000000000000000000000000000000000000000000000000000000000000001"
