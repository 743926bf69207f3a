package vault

import (
	"strings"
	"testing"
)

func TestCouldBePassword(t *testing.T) {
	for text, want := range map[string]bool{
		"Xk3#pL9!qR2$mN7&":                 true, // the portal's kind
		"abcdefgh":                         true,
		"abcdefg":                          false, // too short
		strings.Repeat("a", 128):           true,
		strings.Repeat("a", 129):           false,
		"two words here":                   false,
		"line1abc\nline2abc":               false,
		"tab\tseparated":                   false,
		"trailing-newline\n":               false,
		"no\u00a0breaking":                 false,
		"ctrl\x07characters":               false,
		"æøåÆØÅæøå":                        true, // counted in characters, not bytes
		"\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8": false,
		"":                                 false,
		// W21: what an administrator copies beside the portal is not offered.
		"https://erhvervsadministration.nemlog-in.dk/certificates": false,
		"HTTP://example.dk/a":    false,
		"www.mitid-erhverv.dk":   false,
		"mette.jensen@proeve.dk": false,
		"Anna+dpg@firma.co.uk":   false,
		"Xk3@pL9.qR2$mN7&":       true, // signs where an address has letters
		"a9@Kd.3fQ!x7Lm2P":       true,
	} {
		if got := CouldBePassword(text); got != want {
			t.Errorf("CouldBePassword(%q) = %v, want %v", text, got, want)
		}
	}
}

// V15: what speaks against a typed or pasted text being the portal's
// password, one rule with the clipboard offer's: too short (3 letters were
// saved on the password card), too long, a blank, unreadable bytes.
func TestDoubt(t *testing.T) {
	for _, c := range []struct {
		text string
		key  string
		n    int
	}{
		{"Rp7k-æøQx9m!Zt2W", "", 0},
		{"abc", "vault.doubt.short", 3},
		{"æøå", "vault.doubt.short", 3}, // characters, not bytes
		{"", "vault.doubt.short", 0},
		{strings.Repeat("a", 129), "vault.doubt.long", 129},
		{"Rp7k-æøQx9m Zt2W", "", 0}, // a space inside may be its own
		{" Rp7k-æøQx9m!Zt2W", "vault.doubt.blank", 0},
		{"Rp7k-æøQx9m\u00a0Zt2W", "vault.doubt.blank", 0},
		{"Rp7k-æøQx9m!Zt2W\n", "vault.doubt.blank", 0},
		{"\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8", "vault.doubt.unreadable", 0},
	} {
		key, data := Doubt(c.text)
		if key != c.key {
			t.Errorf("Doubt(%q) = %q, want %q", c.text, key, c.key)
		}
		if c.n > 0 && data["N"] != c.n {
			t.Errorf("Doubt(%q) counts %v, want %d", c.text, data["N"], c.n)
		}
		if CouldBePassword(c.text) != (c.key == "" && !strings.Contains(c.text, " ")) {
			t.Errorf("CouldBePassword(%q) disagrees with Doubt", c.text)
		}
	}
}

func TestCopiedWatch(t *testing.T) {
	const pw = "Xk3#pL9!qR2$mN7&"
	offered := func(w *CopiedWatch, text string) bool {
		got, ok := w.Offer(text)
		if ok && got != pw {
			t.Errorf("offered %q for %q", got, text)
		}
		return ok
	}
	w := NewCopiedWatch(pw)
	if offered(w, pw) {
		t.Error("offered what the clipboard held when the card opened")
	}
	if offered(w, "hello world, not one") {
		t.Error("offered a text with spaces")
	}
	w = NewCopiedWatch("an old text on the clipboard")
	if offered(w, "an old text on the clipboard") {
		t.Error("offered the text from before")
	}
	if !offered(w, pw) {
		t.Error("a newly copied password was not offered")
	}
	if offered(w, pw) {
		t.Error("the same clipboard offered twice in a row")
	}
	if offered(w, "an old text on the clipboard") || offered(w, "") {
		t.Error("offered the text from before or an empty clipboard")
	}
	if !offered(w, pw) {
		t.Error("copied again after another text: not offered")
	}
	// Y15: selected with a triple-click, the copy carries the line's end:
	// offered without it.
	for _, copied := range []string{pw + "\n", pw + "\r\n", pw + " \n", "\n" + pw} {
		if !offered(w, copied) {
			t.Errorf("%q: not offered", copied)
		}
	}
	if offered(w, pw+" ") || offered(w, "Xk3#pL9! qR2$mN7&\n") {
		t.Error("offered a text with a space of its own")
	}
}

// Y15: what a copy carries along is a line break at an end, with the
// blanks beside it; a space inside, or at an end without a line break, is
// the user's to judge (Doubt warns, Trimmed offers the text without it).
func TestFromCopy(t *testing.T) {
	for text, want := range map[string]string{
		"Rp7k-æøQx9m!Zt2W":     "Rp7k-æøQx9m!Zt2W",
		"Rp7k-æøQx9m!Zt2W\n":   "Rp7k-æøQx9m!Zt2W",
		"Rp7k-æøQx9m!Zt2W\r\n": "Rp7k-æøQx9m!Zt2W",
		"Rp7k-æøQx9m!Zt2W \n ": "Rp7k-æøQx9m!Zt2W",
		"\n\tRp7k-æøQx9m!Zt2W": "Rp7k-æøQx9m!Zt2W",
		"Rp7k æø Qx9m\n":       "Rp7k æø Qx9m",
		"Rp7k-æøQx9m!Zt2W ":    "Rp7k-æøQx9m!Zt2W ",
		" Rp7k-æøQx9m!Zt2W":    " Rp7k-æøQx9m!Zt2W",
		"Rp7k-æøQx9m\n!Zt2W":   "Rp7k-æøQx9m\n!Zt2W",
		"\n":                   "",
		"":                     "",
	} {
		if got := FromCopy(text); got != want {
			t.Errorf("FromCopy(%q) = %q, want %q", text, got, want)
		}
	}
	for text, want := range map[string]string{
		"Rp7k-æøQx9m!Zt2W ":   "Rp7k-æøQx9m!Zt2W",
		" Rp7k æøQx9m!Zt2W\t": "Rp7k æøQx9m!Zt2W",
		"Rp7k-æøQx9m!Zt2W":    "",
		"abc ":                "", // still too short without the space
	} {
		got, ok := Trimmed(text)
		if got != want || ok != (want != "") {
			t.Errorf("Trimmed(%q) = %q, %v; want %q", text, got, ok, want)
		}
	}
}
