package inspect

import (
	"bytes"
	"crypto"
	"crypto/x509"
	"encoding/json"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	pkcs12 "software.sslmate.com/src/go-pkcs12"

	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/pfx"
	"github.com/fornyer/fornyer/core/testpki"
)

const danishPW = "Æblegrød på 3. sal"

// fixture is the shared test material: a fake test chain (untrusted unless
// its root is added) and a leaf.
type fixture struct {
	chain *testpki.Chain
	leaf  *testpki.Leaf
	files map[string][]byte
}

var (
	fixOnce sync.Once
	fix     *fixture
)

func getFixture(t testing.TB) *fixture {
	t.Helper()
	fixOnce.Do(func() {
		chain := testpki.NewChain(t, true)
		leaf := chain.Organization(t)
		f := &fixture{chain: chain, leaf: leaf, files: map[string][]byte{}}
		ca := chain.CACerts()
		f.files["openssl-aes"] = testpki.OpenSSLPFX(t, leaf, ca, danishPW)
		f.files["openssl-legacy"] = testpki.OpenSSLPFX(t, leaf, ca, danishPW, "-legacy")
		f.files["openssl-nokeys"] = testpki.OpenSSLPFX(t, leaf, ca, danishPW, "-nokeys")
		f.files["openssl-empty"] = testpki.OpenSSLPFX(t, leaf, ca, "")
		f.files["openssl-plain-certs"] = testpki.OpenSSLPFX(t, leaf, ca, danishPW, "-certpbe", "NONE")
		f.files["go-modern"] = testpki.PFX(t, pkcs12.Modern, leaf, ca, danishPW)
		f.files["go-rc2"] = testpki.PFX(t, pkcs12.LegacyRC2, leaf, ca, danishPW)
		other := testpki.Key(t, 2048, 5)
		f.files["go-mismatch"] = testpki.PFX(t, pkcs12.Modern, &testpki.Leaf{Cert: leaf.Cert, Key: other}, ca, danishPW)
		f.files["plain-two-keys"] = plainPFX(t, []crypto.Signer{other, leaf.Key}, []*x509.Certificate{leaf.Cert, chain.Issuing.Cert, chain.Root.Cert})
		f.files["plain-out-of-order"] = plainPFX(t, []crypto.Signer{leaf.Key}, []*x509.Certificate{chain.Root.Cert, leaf.Cert, chain.Issuing.Cert})
		f.files["ber-openssl-aes"] = toBER(t, f.files["openssl-aes"])
		f.files["pem"] = testpki.PEM(leaf.Cert, chain.Issuing.Cert)
		f.files["der"] = leaf.Cert.Raw
		fix = f
	})
	if fix == nil {
		t.Skip("fixture could not be made")
	}
	return fix
}

func (f *fixture) trusted() []*x509.Certificate { return []*x509.Certificate{f.chain.Root.Cert} }

