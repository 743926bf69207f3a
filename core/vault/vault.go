// Package vault owns the certificates' passwords: it keeps them in the
// operating system's credential store (Windows Credential Manager, macOS
// Keychain, the Secret Service on Linux) through go-keyring, and nowhere
// else. Nothing here writes a file: not the passwords, and not the list of
// what is saved, which is one more item in the same store.
//
// Every call has a timeout, because a credential store can hang (on Linux
// go-keyring waits forever when no Secret Service answers, or when an unlock
// prompt is never answered), and every failure is one of a few typed errors
// that the window and the command line turn into a sentence.
package vault

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/zalando/go-keyring"

	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/safetext"
)

// Service is the name Fornyer's items carry in the credential store.
const Service = "Fornyer"

// MaxPasswordBytes is the longest password accepted, on every platform:
// Windows Credential Manager takes no more than 2560 bytes, and a password
// that could be saved on one computer but not on another would be a trap.
const MaxPasswordBytes = 2560

// The errors every call returns (test with errors.Is). Each carries its
// sentence for the user (msg.Sentence) and a stable code.
var (
	// ErrTimeout: the credential store did not answer in time.
	ErrTimeout error = &kindError{"timeout", "the credential store did not answer in time"}
	// ErrNotFound: nothing is saved under that id.
	ErrNotFound error = &kindError{"not_found", "no password is saved under that id"}
	// ErrUnavailable: there is no credential store, it is locked, or it refused.
	ErrUnavailable error = &kindError{"unavailable", "the credential store is not available"}
	// ErrTooLong: the password is longer than MaxPasswordBytes.
	ErrTooLong error = &kindError{"too_long", "the password is longer than the credential store takes"}
	// ErrBadID: the id is neither a pending, a hand-over nor a certificate id.
	ErrBadID error = &kindError{"bad_id", "not a valid entry id"}
	// ErrFull: the certificate has as many different passwords saved as
	// it may keep.
	ErrFull error = &kindError{"full", "too many passwords are saved for that certificate"}
	// ErrMismatch: what was read back is not what was saved.
	ErrMismatch error = &kindError{"mismatch", "the credential store returned something else than was saved"}
	// ErrLocked: an earlier call is still waiting for the credential store
	// (locked, its unlock prompt not answered), so this one was not tried.
	ErrLocked error = &kindError{"locked", "the credential store is locked or still asking for its password"}
	// errCanceled: the caller stopped the call (it also is context.Canceled).
	errCanceled error = &kindError{"canceled", "the call was stopped"}
)

// kindError is one of the vault's errors: a stable code, and words for logs.
type kindError struct{ code, text string }

func (e *kindError) Error() string { return "vault: " + e.text }

// Fault is the sentence "vault.error.<code>", which names the credential
// store ({{.Store}}) as this system calls it, and how long a call waits
// for it ({{.Seconds}}, CallSeconds).
func (e *kindError) Fault() msg.Fault {
	return msg.Fault{Code: e.code, Key: "vault.error." + e.code, Data: map[string]any{"Store": msg.Phrase(StoreName(runtime.GOOS)), "Seconds": CallSeconds}}
}

// Entry describes one saved password, never its value.
type Entry struct {
	ID    string    `json:"id"`
	Label string    `json:"label"` // what it opens: the certificate's owner
	Saved time.Time `json:"saved"`
	// Expires is when the certificate it opens expires, when known, so
	// that two passwords of one organisation can be told apart.
	Expires time.Time `json:"expires,omitzero"`
	// DoesNotOpen is the SHA-256 fingerprint of the certificate whose
	// file this password was tried on and does not open (MarkDoesNotOpen);
	// "" when it was never found wrong. A password saved again under the
	// id is a new entry, without it.
	DoesNotOpen string `json:"does_not_open,omitempty"`
	// Shown is the name the store's own list (Seahorse, Credential
	// Manager, Keychain Access) gives the item, as it was saved
	// (StoreLabel, in that day's language): what the user finds there.
	// "" for an entry an older version saved.
	Shown string `json:"shown,omitempty"`
}

