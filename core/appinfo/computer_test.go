package appinfo

import "testing"

func TestPreferredName(t *testing.T) {
	for _, c := range []struct{ dns, netbios, want string }{
		{"vm", "VM", "VM"},                // Wine: the Linux host name in lower case
		{"Anna-PC", "ANNA-PC", "Anna-PC"}, // a name the user typed keeps its case
		{"DESKTOP-7K3J9QF", "DESKTOP-7K3J9QF", "DESKTOP-7K3J9QF"},
		{"a-very-long-computer-name", "A-VERY-LONG-COM", "a-very-long-computer-name"}, // NetBIOS cuts at 15
		{"", "VM", "VM"},
		{"vm", "", "vm"},
	} {
		if got := preferredName(c.dns, c.netbios); got != c.want {
			t.Errorf("preferredName(%q, %q) = %q, want %q", c.dns, c.netbios, got, c.want)
		}
	}
}
