package vault

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/zalando/go-keyring"
)

// Z20: a password deleted in the store's own list (Seahorse, secret-tool
// clear) is still a line of Fornyer's list; ListHeld leaves it out, and
// changes nothing. A store that fails on an item is an error, never
// "gone"; a keyring reset (the list gone too) holds nothing.
func TestListHeldIsWhatTheStoreHolds(t *testing.T) {
	rec := &recorder{}
	v := mockVault(t, WithBackend(rec))
	ctx := context.Background()
	for i := range 3 {
		if err := v.Save(ctx, certID(i), "", "password-"+strconv.Itoa(i)); err != nil {
			t.Fatal(err)
		}
	}
	if err := keyring.Delete(Service, certID(1)); err != nil { // behind Fornyer's back
		t.Fatal(err)
	}
	held, err := v.ListHeld(ctx)
	if err != nil || len(held) != 2 || held[0].ID != certID(2) || held[1].ID != certID(0) {
		t.Fatalf("ListHeld = %+v, %v; want certificates 2 and 0", held, err)
	}
	if list, _ := v.List(ctx); len(list) != 3 {
		t.Errorf("ListHeld changed the list: %+v", list)
	}

	rec.fail = func(op, user string) error {
		if op == "get" && user == certID(2) {
			return errors.New("org.freedesktop.Secret.Error.IsLocked")
		}
		return nil
	}
	if held, err := v.ListHeld(ctx); !errors.Is(err, ErrUnavailable) || held != nil {
		t.Errorf("a store failing on an item: %+v, %v; want ErrUnavailable", held, err)
	}
	rec.fail = nil

	keyring.MockInit() // the keyring reset: the list is gone with the rest
	if held, err := v.ListHeld(ctx); err != nil || len(held) != 0 {
		t.Errorf("after a reset: %+v, %v", held, err)
	}
}

// Z20: saved again after it was deleted in the store's own list, the
// certificate's password goes back under the certificate's own id, its
// old line replaced, not into a second slot beside a line that opens
// nothing.
func TestAPasswordSavedAgainAfterItWasDeletedTakesItsPlace(t *testing.T) {
	v := mockVault(t)
	ctx := context.Background()
	id := CertificateID(fp1)
	if err := v.Save(ctx, id, "Firma", "the-password"); err != nil {
		t.Fatal(err)
	}
	if err := keyring.Delete(Service, id); err != nil {
		t.Fatal(err)
	}
	e, err := v.SaveEntry(ctx, Entry{ID: id, Label: "Firma"}, "the-password")
	if err != nil || e.ID != id {
		t.Fatalf("saved again under %q, %v; want %q", e.ID, err, id)
	}
	if list, _ := v.List(ctx); len(list) != 1 || list[0].ID != id {
		t.Errorf("list: %+v", list)
	}
}

// Review R6: ListHeld's work is bounded: of many saved passwords only the
// MaxHeldChecks saved last are looked up in the store (a deleted one among
// them is left out); older lines are taken as the list says.
func TestListHeldLooksUpTheNewestOnly(t *testing.T) {
	rec := &recorder{}
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	v := mockVault(t, WithBackend(rec), WithClock(func() time.Time { return at }))
	ctx := context.Background()
	n := MaxHeldChecks + 10
	for i := range n {
		at = at.Add(time.Minute)
		if err := v.Save(ctx, certID(i), "", "password-"+strconv.Itoa(i)); err != nil {
			t.Fatal(err)
		}
	}
	for _, i := range []int{0, n - 1} { // the oldest and the newest, behind Fornyer's back
		if err := keyring.Delete(Service, certID(i)); err != nil {
			t.Fatal(err)
		}
	}
	rec.mu.Lock()
	rec.calls = nil
	rec.mu.Unlock()
	held, err := v.ListHeld(ctx)
	if err != nil {
		t.Fatal(err)
	}
	has := map[string]bool{}
	for _, e := range held {
		has[e.ID] = true
	}
	if len(held) != n-1 || has[certID(n-1)] || !has[certID(0)] {
		t.Errorf("held %d of %d; the newest deleted is held %v, the oldest deleted %v", len(held), n, has[certID(n-1)], has[certID(0)])
	}
	gets := 0
	rec.mu.Lock()
	for _, c := range rec.calls {
		if strings.HasPrefix(c, "get ") && !strings.Contains(c, "index") {
			gets++
		}
	}
	rec.mu.Unlock()
	if gets > MaxHeldChecks+5 { // the list's own pages besides
		t.Errorf("%d look-ups in the store for %d passwords; at most %d wanted", gets, n, MaxHeldChecks)
	}
}
