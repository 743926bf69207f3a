package pfx

import (
	"bytes"
	"crypto"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"errors"
	"math/big"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/fornyer/fornyer/core/testpki"
	pkcs12 "software.sslmate.com/src/go-pkcs12"
)

const danish = "Æblegrød-ØÅ"

// fixture is a file with what reading it must give.
type fixture struct {
	name     string
	data     []byte
	password string

	encoding        string
	mac             string
	macIter         int
	keyEnc, certEnc string // before the password
	openedKeyEnc    string // after it ("" = same as keyEnc)
	iterations      int
	legacy, aes     bool
	publicCerts     int
	keys            int
	certs           int
	leaf            *x509.Certificate // nil: no key matches
	chainFirst      *x509.Certificate // first certificate of Chain
	anyPassword     bool              // opens whatever the password
}

type world struct {
	chain            *testpki.Chain
	leaf, other      *testpki.Leaf
	cas              []*x509.Certificate
	fixtures         []fixture
	openSSLAvailable bool
}

var (
	worldOnce sync.Mutex
	theWorld  *world
)

const (
	aes256 = "AES-256-CBC (PBES2, PBKDF2-HMAC-SHA-256)"
	des3   = "3DES (PBE-SHA1-3DES)"
	rc240  = "RC2-40 (PBE-SHA1-RC2-40)"
)

