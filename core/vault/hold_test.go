package vault

import (
	"context"
	"errors"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"github.com/fornyer/fornyer/core/msg"
)

// gated is a store in memory with gates: the n-th operation on an item from
// when the gate was set ("get pending:r", 2) waits at it until the test
// opens it, like go-keyring waiting for an unlock prompt no one answers.
type gated struct {
	mu       sync.Mutex
	gates    map[string]chan struct{} // "op user#n"
	seen     map[string]int           // "op user": operations since its gate was set
	arrived  chan string              // "op user" of each operation stopped at a gate
	instance string
	store    sync.Mutex // items, one operation at a time
	items    map[string]string
}

func newGated() *gated {
	return &gated{gates: map[string]chan struct{}{}, seen: map[string]int{}, arrived: make(chan string, 16), items: map[string]string{}}
}

// gate stops the n-th operation op on user from now; closing the channel
// lets it through.
func (g *gated) gate(op, user string, n int) chan struct{} {
	g.mu.Lock()
	defer g.mu.Unlock()
	ch := make(chan struct{})
	g.seen[op+" "+user] = 0
	g.gates[op+" "+user+"#"+strconv.Itoa(n)] = ch
	return ch
}

func (g *gated) pass(op, user string) {
	key := op + " " + user
	g.mu.Lock()
	g.seen[key]++
	gate, ok := g.gates[key+"#"+strconv.Itoa(g.seen[key])]
	g.mu.Unlock()
	if ok {
		g.arrived <- key
		<-gate
	}
}

// Instance is which store answers (instancer): the test changes it to
// start the keyring again.
func (g *gated) Instance() string {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.instance
}

func (g *gated) restart() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.instance += "+"
}

// Its store is its own (a probe left hanging by an earlier test must not
// read the next test's), one operation at a time.
func (g *gated) Set(s, u, p string) error {
	g.pass("set", u)
	g.store.Lock()
	defer g.store.Unlock()
	g.items[u] = p
	return nil
}

func (g *gated) Get(s, u string) (string, error) {
	g.pass("get", u)
	g.store.Lock()
	defer g.store.Unlock()
	p, ok := g.items[u]
	if !ok {
		return "", keyring.ErrNotFound
	}
	return p, nil
}

func (g *gated) Delete(s, u string) error {
	g.pass("delete", u)
	g.store.Lock()
	defer g.store.Unlock()
	if _, ok := g.items[u]; !ok {
		return keyring.ErrNotFound
	}
	delete(g.items, u)
	return nil
}

// holds is what the store holds under u, read behind the vault's back.
func (g *gated) holds(u string) (string, bool) {
	g.store.Lock()
	defer g.store.Unlock()
	p, ok := g.items[u]
	return p, ok
}

// gatedVault is a vault over g with no time limit of its own that tells
// the test when an abandoned call has let go of the store and when a
// probe ended.
func gatedVault(g *gated) (*Vault, chan string) {
	events := make(chan string, 16)
	v := New(WithBackend(g), WithTimeout(time.Hour), WithClock(clock()), WithEvents(func(e string) { events <- e }))
	v.probeWait = 0 // ErrLocked at once, whatever the probe finds (TestTheNextSaveWorksOnceTheStoreAnswers waits)
	return v, events
}

// wait takes events until want comes (a hang is the test binary's
// time-out).
func wait(events chan string, want string) {
	for e := range events {
		if e == want {
			return
		}
	}
}

// abandonAt saves password under id and gives up on the call once it waits
// at the gate on key: the call is abandoned there, as a Save is when the
// keyring's unlock prompt is not answered in time.
func abandonAt(t *testing.T, v *Vault, g *gated, key, id, password string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- v.Save(ctx, id, "", password) }()
	if got := <-g.arrived; got != key {
		t.Fatalf("the save waited at %q, want %q", got, key)
	}
	cancel()
	if err := <-errc; !errors.Is(err, context.Canceled) {
		t.Fatalf("the abandoned save: %v", err)
	}
}

func password(t *testing.T, v *Vault, id string) string {
	t.Helper()
	p, err := v.Get(context.Background(), id)
	if errors.Is(err, ErrNotFound) {
		return "(none)"
	}
	if err != nil {
		t.Fatalf("Get %s: %v", id, err)
	}
	return p
}

