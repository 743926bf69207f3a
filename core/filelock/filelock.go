// Package filelock owns locks between processes on a file: the register's
// writers and the one-window-per-user claim use it. A lock is held on an
// open lock file (flock on Unix, LockFileEx on Windows), so the operating
// system releases it when the process ends, however it ends: a crash never
// leaves a stale lock behind.
package filelock

import (
	"context"
	"errors"
	"os"
	"time"
)

// ErrLocked means another process holds the lock (TryLock), or held it
// until the context ended (Lock).
var ErrLocked = errors.New("filelock: held by another process")

// Lock is a held lock.
type Lock struct{ f *os.File }

// TryLock takes the exclusive lock on path (created if missing, mode
// 0600) without waiting: ErrLocked if another process holds it.
func TryLock(path string) (*Lock, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	if err := tryLock(f); err != nil {
		f.Close()
		return nil, err
	}
	return &Lock{f: f}, nil
}

// Acquire waits for the lock on path until ctx ends, trying every few
// milliseconds (a lock file's holder writes for milliseconds, and a
// blocking lock could not be given up when ctx ends).
func Acquire(ctx context.Context, path string) (*Lock, error) {
	delay := time.Millisecond
	for {
		l, err := TryLock(path)
		if !errors.Is(err, ErrLocked) {
			return l, err
		}
		select {
		case <-ctx.Done():
			return nil, ErrLocked
		case <-time.After(delay):
		}
		delay = min(2*delay, 20*time.Millisecond)
	}
}

// Unlock releases the lock. The lock file stays: removing it could let two
// processes lock two different files of the same name.
func (l *Lock) Unlock() error {
	if l == nil || l.f == nil {
		return nil
	}
	err := unlock(l.f)
	return errors.Join(err, l.f.Close())
}
