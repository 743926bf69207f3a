package register

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// A certificate kept apart (another organisation's, checked once: X14) is
// not the user's: List, Read, Scan, the reminders and OnlyMine leave it
// out, Get still finds it, a later check that would keep it apart never takes an entry
// out of the user's list, and one without the flag (the user added it)
// makes it theirs.
func TestApartIsNotListedNorReminded(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	s := openAt(t, path)
	mine := cert(1, "u1", t0.AddDate(0, 0, 20))
	other := cert(2, "u2", t0.AddDate(0, 0, 20))
	other.Organization, other.CVR, other.Apart = "Anden Virksomhed ApS", "87654321", true
	must(t, s.Upsert(mine))
	must(t, s.Upsert(other))

	listed := func(certs []Certificate) []string {
		var out []string
		for _, c := range certs {
			out = append(out, c.Organization)
		}
		return out
	}
	if got := listed(s.List()); !slices.Equal(got, []string{mine.Organization}) {
		t.Errorf("List: %v", got)
	}
	if got, ok := s.Get(other.SHA256); !ok || !got.Apart {
		t.Errorf("Get: %v %+v", ok, got)
	}
	read, err := Read(path)
	must(t, err)
	if got := listed(read); !slices.Equal(got, []string{mine.Organization}) {
		t.Errorf("Read: %v", got)
	}
	x, err := Scan(path)
	must(t, err)
	if e := x.entries; len(e) != 1 || e[0].Organization != mine.Organization {
		t.Errorf("Scan: %+v", e)
	}
	x.Close()
	all := []Certificate{mine, other}
	if got := listed(OnlyMine(all)); !slices.Equal(got, []string{mine.Organization}) {
		t.Errorf("OnlyMine: %v", got)
	}
	// The reminders, whoever lists the certificates.
	for name, rs := range map[string][]Reminder{"Due": Due(all, t0), "Standing": Standing(all, t0), "Upcoming": Upcoming(all, t0.AddDate(0, 0, -100), nil)} {
		for _, r := range rs {
			if r.Certificate.Apart {
				t.Errorf("%s reminds of the certificate kept apart", name)
			}
		}
		if len(rs) == 0 {
			t.Errorf("%s reminds of nothing: the user's own is due", name)
		}
	}

	// Checked again, kept apart again: still apart. The user's own,
	// checked again as if apart: still theirs.
	must(t, s.Upsert(other))
	again := mine
	again.Apart = true
	must(t, s.Upsert(again))
	if got := listed(s.List()); !slices.Equal(got, []string{mine.Organization}) {
		t.Errorf("after checking again: %v", got)
	}

	added := other
	added.Apart = false
	must(t, s.Upsert(added))
	if got := listed(s.List()); len(got) != 2 {
		t.Errorf("added: %v", got)
	}
	// Added, it stays added when checked again.
	must(t, s.Upsert(other))
	if c, _ := s.Get(other.SHA256); c.Apart {
		t.Error("a check after it was added kept it apart again")
	}
}

// A register an older version wrote has no "apart": every entry is the
// user's, as before, and is read and listed as ever; Scan reads the flag
// as Read does, in the scanned layout and the decoded one, and leaves the
// entry kept apart out as Read does.
func TestApartFromTheFile(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "old.json")
	must(t, os.WriteFile(old, []byte(`{"version":2,"certificates":[{"sha256":"`+sha(1)+`","organization":"Anden Virksomhed ApS","not_before":"2026-12-06T00:00:00Z","not_after":"2029-12-06T00:00:00Z","added":"2026-12-06T00:00:00Z","updated":"2026-12-06T00:00:00Z","password_saved":false}]}`), 0o600))
	s := openAt(t, old)
	if got := s.List(); len(got) != 1 || got[0].Apart {
		t.Errorf("an older register's entry: %+v", got)
	}
	x, err := Scan(old)
	must(t, err)
	if e := x.entries; len(e) != 1 {
		t.Errorf("scanned: %+v", e)
	}
	x.Close()

	for name, layout := range map[string]func(Certificate) []byte{
		"written": func(c Certificate) []byte { data, _ := Encode([]Certificate{c}); return data },
		// Without its checksum (an older version's, or edited by hand):
		// read and checked whole.
		"unchecked": func(c Certificate) []byte {
			data, _ := Encode([]Certificate{c})
			return []byte(strings.Replace(string(data), `"check":"crc32:`, `"note":"crc32:`, 1))
		},
		// An escaped key is decoded whole (Scan's other way).
		"escaped": func(c Certificate) []byte {
			data, _ := Encode([]Certificate{c})
			return []byte(strings.Replace(string(data), `"sha256"`, `"\u0073ha256"`, 1))
		},
	} {
		for _, apart := range []bool{false, true} {
			c := cert(2, "u2", t0.AddDate(1, 0, 0))
			c.Apart = apart
			path := filepath.Join(dir, name+".json")
			must(t, os.WriteFile(path, layout(c), 0o600))
			x, err := Scan(path)
			must(t, err)
			if e := x.entries; len(e) == 1 == apart {
				t.Errorf("%s, apart %v: scanned %+v", name, apart, e)
			}
			x.Close()
			if read, err := Read(path); err != nil || len(read) == 1 == apart {
				t.Errorf("%s, apart %v: read %+v, %v", name, apart, read, err)
			}
		}
	}
}

