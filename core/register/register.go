// Package register owns Fornyer's memory of the certificates it has seen:
// who they belong to, how long they are valid, where the file and its
// backups are, the receipts printed, whether a password is saved (never the
// password itself), and when the certificate was installed in DPG. It also
// decides when to remind the user of an expiry (reminders.go); the calendar
// file for it is core/calendar's.
//
// The register is one JSON file in the app's storage, with a format version,
// replaced atomically on every change. A damaged file is moved aside and
// reported, never silently emptied.
package register

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unsafe"

	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/oces"
	"github.com/fornyer/fornyer/core/safefile"
)

// FormatVersion is the version of the file layout this code writes.
//
// Version 1 kept the certificates in an object keyed by fingerprint and the
// reminders sent as a list of day counts per fingerprint; version 2 keeps an
// ordered list and the reminders on each certificate. Version 1 files are
// migrated on open and written back as version 2 on the next change.
const FormatVersion = 2

// Values of Certificate.Kind and Certificate.Environment, as core/oces names them.
const (
	Production = "production"
	Test       = "test"
)

// Certificate is one certificate Fornyer has seen. It holds no secret.
type Certificate struct {
	SHA256       string `json:"sha256"`         // fingerprint of the certificate (DER), lower-case hex: the key
	SHA1         string `json:"sha1,omitempty"` // its SHA-1 (the Windows thumbprint), lower-case hex
	Organization string `json:"organization"`
	CVR          string `json:"cvr,omitempty"`
	UUID         string `json:"uuid,omitempty"` // OCES UUID, kept on renewal
	Serial       string `json:"serial,omitempty"`
	CommonName   string `json:"common_name,omitempty"`
	// Apart: checked, but not one of the user's own (core/renewal decides:
	// another organisation's than any of theirs, a supplier's or a
	// client's file): left out by every reader of the register but Get
	// (mine: List, Read, Scan, so My certificates, the reminders and
	// `fornyer list`) until the user adds it (Upsert without it: once the
	// user's, always). An entry without it (every entry an older version
	// wrote) is the user's, as it always was. Encode writes it before
	// "kind", with the fields an Entry reads (scanChecked).
	Apart       bool      `json:"apart,omitempty"`
	Kind        string    `json:"kind,omitempty"`        // organization, system, employee or ""
	Environment string    `json:"environment,omitempty"` // production, test or ""
	NotBefore   time.Time `json:"not_before"`
	NotAfter    time.Time `json:"not_after"`

	File          *FileRef  `json:"file,omitempty"` // the .p12 as last seen
	Backups       []FileRef `json:"backups,omitempty"`
	PasswordSaved bool      `json:"password_saved"`          // in the OS credential store
	PasswordHost  string    `json:"password_host,omitempty"` // the computer whose store holds it
	PasswordKept  string    `json:"password_kept,omitempty"` // where else: a Kept* value, never the password
	Receipts      []Receipt `json:"receipts,omitempty"`
	Renewed       time.Time `json:"renewed,omitzero"` // when Fornyer's guide renewed it
	DPG           *DPG      `json:"dpg,omitempty"`
	// Places are where the certificate is used, as noted for the renewal
	// that produced it (places.go), recorded at PlacesAt; HandOvers are
	// the copies given away under a password of their own.
	Places    []Place    `json:"places,omitempty"`
	PlacesAt  time.Time  `json:"places_at,omitzero"`
	HandOvers []HandOver `json:"hand_overs,omitempty"`

	Reminded  []Sent      `json:"reminded,omitempty"`  // thresholds already notified
	Scheduled []Scheduled `json:"scheduled,omitempty"` // notifications handed to the system

	Added   time.Time `json:"added"`
	Updated time.Time `json:"updated"`
}

// FileRef is a copy of the certificate file and when it was last verified.
type FileRef struct {
	Path       string    `json:"path"`
	SHA256     string    `json:"sha256,omitempty"` // of the whole file
	VerifiedAt time.Time `json:"verified_at,omitzero"`
	// For a backup: the USB stick it is on, by name ("KINGSTON (E:)"), and
	// whether it is on the same disk as the original (then it is no copy
	// away from this computer).
	Drive    string `json:"drive,omitempty"`
	SameDisk bool   `json:"same_disk,omitempty"`
}

// Receipt is a receipt document written for the certificate.
type Receipt struct {
	Path string    `json:"path"`
	At   time.Time `json:"at"`
	// By is who the receipt names as having renewed ("" for nobody): the
	// name the DPG card then offers for the installation.
	By string `json:"by,omitempty"`
	// Email is the address the receipt gives as the certificate's in DPG
	// ("" for none): the next receipt offers it again.
	Email string `json:"email,omitempty"`
}

// DPG records the installation in the DPG secure-mail solution.
type DPG struct {
	At time.Time `json:"at"`
	By string    `json:"by"`
}

// Sent is an expiry threshold (days) that has been notified.
type Sent struct {
	Days int       `json:"days"`
	At   time.Time `json:"at"`
}

// Scheduled is a notification handed to the system's scheduler, kept so
// that it is not scheduled twice and can be cancelled.
type Scheduled struct {
	Days int       `json:"days"`
	ID   string    `json:"id"`
	At   time.Time `json:"at"`
}

