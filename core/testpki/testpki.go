// Package testpki makes OCES-like certificate chains and PKCS#12 files for
// tests: Go-made files through go-pkcs12 and OpenSSL-made ones through the
// openssl command, the way the rest of the world makes them. The CAs carry
// the Danish state CA's names but are signed by keys made here, so they are
// untrusted unless a test adds them as roots. Only tests import it.
package testpki

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"fmt"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	pkcs12 "software.sslmate.com/src/go-pkcs12"
)

// OIDs of OCES subject attributes.
var (
	OIDOrganizationIdentifier = asn1.ObjectIdentifier{2, 5, 4, 97}
	OIDSerialNumber           = asn1.ObjectIdentifier{2, 5, 4, 5}
	// OIDOCES3Policy is the arc of the OCES3 certificate policies.
	OIDOCES3Policy = asn1.ObjectIdentifier{1, 2, 208, 169, 1, 1, 1, 3}
)

// Keys are expensive (RSA 3072 takes a second); tests share a small pool,
// made once per process and handed out by index.
var (
	keyMu   sync.Mutex
	keyPool = map[int][]*rsa.PrivateKey{}
)

// Key returns the i-th shared RSA key of the given size.
func Key(t testing.TB, bits, i int) *rsa.PrivateKey {
	t.Helper()
	keyMu.Lock()
	defer keyMu.Unlock()
	for len(keyPool[bits]) <= i {
		k, err := rsa.GenerateKey(rand.Reader, bits)
		if err != nil {
			t.Fatal(err)
		}
		keyPool[bits] = append(keyPool[bits], k)
	}
	return keyPool[bits][i]
}

// CA is a certificate authority that can issue certificates.
type CA struct {
	Cert *x509.Certificate
	Key  *rsa.PrivateKey
}

// Leaf is an issued end-entity certificate with its key.
type Leaf struct {
	Cert *x509.Certificate
	Key  crypto.Signer
}

// Chain is a fake OCES3 hierarchy: a root and an issuing CA with the state
// CA's names.
type Chain struct {
	Root, Issuing *CA
}

var serial int64 = 1000

func nextSerial() *big.Int {
	keyMu.Lock()
	defer keyMu.Unlock()
	serial++
	return big.NewInt(serial)
}

// StateCAName returns the subject of the Danish state's root (issuing=false)
// or issuing CA, production or test ("OU=Test - cti").
func StateCAName(issuing, test bool) pkix.Name {
	n := pkix.Name{CommonName: "Den Danske Stat OCES rod-CA", Organization: []string{"Den Danske Stat"}, Country: []string{"DK"}}
	if issuing {
		n.CommonName = "Den Danske Stat OCES udstedende-CA 1"
	}
	if test {
		n.OrganizationalUnit = []string{"Test - cti"}
	}
	return n
}

// NewChain makes a root and an issuing CA named as the state's production
// (test=false) or test CAs, signed with RSASSA-PSS like the real ones.
func NewChain(t testing.TB, test bool) *Chain {
	t.Helper()
	now := time.Now()
	rootKey := Key(t, 2048, 0)
	root := &CA{Key: rootKey}
	root.Cert = create(t, &x509.Certificate{
		SerialNumber:          nextSerial(),
		Subject:               StateCAName(false, test),
		NotBefore:             now.AddDate(-5, 0, 0),
		NotAfter:              now.AddDate(20, 0, 0),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
		BasicConstraintsValid: true,
		IsCA:                  true,
		SignatureAlgorithm:    x509.SHA256WithRSAPSS,
	}, nil, rootKey)
	issKey := Key(t, 2048, 1)
	iss := &CA{Key: issKey}
	iss.Cert = create(t, &x509.Certificate{
		SerialNumber:          nextSerial(),
		Subject:               StateCAName(true, test),
		NotBefore:             now.AddDate(-4, 0, 0),
		NotAfter:              now.AddDate(10, 0, 0),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
		BasicConstraintsValid: true,
		IsCA:                  true,
		MaxPathLenZero:        true,
		SignatureAlgorithm:    x509.SHA256WithRSAPSS,
	}, root, issKey)
	return &Chain{Root: root, Issuing: iss}
}

