// Package jsonscan holds the byte-level primitives of the two JSON readers
// Fornyer writes by hand where encoding/json costs too much for a short
// command: the register's scanner (core/register, Scan: `fornyer inspect`
// with an IT provider's thousands of certificates) and the catalogue's
// flat parser (core/msg: every command's first look-up). Both are held to
// encoding/json by fuzz tests (FuzzScan, FuzzParseFlat); this package only
// walks the text and checks its syntax as encoding/json does, and what a
// value means stays with each reader.
package jsonscan

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// Scanner walks JSON text. Data is never written to; the texts it returns
// are Data's own bytes.
type Scanner struct {
	Data string
	I    int // the next byte to read
}

// MaxDepth is encoding/json's nesting limit; deeper is left to it.
const MaxDepth = 10000

// Space skips JSON's white space.
func (s *Scanner) Space() {
	for s.I < len(s.Data) {
		switch s.Data[s.I] {
		case ' ', '\t', '\n', '\r':
			s.I++
		default:
			return
		}
	}
}

// Eat moves past c if it is the next byte.
func (s *Scanner) Eat(c byte) bool {
	if s.I < len(s.Data) && s.Data[s.I] == c {
		s.I++
		return true
	}
	return false
}

// Key reads an object key; plain is false unless it is a string of
// printable ASCII without escapes (others are matched to fields by
// encoding/json's Unicode folding, which the readers leave to it).
func (s *Scanner) Key() (key string, plain bool) {
	text, escaped, ok := s.Str()
	if !ok || escaped {
		return "", false
	}
	for i := range len(text) {
		if text[i] >= utf8.RuneSelf {
			return "", false
		}
	}
	return text, true
}

// Is says whether a plain key (Key) names the field name, which is lower
// case, as encoding/json matches them: without regard to case.
func Is(key, name string) bool {
	if len(key) != len(name) {
		return false
	}
	for i := range len(key) {
		c := key[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != name[i] {
			return false
		}
	}
	return true
}

// Str reads a string whose opening quote is at I, checking it (no control
// characters, only JSON's escapes); it returns the text between the
// quotes, Data's own bytes, and whether it holds an escape. Bytes that are
// not UTF-8 are left to the reader (Unquote, utf8.ValidString).
func (s *Scanner) Str() (text string, escaped, ok bool) {
	if !s.Eat('"') {
		return "", false, false
	}
	start := s.I
	d := s.Data
	for {
		// Eight bytes at a time, to the first that ends the string, starts
		// an escape or is a control character.
		for s.I+8 <= len(d) {
			if m := special8(load64(d, s.I)); m != 0 {
				s.I += bits.TrailingZeros64(m) >> 3
				break
			}
			s.I += 8
		}
		if s.I >= len(d) {
			return "", false, false
		}
		switch c := d[s.I]; {
		case c == '"':
			text = d[start:s.I]
			s.I++
			return text, escaped, true
		case c < 0x20:
			return "", false, false
		case c == '\\':
			escaped = true
			s.I++
			if s.I >= len(d) {
				return "", false, false
			}
			switch d[s.I] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				s.I++
			case 'u':
				if s.I+5 > len(d) {
					return "", false, false
				}
				if _, ok := hex4(d[s.I+1:]); !ok {
					return "", false, false
				}
				s.I += 5
			default:
				return "", false, false
			}
		default:
			s.I++
		}
	}
}

// load64 is the eight bytes of d from i on, little-endian (one load).
func load64(d string, i int) uint64 {
	b := d[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// special8 sets the top bit of the first byte of x that is a quote, a
// backslash or a control character (SWAR: a byte below n sets its top bit
// in x-n where its own top bit is clear; a borrow can mark bytes after
// the first, never one before it), and is 0 when none is.
func special8(x uint64) uint64 {
	const ones, tops = 0x0101010101010101, 0x8080808080808080
	q, b := x^('"'*ones), x^('\\'*ones)
	return ((x-0x20*ones)&^x | (q-ones)&^q | (b-ones)&^b) & tops
}

// hex4 is the value of the four hex digits t starts with.
func hex4(t string) (rune, bool) {
	if len(t) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range []byte(t[:4]) {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// Unquote is encoding/json's reading of a string's text (as Str returned
// it, checked): the escapes read, an escaped UTF-16 surrogate pair one
// character, a lone surrogate and a byte that is not UTF-8 U+FFFD.
func Unquote(t string) string {
	var b strings.Builder
	b.Grow(len(t))
	for i := 0; i < len(t); {
		c := t[i]
		switch {
		case c == '\\':
			e := t[i+1]
			i += 2
			switch e {
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			case 'u':
				r, _ := hex4(t[i:])
				i += 4
				if utf16.IsSurrogate(r) {
					if strings.HasPrefix(t[i:], `\u`) {
						if lo, ok := hex4(t[i+2:]); ok {
							if d := utf16.DecodeRune(r, lo); d != unicode.ReplacementChar {
								b.WriteRune(d)
								i += 6
								break
							}
						}
					}
					r = unicode.ReplacementChar
				}
				b.WriteRune(r)
			default: // '"', '\\', '/'
				b.WriteByte(e)
			}
		case c < utf8.RuneSelf:
			b.WriteByte(c)
			i++
		default:
			r, size := utf8.DecodeRuneInString(t[i:])
			b.WriteRune(r) // U+FFFD for a byte that is not UTF-8
			i += size
		}
	}
	return b.String()
}

// Value checks one JSON value at I and moves past it.
func (s *Scanner) Value(depth int) bool {
	if s.I >= len(s.Data) || depth > MaxDepth {
		return false
	}
	switch c := s.Data[s.I]; {
	case c == '"':
		_, _, ok := s.Str()
		return ok
	case c == '{':
		s.I++
		s.Space()
		if s.Eat('}') {
			return true
		}
		for {
			s.Space()
			if _, _, ok := s.Str(); !ok {
				return false
			}
			s.Space()
			if !s.Eat(':') {
				return false
			}
			s.Space()
			if !s.Value(depth + 1) {
				return false
			}
			s.Space()
			if s.Eat('}') {
				return true
			}
			if !s.Eat(',') {
				return false
			}
		}
	case c == '[':
		s.I++
		s.Space()
		if s.Eat(']') {
			return true
		}
		for {
			s.Space()
			if !s.Value(depth + 1) {
				return false
			}
			s.Space()
			if s.Eat(']') {
				return true
			}
			if !s.Eat(',') {
				return false
			}
		}
	case c == 't':
		return s.Literal("true")
	case c == 'f':
		return s.Literal("false")
	case c == 'n':
		return s.Literal("null")
	case c == '-' || '0' <= c && c <= '9':
		return s.number()
	}
	return false
}

// Literal moves past word if it comes next.
func (s *Scanner) Literal(word string) bool {
	if strings.HasPrefix(s.Data[s.I:], word) {
		s.I += len(word)
		return true
	}
	return false
}

// number checks JSON's number grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
func (s *Scanner) number() bool {
	s.Eat('-')
	digits := func() int {
		n := 0
		for s.I < len(s.Data) && '0' <= s.Data[s.I] && s.Data[s.I] <= '9' {
			s.I++
			n++
		}
		return n
	}
	if s.Eat('0') {
		// no more digits may follow a leading zero: the next byte is
		// checked by whoever reads on
	} else if digits() == 0 {
		return false
	}
	if s.Eat('.') && digits() == 0 {
		return false
	}
	if s.Eat('e') || s.Eat('E') {
		if !s.Eat('+') {
			s.Eat('-')
		}
		if digits() == 0 {
			return false
		}
	}
	return true
}
