package register

import (
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"runtime/debug"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/fornyer/fornyer/internal/jsonscan"
)

// Entry is one certificate of the register as Scan reads it without
// decoding it whole: the fields that say which certificates a checked
// file's answer needs (core/renewal.Needed).
type Entry struct {
	SHA256, UUID, CVR, Organization, CommonName string
	Updated                                     time.Time
	Apart                                       bool // Certificate.Apart: Scan leaves it out (mine)
}

// Certificate is the certificate of the entry as far as the entry tells
// it (its other fields empty), in memory of its own: for an answer that
// reads only these fields of it (ReadSome).
func (e Entry) Certificate() Certificate {
	return Certificate{SHA256: strings.Clone(e.SHA256), UUID: strings.Clone(e.UUID), CVR: strings.Clone(e.CVR),
		Organization: strings.Clone(e.Organization), CommonName: strings.Clone(e.CommonName), Updated: e.Updated}
}

// Index is the register as Scan read it: every certificate's Entry (in
// file order, Read's order), and each certificate whole on demand
// (Certificates). Its entries' texts are the file's own bytes, read only
// inside guard (a fault there is CodeUnreadable, not a crash): Close
// releases them.
type Index struct {
	path    string
	entries []Entry
	raw     []string      // each certificate's JSON, when the file was scanned
	certs   []Certificate // every certificate, when the file was decoded whole
	checked bool          // the file is as Encode wrote it (scanChecked)
	release func()
}

// Scan reads the register at path as Read does (the user's certificates
// only: mine), but decodes only what tells its certificates apart
// (Entry), so that `fornyer inspect` pays for the few certificates its
// answer needs and not for an IT provider's thousands (issue 24, 13). Its
// checks are Read's on the whole file: the JSON's syntax, the format
// version, every certificate's fingerprint and expiry (validFingerprint,
// hasExpiry: Read's own rules), no fingerprint twice (listedTwice); the
// errors are Read's, with the same codes. The one check left to
// Certificates is the type of each value of a certificate not decoded (a
// number where a name belongs): Certificates decodes what it returns as
// strictly as Read, and the window, which reads everything, reports such
// a file as damaged.
//
// A file in another layout than the one Encode writes (format version 1,
// an escaped or non-ASCII key, a repeated "certificates") is decoded
// whole, by Read's own decoder. The Index holds the file's bytes until
// Close.
func Scan(path string) (*Index, error) {
	data, release, err := mapFile(path)
	if err != nil {
		return nil, readError(path, err)
	}
	x := &Index{path: path, release: release}
	var scanned bool
	// Every read of the entries' texts is inside guard, keepMine's too
	// (review T1): they are the file's own bytes, not copies (data is not
	// written to, and lives until Close).
	if err := guard(path, func() {
		text := unsafe.String(unsafe.SliceData(data), len(data))
		if x.entries, x.raw, x.checked = scanChecked(text); !x.checked {
			x.entries, x.raw, scanned = scanCurrent(text)
		}
		if scanned = scanned || x.checked; scanned {
			afterScan()
			x.keepMine()
		}
	}); err != nil {
		x.Close()
		return nil, err
	}
	if scanned {
		return x, nil
	}
	var certs []Certificate
	var version int
	var derr error
	err = guard(path, func() { certs, version, derr = decode(data) })
	x.Close() // decode copied what it keeps
	if err != nil {
		return nil, err
	}
	if derr != nil {
		return nil, decodeError(path, version, derr)
	}
	x.certs = slices.DeleteFunc(certs, func(c Certificate) bool { return !mine(c) })
	x.entries = make([]Entry, len(x.certs))
	for i, c := range x.certs {
		x.entries[i] = entryOf(c)
	}
	return x, nil
}

// entryOf is a certificate's Entry.
func entryOf(c Certificate) Entry {
	return Entry{SHA256: c.SHA256, UUID: c.UUID, CVR: c.CVR, Organization: c.Organization, CommonName: c.CommonName, Updated: c.Updated}
}

// afterScan runs between Scan's scan and keepMine: tests cut the file
// short there.
var afterScan = func() {}

// keepMine leaves out the entries Read leaves out (mine), with their bytes.
func (x *Index) keepMine() {
	n := 0
	for i, e := range x.entries {
		if mine(Certificate{Organization: e.Organization, CommonName: e.CommonName, Apart: e.Apart}) {
			x.entries[n], x.raw[n] = e, x.raw[i]
			n++
		}
	}
	x.entries, x.raw = x.entries[:n], x.raw[:n]
}

