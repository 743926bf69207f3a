package register

import (
	"encoding/json"
	"errors"
	"io/fs"
	"strings"
	"time"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// Entry is one certificate of the register as Scan reads it without
// decoding it whole: the fields that say which certificates a checked
// file's answer needs (core/renewal.Needed).
type Entry struct {
	SHA256, UUID, CVR, Organization, CommonName string
	Updated                                     time.Time
}

// Index is the register as Scan read it: every certificate's Entry, and
// each certificate whole on demand (Certificates).
type Index struct {
	path    string
	entries []Entry
	raw     []string      // each certificate's JSON, when the file was scanned
	certs   []Certificate // every certificate, when the file was decoded whole
}

// Scan reads the register at path as Read does, but decodes only what
// tells its certificates apart (Entry), so that `fornyer inspect` pays
// for the few certificates its answer needs and not for an IT provider's
// thousands (issue 24, 13). Its checks are Read's on the whole file: the
// JSON's syntax, the format version, every certificate's fingerprint and
// expiry, no fingerprint twice; the errors are Read's, with the same
// codes. The one check left to Certificates is the type of each value of
// a certificate not decoded (a number where a name belongs): Certificates
// decodes what it returns as strictly as Read, and the window, which
// reads everything, reports such a file as damaged.
//
// A file in another layout than the one Encode writes (format version 1,
// an escaped or non-ASCII key, a repeated "certificates") is decoded
// whole, by Read's own decoder.
func Scan(path string) (*Index, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, readError(path, err)
	}
	x := &Index{path: path}
	// The entries' texts are the file's own bytes, not copies: data is
	// not written to after it is read, and lives as long as they do.
	if entries, raw, ok := scanCurrent(unsafe.String(unsafe.SliceData(data), len(data))); ok {
		x.entries, x.raw = entries, raw
		return x, nil
	}
	certs, version, err := decode(data)
	if err != nil {
		return nil, decodeError(path, version, err)
	}
	x.certs = certs
	x.entries = make([]Entry, len(certs))
	for i, c := range certs {
		x.entries[i] = Entry{SHA256: c.SHA256, UUID: c.UUID, CVR: c.CVR, Organization: c.Organization, CommonName: c.CommonName, Updated: c.Updated}
	}
	return x, nil
}

// Entries are the register's certificates in file order (Read's order),
// as far as Scan read them.
func (x *Index) Entries() []Entry { return x.entries }

// Certificates returns the certificates at the indices (of Entries),
// decoded as strictly as Read decodes them; a certificate that does not
// decode makes the file damaged (CodeDamaged), as it would for Read.
func (x *Index) Certificates(which []int) ([]Certificate, error) {
	out := make([]Certificate, 0, len(which))
	for _, i := range which {
		if x.certs != nil {
			out = append(out, x.certs[i])
			continue
		}
		var c Certificate
		if err := json.Unmarshal([]byte(x.raw[i]), &c); err != nil {
			return nil, decodeError(x.path, FormatVersion, err)
		}
		out = append(out, c)
	}
	return out, nil
}

// readError is the register's error for a file that could not be read
// (Read, Scan).
func readError(path string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &Error{Code: CodeNotFound, Path: path, Err: err}
	case errors.Is(err, errTooLarge):
		return &Error{Code: CodeDamaged, Path: path, Err: err}
	}
	return &Error{Code: CodeUnreadable, Path: path, Err: err}
}

// decodeError is the register's error for a file whose content is not a
// register this version reads (Read, Scan).
func decodeError(path string, version int, err error) error {
	code := CodeDamaged
	if version > FormatVersion {
		code = CodeNewer
	}
	return &Error{Code: code, Path: path, Version: version, Err: err}
}

// scanCurrent reads a register in the layout Encode writes (format
// version 2) without decoding it: it checks the JSON's syntax as
// encoding/json does, finds each certificate's bytes and reads their
// Entry fields, with encoding/json's rules for them (keys matched
// without regard to case, the last of a repeated key wins, null leaves a
// value as it was). ok is false for anything else, and for anything
// wrong: decode then reads the file, and says what is wrong.
func scanCurrent(data string) (entries []Entry, raw []string, ok bool) {
	s := scanner{data: data}
	s.space()
	if !s.eat('{') {
		return nil, nil, false
	}
	version, certificates := false, false
	s.space()
	if s.eat('}') {
		return nil, nil, false // no version: decode says so
	}
	for {
		s.space()
		key, plain := s.key()
		if !plain {
			return nil, nil, false
		}
		s.space()
		if !s.eat(':') {
			return nil, nil, false
		}
		s.space()
		switch {
		case is(key, "version"):
			start := s.i
			if version || !s.value(0) || data[start:s.i] != "2" {
				return nil, nil, false
			}
			version = true
		case is(key, "certificates"):
			if certificates {
				return nil, nil, false
			}
			certificates = true
			if entries, raw, ok = s.certificates(); !ok {
				return nil, nil, false
			}
		default:
			if !s.value(0) {
				return nil, nil, false
			}
		}
		s.space()
		if s.eat('}') {
			break
		}
		if !s.eat(',') {
			return nil, nil, false
		}
	}
	// What json.Decoder.More lets through after the register (strictUnmarshal).
	s.space()
	if s.i < len(data) && data[s.i] != ']' && data[s.i] != '}' {
		return nil, nil, false
	}
	if !version || !validEntries(entries) {
		return nil, nil, false
	}
	return entries, raw, true
}

