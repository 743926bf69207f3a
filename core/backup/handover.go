package backup

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	pkcs12 "software.sslmate.com/src/go-pkcs12"

	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/safefile"
	"github.com/fornyer/fornyer/core/safetext"
)

// HandOverOptions describe a copy of a .p12 for someone else (a supplier,
// a server's administrator) under a password of its own.
type HandOverOptions struct {
	// Passwords open the original, tried as Options.Passwords are.
	Passwords []string
	// Passphrase is the copy's own password (core/handover makes it).
	Passphrase string
	// To is who the copy is for; it is part of the file's name.
	To string
	// Dir is the folder the copy goes in; "" is beside the original.
	Dir string
	// Lang is the language of the file's name ("da" or "en").
	Lang string
	// SourceSHA256, if set, refuses an original that changed since it was
	// checked.
	SourceSHA256 string
	// Writing, if set, is told the copy's SHA-256 before the file appears
	// (core/handover remembers it as Fornyer's own: a folder watcher may
	// see the file before the hand-over is recorded).
	Writing func(sha256 string)
	// Writer writes the file; tests set its hooks.
	Writer safefile.Writer
}

// handOverEncoder protects a hand-over copy: 3DES with SHA-1 and a MAC
// iterated 2048 times, because the copy goes to servers Fornyer cannot see,
// and AES-protected files do not open on Windows Server 2016 and older
// ("the password is incorrect"), while 3DES files open everywhere. Its
// strength is the password's: Fornyer's has about 95 bits (core/handover),
// beyond guessing even at 3DES's cheap key derivation.
var handOverEncoder = pkcs12.LegacyDES.WithIterations(2048)

// HandOverCopy writes the key and certificates of src as a new .p12
// protected with opts.Passphrase, named "<name> (for <To>).p12", beside src
// or in opts.Dir, never over an existing file. The copy is read back and
// opened with the new password, must hold the same key and certificates,
// and must not open with the original's password; otherwise it is removed
// and an *Error says why. The original is only read.
func HandOverCopy(ctx context.Context, src string, opts HandOverOptions) (*File, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	to := recipient(opts.To)
	switch {
	case opts.Passphrase == "":
		return nil, &Error{Code: CodeNoPassphrase}
	case !carriable(opts.Passphrase):
		return nil, &Error{Code: CodeBadPassphrase}
	case to == "":
		return nil, &Error{Code: CodeNoRecipient}
	}
	data, err := readSource(src)
	if err != nil {
		return nil, err
	}
	if err := sameSource(src, data, Options{SourceSHA256: opts.SourceSHA256}); err != nil {
		return nil, err
	}
	passwords := opts.Passwords
	if len(passwords) == 0 {
		passwords = []string{""}
	}
	orig, oldPassword, err := openFirst(src, data, passwords)
	if err != nil {
		return nil, err
	}
	if len(orig.keys) != 1 || !orig.keyMatches {
		return nil, errorf(CodeNoKey, src, "%d private keys", len(orig.keys))
	}
	if oldPassword == opts.Passphrase {
		return nil, errorf(CodeBadPassphrase, "", "the new password is the original's")
	}
	dir := opts.Dir
	if strings.TrimSpace(dir) == "" {
		dir = filepath.Dir(src)
	}
	if _, err := folder(dir); err != nil {
		return nil, err
	}
	der, err := handOverEncoder.Encode(orig.keys[0], orig.leaf, orig.chain, opts.Passphrase)
	if err != nil {
		return nil, &Error{Code: CodeReprotect, Path: dir, Err: err}
	}
	if opts.Writing != nil {
		sum := sha256.Sum256(der)
		opts.Writing(hex.EncodeToString(sum[:]))
	}
	name := msg.T(opts.Lang, "backup.file.handover", map[string]string{"Name": stemOf(filepath.Base(src)), "To": to})
	b := &run{ctx: ctx, dir: dir, opts: Options{Writer: opts.Writer}, total: 1}
	err = b.write(name, KindHandOver, der, func(back []byte) error {
		got, err := open(name, back, opts.Passphrase)
		if err != nil {
			return err
		}
		if !sameContents(orig, got) {
			return errors.New("the copy holds another key or certificate")
		}
		if _, err := open(name, back, oldPassword); err == nil {
			return errors.New("the copy opens with the original's password")
		}
		return nil
	})
	if err != nil {
		b.removeWritten()
		return nil, err
	}
	return &b.files[0], nil
}

// recipient is who a hand-over copy is for, as its file name holds it
// inside "(for …)": Recipient, fit for a file name.
func recipient(to string) string {
	return strings.Trim(safetext.FileName(Recipient(to)), ", ")
}

// Recipient is who a hand-over copy is for, as the copy's name and its
// password's name in the credential store hold it inside "(for …)": one
// line with no brackets of its own, so that "Webshoppen (webbureauet)"
// gives "(til Webshoppen, webbureauet)", not "(til Webshoppen
// (webbureauet))" (X20).
func Recipient(to string) string {
	to = opening().ReplaceAllString(safetext.Line(to), ", ")
	to = closing().ReplaceAllString(to, " ")
	return strings.Trim(strings.Join(strings.Fields(to), " "), ", ")
}

// Compiled when first used, not at every start: every command-line run
// links this package, and compiling them was 0.08 ms of an inspect's
// 4-5 ms (GODEBUG=inittrace=1; issue 24, 13).
var (
	opening = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\s*[(\[{]+\s*`) })
	closing = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\s*[)\]}]+\s*`) })
)