// LeafOptions describe an OCES-like end-entity certificate. Zero values
// give a three-year OCES3 organisation certificate valid from yesterday.
type LeafOptions struct {
	Kind      string // "organization" (default), "system" or "employee"
	CN        string
	Org       string // default "Fornyer Testfirma ApS"
	CVR       string // default "12345678"
	UUID      string // default a fixed UUID
	NotBefore time.Time
	NotAfter  time.Time
	Key       crypto.Signer // default Key(t, 2048, 2)
	// PrintableIdentifier encodes organizationIdentifier as PrintableString
	// instead of UTF8String.
	PrintableIdentifier bool
	// OCES2 makes an OCES2-style subject ("O=<org> // CVR:<cvr>").
	OCES2 bool
}

// Subject returns the OCES subject the options describe.
func (o LeafOptions) Subject() pkix.Name {
	o = o.withDefaults()
	if o.OCES2 {
		return pkix.Name{
			CommonName:   o.CN,
			Organization: []string{o.Org + " // CVR:" + o.CVR},
			Country:      []string{"DK"},
			ExtraNames: []pkix.AttributeTypeAndValue{
				{Type: OIDSerialNumber, Value: "CVR:" + o.CVR + "-FID:1234567890123"},
			},
		}
	}
	prefix := "UI:DK-O:G:"
	if o.Kind == "employee" {
		prefix = "UI:DK-E:G:"
	}
	var ident any = o.identifier()
	if o.PrintableIdentifier {
		ident = asn1.RawValue{Tag: asn1.TagPrintableString, Class: asn1.ClassUniversal, Bytes: []byte(o.identifier())}
	}
	return pkix.Name{
		ExtraNames: []pkix.AttributeTypeAndValue{
			{Type: asn1.ObjectIdentifier{2, 5, 4, 3}, Value: o.CN},
			{Type: OIDSerialNumber, Value: prefix + o.UUID},
			{Type: asn1.ObjectIdentifier{2, 5, 4, 10}, Value: o.Org},
			{Type: OIDOrganizationIdentifier, Value: ident},
			{Type: asn1.ObjectIdentifier{2, 5, 4, 6}, Value: "DK"},
		},
	}
}

func (o LeafOptions) identifier() string { return "NTRDK-" + o.CVR }

func (o LeafOptions) withDefaults() LeafOptions {
	if o.Kind == "" {
		o.Kind = "organization"
	}
	if o.Org == "" {
		o.Org = "Fornyer Testfirma ApS"
	}
	if o.CN == "" {
		o.CN = o.Org
	}
	if o.CVR == "" {
		o.CVR = "12345678"
	}
	if o.UUID == "" {
		o.UUID = "3f6e1a2b-7c4d-4e5f-9a0b-1c2d3e4f5a6b"
	}
	return o
}

// Issue makes an end-entity certificate signed by ca.
func (ca *CA) Issue(t testing.TB, o LeafOptions) *Leaf {
	t.Helper()
	o = o.withDefaults()
	if o.NotBefore.IsZero() {
		o.NotBefore = time.Now().Add(-24 * time.Hour)
	}
	if o.NotAfter.IsZero() {
		o.NotAfter = o.NotBefore.AddDate(3, 0, 0)
	}
	if o.Key == nil {
		o.Key = Key(t, 2048, 2)
	}
	usage := x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment
	if o.Kind == "system" {
		usage = x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment
	}
	tmpl := &x509.Certificate{
		SerialNumber:       nextSerial(),
		Subject:            o.Subject(),
		NotBefore:          o.NotBefore,
		NotAfter:           o.NotAfter,
		KeyUsage:           usage,
		SignatureAlgorithm: x509.SHA256WithRSAPSS,
		Policies:           []x509.OID{mustOID(append(append(asn1.ObjectIdentifier{}, OIDOCES3Policy...), 1))},
	}
	if o.Kind == "employee" {
		tmpl.EmailAddresses = []string{"medarbejder@example.dk"}
	}
	return &Leaf{Cert: create(t, tmpl, ca, o.Key), Key: o.Key}
}

func mustOID(o asn1.ObjectIdentifier) x509.OID {
	ints := make([]uint64, len(o))
	for i, v := range o {
		ints[i] = uint64(v)
	}
	oid, err := x509.OIDFromInts(ints)
	if err != nil {
		panic(err)
	}
	return oid
}

