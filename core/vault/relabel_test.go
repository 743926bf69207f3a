package vault

import (
	"context"
	"errors"
	"testing"
)

// A pending password saved without a name is named once it is known
// whose it is: the list says so, the password and its date are the same.
func TestRelabel(t *testing.T) {
	v := mockVault(t)
	ctx := context.Background()
	if err := v.Save(ctx, PendingID("r"), "", "pw"); err != nil {
		t.Fatal(err)
	}
	before, _ := v.List(ctx)
	if err := v.Relabel(ctx, PendingID("r"), " Firma\nApS "); err != nil {
		t.Fatal(err)
	}
	list, _ := v.List(ctx)
	if len(list) != 1 || list[0].Label != "Firma ApS" || !list[0].Saved.Equal(before[0].Saved) {
		t.Errorf("List = %+v", list)
	}
	if got, err := v.Get(ctx, PendingID("r")); err != nil || got != "pw" {
		t.Errorf("Get = %q, %v", got, err)
	}
	if err := v.Relabel(ctx, PendingID("gone"), "x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("a missing entry: %v", err)
	}
}
