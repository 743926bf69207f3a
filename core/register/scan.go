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
// file's answer needs (core/renewal.Needed), and those that say which the
// window's first card reads (its renewal line, kind and expiry: the
// reminders and the certificate to renew).
type Entry struct {
	SHA256, UUID, CVR, Organization, CommonName string
	Serial, Kind                                string
	NotAfter, Updated                           time.Time
	Apart                                       bool // Certificate.Apart: Scan leaves it out (mine)
}

// Certificate is the certificate of the entry as far as the entry tells
// it (its other fields empty), in memory of its own: for an answer that
// reads only these fields of it (ReadSome).
func (e Entry) Certificate() Certificate {
	return Certificate{SHA256: strings.Clone(e.SHA256), UUID: strings.Clone(e.UUID), CVR: strings.Clone(e.CVR),
		Organization: strings.Clone(e.Organization), CommonName: strings.Clone(e.CommonName),
		Serial: strings.Clone(e.Serial), Kind: strings.Clone(e.Kind), NotAfter: e.NotAfter, Updated: e.Updated}
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
func Scan(path string) (*Index, error) { return scan(path, nil) }

// Keys name the certificates an answer needs, by what a register Encode
// wrote lets ScanFor find without reading the others: each certificate
// with one of the fingerprints, each with the OCES UUID (matched without
// regard to case), the first of the user's with the CVR, and the one the
// register learnt last (LearntLast). Empty keys name nothing.
type Keys struct {
	SHA256 []string
	UUID   string
	CVR    string
}

// ScanFor is Scan, but in a register Encode wrote (its checksum holding,
// with "learnt") only the user's certificates the keys name are entries,
// in the file's order, found by searching the file's bytes rather than
// reading every certificate: inspect's work no longer grows with an IT
// provider's register (issue 24, 13). Any other file, or keys it cannot
// search for exactly (a UUID of other characters than a UUID's, a CVR
// Encode would escape), is Scan's: every entry. An answer that needs
// only the certificates the keys name is the same either way
// (core/renewal.ReadKnown). Like scanChecked it takes a matching
// checksum as Encode's own writing (each value as Encode writes it).
func ScanFor(path string, k Keys) (*Index, error) { return scan(path, &k) }

func scan(path string, keys *Keys) (*Index, error) {
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
		if keys != nil {
			x.entries, x.raw, x.checked = scanCheckedFor(text, *keys)
		}
		if !x.checked {
			x.entries, x.raw, x.checked = scanChecked(text)
		}
		if !x.checked {
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
	return Entry{SHA256: c.SHA256, UUID: c.UUID, CVR: c.CVR, Organization: c.Organization, CommonName: c.CommonName,
		Serial: c.Serial, Kind: c.Kind, NotAfter: c.NotAfter, Updated: c.Updated}
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
	return readSome(path, nil, pick)
}

// ReadSomeFor is ReadSome over ScanFor's entries: pick sees only the
// user's certificates the keys name (or, for a file ScanFor cannot search,
// every one of them).
func ReadSomeFor(path string, k Keys, pick func([]Entry) (whole, brief []int)) ([]Certificate, error) {
	return readSome(path, &k, pick)
}

func readSome(path string, keys *Keys, pick func([]Entry) (whole, brief []int)) ([]Certificate, error) {
	var x *Index
	var err error
	if keys == nil {
		x, err = Scan(path)
	} else {
		x, err = ScanFor(path, *keys)
	}
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
	array, _, _, ok := checkedArray(data)
	if !ok {
		return nil, nil, false
	}
	if array == "null" || array == "[]" {
		return []Entry{}, []string{}, true
	}
	const next = `},{"sha256":"`
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

// scanCheckedFor is scanChecked's reading for the certificates the keys
// name (ScanFor): the user's, in the file's order. ok is false where
// scanChecked would not read the file, in a register written before
// "learnt", and for keys it cannot search for exactly. The work is a few
// look-ups in the register's index (indexLookup) or, in a register
// written before it, a few searches over the file's bytes (searchLookup),
// and the certificates found.
func scanCheckedFor(data string, k Keys) (entries []Entry, raw []string, ok bool) {
	array, learnt, index, indexed, ok := checkedParts(data)
	if !ok || !indexed || !searchable(k) {
		return nil, nil, false
	}
	if array == "null" || array == "[]" {
		return []Entry{}, []string{}, true
	}
	var kept found
	look := searchLookup(array, &kept)
	if index != "" {
		look = indexLookup(array, index, &kept)
	}
	for _, sha := range k.SHA256 {
		// The register's fingerprints are lower-case hex (validFingerprint):
		// another is none of them, in any case.
		if sha = strings.ToLower(sha); validFingerprint(sha) &&
			!look(bySHA256, sha, func(e Entry) (bool, bool) { return e.SHA256 == sha, true }) {
			return nil, nil, false
		}
	}
	// The one learnt last is the user's (LearntLast): a file where it is
	// not there, or not the user's, is read the long way.
	if learnt != "" && (!look(bySHA256, learnt, func(e Entry) (bool, bool) { return e.SHA256 == learnt, true }) || !kept.holds(learnt)) {
		return nil, nil, false
	}
	if k.UUID != "" && !look(byUUID, k.UUID, func(e Entry) (bool, bool) { return strings.EqualFold(e.UUID, k.UUID), false }) {
		return nil, nil, false
	}
	if k.CVR != "" && !look(byCVR, k.CVR, func(e Entry) (bool, bool) { return e.CVR == k.CVR, true }) {
		return nil, nil, false
	}
	entries, raw = kept.inOrder()
	return entries, raw, true
}

// What a lookup finds certificates by.
const (
	bySHA256 = iota // the fingerprint, in lower case
	byUUID          // the OCES UUID, without regard to case
	byCVR
)

// lookup visits each certificate that may hold key as what by names, in
// the file's order, and keeps those match says to keep that are the
// user's (found.visit), until match says to stop; false when a
// certificate is not as Encode writes it.
type lookup func(by int, key string, match func(Entry) (keep, stop bool)) bool

// found is what scanCheckedFor's look-ups kept: each certificate once, by
// where it is (its position in the file or the index).
type found struct {
	at      []int
	entries []Entry
	raw     []string
}

// visit keeps e, the certificate raw at at, when match says to and it is
// the user's (mine); whether match then says to stop.
func (f *found) visit(at int, e Entry, raw string, match func(Entry) (keep, stop bool)) (stop bool) {
	keep, stop := match(e)
	if !keep || !mine(Certificate{Organization: e.Organization, CommonName: e.CommonName, Apart: e.Apart}) {
		return false
	}
	if !slices.Contains(f.at, at) {
		f.at, f.entries, f.raw = append(f.at, at), append(f.entries, e), append(f.raw, raw)
	}
	return stop
}

// holds is whether the certificate with the fingerprint was kept.
func (f *found) holds(sha string) bool {
	return slices.ContainsFunc(f.entries, func(e Entry) bool { return e.SHA256 == sha })
}

// inOrder is what was kept, in the file's order.
func (f *found) inOrder() ([]Entry, []string) {
	order := make([]int, len(f.at))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return f.at[a] - f.at[b] })
	entries, raw := make([]Entry, 0, len(order)), make([]string, 0, len(order))
	for _, i := range order {
		entries, raw = append(entries, f.entries[i]), append(raw, f.raw[i])
	}
	return entries, raw
}

// searchLookup finds certificates by searching the array's bytes for
// what Encode writes for the key (needle): each search goes on after the
// certificate where it last matched.
func searchLookup(array string, kept *found) lookup {
	return func(by int, key string, match func(Entry) (keep, stop bool)) bool {
		n := needle{text: entryOpen + key + `"`}
		switch by {
		case byUUID:
			const uuidKey = `,"uuid":"`
			n = needle{text: uuidKey + key + `"`, fold: len(uuidKey)}
		case byCVR:
			n = needle{text: `,"cvr":"` + key + `"`}
		}
		n.choosePivot(array)
		for from := 0; ; {
			at := n.index(array, from)
			if at < 0 {
				return true
			}
			start := strings.LastIndex(array[:at+len(entryOpen)], entryOpen)
			end := len(array) - 2 // the last certificate's closing brace
			if j := strings.Index(array[at:end], "},"+entryOpen); j >= 0 {
				end = at + j
			}
			if start < 0 {
				return false
			}
			e, ok := checkedEntry(array[start : end+1])
			if !ok {
				return false
			}
			if kept.visit(start, e, array[start:end+1], match) {
				return true
			}
			from = end + 1
		}
	}
}

// indexLookup finds certificates by the register's index (entryIndex):
// those whose records match the key are read, and kept when their own
// fields match it (a record matches others too: it holds only hashes and
// the fingerprint's start).
func indexLookup(array, index string, kept *found) lookup {
	n := len(index) / indexRecord
	return func(by int, key string, match func(Entry) (keep, stop bool)) bool {
		field, want := 0, ""
		switch by {
		case bySHA256:
			want = key[:8]
		case byUUID:
			field, want = 8, string(appendHex32(nil, keyHash(key, true)))
		case byCVR:
			field, want = 16, string(appendHex32(nil, keyHash(key, false)))
		}
		for i := range n {
			if index[i*indexRecord+field:i*indexRecord+field+8] != want {
				continue
			}
			text, ok := indexedCert(array, index, i)
			if !ok {
				return false
			}
			e, ok := checkedEntry(text)
			if !ok {
				return false
			}
			if kept.visit(i, e, text, match) {
				return true
			}
		}
		return true
	}
}

// indexedCert is the ith certificate's object by the index: from its
// offset to the comma before the next one's (the array's closing bracket
// for the last); ok is false where that is not a certificate's object.
func indexedCert(array, index string, i int) (string, bool) {
	start, ok := hex32(index[i*indexRecord+24 : (i+1)*indexRecord])
	end := len(array) - 1
	if (i+2)*indexRecord <= len(index) {
		next, okNext := hex32(index[(i+1)*indexRecord+24 : (i+2)*indexRecord])
		end, ok = int(next)-1, ok && okNext
	}
	if !ok || int(start) < 1 || end <= int(start) || end > len(array)-1 ||
		!strings.HasPrefix(array[start:], entryOpen) || array[end-1] != '}' {
		return "", false
	}
	return array[start:end], true
}

// hex32 reads eight lower-case hex digits (appendHex32).
func hex32(s string) (uint32, bool) {
	var v uint32
	for i := range len(s) {
		c := s[i]
		switch {
		case '0' <= c && c <= '9':
			v = v<<4 | uint32(c-'0')
		case 'a' <= c && c <= 'f':
			v = v<<4 | uint32(c-'a'+10)
		default:
			return 0, false
		}
	}
	return v, len(s) == 8
}

// searchable is whether ScanFor can find what the keys name by the bytes
// Encode writes for them: a UUID of a UUID's characters (no other
// character folds to one of them: EqualFold is then ASCII's), a CVR of
// characters Encode writes as they are.
func searchable(k Keys) bool {
	for _, r := range k.UUID {
		if !('0' <= r && r <= '9' || 'a' <= r && r <= 'f' || 'A' <= r && r <= 'F' || r == '-') {
			return false
		}
	}
	for _, r := range k.CVR {
		if !('0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || strings.ContainsRune(" -./:", r)) {
			return false
		}
	}
	return true
}

// needle is a text scanCheckedFor searches for: its bytes from fold on
// but the last match without regard to ASCII case (a UUID's letters).
// It is found by its rarest byte that matches only itself (pivot): one
// strings.IndexByte, a memchr, per place that byte stands, where
// strings.Index would test every position of the file (0.3 to 1.4 ms
// over 640 KB, against 0.01 ms).
type needle struct {
	text  string
	fold  int // 0: none
	pivot int
}

// choosePivot picks the needle's byte that is rarest in the first 4 KB
// of s, of those that match only themselves.
func (n *needle) choosePivot(s string) {
	sample := s[:min(len(s), 4096)]
	best := -1
	for i := range len(n.text) {
		c := n.text[i]
		if n.folded(i) && ('a' <= c|0x20 && c|0x20 <= 'z') {
			continue
		}
		if count := strings.Count(sample, n.text[i:i+1]); best < 0 || count < best {
			best, n.pivot = count, i
		}
	}
}

func (n *needle) folded(i int) bool { return n.fold > 0 && i >= n.fold && i < len(n.text)-1 }

// index is where the needle is in s from from on, -1 where not.
func (n *needle) index(s string, from int) int {
	c := n.text[n.pivot]
	for i := from + n.pivot; i < len(s); {
		j := strings.IndexByte(s[i:], c)
		if j < 0 {
			return -1
		}
		at := i + j - n.pivot
		if at+len(n.text) <= len(s) && n.at(s[at:at+len(n.text)]) {
			return at
		}
		i += j + 1
	}
	return -1
}

// at is whether t is the needle.
func (n *needle) at(t string) bool {
	if n.fold == 0 {
		return t == n.text
	}
	end := len(n.text) - 1
	return t[:n.fold] == n.text[:n.fold] && t[end] == n.text[end] && strings.EqualFold(t[n.fold:end], n.text[n.fold:end])
}

// headKeys are the string fields Encode writes after a certificate's
// fingerprint and before "apart" and "kind" (with the value's opening
// quote), in Certificate's order: sha1, organization (never left out),
// cvr, uuid, serial, common_name.
var headKeys = [...]string{`,"sha1":"`, headOrganization, `,"cvr":"`, `,"uuid":"`, `,"serial":"`, `,"common_name":"`}

const headOrganization = `,"organization":"`

// entryOpen begins each certificate's object in Encode's layout, and
// nothing else there (scanChecked).
const entryOpen = `{"sha256":"`

// checkedArray is the certificates' array of a register Encode wrote, when
// its checksum holds over what it covers, and the fingerprint Encode
// wrote as learnt last (LearntLast; "" when none), indexed false in a
// register written before it was. The array is "null", "[]" or begins and
// ends as Encode's array of objects does; ok is false for anything else.
func checkedArray(data string) (array, learnt string, indexed, ok bool) {
	array, learnt, _, indexed, ok = checkedParts(data)
	return array, learnt, indexed, ok
}

// checkedParts is checkedArray with the register's "index" (entryIndex),
// "" in a register written before it was.
func checkedParts(data string) (array, learnt, index string, indexed, ok bool) {
	rest, found := strings.CutPrefix(data, checkedHead)
	if !found || len(rest) < 8 {
		return "", "", "", false, false
	}
	sum, rest := rest[:8], rest[8:]
	rest, found = strings.CutSuffix(rest, "}\n")
	if !found {
		return "", "", "", false, false
	}
	covered := rest
	if array, found = strings.CutPrefix(rest, checkedMiddle); !found {
		if rest, found = strings.CutPrefix(rest, learntHead); !found || len(rest) < 1 {
			return "", "", "", false, false
		}
		if rest[0] != '"' {
			if len(rest) < 64 || !validFingerprint(rest[:64]) {
				return "", "", "", false, false
			}
			learnt, rest = rest[:64], rest[64:]
		}
		if rest, found = strings.CutPrefix(rest, indexHead); found {
			end := strings.IndexByte(rest, '"')
			if end < 0 || end%indexRecord != 0 {
				return "", "", "", false, false
			}
			index, rest = rest[:end], rest[end:]
		}
		if array, found = strings.CutPrefix(rest, checkedMiddle); !found {
			return "", "", "", false, false
		}
		indexed = true
	} else {
		covered = array
	}
	if fmt.Sprintf("%08x", crc32.ChecksumIEEE(unsafe.Slice(unsafe.StringData(covered), len(covered)))) != sum {
		return "", "", "", false, false
	}
	if array != "null" && array != "[]" && (!strings.HasPrefix(array, "["+entryOpen) || !strings.HasSuffix(array, "}]")) {
		return "", "", "", false, false
	}
	return array, learnt, index, indexed, true
}

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
		case 4:
			e.Serial = text
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
	if !checkedExpiry(&s, cert, &e) {
		return e, false
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

// checkedExpiry reads, at s in a certificate Encode wrote, "kind" and
// "environment" (strings, left out when empty), then "not_before" and
// "not_after" (times, always written), into e's Kind and NotAfter
// (checkedEntry).
func checkedExpiry(s *jsonscan.Scanner, cert string, e *Entry) bool {
	for _, key := range [...]string{`,"kind":"`, `,"environment":"`, `,"not_before":"`, `,"not_after":"`} {
		if !strings.HasPrefix(cert[s.I:], key) {
			if key[2] == 'n' {
				return false // the times are never left out
			}
			continue
		}
		s.I += len(key) - 1
		start := s.I
		text, escaped, ok := s.Str()
		if !ok {
			return false
		}
		switch {
		case key[2] == 'k':
			if escaped {
				text = jsonscan.Unquote(text)
			}
			e.Kind = text
		case key == `,"not_after":"`:
			if e.NotAfter.UnmarshalJSON([]byte(cert[start:s.I])) != nil {
				return false
			}
		}
	}
	return true
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
	fieldSerial
	fieldKind
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
	case "serial":
		return fieldSerial
	case "kind":
		return fieldKind
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
		case fieldSerial:
			e.Serial, ok = s.text(e.Serial)
		case fieldKind:
			e.Kind, ok = s.text(e.Kind)
		case fieldUpdated:
			ok = s.time(&e.Updated)
		case fieldNotAfter:
			ok = s.time(&e.NotAfter)
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
			return e, hasExpiry(e.NotAfter)
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