// SelfSigned makes the certificate tmpl describes, signed by its own key:
// a root, or a certificate that is nobody's (a web server's, a forgery).
func SelfSigned(t testing.TB, tmpl *x509.Certificate, key crypto.Signer) *x509.Certificate {
	t.Helper()
	return create(t, tmpl, nil, key)
}

func create(t testing.TB, tmpl *x509.Certificate, parent *CA, key crypto.Signer) *x509.Certificate {
	t.Helper()
	parentCert, signer := tmpl, key
	if parent != nil {
		parentCert, signer = parent.Cert, parent.Key
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parentCert, key.Public(), signer)
	if err != nil {
		t.Fatal(err)
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Organization issues a default organisation certificate from the chain.
func (c *Chain) Organization(t testing.TB) *Leaf {
	return c.Issuing.Issue(t, LeafOptions{})
}

// CACerts returns the chain's CA certificates, issuing CA first.
func (c *Chain) CACerts() []*x509.Certificate {
	return []*x509.Certificate{c.Issuing.Cert, c.Root.Cert}
}

// PFX encodes leaf and chain with a go-pkcs12 encoder (pkcs12.Modern,
// pkcs12.LegacyDES, pkcs12.LegacyRC2, ...).
func PFX(t testing.TB, enc *pkcs12.Encoder, leaf *Leaf, chain []*x509.Certificate, password string) []byte {
	t.Helper()
	data, err := enc.Encode(leaf.Key, leaf.Cert, chain, password)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// OpenSSLPFX makes a .p12 with `openssl pkcs12 -export`, adding args (for
// example "-legacy", "-nokeys", "-certpbe", "NONE"). The password is passed
// through the environment, never on the command line. Tests that need it
// are skipped where openssl is missing.
func OpenSSLPFX(t testing.TB, leaf *Leaf, chain []*x509.Certificate, password string, args ...string) []byte {
	t.Helper()
	if _, err := exec.LookPath("openssl"); err != nil {
		t.Skip("openssl is not installed")
	}
	dir := t.TempDir()
	keyFile := filepath.Join(dir, "key.pem")
	certFile := filepath.Join(dir, "cert.pem")
	chainFile := filepath.Join(dir, "chain.pem")
	out := filepath.Join(dir, "out.p12")
	keyDER, err := x509.MarshalPKCS8PrivateKey(leaf.Key)
	if err != nil {
		t.Fatal(err)
	}
	writePEM(t, keyFile, "PRIVATE KEY", keyDER)
	writePEM(t, certFile, "CERTIFICATE", leaf.Cert.Raw)
	cmdArgs := []string{"pkcs12", "-export", "-inkey", keyFile, "-in", certFile, "-out", out, "-passout", "env:FORNYER_TEST_PASS"}
	if len(chain) > 0 {
		var ders [][]byte
		for _, c := range chain {
			ders = append(ders, c.Raw)
		}
		writePEM(t, chainFile, "CERTIFICATE", ders...)
		cmdArgs = append(cmdArgs, "-certfile", chainFile)
	}
	cmdArgs = append(cmdArgs, args...)
	cmd := exec.Command("openssl", cmdArgs...)
	cmd.Env = append(os.Environ(), "FORNYER_TEST_PASS="+password)
	if outb, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("openssl %v: %v\n%s", args, err, outb)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func writePEM(t testing.TB, path, kind string, ders ...[]byte) {
	t.Helper()
	var b []byte
	for _, d := range ders {
		b = append(b, pem.EncodeToMemory(&pem.Block{Type: kind, Bytes: d})...)
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// PEM returns certificates as PEM text.
func PEM(certs ...*x509.Certificate) []byte {
	var b []byte
	for _, c := range certs {
		b = append(b, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: c.Raw})...)
	}
	return b
}

// WriteFile writes data to name in a fresh temporary folder and returns the path.
func WriteFile(t testing.TB, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// String describes a leaf for test messages.
func (l *Leaf) String() string {
	return fmt.Sprintf("%s (serial %s)", l.Cert.Subject, l.Cert.SerialNumber)
}
