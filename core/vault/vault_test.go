package vault

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"github.com/fornyer/fornyer/core/msg"
)

const fp1 = "AB:CD:EF:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89"

func certID(i int) string { return CertificateID(fmt.Sprintf("%064x", i+1)) }

// clock hands out a second later each time, so entries have distinct dates.
func clock() func() time.Time {
	var mu sync.Mutex
	t := time.Date(2026, 11, 24, 21, 0, 0, 0, time.UTC)
	return func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		t = t.Add(time.Second)
		return t
	}
}

func mockVault(t *testing.T, opts ...Option) *Vault {
	t.Helper()
	keyring.MockInit()
	return New(append([]Option{WithClock(clock())}, opts...)...)
}

func TestIDs(t *testing.T) {
	if got, want := CertificateID(fp1), "sha256:abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789"; got != want {
		t.Errorf("CertificateID = %q, want %q", got, want)
	}
	if got := PendingID("r-2026-11"); got != "pending:r-2026-11" {
		t.Errorf("PendingID = %q", got)
	}
	for id, want := range map[string]bool{
		CertificateID(fp1):                  true,
		PendingID("r1"):                     true,
		PendingID("fornyelse æøå"):          true,
		"pending:":                          false,
		"pending:a\nb":                      false,
		"sha256:abc":                        false,
		CertificateID(fp1) + "0":            false,
		"sha256:" + strings.Repeat("g", 64): false,
		"index":                             false,
		"index:2":                           false,
		"":                                  false,
	} {
		if ValidID(id) != want {
			t.Errorf("ValidID(%q) = %v, want %v", id, !want, want)
		}
	}
}

func TestSaveGetListDelete(t *testing.T) {
	v := mockVault(t)
	ctx := context.Background()
	pending := PendingID("r1")
	cert := CertificateID(fp1)
	if err := v.Save(ctx, pending, "", "første-Kode!"); err != nil {
		t.Fatal(err)
	}
	if err := v.Save(ctx, cert, "  Firma   A/S\n(CVR 12345678) ", "cert-pw"); err != nil {
		t.Fatal(err)
	}
	if got, err := v.Get(ctx, pending); err != nil || got != "første-Kode!" {
		t.Fatalf("Get(pending) = %q, %v", got, err)
	}
	list, err := v.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].ID != cert || list[1].ID != pending {
		t.Fatalf("List = %+v, want the certificate (newest) then the pending entry", list)
	}
	if list[0].Label != "Firma A/S (CVR 12345678)" {
		t.Errorf("label not tidied: %q", list[0].Label)
	}
	if !list[1].Pending() || list[0].Pending() {
		t.Errorf("Pending() wrong: %+v", list)
	}
	if !list[0].Saved.After(list[1].Saved) {
		t.Errorf("dates not kept: %+v", list)
	}
	// The list itself is an item in the store: it must hold no password.
	raw, err := keyring.Get(Service, indexName)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(raw, "første-Kode!") || strings.Contains(raw, "cert-pw") {
		t.Fatalf("the index holds a password: %s", raw)
	}

	if err := v.Delete(ctx, pending); err != nil {
		t.Fatal(err)
	}
	if _, err := v.Get(ctx, pending); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Get after Delete: %v, want ErrNotFound", err)
	}
	if err := v.Delete(ctx, pending); !errors.Is(err, ErrNotFound) {
		t.Fatalf("second Delete: %v, want ErrNotFound", err)
	}
	if err := v.Delete(ctx, cert); err != nil {
		t.Fatal(err)
	}
	if list, err := v.List(ctx); err != nil || len(list) != 0 {
		t.Fatalf("List after deleting all = %+v, %v", list, err)
	}
	if _, err := keyring.Get(Service, indexName); !errors.Is(err, keyring.ErrNotFound) {
		t.Errorf("an empty list leaves an item behind: %v", err)
	}
}

