// Package backup owns Fornyer's verified backup of a certificate file: the
// .p12 copied to a folder the user picks, read back, compared with the
// original and opened with the password before it is called verified; on
// request the public certificate (.cer and .pem), a re-protected copy under
// a new passphrase, and a small manifest. The original is only ever read.
// Every file goes through core/safefile, and a failed backup removes the
// files it had already written, so nothing is left under a final name.
package backup

import (
	"bytes"
	"context"
	"crypto"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

	pkcs12 "software.sslmate.com/src/go-pkcs12"

	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/oces"
	"github.com/fornyer/fornyer/core/safefile"
	"github.com/fornyer/fornyer/core/safetext"
)

// Profiles of a re-protected copy.
const (
	// ProfileCompatible is 3DES with SHA-1: it imports everywhere, also on
	// Windows before 10 1709 and in older macOS keychains.
	ProfileCompatible = "compatible"
	// ProfileStrong is AES-256 with PBKDF2 and a SHA-256 MAC.
	ProfileStrong = "strong"
)

// Reprotect asks for a second copy of the key and certificates under a new
// passphrase.
type Reprotect struct {
	Passphrase string
	Profile    string // ProfileCompatible or ProfileStrong
}

// Options of a backup. The zero value copies the .p12 alone.
type Options struct {
	// Password opens the original; it is used to prove the copy usable and
	// is never written anywhere.
	Password string
	// Passwords, if not empty, are tried instead of Password, in order,
	// on one reading of the original, so that they share its work budget
	// (core/pfx): a file that asks for much work costs no more with many
	// saved passwords. The one that opens it is used as Password.
	Passwords []string
	// PublicCopies adds the certificate alone, as .cer (DER) and .pem, for
	// partners and DPG.
	PublicCopies bool
	// Manifest adds a text file naming the files, their checksums, and the
	// certificate's organisation, serial and expiry. It never holds a
	// password, nor a time: a later backup of the same files finds it.
	Manifest bool
	// Reprotect, if set, adds a copy under a new passphrase.
	Reprotect *Reprotect
	// Lang is the language of the manifest and of the added files' names
	// ("da" or "en"; "" is English).
	Lang string
	// Now is the clock (tests set it); nil is time.Now.
	Now func() time.Time
	// Writer writes the files; tests set its hooks.
	Writer safefile.Writer
	// Progress, if set, is called with the number of files done and the
	// total, first with done == 0. It runs on Backup's goroutine.
	Progress func(done, total int)
	// Data, if set, is the original as it was read and checked before: it
	// is what is copied, and src is only named. The file at src must still
	// hold it: a source that changed since is refused.
	Data []byte
	// SourceSHA256, if set, is the SHA-256 (lower-case hex) of the original
	// as it was checked: a source that changed since is refused, so what
	// is backed up is what the user was told is ready.
	SourceSHA256 string
}

// Kind says what a written file is.
type Kind string

// Kinds of files a backup writes.
const (
	KindCopy        Kind = "p12"             // the original, byte for byte
	KindReprotected Kind = "p12-reprotected" // the key and certificates under the new passphrase
	KindCER         Kind = "cer"             // the certificate alone, DER
	KindPEM         Kind = "pem"             // the certificate alone, PEM
	KindManifest    Kind = "manifest"        // the text file describing the backup
	KindHandOver    Kind = "p12-handover"    // the key and certificates under a hand-over's own password
)

// File is one file of a verified backup.
type File struct {
	Path   string
	Kind   Kind
	SHA256 string // lower-case hex of the file's content
	// Existing: an identical file was already in the folder (an earlier
	// backup to the same stick); it was read back and proved like a new
	// one, and nothing was written beside it.
	Existing bool
	// Plain: the folder refused the file's name (a stick that stores no
	// "æ"), and the file is under its plain name (safefile.PlainName),
	// "Fornyet certifikat aeoa.p12" for "Fornyet certifikat æøå.p12".
	Plain bool
}