// Error codes of *Error, stable for the UI's sentences.
const (
	CodeDamaged    = "damaged"      // the file was not valid; moved aside
	CodeNewer      = "newer"        // written by a newer Fornyer; moved aside
	CodeUnreadable = "unreadable"   // could not be read; left alone, changes refused
	CodeReadOnly   = "read_only"    // a change refused because the file could not be read
	CodeWrite      = "write_failed" // the change could not be saved; nothing changed
	CodeNotFound   = "not_found"
	CodeInvalid    = "invalid"      // a certificate without fingerprint or expiry
	CodeMoveFailed = "move_failed"  // damaged but could not be moved aside; left alone, changes refused
	CodeFull       = "full"         // the change would make the file larger than MaxFileSize; nothing changed
	CodeDiskFull   = "disk_full"    // no room on the disk for the change; nothing changed
	CodeLocked     = "locked"       // another Fornyer held the register's lock too long; nothing changed
	CodeNoWrite    = "not_writable" // the file or its folder may not be written; nothing changed
	CodeNotApart   = "not_apart"    // RemoveApart of a certificate that is the user's (added meanwhile); nothing changed
)

// Codes lists every code, for tests that check each has a sentence.
var Codes = []string{
	CodeDamaged, CodeNewer, CodeUnreadable, CodeReadOnly, CodeWrite, CodeNotFound,
	CodeInvalid, CodeMoveFailed, CodeFull, CodeDiskFull, CodeLocked, CodeNoWrite, CodeNotApart,
}

// Error is what the register reports: a stable code, the file, where a
// damaged file was moved, and the underlying cause.
type Error struct {
	Code    string
	Path    string
	MovedTo string // for CodeDamaged and CodeNewer
	Version int    // for CodeNewer
	Err     error
}