func TestSaveAgainReplaces(t *testing.T) {
	v := mockVault(t)
	ctx := context.Background()
	id := PendingID("r1")
	for _, pw := range []string{"wrong one", "right one"} {
		if err := v.Save(ctx, id, "", pw); err != nil {
			t.Fatal(err)
		}
	}
	if got, _ := v.Get(ctx, id); got != "right one" {
		t.Errorf("Get = %q", got)
	}
	if list, _ := v.List(ctx); len(list) != 1 {
		t.Errorf("saving twice listed %d entries", len(list))
	}
}

// recorder wraps the mock store, logs every call and can fail one of them.
type recorder struct {
	mu    sync.Mutex
	calls []string
	fail  func(op, user string) error
	check func()
}

func (r *recorder) log(op, user string) error {
	r.mu.Lock()
	r.calls = append(r.calls, op+" "+user)
	r.mu.Unlock()
	if r.fail != nil {
		return r.fail(op, user)
	}
	return nil
}

func (r *recorder) after() {
	if r.check != nil {
		r.check()
	}
}

func (r *recorder) Set(s, u, p string) error {
	if err := r.log("set", u); err != nil {
		return err
	}
	defer r.after()
	return keyring.Set(s, u, p)
}

func (r *recorder) Get(s, u string) (string, error) {
	if err := r.log("get", u); err != nil {
		return "", err
	}
	return keyring.Get(s, u)
}

func (r *recorder) Delete(s, u string) error {
	if err := r.log("delete", u); err != nil {
		return err
	}
	defer r.after()
	return keyring.Delete(s, u)
}

func TestPasswordLength(t *testing.T) {
	rec := &recorder{}
	v := mockVault(t, WithBackend(rec))
	ctx := context.Background()
	id := PendingID("r1")
	if err := v.Save(ctx, id, "", strings.Repeat("x", MaxPasswordBytes+1)); !errors.Is(err, ErrTooLong) {
		t.Fatalf("too long: %v", err)
	}
	// Counted in bytes, as the store counts: 1281 "æ" are 2562 bytes.
	if err := v.Save(ctx, id, "", strings.Repeat("æ", MaxPasswordBytes/2+1)); !errors.Is(err, ErrTooLong) {
		t.Fatalf("too long in bytes: %v", err)
	}
	if len(rec.calls) != 0 {
		t.Fatalf("a refused password reached the store: %v", rec.calls)
	}
	longest := strings.Repeat("ø", MaxPasswordBytes/2)
	if err := v.Save(ctx, id, "", longest); err != nil {
		t.Fatalf("the longest password: %v", err)
	}
	if got, _ := v.Get(ctx, id); got != longest {
		t.Error("the longest password did not come back")
	}
}

func TestBadID(t *testing.T) {
	rec := &recorder{}
	v := mockVault(t, WithBackend(rec))
	ctx := context.Background()
	checks := map[string]error{
		"Save":   v.Save(ctx, "index", "", "pw"),
		"Delete": v.Delete(ctx, "sha256:xyz"),
		"Rekey":  v.RekeyEntry(ctx, PendingID("r"), Entry{ID: "index:2", Label: ""}),
	}
	_, checks["Get"] = v.Get(ctx, "")
	for name, err := range checks {
		if !errors.Is(err, ErrBadID) {
			t.Errorf("%s: %v, want ErrBadID", name, err)
		}
	}
	if len(rec.calls) != 0 {
		t.Errorf("a bad id reached the store: %v", rec.calls)
	}
}

