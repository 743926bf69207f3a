package register

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

var t0 = time.Date(2026, 11, 24, 21, 55, 0, 0, time.UTC)

func sha(i int) string { return fmt.Sprintf("%064x", i) }

func cert(i int, uuid string, notAfter time.Time) Certificate {
	return Certificate{
		SHA256: sha(i), Organization: "Bager Hansen ApS", CVR: "12345678", UUID: uuid,
		Serial: fmt.Sprint(1000 + i), CommonName: "Bager Hansen ApS - Org", Kind: "organization",
		Environment: Production, NotBefore: notAfter.AddDate(-3, 0, 0), NotAfter: notAfter,
	}
}

func openAt(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	s.now = func() time.Time { return t0 }
	return s
}

func TestRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "register.json")
	s := openAt(t, path)
	c := cert(1, "u-1", t0.AddDate(1, 0, 0))
	c.File = &FileRef{Path: "/home/a/cert.p12", SHA256: sha(99), VerifiedAt: t0}
	c.PasswordSaved = true
	if err := s.Upsert(c); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordBackup(c.SHA256, FileRef{Path: "/media/usb/cert.p12", SHA256: sha(99), VerifiedAt: t0}); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordReceipt(c.SHA256, Receipt{Path: "/home/a/receipt.pdf", By: "Anne Hansen", At: t0}); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordDPGInstalled(strings.ToUpper(c.SHA256), " Anna ", t0); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkReminded(c.SHA256, 30, t0); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordScheduled(c.SHA256, Scheduled{Days: 7, ID: "abc", At: t0.Add(day)}); err != nil {
		t.Fatal(err)
	}
	if err := s.Upsert(cert(2, "u-2", t0.AddDate(0, 2, 0))); err != nil {
		t.Fatal(err)
	}

	again := openAt(t, path)
	want, got := s.List(), again.List()
	if !reflect.DeepEqual(want, got) {
		t.Fatalf("after reopening:\n got %+v\nwant %+v", got, want)
	}
	g, ok := again.Get(c.SHA256)
	if !ok || g.DPG == nil || g.DPG.By != "Anna" || !g.DPG.At.Equal(t0) || len(g.Backups) != 1 ||
		len(g.Receipts) != 1 || g.Receipts[0].By != "Anne Hansen" || !g.PasswordSaved || g.File.Path != c.File.Path || len(g.Scheduled) != 1 {
		t.Fatalf("reopened certificate lost data: %+v", g)
	}
	if days := reminded(g); !reflect.DeepEqual(days, []int{90, 30}) {
		t.Errorf("reminded %v, want [90 30]", days)
	}

	raw, _ := os.ReadFile(path)
	var head struct{ Version int }
	if err := json.Unmarshal(raw, &head); err != nil || head.Version != FormatVersion {
		t.Errorf("file version %d (%v), want %d", head.Version, err, FormatVersion)
	}
	if strings.Contains(strings.ToLower(string(raw)), `"password"`) {
		t.Error("the register has a password field")
	}
}

func reminded(c Certificate) []int {
	var out []int
	for _, s := range c.Reminded {
		out = append(out, s.Days)
	}
	return out
}

// Upsert of a known certificate refreshes its facts but keeps its history.
func TestUpsertKeepsHistory(t *testing.T) {
	s := openAt(t, filepath.Join(t.TempDir(), "r.json"))
	c := cert(1, "u", t0.AddDate(1, 0, 0))
	c.PasswordSaved = true
	c.File = &FileRef{Path: "/a.p12"}
	must(t, s.Upsert(c))
	must(t, s.RecordDPGInstalled(c.SHA256, "Bo", t0))
	must(t, s.RecordReceipt(c.SHA256, Receipt{Path: "/r.pdf", At: t0}))

	s.now = func() time.Time { return t0.Add(time.Hour) }
	c2 := cert(1, "u", c.NotAfter)
	c2.Organization = "Bager Hansen A/S"
	must(t, s.Upsert(c2))
	g, _ := s.Get(c.SHA256)
	if g.Organization != "Bager Hansen A/S" || g.DPG == nil || len(g.Receipts) != 1 || !g.PasswordSaved ||
		g.File == nil || g.File.Path != "/a.p12" || !g.Added.Equal(t0) || !g.Updated.Equal(t0.Add(time.Hour)) {
		t.Fatalf("after upsert: %+v", g)
	}
	must(t, s.SetPasswordSaved(c.SHA256, false))
	if g, _ := s.Get(c.SHA256); g.PasswordSaved {
		t.Error("SetPasswordSaved(false) did not stick")
	}
	if len(s.List()) != 1 {
		t.Errorf("upsert of the same fingerprint added a second entry")
	}
}

func TestBadInputChangesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.json")
	s := openAt(t, path)
	must(t, s.Upsert(cert(1, "u", t0.AddDate(1, 0, 0))))
	before, _ := os.ReadFile(path)
	for _, c := range []Certificate{
		{SHA256: "xyz", NotAfter: t0},
		{SHA256: sha(2)}, // no expiry
	} {
		if err := s.Upsert(c); Code(err) != CodeInvalid {
			t.Errorf("Upsert(%+v) = %v, want %s", c, err, CodeInvalid)
		}
	}
	if err := s.RecordDPGInstalled(sha(7), "x", t0); Code(err) != CodeNotFound {
		t.Errorf("unknown certificate: %v", err)
	}
	if _, err := s.Remove(sha(7)); Code(err) != CodeNotFound {
		t.Errorf("remove unknown: %v", err)
	}
	after, _ := os.ReadFile(path)
	if string(before) != string(after) || len(s.List()) != 1 {
		t.Error("bad input changed the register")
	}
}

func TestRemove(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.json")
	s := openAt(t, path)
	must(t, s.Upsert(cert(1, "u", t0.AddDate(1, 0, 0))))
	must(t, s.RecordScheduled(sha(1), Scheduled{Days: 90, ID: "n1", At: t0.Add(day)}))
	must(t, s.Upsert(cert(2, "u", t0.AddDate(2, 0, 0))))
	got, err := s.Remove(sha(1))
	if err != nil || got.SHA256 != sha(1) || len(got.Scheduled) != 1 {
		t.Fatalf("Remove = %+v, %v", got, err)
	}
	if _, ok := openAt(t, path).Get(sha(1)); ok {
		t.Error("removed certificate is back after reopening")
	}
}

// The file is replaced through a temporary file: none is left behind, and a
// failed write leaves the old file and the Store as they were.
func TestAtomicWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "r.json")
	s := openAt(t, path)
	for i := range 5 {
		must(t, s.Upsert(cert(i+1, "u", t0.AddDate(i, 0, 0))))
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 || entries[0].Name() != "r.json" || entries[1].Name() != "r.json.lock" {
		t.Fatalf("folder holds %v, want only r.json and its lock file", entries)
	}
	before, _ := os.ReadFile(path)

	s.write = func(p string, data []byte) error {
		// A write that dies half way: the temporary file is written, the
		// rename never happens.
		f, err := os.CreateTemp(filepath.Dir(p), ".fornyer-*.tmp")
		if err != nil {
			return err
		}
		f.Write(data[:len(data)/2])
		f.Close()
		os.Remove(f.Name())
		return errors.New("disk full")
	}
	err := s.Upsert(cert(9, "u", t0.AddDate(9, 0, 0)))
	if Code(err) != CodeWrite {
		t.Fatalf("failed write: %v, want %s", err, CodeWrite)
	}
	if err := s.RecordDPGInstalled(sha(1), "x", t0); Code(err) != CodeWrite {
		t.Fatalf("failed write: %v", err)
	}
	after, _ := os.ReadFile(path)
	if string(before) != string(after) {
		t.Error("a failed write changed the file")
	}
	if _, ok := s.Get(sha(9)); ok {
		t.Error("a failed write changed the Store")
	}
	if g, _ := s.Get(sha(1)); g.DPG != nil {
		t.Error("a failed record changed the Store")
	}
}