// testWorld makes the fixtures once per test binary: OpenSSL and RSA keys
// are slow.
func testWorld(t testing.TB) *world {
	t.Helper()
	worldOnce.Lock()
	defer worldOnce.Unlock()
	if theWorld != nil {
		return theWorld
	}
	w := &world{}
	w.chain = testpki.NewChain(t, false)
	w.leaf = w.chain.Organization(t)
	w.other = w.chain.Issuing.Issue(t, testpki.LeafOptions{Key: testpki.Key(t, 2048, 3), Org: "Anden ApS", CVR: "87654321"})
	w.cas = w.chain.CACerts()
	leaf, cas := w.leaf, w.cas
	gofile := func(enc *pkcs12.Encoder, pw string) []byte { return testpki.PFX(t, enc, leaf, cas, pw) }
	add := func(f fixture) {
		if f.encoding == "" {
			f.encoding = "DER"
		}
		w.fixtures = append(w.fixtures, f)
	}
	std := func(f fixture) fixture { // a key, three certificates, the leaf first
		f.keys, f.certs, f.leaf, f.chainFirst = 1, 3, leaf.Cert, cas[0]
		return f
	}
	add(std(fixture{name: "go/modern", data: gofile(pkcs12.Modern, "secret"), password: "secret",
		mac: "HMAC-SHA-256", macIter: 2048, keyEnc: aes256, certEnc: aes256, iterations: 2048, aes: true}))
	add(std(fixture{name: "go/modern2026-pbmac1", data: gofile(pkcs12.Modern2026, "secret"), password: "secret",
		mac: "PBMAC1 (HMAC-SHA-256)", macIter: 2048, keyEnc: aes256, certEnc: aes256, iterations: 2048, aes: true}))
	add(std(fixture{name: "go/legacy-des", data: gofile(pkcs12.LegacyDES, "secret"), password: "secret",
		mac: "HMAC-SHA-1", macIter: 1, keyEnc: des3, certEnc: des3, iterations: 2048, legacy: true}))
	add(std(fixture{name: "go/legacy-rc2", data: gofile(pkcs12.LegacyRC2, "secret"), password: "secret",
		mac: "HMAC-SHA-1", macIter: 1, keyEnc: des3, certEnc: rc240, iterations: 2048, legacy: true}))
	add(std(fixture{name: "go/passwordless", data: gofile(pkcs12.Passwordless, ""), password: "",
		mac: "none", keyEnc: "none", certEnc: "none", publicCerts: 3, anyPassword: true}))
	add(std(fixture{name: "go/modern-danish", data: gofile(pkcs12.Modern, danish), password: danish,
		mac: "HMAC-SHA-256", macIter: 2048, keyEnc: aes256, certEnc: aes256, iterations: 2048, aes: true}))
	add(std(fixture{name: "go/legacy-des-danish", data: gofile(pkcs12.LegacyDES, danish), password: danish,
		mac: "HMAC-SHA-1", macIter: 1, keyEnc: des3, certEnc: des3, iterations: 2048, legacy: true}))
	add(std(fixture{name: "go/modern-empty", data: gofile(pkcs12.Modern, ""), password: "",
		mac: "HMAC-SHA-256", macIter: 2048, keyEnc: aes256, certEnc: aes256, iterations: 2048, aes: true}))

	// Files no encoder makes on purpose.
	other := w.other
	add(fixture{name: "built/key-mismatch", password: "pw",
		data: buildPFX(t, "pw", buildOptions{encryptCerts: true}, item{key: other.Key}, item{cert: leaf.Cert}, item{cert: cas[0]}),
		mac:  "HMAC-SHA-256", macIter: 2048, keyEnc: aes256, certEnc: aes256, iterations: 2048, aes: true,
		keys: 1, certs: 2, leaf: nil, chainFirst: leaf.Cert})
	add(fixture{name: "built/two-keys", password: "pw",
		data: buildPFX(t, "pw", buildOptions{encryptCerts: true}, item{key: leaf.Key}, item{key: other.Key}, item{cert: other.Cert}, item{cert: leaf.Cert}, item{cert: cas[0]}),
		mac:  "HMAC-SHA-256", macIter: 2048, keyEnc: aes256, certEnc: aes256, iterations: 2048, aes: true,
		keys: 2, certs: 3, leaf: leaf.Cert, chainFirst: other.Cert})
	add(fixture{name: "built/chain-out-of-order", password: "pw",
		data: buildPFX(t, "pw", buildOptions{encryptCerts: true}, item{key: leaf.Key}, item{cert: cas[1]}, item{cert: leaf.Cert}, item{cert: cas[0]}),
		mac:  "HMAC-SHA-256", macIter: 2048, keyEnc: aes256, certEnc: aes256, iterations: 2048, aes: true,
		keys: 1, certs: 3, leaf: leaf.Cert, chainFirst: cas[1]})
	add(fixture{name: "built/plain-nested-no-mac", password: "anything",
		data: buildPFX(t, "", buildOptions{noMAC: true}, item{key: leaf.Key, plain: true, nested: true}, item{cert: cas[0], nested: true}, item{cert: leaf.Cert}),
		mac:  "none", keyEnc: "none", certEnc: "none",
		keys: 1, certs: 2, publicCerts: 2, leaf: leaf.Cert, chainFirst: cas[0], anyPassword: true})
	add(fixture{name: "built/no-mac-encrypted", password: "pw",
		data: buildPFX(t, "pw", buildOptions{noMAC: true, encryptCerts: true, iterations: 1000}, item{key: leaf.Key}, item{cert: leaf.Cert}),
		mac:  "none", keyEnc: aes256, certEnc: aes256, iterations: 1000, aes: true,
		keys: 1, certs: 1, leaf: leaf.Cert})

	// BER, shallow (the outer structure only, as some Java and NSS
	// exports) and Windows-style (every level, chunked encrypted content).
	modern := gofile(pkcs12.Modern, "secret")
	add(std(fixture{name: "ber/outer", data: toBER(t, modern, berOptions{chunk: 500}), password: "secret", encoding: "BER",
		mac: "HMAC-SHA-256", macIter: 2048, keyEnc: aes256, certEnc: aes256, iterations: 2048, aes: true}))
	add(std(fixture{name: "ber/outer-long-lengths", data: toBER(t, modern, berOptions{chunk: 300, longLengths: true}), password: "secret", encoding: "BER",
		mac: "HMAC-SHA-256", macIter: 2048, keyEnc: aes256, certEnc: aes256, iterations: 2048, aes: true}))
	add(std(fixture{name: "ber/windows-style", data: windowsStyle(t, modern, "secret", buildOptions{}), password: "secret", encoding: "BER",
		mac: "HMAC-SHA-256", macIter: 2048, keyEnc: aes256, certEnc: aes256, iterations: 2048, aes: true}))
	add(std(fixture{name: "ber/windows-style-danish", data: windowsStyle(t, gofile(pkcs12.LegacyDES, danish), danish, buildOptions{}), password: danish, encoding: "BER",
		mac: "HMAC-SHA-256", macIter: 2048, keyEnc: des3, certEnc: des3, iterations: 2048, legacy: true}))

	// OpenSSL, as administrators' tools make them.
	if _, err := exec.LookPath("openssl"); err == nil {
		w.openSSLAvailable = true
		ossl := func(pw string, args ...string) []byte { return testpki.OpenSSLPFX(t, leaf, cas, pw, args...) }
		add(std(fixture{name: "openssl/default", data: ossl("secret"), password: "secret",
			mac: "HMAC-SHA-256", macIter: 2048, keyEnc: aes256, certEnc: aes256, iterations: 2048, aes: true}))
		add(std(fixture{name: "openssl/legacy", data: ossl("secret", "-legacy"), password: "secret",
			mac: "HMAC-SHA-1", macIter: 2048, keyEnc: des3, certEnc: rc240, iterations: 2048, legacy: true}))
		add(fixture{name: "openssl/nokeys", data: ossl("secret", "-nokeys"), password: "secret",
			mac: "HMAC-SHA-256", macIter: 2048, keyEnc: "", certEnc: aes256, aes: true, certs: 3, chainFirst: leaf.Cert})
		add(std(fixture{name: "openssl/certpbe-none", data: ossl("secret", "-certpbe", "NONE"), password: "secret",
			mac: "HMAC-SHA-256", macIter: 2048, keyEnc: aes256, certEnc: "none", iterations: 2048, aes: true, publicCerts: 3}))
		add(std(fixture{name: "openssl/descert", data: ossl("secret", "-descert"), password: "secret",
			mac: "HMAC-SHA-256", macIter: 2048, keyEnc: aes256, certEnc: des3, iterations: 2048, aes: true, legacy: true}))
		add(std(fixture{name: "openssl/macalg-sha1", data: ossl("secret", "-macalg", "sha1"), password: "secret",
			mac: "HMAC-SHA-1", macIter: 2048, keyEnc: aes256, certEnc: aes256, iterations: 2048, aes: true}))
		add(std(fixture{name: "openssl/macalg-sha512", data: ossl("secret", "-macalg", "sha512"), password: "secret",
			mac: "HMAC-SHA-512", macIter: 2048, keyEnc: aes256, certEnc: aes256, iterations: 2048, aes: true}))
		add(std(fixture{name: "openssl/empty-password", data: ossl(""), password: "",
			mac: "HMAC-SHA-256", macIter: 2048, keyEnc: aes256, certEnc: aes256, iterations: 2048, aes: true}))
		add(std(fixture{name: "openssl/danish", data: ossl(danish), password: danish,
			mac: "HMAC-SHA-256", macIter: 2048, keyEnc: aes256, certEnc: aes256, iterations: 2048, aes: true}))
		add(std(fixture{name: "openssl/legacy-danish", data: ossl(danish, "-legacy"), password: danish,
			mac: "HMAC-SHA-1", macIter: 2048, keyEnc: des3, certEnc: rc240, iterations: 2048, legacy: true}))
		add(std(fixture{name: "openssl/pbes2-3des-aes128", data: ossl("secret", "-keypbe", "DES-EDE3-CBC", "-certpbe", "AES-128-CBC"), password: "secret",
			mac: "HMAC-SHA-256", macIter: 2048, keyEnc: "3DES (PBES2, PBKDF2-HMAC-SHA-256)", certEnc: "AES-128-CBC (PBES2, PBKDF2-HMAC-SHA-256)",
			iterations: 2048, aes: true, legacy: true}))
		add(std(fixture{name: "openssl/rc2-128-rc4", data: ossl("secret", "-legacy", "-keypbe", "PBE-SHA1-RC2-128", "-certpbe", "PBE-SHA1-RC4-128"), password: "secret",
			mac: "HMAC-SHA-1", macIter: 2048, keyEnc: "RC2-128 (PBE-SHA1-RC2-128)", certEnc: "RC4-128 (PBE-SHA1-RC4-128)", iterations: 2048, legacy: true}))
		add(std(fixture{name: "openssl/iter-10000", data: ossl("secret", "-iter", "10000", "-maciter"), password: "secret",
			mac: "HMAC-SHA-256", macIter: 10000, keyEnc: aes256, certEnc: aes256, iterations: 10000, aes: true}))
		add(std(fixture{name: "openssl/nomac", data: ossl("secret", "-nomac"), password: "secret",
			mac: "none", keyEnc: aes256, certEnc: "none", publicCerts: 3, iterations: 2048, aes: true}))
		add(std(fixture{name: "openssl/no-protection", data: ossl("", "-nomac", "-keypbe", "NONE", "-certpbe", "NONE"), password: "whatever",
			mac: "none", keyEnc: "none", certEnc: "none", publicCerts: 3, anyPassword: true}))
		add(std(fixture{name: "ber/windows-style-openssl-legacy", data: windowsStyle(t, ossl("secret", "-legacy"), "secret", buildOptions{}), password: "secret", encoding: "BER",
			mac: "HMAC-SHA-256", macIter: 2048, keyEnc: des3, certEnc: rc240, iterations: 2048, legacy: true}))
	}
	theWorld = w
	return w
}