// Result is a verified backup.
type Result struct {
	Dir        string // the folder the backup is in
	Files      []File // the copy first, the manifest (if any) last
	VerifiedAt time.Time
	// SameDisk: the backup is on the same disk (file system) as the
	// original, so one failure of that disk loses both. Verified all the
	// same; the user is told to keep a copy elsewhere, a USB stick.
	SameDisk bool
	// Drive is the USB stick the backup is on, by name ("KINGSTON (E:)");
	// "" when the folder is on no removable drive Fornyer knows.
	Drive string
}

// CopyFound reports that the certificate file's copy was already in the
// folder, identical, from an earlier backup: proved again, not written
// twice. The other files may still be new (a re-protected copy has fresh
// salt, and the manifest that names it is new with it).
func (r *Result) CopyFound() bool {
	return len(r.Files) > 0 && r.Files[0].Kind == KindCopy && r.Files[0].Existing
}

// PlainNamed reports that the folder refused the certificate file's name,
// so its copy is under a plain one: the user is told, since the name on the
// stick is not the name they know.
func (r *Result) PlainNamed() bool {
	return len(r.Files) > 0 && r.Files[0].Plain
}

// Backup copies the certificate file src into the folder dir and proves the
// copy good: read back, compared with the original, and opened with
// opts.Password. It returns only a verified backup; any failure is an
// *Error, and then none of the files it wrote is left behind.
func Backup(ctx context.Context, src, dir string, opts Options) (*Result, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	if strings.TrimSpace(dir) == "" {
		return nil, &Error{Code: CodeNoFolder}
	}
	var enc *pkcs12.Encoder
	if r := opts.Reprotect; r != nil {
		switch r.Profile {
		case ProfileCompatible:
			// LegacyDES with the MAC iterated like Windows and OpenSSL
			// do, not once: still imports everywhere, and the MAC no
			// longer lets a guesser skip the key derivation.
			enc = pkcs12.LegacyDES.WithIterations(2048)
		case ProfileStrong:
			enc = pkcs12.Modern
		default:
			return nil, errorf(CodeBadProfile, "", "profile %q", r.Profile)
		}
		if r.Passphrase == "" {
			return nil, &Error{Code: CodeNoPassphrase}
		}
		if !carriable(r.Passphrase) {
			return nil, &Error{Code: CodeBadPassphrase}
		}
	}

	data, err := readSource(src)
	if err != nil {
		return nil, err
	}
	if err := sameSource(src, data, opts); err != nil {
		return nil, err
	}
	candidates := opts.Passwords
	if len(candidates) == 0 {
		candidates = []string{opts.Password}
	}
	orig, pw, err := openFirst(src, data, candidates)
	if err != nil {
		return nil, err
	}
	opts.Password = pw
	if opts.Reprotect != nil && (len(orig.keys) != 1 || !orig.keyMatches) {
		return nil, errorf(CodeNoKey, src, "%d private keys", len(orig.keys))
	}
	if opts.PublicCopies && orig.leaf == nil {
		return nil, errorf(CodeNoKey, src, "no certificate")
	}
	if err := checkFolder(src, dir); err != nil {
		return nil, err
	}
	// What an earlier backup left when the stick was pulled mid-write.
	safefile.CleanTemp(dir, now())

	b := &run{ctx: ctx, dir: dir, opts: opts}
	b.total = 1
	if opts.Reprotect != nil {
		b.total++
	}
	if opts.PublicCopies {
		b.total += 2
	}
	if opts.Manifest {
		b.total++
	}
	res, err := b.do(src, data, orig, enc, now)
	if err != nil {
		b.removeWritten()
		return nil, err
	}
	return res, nil
}

// sameSource refuses a source that changed since it was checked: its
// contents differ from opts.Data or its SHA-256 from opts.SourceSHA256.
func sameSource(src string, data []byte, opts Options) error {
	if opts.Data != nil && !bytes.Equal(opts.Data, data) {
		return errorf(CodeSourceChanged, src, "the file differs from the one checked")
	}
	if want := opts.SourceSHA256; want != "" {
		sum := sha256.Sum256(data)
		if !strings.EqualFold(hex.EncodeToString(sum[:]), want) {
			return errorf(CodeSourceChanged, src, "SHA-256 %x, checked %s", sum, want)
		}
	}
	return nil
}

