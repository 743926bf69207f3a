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
		"https://example.dk/a":             true, // cannot be told from a password; offered, never saved unasked
	} {
		if got := CouldBePassword(text); got != want {
			t.Errorf("CouldBePassword(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestCopiedPasswordOffer(t *testing.T) {
	const pw = "Xk3#pL9!qR2$mN7&"
	if CopiedPasswordOffer(pw, pw, "") {
		t.Error("offered what the clipboard held when the card opened")
	}
	if CopiedPasswordOffer(pw, "", pw) {
		t.Error("offered again what was offered or declined")
	}
	if !CopiedPasswordOffer(pw, "something else", "") {
		t.Error("a new password-like text was not offered")
	}
	if CopiedPasswordOffer("hello world", "", "") {
		t.Error("offered a text with a space")
	}
}
