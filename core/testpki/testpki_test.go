package testpki

import (
	"crypto/x509"
	"testing"

	pkcs12 "software.sslmate.com/src/go-pkcs12"
)

func TestChainVerifiesAndFilesDecode(t *testing.T) {
	chain := NewChain(t, true)
	leaf := chain.Organization(t)
	roots := x509.NewCertPool()
	roots.AddCert(chain.Root.Cert)
	inter := x509.NewCertPool()
	inter.AddCert(chain.Issuing.Cert)
	if _, err := leaf.Cert.Verify(x509.VerifyOptions{Roots: roots, Intermediates: inter, KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageAny}}); err != nil {
		t.Fatalf("verify: %v", err)
	}
	if leaf.Cert.SignatureAlgorithm != x509.SHA256WithRSAPSS {
		t.Errorf("signature %v", leaf.Cert.SignatureAlgorithm)
	}
	for name, data := range map[string][]byte{
		"go-modern":      PFX(t, pkcs12.Modern, leaf, chain.CACerts(), "Æblegrød"),
		"openssl":        OpenSSLPFX(t, leaf, chain.CACerts(), "Æblegrød"),
		"openssl-legacy": OpenSSLPFX(t, leaf, chain.CACerts(), "Æblegrød", "-legacy"),
	} {
		_, cert, cas, err := pkcs12.DecodeChain(data, "Æblegrød")
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !cert.Equal(leaf.Cert) || len(cas) != 2 {
			t.Errorf("%s: wrong content", name)
		}
	}
}
