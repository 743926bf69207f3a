package vault

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/zalando/go-keyring"
)

// The store takes one call at a time: the list of saved passwords is read,
// changed and written back, and a write that ends late must never
// overwrite a newer one. A call whose caller stopped waiting (its time
// limit, or its context) before the store answered is abandoned. It cannot
// be stopped: go-keyring on Linux waits for the answer to the keyring's
// unlock prompt, forever when none comes (Z19). Its goroutine goes on and
// keeps the store; meanwhile:
//
//   - every other call answers ErrLocked within ProbeWait, instead of
//     waiting out its own time limit behind it (and the next behind that
//     one), unless the probe finds the store answering again meanwhile;
//   - the abandoned call does nothing more in the store: each of its
//     later steps is refused (guarded), and when it ends, what it wrote is
//     undone, newest first, before the store is free again. Its caller was
//     told it failed, so it leaves the store as it found it: a write that
//     ends late never leaves its password behind, nor over a newer one;
//   - one probe at a time reads the list; when the store answers it (it
//     was unlocked, or started again while the abandoned call still waits
//     on a prompt that is gone), an abandoned call that waits on a read is
//     retired: what it wrote is undone, the store is free for the next
//     call, and every step it might still try is refused. One that waits
//     inside a write keeps the store until the write ends, and is undone
//     then.
//
// Every write is preceded, in its own call, by a read of the same item
// (guarded.write, which keeps the old value to undo it with), so a call
// that meets a locked store waits at that read, where it can be retired
// without harm, rather than inside the write.

// call is one call that holds the store. Its fields are guarded by
// Vault.mu; undo is read without it only once the call has finished.
type call struct {
	abandoned bool // the caller stopped waiting before the store answered
	retired   bool // abandoned, and the store answered a probe since: it no longer holds it
	finished  bool // the work ended (it may still be undoing)
	writing   bool // a write of it is with the store: it is not retired
	undo      []func(Backend) error
}

// hold is the Vault's record of who holds the store.
type hold struct {
	mu         sync.Mutex
	holder     *call         // nil when the store is free
	changed    chan struct{} // closed, and replaced, when holder changes or is abandoned
	probing    bool          // a probe of the store is under way
	probeSince time.Time     // when the newest probe started
	probes     int           // probes started
	// probeInstance is the store the newest probe asked (instancer).
	probeInstance string
	probeWait     time.Duration      // ProbeWait; 0 (tests): ErrLocked at once
	notify        func(event string) // tests (WithEvents): "ended" when an abandoned call ended, "probed" after a probe
}

// errAbandoned is what an abandoned call's refused steps return; its
// caller is gone, so no one reads it.
var errAbandoned = errors.New("vault: the call was abandoned")

// broadcast wakes the calls waiting for the store; v.mu held.
func (v *Vault) broadcast() {
	close(v.changed)
	v.changed = make(chan struct{})
}

// acquire makes a call the store's holder, waiting while another call
// works; ErrLocked while an abandoned call holds it, once a probe has had
// ProbeWait to find the store answering again.
func (v *Vault) acquire(ctx context.Context) (*call, error) {
	var locked <-chan time.Time // ProbeWait after a stuck call was first met
	for {
		v.mu.Lock()
		if v.holder == nil {
			c := &call{}
			v.holder = c
			v.mu.Unlock()
			return c, nil
		}
		changed := v.changed
		if v.holder.abandoned {
			// Which store answers now (asked without the lock: it is a
			// call to the system); then the probe, which may find it
			// answering again at once (unlocked, or started again): then
			// this call goes on.
			v.mu.Unlock()
			instance := v.instance()
			v.mu.Lock()
			if v.holder == nil || !v.holder.abandoned {
				v.mu.Unlock()
				continue
			}
			changed = v.changed
			v.probe(instance)
			wait := v.probeWait
			v.mu.Unlock()
			if wait <= 0 {
				return nil, ErrLocked
			}
			if locked == nil {
				t := time.NewTimer(wait)
				defer t.Stop()
				locked = t.C
			}
			select {
			case <-changed:
				continue
			case <-locked:
				return nil, ErrLocked
			case <-ctx.Done():
				if errors.Is(ctx.Err(), context.DeadlineExceeded) {
					return nil, ErrLocked // the store is what is stuck, not this call
				}
				return nil, ctxErr(ctx)
			}
		}
		v.mu.Unlock()
		select {
		case <-changed:
		case <-ctx.Done():
			return nil, ctxErr(ctx)
		}
	}
}

// abandon marks c abandoned, unless its work has ended already (then its
// answer stands: false). Waiting calls learn it at once.
func (v *Vault) abandon(c *call) bool {
	v.mu.Lock()
	defer v.mu.Unlock()
	if c.finished {
		return false
	}
	c.abandoned = true
	v.broadcast()
	return true
}

// finish ends c: an abandoned call that still holds the store undoes its
// writes first (no other call has run since it began); then the store is
// free. A retired call holds nothing any more: the probe undid and freed.
func (v *Vault) finish(c *call) {
	v.mu.Lock()
	c.finished = true                       // from here on it cannot be retired
	retired, undo := c.retired, c.abandoned // abandoned is final once finished
	v.mu.Unlock()
	if !retired {
		if undo {
			v.undo(c)
		}
		v.release(c)
	}
	if c.abandoned {
		v.tellTests("ended")
	}
}

// release frees the store if c still holds it, and tells the waiting
// calls; the one way a call's hold ends (finish, or a probe retiring it).
func (v *Vault) release(c *call) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.holder == c {
		v.holder = nil
		v.broadcast()
	}
}