func TestInspectFiles(t *testing.T) {
	f := getFixture(t)
	// A clock a year into the leaf's three years: no expiry findings.
	now := f.leaf.Cert.NotBefore.AddDate(1, 0, 0)
	clock := func() time.Time { return now }
	cases := []struct {
		file      string
		passwords []string
		verdict   string
		codes     []string // exactly these, in this order
		pwIndex   int
		verified  bool // certificate read and verified (false: none or unverified)
		noCert    bool
		keyMatch  bool
		encoding  string
	}{
		{"openssl-aes", []string{danishPW}, VerdictReady, []string{CodeTestCertificate}, 0, true, false, true, "DER"},
		{"openssl-aes", []string{"forkert", danishPW}, VerdictReady, []string{CodeTestCertificate}, 1, true, false, true, "DER"},
		{"openssl-aes", []string{"forkert"}, VerdictUnreadable, []string{CodeWrongPassword}, -1, false, true, false, "DER"},
		{"openssl-aes", []string{}, VerdictUnreadable, []string{CodeWrongPassword}, -1, false, true, false, "DER"},
		{"openssl-aes", nil, VerdictUnreadable, []string{CodeWrongPassword}, -1, false, true, false, "DER"},
		// Capital and small letters count.
		{"openssl-aes", []string{strings.ToUpper(danishPW)}, VerdictUnreadable, []string{CodeWrongPassword}, -1, false, true, false, "DER"},
		{"openssl-legacy", []string{danishPW}, VerdictReady, []string{CodeTestCertificate, CodeLegacyEncryption}, 0, true, false, true, "DER"},
		{"openssl-nokeys", []string{danishPW}, VerdictProblems, []string{CodeNoPrivateKey, CodeTestCertificate}, 0, true, false, false, "DER"},
		{"openssl-empty", nil, VerdictReady, []string{CodeTestCertificate, CodeEmptyPassword}, 0, true, false, true, "DER"},
		{"openssl-empty", []string{"x", ""}, VerdictReady, []string{CodeTestCertificate, CodeEmptyPassword}, 1, true, false, true, "DER"},
		// Certificates stored unencrypted are shown before the password,
		// marked as not verified.
		{"openssl-plain-certs", []string{"forkert"}, VerdictUnreadable, []string{CodeWrongPassword, CodeTestCertificate}, -1, false, false, false, "DER"},
		{"openssl-plain-certs", []string{danishPW}, VerdictReady, []string{CodeTestCertificate}, 0, true, false, true, "DER"},
		{"go-modern", []string{danishPW}, VerdictReady, []string{CodeTestCertificate}, 0, true, false, true, "DER"},
		{"go-rc2", []string{danishPW}, VerdictReady, []string{CodeTestCertificate, CodeLegacyEncryption}, 0, true, false, true, "DER"},
		{"go-mismatch", []string{danishPW}, VerdictProblems, []string{CodeKeyMismatch, CodeTestCertificate}, 0, true, false, false, "DER"},
		{"plain-two-keys", nil, VerdictProblems, []string{CodeMultipleKeys, CodeTestCertificate, CodeEmptyPassword}, 0, true, false, true, "DER"},
		{"plain-out-of-order", nil, VerdictReady, []string{CodeTestCertificate, CodeEmptyPassword}, 0, true, false, true, "DER"},
		{"ber-openssl-aes", []string{danishPW}, VerdictReady, []string{CodeTestCertificate}, 0, true, false, true, "BER"},
		{"pem", nil, VerdictProblems, []string{CodeNoPrivateKey, CodeTestCertificate}, -1, true, false, false, ""},
		// The leaf alone: its (fake) issuing CA is not among the embedded ones.
		{"der", nil, VerdictProblems, []string{CodeNoPrivateKey, CodeUntrustedChain, CodeTestCertificate}, -1, true, false, false, ""},
	}
	for _, c := range cases {
		name := c.file + "/" + strings.Join(c.passwords, ",")
		r := Inspect(c.file+".p12", f.files[c.file], Options{Passwords: c.passwords, ExtraTrusted: f.trusted(), Now: clock, Lang: "en"})
		if r.Verdict != c.verdict || !slices.Equal(r.Codes(), c.codes) {
			t.Errorf("%s: verdict %s, codes %v; want %s, %v", name, r.Verdict, r.Codes(), c.verdict, c.codes)
		}
		if r.PasswordIndex != c.pwIndex {
			t.Errorf("%s: password index %d, want %d", name, r.PasswordIndex, c.pwIndex)
		}
		if r.KeyMatches != c.keyMatch {
			t.Errorf("%s: key matches %v", name, r.KeyMatches)
		}
		if c.noCert {
			if r.Certificate != nil {
				t.Errorf("%s: certificate shown", name)
			}
		} else {
			cert := r.Certificate
			if cert == nil {
				t.Errorf("%s: no certificate", name)
				continue
			}
			if cert.Verified != c.verified {
				t.Errorf("%s: verified %v", name, cert.Verified)
			}
			if cert.Serial != f.leaf.Cert.SerialNumber.Text(16) || cert.CVR != "12345678" || cert.Generation != "OCES3" || cert.Environment != "test" || cert.Kind != "organization" {
				t.Errorf("%s: certificate %+v", name, cert)
			}
			if c.file == "der" {
				if r.ChainTrusted || len(r.Chain) != 0 {
					t.Errorf("%s: chain trusted %v, %+v", name, r.ChainTrusted, r.Chain)
				}
			} else if !r.ChainTrusted || len(r.Chain) != 2 || !strings.Contains(r.Chain[0].Subject, "udstedende-CA") {
				t.Errorf("%s: chain trusted %v, %+v", name, r.ChainTrusted, r.Chain)
			}
		}
		if c.encoding == "" {
			if r.Protection != nil {
				t.Errorf("%s: protection %+v for a certificate file", name, r.Protection)
			}
		} else if r.Protection == nil || r.Protection.Encoding != c.encoding {
			t.Errorf("%s: protection %+v", name, r.Protection)
		}
		for _, fd := range r.Findings {
			if fd.Message == "" || fd.Title == "" || strings.HasPrefix(fd.Message, "inspect.") || strings.HasPrefix(fd.Title, "inspect.") {
				t.Errorf("%s: %s has no text: %+v", name, fd.Code, fd)
			}
			if fd.Severity != Severity(fd.Code) {
				t.Errorf("%s: %s severity %s", name, fd.Code, fd.Severity)
			}
		}
		// The password never appears in the report.
		js, _ := json.Marshal(r)
		for _, pw := range c.passwords {
			if len(pw) > 3 && bytes.Contains(js, []byte(pw)) {
				t.Errorf("%s: password in the report", name)
			}
		}
	}
}