// Pending reports whether the entry belongs to a renewal in progress.
func (e Entry) Pending() bool { return IsPending(e.ID) }

// IsPending reports whether id is a renewal's pending id (PendingID).
func IsPending(id string) bool { return strings.HasPrefix(id, pendingPrefix) }

const (
	pendingPrefix  = "pending:"
	certPrefix     = "sha256:"
	handOverPrefix = "handover:"
	// indexName is the item that lists the entries; it cannot be an entry
	// id, which always has a prefix. Further pages are "index:2", "index:3".
	indexName = "index"
	// indexPageBytes keeps each page of the index well under the smallest
	// item a store takes (Windows, 2560 bytes).
	indexPageBytes = 2000
	maxLabelRunes  = 120
)

// PendingID is the id of the password saved during a renewal, before the
// renewed certificate exists.
func PendingID(renewalID string) string { return pendingPrefix + renewalID }

// HandOverID is the id of the password of a copy of the certificate with
// the fingerprint handed over at a time (core/handover): an entry of its
// own, never one of the certificate's slots, so that it is never taken
// for the certificate's own password (to copy into DPG, or to say it is
// saved). It is still tried when a file is opened, so the copy checks.
func HandOverID(fingerprint string, at time.Time) string {
	return handOverPrefix + strings.TrimPrefix(CertificateID(fingerprint), certPrefix) + "/" + at.UTC().Format("20060102T150405.000Z")
}

// IsHandOver reports whether id is a hand-over's (HandOverID).
func IsHandOver(id string) bool { return strings.HasPrefix(id, handOverPrefix) }

// HandOverOf reports whether id is a hand-over of the certificate with the
// fingerprint (HandOverID).
func HandOverOf(id, fingerprint string) bool {
	return strings.HasPrefix(id, handOverPrefix+strings.TrimPrefix(CertificateID(fingerprint), certPrefix)+"/")
}

// CertificateID is the id of a certificate's password: its SHA-256
// fingerprint in lower-case hex. Colons and spaces are dropped, so a
// fingerprint as a viewer prints it works too.
func CertificateID(fingerprint string) string {
	f := strings.ToLower(strings.NewReplacer(":", "", " ", "").Replace(fingerprint))
	return certPrefix + f
}

// maxSlots bounds how many different passwords one certificate keeps.
const maxSlots = 20

// slotID is the id of a certificate's n-th password (from 1): a
// certificate exported again, or a copy under another password, keeps each.
func slotID(certID string, n int) string {
	if n <= 1 {
		return certID
	}
	return fmt.Sprintf("%s/%d", certID, n)
}

// CertificateOf returns the fingerprint of the certificate whose password
// is saved under id, and false for a pending or invalid id.
func CertificateOf(id string) (string, bool) {
	if !ValidID(id) {
		return "", false
	}
	rest, ok := strings.CutPrefix(id, certPrefix)
	if !ok {
		return "", false
	}
	fp, _, _ := strings.Cut(rest, "/")
	return fp, true
}

// Opens reports whether id holds one of the passwords saved for the
// certificate with the fingerprint.
func Opens(id, fingerprint string) bool {
	fp, ok := CertificateOf(id)
	return ok && strings.TrimPrefix(CertificateID(fingerprint), certPrefix) == fp
}

// ValidID reports whether id is a pending, hand-over or certificate id.
func ValidID(id string) bool {
	for _, prefix := range []string{pendingPrefix, handOverPrefix} {
		if rest, ok := strings.CutPrefix(id, prefix); ok {
			return rest != "" && len(rest) <= 200 && utf8.ValidString(rest) && !strings.ContainsAny(rest, "\x00\n\r")
		}
	}
	if rest, ok := strings.CutPrefix(id, certPrefix); ok {
		if fp, slot, ok := strings.Cut(rest, "/"); ok {
			n, err := strconv.Atoi(slot)
			if err != nil || n < 2 || n > maxSlots || slot != strconv.Itoa(n) {
				return false
			}
			rest = fp
		}
		if len(rest) != 64 {
			return false
		}
		for _, c := range rest {
			if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
				return false
			}
		}
		return true
	}
	return false
}

