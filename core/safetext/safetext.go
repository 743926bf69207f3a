// Package safetext owns making text taken from files and certificates
// (names, subjects, file names, error details) safe for where it is shown.
// A certificate's organisation name or a file name can hold anything: an
// escape sequence that clears a terminal or sets its title, a line break
// that forges a line such as "Ready to install in DPG", a right-to-left
// override that turns "cod.p12" around. Terminal shows such characters as
// visible escapes; Line makes one plain line for the window, the receipt and
// notifications. JSON needs neither: encoding/json escapes control
// characters itself.
package safetext

import (
	"fmt"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// MaxLine is the most runes Line keeps; longer text ends in "…". No real
// name or file name comes near it; a forged one must not fill a window.
const MaxLine = 300

// unsafe reports whether r must not reach a terminal or a line as it is:
// control characters (C0, DEL, C1), the line and paragraph separators, and
// the invisible characters that change the direction or the joining of
// text (bidirectional embeddings, overrides and isolates, marks).
func unsafe(r rune) bool {
	switch {
	case unicode.IsControl(r):
		return true
	case r == '\u2028' || r == '\u2029': // line and paragraph separator
		return true
	case r == '\u200e' || r == '\u200f' || r == '\u061c': // direction marks
		return true
	case r >= '\u202a' && r <= '\u202e': // embeddings and overrides
		return true
	case r >= '\u2066' && r <= '\u2069': // isolates
		return true
	case r == '\ufeff': // byte order mark, zero-width no-break space
		return true
	}
	return false
}

// Terminal returns s with every unsafe character shown as an escape:
// \n, \r, \t, \x1b-style for other bytes below 0x80, \u202e-style above,
// and \xff-style for bytes that are not UTF-8. Everything else, including
// a backslash, is left as it is, so a Windows path reads as it should.
func Terminal(s string) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case unsafe(r) && r < 0x80:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafe(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// Line returns s as one plain line: each run of unsafe characters becomes
// one space, bytes that are not UTF-8 become U+FFFD, spaces at the ends are
// trimmed, and text longer than MaxLine runes is cut with "…".
func Line(s string) string {
	if isPlain(s) && utf8.RuneCountInString(s) <= MaxLine && strings.TrimSpace(s) == s {
		return s
	}
	var b strings.Builder
	space := false
	n := 0
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		if unsafe(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
			n++
		}
		space = false
		if n >= MaxLine {
			return strings.TrimSpace(b.String()) + "…"
		}
		b.WriteRune(r)
		n++
	}
	return strings.TrimSpace(b.String())
}

// isPlain reports whether s is valid UTF-8 without an unsafe character.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			goto slow
		}
	}
	return true
slow:
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if unsafe(r) {
			return false
		}
	}
	return true
}

// Column is s for a column of a table in the terminal: Terminal, and at
// most width characters (cut with "…"), so that one long name cannot make
// every row of a listing thousands of characters wide.
func Column(s string, width int) string {
	return cut(Terminal(s), width)
}

// Button is s for a button's label in the window: Line, and at most width
// characters (cut with "…"). A button does not wrap, and one as wide as a
// long name widened the window past the screen's edge (Y7); the text
// beside the button names it whole.
func Button(s string, width int) string {
	return cut(Line(s), width)
}

// ButtonWidth is the longest name Fornyer writes on a button: with the
// button's own words it fits the window at its narrowest.
const ButtonWidth = 26

// cut is s, at most width characters, cut with "…".
func cut(s string, width int) string {
	if r := []rune(s); len(r) > width {
		return string(r[:width-1]) + "…"
	}
	return s
}

// ColumnWidth is the widest column Fornyer prints for a name.
const ColumnWidth = 60

// reserved are the characters a file name may not hold on Windows (and '/'
// nowhere).
const reserved = `<>:"/\|?*`

// FileName makes s fit for a file name on Windows, macOS and Linux and on
// a FAT or exFAT stick: one safe Line, each run of reserved characters and
// spaces one space, no dots or spaces at the ends (Windows drops trailing
// ones; a leading dot hides the file), no name Windows keeps for a device
// (CON, NUL, COM1, ...: "_CON"), and at most maxFileName characters, the
// extension kept.
func FileName(s string) string {
	ext := filepath.Ext(s)
	if len(ext) > 16 || ext != Line(ext) || strings.ContainsAny(ext, reserved+" ") {
		ext = ""
	}
	clean := func(s string) string {
		return strings.Map(func(r rune) rune {
			if strings.ContainsRune(reserved, r) {
				return ' '
			}
			return r
		}, s)
	}
	stem := []rune(clean(Line(strings.TrimSuffix(s, ext))))
	if max := maxFileName - len(ext); len(stem) > max {
		stem = stem[:max]
	}
	s = strings.Trim(strings.Join(strings.Fields(string(stem)), " "), ". ")
	s = strings.Trim(s+ext, ". ")
	base, _, _ := strings.Cut(s, ".")
	if deviceNames[strings.ToUpper(strings.TrimSpace(base))] {
		s = "_" + s
	}
	return s
}

// maxFileName bounds a name's characters: FAT and NTFS allow 255 UTF-16
// units, and a " (2)" may still be added.
const maxFileName = 200

// deviceNames are the names Windows keeps for devices, with any extension.
var deviceNames = map[string]bool{
	"CON": true, "PRN": true, "AUX": true, "NUL": true,
	"COM1": true, "COM2": true, "COM3": true, "COM4": true, "COM5": true, "COM6": true, "COM7": true, "COM8": true, "COM9": true,
	"LPT1": true, "LPT2": true, "LPT3": true, "LPT4": true, "LPT5": true, "LPT6": true, "LPT7": true, "LPT8": true, "LPT9": true,
}

// PlainFileName is FileName in plain ASCII letters: Danish letters written
// out as Danish does without them ("æ" "ae", "ø" "o", "å" "a"), accents
// dropped ("é" "e"), and any other letter left out. It is the name a file
// is saved under when a file system refuses its own (a stick that stores
// no "æ"); "" when nothing is left of the name but its extension.
func PlainFileName(s string) string {
	var b strings.Builder
	for _, r := range norm.NFC.String(FileName(s)) {
		if r < utf8.RuneSelf {
			b.WriteRune(r)
			continue
		}
		if w, ok := plainLetters[r]; ok {
			b.WriteString(w)
			continue
		}
		for _, d := range norm.NFD.String(string(r)) {
			if d < utf8.RuneSelf {
				b.WriteRune(d)
			}
		}
	}
	plain := b.String()
	if strings.Trim(strings.TrimSuffix(plain, filepath.Ext(plain)), ". ") == "" {
		return ""
	}
	return FileName(plain)
}

// plainLetters are letters with no accent to drop, written out.
var plainLetters = map[rune]string{
	'æ': "ae", 'Æ': "Ae", 'ø': "o", 'Ø': "O", 'å': "a", 'Å': "A",
	'ß': "ss", 'œ': "oe", 'Œ': "Oe", 'ð': "d", 'Ð': "D", 'þ': "th", 'Þ': "Th", 'ł': "l", 'Ł': "L",
}