func TestParseAndOpen(t *testing.T) {
	w := testWorld(t)
	for _, f := range w.fixtures {
		t.Run(f.name, func(t *testing.T) {
			if got := Detect(f.data); got != FormatPKCS12 {
				t.Errorf("Detect = %v", got)
			}
			c, err := Parse(f.data)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			p := c.Protection
			if p.Encoding != f.encoding || p.MAC != f.mac || p.MACIterations != f.macIter ||
				p.KeyEncryption != f.keyEnc || p.CertificateEncryption != f.certEnc ||
				p.Iterations != f.iterations || p.Legacy != f.legacy || p.AES != f.aes {
				t.Errorf("Protection = %+v\nwant encoding %s mac %q/%d key %q cert %q iter %d legacy %v aes %v",
					p, f.encoding, f.mac, f.macIter, f.keyEnc, f.certEnc, f.iterations, f.legacy, f.aes)
			}
			if len(c.PublicCerts) != f.publicCerts {
				t.Errorf("PublicCerts: %d, want %d", len(c.PublicCerts), f.publicCerts)
			}
			if _, err := Parse(c.DER); err != nil {
				t.Errorf("the normalised DER does not parse: %v", err)
			}
			ct, err := c.Open(f.password)
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			checkContents(t, f, ct)
			if f.mac != "none" && !ct.MACVerified {
				t.Error("MACVerified is false")
			}
			// OpenForInspection finds the same, with keys of the same
			// public halves.
			ci, err := c.OpenForInspection(f.password)
			if err != nil {
				t.Fatalf("OpenForInspection: %v", err)
			}
			checkContents(t, f, ci)
			if ci.MACVerified != ct.MACVerified || ci.Protection != ct.Protection {
				t.Errorf("OpenForInspection: MAC %v, %+v; Open: MAC %v, %+v", ci.MACVerified, ci.Protection, ct.MACVerified, ct.Protection)
			}
			for i, k := range ci.Keys {
				pub := k.(interface{ Public() crypto.PublicKey }).Public()
				if !ct.Keys[i].(interface{ Public() crypto.PublicKey }).Public().(interface{ Equal(crypto.PublicKey) bool }).Equal(pub) {
					t.Errorf("OpenForInspection: key %d differs", i)
				}
			}
			if _, err := c.OpenForInspection(f.password + "x"); !f.anyPassword && CodeOf(err) != CodeWrongPassword {
				t.Errorf("OpenForInspection, wrong password: got %v, want %s", err, CodeWrongPassword)
			}

			_, err = c.Open(f.password + "x")
			if f.anyPassword {
				if err != nil {
					t.Errorf("an unprotected file must open with any password: %v", err)
				}
			} else if CodeOf(err) != CodeWrongPassword {
				t.Errorf("wrong password: got %v, want %s", err, CodeWrongPassword)
			}
			if err != nil && f.password != "" && strings.Contains(err.Error(), f.password) {
				t.Error("the error message contains the password")
			}

			// go-pkcs12 reads DER files with one key: it must agree.
			if f.encoding == "DER" && f.keys == 1 && f.leaf != nil {
				key, cert, _, err := pkcs12.DecodeChain(f.data, f.password)
				if err == nil {
					if !cert.Equal(ct.Leaf) && f.certs > 0 && f.chainFirst == f.leaf {
						t.Errorf("go-pkcs12 leaf differs")
					}
					if !sameKey(key, ct.Keys[0]) {
						t.Errorf("go-pkcs12 key differs")
					}
				}
			}
		})
	}
}

