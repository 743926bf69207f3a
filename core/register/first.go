package register

// The window's start reads the register in two steps (issue 27): before
// the first frame only the certificates the first card shows, found by
// Scan without decoding the rest (OpenFirst); after it the whole file
// (LoadWhole), off the UI thread. Until the whole file is read, every
// reader that needs it (List, Get, every change) waits for it, so that
// nothing is answered from, or written from, the part: a change written
// from the part would lose every certificate not in it.

import (
	"sync"
	"sync/atomic"
)

// whole is the reading of the rest of a register opened by OpenFirst.
type whole struct {
	once sync.Once
	done chan struct{} // closed once the whole register is read
	told atomic.Bool   // LoadWhole told the watchers
	key  any           // what the part was picked for (SoFar)
}

// OpenFirst opens the register at path as Open does, but decodes only the
// user's certificates pick chooses among Scan's entries (their indices, in
// order): what a screen drawn before the rest is read needs (SoFar,
// GetSoFar), key naming what they were picked for. The rest is read by
// LoadWhole, which List, Get and every change wait for (and read
// themselves, without telling the watchers, if nobody did). A register Scan cannot read, or whose picked certificates
// do not decode, is opened by Open's own reading at once: moved aside if
// damaged or newer, left alone if unreadable, with Open's error. Damage
// found only by the whole reading is reported then, the same way
// (OpenError, and the watchers told).
func OpenFirst(path string, pick func([]Entry) []int, key any, opts ...Option) (*Store, error) {
	s := newStore(path, opts)
	x, err := Scan(path)
	if err == nil {
		var certs []Certificate
		var which []int
		if err = guard(path, func() { which = pick(x.entries) }); err == nil {
			certs, err = x.Certificates(which)
		}
		x.Close()
		if err == nil {
			s.setCerts(certs, nil) // matches no file: a change reads the file again (current)
			s.whole = &whole{done: make(chan struct{}), key: key}
			return s, nil
		}
	}
	s.openErr = s.load()
	return s, s.openErr
}

// LoadWhole reads the whole register, once, for a Store OpenFirst opened,
// as Open would have read it at the start (a damaged or newer file moved
// aside, an unreadable one left alone and changes refused), and then
// tells the watchers, once, on the calling goroutine: call it holding no
// lock a watcher takes. A caller while another reads it waits for that
// reading; for any other Store it does nothing. It returns OpenError.
func (s *Store) LoadWhole() error {
	if s.whole == nil {
		return s.OpenError()
	}
	s.readWhole()
	if s.whole.told.CompareAndSwap(false, true) {
		s.notify()
	}
	return s.OpenError()
}

// readWhole is LoadWhole without telling the watchers: what List, Get and
// every change wait for. A change's caller may hold its own lock, which a
// watcher told on its goroutine would take again.
func (s *Store) readWhole() {
	if s.whole == nil {
		return
	}
	s.whole.once.Do(func() {
		t := newStore(s.path, nil)
		t.now = s.now
		err := t.load()
		s.mu.Lock()
		s.setCerts(t.certs, t.disk)
		s.readOnly, s.openErr = t.readOnly, err
		close(s.whole.done)
		s.mu.Unlock()
	})
}

// Whole is closed once the whole register is read: at once for a Store
// Open opened, after LoadWhole for one OpenFirst opened.
func (s *Store) Whole() <-chan struct{} {
	if s.whole == nil {
		return closed
	}
	return s.whole.done
}

var closed = func() chan struct{} { c := make(chan struct{}); close(c); return c }()

// SoFar is List, but while the whole register is still to be read it is
// OpenFirst's part, when key is the key it was picked for: for a screen
// drawn before the rest is read, that reads only what the part was picked
// to answer (core/renewal.FirstCertificates). For another key it is List,
// which waits for the whole register.
func (s *Store) SoFar(key any) []Certificate {
	if s.whole != nil && key == s.whole.key {
		s.mu.Lock()
		part := !s.isWhole()
		out := s.list()
		s.mu.Unlock()
		if part {
			return out
		}
	}
	return s.List()
}

// GetSoFar is Get, but while the whole register is still to be read a
// certificate OpenFirst's part holds is given from it (the part's
// certificates are decoded whole); any other waits for the whole register.
func (s *Store) GetSoFar(sha string) (Certificate, bool) {
	if s.whole != nil {
		s.mu.Lock()
		c, ok := s.get(sha)
		part := !s.isWhole()
		s.mu.Unlock()
		if part && ok {
			return c, true
		}
	}
	return s.Get(sha)
}

// isWhole says whether the whole register is read. s.mu is held.
func (s *Store) isWhole() bool {
	if s.whole == nil {
		return true
	}
	select {
	case <-s.whole.done:
		return true
	default:
		return false
	}
}