func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "register %s: %s", e.Path, e.Code)
	if e.MovedTo != "" {
		fmt.Fprintf(&b, " (kept as %s)", e.MovedTo)
	}
	if e.Err != nil {
		fmt.Fprintf(&b, ": %v", e.Err)
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// Fault is the error's sentence and code: "register.error.<code>", each
// saying what happened and what to do, filled with {{.Path}} and
// {{.MovedTo}}.
func (e *Error) Fault() msg.Fault {
	return msg.Fault{Code: e.Code, Key: "register.error." + e.Code, Data: map[string]any{"Path": e.Path, "MovedTo": e.MovedTo}}
}

// Code returns the register error code in err, or "".
func Code(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

// file is the JSON layout of version 2.
type file struct {
	Version      int           `json:"version"`
	Certificates []Certificate `json:"certificates"`
}

// Store is the register, safe for use from several goroutines.
type Store struct {
	mu       sync.Mutex
	path     string
	certs    []Certificate
	order    []int  // List's order of certs, worked out whenever certs is set (setCerts)
	disk     []byte // the file as this Store last read or wrote it, matching certs
	readOnly bool   // the file exists but could not be read: never overwrite it
	openErr  error  // what Open reported, for the UI to show later
	whole    *whole // OpenFirst's reading of the rest (first.go); nil: read whole
	watchers map[string]func()

	// write replaces the file; tests make it fail.
	write func(path string, data []byte) error
	now   func() time.Time
}

// Option changes how Open sets up a Store.
type Option func(*Store)

// WithClock sets the clock that dates what the Store records (when a
// certificate was added or changed, a damaged file's new name): the
// window's one clock, so that the register and the renewal it is compared
// with go by the same time.
func WithClock(now func() time.Time) Option { return func(s *Store) { s.now = now } }

// Open reads the register at path. A missing file is an empty register. A
// damaged file or one from a newer Fornyer is moved aside to
// "<name>.damaged-<time>" and reported; the Store returned is then empty and
// usable. An unreadable file is left alone and the Store refuses changes.
// A *Store is returned in every case.
func Open(path string, opts ...Option) (*Store, error) {
	s := newStore(path, opts)
	s.openErr = s.load()
	return s, s.openErr
}

// newStore is a Store of the register at path, not read yet.
func newStore(path string, opts []Option) *Store {
	s := &Store{path: path, write: safefile.Replace, now: time.Now}
	for _, o := range opts {
		o(s)
	}
	return s
}

// OpenError returns the error Open reported, or nil; for a Store
// OpenFirst opened, what is known so far (LoadWhole's once it has read
// the whole register), without waiting.
func (s *Store) OpenError() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.openErr
}

// Path returns the register's file.
func (s *Store) Path() string { return s.path }

func (s *Store) load() error {
	data, err := readFile(s.path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil && !errors.Is(err, errTooLarge) {
		s.readOnly = true
		return &Error{Code: CodeUnreadable, Path: s.path, Err: err}
	}
	certs, version := []Certificate(nil), 0
	if err == nil {
		certs, version, err = decode(data)
	}
	if err == nil {
		s.setCerts(certs, data)
		return nil
	}
	code := CodeDamaged
	if version > FormatVersion {
		code = CodeNewer
	}
	moved, merr := s.moveAside()
	if merr != nil {
		// Could not keep it aside: never write over it.
		s.readOnly = true
		return &Error{Code: CodeMoveFailed, Path: s.path, Version: version, Err: errors.Join(err, merr)}
	}
	return &Error{Code: code, Path: s.path, MovedTo: moved, Version: version, Err: err}
}

// decode reads any known version; the version is returned even on error.
func decode(data []byte) ([]Certificate, int, error) {
	// The current version in one pass, the common case: an IT provider's
	// register is read at every start and before every change.
	var current struct {
		Version      *int          `json:"version"`
		Certificates []Certificate `json:"certificates"`
	}
	if strictUnmarshal(data, &current) == nil && current.Version != nil && *current.Version == FormatVersion {
		if err := validAll(current.Certificates); err != nil {
			return nil, FormatVersion, err
		}
		return current.Certificates, FormatVersion, nil
	}
	var head struct {
		Version *int `json:"version"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, 0, err
	}
	if head.Version == nil {
		return nil, 0, errors.New("no format version")
	}
	switch v := *head.Version; {
	case v == FormatVersion:
		var f file
		if err := strictUnmarshal(data, &f); err != nil {
			return nil, v, err
		}
		if err := validAll(f.Certificates); err != nil {
			return nil, v, err
		}
		return f.Certificates, v, nil
	case v == 1:
		certs, err := migrateV1(data)
		return certs, v, err
	case v > FormatVersion:
		return nil, v, fmt.Errorf("format version %d is newer than %d", v, FormatVersion)
	default:
		return nil, v, fmt.Errorf("unknown format version %d", v)
	}
}

func strictUnmarshal(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("data after the register")
	}
	return nil
}

// validAll is what makes a register's certificates valid: each one
// (valid), and no fingerprint twice (listedTwice). Scan checks the same
// by the same rules (validEntries).
func validAll(certs []Certificate) error {
	for i, c := range certs {
		if err := valid(c); err != nil {
			return fmt.Errorf("certificate %d: %w", i, err)
		}
	}
	if sha, twice := listedTwice(len(certs), func(i int) string { return certs[i].SHA256 }); twice {
		return fmt.Errorf("certificate %s listed twice", sha)
	}
	return nil
}

// listedTwice is a fingerprint that comes twice among the n that sha
// gives, if one does.
func listedTwice(n int, sha func(int) string) (string, bool) {
	seen := make(map[string]struct{}, n)
	for i := range n {
		s := sha(i)
		if _, twice := seen[s]; twice {
			return s, true
		}
		seen[s] = struct{}{}
	}
	return "", false
}

// fileV1 is the first layout, read only to migrate it.
type fileV1 struct {
	Version      int                    `json:"version"`
	Certificates map[string]Certificate `json:"certificates"`   // keyed by fingerprint
	Reminders    map[string][]int       `json:"reminders_sent"` // fingerprint -> days
}

func migrateV1(data []byte) ([]Certificate, error) {
	var f fileV1
	if err := strictUnmarshal(data, &f); err != nil {
		return nil, err
	}
	var certs []Certificate
	for key, c := range f.Certificates {
		if c.SHA256 == "" {
			c.SHA256 = key
		}
		if c.SHA256 != key {
			return nil, fmt.Errorf("certificate %s stored under %s", c.SHA256, key)
		}
		for _, d := range f.Reminders[key] {
			c.Reminded = append(c.Reminded, Sent{Days: d, At: c.Updated})
		}
		certs = append(certs, c)
	}
	sort.Slice(certs, func(i, j int) bool { return certs[i].SHA256 < certs[j].SHA256 })
	return certs, validAll(certs)
}

// moveAside renames the damaged file to "<name>.damaged-<time>", never over
// an existing file.
func (s *Store) moveAside() (string, error) {
	return safefile.MoveAside(s.path, s.now().UTC().Format("20060102T150405Z"))
}

// valid is what makes one certificate of the register valid; Scan reads
// by the same rules (validFingerprint, hasExpiry).
func valid(c Certificate) error {
	if !validFingerprint(c.SHA256) {
		return errors.New("the fingerprint is not 64 lower-case hex digits")
	}
	if !hasExpiry(c.NotAfter) {
		return errors.New("no expiry date")
	}
	return nil
}

// validFingerprint: a certificate's key in the register is its SHA-256,
// 64 lower-case hex digits.
func validFingerprint(sha string) bool {
	if len(sha) != 64 {
		return false
	}
	for i := range len(sha) {
		if c := sha[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// hasExpiry: every certificate of the register has its expiry date.
func hasExpiry(notAfter time.Time) bool { return !notAfter.IsZero() }

// update applies change and tells the watchers.
func (s *Store) update(change func(certs []Certificate, now time.Time) ([]Certificate, error)) error {
	err := s.apply(change)
	if err == nil {
		s.notify()
	}
	return err
}

// notify calls the watchers, outside the lock.
func (s *Store) notify() {
	s.mu.Lock()
	watchers := make([]func(), 0, len(s.watchers))
	for _, fn := range s.watchers {
		watchers = append(watchers, fn)
	}
	s.mu.Unlock()
	for _, fn := range watchers {
		fn()
	}
}

// Watch calls fn after every change to the certificates and what was done
// with them, on the goroutine that made it; a later Watch with the same name
// replaces fn, and a nil fn stops watching. The reminders' own bookkeeping
// (MarkReminded, RecordScheduled, ForgetScheduled) is not announced: it
// changes nothing a watcher shows, and the reminders are what watch.
func (s *Store) Watch(name string, fn func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.watchers == nil {
		s.watchers = map[string]func(){}
	}
	if fn == nil {
		delete(s.watchers, name)
		return
	}
	s.watchers[name] = fn
}

// apply applies change to a copy of the register and saves it; only when
// the file is written does the Store take the new state, so a failed change
// changes nothing. Under the register's lock file it re-reads the file and
// applies the change to that (shared.go), so another process's changes
// are kept.
func (s *Store) apply(change func(certs []Certificate, now time.Time) ([]Certificate, error)) error {
	s.readWhole() // never a change from OpenFirst's part: it would lose the rest
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.readOnly {
		return &Error{Code: CodeReadOnly, Path: s.path, Err: s.openErr}
	}
	lock, err := s.lockFile()
	if err != nil {
		return &Error{Code: writeCode(err), Path: s.path, Err: err}
	}
	defer lock.Unlock()
	next, err := change(clone(s.current()), s.now().UTC())
	if err != nil {
		return err
	}
	data, err := Encode(next)
	if err != nil {
		return &Error{Code: CodeWrite, Path: s.path, Err: err}
	}
	if len(data) > MaxFileSize {
		// Never write what the next start could not read: it would be
		// moved aside as damaged, and every certificate forgotten.
		return &Error{Code: CodeFull, Path: s.path, Err: fmt.Errorf("the change makes the register %d bytes, more than the %d that can be read", len(data), MaxFileSize)}
	}
	if err := s.write(s.path, data); err != nil {
		return &Error{Code: writeCode(err), Path: s.path, Err: err}
	}
	s.setCerts(next, data)
	return nil
}

// Encode is the file's layout: compact JSON, a third smaller than
// indented, so that as many certificates fit under MaxFileSize as can be
// read back. It writes only a valid register (validAll, the rules Read
// reads by), and puts the certificates' own checksum before them:
//
//	{"version":2,"check":"crc32:89abcdef","learnt":"…","index":"…","certificates":[…]}
//
// the CRC-32 (IEEE, which needs no tables made at every start: the
// Castagnoli one cost 0.2 ms of each command's start) of the bytes after
// it up to the end of the certificates' array: the fingerprint of the one
// learnt last (LearntLast), the index (entryIndex) and the array. A
// file whose array still has its checksum is one Encode wrote, byte for
// byte: Scan then finds what `fornyer inspect` needs without checking
// every byte's syntax again (scanChecked). Readers that do not know the
// key ignore it (encoding/json), and any change to the array made by
// another hand than Encode's (damage, an edit) no longer matches it, so
// the file is read and checked whole.
func Encode(certs []Certificate) ([]byte, error) { return encode(certs, true) }

// encode is Encode, without the index when indexed is false (the layout
// of a register written before it; tests read both).
func encode(certs []Certificate, indexed bool) ([]byte, error) {
	if err := validAll(certs); err != nil {
		return nil, err
	}
	array, err := json.Marshal(certs)
	if err != nil {
		return nil, err
	}
	learnt := ""
	if i := LearntLast(len(certs), func(i int) (time.Time, bool) { return certs[i].Updated, mine(certs[i]) }); i >= 0 {
		learnt = certs[i].SHA256
	}
	// The checksum covers what follows it: the one learnt last, the index
	// and the certificates.
	var index []byte
	if indexed {
		index = entryIndex(certs, array)
	}
	body := make([]byte, 0, len(learntHead)+len(learnt)+len(indexHead)+len(index)+len(checkedMiddle)+len(array))
	body = append(append(body, learntHead...), learnt...)
	if index != nil {
		body = append(append(body, indexHead...), index...)
	}
	body = append(append(body, checkedMiddle...), array...)
	data := make([]byte, 0, len(checkedHead)+8+len(body)+2)
	data = append(data, checkedHead...)
	data = fmt.Appendf(data, "%08x", crc32.ChecksumIEEE(body))
	data = append(data, body...)
	return append(data, '}', '\n'), nil
}

// LearntLast is the index of the certificate the register learnt last:
// of the user's among n (at: each one's update time, and whether it is
// the user's: mine), the first whose update time is the latest; -1 when
// none is the user's. Encode writes its fingerprint
// ("learnt"), so that a reader needs no walk over every certificate to
// find it (ScanFor); the answer to a checked file names it
// (core/renewal.Needed).
func LearntLast(n int, at func(i int) (updated time.Time, mine bool)) int {
	latest := -1
	var when time.Time
	for i := range n {
		t, m := at(i)
		if m && (latest < 0 || t.After(when)) {
			latest, when = i, t
		}
	}
	return latest
}

// The layout of a register Encode wrote, around its checksum's eight hex
// digits, the fingerprint of the one learnt last (LearntLast; "" when
// none), the index (entryIndex) and before the certificates' array. A
// register written before "index" has checkedMiddle right after the
// fingerprint; one written before "learnt" right after the checksum,
// which then covers the array only.
var checkedHead = fmt.Sprintf(`{"version":%d,"check":"crc32:`, FormatVersion)

const (
	learntHead    = `","learnt":"`
	indexHead     = `","index":"`
	checkedMiddle = `","certificates":`
)

// indexRecord is the length of each certificate's record in "index": four
// numbers of eight lower-case hex digits.
const indexRecord = 32

// entryIndex is "index": for each certificate of the array (json.Marshal's
// of certs), in its order, what ScanFor looks it up by and where it is, so
// that inspect finds the few certificates its answer needs in an IT
// provider's thousands without searching the file's bytes (issue 24, 13):
// the first 32 bits of its fingerprint, keyHash of its OCES UUID (ASCII
// letters in lower case: ScanFor matches UUIDs without regard to case) and
// of its CVR, and the byte offset of its object in the array. A reader
// checks each certificate it finds this way by its own fields; the
// checksum covers the index. nil when the array's objects cannot be told
// apart by entryOpen (Encode then writes no index; readers search).
func entryIndex(certs []Certificate, array []byte) []byte {
	text := unsafe.String(unsafe.SliceData(array), len(array))
	index := make([]byte, 0, len(certs)*indexRecord)
	at := 1 // after the array's '['
	for i, c := range certs {
		if !strings.HasPrefix(text[at:], entryOpen) || len(c.SHA256) < 8 {
			return nil
		}
		index = append(index, c.SHA256[:8]...)
		index = appendHex32(index, keyHash(c.UUID, true))
		index = appendHex32(index, keyHash(c.CVR, false))
		index = appendHex32(index, uint32(at))
		if i < len(certs)-1 {
			next := strings.Index(text[at:], "},"+entryOpen)
			if next < 0 {
				return nil
			}
			at += next + 2
		}
	}
	return index
}

// keyHash is the 32-bit FNV-1a hash of s, its ASCII letters in lower case
// when fold is set (entryIndex).
func keyHash(s string, fold bool) uint32 {
	h := uint32(2166136261)
	for i := range len(s) {
		c := s[i]
		if fold && 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = (h ^ uint32(c)) * 16777619
	}
	return h
}

// appendHex32 appends v as eight lower-case hex digits.
func appendHex32(b []byte, v uint32) []byte {
	const digits = "0123456789abcdef"
	for shift := 28; shift >= 0; shift -= 4 {
		b = append(b, digits[v>>uint(shift)&0xf])
	}
	return b
}

// writeCode names what went wrong with a write, so that the sentence can
// say what to do about it.
func writeCode(err error) string {
	switch {
	case errors.Is(err, errLockHeld):
		return CodeLocked
	case safefile.IsDiskFull(err):
		return CodeDiskFull
	case safefile.IsReadOnly(err), errors.Is(err, fs.ErrPermission):
		return CodeNoWrite
	}
	return CodeWrite
}

// clone copies the certificates deeply enough that a change to the copy's
// slices leaves the original alone.
func clone(certs []Certificate) []Certificate {
	out := make([]Certificate, len(certs))
	for i, c := range certs {
		out[i] = c.clone()
	}
	return out
}

// LatestBackup is the certificate's most recently verified backup copy.
func (c Certificate) LatestBackup() (FileRef, bool) {
	var latest FileRef
	for i, b := range c.Backups {
		if i == 0 || b.VerifiedAt.After(latest.VerifiedAt) {
			latest = b
		}
	}
	return latest, len(c.Backups) > 0
}

func (c Certificate) clone() Certificate {
	if c.File != nil {
		f := *c.File
		c.File = &f
	}
	if c.DPG != nil {
		d := *c.DPG
		c.DPG = &d
	}
	c.Backups = slices.Clone(c.Backups)
	c.Receipts = slices.Clone(c.Receipts)
	c.Reminded = slices.Clone(c.Reminded)
	c.Scheduled = slices.Clone(c.Scheduled)
	c.Places = slices.Clone(c.Places)
	c.HandOvers = slices.Clone(c.HandOvers)
	return c
}

func find(certs []Certificate, sha string) int {
	return slices.IndexFunc(certs, func(c Certificate) bool { return c.SHA256 == sha })
}

func notFound(path, sha string) error {
	return &Error{Code: CodeNotFound, Path: path, Err: fmt.Errorf("no certificate %s", sha)}
}

// Forget deletes the register, its damaged copies and the Store's memory
// of it, under the register's lock, and tells the watchers: the user asked
// Fornyer to forget what it keeps on this computer. It reports whether a
// register was there. It works on a register that could not be read too.
// A window still running on the same file keeps what it had read until
// its own next change writes it back: forget from the window itself, or
// with the window closed.
func (s *Store) Forget() (bool, error) {
	s.readWhole() // no reading of the rest after the file is gone
	s.mu.Lock()
	if _, err := os.Stat(filepath.Dir(s.path)); errors.Is(err, fs.ErrNotExist) {
		s.readOnly, s.openErr = false, nil
		s.setCerts(nil, nil)
		s.mu.Unlock()
		return false, nil // nothing was ever kept here; create no folder
	}
	lock, err := s.lockFile()
	if err != nil {
		s.mu.Unlock()
		return false, &Error{Code: CodeWrite, Path: s.path, Err: err}
	}
	found, err := safefile.RemoveWithAside(s.path)
	lock.Unlock()
	if err == nil {
		s.readOnly, s.openErr = false, nil
		s.setCerts(nil, nil)
	}
	s.mu.Unlock()
	if err != nil {
		return found, &Error{Code: CodeWrite, Path: s.path, Err: err}
	}
	s.notify()
	return found, nil
}

// Upsert records what a certificate says about itself and where its file
// is, keyed by its fingerprint. For a certificate already known, what
// Fornyer has done with it (backups, receipts, DPG, reminders, when it was
// added) is kept: only the Record methods change those. A saved password
// stays recorded until SetPasswordSaved says otherwise.
func (s *Store) Upsert(c Certificate) error {
	c.SHA256 = strings.ToLower(c.SHA256)
	if err := valid(c); err != nil {
		return &Error{Code: CodeInvalid, Path: s.path, Err: err}
	}
	return s.update(func(certs []Certificate, now time.Time) ([]Certificate, error) {
		c = c.clone()
		i := find(certs, c.SHA256)
		if i < 0 {
			c.Added, c.Updated = now, now
			return append(certs, c), nil
		}
		old := certs[i]
		c.Backups, c.Receipts, c.DPG = old.Backups, old.Receipts, old.DPG
		c.Reminded, c.Scheduled = old.Reminded, old.Scheduled
		c.Places, c.PlacesAt, c.HandOvers = old.Places, old.PlacesAt, old.HandOvers
		c.PasswordSaved = c.PasswordSaved || old.PasswordSaved
		// Once the user's, always: a later check that would keep it apart
		// does not take it out of My certificates.
		c.Apart = c.Apart && old.Apart
		if c.File == nil {
			c.File = old.File
		}
		if c.Renewed.IsZero() {
			c.Renewed = old.Renewed
		}
		if c.PasswordKept == "" {
			c.PasswordKept, c.PasswordHost = old.PasswordKept, old.PasswordHost
		}
		c.Added, c.Updated = old.Added, now
		certs[i] = c
		return certs, nil
	})
}

// modify changes one certificate, found by fingerprint, and tells the
// watchers.
func (s *Store) modify(sha string, change func(c *Certificate, now time.Time)) error {
	err := s.modifyQuietly(sha, change)
	if err == nil {
		s.notify()
	}
	return err
}

// modifyQuietly is modify without telling the watchers.
func (s *Store) modifyQuietly(sha string, change func(c *Certificate, now time.Time)) error {
	sha = strings.ToLower(sha)
	return s.apply(func(certs []Certificate, now time.Time) ([]Certificate, error) {
		i := find(certs, sha)
		if i < 0 {
			return nil, notFound(s.path, sha)
		}
		change(&certs[i], now)
		certs[i].Updated = now
		return certs, nil
	})
}

// Remove forgets a certificate and returns what was recorded, so that the
// caller can cancel its scheduled notifications. The certificate's files are
// not touched.
func (s *Store) Remove(sha string) (Certificate, error) {
	sha = strings.ToLower(sha)
	var removed Certificate
	err := s.update(func(certs []Certificate, _ time.Time) ([]Certificate, error) {
		i := find(certs, sha)
		if i < 0 {
			return nil, notFound(s.path, sha)
		}
		removed = certs[i]
		return slices.Delete(certs, i, i+1), nil
	})
	return removed, err
}

// Apart returns the certificates kept apart (Certificate.Apart: another
// organisation's, checked during a renewal, not the user's), the one
// checked last first: what My certificates lists under its own heading,
// with AddToMine and RemoveApart beside each. An entry for one of the
// state's CA certificates is no one's and is left out, as by List. Like
// List, it waits for the whole register.
func (s *Store) Apart() []Certificate {
	s.readWhole()
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Certificate
	for _, c := range s.certs {
		if c.Apart && !stateCA(c) {
			out = append(out, c.clone())
		}
	}
	slices.SortStableFunc(out, func(a, b Certificate) int {
		if c := b.Updated.Compare(a.Updated); c != 0 {
			return c
		}
		return strings.Compare(a.SHA256, b.SHA256)
	})
	return out
}

// AddToMine makes a certificate kept apart one of the user's: listed in My
// certificates and reminded of from then on (Upsert never keeps it apart
// again), in one write of the register; what was recorded of it is kept.
// One that is the user's already is left as it is (nil: nothing to do);
// an unknown fingerprint is CodeNotFound, and nothing changes.
func (s *Store) AddToMine(sha string) error { return s.setApart(sha, false) }

// KeepApart keeps a certificate of the user's apart from then on: out of
// My certificates and the reminders, listed with the ones kept apart
// (Apart), in one write of the register; what was recorded of it is kept.
// It is the user's own word that the file is not theirs (core/renewal
// decides when: a file declined as the renewal's, of an organisation
// they keep no certificate of, Z11), never a check's, which cannot take an
// entry out of the user's list (Upsert). One kept apart already is left as
// it is; an unknown fingerprint is CodeNotFound, and nothing changes.
func (s *Store) KeepApart(sha string) error { return s.setApart(sha, true) }

// setApart keeps the certificate with the fingerprint apart, or makes it
// the user's, in one write of the register, telling the watchers when it
// changed (AddToMine, KeepApart).
func (s *Store) setApart(sha string, apart bool) error {
	sha = strings.ToLower(sha)
	changed := false
	err := s.apply(func(certs []Certificate, now time.Time) ([]Certificate, error) {
		i := find(certs, sha)
		if i < 0 || stateCA(certs[i]) {
			return nil, notFound(s.path, sha)
		}
		if certs[i].Apart == apart {
			return certs, nil
		}
		certs[i].Apart, certs[i].Updated = apart, now
		changed = true
		return certs, nil
	})
	if err == nil && changed {
		s.notify()
	}
	return err
}

// RemoveApart forgets a certificate kept apart and returns what was
// recorded, in one write of the register. It removes only one kept apart:
// a certificate that is the user's (added meanwhile, in this window or
// another) is CodeNotApart, an unknown fingerprint CodeNotFound, and
// nothing changes. The certificate's files are not touched.
func (s *Store) RemoveApart(sha string) (Certificate, error) {
	sha = strings.ToLower(sha)
	var removed Certificate
	err := s.update(func(certs []Certificate, _ time.Time) ([]Certificate, error) {
		i := find(certs, sha)
		switch {
		case i < 0 || stateCA(certs[i]):
			return nil, notFound(s.path, sha)
		case !certs[i].Apart:
			return nil, &Error{Code: CodeNotApart, Path: s.path, Err: fmt.Errorf("certificate %s is in My certificates", sha)}
		}
		removed = certs[i]
		return slices.Delete(certs, i, i+1), nil
	})
	return removed, err
}

// Get returns the certificate with the fingerprint: one of List's, or one
// kept apart (Certificate.Apart), which is what the register knows of a
// file checked all the same. An entry for one of the state's CA
// certificates (mine) is not found. Like List, it waits for the whole
// register.
func (s *Store) Get(sha string) (Certificate, bool) {
	s.readWhole()
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.get(sha)
}

// get is Get of what s holds. s.mu is held.
func (s *Store) get(sha string) (Certificate, bool) {
	i := find(s.certs, strings.ToLower(sha))
	if i < 0 || stateCA(s.certs[i]) {
		return Certificate{}, false
	}
	return s.certs[i].clone(), true
}

// List returns the user's certificates: grouped by OCES UUID, the groups
// ordered by their newest expiry, and within a group the newest renewal on
// top. Every screen and command reads them here. An entry an older
// version recorded for one of the state's CA certificates (the issuer of
// organisation certificates, never one itself: oces.IsStateCAName) is
// no one's certificate and is left out; the file keeps it as it was.
// Of a Store OpenFirst opened, it is the whole register: it waits for
// its reading (LoadWhole; and reads it if nobody has).
func (s *Store) List() []Certificate {
	s.readWhole()
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.list()
}

// list is List of what s holds. s.mu is held.
func (s *Store) list() []Certificate {
	out := make([]Certificate, len(s.order))
	for k, i := range s.order {
		out[k] = s.certs[i].clone()
	}
	return out
}

// setCerts sets what the Store holds and the file it matches, and works
// out List's order once: the window lists the register several times for
// one screen drawn (what needs doing, the reminders that stand, the
// certificate being renewed), and an IT provider's holds thousands. The
// order is worked out where the register is read (at the window's start,
// on a goroutine of its own while the window is made) or changed. s.mu is
// held, or s not yet shared.
func (s *Store) setCerts(certs []Certificate, disk []byte) {
	s.certs, s.disk, s.order = certs, disk, listOrder(certs)
}

// listOrder is the indices of the certificates List returns, in its
// order. The keys are worked out once per certificate, not once per
// comparison: an IT provider lists thousands.
func listOrder(certs []Certificate) []int {
	groups := make([]string, len(certs))
	newest := map[string]time.Time{} // group -> latest NotAfter
	order := make([]int, 0, len(certs))
	for i, c := range certs {
		if !mine(c) {
			continue
		}
		order = append(order, i)
		g := group(c)
		groups[i] = g
		if c.NotAfter.After(newest[g]) {
			newest[g] = c.NotAfter
		}
	}
	slices.SortStableFunc(order, func(i, j int) int {
		a, b := certs[i], certs[j]
		ga, gb := groups[i], groups[j]
		if ga != gb {
			if c := newest[gb].Compare(newest[ga]); c != 0 {
				return c
			}
			return strings.Compare(ga, gb)
		}
		if c := b.NotAfter.Compare(a.NotAfter); c != 0 {
			return c
		}
		return strings.Compare(a.SHA256, b.SHA256)
	})
	return order
}

// mine says whether an entry is a certificate of the user's, for every
// reader of the register alike (List, Read, Scan; Get finds one kept
// apart too): not one kept apart (Certificate.Apart: another
// organisation's, not added), and not an entry an older version recorded
// for one of the state's CA certificates (oces.IsStateCAName), which is
// no one's. The file keeps either as it was.
func mine(c Certificate) bool { return !c.Apart && !stateCA(c) }

func stateCA(c Certificate) bool { return oces.IsStateCAName(c.Organization, c.CommonName) }

// Mine is mine, the one rule for whose an entry is, for what holds
// certificates from elsewhere than a reader of the register.
func (c Certificate) Mine() bool { return mine(c) }

// OnlyMine is the user's certificates among certs (Mine), in their order.
func OnlyMine(certs []Certificate) []Certificate {
	return slices.DeleteFunc(slices.Clone(certs), func(c Certificate) bool { return !mine(c) })
}

// group is the renewal line a certificate belongs to: its OCES UUID, or
// itself when it has none.
func group(c Certificate) string {
	if c.UUID != "" {
		return "uuid:" + strings.ToLower(c.UUID)
	}
	return "sha:" + c.SHA256
}

// Predecessor returns the certificate c renewed, by the one rule for it:
// the same OCES UUID, a new serial, and the latest expiry before c's. No
// clock is asked.
func Predecessor(certs []Certificate, c Certificate) (Certificate, bool) {
	return neighbour(certs, c, -1)
}

// Successor returns the certificate that renewed c: the same OCES UUID, a
// new serial, and the earliest expiry after c's.
func Successor(certs []Certificate, c Certificate) (Certificate, bool) {
	return neighbour(certs, c, +1)
}

func neighbour(certs []Certificate, c Certificate, dir int) (Certificate, bool) {
	var best Certificate
	found := false
	if c.UUID == "" {
		return best, false
	}
	for _, o := range certs {
		if o.SHA256 == c.SHA256 || !strings.EqualFold(o.UUID, c.UUID) || strings.EqualFold(o.Serial, c.Serial) {
			continue
		}
		if dir < 0 && o.NotAfter.Before(c.NotAfter) && (!found || o.NotAfter.After(best.NotAfter)) ||
			dir > 0 && o.NotAfter.After(c.NotAfter) && (!found || o.NotAfter.Before(best.NotAfter)) {
			best, found = o, true
		}
	}
	return best, found
}

// Predecessor returns the certificate c renewed, from the register.
func (s *Store) Predecessor(c Certificate) (Certificate, bool) { return Predecessor(s.List(), c) }

// Successor returns the certificate that renewed c, from the register.
func (s *Store) Successor(c Certificate) (Certificate, bool) { return Successor(s.List(), c) }

// RecordDPGInstalled records that the certificate was installed in DPG, by
// whom and when.
func (s *Store) RecordDPGInstalled(sha, by string, at time.Time) error {
	by = strings.TrimSpace(by)
	return s.modify(sha, func(c *Certificate, _ time.Time) {
		c.DPG = &DPG{At: at.UTC(), By: by}
	})
}

// RecordBackup records a verified copy of the certificate file; a copy at
// the same path is updated rather than listed twice.
func (s *Store) RecordBackup(sha string, b FileRef) error {
	return s.modify(sha, func(c *Certificate, _ time.Time) {
		b.VerifiedAt = b.VerifiedAt.UTC()
		if i := slices.IndexFunc(c.Backups, func(o FileRef) bool { return o.Path == b.Path }); i >= 0 {
			c.Backups[i] = b
			return
		}
		c.Backups = append(c.Backups, b)
	})
}

// RecordReceipt records a receipt written for the certificate: where, when,
// whom it names as the one who renewed and the DPG e-mail it gives.
func (s *Store) RecordReceipt(sha string, r Receipt) error {
	r.At = r.At.UTC()
	return s.modify(sha, func(c *Certificate, _ time.Time) {
		c.Receipts = append(c.Receipts, r)
	})
}

// RecordRenewed records that Fornyer's guide renewed this certificate.
func (s *Store) RecordRenewed(sha string, at time.Time) error {
	return s.modify(sha, func(c *Certificate, _ time.Time) { c.Renewed = at.UTC() })
}

// SetPasswordSaved records whether the certificate's password is in the
// credential store.
func (s *Store) SetPasswordSaved(sha string, saved bool) error {
	return s.modify(sha, func(c *Certificate, _ time.Time) { c.PasswordSaved = saved })
}

// MarkReminded records that the user was told the certificate expires within
// days; larger thresholds count as told too, so they never fire after it.
func (s *Store) MarkReminded(sha string, days int, at time.Time) error {
	return s.modifyQuietly(sha, func(c *Certificate, _ time.Time) {
		for _, t := range Thresholds {
			if t >= days && !c.reminded(t) {
				c.Reminded = append(c.Reminded, Sent{Days: t, At: at.UTC()})
			}
		}
	})
}

// RecordScheduled records a notification handed to the system's scheduler.
func (s *Store) RecordScheduled(sha string, sc Scheduled) error {
	return s.modifyQuietly(sha, func(c *Certificate, _ time.Time) {
		sc.At = sc.At.UTC()
		c.Scheduled = append(c.Scheduled, sc)
	})
}

// ForgetScheduled drops scheduled notifications by id (after cancelling them).
func (s *Store) ForgetScheduled(sha string, ids ...string) error {
	return s.modifyQuietly(sha, func(c *Certificate, _ time.Time) {
		c.Scheduled = slices.DeleteFunc(c.Scheduled, func(sc Scheduled) bool { return slices.Contains(ids, sc.ID) })
	})
}
