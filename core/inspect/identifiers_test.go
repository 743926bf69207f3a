package inspect

import "testing"

// The identifiers are shown as Windows and the services ask for them:
// upper-case hex without separators; missing ones are left out.
func TestIdentifiers(t *testing.T) {
	c := &Certificate{SHA1: "0a:1b 2c3d", SHA256: "ab12", Serial: "0f", UUID: "d1c6-uuid"}
	got := Identifiers(c)
	want := []Identifier{
		{"thumbprint", "inspect.identifier.thumbprint", "0A1B2C3D"},
		{"sha256", "inspect.identifier.sha256", "AB12"},
		{"serial", "inspect.identifier.serial", "0F"},
		{"uuid", "inspect.identifier.uuid", "d1c6-uuid"},
	}
	if len(got) != len(want) {
		t.Fatalf("%+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%d: %+v, want %+v", i, got[i], want[i])
		}
	}
	if Identifiers(nil) != nil {
		t.Error("identifiers of no certificate")
	}
}