func TestProtectionReport(t *testing.T) {
	f := getFixture(t)
	r := Inspect("a.p12", f.files["openssl-aes"], Options{Passwords: []string{danishPW}, ExtraTrusted: f.trusted()})
	p := r.Protection
	if !p.AES || p.Legacy || !strings.Contains(p.KeyEncryption, "AES-256") || !strings.Contains(p.MAC, "SHA-256") || p.Iterations != 2048 || p.MACIterations != 2048 {
		t.Errorf("openssl default: %+v", p)
	}
	r = Inspect("l.p12", f.files["openssl-legacy"], Options{Passwords: []string{danishPW}, ExtraTrusted: f.trusted()})
	p = r.Protection
	if p.AES || !p.Legacy || !strings.Contains(p.KeyEncryption, "3DES") || !strings.Contains(p.CertificateEncryption, "RC2") || !strings.Contains(p.MAC, "SHA-1") {
		t.Errorf("openssl -legacy: %+v", p)
	}
}

// earlierSameDay is a moment up to an hour before t on t's own calendar
// day: days left are counted in midnights (oces.DaysLeft), and the test
// certificates expire at the time of day they were made, so "an hour
// before" crossed midnight when the tests ran in the first hour of a day.
func earlierSameDay(t testing.TB, at time.Time) time.Time {
	y, m, d := at.Date()
	midnight := time.Date(y, m, d, 0, 0, 0, 0, at.Location())
	if !at.After(midnight) {
		t.Skip("the certificate expires exactly at midnight: no earlier moment of its day")
	}
	if earlier := at.Add(-time.Hour); earlier.After(midnight) {
		return earlier
	}
	return midnight
}

func TestCertificateFacts(t *testing.T) {
	f := getFixture(t)
	r := Inspect("a.p12", f.files["openssl-aes"], Options{Passwords: []string{danishPW}, ExtraTrusted: f.trusted(), Now: func() time.Time { return earlierSameDay(t, f.leaf.Cert.NotAfter).Add(-100 * 24 * time.Hour) }})
	c := r.Certificate
	if c.DaysLeft != 100 {
		t.Errorf("days left %d", c.DaysLeft)
	}
	if c.KeyAlgorithm != "RSA" || c.KeyBits != 2048 {
		t.Errorf("key %s %d", c.KeyAlgorithm, c.KeyBits)
	}
	if len(c.SHA256) != 64 || len(c.SHA1) != 40 || strings.ToLower(c.SHA256) != c.SHA256 {
		t.Errorf("fingerprints %q %q", c.SHA256, c.SHA1)
	}
	if c.UUID != "3f6e1a2b-7c4d-4e5f-9a0b-1c2d3e4f5a6b" || c.Organization != "Fornyer Testfirma ApS" {
		t.Errorf("facts %+v", c)
	}
	if !strings.Contains(c.Subject, "organizationIdentifier=NTRDK-12345678") || !strings.Contains(c.Issuer, "OU=Test - cti") {
		t.Errorf("names %q / %q", c.Subject, c.Issuer)
	}
	if !c.NotAfter.Equal(f.leaf.Cert.NotAfter) || c.NotAfter.Location() != time.UTC {
		t.Errorf("not after %v", c.NotAfter)
	}
	sum := pfxSHA(f.files["openssl-aes"])
	if r.FileSHA256 != sum {
		t.Errorf("file sha %s", r.FileSHA256)
	}
}

