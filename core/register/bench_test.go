package register

import (
	"path/filepath"
	"testing"
	"time"
)

// A register of 200 certificates (far more than an organisation has)
// opens, changes and plans its reminders in well under the time a user
// would notice at start.
func benchStore(b *testing.B) (*Store, string) {
	path := filepath.Join(b.TempDir(), "r.json")
	s, _ := Open(path)
	for i := range 200 {
		c := cert(i+1, "u"+string(rune('a'+i%26)), t0.Add(time.Duration(i)*day))
		if err := s.Upsert(c); err != nil {
			b.Fatal(err)
		}
	}
	return s, path
}

func BenchmarkOpen(b *testing.B) {
	_, path := benchStore(b)
	for b.Loop() {
		if _, err := Open(path); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRecord(b *testing.B) {
	s, _ := benchStore(b)
	for b.Loop() {
		if err := s.RecordDPGInstalled(sha(100), "Anna", t0); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDueAndUpcoming(b *testing.B) {
	s, _ := benchStore(b)
	certs := s.List()
	for b.Loop() {
		Due(certs, t0)
		Upcoming(certs, t0, time.UTC)
	}
}
