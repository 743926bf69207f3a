package register

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// firstOf opens the register at path with OpenFirst, picking the entries
// whose fingerprints are among shas, for the key "k".
func firstOf(t *testing.T, path string, shas ...string) (*Store, error) {
	t.Helper()
	s, err := OpenFirst(path, func(entries []Entry) []int {
		var which []int
		for i, e := range entries {
			for _, sha := range shas {
				if e.SHA256 == sha {
					which = append(which, i)
				}
			}
		}
		return which
	}, "k", WithClock(func() time.Time { return t0 }))
	return s, err
}

// tenCertificates is a register of ten certificates as Encode writes it.
func tenCertificates(t *testing.T) (path string, certs []Certificate) {
	t.Helper()
	for i := range 10 {
		certs = append(certs, cert(i+1, "", t0.AddDate(0, 0, 10*i)))
	}
	path, _ = writeEncoded(t, t.TempDir(), 0, certs)
	return path, certs
}

func fingerprints(certs []Certificate) []string {
	out := make([]string, len(certs))
	for i, c := range certs {
		out[i] = c.SHA256
	}
	return out
}

// Before the whole register is read, SoFar gives the part picked (for
// its key only) and GetSoFar what the part holds; List waits for the
// whole register, and reading it tells the watchers once.
func TestOpenFirstGivesThePartThenTheWhole(t *testing.T) {
	path, certs := tenCertificates(t)
	s, err := firstOf(t, path, sha(3), sha(7))
	if err != nil {
		t.Fatal(err)
	}
	select {
	case <-s.Whole():
		t.Fatal("whole before LoadWhole")
	default:
	}
	if got := fingerprints(s.SoFar("k")); len(got) != 2 || got[0] != sha(7) || got[1] != sha(3) {
		t.Fatalf("SoFar = %v, want the part in List's order", got)
	}
	if c, ok := s.GetSoFar(sha(3)); !ok || c.Serial != certs[2].Serial || c.NotBefore.IsZero() {
		t.Fatalf("GetSoFar of the part = %+v %v, want it decoded whole", c, ok)
	}
	told := 0
	s.Watch("test", func() { told++ })
	// Another key, and a certificate not in the part, wait for the whole.
	if got := s.SoFar("other"); len(got) != 10 {
		t.Fatalf("SoFar for another key = %d certificates, want the whole 10", len(got))
	}
	<-s.Whole()
	if _, ok := s.GetSoFar(sha(5)); !ok {
		t.Fatal("GetSoFar of a certificate not in the part: not found")
	}
	if len(s.SoFar("k")) != 10 || len(s.List()) != 10 {
		t.Fatal("the part still given after the whole was read")
	}
	if s.LoadWhole() != nil || told != 1 {
		t.Fatalf("watchers told %d times, want once", told)
	}
}

// A change made before the whole register is read waits for it and writes
// the whole register with the change: written from the part, it would
// lose every certificate not in it. The reading it waits for tells the
// watchers nothing (LoadWhole does): its caller may hold a lock a watcher
// takes, as the window's reminders do (they record under their own lock).
func TestAChangeBeforeTheWholeIsReadKeepsEveryCertificate(t *testing.T) {
	for name, change := range map[string]func(s *Store) error{
		"upsert": func(s *Store) error { return s.Upsert(cert(99, "", t0.AddDate(1, 0, 0))) },
		"record": func(s *Store) error { return s.RecordRenewed(sha(3), t0) },
		"remove": func(s *Store) error { _, err := s.Remove(sha(3)); return err },
		"quiet":  func(s *Store) error { return s.MarkReminded(sha(3), 30, t0) },
	} {
		t.Run(name, func(t *testing.T) {
			path, certs := tenCertificates(t)
			s, err := firstOf(t, path, sha(3))
			if err != nil {
				t.Fatal(err)
			}
			var mu sync.Mutex
			told := make(chan struct{}, 2)
			s.Watch("test", func() {
				mu.Lock()
				defer mu.Unlock()
				told <- struct{}{}
			})
			if name == "quiet" {
				mu.Lock() // as the reminders record, under their lock
			}
			err = change(s)
			if name == "quiet" {
				mu.Unlock()
			}
			must(t, err)
			got, err := Read(path)
			if err != nil {
				t.Fatal(err)
			}
			want := len(certs)
			switch name {
			case "upsert":
				want++
			case "remove":
				want--
			}
			if len(got) != want {
				t.Fatalf("the file holds %d certificates after the change, want %d", len(got), want)
			}
			select {
			case <-s.Whole():
			default:
				t.Fatal("changed without the whole register read")
			}
			if len(s.List()) != want {
				t.Fatalf("the store holds %d, want %d", len(s.List()), want)
			}
			if name != "quiet" {
				<-told // the change
			}
			must(t, s.LoadWhole())
			<-told // the whole register read, told once
			if len(told) != 0 {
				t.Fatal("the watchers were told more than once")
			}
		})
	}
}

