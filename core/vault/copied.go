package vault

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"unicode"
	"unicode/utf8"
)

// The length of a text taken for a copied password, in characters. The
// portal's passwords are 16 characters; the bounds leave room for others
// and keep out a word or a whole document.
const (
	MinCopiedPassword = 8
	MaxCopiedPassword = 128
)

// CouldBePassword says whether text copied to the clipboard could be the
// portal's password, to be offered for saving: one line, no spaces or
// other blanks, no control characters, 8 to 128 characters.
func CouldBePassword(text string) bool {
	if !utf8.ValidString(text) {
		return false
	}
	n := utf8.RuneCountInString(text)
	if n < MinCopiedPassword || n > MaxCopiedPassword {
		return false
	}
	for _, r := range text {
		if unicode.IsSpace(r) || unicode.IsControl(r) || r == utf8.RuneError {
			return false
		}
	}
	return true
}

// CopiedWatch decides which texts seen on the clipboard while the password
// card is open to offer as the password: a text that could be one, not
// what the clipboard held when the card opened, each change offered once.
// It remembers texts only as hashes under a key of its own (memory only),
// so a declined or earlier clipboard text is not kept.
type CopiedWatch struct {
	key          [32]byte
	before, last [32]byte
}

// NewCopiedWatch starts watching from the clipboard's text when the card
// opened.
func NewCopiedWatch(initial string) *CopiedWatch {
	w := &CopiedWatch{}
	_, _ = rand.Read(w.key[:]) // crypto/rand.Read never fails (Go 1.24+)
	w.before = w.sum(initial)
	w.last = w.before
	return w
}

func (w *CopiedWatch) sum(text string) [32]byte {
	m := hmac.New(sha256.New, w.key[:])
	m.Write([]byte(text))
	var out [32]byte
	copy(out[:], m.Sum(nil))
	return out
}

// Offer says whether text, read from the clipboard now, is to be offered;
// the same text is not offered twice in a row.
func (w *CopiedWatch) Offer(text string) bool {
	h := w.sum(text)
	if h == w.last {
		return false
	}
	w.last = h
	return h != w.before && CouldBePassword(text)
}