// Backend is the part of go-keyring the vault uses. New uses go-keyring
// itself; tests put a blocking one in its place (WithBackend) to prove the
// timeouts.
type Backend interface {
	Set(service, user, password string) error
	Get(service, user string) (string, error)
	Delete(service, user string) error
}

// goKeyring calls go-keyring's package functions, so keyring.MockInit and
// keyring.MockInitWithError reach it.
type goKeyring struct{}

var autolaunchOnce sync.Once

func (goKeyring) Set(s, u, p string) error        { return keyring.Set(s, u, p) }
func (goKeyring) Get(s, u string) (string, error) { return keyring.Get(s, u) }
func (goKeyring) Delete(s, u string) error        { return keyring.Delete(s, u) }
func (goKeyring) DeleteAll(s string) error        { return keyring.DeleteAll(s) }

// labeledSetter is a Backend that can also name what a password opens in
// the store's own fields, where its user sees them: on Windows,
// Credential Manager's "User name" and the credential's comment
// (labels_windows.go). go-keyring cannot: it writes TargetName
// "<service>:<user>", UserName "<user>" and no comment.
type labeledSetter interface {
	SetLabeled(service, user, label, password string) error
}

// allDeleter is a Backend that can also remove every item of a service
// (go-keyring's DeleteAll: by the service attribute on Linux and macOS, by
// the "Fornyer:" prefix of the target name on Windows).
type allDeleter interface {
	DeleteAll(service string) error
}

// Vault is the credential store as Fornyer uses it. Its methods are safe for
// concurrent use; they run one at a time, since the index is read, changed
// and written back.
type Vault struct {
	b       Backend
	timeout time.Duration
	now     func() time.Time
	// hold says which call holds the store (hold.go): one at a time, and
	// one abandoned on a hung store answers the others at once.
	hold

	lang func() string // the language of the names in the store's own list

	watchMu  sync.Mutex
	watchers map[*func()]struct{}
	dirty    atomic.Bool // the index changed in the call under way
}

// Watch calls changed each time the list of saved passwords changes through
// this vault (a save, a delete, a re-key), so every screen that shows the
// list follows it. It is called on the goroutine that made the change,
// once the store is free again, so it may call the vault. The returned
// function stops the calls.
func (v *Vault) Watch(changed func()) (stop func()) {
	v.watchMu.Lock()
	defer v.watchMu.Unlock()
	if v.watchers == nil {
		v.watchers = map[*func()]struct{}{}
	}
	key := &changed
	v.watchers[key] = struct{}{}
	return func() {
		v.watchMu.Lock()
		defer v.watchMu.Unlock()
		delete(v.watchers, key)
	}
}

// tell calls the watchers if the call just ended changed the index.
func (v *Vault) tell() {
	if !v.dirty.Swap(false) {
		return
	}
	v.watchMu.Lock()
	watchers := make([]func(), 0, len(v.watchers))
	for w := range v.watchers {
		watchers = append(watchers, *w)
	}
	v.watchMu.Unlock()
	for _, w := range watchers {
		w()
	}
}

// Option changes a Vault made by New.
type Option func(*Vault)

// WithTimeout bounds every call by d instead of CallLimit.
func WithTimeout(d time.Duration) Option {
	return func(v *Vault) {
		if d > 0 {
			v.timeout = d
		}
	}
}

// WithClock sets the clock that dates the entries: the window gives its
// one clock (tests fix it); without it, the machine's.
func WithClock(now func() time.Time) Option { return func(v *Vault) { v.now = now } }

// WithLanguage names the items in the store's own list (StoreLabel) in
// the language lang returns when each is saved: the window's. Without it,
// the system's (msg.Detect).
func WithLanguage(lang func() string) Option { return func(v *Vault) { v.lang = lang } }

// WithEvents tells events (tests: to wait on them, not on time) that a
// call abandoned earlier ended and let go of the store ("ended"), or that
// a probe of a stuck store ended ("probed"; hold.go).
func WithEvents(events func(event string)) Option { return func(v *Vault) { v.notify = events } }

// WithBackend puts b in place of go-keyring (tests: a store that hangs).
func WithBackend(b Backend) Option { return func(v *Vault) { v.b = b } }