func checkContents(t *testing.T, f fixture, ct *Contents) {
	t.Helper()
	if len(ct.Keys) != f.keys || len(ct.Certs) != f.certs {
		t.Fatalf("%d keys, %d certificates; want %d, %d", len(ct.Keys), len(ct.Certs), f.keys, f.certs)
	}
	if (ct.Leaf == nil) != (f.leaf == nil) || (ct.Leaf != nil && !ct.Leaf.Equal(f.leaf)) {
		t.Errorf("Leaf = %v, want %v", name(ct.Leaf), name(f.leaf))
	}
	if ct.KeyMatches != (f.leaf != nil) {
		t.Errorf("KeyMatches = %v", ct.KeyMatches)
	}
	wantChain := f.certs
	if f.leaf != nil {
		wantChain--
	}
	if len(ct.Chain) != wantChain {
		t.Errorf("Chain has %d, want %d", len(ct.Chain), wantChain)
	}
	if f.chainFirst != nil && len(ct.Chain) > 0 && !ct.Chain[0].Equal(f.chainFirst) {
		t.Errorf("Chain[0] = %s, want %s", name(ct.Chain[0]), name(f.chainFirst))
	}
	for _, c := range ct.Chain {
		if ct.Leaf != nil && c.Equal(ct.Leaf) {
			t.Error("the leaf is also in the chain")
		}
	}
	if ct.Protection.Encoding != f.encoding {
		t.Errorf("opened encoding %s", ct.Protection.Encoding)
	}
	want := f.openedKeyEnc
	if want == "" {
		want = f.keyEnc
	}
	if ct.Protection.KeyEncryption != want {
		t.Errorf("opened KeyEncryption %q, want %q", ct.Protection.KeyEncryption, want)
	}
}

func name(c *x509.Certificate) string {
	if c == nil {
		return "<nil>"
	}
	return c.Subject.String()
}

