package register

import "time"

// SetWriteForTest replaces how s writes its file.
func SetWriteForTest(s *Store, write func(path string, data []byte) error) { s.write = write }

// SetLockWaitForTest bounds the wait for the register's lock; the returned
// function restores it.
func SetLockWaitForTest(d time.Duration) func() {
	old := lockWait
	lockWait = d
	return func() { lockWait = old }
}