func TestStoreErrors(t *testing.T) {
	ctx := context.Background()
	secret := "hemmelig-123"
	// A store that repeats what it was given in its error must not carry
	// the password into Fornyer's messages.
	keyring.MockInitWithError(fmt.Errorf("org.freedesktop.Secret.Error.IsLocked: cannot store %s", secret))
	v := New()
	err := v.Save(ctx, PendingID("r1"), "", secret)
	if !errors.Is(err, ErrUnavailable) {
		t.Fatalf("Save on a failing store: %v, want ErrUnavailable", err)
	}
	if strings.Contains(err.Error(), secret) {
		t.Fatalf("the error carries the password: %v", err)
	}
	if !strings.Contains(err.Error(), "IsLocked") {
		t.Errorf("the store's own words are lost: %v", err)
	}
	if _, err := v.List(ctx); !errors.Is(err, ErrUnavailable) {
		t.Errorf("List: %v", err)
	}
	if got := candidates(ctx, v); len(got) != 0 {
		t.Errorf("Candidates on a failing store: %q", got)
	}

	keyring.MockInitWithError(keyring.ErrNotFound)
	if _, err := v.Get(ctx, PendingID("r1")); !errors.Is(err, ErrNotFound) || errors.Is(err, ErrUnavailable) {
		t.Errorf("Get: %v, want ErrNotFound", err)
	}
	keyring.MockInitWithError(keyring.ErrSetDataTooBig)
	if err := v.Save(ctx, PendingID("r1"), "", "pw"); !errors.Is(err, ErrTooLong) {
		t.Errorf("store says too big: %v, want ErrTooLong", err)
	}
}

func TestDamagedIndexIsReported(t *testing.T) {
	v := mockVault(t)
	if err := keyring.Set(Service, indexName, "{not json"); err != nil {
		t.Fatal(err)
	}
	if _, err := v.List(context.Background()); !errors.Is(err, ErrUnavailable) {
		t.Fatalf("List over a damaged index: %v", err)
	}
	// Saving must not wipe what it cannot read.
	if err := v.Save(context.Background(), PendingID("r"), "", "pw"); err == nil {
		t.Fatal("Save over a damaged index succeeded and dropped it")
	}
	if raw, _ := keyring.Get(Service, indexName); raw != "{not json" {
		t.Errorf("damaged index overwritten: %q", raw)
	}
}

// TestRekeyNeverLosesThePassword checks after every change to the store
// that the password exists under the old or the new id.
func TestRekeyNeverLosesThePassword(t *testing.T) {
	rec := &recorder{}
	v := mockVault(t, WithBackend(rec))
	ctx := context.Background()
	from, to := PendingID("r1"), CertificateID(fp1)
	if err := v.Save(ctx, from, "Fornyelse", "pw-æøå"); err != nil {
		t.Fatal(err)
	}
	rec.calls = nil
	var lost []string
	rec.check = func() {
		a, _ := keyring.Get(Service, from)
		b, _ := keyring.Get(Service, to)
		if a != "pw-æøå" && b != "pw-æøå" {
			lost = append(lost, rec.calls[len(rec.calls)-1])
		}
	}
	if err := v.RekeyEntry(ctx, from, Entry{ID: to, Label: ""}); err != nil {
		t.Fatal(err)
	}
	if lost != nil {
		t.Fatalf("the password existed under neither id after %v", lost)
	}
	// The new one is read back before the old one goes.
	// (Each write is preceded by a read of its item: the read back is the
	// read after the write.)
	setTo := index(rec.calls, "set "+to)
	getTo := setTo + 1 + index(rec.calls[setTo+1:], "get "+to)
	delFrom := index(rec.calls, "delete "+from)
	if setTo < 0 || getTo <= setTo || delFrom < getTo {
		t.Fatalf("order of calls: %v", rec.calls)
	}
	if _, err := v.Get(ctx, from); !errors.Is(err, ErrNotFound) {
		t.Errorf("old entry left: %v", err)
	}
	list, _ := v.List(ctx)
	if len(list) != 1 || list[0].ID != to || list[0].Label != "Fornyelse" {
		t.Errorf("List after Rekey = %+v", list)
	}
	if err := v.RekeyEntry(ctx, from, Entry{ID: to, Label: ""}); !errors.Is(err, ErrNotFound) {
		t.Errorf("Rekey of a missing entry: %v", err)
	}
}

func index(calls []string, call string) int {
	for i, c := range calls {
		if c == call {
			return i
		}
	}
	return -1
}