func TestExpiryWithClock(t *testing.T) {
	f := getFixture(t)
	nb, na := f.leaf.Cert.NotBefore, f.leaf.Cert.NotAfter
	cases := []struct {
		name    string
		now     time.Time
		code    string
		verdict string
		days    int
	}{
		{"expired", na.Add(24 * time.Hour), CodeExpired, VerdictProblems, -1},
		{"one second after", na.Add(time.Second), CodeExpired, VerdictProblems, -1},
		{"not yet valid", nb.Add(-time.Hour), CodeNotYetValid, VerdictProblems, 1095},
		{"expires in 30 days", na.Add(-30 * 24 * time.Hour), CodeExpiresSoon, VerdictReady, 30},
		{"expires in 60 days", na.Add(-60 * 24 * time.Hour), CodeExpiresSoon, VerdictReady, 60},
		{"expires in 61 days", na.Add(-61 * 24 * time.Hour), "", VerdictReady, 61},
		{"expires today", earlierSameDay(t, na), CodeExpiresSoon, VerdictReady, 0},
	}
	for _, c := range cases {
		for _, lang := range msg.Languages {
			r := Inspect("a.p12", f.files["openssl-aes"], Options{Passwords: []string{danishPW}, ExtraTrusted: f.trusted(), Now: func() time.Time { return c.now }, Lang: lang})
			if r.Verdict != c.verdict {
				t.Errorf("%s: verdict %s %v", c.name, r.Verdict, r.Codes())
			}
			if c.code == "" {
				if r.Has(CodeExpiresSoon) || r.Has(CodeExpired) || r.Has(CodeNotYetValid) {
					t.Errorf("%s: %v", c.name, r.Codes())
				}
			} else if fd := r.Finding(c.code); fd == nil {
				t.Errorf("%s: no %s in %v", c.name, c.code, r.Codes())
			} else {
				if c.code == CodeExpired && r.Findings[0].Code != CodeExpired {
					t.Errorf("%s: expired is not first: %v", c.name, r.Codes())
				}
				date := msg.Date(lang, na.Local())
				if c.code == CodeNotYetValid {
					date = msg.Date(lang, nb.Local())
				}
				if !strings.Contains(fd.Message, date) {
					t.Errorf("%s/%s: message %q lacks %q", c.name, lang, fd.Message, date)
				}
			}
			if c.code != CodeNotYetValid && r.Certificate.DaysLeft != c.days {
				t.Errorf("%s: days left %d, want %d", c.name, r.Certificate.DaysLeft, c.days)
			}
			// Expiry does not make the chain untrusted.
			if !r.ChainTrusted {
				t.Errorf("%s: chain untrusted", c.name)
			}
		}
	}
	r := Inspect("a.p12", f.files["openssl-aes"], Options{Passwords: []string{danishPW}, ExtraTrusted: f.trusted(), Now: func() time.Time { return na.Add(-30 * 24 * time.Hour) }, Lang: "da"})
	if m := r.Finding(CodeExpiresSoon).Message; !strings.Contains(m, "om 30 dage") {
		t.Errorf("Danish: %q", m)
	}
}