// My certificates lists the certificates kept apart under a heading of
// their own (Apart, the one checked last first), with "Add to My
// certificates" (AddToMine) and "Remove" (RemoveApart), each one write of
// the register. Bad input changes nothing, byte for byte: an unknown
// fingerprint, a RemoveApart of the user's own certificate (added
// meanwhile, perhaps in another window), a write that fails.
func TestAddingOrRemovingOneKeptApart(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	s := openAt(t, path)
	mine := cert(1, "u1", t0.AddDate(0, 0, 20))
	first := cert(2, "u2", t0.AddDate(1, 0, 0))
	first.Organization, first.Apart = "Anden Virksomhed ApS", true
	second := cert(3, "u3", t0.AddDate(2, 0, 0))
	second.Organization, second.Apart = "Tredje Firma A/S", true
	must(t, s.Upsert(mine))
	must(t, s.Upsert(first))
	s.now = func() time.Time { return t0.Add(time.Hour) }
	must(t, s.Upsert(second))
	apart := func() []string {
		var out []string
		for _, c := range s.Apart() {
			out = append(out, c.Organization)
		}
		return out
	}
	if got := apart(); !slices.Equal(got, []string{second.Organization, first.Organization}) {
		t.Fatalf("Apart: %v, want the one checked last first", got)
	}
	told := 0
	s.Watch("test", func() { told++ })

	before, err := os.ReadFile(path)
	must(t, err)
	unchanged := func(what string, err error, code string) {
		t.Helper()
		if Code(err) != code {
			t.Errorf("%s: %v, want code %q", what, err, code)
		}
		after, rerr := os.ReadFile(path)
		must(t, rerr)
		if string(after) != string(before) || len(s.List()) != 1 || len(s.Apart()) != 2 {
			t.Errorf("%s changed the register: %d listed, %d apart", what, len(s.List()), len(s.Apart()))
		}
	}
	unchanged("AddToMine of an unknown fingerprint", s.AddToMine(sha(9)), CodeNotFound)
	unchanged("AddToMine of no fingerprint", s.AddToMine(""), CodeNotFound)
	_, err = s.RemoveApart(sha(9))
	unchanged("RemoveApart of an unknown fingerprint", err, CodeNotFound)
	_, err = s.RemoveApart(mine.SHA256)
	unchanged("RemoveApart of the user's own certificate", err, CodeNotApart)
	unchanged("AddToMine of the user's own certificate", s.AddToMine(strings.ToUpper(mine.SHA256)), "")
	write := s.write
	s.write = func(string, []byte) error { return os.ErrPermission }
	unchanged("AddToMine that cannot be written", s.AddToMine(first.SHA256), CodeNoWrite)
	_, err = s.RemoveApart(first.SHA256)
	unchanged("RemoveApart that cannot be written", err, CodeNoWrite)
	s.write = write
	if told != 0 {
		t.Errorf("the watchers were told of %d changes that did not happen", told)
	}

	// Added: listed, reminded of, no longer apart, in the file too.
	must(t, s.AddToMine(strings.ToUpper(first.SHA256)))
	if got := apart(); !slices.Equal(got, []string{second.Organization}) {
		t.Errorf("Apart after adding: %v", got)
	}
	read, err := Read(path)
	must(t, err)
	if len(read) != 2 || len(Upcoming(read, t0, nil)) == 0 {
		t.Errorf("the added certificate is not the user's in the file: %+v", read)
	}
	if c, _ := s.Get(first.SHA256); c.Apart || c.Added != t0 {
		t.Errorf("added: %+v (what was recorded of it is kept)", c)
	}
	// Removed: gone, the user's own untouched.
	removed, err := s.RemoveApart(second.SHA256)
	must(t, err)
	if removed.Organization != second.Organization || len(s.Apart()) != 0 || len(s.List()) != 2 {
		t.Errorf("removed %+v; apart %v, listed %d", removed, apart(), len(s.List()))
	}
	if _, ok := s.Get(second.SHA256); ok {
		t.Error("the removed certificate is still found")
	}
	if told != 2 {
		t.Errorf("the watchers were told %d times, want 2 (added, removed)", told)
	}
}

