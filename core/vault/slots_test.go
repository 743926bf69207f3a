package vault

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/fornyer/fornyer/core/msg"
)

// Two different passwords for one certificate (its re-protected backup,
// the same certificate exported again) are both kept; the same password
// again is one entry.
func TestTwoPasswordsForOneCertificateAreBothKept(t *testing.T) {
	v := mockVault(t)
	ctx := context.Background()
	id := CertificateID(fp1)
	expires := time.Date(2029, 11, 30, 0, 0, 0, 0, time.UTC)
	first, err := v.SaveEntry(ctx, Entry{ID: id, Label: "Firma ApS", Expires: expires}, "original-pw")
	if err != nil {
		t.Fatal(err)
	}
	second, err := v.SaveEntry(ctx, Entry{ID: id, Label: "Firma ApS", Expires: expires}, "backup-pw")
	if err != nil {
		t.Fatal(err)
	}
	if first.ID != id || second.ID == id || !Opens(second.ID, fp1) {
		t.Fatalf("ids %q and %q", first.ID, second.ID)
	}
	for id, want := range map[string]string{first.ID: "original-pw", second.ID: "backup-pw"} {
		if got, err := v.Get(ctx, id); err != nil || got != want {
			t.Errorf("Get(%s) = %q, %v; want %q", id, got, err, want)
		}
	}
	again, err := v.SaveEntry(ctx, Entry{ID: id, Label: "Firma ApS"}, "backup-pw")
	if err != nil || again.ID != second.ID {
		t.Errorf("the same password again went to %q (%v), not %q", again.ID, err, second.ID)
	}
	list, _ := v.List(ctx)
	if len(list) != 2 {
		t.Fatalf("List = %+v", list)
	}
	for _, e := range list {
		if e.Label != "Firma ApS" || (e.ID == first.ID && !e.Expires.Equal(expires)) {
			t.Errorf("entry %+v", e)
		}
	}
	// A pending password moved onto the certificate joins them.
	if err := v.Save(ctx, PendingID("r1"), "", "renewal-pw"); err != nil {
		t.Fatal(err)
	}
	if err := v.RekeyEntry(ctx, PendingID("r1"), Entry{ID: id, Label: "Firma ApS"}); err != nil {
		t.Fatal(err)
	}
	list, _ = v.List(ctx)
	if len(list) != 3 {
		t.Fatalf("after Rekey: %+v", list)
	}
	if got, _ := v.Get(ctx, first.ID); got != "original-pw" {
		t.Errorf("Rekey replaced the first password with %q", got)
	}
}

func TestSlotIDs(t *testing.T) {
	base := CertificateID(fp1)
	for id, want := range map[string]bool{
		base + "/2": true, base + "/20": true, base + "/1": false, base + "/21": false,
		base + "/02": false, base + "/x": false, base + "/": false, PendingID("a") + "/2": true,
	} {
		if got := ValidID(id); got != want {
			t.Errorf("ValidID(%q) = %v", id, got)
		}
	}
	if fp, ok := CertificateOf(base + "/3"); !ok || "sha256:"+fp != base {
		t.Errorf("CertificateOf = %q, %v", fp, ok)
	}
	if Opens(PendingID("r"), fp1) || !Opens(base, fp1) || !Opens(base+"/2", fp1) {
		t.Error("Opens")
	}
}

func TestSlotsAreBounded(t *testing.T) {
	v := mockVault(t)
	ctx := context.Background()
	for i := range maxSlots {
		if err := v.Save(ctx, CertificateID(fp1), "", string(rune('a'+i))); err != nil {
			t.Fatal(i, err)
		}
	}
	if err := v.Save(ctx, CertificateID(fp1), "", "one too many"); !errors.Is(err, ErrFull) || msg.Code(err) != "full" {
		t.Errorf("the %d-th password: %v", maxSlots+1, err)
	}
}
