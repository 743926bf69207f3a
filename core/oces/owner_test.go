package oces

import "testing"

func TestOwnerName(t *testing.T) {
	for _, tc := range [][3]string{{"Firma ApS", "x", "Firma ApS"}, {" ", "Server 1", "Server 1"}, {"", "", ""}} {
		if got := OwnerName(tc[0], tc[1]); got != tc[2] {
			t.Errorf("OwnerName(%q, %q) = %q", tc[0], tc[1], got)
		}
	}
}
