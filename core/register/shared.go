package register

// The register file is shared: the window and the command line (and, before
// one window per user, two windows) may change it at the same moment. Every
// change therefore takes a lock file beside the register, reads the file
// again, applies the change to what is on disk and writes it, so that no
// process's change is lost. Reading is bounded in size.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/fornyer/fornyer/core/filelock"
	"github.com/fornyer/fornyer/core/safefile"
)

// MaxFileSize is the largest register read: 1,000 certificates take about
// 2 MB. A larger file is treated as damaged (moved aside by Open), never
// read whole.
const MaxFileSize = 16 << 20

// lockWait bounds how long a change waits for another process's change;
// a writer holds the lock for milliseconds.
var lockWait = 5 * time.Second

// errTooLarge is the cause of a register over MaxFileSize.
var errTooLarge = fmt.Errorf("the register is larger than %d bytes", MaxFileSize)

// readFile reads path, at most MaxFileSize bytes (errTooLarge beyond). A
// FIFO or a device where the register should be is refused without
// blocking (safefile.ReadRegular asks the opened file what it is).
func readFile(path string) ([]byte, error) {
	data, err := safefile.ReadRegular(path, MaxFileSize)
	var tooLarge *safefile.TooLargeError
	if errors.As(err, &tooLarge) {
		return nil, errTooLarge
	}
	return data, err
}

// errLockHeld is the cause of CodeLocked.
var errLockHeld = errors.New("another Fornyer is changing the register and did not finish in time")

// lockPath is the lock file of the register at path.
func lockPath(path string) string { return path + ".lock" }

// lockFile takes the register's lock, waiting at most lockWait.
func (s *Store) lockFile() (*filelock.Lock, error) {
	if err := os.MkdirAll(filepath.Dir(s.path), 0o700); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), lockWait)
	defer cancel()
	l, err := filelock.Acquire(ctx, lockPath(s.path))
	if errors.Is(err, filelock.ErrLocked) {
		return nil, errLockHeld
	}
	return l, err
}

// current returns the register as another process may have left it, read
// under the lock: the file on disk when it reads, else what this Store
// holds (a missing file, a damaged one, which is moved aside first so that
// the write does not destroy it).
func (s *Store) current() []Certificate {
	data, err := readFile(s.path)
	if err != nil {
		return s.certs
	}
	if s.disk != nil && bytes.Equal(data, s.disk) {
		return s.certs // nobody else changed it: no need to decode it again
	}
	certs, _, err := decode(data)
	if err != nil {
		s.moveAside()
		return s.certs
	}
	return certs
}