// New returns a vault over the operating system's credential store. On
// Linux, when no session bus is known, the first New points the process's
// DBUS_SESSION_BUS_ADDRESS at an address that fails, so that go-keyring's
// D-Bus library cannot launch a bus of its own (see preventAutolaunch).
func New(opts ...Option) *Vault {
	autolaunchOnce.Do(preventAutolaunch)
	v := &Vault{b: goKeyring{}, timeout: CallLimit, now: time.Now, lang: msg.Detect}
	v.changed, v.probeWait = make(chan struct{}), ProbeWait
	for _, o := range opts {
		o(v)
	}
	return v
}

// do runs work against the store in its own goroutine and waits for it, the
// timeout, or ctx, whichever comes first; one call at a time (hold.go).
// ErrLocked at once while a call abandoned earlier holds the store.
func (v *Vault) do(ctx context.Context, work func(b Backend) error) error {
	ctx, cancel := context.WithTimeout(ctx, v.timeout)
	defer cancel()
	c, err := v.acquire(ctx)
	if err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() {
		err := work(v.guard(c))
		v.finish(c)
		done <- err
	}()
	select {
	case err := <-done:
		v.tell()
		return known(err)
	case <-ctx.Done():
		if v.abandon(c) {
			return ctxErr(ctx)
		}
		err := <-done // it ended as the time ran out: its answer stands
		v.tell()
		return known(err)
	}
}

func ctxErr(ctx context.Context) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return ErrTimeout
	}
	return &storeError{kind: errCanceled, cause: ctx.Err().Error(), err: ctx.Err()}
}

// known is err as one of the vault's errors: a failure of the store that
// none of them names is ErrUnavailable, keeping err for errors.Is and the
// technical details.
func known(err error) error {
	if _, ok := msg.FaultOf(err); err == nil || ok {
		return err
	}
	return &storeError{kind: ErrUnavailable, cause: err.Error(), err: err}
}

// storeError is a failure of the store: one of the typed errors, with the
// store's own words kept for the technical details.
type storeError struct {
	kind  error
	cause string
	err   error // what the store or the caller's context returned, if kept
}

func (e *storeError) Error() string { return e.kind.Error() + ": " + e.cause }
func (e *storeError) Unwrap() []error {
	if e.err == nil {
		return []error{e.kind}
	}
	return []error{e.kind, e.err}
}

// classify maps go-keyring's errors onto the vault's. secret, when not
// empty, is scrubbed from the store's message, which Fornyer does not
// control.
func classify(err error, secret string) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, keyring.ErrNotFound):
		return ErrNotFound
	case errors.Is(err, keyring.ErrSetDataTooBig):
		return ErrTooLong
	}
	cause := err.Error()
	if secret != "" {
		cause = strings.ReplaceAll(cause, secret, "***")
	}
	return &storeError{kind: ErrUnavailable, cause: cause}
}

func checkPassword(password string) error {
	if len(password) > MaxPasswordBytes {
		return ErrTooLong
	}
	return nil
}

func checkID(id string) error {
	if !ValidID(id) {
		return fmt.Errorf("%w: %q", ErrBadID, id)
	}
	return nil
}

// Save keeps password under id, described by label in the list, and reads
// it back before it says it is saved (SaveEntry without an expiry).
func (v *Vault) Save(ctx context.Context, id, label, password string) error {
	_, err := v.SaveEntry(ctx, Entry{ID: id, Label: label}, password)
	return err
}

// SaveEntry keeps password under e.ID, described by e's label and expiry,
// and reads it back before it says it is saved; it returns the entry as
// listed. A certificate keeps every different password saved for it: one
// already saved under e.ID is never replaced, the new one gets a slot of
// its own, and the same password again only refreshes its entry. A
// pending id holds the one password of its renewal, replaced when the user
// saves another.
func (v *Vault) SaveEntry(ctx context.Context, e Entry, password string) (Entry, error) {
	if err := checkID(e.ID); err != nil {
		return Entry{}, err
	}
	if err := checkPassword(password); err != nil {
		return Entry{}, err
	}
	err := v.do(ctx, func(b Backend) (err error) {
		e, err = v.save(b, e, password)
		return err
	})
	if err != nil {
		return Entry{}, err
	}
	return e, nil
}