// A register Scan cannot read is opened as Open opens it, at once: moved
// aside when damaged, left alone (changes refused) when unreadable.
func TestOpenFirstOpensADamagedRegisterAsOpenDoes(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "register.json")
	content := `{"version": 2, "certificates": [`
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := firstOf(t, path)
	var e *Error
	if !errors.As(err, &e) || e.Code != CodeDamaged || s.OpenError() != err {
		t.Fatalf("OpenFirst = %v, want %s", err, CodeDamaged)
	}
	if kept, _ := os.ReadFile(e.MovedTo); string(kept) != content {
		t.Fatal("the damaged file was not kept aside")
	}
	<-s.Whole()
	if len(s.List()) != 0 {
		t.Fatal("a damaged register gave certificates")
	}

	newer := filepath.Join(t.TempDir(), "register.json")
	if err := os.WriteFile(newer, []byte(`{"version": 99, "certificates": []}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := firstOf(t, newer); Code(err) != CodeNewer {
		t.Fatalf("OpenFirst of a newer register = %v, want %s", err, CodeNewer)
	}
}

// Damage only the whole reading finds (a value of the wrong type in a
// certificate the part does not hold, which Scan does not decode) is
// reported as Open reports it: the file moved aside, the register empty,
// OpenError saying so, and the watchers told.
func TestDamageBeyondThePartIsReportedAsOpenReportsIt(t *testing.T) {
	path, certs := tenCertificates(t)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// Certificate 5's "password_saved" a string: syntax and every field
	// Scan reads stay valid; the checksum no longer holds, so every byte's
	// syntax is checked (scanCurrent).
	at := strings.Index(string(data), `"sha256":"`+sha(5)+`"`)
	flag := strings.Index(string(data[at:]), `"password_saved":false`) + at
	damaged := string(data[:flag]) + `"password_saved":"no"` + string(data[flag+len(`"password_saved":false`):])
	if err := os.WriteFile(path, []byte(damaged), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := firstOf(t, path, sha(3))
	if err != nil {
		t.Fatalf("OpenFirst = %v: the part is not damaged", err)
	}
	if len(s.SoFar("k")) != 1 {
		t.Fatal("no part")
	}
	told := make(chan struct{}, 1)
	s.Watch("test", func() { told <- struct{}{} })
	go s.LoadWhole()
	<-told
	var e *Error
	if err := s.OpenError(); !errors.As(err, &e) || e.Code != CodeDamaged {
		t.Fatalf("OpenError after the whole reading = %v, want %s", err, CodeDamaged)
	}
	if kept, _ := os.ReadFile(e.MovedTo); string(kept) != damaged {
		t.Fatal("the damaged file was not kept aside as it was")
	}
	if len(s.List()) != 0 || len(s.SoFar("k")) != 0 {
		t.Fatal("certificates still given from a damaged register")
	}
	// As after Open: the empty register works, the kept file untouched.
	must(t, s.Upsert(certs[0]))
	if again, _ := os.ReadFile(e.MovedTo); string(again) != damaged {
		t.Error("the kept file changed")
	}
}

// An unreadable register found by the whole reading refuses changes, as
// Open's does: a change waits for the reading and is refused.
func TestUnreadableWhenReadWholeRefusesChanges(t *testing.T) {
	path, _ := tenCertificates(t)
	s, err := firstOf(t, path, sha(3))
	if err != nil {
		t.Fatal(err)
	}
	// A folder in the file's place between the two readings.
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(path, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := s.Upsert(cert(99, "", t0)); Code(err) != CodeReadOnly {
		t.Fatalf("a change to a register unreadable when read whole = %v, want %s", err, CodeReadOnly)
	}
	if Code(s.OpenError()) != CodeUnreadable {
		t.Fatalf("OpenError = %v, want %s", s.OpenError(), CodeUnreadable)
	}
	if fi, err := os.Stat(path); err != nil || !fi.IsDir() {
		t.Error("the unreadable thing was touched")
	}
}
