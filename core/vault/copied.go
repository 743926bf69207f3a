package vault

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"regexp"
	"strings"
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

// FromCopy is the password in text copied from a page (the portal's
// "Copy to clipboard", or a selection of the shown password): a line break
// at either end is the copy's, never the password's (a password is one
// line, and a triple-click selection copies the line's end), and goes with
// the blanks beside it. Everything else stays: spaces inside (a password
// may hold one) and spaces at an end without a line break, which Doubt
// warns about for the user to decide (Trimmed). A text without a line
// break at its ends is returned as it is.
func FromCopy(text string) string {
	isBreak := func(r rune) bool { return r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' || r == '\u0085' }
	end := len(text) - len(strings.TrimRightFunc(text, unicode.IsSpace))
	if strings.ContainsFunc(text[len(text)-end:], isBreak) {
		text = text[:len(text)-end]
	}
	start := len(text) - len(strings.TrimLeftFunc(text, unicode.IsSpace))
	if strings.ContainsFunc(text[:start], isBreak) {
		text = text[start:]
	}
	return text
}

// Trimmed is text without the blanks at its ends, when that is what Doubt
// finds against it and nothing is left to doubt: the password card offers
// it beside saving the text as it is ("", false otherwise). Blanks inside
// are the password's own and stay.
func Trimmed(text string) (string, bool) {
	t := strings.TrimSpace(text)
	if t == text {
		return "", false
	}
	if key, _ := Doubt(t); key != "" {
		return "", false
	}
	return t, true
}

// CouldBePassword says whether text copied to the clipboard could be the
// portal's password, to be offered for saving: nothing Doubt finds
// against it (one line, no control characters, 8 to 128 characters), no
// space either, which a clipboard holding a sentence has, and not the
// shape of a web address or an e-mail address, which an administrator
// copies beside the portal (walk W21: the portal's address and an e-mail
// address were offered as "the password you copied", one key from being
// saved in its place). Such a text can still be pasted and saved by hand.
func CouldBePassword(text string) bool {
	key, _ := Doubt(text)
	return key == "" && !strings.ContainsFunc(text, unicode.IsSpace) && !webAddress(text) && !mailAddress.MatchString(text)
}

// webAddress: a URL with a scheme, or one a browser's bar shows without it.
func webAddress(text string) bool {
	lower := strings.ToLower(text)
	return strings.Contains(lower, "://") || strings.HasPrefix(lower, "www.")
}

// mailAddress is an e-mail address's plain shape: a name, @, a domain
// ending in a top-level name of letters. The portal's passwords mix
// letters, digits and signs freely and do not end so.
var mailAddress = regexp.MustCompile(`^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$`)

// Doubt is what speaks against text being the portal's password, as a
// catalogue key and its data; "" when nothing does. It is the one rule:
// the clipboard offer takes only a text without doubt (CouldBePassword),
// and a text typed or pasted on the password card is warned about, never
// refused, since no documented source gives the portal's passwords a
// shape to enforce.
func Doubt(text string) (string, map[string]any) {
	if !utf8.ValidString(text) {
		return "vault.doubt.unreadable", nil
	}
	n := utf8.RuneCountInString(text)
	switch {
	case n < MinCopiedPassword:
		return "vault.doubt.short", map[string]any{"N": n}
	case n > MaxCopiedPassword:
		return "vault.doubt.long", map[string]any{"N": n}
	}
	// A space inside may be the password's own; one at either end, a line
	// break or another control character is copied along by mistake.
	if strings.TrimSpace(text) != text || strings.ContainsFunc(text, func(r rune) bool {
		return unicode.IsControl(r) || r == utf8.RuneError || unicode.IsSpace(r) && r != ' '
	}) {
		return "vault.doubt.blank", nil
	}
	return "", nil
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

// Offer says whether text, read from the clipboard now, is to be offered,
// and the password it holds (FromCopy: a selection's line break at its end
// is not offered with it, Y15); the same text is not offered twice in a
// row.
func (w *CopiedWatch) Offer(text string) (string, bool) {
	h := w.sum(text)
	if h == w.last {
		return "", false
	}
	w.last = h
	password := FromCopy(text)
	if h == w.before || !CouldBePassword(password) {
		return "", false
	}
	return password, true
}