// save is SaveEntry's work, in a call that holds the store.
func (v *Vault) save(b Backend, e Entry, password string) (Entry, error) {
	id, err := freeSlot(b, e.ID, password)
	if err != nil {
		return Entry{}, err
	}
	e = Entry{ID: id, Label: cleanLabel(e.Label), Saved: v.now().UTC().Truncate(time.Second), Expires: e.Expires.UTC()}
	if e.Shown, err = v.put(b, e, password); err != nil {
		return Entry{}, err
	}
	return e, v.updateIndex(b, func(list []Entry) []Entry { return upsert(list, e) })
}

// SaveIfFree is SaveEntry for an id that holds one password (a pending
// one): it saves only when nothing is saved under e.ID, or the same
// password is, in one call, so that no other save comes between the look
// and the save. taken is true, and nothing is written, when another
// password is there.
func (v *Vault) SaveIfFree(ctx context.Context, e Entry, password string) (saved Entry, taken bool, err error) {
	if !IsPending(e.ID) {
		return Entry{}, false, fmt.Errorf("%w: %q holds more than one password", ErrBadID, e.ID)
	}
	if err := checkPassword(password); err != nil {
		return Entry{}, false, err
	}
	err = v.do(ctx, func(b Backend) error {
		got, err := b.Get(Service, e.ID)
		switch {
		case err == nil && got != password:
			taken = true
			return nil
		case err != nil && !errors.Is(err, keyring.ErrNotFound):
			return classify(err, "")
		}
		saved, err = v.save(b, e, password)
		return err
	})
	if err != nil || taken {
		return Entry{}, taken, err
	}
	return saved, false, nil
}

// freeSlot is where a certificate's password goes: the listed slot that
// holds the same password already, else the first slot that holds none
// (not listed, or listed and gone from the store). A pending id is its own
// slot.
func freeSlot(b Backend, id, password string) (string, error) {
	if IsPending(id) || IsHandOver(id) {
		return id, nil
	}
	list, _, err := readIndex(b)
	if err != nil {
		return "", err
	}
	fp, _ := CertificateOf(id)
	used := map[string]bool{}
	for _, e := range list {
		if !Opens(e.ID, fp) {
			continue
		}
		got, err := b.Get(Service, e.ID)
		switch {
		case err == nil && got == password:
			return e.ID, nil
		case err == nil:
			used[e.ID] = true
		case !errors.Is(err, keyring.ErrNotFound):
			return "", classify(err, "")
		}
		// Listed, but gone from the store (deleted in its own list, Z20):
		// the slot is free again, and its line is replaced.
	}
	for n := 1; n <= maxSlots; n++ {
		if slot := slotID(certPrefix+fp, n); !used[slot] {
			return slot, nil
		}
	}
	return "", ErrFull
}

// put saves e's password and reads it back; it returns the name the
// store's own list gives the item (StoreLabel).
func (v *Vault) put(b Backend, e Entry, password string) (string, error) {
	shown := StoreLabel(v.lang(), e)
	if err := classify(set(b, e.ID, shown, password), password); err != nil {
		return "", err
	}
	got, err := b.Get(Service, e.ID)
	if err != nil {
		return "", classify(err, password)
	}
	if got != password {
		return "", ErrMismatch
	}
	return shown, nil
}

// set writes the item user of Fornyer's service; where the store has
// fields of its own to show (labeledSetter), they carry shown. What
// finds the item again (service and user) is go-keyring's, as ever: items
// an older version saved are found, and named anew when next written.
func set(b Backend, user, shown, value string) error {
	if l, ok := b.(labeledSetter); ok {
		return l.SetLabeled(Service, user, shown, value)
	}
	return b.Set(Service, user, value)
}