func TestTrust(t *testing.T) {
	f := getFixture(t)
	// The fake chain carries the state CA's names but not its signature.
	r := Inspect("a.p12", f.files["openssl-aes"], Options{Passwords: []string{danishPW}})
	if r.ChainTrusted || r.Verdict != VerdictProblems || r.FirstError().Code != CodeUntrustedChain {
		t.Errorf("fake chain: trusted %v, %v", r.ChainTrusted, r.Codes())
	}
	if len(r.Chain) != 2 || !strings.Contains(r.Chain[0].Subject, "udstedende") || !strings.Contains(r.Chain[1].Subject, "rod-CA") {
		t.Errorf("untrusted chain not ordered from the leaf: %+v", r.Chain)
	}
	// Trusting the issuing CA alone is enough.
	r = Inspect("a.p12", f.files["openssl-aes"], Options{Passwords: []string{danishPW}, ExtraTrusted: []*x509.Certificate{f.chain.Issuing.Cert}})
	if !r.ChainTrusted || len(r.Chain) != 1 {
		t.Errorf("issuing CA as anchor: %v %+v", r.Codes(), r.Chain)
	}
	// Another organisation's chain does not vouch for it.
	other := testpki.NewChain(t, false)
	r = Inspect("a.p12", f.files["openssl-aes"], Options{Passwords: []string{danishPW}, ExtraTrusted: other.CACerts()})
	if r.ChainTrusted {
		t.Error("trusted by an unrelated chain with the same names")
	}
}

func TestOCESFindings(t *testing.T) {
	f := getFixture(t)
	prod := testpki.NewChain(t, false)
	trusted := []*x509.Certificate{prod.Root.Cert, f.chain.Root.Cert}
	now := time.Now()
	pw := "x"
	prodLeaf := prod.Organization(t)
	oces2 := prod.Issuing.Issue(t, testpki.LeafOptions{OCES2: true})
	weak := prod.Issuing.Issue(t, testpki.LeafOptions{Key: testpki.Key(t, 1024, 0)})
	notOCES := &testpki.Leaf{Cert: selfSigned(t, prodLeaf.Key), Key: prodLeaf.Key}
	cases := []struct {
		name  string
		leaf  *testpki.Leaf
		codes []string
	}{
		{"production organisation certificate", prodLeaf, []string{}},
		{"OCES2", oces2, []string{CodeOCES2}},
		{"weak key", weak, []string{CodeWeakKey}},
		{"not OCES", notOCES, []string{CodeNotOCES, CodeUntrustedChain}},
	}
	for _, c := range cases {
		data := testpki.PFX(t, pkcs12.Modern, c.leaf, prod.CACerts(), pw)
		r := Inspect("x.p12", data, Options{Passwords: []string{pw}, ExtraTrusted: trusted, Now: func() time.Time { return now }})
		if !slices.Equal(r.Codes(), c.codes) {
			t.Errorf("%s: %v, want %v", c.name, r.Codes(), c.codes)
		}
		if want := len(c.codes) == 0; r.Ready() != want {
			t.Errorf("%s: ready %v", c.name, r.Ready())
		}
	}
}

func TestBadInput(t *testing.T) {
	f := getFixture(t)
	rnd := rand.New(rand.NewSource(1))
	random := make([]byte, 4096)
	rnd.Read(random)
	aes := f.files["openssl-aes"]
	cases := []struct {
		name string
		data []byte
		code string
	}{
		{"empty", nil, CodeUnrecognizedFormat},
		{"blank", []byte("\n\r\n  "), CodeUnrecognizedFormat},
		{"random", random, CodeUnrecognizedFormat},
		{"text", []byte("Kære kunde, her er dit certifikat."), CodeUnrecognizedFormat},
		{"truncated", aes[:len(aes)/2], CodeCorrupt},
		{"truncated header", aes[:8], CodeCorrupt},
		{"one byte changed", flip(aes, len(aes)/2), ""},
		{"PEM garbage", []byte("-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n"), CodeUnrecognizedFormat},
		{"PEM key only", []byte("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"), CodeUnrecognizedFormat},
		{"PEM broken certificate", []byte("-----BEGIN CERTIFICATE-----\nMIIBAAAA\n-----END CERTIFICATE-----\n"), CodeCorrupt},
		{"truncated DER certificate", f.leaf.Cert.Raw[:200], CodeCorrupt},
	}
	for _, c := range cases {
		r := Inspect(c.name, c.data, Options{Passwords: []string{danishPW}, ExtraTrusted: f.trusted()})
		if r.Verdict != VerdictUnreadable || len(r.Findings) == 0 {
			t.Errorf("%s: verdict %s %v", c.name, r.Verdict, r.Codes())
			continue
		}
		if c.code != "" && r.Findings[0].Code != c.code {
			t.Errorf("%s: %v, want %s", c.name, r.Codes(), c.code)
		}
		if d := r.Findings[0].Detail; (d == "" && len(bytes.TrimSpace(c.data)) > 0) || strings.Contains(d, danishPW) {
			t.Errorf("%s: detail %q", c.name, d)
		}
		if r.Certificate != nil {
			t.Errorf("%s: certificate from bad input", c.name)
		}
	}
	if r := Inspect("e", nil, Options{Lang: "da"}); r.Findings[0].Title != "Filen er tom" {
		t.Errorf("empty file: %+v", r.Findings[0])
	}
}