// Close releases the file's bytes: the entries' texts are not to be read
// after it, nor outside guard before it. A second Close does nothing.
func (x *Index) Close() {
	if x.release != nil {
		x.release()
		x.release = nil
	}
}

// guard runs read over the file's mapped bytes (mapFile): a fault there
// (the file cut short in place by another program while mapped) is the
// register's CodeUnreadable, not a crash. Any other panic goes on.
func guard(path string, read func()) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			if fault, ok := r.(interface{ Addr() uintptr }); ok {
				err = &Error{Code: CodeUnreadable, Path: path, Err: fmt.Errorf("the file changed while read: %v", fault)}
				return
			}
			panic(r)
		}
	}()
	read()
	return nil
}

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
		var err error
		if gerr := guard(x.path, func() { err = json.Unmarshal([]byte(x.raw[i]), &c) }); gerr != nil {
			return nil, gerr
		}
		if err != nil {
			return nil, decodeError(x.path, FormatVersion, err)
		}
		out = append(out, c)
	}
	return out, nil
}

// ReadSome reads the register at path as Scan does and returns the
// certificates pick chooses from its entries, in the file's order: those
// in whole decoded as strictly as Read decodes them (Certificates), those
// in brief only as their entry tells them (Entry.Certificate), without
// encoding/json. The errors are Scan's and Certificates'.
func ReadSome(path string, pick func([]Entry) (whole, brief []int)) ([]Certificate, error) {
	x, err := Scan(path)
	if err != nil {
		return nil, err
	}
	defer x.Close()
	var whole, brief []int
	var briefs []Certificate
	if err := guard(path, func() {
		whole, brief = pick(x.entries)
		for _, i := range brief {
			briefs = append(briefs, x.entries[i].Certificate())
		}
	}); err != nil {
		return nil, err
	}
	certs, err := x.Certificates(whole)
	if err != nil {
		return nil, err
	}
	// In the file's order: whole and brief are each in it already.
	out := make([]Certificate, 0, len(certs)+len(briefs))
	for len(whole) > 0 || len(brief) > 0 {
		if len(brief) == 0 || len(whole) > 0 && whole[0] < brief[0] {
			out, whole, certs = append(out, certs[0]), whole[1:], certs[1:]
		} else {
			out, brief, briefs = append(out, briefs[0]), brief[1:], briefs[1:]
		}
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

// scanChecked reads a register Encode wrote that still has its checksum
// (Encode): then it is valid by Read's rules (Encode writes no other) and
// its layout is Encode's to the byte, so only what an Entry needs is
// read: each certificate's bounds (a certificate's object ends where
// `},{"sha256":"` begins the next, which no string and no nested object
// of Encode's can hold), its fingerprint (first), the values before
// "not_before" (organisation, CVR, UUID, common name, all strings, and
// "apart", true when written) and
// "updated" (last). ok is false for any other file, and for anything
// that is not as Encode writes it: scanCurrent then reads the file and
// checks every byte. (The checksum finds damage, not forgery: a file
// edited by hand to match its checksum again is read as Encode's.)
func scanChecked(data string) (entries []Entry, raw []string, ok bool) {
	rest, found := strings.CutPrefix(data, checkedHead)
	if !found || len(rest) < 8 {
		return nil, nil, false
	}
	sum, rest := rest[:8], rest[8:]
	array, found := strings.CutPrefix(rest, checkedMiddle)
	if !found {
		return nil, nil, false
	}
	array, found = strings.CutSuffix(array, "}\n")
	if !found || fmt.Sprintf("%08x", crc32.ChecksumIEEE(unsafe.Slice(unsafe.StringData(array), len(array)))) != sum {
		return nil, nil, false
	}
	if array == "null" || array == "[]" {
		return []Entry{}, []string{}, true
	}
	const first, next = `[{"sha256":"`, `},{"sha256":"`
	if !strings.HasPrefix(array, first) || !strings.HasSuffix(array, "}]") {
		return nil, nil, false
	}
	n := len(array)/512 + 1
	entries, raw = make([]Entry, 0, n), make([]string, 0, n)
	last := len(array) - 2 // the last certificate's closing brace
	for at := 1; ; {
		end := last
		if i := strings.Index(array[at:last], next); i >= 0 {
			end = at + i
		}
		cert := array[at : end+1]
		e, ok := checkedEntry(cert)
		if !ok {
			return nil, nil, false
		}
		entries, raw = append(entries, e), append(raw, cert)
		if end == last {
			return entries, raw, true
		}
		at = end + 2
	}
}

// headKeys are the string fields Encode writes after a certificate's
// fingerprint and before "apart" and "kind" (with the value's opening
// quote), in Certificate's order: sha1, organization (never left out),
// cvr, uuid, serial, common_name.
var headKeys = [...]string{`,"sha1":"`, headOrganization, `,"cvr":"`, `,"uuid":"`, `,"serial":"`, `,"common_name":"`}

const headOrganization = `,"organization":"`

// checkedEntry is the Entry of one certificate's object as Encode wrote it
// (scanChecked).
func checkedEntry(cert string) (Entry, bool) {
	const sha, updated = `{"sha256":"`, `,"updated":`
	var e Entry
	if len(cert) < len(sha)+65 || cert[len(sha)+64] != '"' {
		return e, false
	}
	e.SHA256 = cert[len(sha) : len(sha)+64]
	s := jsonscan.Scanner{Data: cert, I: len(sha) + 65}
	// The strings Encode writes next, in Certificate's order, each key
	// matched whole: those an Entry needs are kept; from "kind" on nothing
	// is read. (TestScanCheckedAgreesWithRead fills every field: a change
	// of Certificate's fields this misses makes it fail.)
	for i, key := range headKeys {
		if !strings.HasPrefix(cert[s.I:], key) {
			if key == headOrganization {
				return e, false // never left out
			}
			continue
		}
		s.I += len(key) - 1 // at the value's opening quote
		text, escaped, ok := s.Str()
		if !ok {
			return e, false
		}
		if escaped {
			text = jsonscan.Unquote(text)
		}
		switch i {
		case 1:
			e.Organization = text
		case 2:
			e.CVR = text
		case 3:
			e.UUID = text
		case 5:
			e.CommonName = text
		}
	}
	// "apart", after them, is written only when true (omitempty).
	if rest, found := strings.CutPrefix(cert[s.I:], `,"apart":`); found {
		if !strings.HasPrefix(rest, "true") {
			return e, false
		}
		e.Apart = true
		s.I += len(`,"apart":true`)
	}
	// "updated", a time (a string without escapes), is the last value.
	if len(cert) < s.I+len(updated)+3 || cert[len(cert)-2] != '"' {
		return e, false
	}
	open := strings.LastIndexByte(cert[:len(cert)-2], '"')
	if open < s.I+len(updated) || cert[open-len(updated):open] != updated ||
		e.Updated.UnmarshalJSON([]byte(cert[open:len(cert)-1])) != nil {
		return e, false
	}
	return e, true
}

// scanCurrent reads a register in the layout Encode writes (format
// version 2) without decoding it: it checks the JSON's syntax as
// encoding/json does, finds each certificate's bytes and reads their
// Entry fields, with encoding/json's rules for them (keys matched
// without regard to case, the last of a repeated key wins, null leaves a
// value as it was). ok is false for anything else, and for anything
// wrong: decode then reads the file, and says what is wrong.
func scanCurrent(data string) (entries []Entry, raw []string, ok bool) {
	s := scanner{jsonscan.Scanner{Data: data}}
	s.Space()
	if !s.Eat('{') {
		return nil, nil, false
	}
	version, certificates := false, false
	s.Space()
	if s.Eat('}') {
		return nil, nil, false // no version: decode says so
	}
	for {
		s.Space()
		key, plain := s.Key()
		if !plain {
			return nil, nil, false
		}
		s.Space()
		if !s.Eat(':') {
			return nil, nil, false
		}
		s.Space()
		switch {
		case jsonscan.Is(key, "version"):
			start := s.I
			if version || !s.Value(0) || data[start:s.I] != "2" {
				return nil, nil, false
			}
			version = true
		case jsonscan.Is(key, "certificates"):
			if certificates {
				return nil, nil, false
			}
			certificates = true
			if entries, raw, ok = s.certificates(); !ok {
				return nil, nil, false
			}
		default:
			if !s.Value(0) {
				return nil, nil, false
			}
		}
		s.Space()
		if s.Eat('}') {
			break
		}
		if !s.Eat(',') {
			return nil, nil, false
		}
	}
	// What json.Decoder.More lets through after the register (strictUnmarshal).
	s.Space()
	if s.I < len(data) && data[s.I] != ']' && data[s.I] != '}' {
		return nil, nil, false
	}
	if !version || !validEntries(entries) {
		return nil, nil, false
	}
	return entries, raw, true
}

// validEntries is validAll on what scanCurrent read, by the same rules
// (each certificate's expiry is checked as it is read).
func validEntries(entries []Entry) bool {
	for _, e := range entries {
		if !validFingerprint(e.SHA256) {
			return false
		}
	}
	_, twice := listedTwice(len(entries), func(i int) string { return entries[i].SHA256 })
	return !twice
}

// scanner reads the register's own values over jsonscan's primitives.
type scanner struct{ jsonscan.Scanner }

// certificates reads the array of certificates at I: each one's bytes
// and Entry.
func (s *scanner) certificates() ([]Entry, []string, bool) {
	if !s.Eat('[') {
		return nil, nil, false // null or another type: decode says
	}
	// Room for as many as Encode writes in the file's size (about 640
	// bytes each; more are appended).
	n := len(s.Data)/512 + 1
	entries, raw := make([]Entry, 0, n), make([]string, 0, n)
	s.Space()
	if s.Eat(']') {
		return entries, raw, true
	}
	for {
		s.Space()
		start := s.I
		e, ok := s.certificate()
		if !ok {
			return nil, nil, false
		}
		entries = append(entries, e)
		raw = append(raw, s.Data[start:s.I])
		s.Space()
		if s.Eat(']') {
			return entries, raw, true
		}
		if !s.Eat(',') {
			return nil, nil, false
		}
	}
}

// The fields of a certificate scanner.certificate reads.
const (
	fieldOther = iota
	fieldSHA256
	fieldUUID
	fieldCVR
	fieldOrganization
	fieldCommonName
	fieldUpdated
	fieldNotAfter
	fieldApart
)

// field is the Entry field a plain key names, as encoding/json matches
// keys to fields: without regard to case (Encode writes them in lower
// case, looked up first).
func field(key string) int {
	switch key {
	case "sha256":
		return fieldSHA256
	case "uuid":
		return fieldUUID
	case "cvr":
		return fieldCVR
	case "organization":
		return fieldOrganization
	case "common_name":
		return fieldCommonName
	case "updated":
		return fieldUpdated
	case "not_after":
		return fieldNotAfter
	case "apart":
		return fieldApart
	}
	for i := range len(key) {
		if 'A' <= key[i] && key[i] <= 'Z' {
			return field(strings.ToLower(key)) // ASCII: plain keys only
		}
	}
	return fieldOther
}

// certificate reads one certificate object's Entry fields and checks the
// rest of it; a certificate without an expiry is not ok (hasExpiry).
func (s *scanner) certificate() (Entry, bool) {
	var e Entry
	var notAfter time.Time
	if !s.Eat('{') {
		return e, false
	}
	s.Space()
	if s.Eat('}') {
		return e, false // no fingerprint, no expiry
	}
	for {
		s.Space()
		key, plain := s.Key()
		if !plain {
			return e, false
		}
		s.Space()
		if !s.Eat(':') {
			return e, false
		}
		s.Space()
		var ok bool
		switch field(key) {
		case fieldSHA256:
			e.SHA256, ok = s.text(e.SHA256)
		case fieldUUID:
			e.UUID, ok = s.text(e.UUID)
		case fieldCVR:
			e.CVR, ok = s.text(e.CVR)
		case fieldOrganization:
			e.Organization, ok = s.text(e.Organization)
		case fieldCommonName:
			e.CommonName, ok = s.text(e.CommonName)
		case fieldUpdated:
			ok = s.time(&e.Updated)
		case fieldNotAfter:
			ok = s.time(&notAfter)
		case fieldApart:
			ok = s.flag(&e.Apart)
		default:
			ok = s.Value(1)
		}
		if !ok {
			return e, false
		}
		s.Space()
		if s.Eat('}') {
			return e, hasExpiry(notAfter)
		}
		if !s.Eat(',') {
			return e, false
		}
	}
}

// text reads a string value as encoding/json would into a string that
// held old: null leaves it as it was; another type is not ok.
func (s *scanner) text(old string) (string, bool) {
	if s.Literal("null") {
		return old, true
	}
	text, escaped, ok := s.Str()
	if !ok {
		return "", false
	}
	if !escaped && utf8.ValidString(text) {
		return text, true // the file's own bytes
	}
	return jsonscan.Unquote(text), true
}

// flag reads a boolean value into *b as encoding/json would: null
// leaves it as it was; another type is not ok.
func (s *scanner) flag(b *bool) bool {
	switch {
	case s.Literal("true"):
		*b = true
	case s.Literal("false"):
		*b = false
	default:
		return s.Literal("null")
	}
	return true
}

// time reads a time value into *t as encoding/json would (time.Time's
// UnmarshalJSON, which also takes null as no change).
func (s *scanner) time(t *time.Time) bool {
	start := s.I
	if !s.Literal("null") {
		if _, _, ok := s.Str(); !ok {
			return false
		}
	}
	return t.UnmarshalJSON([]byte(s.Data[start:s.I])) == nil
}