func sameKey(a, b crypto.PrivateKey) bool {
	ea, ok := a.(interface{ Equal(crypto.PrivateKey) bool })
	return ok && ea.Equal(b)
}

func TestDamagedFileWithRightPassword(t *testing.T) {
	w := testWorld(t)
	data := testpki.PFX(t, pkcs12.Modern, w.leaf, w.cas, "secret")
	// The key bag's localKeyId (the leaf's SHA-1) is outside any encryption
	// but inside the MAC: changing it breaks the MAC, not the key.
	id := sha1Sum(w.leaf.Cert.Raw)
	i := bytes.Index(data, id)
	if i < 0 {
		t.Fatal("localKeyId not found")
	}
	bad := bytes.Clone(data)
	bad[i] ^= 1
	c, err := Parse(bad)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Open("secret"); CodeOf(err) != CodeCorrupt {
		t.Errorf("right password, damaged MAC content: %v, want %s", err, CodeCorrupt)
	}
	if _, err := c.Open("wrong"); CodeOf(err) != CodeWrongPassword {
		t.Errorf("wrong password, damaged file: %v, want %s", err, CodeWrongPassword)
	}
}

func TestEmptyPasswordVariants(t *testing.T) {
	// Some tools derive the empty password's keys from no bytes at all
	// rather than from a lone two-byte terminator.
	w := testWorld(t)
	for _, bmp := range [][]byte{nil, {0, 0}} {
		data := buildWithBMP(t, w, bmp)
		c, err := Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.Open(""); err != nil {
			t.Errorf("empty password as %v: %v", bmp, err)
		}
		if _, err := c.Open("x"); CodeOf(err) != CodeWrongPassword {
			t.Errorf("wrong password: %v", err)
		}
	}
}

func TestBadInput(t *testing.T) {
	w := testWorld(t)
	valid := w.fixtures[0].data
	deep := bytes.Repeat([]byte{0x30, 0x80}, 100000)
	cases := []struct {
		name string
		data []byte
		code []string
	}{
		{"empty", nil, []string{CodeUnrecognized}},
		{"random", randomBytes(4096, 1), []string{CodeUnrecognized}},
		{"pem garbage", []byte("-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n"), []string{CodeUnrecognized}},
		{"text", []byte("hello, this is not a certificate\n"), []string{CodeUnrecognized}},
		{"certificate", w.leaf.Cert.Raw, []string{CodeUnrecognized}},
		{"deep BER nesting", append([]byte{0x30, 0x80, 0x02, 0x01, 0x03}, deep...), []string{CodeCorrupt}},
		{"deep BER nesting 2", append(append([]byte{0x30, 0x80, 0x02, 0x01, 0x03, 0x30, 0x80, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01, 0xa0, 0x80, 0x24, 0x80}, bytes.Repeat([]byte{0x24, 0x80}, 5000)...), 0, 0), []string{CodeCorrupt}},
		{"huge length", []byte{0x30, 0x84, 0x7f, 0xff, 0xff, 0xff, 0x02, 0x01, 0x03, 0x30, 0x84, 0x7f, 0xff, 0xff, 0xf0}, []string{CodeCorrupt}},
		{"huge inner length", append([]byte{0x30, 0x80, 0x02, 0x01, 0x03, 0x30, 0x80, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01, 0xa0, 0x80, 0x04, 0x84, 0x7f, 0xff, 0xff, 0xff}, make([]byte, 100)...), []string{CodeCorrupt}},
		{"version 2", []byte{0x30, 0x03, 0x02, 0x01, 0x02}, []string{CodeUnrecognized}},
		{"DER private key", pkcs8(t, w.leaf.Key), []string{CodeUnrecognized}},
		{"trailing junk inside", append(bytes.Clone(valid[:len(valid)-1]), 0xff), []string{CodeCorrupt}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Parse(tc.data)
			if err == nil {
				_, err = c.Open("secret")
			}
			code := CodeOf(err)
			ok := false
			for _, want := range tc.code {
				ok = ok || code == want
			}
			if !ok {
				t.Errorf("got %v, want one of %v", err, tc.code)
			}
		})
	}
}

func TestTruncated(t *testing.T) {
	w := testWorld(t)
	for _, f := range w.fixtures {
		if testing.Short() && f.name != "go/modern" {
			continue
		}
		step := 1
		if len(f.data) > 1500 {
			step = 7
		}
		for n := 0; n < len(f.data); n += step {
			c, err := Parse(f.data[:n])
			if err == nil {
				_, err = c.Open(f.password)
			}
			code := CodeOf(err)
			if err == nil || code == "" {
				t.Fatalf("%s truncated to %d: %v", f.name, n, err)
			}
			if n >= 8 && code != CodeCorrupt {
				t.Fatalf("%s truncated to %d: %v, want %s", f.name, n, err, CodeCorrupt)
			}
		}
	}
}

