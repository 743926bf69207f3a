package register

import (
	"path/filepath"
	"testing"
	"time"
)

// The places noted for a renewal are kept on its certificate across a
// restart, and the next renewal of the same line gets them back, fresh;
// another line's are offered only when the line has none.
func TestPlacesRecordedAndOfferedAgain(t *testing.T) {
	path := filepath.Join(t.TempDir(), "register.json")
	s, _ := Open(path)
	t0 := time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC)
	old := Certificate{SHA256: sha(0xa), UUID: "U-1", Serial: "01", NotAfter: t0.AddDate(0, 1, 0)}
	other := Certificate{SHA256: sha(0xb), UUID: "U-2", Serial: "02", NotAfter: t0.AddDate(2, 0, 0)}
	for _, c := range []Certificate{old, other} {
		if err := s.Upsert(c); err != nil {
			t.Fatal(err)
		}
	}
	places := []Place{
		{ID: "p1", Preset: "datafordeler", Kind: NeedsPublic, Given: GavePublic, GivenAt: t0, Switched: t0},
		{ID: "p2", Name: "e-conomic", Kind: NeedsP12, Note: "Acme", Given: GaveCopy, GivenTo: "Acme", GivenAt: t0},
	}
	if err := s.RecordPlaces(old.SHA256, places); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordPlaces(other.SHA256, []Place{{ID: "p1", Name: "elsewhere", Kind: NeedsOther}}); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordHandOver(old.SHA256, HandOver{To: " Acme ", At: t0, PasswordID: "sha256:x/2"}); err != nil {
		t.Fatal(err)
	}
	// A new look at the certificate keeps them.
	if err := s.Upsert(old); err != nil {
		t.Fatal(err)
	}

	s2, err := Open(path) // a restart
	if err != nil {
		t.Fatal(err)
	}
	got, _ := s2.Get(old.SHA256)
	if len(got.Places) != 2 || got.Places[1].GivenTo != "Acme" || !got.Places[0].Switched.Equal(t0) || len(got.HandOvers) != 1 || got.HandOvers[0].To != "Acme" {
		t.Fatalf("after a restart: %+v %+v", got.Places, got.HandOvers)
	}
	last := LastPlaces(s2.List(), "u-1")
	if len(last) != 2 || last[1].Name != "e-conomic" || last[1].Note != "Acme" || last[1].Given != "" || !last[0].Switched.IsZero() {
		t.Errorf("offered %+v", last)
	}
	if last := LastPlaces(s2.List(), "U-9"); len(last) != 1 || last[0].Name != "elsewhere" {
		t.Errorf("no line of its own: %+v", last)
	}
	if last := LastPlaces(nil, ""); last != nil {
		t.Errorf("nothing recorded: %+v", last)
	}
}
