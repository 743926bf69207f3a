package register_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/register/registertest"
	"github.com/fornyer/fornyer/core/renewal"
	"github.com/fornyer/fornyer/internal/cputime"
)

// An IT provider's register: 1,000 certificates. Reading and writing it
// must stay well under 50 ms each (the window reads it at start and
// writes it on every change); the file's size is reported as bytes/file.
const providerSize = 1000

func providerRegister(b *testing.B) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), register.FileName)
	if err := registertest.Write(path, registertest.Certificates(providerSize, time.Now())); err != nil {
		b.Fatal(err)
	}
	return path
}

func reportSize(b *testing.B, path string) {
	if info, err := os.Stat(path); err == nil {
		b.ReportMetric(float64(info.Size()), "bytes/file")
	}
}

// BenchmarkOpen1000 is the window's start: open the register for changes.
func BenchmarkOpen1000(b *testing.B) {
	path := providerRegister(b)
	start := cputime.Used()
	for b.Loop() {
		if _, err := register.Open(path); err != nil {
			b.Fatal(err)
		}
	}
	cputime.Report(b, start)
	reportSize(b, path)
}

// BenchmarkOpenFirst1000 is the window's start since issue 27: the
// register opened with only what the first card needs decoded
// (core/renewal.OpenFirst, no renewal under way); BenchmarkOpen1000 is
// the rest, read after the first frame (Store.LoadWhole).
func BenchmarkOpenFirst1000(b *testing.B) {
	path := providerRegister(b)
	progress := filepath.Join(b.TempDir(), "none.json")
	now := time.Now()
	start := cputime.Used()
	for b.Loop() {
		if _, err := renewal.OpenFirst(path, progress, now); err != nil {
			b.Fatal(err)
		}
	}
	cputime.Report(b, start)
}

// BenchmarkRead1000 is `fornyer list`: read without opening for changes.
func BenchmarkRead1000(b *testing.B) {
	path := providerRegister(b)
	start := cputime.Used()
	for b.Loop() {
		certs, err := register.Read(path)
		if err != nil || len(certs) != providerSize {
			b.Fatal(err)
		}
	}
	cputime.Report(b, start)
}

// BenchmarkWrite1000 is one change: the whole file written, synced and
// renamed into place.
func BenchmarkWrite1000(b *testing.B) {
	path := providerRegister(b)
	s, err := register.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	sha := s.List()[providerSize/2].SHA256
	at := time.Now()
	start := cputime.Used()
	for b.Loop() {
		at = at.Add(time.Second)
		if err := s.RecordDPGInstalled(sha, "Anna", at); err != nil {
			b.Fatal(err)
		}
	}
	cputime.Report(b, start)
	reportSize(b, path)
}

// BenchmarkList1000 is what every screen and the reminders ask for: the
// register grouped by renewal line, newest first.
func BenchmarkList1000(b *testing.B) {
	s, err := register.Open(providerRegister(b))
	if err != nil {
		b.Fatal(err)
	}
	start := cputime.Used()
	for b.Loop() {
		if len(s.List()) != providerSize {
			b.Fatal("lost certificates")
		}
	}
	cputime.Report(b, start)
}

// BenchmarkScan1000 is `fornyer inspect`: the register scanned for the
// certificates one answer needs, and those few decoded (issue 24, 13).
func BenchmarkScan1000(b *testing.B) {
	path := providerRegister(b)
	start := cputime.Used()
	for b.Loop() {
		n := 0
		certs, err := register.ReadSome(path, func(entries []register.Entry) (whole, brief []int) {
			n = len(entries)
			return []int{0, providerSize / 2}, nil
		})
		if err != nil || n != providerSize || len(certs) != 2 {
			b.Fatal(err)
		}
	}
	cputime.Report(b, start)
}

// BenchmarkScanFor1000 is `fornyer inspect` of a file the register does
// not know, as core/renewal.ReadKnown reads it: only the certificates the
// keys name, found by searching the checked file (issue 24, 13).
func BenchmarkScanFor1000(b *testing.B) {
	path := providerRegister(b)
	k := register.Keys{SHA256: []string{"5e0d4b0c2a1f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3928170600"},
		UUID: "3f6e1a2b-7c4d-4e5f-9a0b-1c2d3e4f5a6b", CVR: "12345678"}
	start := cputime.Used()
	for b.Loop() {
		n := 0
		_, err := register.ReadSomeFor(path, k, func(entries []register.Entry) (whole, brief []int) {
			n = len(entries)
			return nil, []int{0}
		})
		if err != nil || n != 1 {
			b.Fatal(n, err)
		}
	}
	cputime.Report(b, start)
}
