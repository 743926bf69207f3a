package inspect

import (
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"math/rand"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/fornyer/fornyer/core/oces"
	"github.com/fornyer/fornyer/core/testpki"
)

// A file holding only an issuer's certificate (the Danish state's OCES CA,
// as published, or another authority's) is told it is the issuer's
// certificate, not the organisation's, instead of "the file has no private
// key"; an organisation's certificate without its key still gets that.
func TestIssuerCertificate(t *testing.T) {
	f := getFixture(t)
	statePEM, err := os.ReadFile("../oces/ca/prod-issuing-ca-1.pem")
	if err != nil {
		t.Fatal(err)
	}
	stateCerts, err := oces.ParseCAFile(statePEM)
	if err != nil || len(stateCerts) != 1 {
		t.Fatalf("state CA: %v", err)
	}
	state := &testpki.Leaf{Cert: stateCerts[0], Key: testpki.Key(t, 2048, 3)}
	otherKey := testpki.Key(t, 2048, 4)
	otherCA := testpki.SelfSigned(t, &x509.Certificate{
		SerialNumber: big.NewInt(77), Subject: pkix.Name{CommonName: "Eksempel Root CA", Organization: []string{"Eksempel CA A/S"}},
		NotBefore: time.Now().AddDate(-1, 0, 0), NotAfter: time.Now().AddDate(5, 0, 0),
		KeyUsage: x509.KeyUsageCertSign, BasicConstraintsValid: true, IsCA: true,
	}, otherKey)
	cases := []struct {
		name string
		data []byte
		key  string // the message's catalogue key
		with string // a word the Danish title or message holds
	}{
		{"the state's issuing CA as published (PEM)", statePEM, "inspect.finding.issuer_certificate.state", "Den Danske Stat"},
		{"the state's issuing CA (DER)", stateCerts[0].Raw, "inspect.finding.issuer_certificate.state", "statens"},
		{"the state's CA in a .p12 made by OpenSSL", testpki.OpenSSLPFX(t, state, nil, danishPW, "-nokeys"), "inspect.finding.issuer_certificate.state", "statens"},
		{"the test PKI's root and issuing CA", testpki.PEM(f.chain.Root.Cert, f.chain.Issuing.Cert), "inspect.finding.issuer_certificate.state", "statens"},
		{"the test PKI's CAs in a .p12", testpki.OpenSSLPFX(t, &testpki.Leaf{Cert: f.chain.Issuing.Cert, Key: f.chain.Issuing.Key}, []*x509.Certificate{f.chain.Root.Cert}, danishPW, "-nokeys"), "inspect.finding.issuer_certificate.state", "statens"},
		{"another authority's CA", otherCA.Raw, "inspect.finding.issuer_certificate", "Eksempel CA A/S"},
		{"the organisation's certificate alone", f.files["pem"], "inspect.finding.no_private_key", "privat nøgle"},
		{"the organisation's .p12 without its key", f.files["openssl-nokeys"], "inspect.finding.no_private_key", "privat nøgle"},
	}
	for _, c := range cases {
		r := Inspect(c.name+".p12", c.data, Options{Passwords: []string{danishPW}, ExtraTrusted: f.trusted(), Lang: "da"})
		first := r.FirstError()
		if first == nil {
			t.Errorf("%s: no error: %v", c.name, r.Codes())
			continue
		}
		if first.Key != c.key {
			t.Errorf("%s: first error %s (%s), want %s; all %v", c.name, first.Code, first.Key, c.key, r.Codes())
		}
		wantCode := CodeIssuerCertificate
		if c.key == "inspect.finding.no_private_key" {
			wantCode = CodeNoPrivateKey
		}
		if first.Code != wantCode || (wantCode == CodeIssuerCertificate && r.Has(CodeNoPrivateKey)) {
			t.Errorf("%s: codes %v, want %s first and not both", c.name, r.Codes(), wantCode)
		}
		if r.Verdict != VerdictProblems || r.Certificate == nil {
			t.Errorf("%s: verdict %s, certificate %v", c.name, r.Verdict, r.Certificate)
		}
		if text := first.Title + " " + first.Message; !strings.Contains(text, c.with) {
			t.Errorf("%s: %q does not say %q", c.name, text, c.with)
		}
	}
}

// A file that is no certificate at all but is named like one is not told
// to choose a file ending in .p12: it is told it is not a certificate
// file, with the same stable code as any other such file.
func TestNotACertificateNamedLikeOne(t *testing.T) {
	random := make([]byte, 3000)
	rand.New(rand.NewSource(7)).Read(random)
	cases := []struct {
		name, lang string
		key        string
		says       string // the message holds this
	}{
		{"Fornyet certifikat.p12", "en", "inspect.finding.unrecognized_format.named", "The name ends in .p12"},
		{"certifikat.PFX", "da", "inspect.finding.unrecognized_format.named", "Navnet ender på .pfx"},
		{"/tmp/x/certifikat.p12", "da", "inspect.finding.unrecognized_format.named", "Navnet ender på .p12"},
		{"notes.txt", "en", "inspect.finding.unrecognized_format", "(ending in .p12)"},
		{"download", "da", "inspect.finding.unrecognized_format", "(der ender på .p12)"},
	}
	for _, c := range cases {
		r := Inspect(c.name, random, Options{Lang: c.lang})
		if r.Verdict != VerdictUnreadable || len(r.Findings) != 1 {
			t.Fatalf("%s: %s %v", c.name, r.Verdict, r.Codes())
		}
		fd := r.Findings[0]
		if fd.Code != CodeUnrecognizedFormat || fd.Key != c.key || !strings.Contains(fd.Message, c.says) {
			t.Errorf("%s: %s %s %q; want %s, %q", c.name, fd.Code, fd.Key, fd.Message, c.key, c.says)
		}
		if c.key == "inspect.finding.unrecognized_format.named" && (strings.Contains(fd.Message, "ending in .p12") || strings.Contains(fd.Message, "ender på .p12)")) {
			t.Errorf("%s: still asks for a file ending in .p12: %q", c.name, fd.Message)
		}
	}
}