func randomBytes(n int, seed int64) []byte {
	r := rand.New(rand.NewSource(seed))
	b := make([]byte, n)
	r.Read(b)
	if b[0] == 0x30 {
		b[0] = 0x31
	}
	return b
}

func TestDetectAndCertificates(t *testing.T) {
	w := testWorld(t)
	pemChain := testpki.PEM(append([]*x509.Certificate{w.leaf.Cert}, w.cas...)...)
	keyPEM := []byte("-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n")
	cases := []struct {
		name   string
		data   []byte
		format Format
		certs  int
		code   string
	}{
		{"pem chain", pemChain, FormatCertificatePEM, 3, ""},
		{"pem with text and BOM", append([]byte("\ufeffSubject: x\r\n"), bytes.ReplaceAll(testpki.PEM(w.leaf.Cert), []byte("\n"), []byte("\r\n"))...), FormatCertificatePEM, 1, ""},
		{"der", w.leaf.Cert.Raw, FormatCertificateDER, 1, ""},
		{"openssl trusted certificate", trusted(w.leaf.Cert), FormatCertificatePEM, 1, ""},
		{"der two", append(bytes.Clone(w.leaf.Cert.Raw), w.cas[0].Raw...), FormatCertificateDER, 2, ""},
		{"pem key only", keyPEM, FormatPEMOther, 0, CodeUnrecognized},
		{"pem damaged certificate", []byte("-----BEGIN CERTIFICATE-----\nMIIBIjANBgkqhkiG\n-----END CERTIFICATE-----\n"), FormatPEMOther, 0, CodeCorrupt},
		{"pfx", w.fixtures[0].data, FormatPKCS12, 0, CodeUnrecognized},
		{"empty", nil, FormatUnknown, 0, CodeUnrecognized},
		{"random", randomBytes(300, 2), FormatUnknown, 0, CodeUnrecognized},
		{"truncated der", w.leaf.Cert.Raw[:200], FormatUnknown, 0, CodeCorrupt},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := Detect(tc.data); got != tc.format {
				t.Errorf("Detect = %v, want %v", got, tc.format)
			}
			certs, err := Certificates(tc.data)
			if CodeOf(err) != tc.code {
				t.Fatalf("Certificates error %v, want code %q", err, tc.code)
			}
			if len(certs) != tc.certs {
				t.Errorf("%d certificates, want %d", len(certs), tc.certs)
			}
			if tc.certs > 0 && !certs[0].Equal(w.leaf.Cert) {
				t.Error("first certificate is not the leaf")
			}
		})
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "ok.p12")
	os.WriteFile(small, []byte("abc"), 0o600)
	big := filepath.Join(dir, "big.p12")
	f, _ := os.Create(big)
	f.Truncate(MaxSize + 1) // sparse: no 10 MiB written
	f.Close()
	exact := filepath.Join(dir, "exact.p12")
	f, _ = os.Create(exact)
	f.Truncate(MaxSize)
	f.Close()
	cases := []struct {
		path string
		code string
		n    int
	}{
		{small, "", 3},
		{exact, "", MaxSize},
		{big, CodeTooLarge, 0},
		{dir, CodeUnreadable, 0},
		{filepath.Join(dir, "missing.p12"), CodeUnreadable, 0},
		{filepath.Join(small, "below-a-file"), CodeUnreadable, 0},
		{"/dev/null", CodeUnreadable, 0}, // not a regular file
	}
	for _, tc := range cases {
		data, err := ReadFile(tc.path)
		if CodeOf(err) != tc.code || len(data) != tc.n {
			t.Errorf("%s: %d bytes, %v; want %d, code %q", tc.path, len(data), err, tc.n, tc.code)
		}
		var e *Error
		if tc.code != "" && !errors.As(err, &e) {
			t.Errorf("%s: %T is not an *Error", tc.path, err)
		}
	}
}

func TestEndEntity(t *testing.T) {
	w := testWorld(t)
	certs := []*x509.Certificate{w.cas[1], w.cas[0], w.leaf.Cert}
	if got := EndEntity(certs); !got.Equal(w.leaf.Cert) {
		t.Errorf("EndEntity = %s", name(got))
	}
	if EndEntity(nil) != nil {
		t.Error("EndEntity(nil) != nil")
	}
}

func sha1Sum(b []byte) []byte {
	s := sha1.Sum(b)
	return s[:]
}

// buildWithBMP makes a file with the empty password whose MAC key comes
// from the given password bytes.
func buildWithBMP(t *testing.T, w *world, bmp []byte) []byte {
	return buildPFX(t, "", buildOptions{encryptCerts: true, setMACBMP: true, macBMP: bmp},
		item{key: w.leaf.Key}, item{cert: w.leaf.Cert})
}