// carriable reports whether a .p12 can carry the passphrase: its password
// is stored as UTF-16 without surrogates, and a NUL would end it early.
func carriable(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r > 0xFFFF || r == 0 {
			return false
		}
	}
	return true
}

// checkFolder makes sure dir is a folder, and not the one the original is in
// (a backup beside the original is lost with it).
func checkFolder(src, dir string) error {
	st, err := folder(dir)
	if err != nil {
		return err
	}
	if srcDir, err := os.Stat(filepath.Dir(src)); err == nil && os.SameFile(srcDir, st) {
		return &Error{Code: CodeSameFolder, Path: dir}
	}
	return nil
}

// folder makes sure dir is an existing folder and returns what it is.
func folder(dir string) (os.FileInfo, error) {
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, syscall.ENOTDIR):
		return nil, &Error{Code: CodeFolderMissing, Path: dir, Err: err}
	case err != nil:
		return nil, writeError(dir, err)
	case !st.IsDir():
		return nil, &Error{Code: CodeNotAFolder, Path: dir}
	}
	return st, nil
}

// afterWrite, set by tests, runs after safefile has verified a file and
// before the backup reads it back itself: a copy that changes in between (a
// failing stick) must still be caught.
var afterWrite func(path string)

// run is one backup under way.
type run struct {
	ctx         context.Context
	dir         string
	opts        Options
	total, done int
	files       []File // the backup's files, in order
	written     []File // those this run wrote: removed if it fails
}

func (b *run) do(src string, data []byte, orig *opened, enc *pkcs12.Encoder, now func() time.Time) (*Result, error) {
	b.progress()
	name := backupName(src)
	stem := stemOf(name)

	// The copy, byte for byte; the manifest's sums are of these files.
	if err := b.write(name, KindCopy, data, func(back []byte) error {
		_, err := open(filepath.Join(b.dir, name), back, b.opts.Password)
		return err
	}); err != nil {
		return nil, err
	}

	if r := b.opts.Reprotect; r != nil {
		if err := b.reprotect(stem, orig, enc, r.Passphrase); err != nil {
			return nil, err
		}
	}

	if b.opts.PublicCopies {
		if err := b.write(stem+".cer", KindCER, orig.leaf.Raw, nil); err != nil {
			return nil, err
		}
		p := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: orig.leaf.Raw})
		if err := b.write(stem+".pem", KindPEM, p, nil); err != nil {
			return nil, err
		}
	}

	verified := now()
	if b.opts.Manifest {
		text := manifest(b.opts.Lang, orig.leaf, b.files)
		fname := msg.T(b.opts.Lang, "backup.file.manifest", map[string]string{"Name": stem})
		if err := b.write(fname, KindManifest, text, nil); err != nil {
			return nil, err
		}
	}
	files := append([]File(nil), b.files...)
	res := &Result{Dir: b.dir, Files: files, VerifiedAt: verified, SameDisk: sameDisk(src, b.dir)}
	if d, ok := DriveOf(b.dir, drives()); ok {
		res.Drive = d.Name()
	}
	return res, nil
}

// reprotect writes the key and certificates under the new passphrase and
// proves that copy opens to the same key and certificate.
func (b *run) reprotect(stem string, orig *opened, enc *pkcs12.Encoder, passphrase string) error {
	der, err := enc.Encode(orig.keys[0], orig.leaf, orig.chain, passphrase)
	if err != nil {
		return &Error{Code: CodeReprotect, Path: b.dir, Err: err}
	}
	name := msg.T(b.opts.Lang, "backup.file.reprotected", map[string]string{"Name": stem})
	return b.write(name, KindReprotected, der, func(back []byte) error {
		got, err := open(filepath.Join(b.dir, name), back, passphrase)
		if err != nil {
			return err
		}
		if !sameContents(orig, got) {
			return errors.New("the re-protected copy holds another key or certificate")
		}
		return nil
	})
}

