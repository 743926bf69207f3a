package vault

import (
	"context"
	"errors"
	"testing"
)

// A pending password found not to open its renewal's file is marked so
// and named anew: the list says so, the password and its date are the
// same; saved again, the new password carries no mark.
func TestMarkDoesNotOpen(t *testing.T) {
	v := mockVault(t)
	ctx := context.Background()
	if err := v.Save(ctx, PendingID("r"), "", "pw"); err != nil {
		t.Fatal(err)
	}
	before, _ := v.List(ctx)
	if err := v.MarkDoesNotOpen(ctx, PendingID("r"), "AB12", " Firma\nApS "); err != nil {
		t.Fatal(err)
	}
	list, _ := v.List(ctx)
	if len(list) != 1 || list[0].Label != "Firma ApS" || list[0].DoesNotOpen != "ab12" || !list[0].Saved.Equal(before[0].Saved) {
		t.Errorf("List = %+v", list)
	}
	if got, err := v.Get(ctx, PendingID("r")); err != nil || got != "pw" {
		t.Errorf("Get = %q, %v", got, err)
	}
	if err := v.Save(ctx, PendingID("r"), "", "pw2"); err != nil {
		t.Fatal(err)
	}
	if list, _ := v.List(ctx); len(list) != 1 || list[0].DoesNotOpen != "" {
		t.Errorf("saved again, still marked: %+v", list)
	}
	if err := v.MarkDoesNotOpen(ctx, PendingID("gone"), "ab12", "x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("a missing entry: %v", err)
	}
}

// SaveIfFree saves under a pending id only when it is free or holds the
// same password; another password there is left, and said so.
func TestSaveIfFree(t *testing.T) {
	v := mockVault(t)
	ctx := context.Background()
	id := PendingID("r")
	for _, c := range []struct {
		password string
		taken    bool
		holds    string
	}{
		{"first", false, "first"},
		{"first", false, "first"},
		{"second", true, "first"},
	} {
		_, taken, err := v.SaveIfFree(ctx, Entry{ID: id, Label: "Firma"}, c.password)
		if err != nil || taken != c.taken {
			t.Errorf("%s: taken %v, %v; want taken %v", c.password, taken, err, c.taken)
		}
		if got, err := v.Get(ctx, id); err != nil || got != c.holds {
			t.Errorf("%s: holds %q, %v; want %q", c.password, got, err, c.holds)
		}
	}
	if _, _, err := v.SaveIfFree(ctx, Entry{ID: CertificateID("ab")}, "x"); !errors.Is(err, ErrBadID) {
		t.Errorf("a certificate's id: %v", err)
	}
}
