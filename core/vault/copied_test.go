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

func TestCopiedWatch(t *testing.T) {
	const pw = "Xk3#pL9!qR2$mN7&"
	w := NewCopiedWatch(pw)
	if w.Offer(pw) {
		t.Error("offered what the clipboard held when the card opened")
	}
	if w.Offer("hello world, not one") {
		t.Error("offered a text with spaces")
	}
	w = NewCopiedWatch("an old text on the clipboard")
	if w.Offer("an old text on the clipboard") {
		t.Error("offered the text from before")
	}
	if !w.Offer(pw) {
		t.Error("a newly copied password was not offered")
	}
	if w.Offer(pw) {
		t.Error("the same clipboard offered twice in a row")
	}
	if w.Offer("an old text on the clipboard") || w.Offer("") {
		t.Error("offered the text from before or an empty clipboard")
	}
	if !w.Offer(pw) {
		t.Error("copied again after another text: not offered")
	}
}
