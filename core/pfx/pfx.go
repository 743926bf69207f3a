// Package pfx owns the PKCS#12 container (.p12/.pfx) and plain certificate
// files: reading a file within limits, telling formats apart, normalising
// BER to DER, reporting how a container is protected before the password is
// known, and opening it with the password (MAC check, decryption of every
// bag, every key and certificate found, the certificate that matches the
// key). It decodes the container itself rather than through go-pkcs12,
// because go-pkcs12 refuses BER, more than one key and more than two
// content blocks, and skips nested bags, all of which occur in files people
// have; the tests check that it agrees with go-pkcs12 wherever both read a
// file.
// Errors are *Error values with a stable Code that core/inspect turns into
// findings. Nothing here panics on bad input, and the password never appears
// in an error.
package pfx

import (
	"bytes"
	"crypto/x509"
	"encoding/asn1"
	"encoding/pem"
	"errors"
	"fmt"

	"github.com/fornyer/fornyer/core/safefile"
)

// MaxSize is the largest file read: real .p12 files are a few kilobytes.
const MaxSize = 10 << 20 // 10 MiB

// Codes are stable strings; core/inspect uses them as finding codes.
const (
	CodeUnreadable    = "unreadable_file"
	CodeTooLarge      = "too_large"
	CodeUnrecognized  = "unrecognized_format"
	CodeCorrupt       = "corrupt"
	CodeWrongPassword = "wrong_password"
	CodeUnsupported   = "unsupported_encryption"
	// CodeTooCostly: opening the file would take more work than any real
	// file needs (a forged iteration count, thousands of keys, bags or
	// certificates); it is refused before the work.
	CodeTooCostly = "too_costly"
	// CodeDamagedKey: the file opens, but a private key in it is damaged
	// (its values disagree, or it cannot sign what its public half
	// verifies); the key cannot be used.
	CodeDamagedKey = "damaged_key"
)

// Error is a failure with a stable code. Err says what in technical words
// (never the password).
type Error struct {
	Code string
	Err  error
}

func (e *Error) Error() string {
	if e.Err == nil {
		return e.Code
	}
	return e.Code + ": " + e.Err.Error()
}

func (e *Error) Unwrap() error { return e.Err }

func newError(code, format string, args ...any) *Error {
	return &Error{Code: code, Err: fmt.Errorf(format, args...)}
}

// CodeOf returns the code of err if it is (or wraps) an *Error, else "".
func CodeOf(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

// ReadFile reads a file of at most MaxSize bytes. A folder, a pipe or a
// device, a file that is too large (checked before reading and again while
// reading, so a growing file cannot make it read without limit) and an
// unreadable file give an *Error. What the path names is asked of the
// opened file, never before opening it (safefile.OpenRegular), so a file
// swapped for a FIFO in between cannot block it.
func ReadFile(path string) ([]byte, error) {
	data, err := safefile.ReadRegular(path, MaxSize)
	var tooLarge *safefile.TooLargeError
	switch {
	case err == nil:
		return data, nil
	case errors.As(err, &tooLarge) && tooLarge.Size >= 0:
		return nil, newError(CodeTooLarge, "%s is %d bytes, more than the %d allowed", path, tooLarge.Size, MaxSize)
	case errors.As(err, &tooLarge):
		return nil, newError(CodeTooLarge, "%s is more than the %d bytes allowed", path, MaxSize)
	case errors.Is(err, safefile.ErrFolder):
		return nil, newError(CodeUnreadable, "%s is a folder, not a file", path)
	case errors.Is(err, safefile.ErrNotRegular):
		return nil, newError(CodeUnreadable, "%s is not a regular file", path)
	}
	return nil, &Error{Code: CodeUnreadable, Err: err}
}

// Format is what a file looks like from its content.
type Format int

const (
	FormatUnknown        Format = iota
	FormatPKCS12                // a PFX: .p12, .pfx
	FormatCertificatePEM        // one or more PEM "CERTIFICATE" blocks
	FormatCertificateDER        // one DER certificate (or several concatenated)
	FormatPEMOther              // PEM, but no certificate (a key, a request, garbage)
)

// Detect tells formats apart by content, never by file name.
func Detect(data []byte) Format {
	if looksLikePFX(data) {
		return FormatPKCS12
	}
	if isPEM(data) {
		if _, err := pemCertificates(data); err == nil || CodeOf(err) == CodeTooCostly {
			return FormatCertificatePEM
		}
		return FormatPEMOther
	}
	if _, err := derCertificates(data); err == nil || CodeOf(err) == CodeTooCostly {
		return FormatCertificateDER
	}
	return FormatUnknown
}

// looksLikePFX reports whether data starts like a PFX: a SEQUENCE whose
// first element is the INTEGER 3 (the version). It is true for a
// truncated or damaged PFX too, so that those are reported as damaged
// rather than as something else.
func looksLikePFX(data []byte) bool {
	if len(data) < 2 || data[0] != 0x30 {
		return false
	}
	i := 2
	switch l := data[1]; {
	case l == 0x80:
	case l > 0x80 && l <= 0x84:
		i += int(l & 0x7f)
	case l < 0x80:
	default:
		return false
	}
	// The version: INTEGER of length 1, possibly in a long-form length.
	if len(data) < i+3 || data[i] != 0x02 {
		return false
	}
	// The version must be 3: a DER private key also starts with a
	// SEQUENCE and a one-byte INTEGER (0 or 1).
	l := data[i+1]
	if l == 0x01 {
		return data[i+2] == 3
	}
	if l < 0x81 || l > 0x84 || len(data) < i+2+int(l&0x7f) {
		return false
	}
	n := 0
	for _, c := range data[i+2 : i+2+int(l&0x7f)] {
		n = n<<8 | int(c)
	}
	j := i + 2 + int(l&0x7f)
	return n == 1 && len(data) > j && data[j] == 3
}

var pemMarker = []byte("-----BEGIN ")

func isPEM(data []byte) bool {
	// A PEM file may start with a BOM, blank lines or explanatory text.
	head := data
	if len(head) > 64<<10 {
		head = head[:64<<10]
	}
	return bytes.Contains(head, pemMarker)
}

// Certificates reads a certificate file: PEM with one or more CERTIFICATE
// blocks (other blocks are ignored), or DER.
func Certificates(data []byte) ([]*x509.Certificate, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, newError(CodeUnrecognized, "the file is empty")
	}
	if isPEM(data) {
		return pemCertificates(data)
	}
	if looksLikePFX(data) {
		return nil, newError(CodeUnrecognized, "the file is a PKCS#12 container, not a certificate file")
	}
	return derCertificates(data)
}