func TestDamagedFileMovedAside(t *testing.T) {
	for name, content := range map[string]string{
		"bad json":     `{"version": 2, "certificates": [`,
		"no version":   `{"certificates": []}`,
		"not object":   `[1,2,3]`,
		"bad entry":    `{"version": 2, "certificates": [{"sha256": "nothex", "not_after": "2027-01-01T00:00:00Z"}]}`,
		"duplicate":    fmt.Sprintf(`{"version": 2, "certificates": [{"sha256": %q, "not_after": "2027-01-01T00:00:00Z"}, {"sha256": %[1]q, "not_after": "2027-01-01T00:00:00Z"}]}`, sha(1)),
		"binary junk":  "\x00\x01\x02PK",
		"trailing":     `{"version": 2, "certificates": []} {}`,
		"zero version": `{"version": 0, "certificates": []}`,
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "register.json")
			if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
				t.Fatal(err)
			}
			s, err := Open(path)
			var e *Error
			if !errors.As(err, &e) || e.Code != CodeDamaged {
				t.Fatalf("Open = %v, want %s", err, CodeDamaged)
			}
			if s == nil || len(s.List()) != 0 || s.OpenError() != err {
				t.Fatal("no usable empty store with the error")
			}
			kept, rerr := os.ReadFile(e.MovedTo)
			if rerr != nil || string(kept) != content {
				t.Fatalf("damaged file not kept as it was at %q: %v", e.MovedTo, rerr)
			}
			if !strings.HasPrefix(filepath.Base(e.MovedTo), "register.json.damaged-") {
				t.Errorf("kept as %s", e.MovedTo)
			}
			if _, err := os.Stat(path); !os.IsNotExist(err) {
				t.Errorf("damaged file still under its name: %v", err)
			}
			// The new, empty register works and leaves the kept file alone.
			must(t, s.Upsert(cert(1, "u", t0)))
			if again, _ := os.ReadFile(e.MovedTo); string(again) != content {
				t.Error("the kept file changed")
			}
		})
	}
}

// A second damage in the same second does not overwrite the first kept file.
func TestDamagedTwiceKeepsBoth(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.json")
	var kept []string
	for _, content := range []string{"first", "second"} {
		os.WriteFile(path, []byte(content), 0o600)
		s := &Store{path: path, now: func() time.Time { return t0 }}
		var e *Error
		if err := s.load(); !errors.As(err, &e) {
			t.Fatal(err)
		}
		kept = append(kept, e.MovedTo)
	}
	if kept[0] == kept[1] {
		t.Fatalf("both kept as %s", kept[0])
	}
	for i, want := range []string{"first", "second"} {
		if got, _ := os.ReadFile(kept[i]); string(got) != want {
			t.Errorf("%s holds %q, want %q", kept[i], got, want)
		}
	}
}

func TestNewerVersionRefusedAndKept(t *testing.T) {
	path := filepath.Join(t.TempDir(), "register.json")
	content := fmt.Sprintf(`{"version": %d, "certificates": [], "future": true}`, FormatVersion+1)
	os.WriteFile(path, []byte(content), 0o600)
	s, err := Open(path)
	var e *Error
	if !errors.As(err, &e) || e.Code != CodeNewer || e.Version != FormatVersion+1 {
		t.Fatalf("Open = %v, want %s with version %d", err, CodeNewer, FormatVersion+1)
	}
	if kept, _ := os.ReadFile(e.MovedTo); string(kept) != content {
		t.Errorf("newer file not kept: %q", kept)
	}
	if s == nil || len(s.List()) != 0 {
		t.Error("want an empty, usable store")
	}
}