// undo puts back what c wrote, newest first: a store that fails again
// keeps what it has. Only while c still holds the store, and no longer
// runs (finished or retired).
func (v *Vault) undo(c *call) {
	for i := len(c.undo) - 1; i >= 0; i-- {
		_ = c.undo[i](v.b)
	}
}

func (v *Vault) tellTests(event string) {
	if v.notify != nil {
		v.notify(event)
	}
}

// probe asks the store for the list, once at a time, while an abandoned
// call holds it; v.mu held. When the store answers, whatever it says, it
// is no longer stuck, and the abandoned call is retired: what it wrote is
// undone and the store is free. Unless it is in the middle of a write,
// which might still land: then it keeps the store until it ends, and is
// undone then.
//
// A probe that has not answered is taken for stuck too, and the next call
// starts another, when the store answering is another than the one it
// asked (instance: the keyring was started again, and the probe waits on
// the one that is gone), or after the call limit: not at every Save, so a
// locked keyring is not asked to show its unlock prompt again each time.
func (v *Vault) probe(instance string) {
	if v.probing && instance == v.probeInstance && time.Since(v.probeSince) < v.timeout {
		return
	}
	v.probing, v.probeSince, v.probeInstance = true, time.Now(), instance
	v.probes++
	n, stuck := v.probes, v.holder
	go func() {
		defer v.tellTests("probed")
		_, _ = v.b.Get(Service, indexName) // read only; only that it answers counts
		v.mu.Lock()
		if v.probes == n {
			v.probing = false
		}
		// Retired once, by one probe: a second probe that answers while
		// the first still undoes must neither undo again (over a Save
		// that came after) nor free the store under another call
		// (review R1).
		if v.holder != stuck || stuck.finished || stuck.writing || stuck.retired {
			v.mu.Unlock()
			return
		}
		stuck.retired = true // it writes nothing more, and its finish frees nothing
		v.mu.Unlock()
		v.undo(stuck)
		v.release(stuck)
	}()
}

// stopped reports whether c may no longer touch the store.
func (v *Vault) stopped(c *call) bool {
	v.mu.Lock()
	defer v.mu.Unlock()
	return c.abandoned || c.retired
}

// guarded is the Backend a call's work gets: it refuses every step once
// the call is abandoned, and keeps how to undo each write.
type guarded struct {
	v *Vault
	c *call
}

// guardedAll is guarded over a store that can delete a service's items.
type guardedAll struct{ guarded }

func (v *Vault) guard(c *call) Backend {
	g := guarded{v: v, c: c}
	if _, ok := v.b.(allDeleter); ok {
		return guardedAll{g}
	}
	return g
}

func (g guarded) Get(service, user string) (string, error) {
	if g.v.stopped(g.c) {
		return "", errAbandoned
	}
	return g.v.b.Get(service, user)
}

func (g guarded) Set(service, user, password string) error {
	return g.write(service, user, func(b Backend) error { return b.Set(service, user, password) })
}

func (g guarded) SetLabeled(service, user, label, password string) error {
	return g.write(service, user, func(b Backend) error {
		if l, ok := b.(labeledSetter); ok {
			return l.SetLabeled(service, user, label, password)
		}
		return b.Set(service, user, password)
	})
}

func (g guarded) Delete(service, user string) error {
	return g.write(service, user, func(b Backend) error { return b.Delete(service, user) })
}

// DeleteAll is Forget's, which the user asked for with every password
// gone; it is not undone.
func (g guardedAll) DeleteAll(service string) error {
	if !g.begin(nil) {
		return errAbandoned
	}
	defer g.end()
	return g.v.b.(allDeleter).DeleteAll(service)
}

// write reads the item first, which is where a locked store makes the call
// wait, and keeps how to put it back; then, unless the call was abandoned
// meanwhile, writes.
func (g guarded) write(service, user string, w func(Backend) error) error {
	if g.v.stopped(g.c) {
		return errAbandoned
	}
	var undo func(Backend) error
	old, err := g.v.b.Get(service, user)
	switch {
	case errors.Is(err, keyring.ErrNotFound):
		undo = func(b Backend) error {
			if err := b.Delete(service, user); err != nil && !errors.Is(err, keyring.ErrNotFound) {
				return err
			}
			return nil
		}
	case err != nil:
		return err
	default:
		undo = func(b Backend) error { return b.Set(service, user, old) }
	}
	if !g.begin(undo) {
		return errAbandoned
	}
	defer g.end()
	return w(g.v.b)
}

// begin starts a write, with how to undo it, unless the call may no
// longer touch the store.
func (g guarded) begin(undo func(Backend) error) bool {
	g.v.mu.Lock()
	defer g.v.mu.Unlock()
	if g.c.abandoned || g.c.retired {
		return false
	}
	if undo != nil {
		g.c.undo = append(g.c.undo, undo)
	}
	g.c.writing = true
	return true
}

// end ends the write begin started.
func (g guarded) end() {
	g.v.mu.Lock()
	defer g.v.mu.Unlock()
	g.c.writing = false
}

// instancer is a Backend that can say which store answers it: on Linux the
// Secret Service's owner on the session bus, which changes when the
// keyring is started again (labels_unix.go). "" when it cannot tell.
type instancer interface {
	Instance() string
}

func (v *Vault) instance() string {
	if i, ok := v.b.(instancer); ok {
		return i.Instance()
	}
	return ""
}
