package oces

import (
	"bytes"
	"crypto/x509"
	"embed"
	"encoding/asn1"
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

// embeddedCA is one of the state CA's certificates, parsed only when a
// chain could use it: crypto/x509 looks a certificate's issuer up by its
// raw subject alone (CertPool), so a CA whose subject no certificate on the
// way names as its issuer is never part of a chain, and parsing it is
// wasted (most of the embedded CAs for any one file: a file of the other
// environment, or of a test CA given with --trust-ca).
type embeddedCA struct {
	file            string
	der             []byte
	issuer, subject []byte // raw, read from der; nil: unknown, parsed whenever a chain is built
	once            sync.Once
	cert            *x509.Certificate
}

// parsed is the certificate; an embedded CA that does not parse is a
// build error, caught by the tests.
func (ca *embeddedCA) parsed() *x509.Certificate {
	ca.once.Do(func() {
		c, err := x509.ParseCertificate(ca.der)
		if err != nil {
			panic("oces: embedded CA unreadable: " + ca.file + ": " + err.Error())
		}
		ca.cert = c
	})
	return ca.cert
}

var (
	caOnce              sync.Once
	embRoots, embInters []*embeddedCA
)

func loadCAs() {
	caOnce.Do(func() {
		embRoots = mustLoad(rootFiles)
		embInters = mustLoad(intermediateFiles)
	})
}

func mustLoad(files []string) []*embeddedCA {
	var out []*embeddedCA
	for _, f := range files {
		data, err := caFS.ReadFile(f)
		if err != nil {
			panic("oces: embedded CA missing: " + f) // a build error, caught by tests
		}
		for rest := data; ; {
			var block *pem.Block
			if block, rest = pem.Decode(rest); block == nil {
				break
			}
			if block.Type == "CERTIFICATE" {
				ca := &embeddedCA{file: f, der: block.Bytes}
				ca.issuer, ca.subject = rawNames(block.Bytes)
				out = append(out, ca)
			}
		}
	}
	return out
}

// rawNames reads a certificate's raw issuer and subject (the DER of each
// Name, as x509.Certificate's RawIssuer and RawSubject hold them) without
// parsing the rest; nil, nil when the DER is not laid out as expected.
func rawNames(der []byte) (issuer, subject []byte) {
	var cert, tbs asn1.RawValue
	if _, err := asn1.Unmarshal(der, &cert); err != nil {
		return nil, nil
	}
	if _, err := asn1.Unmarshal(cert.Bytes, &tbs); err != nil {
		return nil, nil
	}
	// [0] version (optional), serial, signature algorithm, issuer, validity, subject.
	var fields []asn1.RawValue
	for rest := tbs.Bytes; len(rest) > 0 && len(fields) < 6; {
		var f asn1.RawValue
		var err error
		if rest, err = asn1.Unmarshal(rest, &f); err != nil {
			return nil, nil
		}
		fields = append(fields, f)
	}
	if len(fields) > 0 && fields[0].Class == asn1.ClassContextSpecific && fields[0].Tag == 0 {
		fields = fields[1:]
	}
	if len(fields) < 5 {
		return nil, nil
	}
	return fields[2].FullBytes, fields[4].FullBytes
}

// usable parses and returns the embedded CAs that a chain from certs (the
// leaf, the file's certificates and the extra anchors) could go through:
// those whose subject is the issuer of one of certs or of another usable
// CA. A CA whose names could not be read is always usable.
func usable(certs []*x509.Certificate) (roots, inters []*x509.Certificate) {
	loadCAs()
	issuers := map[string]bool{}
	for _, c := range certs {
		if c != nil {
			issuers[string(c.RawIssuer)] = true
		}
	}
	all := append(append([]*embeddedCA(nil), embRoots...), embInters...)
	use := make([]bool, len(all))
	for grown := true; grown; {
		grown = false
		for i, ca := range all {
			if !use[i] && (ca.subject == nil || issuers[string(ca.subject)]) {
				use[i], grown = true, true
				issuers[string(ca.issuer)] = true
			}
		}
	}
	for i, ca := range all {
		switch {
		case !use[i]:
		case i < len(embRoots):
			roots = append(roots, ca.parsed())
		default:
			inters = append(inters, ca.parsed())
		}
	}
	return roots, inters
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
	roots, inters := usable(append(append([]*x509.Certificate{leaf}, fileCerts...), extraTrusted...))
	return verify(leaf, fileCerts, extraTrusted, now, roots, inters)
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