func TestVersion1Migrated(t *testing.T) {
	path := filepath.Join(t.TempDir(), "register.json")
	v1 := fmt.Sprintf(`{
  "version": 1,
  "certificates": {
    %q: {"organization": "Bager Hansen ApS", "uuid": "u", "not_after": "2027-03-02T10:15:00Z", "updated": "2026-01-01T00:00:00Z"},
    %q: {"sha256": %[2]q, "organization": "Bager Hansen ApS", "uuid": "u", "not_after": "2024-03-02T10:15:00Z"}
  },
  "reminders_sent": {%[1]q: [90]}
}`, sha(1), sha(2))
	os.WriteFile(path, []byte(v1), 0o600)
	s := openAt(t, path)
	list := s.List()
	if len(list) != 2 || list[0].SHA256 != sha(1) || list[1].SHA256 != sha(2) {
		t.Fatalf("migrated list: %+v", list)
	}
	if days := reminded(list[0]); !reflect.DeepEqual(days, []int{90}) {
		t.Errorf("reminders not migrated: %v", days)
	}
	// The old file stays as it was until the next change, which writes v2.
	if raw, _ := os.ReadFile(path); string(raw) != v1 {
		t.Error("opening changed the file")
	}
	must(t, s.RecordDPGInstalled(sha(1), "Bo", t0))
	raw, _ := os.ReadFile(path)
	var head struct{ Version int }
	json.Unmarshal(raw, &head)
	if head.Version != FormatVersion {
		t.Errorf("after a change the file is version %d", head.Version)
	}
	if len(openAt(t, path).List()) != 2 {
		t.Error("migrated certificates lost")
	}
}

func TestUnreadableFileLeftAlone(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "register.json")
	// A folder under the register's name cannot be read as a file.
	os.Mkdir(path, 0o700)
	s, err := Open(path)
	if Code(err) != CodeUnreadable {
		t.Fatalf("Open = %v, want %s", err, CodeUnreadable)
	}
	if err := s.Upsert(cert(1, "u", t0)); Code(err) != CodeReadOnly {
		t.Errorf("change on an unreadable register: %v", err)
	}
	if fi, err := os.Stat(path); err != nil || !fi.IsDir() {
		t.Error("the unreadable thing was touched")
	}
}

func TestListOrderAndNeighbours(t *testing.T) {
	s := openAt(t, filepath.Join(t.TempDir(), "r.json"))
	old := cert(1, "u-A", t0.AddDate(-2, 0, 0))
	mid := cert(2, "u-A", t0.AddDate(1, 0, 0))
	renewed := cert(3, "U-a", t0.AddDate(4, 0, 0)) // UUIDs compare without case
	other := cert(4, "u-B", t0.AddDate(2, 0, 0))
	lone := cert(5, "", t0.AddDate(3, 0, 0))
	for _, c := range []Certificate{mid, other, old, lone, renewed} {
		must(t, s.Upsert(c))
	}
	var order []string
	for _, c := range s.List() {
		order = append(order, c.SHA256[60:])
	}
	// Group u-A (newest 4 years) first, newest on top; then the lone one
	// (3 years), then u-B (2 years).
	if want := []string{"0003", "0002", "0001", "0005", "0004"}; !reflect.DeepEqual(order, want) {
		t.Errorf("order %v, want %v", order, want)
	}
	check := func(name string, got Certificate, ok bool, want string) {
		t.Helper()
		if want == "" && ok || want != "" && (!ok || got.SHA256 != want) {
			t.Errorf("%s = %v %v, want %q", name, got.SHA256, ok, want)
		}
	}
	p, ok := s.Predecessor(mid)
	check("Predecessor(mid)", p, ok, sha(1))
	n, ok := s.Successor(mid)
	check("Successor(mid)", n, ok, sha(3))
	p, ok = s.Predecessor(old)
	check("Predecessor(old)", p, ok, "")
	n, ok = s.Successor(renewed)
	check("Successor(renewed)", n, ok, "")
	n, ok = s.Successor(lone)
	check("Successor(lone)", n, ok, "")
	p, ok = s.Predecessor(other)
	check("Predecessor(other)", p, ok, "")
}