// StoreLabel is the name the item of entry e has in the store's own list
// (Seahorse, Credential Manager, Keychain Access), in language l: "Fornyer: "
// and, in plain words, whose password it is, so that an administrator who
// looks there finds it and knows what not to delete.
func StoreLabel(l string, e Entry) string {
	data := map[string]any{"Label": e.Label}
	key := "vault.label.certificate"
	switch {
	case IsPending(e.ID) && e.DoesNotOpen != "":
		// Named for the file it was tried on: the caller's label says so.
	case IsPending(e.ID) && e.Label == "":
		key, data["Date"] = "vault.label.pending.unnamed", msg.Date(l, e.Saved.Local())
	case IsPending(e.ID):
		key = "vault.label.pending"
	case IsHandOver(e.ID):
		key = "vault.label.handover"
	case e.Label == "":
		key = "vault.label.certificate.unnamed"
	case !e.Expires.IsZero():
		key, data["Date"] = "vault.label.certificate.until", msg.Date(l, e.Expires.Local())
	}
	return msg.T(l, key, data)
}

// Get returns the password saved under id.
func (v *Vault) Get(ctx context.Context, id string) (string, error) {
	if err := checkID(id); err != nil {
		return "", err
	}
	var password string
	err := v.do(ctx, func(b Backend) error {
		p, err := b.Get(Service, id)
		if err != nil {
			return classify(err, "")
		}
		password = p
		return nil
	})
	if err != nil {
		return "", err
	}
	return password, nil
}

// List returns what is saved, newest first: ids, labels and dates.
func (v *Vault) List(ctx context.Context) ([]Entry, error) {
	var list []Entry
	err := v.do(ctx, func(b Backend) error {
		l, _, err := readIndex(b)
		list = l
		return err
	})
	if err != nil {
		return nil, err
	}
	return list, nil
}