// Of a Store that opened with the first card's part of the register
// (OpenFirst: never the ones kept apart), Apart waits for the whole, as
// List does.
func TestApartReadsTheWholeRegister(t *testing.T) {
	mine := cert(1, "u1", t0.AddDate(1, 0, 0))
	other := cert(2, "u2", t0.AddDate(1, 0, 0))
	other.Organization, other.Apart = "Anden Virksomhed ApS", true
	path, _ := writeEncoded(t, t.TempDir(), 0, []Certificate{mine, other})
	s, err := firstOf(t, path, mine.SHA256)
	must(t, err)
	if got := s.Apart(); len(got) != 1 || got[0].SHA256 != other.SHA256 {
		t.Errorf("Apart: %+v", got)
	}
}

// KeepApart (Z11: the user said a file is not theirs) takes one of the
// user's out of My certificates and the reminders and lists it with the
// ones kept apart, in the file too, keeping what was recorded of it; a
// later check keeps it there, AddToMine brings it back.
// An unknown fingerprint is CodeNotFound and changes nothing; one apart
// already is left as it is, and no watcher is told.
func TestKeepingOneOfTheUsersApart(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	s := openAt(t, path)
	declined := cert(1, "u1", t0.AddDate(0, 0, 20))
	declined.Organization = "Anden Virksomhed ApS"
	must(t, s.Upsert(declined))
	must(t, s.RecordBackup(declined.SHA256, FileRef{Path: "/usb/a.p12", VerifiedAt: t0}))
	told := 0
	s.Watch("test", func() { told++ })
	before, err := os.ReadFile(path)
	must(t, err)
	if err := s.KeepApart(sha(9)); Code(err) != CodeNotFound {
		t.Errorf("KeepApart of an unknown fingerprint: %v", err)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) || told != 0 {
		t.Error("KeepApart of an unknown fingerprint changed the register")
	}

	must(t, s.KeepApart(strings.ToUpper(declined.SHA256)))
	if len(s.List()) != 0 || len(s.Apart()) != 1 || told != 1 {
		t.Fatalf("kept apart: %d listed, %d apart, told %d", len(s.List()), len(s.Apart()), told)
	}
	if got, _ := s.Get(declined.SHA256); len(got.Backups) != 1 {
		t.Errorf("what was recorded is lost: %+v", got)
	}
	if read, err := Read(path); err != nil || len(read) != 0 {
		t.Errorf("the file lists %d certificates (%v)", len(read), err)
	}
	if got, _ := s.Get(declined.SHA256); len(Due([]Certificate{got}, t0)) != 0 {
		t.Error("the one kept apart is reminded of")
	}
	must(t, s.KeepApart(declined.SHA256))
	if told != 1 {
		t.Error("keeping apart one apart already told the watchers")
	}
	again := declined
	again.Apart = true
	must(t, s.Upsert(again)) // checked again, as core/renewal decides it: still apart
	if len(s.Apart()) != 1 {
		t.Error("a later check took it out of the ones kept apart")
	}
	must(t, s.AddToMine(declined.SHA256))
	if len(s.List()) != 1 || len(s.Apart()) != 0 {
		t.Error("added again, it is not the user's")
	}
}