// OpenSSL before 1.1 read a password typed on a UTF-8 terminal byte by
// byte, so "Æ" became the two characters "Ã†". Such files open with the
// password as the user types it.
func TestOldOpenSSLDanishPassword(t *testing.T) {
	w := testWorld(t)
	var mangled []rune
	for i := 0; i < len(danish); i++ {
		mangled = append(mangled, rune(danish[i]))
	}
	data := testpki.PFX(t, pkcs12.LegacyDES, w.leaf, w.cas, string(mangled))
	c, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	ct, err := c.Open(danish)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if !ct.KeyMatches || !ct.MACVerified {
		t.Errorf("KeyMatches %v, MACVerified %v", ct.KeyMatches, ct.MACVerified)
	}
	if _, err := c.Open("Æblegrød-ØÅx"); CodeOf(err) != CodeWrongPassword {
		t.Errorf("wrong password: %v", err)
	}
}

// Parse reports what cannot be opened with a password at all.
func TestUnsupportedProtection(t *testing.T) {
	w := testWorld(t)
	modern := testpki.PFX(t, pkcs12.Modern, w.leaf, w.cas, "pw")
	// Replace the AES-256-CBC OID with an unknown cipher (2.16.840.1.101.3.4.1.46, AES-256-GCM).
	gcm := bytes.ReplaceAll(modern, []byte{0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01, 0x2a}, []byte{0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01, 0x2e})
	c, err := Parse(gcm)
	if err != nil {
		t.Fatal(err)
	}
	// The change is inside the MAC-protected content: give it a valid MAC,
	// as a tool that really used that cipher would.
	c, err = Parse(assemble(t, "pw", buildOptions{}, c.macMsg))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(c.Protection.KeyEncryption, "unknown cipher") {
		t.Errorf("KeyEncryption %q", c.Protection.KeyEncryption)
	}
	if _, err := c.Open("pw"); CodeOf(err) != CodeUnsupported {
		t.Errorf("unknown cipher: %v, want %s", err, CodeUnsupported)
	}
	// An iteration count beyond the limit is refused before any work.
	saved := maxIterations
	maxIterations = 1000
	defer func() { maxIterations = saved }()
	c, err = Parse(modern)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Open("pw"); CodeOf(err) != CodeUnsupported {
		t.Errorf("2048 iterations over a limit of 1000: %v", err)
	}
}

// trusted makes OpenSSL's "TRUSTED CERTIFICATE" form: the certificate
// followed by trust settings (here an empty SEQUENCE).
func trusted(c *x509.Certificate) []byte {
	der := append(bytes.Clone(c.Raw), 0x30, 0x00)
	return pem.EncodeToMemory(&pem.Block{Type: "TRUSTED CERTIFICATE", Bytes: der})
}

// The key-derivation work of one file is bounded over all bags and all
// Opens (every password tried), counted in compressions.
func TestWorkBudget(t *testing.T) {
	w := testWorld(t)
	items := []item{{cert: w.leaf.Cert}}
	for i := 0; i < 6; i++ {
		items = append(items, item{key: w.leaf.Key})
	}
	data := buildPFX(t, "pw", buildOptions{iterations: 1000}, items...)
	open := func() (*Container, error) {
		c, err := Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		_, err = c.Open("pw")
		return c, err
	}
	if _, err := open(); err != nil {
		t.Fatalf("within the default budget: %v", err)
	}
	saved := maxWork
	defer func() { maxWork = saved }()
	// The MAC costs about 1,000 compressions, each AES key about 2,000
	// and its check about 4,000.
	maxWork = 6000
	if _, err := open(); CodeOf(err) != CodeTooCostly {
		t.Errorf("over budget: %v, want %s", err, CodeTooCostly)
	}
	// One budget across Opens: wrong passwords spend it too. (Each key
	// check costs about 4,000.)
	maxWork = 60000
	c, err := open()
	if err != nil {
		t.Fatalf("within budget: %v", err)
	}
	for i := 0; i < 20 && CodeOf(err) != CodeTooCostly; i++ {
		_, err = c.Open("wrong")
	}
	if CodeOf(err) != CodeTooCostly {
		t.Errorf("after 20 wrong passwords on one Container: %v, want %s", err, CodeTooCostly)
	}
}

func pkcs8(t *testing.T, key crypto.PrivateKey) []byte {
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	return der
}

// A Container may be opened from several goroutines (the app checks a file
// with several saved passwords); run with -race.
func TestOpenConcurrently(t *testing.T) {
	w := testWorld(t)
	c, err := Parse(w.fixtures[0].data)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			pw := w.fixtures[0].password
			if i%2 == 1 {
				pw = "wrong"
			}
			_, errs[i] = c.Open(pw)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if (i%2 == 0) != (err == nil) {
			t.Errorf("goroutine %d: %v", i, err)
		}
	}
}

