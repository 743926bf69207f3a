// Package handover owns giving a renewed certificate to another place
// without e-mailing its password: a copy of the .p12 under a new password
// that Fornyer makes (Password), saved in the credential store under that
// hand-over and shown once, and recorded in the register as "given to
// <whom> on <date>", never with the password. The file itself is
// core/backup's HandOverCopy.
package handover

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"math/big"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fornyer/fornyer/core/backup"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/pfx"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/vault"
)

// alphabet holds the characters of a hand-over password: lower-case
// letters and digits that are not mistaken for one another when read
// from a screen or aloud on the phone: no i, l, o (1, 1, 0), no 0, 1, 2,
// 5, 8 (O, l, Z, S, B). 27 characters.
const alphabet = "abcdefghjkmnpqrstuvwxyz3467"

// Groups and GroupLen shape a password: 5 groups of 4, joined by "-",
// "kx7f-mnaq-3bwe-..."; read aloud group by group. 20 characters from 27
// give 20 × log2(27) ≈ 95 bits: out of reach of guessing even at the
// cheap key derivation of the 3DES files old servers need.
const (
	Groups   = 5
	GroupLen = 4
)

// Password makes a new hand-over password from crypto/rand.
func Password() string {
	var b strings.Builder
	max := big.NewInt(int64(len(alphabet)))
	for g := range Groups {
		if g > 0 {
			b.WriteByte('-')
		}
		for range GroupLen {
			n, err := rand.Int(rand.Reader, max)
			if err != nil {
				panic("handover: crypto/rand failed: " + err.Error()) // never on a supported system
			}
			b.WriteByte(alphabet[n.Int64()])
		}
	}
	return b.String()
}

// Request is a hand-over to make.
type Request struct {
	// File is the certificate's .p12; Passwords open it (the saved ones).
	File      string
	Passwords []string
	// SourceSHA256 is the file as it was checked: a changed file is refused.
	SourceSHA256 string
	// Certificate is the register's record of the certificate (its
	// fingerprint and label); the hand-over is recorded on it.
	Certificate register.Certificate
	// To is who the copy is for ("Acme IT"); Dir the folder, "" beside
	// the file; Lang the language of the file's name.
	To, Dir, Lang string
	Now           time.Time
}

// Result is a hand-over made: the copy, the password to show once, and
// where the password is saved (empty with SaveErr when it could not be).
type Result struct {
	File       backup.File
	Password   string
	PasswordID string
	SaveErr    error // the credential store refused; the copy is kept and the password must be noted now
	RecordErr  error // the register could not record it
}

// Store is what Give needs of the credential store and the register.
type Store struct {
	Vault    *vault.Vault
	Register *register.Store
}

// Label is the name of a hand-over copy's password in the credential
// store: the organisation's and whom it was given to ("Fornyer Prøve ApS
// (copy for Webshoppen, webbureauet)"), in the language lang.
func Label(lang, org, to string) string {
	return strings.TrimSpace(msg.T(lang, "backup.handover.label", map[string]string{"Org": strings.TrimSpace(org), "To": backup.Recipient(to)}))
}

// Give makes the hand-over copy with a new password, saves the password in
// the credential store under that hand-over (vault.HandOverID, labelled
// with whom it was given to: never as the certificate's own password) and
// records the hand-over on the certificate.
// The copy is only reported once it opens with the new password and not
// with the old one. A failure to save or record is reported in the
// Result: the copy exists and its password is shown all the same.
func Give(ctx context.Context, s Store, r Request) (*Result, error) {
	if strings.TrimSpace(r.To) == "" {
		return nil, &backup.Error{Code: backup.CodeNoRecipient}
	}
	if r.Now.IsZero() {
		r.Now = time.Now()
	}
	pw := Password()
	f, err := backup.HandOverCopy(ctx, r.File, backup.HandOverOptions{
		Passwords: r.Passwords, Passphrase: pw, To: r.To, Dir: r.Dir, Lang: r.Lang, SourceSHA256: r.SourceSHA256,
		Writing: remember,
	})
	if err != nil {
		return nil, err
	}
	res := &Result{File: *f, Password: pw}
	if s.Vault != nil {
		// Named in the user's words, as the copy's file is (an arrow is
		// missing from the bold face Settings draws the name in).
		label := Label(r.Lang, r.Certificate.Organization, r.To)
		e, err := s.Vault.SaveEntry(ctx, vault.Entry{ID: vault.HandOverID(r.Certificate.SHA256, r.Now), Label: label, Expires: r.Certificate.NotAfter}, pw)
		res.PasswordID, res.SaveErr = e.ID, err
	} else {
		res.SaveErr = errors.New("handover: no credential store")
	}
	if s.Register != nil && r.Certificate.SHA256 != "" {
		res.RecordErr = s.Register.RecordHandOver(r.Certificate.SHA256, register.HandOver{
			To: r.To, At: r.Now, File: f.Path, SHA256: f.SHA256, PasswordID: res.PasswordID,
		})
	}
	return res, nil
}

// made holds the SHA-256 of every hand-over copy this process wrote, from
// before the file appears: a folder watcher may see it before the register
// records it.
var made sync.Map

func remember(sha string) { made.Store(strings.ToLower(sha), true) }

// Ours says whether the file at path is a hand-over copy Fornyer made: its
// content is one this process wrote, or one the register records on any
// certificate (a record from before the copy's SHA-256 was kept: the same
// path). Such a file is Fornyer's own writing, not a certificate that
// arrived: the Downloads watcher does not offer it for checking. A file
// that cannot be read is not ours.
func Ours(path string, certs []register.Certificate) bool {
	data, err := pfx.ReadFile(path)
	if err != nil {
		return false
	}
	sum := sha256.Sum256(data)
	sha := hex.EncodeToString(sum[:])
	if _, ok := made.Load(sha); ok {
		return true
	}
	clean := filepath.Clean(path)
	for _, c := range certs {
		for _, h := range c.HandOvers {
			if strings.EqualFold(h.SHA256, sha) || (h.SHA256 == "" && h.File != "" && filepath.Clean(h.File) == clean) {
				return true
			}
		}
	}
	return false
}