// ListHeld is List checked against the store (Z20): only the entries
// whose item the store still holds, each read and its password dropped at
// once. A line of the list whose item is gone (deleted in the store's own
// list, a keyring reset, a new computer's keyring) is left out: the list
// is Fornyer's memory, the store is the truth. Nothing is changed. One
// call: a store that does not answer, or answers otherwise than "not
// there" for an item, is the call's error, never taken for "gone".
//
// The work is bounded (review R6): each item is one store call (about 6 ms
// on GNOME's keyring, a process of its own on macOS), so only the
// MaxHeldChecks most recently saved are looked up, the renewal's among
// them; older lines are taken as the list says, as before Z20, so that an
// IT provider's hundreds of passwords neither hold the store for seconds
// at each read nor pass the call's time limit.
func (v *Vault) ListHeld(ctx context.Context) ([]Entry, error) {
	var held []Entry
	err := v.do(ctx, func(b Backend) error {
		list, _, err := readIndex(b)
		if err != nil {
			return err
		}
		checked := newestSaved(list, MaxHeldChecks)
		held = nil
		for i, e := range list {
			if !checked[i] {
				held = append(held, e)
				continue
			}
			_, err := b.Get(Service, e.ID)
			switch {
			case err == nil:
				held = append(held, e)
			case !errors.Is(err, keyring.ErrNotFound):
				return classify(err, "")
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return held, nil
}

// MaxHeldChecks is how many items ListHeld looks up in the store at most.
const MaxHeldChecks = 50

// newestSaved marks the n entries of list saved last (ties by place).
func newestSaved(list []Entry, n int) []bool {
	order := make([]int, len(list))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return list[b].Saved.Compare(list[a].Saved) })
	marked := make([]bool, len(list))
	for _, i := range order[:min(n, len(order))] {
		marked[i] = true
	}
	return marked
}

// Delete removes the password saved under id and its line in the list.
// Deleting what is not there returns ErrNotFound, after removing any stale
// line for it.
func (v *Vault) Delete(ctx context.Context, id string) error {
	if err := checkID(id); err != nil {
		return err
	}
	return v.do(ctx, func(b Backend) error {
		delErr := classify(b.Delete(Service, id), "")
		if delErr != nil && !errors.Is(delErr, ErrNotFound) {
			return delErr
		}
		if err := v.updateIndex(b, func(list []Entry) []Entry { return remove(list, id) }); err != nil {
			return err
		}
		return delErr
	})
}

// Forget removes every password Fornyer saved and the list of them: each
// entry the list names, its pages, and then, where the store can find
// items by Fornyer's service name, any item the list does not name (left
// by an older Fornyer, or by a list that was damaged). It returns how many
// passwords the list named. Nothing outside Fornyer's service is touched.
func (v *Vault) Forget(ctx context.Context) (int, error) {
	n := 0
	err := v.do(ctx, func(b Backend) error {
		list, pages, listErr := readIndex(b)
		for _, e := range list {
			if err := classify(b.Delete(Service, e.ID), ""); err != nil && !errors.Is(err, ErrNotFound) {
				return err
			}
			n++
		}
		for i := range pages {
			if err := classify(b.Delete(Service, pageName(i)), ""); err != nil && !errors.Is(err, ErrNotFound) {
				return err
			}
		}
		if all, ok := b.(allDeleter); ok {
			if err := classify(all.DeleteAll(Service), ""); err != nil && !errors.Is(err, ErrNotFound) {
				return err
			}
			listErr = nil // whatever the damaged list named is gone with the rest
		}
		if n > 0 || pages > 0 {
			v.dirty.Store(true)
		}
		return listErr
	})
	return n, err
}

// RekeyEntry moves the password saved under from to to.ID: it saves it
// under the new id, reads it back, and only then deletes the old one, so
// there is no moment when neither exists. to.Label describes the new entry
// (empty keeps the old entry's label), to.Expires the expiry of the
// certificate it opens. A certificate's other passwords are kept, as by
// SaveEntry.
func (v *Vault) RekeyEntry(ctx context.Context, from string, to Entry) error {
	if err := checkID(from); err != nil {
		return err
	}
	if err := checkID(to.ID); err != nil {
		return err
	}
	if from == to.ID {
		return nil
	}
	return v.do(ctx, func(b Backend) error {
		password, err := b.Get(Service, from)
		if err != nil {
			return classify(err, "")
		}
		id, err := freeSlot(b, to.ID, password)
		if err != nil {
			return err
		}
		list, _, err := readIndex(b)
		if err != nil {
			return err
		}
		e := Entry{ID: id, Label: cleanLabel(to.Label), Saved: v.now().UTC().Truncate(time.Second), Expires: to.Expires.UTC()}
		if i := slices.IndexFunc(list, func(e Entry) bool { return e.ID == from }); i >= 0 && e.Label == "" {
			e.Label = list[i].Label
		}
		if e.Shown, err = v.put(b, e, password); err != nil {
			return err
		}
		// The new entry is listed before the old one is deleted, so a
		// failure after this point leaves both, never neither.
		if err := v.updateIndex(b, func(list []Entry) []Entry { return upsert(list, e) }); err != nil {
			return err
		}
		if err := classify(b.Delete(Service, from), ""); err != nil && !errors.Is(err, ErrNotFound) {
			return err
		}
		return v.updateIndex(b, func(list []Entry) []Entry { return remove(list, from) })
	})
}

// Candidate is a saved password with the id it is saved under, so that a
// pending password that opens the renewed file can be re-keyed to it.
type Candidate struct {
	ID       string
	Password string
}

// CandidateEntries lists the passwords to try when opening a file, with
// the ids they are saved under: those saved for renewals in progress
// first, then the certificates', newest first, without repeats. It stops
// at the first sign that the store is not answering and returns what it
// has; ctx bounds the whole search. A password saved under several ids
// comes once, with the first of them (a pending one before a
// certificate's, a certificate's before a hand-over's). Hand-overs'
// passwords come last, so that a file a certificate's own password opens
// is always said to be opened by it, never by a hand-over's.
func (v *Vault) CandidateEntries(ctx context.Context) []Candidate {
	list, err := v.List(ctx)
	if err != nil {
		return nil
	}
	rank := func(e Entry) int {
		switch {
		case e.Pending():
			return 0
		case IsHandOver(e.ID):
			return 2
		}
		return 1
	}
	ordered := slices.Clone(list)
	slices.SortStableFunc(ordered, func(a, b Entry) int { return rank(a) - rank(b) })
	var out []Candidate
	seen := map[string]bool{}
	for _, e := range ordered {
		p, err := v.Get(ctx, e.ID)
		switch {
		case err == nil:
			if !seen[p] {
				seen[p] = true
				out = append(out, Candidate{ID: e.ID, Password: p})
			}
		case errors.Is(err, ErrNotFound), errors.Is(err, ErrBadID):
			continue
		default:
			return out
		}
	}
	return out
}

// cleanLabel is a label as it is kept and shown in the store's own list
// (and, on macOS, written into security's command line): text from a
// certificate made one plain line (safetext.Line: no control or bidi
// characters, review Q7), cut to maxLabelRunes.
func cleanLabel(s string) string {
	s = strings.Join(strings.Fields(safetext.Line(strings.ToValidUTF8(s, ""))), " ")
	if utf8.RuneCountInString(s) > maxLabelRunes {
		s = string([]rune(s)[:maxLabelRunes-1]) + "…"
	}
	return s
}

func upsert(list []Entry, e Entry) []Entry {
	list = remove(list, e.ID)
	return append([]Entry{e}, list...)
}

func remove(list []Entry, id string) []Entry {
	return slices.DeleteFunc(list, func(e Entry) bool { return e.ID == id })
}

func pageName(i int) string {
	if i == 0 {
		return indexName
	}
	return fmt.Sprintf("%s:%d", indexName, i+1)
}

// readIndex reads every page of the list; pages is how many there were.
// A page that is not valid JSON is a store that changed under Fornyer's
// feet: it is reported, not silently dropped.
func readIndex(b Backend) (list []Entry, pages int, err error) {
	for i := 0; ; i++ {
		raw, err := b.Get(Service, pageName(i))
		if err != nil {
			if errors.Is(err, keyring.ErrNotFound) {
				break
			}
			return nil, 0, classify(err, "")
		}
		var page []Entry
		if err := json.Unmarshal([]byte(raw), &page); err != nil {
			return nil, 0, &storeError{kind: ErrUnavailable, cause: "the list of saved passwords is damaged: " + err.Error()}
		}
		list = append(list, page...)
		pages = i + 1
	}
	slices.SortStableFunc(list, func(a, b Entry) int { return b.Saved.Compare(a.Saved) })
	return list, pages, nil
}

// updateIndex reads the list, changes it and writes it back in pages small
// enough for every store, removing pages no longer needed.
func (v *Vault) updateIndex(b Backend, change func([]Entry) []Entry) error {
	list, old, err := readIndex(b)
	if err != nil {
		return err
	}
	pages, err := paginate(change(list))
	if err != nil {
		return err
	}
	shown := msg.T(v.lang(), "vault.label.index", nil)
	for i, p := range pages {
		if err := classify(set(b, pageName(i), shown, p), ""); err != nil {
			return err
		}
	}
	for i := len(pages); i < old; i++ {
		if err := classify(b.Delete(Service, pageName(i)), ""); err != nil && !errors.Is(err, ErrNotFound) {
			return err
		}
	}
	v.dirty.Store(true)
	return nil
}

func paginate(list []Entry) ([]string, error) {
	var pages []string
	var page []Entry
	flush := func() error {
		data, err := json.Marshal(page)
		if err != nil {
			return err
		}
		pages = append(pages, string(data))
		page = nil
		return nil
	}
	for _, e := range list {
		page = append(page, e)
		data, err := json.Marshal(page)
		if err != nil {
			return nil, err
		}
		if len(data) > indexPageBytes && len(page) > 1 {
			page = page[:len(page)-1]
			if err := flush(); err != nil {
				return nil, err
			}
			page = []Entry{e}
		}
	}
	// An empty list keeps no item behind.
	if len(page) > 0 {
		if err := flush(); err != nil {
			return nil, err
		}
	}
	return pages, nil
}

// StoreName is the translation key of the credential store's name on goos
// (runtime.GOOS), in the user's words, for sentences such as "Saved in …".
func StoreName(goos string) string {
	switch goos {
	case "windows":
		return "vault.store.windows"
	case "darwin", "ios":
		return "vault.store.macos"
	default:
		return "vault.store.keyring"
	}
}
