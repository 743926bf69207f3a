package backup

import (
	"crypto"
	"crypto/x509"

	"github.com/fornyer/fornyer/core/pfx"
)

// opened is what backup needs of an opened .p12.
type opened struct {
	keys       []crypto.PrivateKey
	leaf       *x509.Certificate // the key's certificate, else the likeliest holder's
	keyMatches bool
	chain      []*x509.Certificate
}

// readSource reads the original within core/pfx's limits.
func readSource(path string) ([]byte, error) {
	data, err := pfx.ReadFile(path)
	if err != nil {
		return nil, sourceError(path, err)
	}
	return data, nil
}

// open opens a .p12 (the original or a copy read back) with password.
func open(path string, data []byte, password string) (*opened, error) {
	o, _, err := openFirst(path, data, []string{password})
	return o, err
}

// openFirst opens a .p12 with the first of passwords that opens it, all
// tried on one Container (one work budget), the one its MAC accepts first.
// It returns the password that worked.
func openFirst(path string, data []byte, passwords []string) (*opened, string, error) {
	c, err := pfx.Parse(data)
	if err != nil {
		return nil, "", sourceError(path, err)
	}
	tries := passwords
	if len(passwords) > 1 {
		if m := c.MatchPassword(passwords); m >= 0 {
			tries = passwords[m : m+1]
		}
	}
	var ct *pfx.Contents
	var pw string
	for _, pw = range tries {
		ct, err = c.Open(pw)
		if pfx.CodeOf(err) != pfx.CodeWrongPassword {
			break
		}
	}
	if err != nil {
		return nil, "", sourceError(path, err)
	}
	o := &opened{keys: ct.Keys, leaf: ct.Leaf, keyMatches: ct.KeyMatches, chain: ct.Chain}
	if o.leaf == nil {
		o.leaf = pfx.EndEntity(ct.Certs)
	}
	return o, pw, nil
}

// sourceError maps core/pfx's codes to the backup's.
func sourceError(path string, err error) *Error {
	code := CodeSourceInvalid
	switch pfx.CodeOf(err) {
	case pfx.CodeUnreadable:
		code = CodeSourceUnreadable
	case pfx.CodeTooLarge:
		code = CodeSourceTooLarge
	case pfx.CodeWrongPassword:
		code = CodeWrongPassword
	case pfx.CodeDamagedKey:
		code = CodeDamagedKey
	}
	return &Error{Code: code, Path: path, Err: err}
}