// validEntries is validAll on what scanCurrent read: each fingerprint
// 64 lower-case hex digits and listed once (each certificate's expiry is
// checked as it is read).
func validEntries(entries []Entry) bool {
	seen := make(map[string]struct{}, len(entries))
	for _, e := range entries {
		if len(e.SHA256) != 64 || strings.Trim(e.SHA256, "0123456789abcdef") != "" {
			return false
		}
		if _, twice := seen[e.SHA256]; twice {
			return false
		}
		seen[e.SHA256] = struct{}{}
	}
	return true
}

// scanner walks JSON text, checking its syntax as encoding/json does.
type scanner struct {
	data string
	i    int
}

// maxDepth is encoding/json's nesting limit; deeper is left to it.
const maxDepth = 10000

func (s *scanner) space() {
	for s.i < len(s.data) {
		switch s.data[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

func (s *scanner) eat(c byte) bool {
	if s.i < len(s.data) && s.data[s.i] == c {
		s.i++
		return true
	}
	return false
}

// key reads an object key; plain is false unless it is a string of
// printable ASCII without escapes (the only keys Encode writes: others
// are matched to fields by encoding/json's Unicode folding, left to it).
func (s *scanner) key() (string, bool) {
	if !s.eat('"') {
		return "", false
	}
	start := s.i
	for s.i < len(s.data) {
		c := s.data[s.i]
		if c == '"' {
			k := s.data[start:s.i]
			s.i++
			return k, true
		}
		if c < 0x20 || c >= 0x80 || c == '\\' {
			return "", false
		}
		s.i++
	}
	return "", false
}

// is says whether a plain key (scanner.key) names the field name, as
// encoding/json matches them: without regard to case.
func is(key, name string) bool {
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

// str reads a string whose opening quote is at s.i, checking it; it
// returns the string's text between the quotes, whether it holds an
// escape, and whether it holds bytes that are not ASCII.
func (s *scanner) str() (text string, escaped, high, ok bool) {
	if !s.eat('"') {
		return "", false, false, false
	}
	start := s.i
	d := s.data
	for {
		// Eight bytes at a time while none of them ends the string, starts
		// an escape, or is a control character or not ASCII.
		for s.i+8 <= len(d) && plain8(load64(d, s.i)) {
			s.i += 8
		}
		if s.i >= len(d) {
			return "", false, false, false
		}
		switch c := d[s.i]; {
		case c == '"':
			text = d[start:s.i]
			s.i++
			return text, escaped, high, true
		case c < 0x20:
			return "", false, false, false
		case c == '\\':
			escaped = true
			s.i++
			if s.i >= len(d) {
				return "", false, false, false
			}
			switch d[s.i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				s.i++
			case 'u':
				if s.i+5 > len(d) {
					return "", false, false, false
				}
				for _, h := range []byte(d[s.i+1 : s.i+5]) {
					if !isHex(h) {
						return "", false, false, false
					}
				}
				s.i += 5
			default:
				return "", false, false, false
			}
		default:
			if c >= 0x80 {
				high = true
			}
			s.i++
		}
	}
}

// load64 is the eight bytes of d from i on, little-endian (one load).
func load64(d string, i int) uint64 {
	b := d[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// plain8 says whether none of the eight bytes in x is a quote, a
// backslash, a control character or a byte above ASCII (SWAR: a byte
// below n sets its top bit in x-n, where x's own top bit is clear).
func plain8(x uint64) bool {
	const ones, tops = 0x0101010101010101, 0x8080808080808080
	q, b := x^('"'*ones), x^('\\'*ones)
	return (x|(x-0x20*ones)&^x|(q-ones)&^q|(b-ones)&^b)&tops == 0
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// value checks one JSON value at s.i and moves past it.
func (s *scanner) value(depth int) bool {
	if s.i >= len(s.data) || depth > maxDepth {
		return false
	}
	switch c := s.data[s.i]; {
	case c == '"':
		_, _, _, ok := s.str()
		return ok
	case c == '{':
		s.i++
		s.space()
		if s.eat('}') {
			return true
		}
		for {
			s.space()
			if _, _, _, ok := s.str(); !ok {
				return false
			}
			s.space()
			if !s.eat(':') {
				return false
			}
			s.space()
			if !s.value(depth + 1) {
				return false
			}
			s.space()
			if s.eat('}') {
				return true
			}
			if !s.eat(',') {
				return false
			}
		}
	case c == '[':
		s.i++
		s.space()
		if s.eat(']') {
			return true
		}
		for {
			s.space()
			if !s.value(depth + 1) {
				return false
			}
			s.space()
			if s.eat(']') {
				return true
			}
			if !s.eat(',') {
				return false
			}
		}
	case c == 't':
		return s.literal("true")
	case c == 'f':
		return s.literal("false")
	case c == 'n':
		return s.literal("null")
	case c == '-' || '0' <= c && c <= '9':
		return s.number()
	}
	return false
}

func (s *scanner) literal(word string) bool {
	if strings.HasPrefix(s.data[s.i:], word) {
		s.i += len(word)
		return true
	}
	return false
}

// number checks JSON's number grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
func (s *scanner) number() bool {
	s.eat('-')
	digits := func() int {
		n := 0
		for s.i < len(s.data) && '0' <= s.data[s.i] && s.data[s.i] <= '9' {
			s.i++
			n++
		}
		return n
	}
	if s.eat('0') {
		// no more digits may follow a leading zero: the next byte is
		// checked by whoever reads on
	} else if digits() == 0 {
		return false
	}
	if s.eat('.') && digits() == 0 {
		return false
	}
	if s.eat('e') || s.eat('E') {
		if !s.eat('+') {
			s.eat('-')
		}
		if digits() == 0 {
			return false
		}
	}
	return true
}

// certificates reads the array of certificates at s.i: each one's bytes
// and Entry.
func (s *scanner) certificates() ([]Entry, []string, bool) {
	if !s.eat('[') {
		return nil, nil, false // null or another type: decode says
	}
	// Room for as many as Encode writes in the file's size (about 640
	// bytes each; more are appended).
	n := len(s.data)/512 + 1
	entries, raw := make([]Entry, 0, n), make([]string, 0, n)
	s.space()
	if s.eat(']') {
		return entries, raw, true
	}
	for {
		s.space()
		start := s.i
		e, ok := s.certificate()
		if !ok {
			return nil, nil, false
		}
		entries = append(entries, e)
		raw = append(raw, s.data[start:s.i])
		s.space()
		if s.eat(']') {
			return entries, raw, true
		}
		if !s.eat(',') {
			return nil, nil, false
		}
	}
}

// certificate reads one certificate object's Entry fields and checks the
// rest of it; a certificate without an expiry is not ok (valid).
func (s *scanner) certificate() (Entry, bool) {
	var e Entry
	var notAfter time.Time
	if !s.eat('{') {
		return e, false
	}
	s.space()
	if s.eat('}') {
		return e, false // no fingerprint, no expiry
	}
	for {
		s.space()
		key, plain := s.key()
		if !plain {
			return e, false
		}
		s.space()
		if !s.eat(':') {
			return e, false
		}
		s.space()
		var ok bool
		switch {
		case is(key, "sha256"):
			e.SHA256, ok = s.text(e.SHA256)
		case is(key, "uuid"):
			e.UUID, ok = s.text(e.UUID)
		case is(key, "cvr"):
			e.CVR, ok = s.text(e.CVR)
		case is(key, "organization"):
			e.Organization, ok = s.text(e.Organization)
		case is(key, "common_name"):
			e.CommonName, ok = s.text(e.CommonName)
		case is(key, "updated"):
			ok = s.time(&e.Updated)
		case is(key, "not_after"):
			ok = s.time(&notAfter)
		default:
			ok = s.value(1)
		}
		if !ok {
			return e, false
		}
		s.space()
		if s.eat('}') {
			return e, !notAfter.IsZero()
		}
		if !s.eat(',') {
			return e, false
		}
	}
}

// text reads a string value as encoding/json would into a string that
// held old: null leaves it as it was; another type is not ok.
func (s *scanner) text(old string) (string, bool) {
	if s.literal("null") {
		return old, true
	}
	text, escaped, high, ok := s.str()
	if !ok {
		return "", false
	}
	if !escaped && (!high || utf8.ValidString(text)) {
		return text, true // the file's own bytes
	}
	return unquote(text), true
}

// unquote is encoding/json's reading of a string's text that holds
// escapes or bytes that are not UTF-8 (checked already by scanner.str):
// an escaped UTF-16 surrogate pair is one character, a lone surrogate
// and a byte that is not UTF-8 are U+FFFD.
func unquote(t string) string {
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
				r := hex4(t[i:])
				i += 4
				if utf16.IsSurrogate(r) {
					if strings.HasPrefix(t[i:], "\\u") && len(t) >= i+6 {
						if d := utf16.DecodeRune(r, hex4(t[i+2:])); d != unicode.ReplacementChar {
							b.WriteRune(d)
							i += 6
							break
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

// hex4 is the value of the four hex digits t starts with (checked by
// scanner.str).
func hex4(t string) rune {
	var r rune
	for _, c := range []byte(t[:4]) {
		switch {
		case c <= '9':
			c -= '0'
		case c >= 'a':
			c -= 'a' - 10
		default:
			c -= 'A' - 10
		}
		r = r<<4 | rune(c)
	}
	return r
}

// time reads a time value into *t as encoding/json would (time.Time's
// UnmarshalJSON, which also takes null as no change).
func (s *scanner) time(t *time.Time) bool {
	start := s.i
	if !s.literal("null") {
		if _, _, _, ok := s.str(); !ok {
			return false
		}
	}
	return t.UnmarshalJSON([]byte(s.data[start:s.i])) == nil
}
