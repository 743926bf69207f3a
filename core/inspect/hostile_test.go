package inspect

// Hostile files (issue 15): many certificates (item 2), a damaged key
// (item 3), data after the PFX (item 9). The files are made here;
// FORNYER_HOSTILE_DIR=DIR writes them out for timing the command line.

import (
	"bytes"
	"crypto"
	"crypto/ed25519"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/fornyer/fornyer/core/pfx"
	"github.com/fornyer/fornyer/core/testpki"
)

func writeHostile(t testing.TB, name string, data []byte) {
	if dir := os.Getenv("FORNYER_HOSTILE_DIR"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// A key whose private exponent is wrong is reported damaged, with the
// certificate still described; never "ready" (so no receipt is printed
// for it: the receipt goes by this verdict).
func TestDamagedKeyIsNotReady(t *testing.T) {
	fx := getFixture(t)
	data := testpki.DamagedKeyPFX(t, fx.leaf)
	writeHostile(t, "damaged-key.p12", data)
	r := Inspect("damaged.p12", data, Options{ExtraTrusted: fx.trusted()})
	if !r.Has(CodeDamagedKey) || r.Ready() || r.Verdict != VerdictProblems {
		t.Fatalf("verdict %s, findings %v", r.Verdict, r.Codes())
	}
	if r.Findings[0].Code != CodeDamagedKey {
		t.Errorf("first finding %s, want %s", r.Findings[0].Code, CodeDamagedKey)
	}
	if r.Certificate == nil || !r.Certificate.Verified || r.Certificate.SHA256 == "" {
		t.Errorf("the certificate beside the damaged key is not described: %+v", r.Certificate)
	}
	// The same file with the key intact has no such finding.
	good := plainPFX(t, []crypto.Signer{fx.leaf.Key}, []*x509.Certificate{fx.leaf.Cert, fx.chain.Issuing.Cert})
	if r := Inspect("good.p12", good, Options{ExtraTrusted: fx.trusted()}); r.Has(CodeDamagedKey) || !r.KeyMatches {
		t.Fatalf("the intact key: %v", r.Codes())
	}
}

// Bytes after the PFX are reported (a warning: the file still opens).
func TestTrailingDataReported(t *testing.T) {
	fx := getFixture(t)
	data := append(bytes.Clone(fx.files["openssl-aes"]), "appended by a careless tool"...)
	writeHostile(t, "trailing-data.p12", data)
	opts := Options{Passwords: []string{danishPW}, ExtraTrusted: fx.trusted()}
	r := Inspect("trailing.p12", data, opts)
	if !r.Has(CodeTrailingData) || Severity(CodeTrailingData) != SeverityWarning {
		t.Fatalf("findings %v", r.Codes())
	}
	if r.Certificate == nil || r.PasswordIndex != 0 {
		t.Fatalf("the file with trailing data did not open: %v", r.Codes())
	}
	if r := Inspect("clean.p12", fx.files["openssl-aes"], opts); r.Has(CodeTrailingData) {
		t.Fatal("trailing_data on a clean file")
	}
}

// nameChain makes n certificates that exist only as names: certificate i
// is issued by the subject of certificate i+1, the last is self-issued,
// and they are listed top first so that the leaf is last. That is the
// worst order for a quadratic search.
func nameChain(n int) []*x509.Certificate {
	names := make([][]byte, n)
	for i := range names {
		names[i] = mustMarshalName(fmt.Sprintf("CA %d", i))
	}
	certs := make([]*x509.Certificate, n)
	for i := range certs {
		issuer := names[min(i+1, n-1)]
		c := &x509.Certificate{RawSubject: names[i], RawIssuer: issuer, IsCA: i > 0}
		c.Raw = append(append([]byte{byte(i), byte(i >> 8), byte(i >> 16)}, names[i]...), issuer...)
		certs[n-1-i] = c
	}
	return certs
}

func mustMarshalName(cn string) []byte {
	b, err := asn1.Marshal(pkix.Name{CommonName: cn}.ToRDNSequence())
	if err != nil {
		panic(err)
	}
	return b
}

// pickLeaf and orderChain find the leaf and the chain in long lists, and
// consider only the first pfx.MaxCertificates.
func TestLongChains(t *testing.T) {
	certs := nameChain(500)
	leaf := pickLeaf(certs)
	if leaf != certs[len(certs)-1] {
		t.Fatalf("pickLeaf picked %x", leaf.RawSubject)
	}
	chain := orderChain(leaf, certs)
	if len(chain) != 499 {
		t.Fatalf("%d in the chain", len(chain))
	}
	for i, c := range chain {
		if want := certs[len(certs)-2-i]; c != want {
			t.Fatalf("chain[%d] out of order", i)
		}
	}
	many := nameChain(pfx.MaxCertificates + 5)
	if got := len(orderChain(many[0], many)); got != pfx.MaxCertificates-1 {
		t.Fatalf("orderChain considered %d, want %d", got, pfx.MaxCertificates-1)
	}
}

// manyCertsPFX is a PFX without MAC holding n small certificates (the
// report's file had 32,830 in 10 MiB), each issued by the next.
func manyCertsPFX(t testing.TB, n int) []byte {
	_, key, _ := ed25519.GenerateKey(bytes.NewReader(make([]byte, 64)))
	certs := make([]*x509.Certificate, n)
	for i := range certs {
		tmpl := &x509.Certificate{
			SerialNumber: big.NewInt(int64(i + 1)),
			Subject:      pkix.Name{CommonName: fmt.Sprint("c", i)},
			Issuer:       pkix.Name{CommonName: fmt.Sprint("c", i+1)},
			NotBefore:    time.Unix(0, 0), NotAfter: time.Unix(1<<31, 0),
			IsCA: i > 0, BasicConstraintsValid: true,
		}
		parent := &x509.Certificate{Subject: tmpl.Issuer, PublicKey: key.Public()}
		der, err := x509.CreateCertificate(nil, tmpl, parent, key.Public(), key)
		if err != nil {
			t.Fatal(err)
		}
		c, err := x509.ParseCertificate(der)
		if err != nil {
			t.Fatal(err)
		}
		certs[n-1-i] = c
	}
	return plainPFX(t, nil, certs)
}

// A file with more certificates than any real one is refused as too costly,
// read no further than the limit.
func TestTooManyCertificates(t *testing.T) {
	data := manyCertsPFX(t, pfx.MaxCertificates+1)
	r := Inspect("many.p12", data, Options{})
	if !r.Has(CodeTooCostly) || r.Verdict != VerdictUnreadable {
		t.Fatalf("%s %v", r.Verdict, r.Codes())
	}
	ok := manyCertsPFX(t, 50)
	if r := Inspect("fifty.p12", ok, Options{}); r.Has(CodeTooCostly) || r.Certificate == nil || r.Certificate.Subject != "CN=c0" {
		t.Fatalf("fifty certificates: %v %+v", r.Codes(), r.Certificate)
	}
	var pemData []byte
	for i := 0; i <= pfx.MaxCertificates; i++ {
		pemData = append(pemData, testpki.PEM(getFixture(t).leaf.Cert)...)
	}
	if r := Inspect("many.pem", pemData, Options{}); !r.Has(CodeTooCostly) {
		t.Fatalf("PEM: %v", r.Codes())
	}
}

// BenchmarkPickLeafOrderChain30k is the leaf and chain search on 30,000
// certificates listed leaf last (before: quadratic, 17.8 s with 32,830).
func BenchmarkPickLeafOrderChain30k(b *testing.B) {
	certs := nameChain(30_000)
	for b.Loop() {
		orderChain(pickLeaf(certs), certs)
	}
}

// BenchmarkInspect30kCertificates inspects a PFX with 30,000 certificates.
func BenchmarkInspect30kCertificates(b *testing.B) {
	data := manyCertsPFX(b, 30_000)
	writeHostile(b, "30k-certificates.p12", data)
	b.ReportMetric(float64(len(data)), "bytes")
	for b.Loop() {
		Inspect("many.p12", data, Options{})
	}
}