func flip(b []byte, i int) []byte {
	c := bytes.Clone(b)
	c[i] ^= 0x55
	return c
}

func TestInspectFileBadPaths(t *testing.T) {
	dir := t.TempDir()
	huge := filepath.Join(dir, "huge.p12")
	fh, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	// Sparse: 64 GiB that would exhaust memory if read whole.
	if err := fh.Truncate(64 << 30); err != nil {
		t.Skipf("sparse file: %v", err)
	}
	fh.Close()
	just := filepath.Join(dir, "just-over.p12")
	if err := os.WriteFile(just, make([]byte, pfx.MaxSize+1), 0o600); err != nil {
		t.Fatal(err)
	}
	fifo := makeFIFO(filepath.Join(dir, "fifo")) // "" where there are none
	// A folder gets its own sentence (what to do instead); the code stays.
	cases := []struct {
		path string
		code string
		key  string
	}{
		{huge, CodeTooLarge, "inspect.finding.too_large"},
		{just, CodeTooLarge, "inspect.finding.too_large"},
		{dir, CodeUnreadableFile, "inspect.finding.unreadable_file.folder"},
		{filepath.Join(dir, "missing.p12"), CodeUnreadableFile, "inspect.finding.unreadable_file"},
	}
	if fifo != "" {
		cases = append(cases, struct{ path, code, key string }{fifo, CodeUnreadableFile, "inspect.finding.unreadable_file"})
	}
	for _, c := range cases {
		r := InspectFile(c.path, Options{Lang: "en"})
		if r.Verdict != VerdictUnreadable || len(r.Findings) != 1 || r.Findings[0].Code != c.code || r.Findings[0].Key != c.key {
			t.Errorf("%s: %s %v %s", c.path, r.Verdict, r.Codes(), r.Findings[0].Key)
		}
		if c.path == dir && r.Findings[0].Title != "That is a folder, not a file" {
			t.Errorf("folder: %q", r.Findings[0].Title)
		}
		if r.File != c.path {
			t.Errorf("file %q", r.File)
		}
	}
	// Over the limit in memory too.
	if r := Inspect("big", make([]byte, pfx.MaxSize+1), Options{}); r.Findings[0].Code != CodeTooLarge {
		t.Errorf("in memory: %v", r.Codes())
	}
	// A good file through InspectFile, not modified.
	f := getFixture(t)
	p := testpki.WriteFile(t, "ok.p12", f.files["openssl-aes"])
	st0, _ := os.Stat(p)
	r := InspectFile(p, Options{Passwords: []string{danishPW}, ExtraTrusted: f.trusted()})
	if !r.Ready() {
		t.Errorf("good file: %v", r.Codes())
	}
	after, _ := os.ReadFile(p)
	st1, _ := os.Stat(p)
	if !bytes.Equal(after, f.files["openssl-aes"]) || !st0.ModTime().Equal(st1.ModTime()) || st0.Mode() != st1.Mode() {
		t.Error("the user's file changed")
	}
}

