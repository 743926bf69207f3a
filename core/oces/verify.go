package oces

import (
	"bytes"
	"crypto/x509"
	"embed"
	"encoding/pem"
	"errors"
	"fmt"
	"sync"
	"time"
)

// The Danish state CA's public OCES3 certificates, production and test,
// copied from ../shared/oces-ca (fingerprints checked in a test).
//
//go:embed ca/*.pem
var caFS embed.FS

// CA file names inside caFS.
var (
	rootFiles         = []string{"ca/prod-root-ca.pem", "ca/test-root-ca.pem"}
	intermediateFiles = []string{"ca/prod-issuing-ca-1.pem", "ca/test-issuing-ca-1.pem"}
)

var (
	caOnce                 sync.Once
	embeddedRoots, embInts []*x509.Certificate
)

func loadCAs() {
	caOnce.Do(func() {
		embeddedRoots = mustLoad(rootFiles)
		embInts = mustLoad(intermediateFiles)
	})
}

func mustLoad(files []string) []*x509.Certificate {
	var out []*x509.Certificate
	for _, f := range files {
		data, err := caFS.ReadFile(f)
		if err != nil {
			panic("oces: embedded CA missing: " + f) // a build error, caught by tests
		}
		certs, err := ParseCAFile(data)
		if err != nil {
			panic("oces: embedded CA unreadable: " + f + ": " + err.Error())
		}
		out = append(out, certs...)
	}
	return out
}

// ErrNoCertificate means a CA file held no certificate.
var ErrNoCertificate = errors.New("no certificate in the file")

// ParseCAFile reads certificates from PEM (any number of CERTIFICATE blocks,
// other blocks ignored) or DER (one or more concatenated certificates), as
// given to --trust-ca.
func ParseCAFile(data []byte) ([]*x509.Certificate, error) {
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 {
		return nil, ErrNoCertificate
	}
	if bytes.Contains(trimmed, []byte("-----BEGIN")) {
		var out []*x509.Certificate
		rest := trimmed
		for {
			var block *pem.Block
			block, rest = pem.Decode(rest)
			if block == nil {
				break
			}
			if block.Type != "CERTIFICATE" && block.Type != "TRUSTED CERTIFICATE" && block.Type != "X509 CERTIFICATE" {
				continue
			}
			c, err := x509.ParseCertificate(block.Bytes)
			if err != nil {
				return nil, fmt.Errorf("certificate %d: %w", len(out)+1, err)
			}
			out = append(out, c)
		}
		if len(out) == 0 {
			return nil, ErrNoCertificate
		}
		return out, nil
	}
	certs, err := x509.ParseCertificates(data)
	if err != nil {
		return nil, err
	}
	if len(certs) == 0 {
		return nil, ErrNoCertificate
	}
	return certs, nil
}

// Verify builds and verifies leaf's chain up to an embedded root or one of
// extraTrusted (each of which is trusted as an anchor, root or not), using
// the file's own certificates and the embedded issuing CAs as
// intermediates. Signatures are checked (RSASSA-PSS included), so a
// certificate that only carries the state CA's names is refused. Any
// extended key usage is accepted. The leaf's own validity period is not
// Verify's business (expiry is reported separately): when now lies outside
// it, the chain is checked at the nearest moment inside it. It returns the
// chain, leaf first.
func Verify(leaf *x509.Certificate, fileCerts, extraTrusted []*x509.Certificate, now time.Time) ([]*x509.Certificate, error) {
	loadCAs()
	return verify(leaf, fileCerts, extraTrusted, now, embeddedRoots, embInts)
}

func verify(leaf *x509.Certificate, fileCerts, extraTrusted []*x509.Certificate, now time.Time, roots, inters []*x509.Certificate) ([]*x509.Certificate, error) {
	if leaf == nil {
		return nil, errors.New("no certificate to verify")
	}
	rootPool := x509.NewCertPool()
	for _, c := range roots {
		rootPool.AddCert(c)
	}
	for _, c := range extraTrusted {
		if c != nil {
			rootPool.AddCert(c)
		}
	}
	interPool := x509.NewCertPool()
	for _, c := range inters {
		interPool.AddCert(c)
	}
	for _, c := range fileCerts {
		if c != nil && !c.Equal(leaf) {
			interPool.AddCert(c)
		}
	}
	at := now
	if at.Before(leaf.NotBefore) {
		at = leaf.NotBefore
	}
	if at.After(leaf.NotAfter) {
		at = leaf.NotAfter
	}
	chains, err := leaf.Verify(x509.VerifyOptions{
		Roots:         rootPool,
		Intermediates: interPool,
		CurrentTime:   at,
		KeyUsages:     []x509.ExtKeyUsage{x509.ExtKeyUsageAny},
	})
	if err != nil {
		return nil, err
	}
	best := chains[0]
	for _, ch := range chains[1:] {
		if len(ch) < len(best) {
			best = ch
		}
	}
	return best, nil
}
