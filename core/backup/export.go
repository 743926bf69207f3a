package backup

import (
	"crypto/x509"
	"encoding/pem"
	"path/filepath"
	"strings"

	"github.com/fornyer/fornyer/core/pfx"
	"github.com/fornyer/fornyer/core/safefile"
)

// ExportOptions says how the public certificate is saved.
type ExportOptions struct {
	// Passwords are tried in order on one reading of the file, as in
	// Options.Passwords; nil tries the empty password. A certificate file
	// (.cer, .crt, .pem) needs none.
	Passwords []string
	// Dir is the folder the certificate goes in; "" is beside the file.
	Dir string
	// PEM writes the certificate as text (.pem) instead of DER (.cer).
	PEM bool
	// SourceSHA256, if set, refuses a file that changed since it was checked.
	SourceSHA256 string
	// Writer writes the file; tests set its hooks.
	Writer safefile.Writer
}

// Exported is the public certificate as written.
type Exported struct {
	Path   string
	Kind   Kind   // KindCER or KindPEM
	SHA256 string // of the file's content
	// Certificate is the certificate written: the one the file's key
	// belongs to, or the holder's in a certificate file.
	Certificate *x509.Certificate
}

// ExportPublic saves the public certificate of the file at src, alone and
// without its key, as "<name>.cer" (DER) or "<name>.pem", beside src or in
// opts.Dir. An existing file is never replaced (" (2)" instead); the file
// is read back before it is reported. Nothing else is written: never the
// key, never the password. Errors are *Error with the backup's codes.
func ExportPublic(src string, opts ExportOptions) (*Exported, error) {
	data, err := readSource(src)
	if err != nil {
		return nil, err
	}
	if err := sameSource(src, data, Options{SourceSHA256: opts.SourceSHA256}); err != nil {
		return nil, err
	}
	leaf, err := publicCertificate(src, data, opts.Passwords)
	if err != nil {
		return nil, err
	}
	dir := opts.Dir
	if strings.TrimSpace(dir) == "" {
		dir = filepath.Dir(src)
	}
	if _, err := folder(dir); err != nil {
		return nil, err
	}
	out, kind, ext := leaf.Raw, KindCER, ".cer"
	if opts.PEM {
		out, kind, ext = pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: leaf.Raw}), KindPEM, ".pem"
	}
	path, err := opts.Writer.WriteNew(dir, stemOf(filepath.Base(src))+ext, out)
	if err != nil {
		return nil, writeError(dir, err)
	}
	return &Exported{Path: path, Kind: kind, SHA256: safefile.SHA256(out), Certificate: leaf}, nil
}

// publicCertificate is the certificate a file is about: in a .p12, the one
// its key belongs to (the file must open: a certificate read without the
// password is not vouched for by the key); in a certificate file, the
// holder's.
func publicCertificate(src string, data []byte, passwords []string) (*x509.Certificate, error) {
	if f := pfx.Detect(data); f == pfx.FormatCertificateDER || f == pfx.FormatCertificatePEM {
		certs, err := pfx.Certificates(data)
		if err != nil || len(certs) == 0 {
			return nil, errorf(CodeSourceInvalid, src, "no certificate: %v", err)
		}
		return pfx.EndEntity(certs), nil
	}
	if len(passwords) == 0 {
		passwords = []string{""}
	}
	o, _, err := openFirst(src, data, passwords)
	if err != nil {
		return nil, err
	}
	if o.leaf == nil {
		return nil, errorf(CodeNoKey, src, "no certificate")
	}
	return o.leaf, nil
}