// Z19: while a call abandoned on a locked keyring still waits, the next
// calls answer at once that the store is locked, reach no store, and
// change nothing; once it ends (the prompt answered), the next Save
// works, without a restart.
func TestAStuckCallAnswersTheNextAtOnce(t *testing.T) {
	g := newGated()
	v, events := gatedVault(g)
	id := PendingID("r")
	stuck := g.gate("get", id, 1) // the save's first step, the read before its write
	abandonAt(t, v, g, "get "+id, id, "first-password")
	probe := g.gate("get", indexName, 1)

	ctx := context.Background()
	if err := v.Save(ctx, id, "", "second-password"); !errors.Is(err, ErrLocked) || msg.Code(err) != "locked" {
		t.Fatalf("Save while a call is stuck: %v (%s), want ErrLocked at once", err, msg.Code(err))
	}
	if got := <-g.arrived; got != "get "+indexName {
		t.Fatalf("the probe read %q", got)
	}
	if _, err := v.Get(ctx, id); !errors.Is(err, ErrLocked) {
		t.Fatalf("Get while a call is stuck: %v", err)
	}
	if _, err := v.List(ctx); !errors.Is(err, ErrLocked) {
		t.Fatalf("List while a call is stuck: %v", err)
	}
	if p, ok := g.holds(id); ok {
		t.Fatalf("a refused Save wrote %q", p)
	}

	close(stuck) // the prompt is answered: the stuck read ends
	wait(events, "ended")
	if got := password(t, v, id); got != "(none)" {
		t.Fatalf("the abandoned Save wrote after it was told it failed: %q", got)
	}
	if err := v.Save(ctx, id, "", "second-password"); err != nil {
		t.Fatalf("Save once the stuck call ended: %v", err)
	}
	close(probe)
	wait(events, "probed")
	if got := password(t, v, id); got != "second-password" {
		t.Fatalf("saved %q, want the second password", got)
	}
}

// A write that lands after its call was abandoned is undone before the
// store is free: the store holds what it held before, never the older
// password over the newer Save that follows.
func TestALateWriteIsUndone(t *testing.T) {
	g := newGated()
	v, events := gatedVault(g)
	ctx := context.Background()
	id := PendingID("r")
	if err := v.Save(ctx, id, "", "password-before"); err != nil {
		t.Fatal(err)
	}
	write := g.gate("set", id, 1)
	abandonAt(t, v, g, "set "+id, id, "late-password")

	// The store answers the probe, but the write may still land: the
	// stuck call keeps the store.
	if err := v.Save(ctx, id, "", "newer-password"); !errors.Is(err, ErrLocked) {
		t.Fatalf("Save while a write is stuck: %v", err)
	}
	wait(events, "probed")
	if err := v.Save(ctx, id, "", "newer-password"); !errors.Is(err, ErrLocked) {
		t.Fatalf("Save while a write is stuck, after the probe: %v", err)
	}
	wait(events, "probed")

	close(write) // the late password lands in the store
	wait(events, "ended")
	if got := password(t, v, id); got != "password-before" {
		t.Fatalf("after the late write: %q, want the password from before", got)
	}
	list, err := v.List(ctx)
	if err != nil || len(list) != 1 {
		t.Fatalf("list after the late write: %+v, %v", list, err)
	}
	if err := v.Save(ctx, id, "", "newer-password"); err != nil {
		t.Fatal(err)
	}
	if got := password(t, v, id); got != "newer-password" {
		t.Fatalf("saved %q", got)
	}
}

// Z19, the keyring started again: the stuck call waits on a prompt that is
// gone and never ends. When the store answers the probe, the stuck call is
// retired: what it wrote is undone, the next Save works, and when the
// stuck call does end, long after, it writes nothing over the newer
// password.
func TestARetiredCallWritesNothingMore(t *testing.T) {
	for _, c := range []struct {
		name   string
		n      int    // which read of the item the call is stuck at
		before string // the password saved before
	}{
		{"stuck before it wrote", 1, ""},
		{"stuck after it wrote", 2, "password-before"},
	} {
		t.Run(c.name, func(t *testing.T) {
			g := newGated()
			v, events := gatedVault(g)
			ctx := context.Background()
			id := PendingID("r")
			want := "(none)"
			if c.before != "" {
				if err := v.Save(ctx, id, "", c.before); err != nil {
					t.Fatal(err)
				}
				want = c.before
			}
			stuck := g.gate("get", id, c.n)
			abandonAt(t, v, g, "get "+id, id, "stuck-password")

			if err := v.Save(ctx, id, "", "newer-password"); !errors.Is(err, ErrLocked) {
				t.Fatalf("Save while a call is stuck: %v", err)
			}
			wait(events, "probed")
			if got := password(t, v, id); got != want {
				t.Fatalf("once retired: %q, want %q", got, want)
			}
			if err := v.Save(ctx, id, "", "newer-password"); err != nil {
				t.Fatalf("Save once the store answers again: %v", err)
			}

			close(stuck)
			wait(events, "ended")
			if got := password(t, v, id); got != "newer-password" {
				t.Fatalf("after the stuck call ended: %q, want the newer password", got)
			}
			list, err := v.List(ctx)
			if err != nil || len(list) != 1 {
				t.Fatalf("list: %+v, %v", list, err)
			}
		})
	}
}

