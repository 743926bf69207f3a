package vault

import (
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

// CopiedPasswordOffer says whether the clipboard's text now should be
// offered as the password, given what it held when the password card
// opened (before) and what was offered or declined last: only a new text
// that could be a password.
func CopiedPasswordOffer(now, before, last string) bool {
	return now != before && now != last && CouldBePassword(now)
}
