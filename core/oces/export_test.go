package oces

import "crypto/x509"

// TrustedRoots returns the embedded OCES3 root certificates (production and
// test). The slice is a copy; the certificates are shared, do not modify them.
func TrustedRoots() []*x509.Certificate {
	loadCAs()
	return parsedAll(embRoots)
}

// Intermediates returns the embedded OCES3 issuing CA certificates.
func Intermediates() []*x509.Certificate {
	loadCAs()
	return parsedAll(embInters)
}

// IsOCES reports whether the certificate was recognised as OCES at all.
func (i Info) IsOCES() bool { return i.Generation != "" }

func parsedAll(cas []*embeddedCA) []*x509.Certificate {
	var out []*x509.Certificate
	for _, ca := range cas {
		out = append(out, ca.parsed())
	}
	return out
}