func TestConcurrentChanges(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.json")
	s := openAt(t, path)
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Go(func() {
			if err := s.Upsert(cert(i+1, "u", t0.AddDate(0, i, 0))); err != nil {
				t.Error(err)
			}
			s.List()
		})
	}
	wg.Wait()
	if n := len(openAt(t, path).List()); n != 20 {
		t.Errorf("%d certificates on disk, want 20", n)
	}
}

func TestErrorSentence(t *testing.T) {
	e := &Error{Code: CodeDamaged, Path: "/x/r.json", MovedTo: "/x/r.json.damaged-1", Err: errors.New("bad")}
	if s := e.Error(); !strings.Contains(s, "damaged") || !strings.Contains(s, "/x/r.json.damaged-1") {
		t.Errorf("Error() = %q", s)
	}
	if Code(fmt.Errorf("wrapped: %w", e)) != CodeDamaged || Code(errors.New("x")) != "" {
		t.Error("Code does not unwrap")
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestWatch(t *testing.T) {
	s := openAt(t, filepath.Join(t.TempDir(), "r.json"))
	calls := 0
	s.Watch("a", func() { calls++ })
	must(t, s.Upsert(cert(1, "u", t0)))
	if s.Upsert(Certificate{}) == nil {
		t.Fatal("invalid upsert accepted")
	}
	s.Watch("a", func() { calls += 10 })
	must(t, s.RecordDPGInstalled(sha(1), "x", t0))
	// The reminders' bookkeeping is not announced.
	must(t, s.MarkReminded(sha(1), 90, t0))
	must(t, s.RecordScheduled(sha(1), Scheduled{Days: 7, ID: "x", At: t0}))
	must(t, s.ForgetScheduled(sha(1), "x"))
	s.Watch("a", nil)
	must(t, s.RecordDPGInstalled(sha(1), "y", t0))
	if calls != 11 {
		t.Errorf("watcher called %d, want 11 (once per change, replaced, stopped, not for reminders)", calls)
	}
	if c, _ := s.Get(sha(1)); len(c.Reminded) != 1 || c.DPG.By != "y" {
		t.Errorf("quiet changes not saved: %+v", c)
	}
}

// An entry an older version recorded for one of the state's CA
// certificates is no one's certificate: List (every screen's and
// command's list) leaves it out, so My certificates, the reminders and
// `fornyer list` never show it; an organisation's own certificate stays,
// whatever its name.
func TestListLeavesOutStateCAEntries(t *testing.T) {
	s := openAt(t, filepath.Join(t.TempDir(), FileName))
	mine := cert(1, "u1", t0.AddDate(1, 0, 0))
	root := cert(2, "", t0.AddDate(10, 0, 0))
	root.Organization, root.CommonName = "Den Danske Stat", "Den Danske Stat OCES rod-CA"
	issuing := cert(3, "", t0.AddDate(8, 0, 0))
	issuing.Organization, issuing.CommonName = "Den Danske Stat", "Den Danske Stat OCES udstedende-CA 1"
	state := cert(4, "u4", t0.AddDate(2, 0, 0)) // the state's own organisation certificate
	state.Organization, state.CommonName = "Den Danske Stat", "Den Danske Stat - Digitaliseringsstyrelsen"
	for _, c := range []Certificate{mine, root, issuing, state} {
		if err := s.Upsert(c); err != nil {
			t.Fatal(err)
		}
	}
	var got []string
	for _, c := range s.List() {
		got = append(got, c.SHA256)
	}
	if want := []string{state.SHA256, mine.SHA256}; !slices.Equal(got, want) {
		t.Errorf("listed %v, want %v", got, want)
	}
	for _, c := range []Certificate{root, issuing} {
		if _, ok := s.Get(c.SHA256); ok {
			t.Errorf("Get answers %s, which List leaves out", c.CommonName)
		}
	}
	if _, ok := s.Get(state.SHA256); !ok {
		t.Error("Get does not find the state's own organisation certificate")
	}
	data, err := os.ReadFile(s.Path())
	if err != nil || !strings.Contains(string(data), root.SHA256) {
		t.Errorf("the entry is gone from the file (%v)", err)
	}
}