// pkcs8RSA encodes an RSA key in PKCS#8 after change has altered its
// PKCS#1 values.
func pkcs8RSA(t *testing.T, key *rsa.PrivateKey, change func(*pkcs1PrivateKey)) []byte {
	t.Helper()
	k := pkcs1PrivateKey{N: key.N, E: key.E, D: key.D, P: key.Primes[0], Q: key.Primes[1],
		Dp: key.Precomputed.Dp, Dq: key.Precomputed.Dq, Qinv: key.Precomputed.Qinv}
	change(&k)
	return mustMarshal(t, struct {
		Version    int
		Algo       pkix.AlgorithmIdentifier
		PrivateKey []byte
	}{0, pkix.AlgorithmIdentifier{Algorithm: oidRSAEncryption, Parameters: asn1.NullRawValue}, mustMarshal(t, k)})
}

// A key whose private values disagree is damaged, for Open and
// OpenForInspection alike (the inspection, the backup and the receipt):
// the file's certificates are still read, the key is not, and signing
// with it is never attempted by a caller.
func TestInconsistentRSAKey(t *testing.T) {
	w := testWorld(t)
	key, ok := w.leaf.Key.(*rsa.PrivateKey)
	if !ok {
		t.Skipf("the test leaf has a %T", w.leaf.Key)
	}
	one := big.NewInt(1)
	cases := []struct {
		name    string
		change  func(*pkcs1PrivateKey)
		damaged bool
	}{
		{"the original", func(*pkcs1PrivateKey) {}, false},
		{"no CRT values", func(k *pkcs1PrivateKey) { k.Dp, k.Dq, k.Qinv = nil, nil, nil }, false},
		{"wrong dP", func(k *pkcs1PrivateKey) { k.Dp = new(big.Int).Add(k.Dp, one) }, true},
		{"wrong dQ", func(k *pkcs1PrivateKey) { k.Dq = new(big.Int).Add(k.Dq, one) }, true},
		{"wrong qInv", func(k *pkcs1PrivateKey) { k.Qinv = new(big.Int).Add(k.Qinv, one) }, true},
		{"wrong d", func(k *pkcs1PrivateKey) { k.D = new(big.Int).Add(k.D, one) }, true},
		{"wrong d, no CRT values", func(k *pkcs1PrivateKey) { k.D = new(big.Int).Add(k.D, one); k.Dp, k.Dq, k.Qinv = nil, nil, nil }, true},
		{"wrong e", func(k *pkcs1PrivateKey) { k.E += 2 }, true},
		{"wrong p", func(k *pkcs1PrivateKey) { k.P = new(big.Int).Add(k.P, big.NewInt(2)) }, true},
		{"zero q", func(k *pkcs1PrivateKey) { k.Q = new(big.Int) }, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for _, o := range []struct {
				plain, noMAC bool
			}{{false, false}, {true, false}, {false, true}} {
				der := pkcs8RSA(t, key, tc.change)
				data := buildPFX(t, "pw", buildOptions{iterations: 1, noMAC: o.noMAC}, item{cert: w.leaf.Cert}, item{keyDER: der, plain: o.plain})
				for _, open := range []func(*Container, string) (*Contents, error){(*Container).Open, (*Container).OpenForInspection} {
					c, err := Parse(data)
					if err != nil {
						t.Fatal(err)
					}
					ct, err := open(c, "pw")
					if !tc.damaged {
						if err != nil || !ct.KeyMatches {
							t.Fatalf("%+v: %v", o, err)
						}
						continue
					}
					if CodeOf(err) != CodeDamagedKey {
						t.Fatalf("%+v: %v, want %s", o, err, CodeDamagedKey)
					}
					if ct == nil || len(ct.Keys) != 0 || len(ct.Certs) != 1 || ct.KeyMatches {
						t.Fatalf("%+v: the contents beside the damaged key: %+v", o, ct)
					}
					if !o.noMAC {
						// With a wrong password the MAC fails: still a wrong password.
						if _, err := open(c, "px"); CodeOf(err) != CodeWrongPassword {
							t.Fatalf("%+v, wrong password: %v", o, err)
						}
					}
				}
			}
		})
	}
}

// pkcs1PrivateKey is an RSA private key (RFC 8017 appendix A.1.2), for
// making damaged keys.
type pkcs1PrivateKey struct {
	Version          int
	N                *big.Int
	E                int
	D, P, Q          *big.Int
	Dp, Dq, Qinv     *big.Int        `asn1:"optional"`
	AdditionalPrimes []asn1.RawValue `asn1:"optional,omitempty"`
}

var oidRSAEncryption = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 1}