func TestRekeyFailureKeepsTheOld(t *testing.T) {
	for _, failing := range []string{"set", "get", "delete"} {
		t.Run(failing, func(t *testing.T) {
			rec := &recorder{}
			v := mockVault(t, WithBackend(rec))
			ctx := context.Background()
			from, to := PendingID("r1"), CertificateID(fp1)
			if err := v.Save(ctx, from, "", "pw"); err != nil {
				t.Fatal(err)
			}
			rec.fail = func(op, user string) error {
				if op == failing && (user == to || failing == "delete" && user == from) {
					return errors.New("refused")
				}
				return nil
			}
			if err := v.RekeyEntry(ctx, from, Entry{ID: to, Label: "Firma"}); !errors.Is(err, ErrUnavailable) {
				t.Fatalf("Rekey with %s failing: %v", failing, err)
			}
			if got, _ := keyring.Get(Service, from); got != "pw" {
				t.Errorf("the old entry is gone after a failed %s", failing)
			}
		})
	}
}

func TestRekeyWithLabel(t *testing.T) {
	v := mockVault(t)
	ctx := context.Background()
	if err := v.Save(ctx, PendingID("r"), "", "pw"); err != nil {
		t.Fatal(err)
	}
	if err := v.RekeyEntry(ctx, PendingID("r"), Entry{ID: CertificateID(fp1), Label: "Firma A/S, udløber 2029-11-24"}); err != nil {
		t.Fatal(err)
	}
	list, _ := v.List(ctx)
	if len(list) != 1 || list[0].Label != "Firma A/S, udløber 2029-11-24" {
		t.Errorf("List = %+v", list)
	}
}

// TestIndexPagesFitEveryStore saves many entries with long labels: every
// item written stays under Windows' limit, and the list survives whole.
func TestIndexPagesFitEveryStore(t *testing.T) {
	big := 0
	rec := &recorder{}
	v := mockVault(t, WithBackend(rec))
	ctx := context.Background()
	const n = 60
	label := strings.Repeat("Ærø Østerbro Tømrer- og Snedkerforretning ApS ", 5)
	for i := 0; i < n; i++ {
		if err := v.Save(ctx, certID(i), label, "pw"); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; ; i++ {
		raw, err := keyring.Get(Service, pageName(i))
		if err != nil {
			break
		}
		if len(raw) > MaxPasswordBytes {
			t.Errorf("page %d is %d bytes", i, len(raw))
		}
		big = i + 1
	}
	if big < 2 {
		t.Fatalf("expected the list to need several pages, got %d", big)
	}
	list, err := v.List(ctx)
	if err != nil || len(list) != n {
		t.Fatalf("List: %d entries, %v", len(list), err)
	}
	if list[0].ID != certID(n-1) {
		t.Errorf("newest first: got %s", list[0].ID)
	}
	for i := 1; i < n; i++ {
		if err := v.Delete(ctx, certID(i)); err != nil {
			t.Fatal(err)
		}
	}
	if list, _ := v.List(ctx); len(list) != 1 || list[0].ID != certID(0) {
		t.Errorf("after deleting: %+v", list)
	}
	if _, err := keyring.Get(Service, pageName(1)); !errors.Is(err, keyring.ErrNotFound) {
		t.Errorf("a page no longer needed is left behind: %v", err)
	}
}

func TestCandidates(t *testing.T) {
	v := mockVault(t)
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(v.Save(ctx, certID(1), "old", "old-pw"))
	must(v.Save(ctx, PendingID("r1"), "", "new-pw"))
	must(v.Save(ctx, certID(2), "newer", "newer-pw"))
	must(v.Save(ctx, certID(3), "same", "new-pw")) // a repeat is tried once
	must(v.Save(ctx, certID(4), "gone", "gone-pw"))
	must(keyring.Delete(Service, certID(4))) // listed, but no longer in the store
	got := candidates(ctx, v)
	want := []string{"new-pw", "newer-pw", "old-pw"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Candidates = %q, want %q", got, want)
	}
	entries := v.CandidateEntries(ctx)
	if len(entries) != 3 || entries[0].ID != PendingID("r1") || entries[1].ID != certID(2) || entries[2].ID != certID(1) {
		t.Errorf("CandidateEntries = %+v", entries)
	}
}

// blocking is a store that never answers until released, like go-keyring
// on Linux when no Secret Service replies.
type blocking struct {
	release chan struct{}
	calls   chan string
}

func (b *blocking) wait(op string) {
	select {
	case b.calls <- op:
	default:
	}
	<-b.release
}
func (b *blocking) Set(_, _, _ string) error        { b.wait("set"); return nil }
func (b *blocking) Get(_, _ string) (string, error) { b.wait("get"); return "", keyring.ErrNotFound }
func (b *blocking) Delete(_, _ string) error        { b.wait("delete"); return nil }

// A hung store gets its sentence when the call's time is up; while that
// call still hangs, the next ones answer at once that the store is locked
// (reaching no store but for one probe); when the store answers again, the
// vault works again.
func TestTimeout(t *testing.T) {
	b := &blocking{release: make(chan struct{}), calls: make(chan string, 10)}
	ended := make(chan string, 10)
	v := New(WithBackend(b), WithTimeout(20*time.Millisecond), WithEvents(func(e string) { ended <- e }))
	v.probeWait = 0
	ctx := context.Background()
	if err := v.Save(ctx, PendingID("r"), "", "pw"); !errors.Is(err, ErrTimeout) {
		t.Fatalf("Save on a hung store: %v, want ErrTimeout", err)
	}
	if _, err := v.Get(ctx, PendingID("r")); !errors.Is(err, ErrLocked) {
		t.Fatalf("Get on a hung store: %v", err)
	}
	if _, err := v.List(ctx); !errors.Is(err, ErrLocked) {
		t.Fatalf("List: %v", err)
	}
	if got := candidates(ctx, v); got != nil {
		t.Fatalf("Candidates: %q", got)
	}
	if len(b.calls) > 2 {
		t.Fatalf("%d calls reached the hung store, want at most 2 (the save's, one probe)", len(b.calls))
	}
	// When the store wakes up, the vault works again.
	close(b.release)
	wait(ended, "ended")
	if _, err := v.List(ctx); err != nil {
		t.Fatalf("List after the store answered again: %v", err)
	}
}

func TestCanceled(t *testing.T) {
	b := &blocking{release: make(chan struct{}), calls: make(chan string, 10)}
	defer close(b.release)
	v := New(WithBackend(b), WithTimeout(time.Hour))
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-b.calls; cancel() }()
	err := v.Save(ctx, PendingID("r"), "", "pw")
	if !errors.Is(err, context.Canceled) || errors.Is(err, ErrTimeout) {
		t.Fatalf("Save canceled: %v", err)
	}
}