// Z19, the keyring unlocked or started again while the stuck call still
// waits on its prompt: the next Save finds it answering (the probe, within
// ProbeWait) and works, without a restart and without a Save refused
// first. A probe itself stuck on a keyring that is gone is followed by a
// new one once the call limit has passed.
func TestTheNextSaveWorksOnceTheStoreAnswers(t *testing.T) {
	for _, probe := range []string{"answers", "stuck, the keyring started again", "stuck past the call limit"} {
		g := newGated()
		v, events := gatedVault(g)
		ctx := context.Background()
		id := PendingID("r")
		stuck := g.gate("get", id, 1)
		abandonAt(t, v, g, "get "+id, id, "stuck-password")
		if probe != "answers" {
			gate := g.gate("get", indexName, 1)
			defer close(gate)
			if err := v.Save(ctx, id, "", "newer-password"); !errors.Is(err, ErrLocked) {
				t.Fatalf("Save while the probe is stuck too: %v", err)
			}
			<-g.arrived // the first probe, stuck
			if probe == "stuck past the call limit" {
				v.mu.Lock()
				v.probeSince = v.probeSince.Add(-2 * v.timeout)
				v.mu.Unlock()
			} else {
				g.restart()
			}
		}
		v.probeWait = time.Hour // only the store's answer ends the wait
		if err := v.Save(ctx, id, "", "newer-password"); err != nil {
			t.Fatalf("probe %s: Save once the store answers again: %v", probe, err)
		}
		close(stuck)
		wait(events, "ended")
		if got := password(t, v, id); got != "newer-password" {
			t.Fatalf("probe %s: %q", probe, got)
		}
	}
}

// Review R1: a second probe that answers while the first still undoes the
// retired call neither undoes again nor frees the store: the Save that
// comes once the first probe has undone and freed it is what the store
// keeps.
func TestASecondProbeDoesNotUndoAgain(t *testing.T) {
	g := newGated()
	v, events := gatedVault(g)
	ctx := context.Background()
	id := PendingID("r")
	if err := v.Save(ctx, id, "", "password-before"); err != nil {
		t.Fatal(err)
	}
	stuck := g.gate("get", id, 2) // stuck at the read-back, after it wrote
	abandonAt(t, v, g, "get "+id, id, "stuck-password")

	undo := g.gate("set", id, 1) // probe 1's undo of the write is slow
	if err := v.Save(ctx, id, "", "x"); !errors.Is(err, ErrLocked) {
		t.Fatalf("Save while stuck: %v", err)
	}
	if got := <-g.arrived; got != "set "+id {
		t.Fatalf("probe 1 waits at %q", got)
	}
	// Save again while probe 1 undoes: probe 2 answers, and leaves it be.
	if err := v.Save(ctx, id, "", "x"); !errors.Is(err, ErrLocked) {
		t.Fatalf("Save while probe 1 undoes: %v", err)
	}
	wait(events, "probed")
	if err := v.Save(ctx, id, "", "newer-password"); !errors.Is(err, ErrLocked) {
		t.Fatalf("Save while probe 1 still undoes: %v (the store was freed under it)", err)
	}
	close(undo)
	for { // each refused Get starts a probe of its own: wait on the next
		wait(events, "probed")
		got, err := v.Get(ctx, id)
		if errors.Is(err, ErrLocked) {
			continue // probe 1 still undoing
		}
		if err != nil || got != "password-before" {
			t.Fatalf("once probe 1 has undone: %q, %v; want the password from before", got, err)
		}
		break
	}
	if err := v.Save(ctx, id, "", "newer-password"); err != nil {
		t.Fatalf("Save once free: %v", err)
	}
	close(stuck)
	wait(events, "ended")
	if got := password(t, v, id); got != "newer-password" {
		t.Fatalf("the store holds %q, want the newer password the user was told is saved", got)
	}
}

// Review R2, as the walk met it: the Save stuck at the locked keyring's
// prompt, the probe stuck at it too, and the keyring started again (a new
// Secret Service on the bus; the old prompts never answer). The next
// Saves work, with no restart of Fornyer.
func TestAProbeStuckOnAKeyringStartedAgainIsReplaced(t *testing.T) {
	g := newGated()
	v, _ := gatedVault(g)
	ctx := context.Background()
	id := PendingID("r")
	_ = g.gate("get", id, 1) // never answered
	abandonAt(t, v, g, "get "+id, id, "first-password")
	_ = g.gate("get", indexName, 1) // never answered
	if err := v.Save(ctx, id, "", "x"); !errors.Is(err, ErrLocked) {
		t.Fatalf("Save while stuck: %v", err)
	}
	if got := <-g.arrived; got != "get "+indexName {
		t.Fatalf("probe at %q", got)
	}
	g.restart()
	v.probeWait = time.Hour // the window's wait, made long: only the store's answer ends it
	for i := range 3 {
		if err := v.Save(ctx, id, "", "second-password"); err != nil {
			t.Fatalf("Save %d with the keyring started again: %v", i+1, err)
		}
	}
	if got := password(t, v, id); got != "second-password" {
		t.Fatalf("%q", got)
	}
}
