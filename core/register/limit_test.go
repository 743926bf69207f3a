package register_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/fornyer/fornyer/core/filelock"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/register/registertest"
)

var now = time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)

// An IT provider's register of 20,500 certificates is rewritten by the
// window's reminders at every start: what it writes must read back. It
// was written as indented JSON, over MaxFileSize, and then moved aside as
// damaged at the next start (issue 24, 1).
func TestLargeRegisterRoundTrips(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 12 MB register")
	}
	path := filepath.Join(t.TempDir(), "register.json")
	certs := registertest.Certificates(20500, now)
	if err := registertest.Write(path, certs); err != nil {
		t.Fatal(err)
	}
	s, err := register.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	// What the window does at start, untouched by the user.
	var records []register.ReminderRecord
	for _, c := range certs[:200] {
		records = append(records, register.ReminderRecord{SHA256: c.SHA256, Reminded: 90, At: now})
	}
	if err := s.RecordReminders(records); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil || st.Size() > register.MaxFileSize {
		t.Fatalf("the register written is %d bytes, over the %d that can be read (%v)", st.Size(), register.MaxFileSize, err)
	}
	got, err := register.Read(path)
	if err != nil || len(got) != len(certs) {
		t.Fatalf("read back %d of %d certificates: %v", len(got), len(certs), err)
	}
}

// A change that would make the register larger than can be read is
// refused with its own code, and the file is left as it was.
func TestChangeOverTheLimitRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "register.json")
	big := strings.Repeat("x", 1<<20)
	var certs []register.Certificate
	for _, c := range registertest.Certificates(15, now) {
		c.Organization = big
		certs = append(certs, c)
	}
	if err := registertest.Write(path, certs); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	s, err := register.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	more := registertest.Certificates(16, now.AddDate(0, 0, 1))[15]
	more.Organization = strings.Repeat("y", 2<<20)
	err = s.Upsert(more)
	if register.Code(err) != register.CodeFull {
		t.Fatalf("Upsert over the limit: %v, want %s", err, register.CodeFull)
	}
	after, _ := os.ReadFile(path)
	if string(after) != string(before) {
		t.Error("the refused change was written")
	}
	if len(s.List()) != 15 {
		t.Errorf("the store took the refused change: %d certificates", len(s.List()))
	}
	if _, err := register.Read(path); err != nil {
		t.Errorf("the register no longer reads: %v", err)
	}
}

// Disk full, a lock held by another Fornyer and a register that may not
// be written each get their own code and their own sentence saying what
// to do, not one "could not be saved" for all (issue 24, 11).
func TestWriteFailuresSayWhich(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "register.json")
	c := registertest.Certificates(1, now)[0]

	writeFailing := func(err error) error {
		s, _ := register.Open(path)
		register.SetWriteForTest(s, func(string, []byte) error { return &os.PathError{Op: "write", Path: path, Err: err} })
		return s.Upsert(c)
	}
	cases := map[string]error{
		register.CodeDiskFull: writeFailing(syscall.ENOSPC),
		register.CodeNoWrite:  writeFailing(syscall.EROFS),
	}
	lock, err := filelock.TryLock(path + ".lock")
	if err != nil {
		t.Fatal(err)
	}
	restore := register.SetLockWaitForTest(time.Millisecond)
	s, _ := register.Open(path)
	cases[register.CodeLocked] = s.Upsert(c)
	restore()
	lock.Unlock()

	sentences := map[string]string{}
	for code, err := range cases {
		var e *register.Error
		if !errors.As(err, &e) || e.Code != code {
			t.Errorf("got %v, want code %s", err, code)
			continue
		}
		for _, lang := range msg.Languages {
			m := msg.Sentence(lang, e)
			if other, dup := sentences[m]; dup {
				t.Errorf("%s and %s share the sentence %q", code, other, m)
			}
			sentences[m] = code
		}
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Error("a failed change left a register behind")
	}
}

func TestEveryCodeHasASentence(t *testing.T) {
	for _, lang := range msg.Languages {
		for _, c := range register.Codes {
			e := &register.Error{Code: c, Path: "/home/a/register.json", MovedTo: "/home/a/register.json.damaged-1"}
			if m := msg.Sentence(lang, e); strings.EqualFold(m, e.Fault().Key) || strings.Contains(m, "<no value>") {
				t.Errorf("%s: %s has no sentence: %q", lang, c, m)
			}
		}
	}
}

// atLimit writes a register of made-up certificates just under
// MaxFileSize and returns its path and how many certificates it holds.
func atLimit(b *testing.B) (string, int) {
	fits := func(n int) bool {
		data, err := register.Encode(registertest.Certificates(n, now))
		if err != nil {
			b.Fatal(err)
		}
		return len(data) <= register.MaxFileSize
	}
	// From about the limit (26,000 before the index's 32 bytes a
	// certificate, 1360896), down until it fits, then up while it does.
	n := 26000
	for n > 0 && !fits(n) {
		n -= 500
	}
	for fits(n + 500) {
		n += 500
	}
	path := filepath.Join(b.TempDir(), "register.json")
	if err := registertest.Write(path, registertest.Certificates(n, now)); err != nil {
		b.Fatal(err)
	}
	return path, n
}

// BenchmarkOpenAtLimit is the memory a register at MaxFileSize costs:
// run with -benchmem (B/op is what Open allocates for it).
func BenchmarkOpenAtLimit(b *testing.B) {
	path, n := atLimit(b)
	for b.Loop() {
		if _, err := register.Open(path); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n), "certificates")
}