func TestCallLimit(t *testing.T) {
	if New().timeout != CallLimit || New(WithTimeout(time.Second)).timeout != time.Second {
		t.Error("timeout option ignored")
	}
	if New(WithTimeout(0)).timeout != CallLimit {
		t.Error("a zero timeout must not mean no timeout")
	}
}

// Concurrent calls are serialised: none of the saves is lost from the list.
func TestConcurrentSaves(t *testing.T) {
	v := mockVault(t)
	var wg sync.WaitGroup
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := v.Save(context.Background(), certID(i), "", "pw"); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if list, _ := v.List(context.Background()); len(list) != 16 {
		t.Errorf("%d of 16 concurrent saves listed", len(list))
	}
}

func TestLabelIsShortened(t *testing.T) {
	got := cleanLabel(strings.Repeat("å", 500))
	if n := len([]rune(got)); n != maxLabelRunes || !strings.HasSuffix(got, "…") {
		t.Errorf("label of %d runes: %q", n, got)
	}
}

func TestEveryErrorHasASentence(t *testing.T) {
	stopped, stop := context.WithCancel(context.Background())
	stop()
	errs := []error{ErrTimeout, ErrNotFound, ErrUnavailable, ErrTooLong, ErrBadID, ErrMismatch, ErrLocked,
		ctxErr(stopped), classify(errors.New("dbus: no reply"), ""), fmt.Errorf("%w: x", ErrBadID), known(errors.New("dbus: gone"))}
	keys := map[string]bool{}
	for _, err := range errs {
		f, _ := msg.FaultOf(err)
		key := f.Key
		keys[key] = true
		for _, l := range msg.Languages {
			if msg.Catalogue(l)[key] == "" {
				t.Errorf("%v: key %q has no %s text", err, key, l)
			}
		}
	}
	if len(keys) != 8 {
		t.Errorf("%d distinct sentences for 8 kinds of failure", len(keys))
	}
	if !errors.Is(ctxErr(stopped), context.Canceled) {
		t.Error("a stopped call is not context.Canceled")
	}
	names := map[string]bool{}
	for _, goos := range []string{"windows", "darwin", "linux", "freebsd"} {
		key := StoreName(goos)
		names[key] = true
		for _, l := range msg.Languages {
			if msg.Catalogue(l)[key] == "" {
				t.Errorf("%s: store name %q has no %s text", goos, key, l)
			}
		}
	}
	if len(names) != 3 {
		t.Errorf("store names: %v", names)
	}
	if got := msg.T("en", StoreName("windows"), nil); got != "Windows Credential Manager" {
		t.Errorf("Windows store: %q", got)
	}
}