func TestJSONContract(t *testing.T) {
	f := getFixture(t)
	for _, file := range []string{"openssl-aes", "pem"} {
		r := Inspect(file, f.files[file], Options{Passwords: []string{danishPW}, ExtraTrusted: f.trusted()})
		js, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(js, &m); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"file", "file_sha256", "verdict", "findings", "certificate", "chain", "chain_trusted", "key_matches", "protection"} {
			if _, ok := m[k]; !ok {
				t.Errorf("%s: key %s missing", file, k)
			}
		}
		cert := m["certificate"].(map[string]any)
		for _, k := range []string{"subject", "issuer", "serial", "organization", "cvr", "uuid", "generation", "environment", "kind", "not_before", "not_after", "days_left", "key_algorithm", "key_bits", "sha256", "sha1", "verified"} {
			if _, ok := cert[k]; !ok {
				t.Errorf("%s: certificate.%s missing", file, k)
			}
		}
		if _, err := time.Parse(time.RFC3339, cert["not_after"].(string)); err != nil {
			t.Errorf("not_after: %v", err)
		}
		for _, fd := range m["findings"].([]any) {
			fm := fd.(map[string]any)
			for _, k := range []string{"code", "severity", "message"} {
				if _, ok := fm[k]; !ok {
					t.Errorf("finding.%s missing", k)
				}
			}
		}
		for _, ch := range m["chain"].([]any) {
			for _, k := range []string{"subject", "issuer", "not_after"} {
				if _, ok := ch.(map[string]any)[k]; !ok {
					t.Errorf("chain.%s missing", k)
				}
			}
		}
		if file == "openssl-aes" {
			prot := m["protection"].(map[string]any)
			for _, k := range []string{"encoding", "mac", "mac_iterations", "key_encryption", "certificate_encryption", "iterations"} {
				if _, ok := prot[k]; !ok {
					t.Errorf("protection.%s missing", k)
				}
			}
		}
	}
	// An unreadable file still has every key, with empty values.
	js, _ := json.Marshal(Inspect("x", []byte("junk"), Options{}))
	var m map[string]any
	json.Unmarshal(js, &m)
	if m["verdict"] != "unreadable" || m["certificate"] != nil || m["chain"] == nil || m["findings"] == nil {
		t.Errorf("unreadable JSON: %s", js)
	}
}

func TestFindingsInBothLanguages(t *testing.T) {
	for _, code := range order {
		for _, lang := range msg.Languages {
			cat := msg.Catalogue(lang)
			for _, k := range []string{"inspect.finding." + code, "inspect.finding." + code + ".title"} {
				if cat[k] == "" {
					t.Errorf("%s: %s missing", lang, k)
				}
			}
		}
	}
	for _, o := range []string{CompareRenewal, CompareNewIdentity, CompareSameCertificate, CompareOtherOrganization, CompareNotLater, CompareUnknown} {
		for _, lang := range msg.Languages {
			if msg.Catalogue(lang)["inspect.compare."+o] == "" || msg.Catalogue(lang)["inspect.compare."+o+".title"] == "" {
				t.Errorf("%s: compare %s missing", lang, o)
			}
		}
	}
	// Plain words: no jargon outside the technical details.
	for _, lang := range msg.Languages {
		for k, v := range msg.Catalogue(lang) {
			if !strings.HasPrefix(k, "inspect.finding.") && !strings.HasPrefix(k, "inspect.compare.") && !strings.HasPrefix(k, "inspect.verdict.") {
				continue
			}
			for _, jargon := range []string{"PKCS", "PBES2", "SHA-", "X.509", "ASN.1", "MAC"} {
				if strings.Contains(v, jargon) {
					t.Errorf("%s %s: %q", lang, k, jargon)
				}
			}
		}
	}
}

func TestFindingOrder(t *testing.T) {
	r := &Report{Lang: "en"}
	for _, c := range []string{CodeLegacyEncryption, CodeExpiresSoon, CodeUntrustedChain, CodeEmptyPassword, CodeExpired, CodeKeyMismatch} {
		r.add(c, map[string]any{"Days": 3})
	}
	r.finish()
	want := []string{CodeKeyMismatch, CodeExpired, CodeUntrustedChain, CodeExpiresSoon, CodeEmptyPassword, CodeLegacyEncryption}
	if !slices.Equal(r.Codes(), want) || r.Verdict != VerdictProblems {
		t.Errorf("%v %s", r.Codes(), r.Verdict)
	}
	if f := r.FirstError(); f == nil || f.Title != "The key does not belong to the certificate" {
		t.Errorf("first error %+v", f)
	}
	ready := &Report{Lang: "da"}
	ready.add(CodeTestCertificate, nil)
	ready.finish()
	if f := ready.FirstError(); !ready.Ready() || f != nil {
		t.Errorf("ready: %s, first error %+v", ready.Verdict, f)
	}
}