func sameContents(a, b *opened) bool {
	if len(a.keys) != len(b.keys) || a.leaf == nil || b.leaf == nil || !a.leaf.Equal(b.leaf) || len(a.chain) != len(b.chain) {
		return false
	}
	for i, k := range a.keys {
		eq, ok := k.(interface{ Equal(crypto.PrivateKey) bool })
		if !ok || !eq.Equal(b.keys[i]) {
			return false
		}
	}
	for i := range a.chain {
		if !a.chain[i].Equal(b.chain[i]) {
			return false
		}
	}
	return true
}

// write writes one file through safefile, reads it back itself, compares
// its checksum and, if usable is set, proves the content usable.
func (b *run) write(name string, kind Kind, data []byte, usable func(back []byte) error) error {
	if err := b.ctx.Err(); err != nil {
		return &Error{Code: CodeCanceled, Err: err}
	}
	sum := safefile.SHA256(data)
	for _, n := range safefile.Names(name) {
		if path, ok := safefile.FindSame(b.dir, n, data); ok {
			b.files = append(b.files, File{Path: path, Kind: kind, SHA256: sum, Existing: true, Plain: n != name})
			return b.prove(path, sum, int64(len(data)), usable)
		}
	}
	path, plain, err := b.opts.Writer.WriteNamed(b.dir, name, data)
	if err != nil {
		return writeError(b.dir, err)
	}
	f := File{Path: path, Kind: kind, SHA256: sum, Plain: plain}
	b.files = append(b.files, f)
	b.written = append(b.written, f)
	return b.prove(path, sum, int64(len(data)), usable)
}

// prove reads the file at path back itself, compares its checksum with
// sum and, if usable is set, proves the content usable.
func (b *run) prove(path, sum string, size int64, usable func(back []byte) error) error {
	if afterWrite != nil {
		afterWrite(path)
	}
	back, err := safefile.ReadRegular(path, size)
	var tooLarge *safefile.TooLargeError
	if err != nil && !errors.As(err, &tooLarge) {
		return writeError(b.dir, err)
	}
	if err != nil || safefile.SHA256(back) != sum {
		return &Error{Code: CodeVerifyFailed, Path: b.dir, Err: fmt.Errorf("%s: %w", path, safefile.ErrVerify)}
	}
	if usable != nil {
		if err := usable(back); err != nil {
			return &Error{Code: CodeCopyUnusable, Path: b.dir, Err: fmt.Errorf("%s: %w", path, err)}
		}
	}
	b.done++
	b.progress()
	return nil
}

func (b *run) progress() {
	if b.opts.Progress != nil {
		b.opts.Progress(b.done, b.total)
	}
}

// removeWritten removes the files this backup wrote, and only those.
func (b *run) removeWritten() {
	for _, f := range b.written {
		// If the folder went with the stick this fails; nothing more to do.
		_ = os.Remove(f.Path)
	}
	b.written = nil
}

// backupName is the copy's name: the original's, made fit for any file
// system (a FAT stick stores no "a:b.p12"; safetext.FileName gives "a
// b.p12"), so that a name never makes a backup fail.
func backupName(src string) string {
	if name := safetext.FileName(filepath.Base(src)); name != "" && stemOf(name) != "" {
		return name
	}
	return "certificate.p12"
}

// stemOf is a file name without a certificate extension.
func stemOf(name string) string {
	ext := filepath.Ext(name)
	switch strings.ToLower(ext) {
	case ".p12", ".pfx":
		if s := strings.TrimSuffix(name, ext); s != "" {
			return s
		}
	}
	return name
}

// leafOrganization is the certificate's organisation, or its common name.
func leafOrganization(c *x509.Certificate) string {
	org := ""
	if len(c.Subject.Organization) > 0 {
		org = c.Subject.Organization[0]
	}
	return oces.OwnerName(org, c.Subject.CommonName)
}