// Every screen that lists the saved passwords follows the store: a save, a
// re-key and a delete each tell the watchers, a failed call does not, and
// a stopped watcher hears nothing more.
func TestWatchFollowsChanges(t *testing.T) {
	v := mockVault(t)
	ctx := context.Background()
	calls := make(chan struct{}, 10)
	stop := v.Watch(func() { calls <- struct{}{} })
	expect := func(what string, n int) {
		t.Helper()
		for range n {
			<-calls // a hang is the test binary's time-out
		}
		select {
		case <-calls:
			t.Fatalf("%s: more changes reported than made", what)
		case <-time.After(50 * time.Millisecond):
		}
	}
	if err := v.Save(ctx, PendingID("r1"), "", "kode-1"); err != nil {
		t.Fatal(err)
	}
	expect("save", 1)
	if err := v.RekeyEntry(ctx, PendingID("r1"), Entry{ID: CertificateID(fp1), Label: "Firma"}); err != nil {
		t.Fatal(err)
	}
	expect("re-key", 1)
	if err := v.Save(ctx, "not an id", "", "kode"); err == nil {
		t.Fatal("an invalid id was saved")
	}
	expect("refused save", 0)
	stop()
	if err := v.Delete(ctx, CertificateID(fp1)); err != nil {
		t.Fatal(err)
	}
	expect("after stop", 0)
}

// A hand-over's password (a copy's own) is tried last, after every
// certificate's, even when saved after them; it is never one of the
// certificate's passwords (Opens, CertificateOf), and HandOverOf tells
// whose copy it opens.
func TestHandOverPasswordsAreNotTheCertificates(t *testing.T) {
	v := mockVault(t)
	ctx := context.Background()
	fp := strings.Repeat("ab", 32)
	handOver := HandOverID(fp, time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC))
	for _, e := range []struct{ id, pw string }{
		{CertificateID(fp), "own-pw"},
		{handOver, "copy-pw"},
		{PendingID("r1"), "pending-pw"},
	} {
		if err := v.Save(ctx, e.id, "", e.pw); err != nil {
			t.Fatal(err)
		}
	}
	entries := v.CandidateEntries(ctx)
	if len(entries) != 3 || entries[0].ID != PendingID("r1") || entries[1].ID != CertificateID(fp) || entries[2].ID != handOver {
		t.Errorf("CandidateEntries = %+v; want the hand-over's last", entries)
	}
	if Opens(handOver, fp) {
		t.Error("a hand-over's password counts as the certificate's")
	}
	if _, ok := CertificateOf(handOver); ok {
		t.Error("a hand-over id names a certificate's password")
	}
	if !HandOverOf(handOver, fp) || HandOverOf(handOver, strings.Repeat("cd", 32)) || HandOverOf(CertificateID(fp), fp) {
		t.Error("HandOverOf")
	}
}

// candidates are the passwords CandidateEntries gives, in its order.
func candidates(ctx context.Context, v *Vault) []string {
	var out []string
	for _, c := range v.CandidateEntries(ctx) {
		out = append(out, c.Password)
	}
	return out
}
