package backup

import (
	"crypto"
	"crypto/x509"
	"fmt"
	"io"
	"os"

	pkcs12 "software.sslmate.com/src/go-pkcs12"
)

// TEMPORARY until core/pfx lands: the same contract through go-pkcs12.

const maxSize = 10 << 20

// opened is what backup needs of an opened .p12.
type opened struct {
	keys  []crypto.PrivateKey
	leaf  *x509.Certificate
	chain []*x509.Certificate
}

func readSource(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{Code: CodeSourceUnreadable, Path: path, Err: err}
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		return nil, &Error{Code: CodeSourceUnreadable, Path: path, Err: fmt.Errorf("not a regular file")}
	}
	if st.Size() > maxSize {
		return nil, &Error{Code: CodeSourceTooLarge, Path: path}
	}
	data, err := io.ReadAll(io.LimitReader(f, maxSize+1))
	if err != nil {
		return nil, &Error{Code: CodeSourceUnreadable, Path: path, Err: err}
	}
	return data, nil
}

func open(path string, data []byte, password string) (*opened, error) {
	key, leaf, chain, err := pkcs12.DecodeChain(data, password)
	if err == pkcs12.ErrIncorrectPassword {
		return nil, &Error{Code: CodeWrongPassword, Path: path}
	}
	if err != nil {
		return nil, &Error{Code: CodeSourceInvalid, Path: path, Err: err}
	}
	return &opened{keys: []crypto.PrivateKey{key}, leaf: leaf, chain: chain}, nil
}