func pemCertificates(data []byte) ([]*x509.Certificate, error) {
	var certs []*x509.Certificate
	rest := data
	blocks := 0
	for {
		var b *pem.Block
		b, rest = pem.Decode(rest)
		if b == nil {
			break
		}
		blocks++
		if len(certs) >= MaxCertificates {
			return nil, newError(CodeTooCostly, "the file holds more than %d certificates", MaxCertificates)
		}
		der := b.Bytes
		switch b.Type {
		case "CERTIFICATE", "X509 CERTIFICATE":
		case "TRUSTED CERTIFICATE":
			// OpenSSL's form: the certificate followed by trust settings.
			var first asn1.RawValue
			if _, err := asn1.Unmarshal(der, &first); err == nil {
				der = first.FullBytes
			}
		default:
			continue
		}
		c, err := x509.ParseCertificate(der)
		if err != nil {
			return nil, &Error{Code: CodeCorrupt, Err: fmt.Errorf("certificate %d: %w", len(certs)+1, err)}
		}
		certs = append(certs, c)
	}
	if len(certs) == 0 {
		if blocks == 0 {
			return nil, newError(CodeUnrecognized, "the PEM text has no readable block")
		}
		return nil, newError(CodeUnrecognized, "the PEM file holds no certificate")
	}
	return certs, nil
}

func derCertificates(data []byte) ([]*x509.Certificate, error) {
	if len(data) < 2 || data[0] != 0x30 {
		return nil, newError(CodeUnrecognized, "not a certificate")
	}
	certs, err := parseDERCertificates(data)
	if CodeOf(err) == CodeTooCostly {
		return nil, err
	}
	if err != nil || len(certs) == 0 {
		if len(data) > 4 && data[1] >= 0x81 && data[1] <= 0x84 {
			// Starts like a certificate (SEQUENCE of SEQUENCE) but does not parse.
			if j := 2 + int(data[1]&0x7f); len(data) > j && data[j] == 0x30 {
				return nil, &Error{Code: CodeCorrupt, Err: fmt.Errorf("certificate: %v", err)}
			}
		}
		return nil, newError(CodeUnrecognized, "not a certificate")
	}
	return certs, nil
}

// parseDERCertificates is x509.ParseCertificates with a limit: it stops
// after MaxCertificates.
func parseDERCertificates(data []byte) ([]*x509.Certificate, error) {
	var certs []*x509.Certificate
	for len(data) > 0 {
		if len(certs) >= MaxCertificates {
			return nil, newError(CodeTooCostly, "the file holds more than %d certificates", MaxCertificates)
		}
		var v asn1.RawValue
		rest, err := asn1.Unmarshal(data, &v)
		if err != nil {
			return nil, err
		}
		c, err := x509.ParseCertificate(v.FullBytes)
		if err != nil {
			return nil, err
		}
		certs = append(certs, c)
		data = rest
	}
	return certs, nil
}
