package oces

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/hex"
	"math/big"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/fornyer/fornyer/core/testpki"
)

// Pinned SHA-256 fingerprints of the embedded CA certificates, as the Danish
// state CA publishes them. TestEmbeddedCAFingerprints also compares them
// with the notes kept beside the team's shared copies of the CA files, a
// folder outside this repository, when a checkout has it beside it.
var pinned = map[string]string{
	"ca/prod-root-ca.pem":      "06FCB2CBA39D4486E5308AD86980BCD7ACD3B73B3BB126C75F6C4B4DA04C9C09",
	"ca/prod-issuing-ca-1.pem": "5B5662AA0112B984033A33AFD3A95A49A79C7AEE9C249428DD82BFD4C02D67B8",
	"ca/test-root-ca.pem":      "D1BCEC41D7ACAE932B7DFE66A8B7341CA75952C8664FCCEF4C4AE2150F95C5EC",
	"ca/test-issuing-ca-1.pem": "57C785236AD7C9C986B94D49ABDAFD1B955C5509338FA43A7CE0D66088C8AF9B",
}

func fingerprint(c *x509.Certificate) string {
	s := sha256.Sum256(c.Raw)
	return strings.ToUpper(hex.EncodeToString(s[:]))
}

func TestEmbeddedCAFingerprints(t *testing.T) {
	// The README beside the shared copies is the source; compare with it when
	// it is there, and always with the pinned values.
	if f, err := os.Open("../../../shared/oces-ca/README.md"); err == nil {
		defer f.Close()
		fromReadme := map[string]string{}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			cols := strings.Split(sc.Text(), "|")
			if len(cols) >= 5 && strings.HasSuffix(strings.TrimSpace(cols[1]), ".pem") {
				fromReadme["ca/"+strings.TrimSpace(cols[1])] = strings.TrimSpace(cols[4])
			}
		}
		if len(fromReadme) != len(pinned) {
			t.Fatalf("README lists %d certificates, want %d", len(fromReadme), len(pinned))
		}
		for k, v := range fromReadme {
			if pinned[k] != v {
				t.Errorf("%s: README says %s, pinned %s", k, v, pinned[k])
			}
		}
	}
	for file, want := range pinned {
		data, err := caFS.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		certs, err := ParseCAFile(data)
		if err != nil || len(certs) != 1 {
			t.Fatalf("%s: %v (%d certificates)", file, err, len(certs))
		}
		if got := fingerprint(certs[0]); got != want {
			t.Errorf("%s: fingerprint %s, want %s", file, got, want)
		}
	}
	if n := len(TrustedRoots()); n != 2 {
		t.Errorf("%d roots", n)
	}
	for _, c := range TrustedRoots() {
		if !c.IsCA || !bytes.Equal(c.RawSubject, c.RawIssuer) {
			t.Errorf("root %s is not a self-issued CA", c.Subject)
		}
	}
	for _, c := range Intermediates() {
		if !c.IsCA || bytes.Equal(c.RawSubject, c.RawIssuer) {
			t.Errorf("intermediate %s is not an issued CA", c.Subject)
		}
	}
}

// The real issuing CAs chain to the real roots, with RSASSA-PSS signatures.
func TestEmbeddedChainsVerify(t *testing.T) {
	for _, inter := range Intermediates() {
		chain, err := Verify(inter, nil, nil, time.Now())
		if err != nil {
			t.Errorf("%s: %v", inter.Subject, err)
			continue
		}
		if len(chain) != 2 || !chain[0].Equal(inter) || !bytes.Equal(chain[1].RawSubject, chain[1].RawIssuer) {
			t.Errorf("%s: chain of %d", inter.Subject, len(chain))
		}
		if inter.SignatureAlgorithm != x509.SHA256WithRSAPSS && inter.SignatureAlgorithm != x509.SHA384WithRSAPSS && inter.SignatureAlgorithm != x509.SHA512WithRSAPSS {
			t.Errorf("%s: signed with %v", inter.Subject, inter.SignatureAlgorithm)
		}
	}
	// The embedded intermediates are classified as state CAs in the right environment.
	for _, inter := range Intermediates() {
		info := Classify(inter)
		wantEnv := Production
		if strings.Contains(inter.Subject.String(), "Test") {
			wantEnv = Test
		}
		if info.Generation != OCES3 || info.Environment != wantEnv || info.Kind != "" {
			t.Errorf("%s: %+v", inter.Subject, info)
		}
	}
}

// trust2408 makes a self-signed CA named like OCES2's TRUST2408 CAs.
func trust2408(t *testing.T, test bool) *testpki.CA {
	t.Helper()
	cn := "TRUST2408 OCES CA IV"
	if test {
		cn = "TRUST2408 Systemtest XXXIV CA"
	}
	key := testpki.Key(t, 2048, 3)
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(77),
		Subject:               pkix.Name{CommonName: cn, Organization: []string{"TRUST2408"}, Country: []string{"DK"}},
		NotBefore:             time.Now().AddDate(-10, 0, 0),
		NotAfter:              time.Now().AddDate(10, 0, 0),
		IsCA:                  true,
		BasicConstraintsValid: true,
		KeyUsage:              x509.KeyUsageCertSign,
	}
	return &testpki.CA{Cert: testpki.SelfSigned(t, tmpl, key), Key: key}
}

func selfSigned(t *testing.T, subject pkix.Name) *x509.Certificate {
	t.Helper()
	key := testpki.Key(t, 2048, 4)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(5), Subject: subject, NotBefore: time.Now(), NotAfter: time.Now().AddDate(1, 0, 0)}
	return testpki.SelfSigned(t, tmpl, key)
}

func TestClassify(t *testing.T) {
	prod := testpki.NewChain(t, false)
	test := testpki.NewChain(t, true)
	uuid := "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
	cases := []struct {
		name string
		cert *x509.Certificate
		want Info
	}{
		{"organisation, test", test.Issuing.Issue(t, testpki.LeafOptions{Org: "Æbleø Rådgivning A/S", CVR: "87654321", UUID: uuid}).Cert,
			Info{OCES3, Test, Organization, "Æbleø Rådgivning A/S", "87654321", uuid, "Æbleø Rådgivning A/S"}},
		{"organisation, production", prod.Issuing.Issue(t, testpki.LeafOptions{CN: "Fornyer Testfirma ApS - DPG", CVR: "12345678", UUID: uuid}).Cert,
			Info{OCES3, Production, Organization, "Fornyer Testfirma ApS", "12345678", uuid, "Fornyer Testfirma ApS - DPG"}},
		{"system", prod.Issuing.Issue(t, testpki.LeafOptions{Kind: "system", CN: "Integration", UUID: uuid}).Cert,
			Info{OCES3, Production, System, "Fornyer Testfirma ApS", "12345678", uuid, "Integration"}},
		{"employee", test.Issuing.Issue(t, testpki.LeafOptions{Kind: "employee", CN: "Jens Hansen", UUID: uuid}).Cert,
			Info{OCES3, Test, Employee, "Fornyer Testfirma ApS", "12345678", uuid, "Jens Hansen"}},
		{"PrintableString identifier", prod.Issuing.Issue(t, testpki.LeafOptions{PrintableIdentifier: true, CVR: "11223344", UUID: uuid}).Cert,
			Info{OCES3, Production, Organization, "Fornyer Testfirma ApS", "11223344", uuid, "Fornyer Testfirma ApS"}},
		{"OCES2 from TRUST2408", trust2408(t, false).Issue(t, testpki.LeafOptions{OCES2: true, Org: "Gammel Firma A/S", CVR: "55667788", CN: "Gammel Firma"}).Cert,
			Info{OCES2, Production, System, "Gammel Firma A/S", "55667788", "", "Gammel Firma"}},
		{"OCES2 test CA", trust2408(t, true).Issue(t, testpki.LeafOptions{OCES2: true, Org: "Gammel Firma A/S", CVR: "55667788", CN: "Gammel Firma"}).Cert,
			Info{OCES2, Test, System, "Gammel Firma A/S", "55667788", "", "Gammel Firma"}},
		{"not OCES", selfSigned(t, pkix.Name{CommonName: "mail.example.com", Organization: []string{"Example Ltd"}}),
			Info{"", "", "", "Example Ltd", "", "", "mail.example.com"}},
		// An OCES3-looking subject not issued by a state CA: the generation is
		// told, the environment is not; without nonRepudiation it is a system
		// certificate.
		{"OCES names from an unknown issuer", selfSigned(t, testpki.LeafOptions{UUID: uuid}.Subject()),
			Info{OCES3, "", System, "Fornyer Testfirma ApS", "12345678", uuid, "Fornyer Testfirma ApS"}},
	}
	for _, c := range cases {
		got := Classify(c.cert)
		if got != c.want {
			t.Errorf("%s:\n got  %+v\n want %+v", c.name, got, c.want)
		}
		if got.IsOCES() != (c.want.Generation != "") {
			t.Errorf("%s: IsOCES %v", c.name, got.IsOCES())
		}
	}
	if (Classify(nil) != Info{}) {
		t.Error("nil certificate classified")
	}
}

func TestParseName(t *testing.T) {
	// BMPString, T61String and PrintableString values are read as text;
	// broken input gives nothing rather than a panic.
	seq := []rdnSET{
		{{Type: oidO, Value: asn1.RawValue{Class: asn1.ClassUniversal, Tag: asn1.TagBMPString, Bytes: []byte{0, 'A', 0, 0xE6}}}},
		{{Type: oidCN, Value: asn1.RawValue{Class: asn1.ClassUniversal, Tag: asn1.TagT61String, Bytes: []byte{'K', 0xF8, 'b'}}}},
		{{Type: oidOrganizationIdentifier, Value: asn1.RawValue{Class: asn1.ClassUniversal, Tag: asn1.TagPrintableString, Bytes: []byte("NTRDK-1")}}},
		{{Type: oidOU, Value: asn1.RawValue{Class: asn1.ClassUniversal, Tag: asn1.TagBMPString, Bytes: []byte{0}}}},
	}
	raw, err := asn1.Marshal(seq)
	if err != nil {
		t.Fatal(err)
	}
	n := parseName(raw)
	if n.first(oidO) != "Aæ" || n.first(oidCN) != "Køb" || n.first(oidOrganizationIdentifier) != "NTRDK-1" || n.first(oidOU) != "" {
		t.Errorf("parsed %+v", n)
	}
	for i := range raw {
		parseName(raw[:i])
	}
	if parseName([]byte{0xff, 0x00}) != nil {
		t.Error("garbage parsed")
	}
}

func TestVerify(t *testing.T) {
	chain := testpki.NewChain(t, true)
	leaf := chain.Organization(t).Cert
	root, iss := chain.Root.Cert, chain.Issuing.Cert
	now := time.Now()

	expired := chain.Issuing.Issue(t, testpki.LeafOptions{NotBefore: now.AddDate(-3, -6, 0), NotAfter: now.AddDate(0, -6, 0)}).Cert
	future := chain.Issuing.Issue(t, testpki.LeafOptions{NotBefore: now.AddDate(0, 1, 0)}).Cert

	cases := []struct {
		name      string
		leaf      *x509.Certificate
		file      []*x509.Certificate
		extra     []*x509.Certificate
		wantLen   int // 0: must fail
		wantChain []*x509.Certificate
	}{
		{"trusted with the extra root", leaf, []*x509.Certificate{iss}, []*x509.Certificate{root}, 3, []*x509.Certificate{leaf, iss, root}},
		{"fake chain with the state's names is untrusted", leaf, []*x509.Certificate{iss, root}, nil, 0, nil},
		{"file's own root in the file is not trusted", leaf, []*x509.Certificate{root, iss, leaf}, nil, 0, nil},
		{"chain out of order", leaf, []*x509.Certificate{root, leaf, iss}, []*x509.Certificate{root}, 3, []*x509.Certificate{leaf, iss, root}},
		{"intermediate trusted as anchor", leaf, nil, []*x509.Certificate{iss}, 2, []*x509.Certificate{leaf, iss}},
		{"missing intermediate, not embedded", leaf, nil, []*x509.Certificate{root}, 0, nil},
		{"expired leaf still verifies", expired, []*x509.Certificate{iss}, []*x509.Certificate{root}, 3, nil},
		{"not yet valid leaf still verifies", future, []*x509.Certificate{iss}, []*x509.Certificate{root}, 3, nil},
		{"nil leaf", nil, nil, nil, 0, nil},
	}
	for _, c := range cases {
		got, err := Verify(c.leaf, c.file, c.extra, now)
		if c.wantLen == 0 {
			if err == nil {
				t.Errorf("%s: verified", c.name)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if len(got) != c.wantLen || !got[0].Equal(c.leaf) {
			t.Errorf("%s: chain of %d", c.name, len(got))
		}
		for i, w := range c.wantChain {
			if i < len(got) && !got[i].Equal(w) {
				t.Errorf("%s: chain[%d] = %s", c.name, i, got[i].Subject)
			}
		}
	}

	// An intermediate the file lacks is found among the embedded ones (here
	// the fake chain stands in for the embedded set).
	got, err := verify(leaf, nil, nil, now, []*x509.Certificate{root}, []*x509.Certificate{iss})
	if err != nil || len(got) != 3 || !got[1].Equal(iss) {
		t.Errorf("embedded intermediate not used: %v, %d", err, len(got))
	}
	// And the real embedded set does not vouch for the fake chain's leaf.
	if _, err := Verify(leaf, nil, nil, now); err == nil {
		t.Error("fake leaf verified against the embedded CAs")
	}
	// A certificate claiming to be the state's issuing CA, signed by a fake
	// key, does not chain to the real root.
	if _, err := Verify(iss, nil, nil, now); err == nil {
		t.Error("fake issuing CA verified")
	}
}

func TestParseCAFile(t *testing.T) {
	chain := testpki.NewChain(t, false)
	root, iss := chain.Root.Cert, chain.Issuing.Cert
	pemBoth := testpki.PEM(iss, root)
	withKey := append([]byte("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"), testpki.PEM(root)...)
	cases := []struct {
		name string
		data []byte
		want int // 0: error
	}{
		{"PEM, two", pemBoth, 2},
		{"PEM with other blocks and CRLF", bytes.ReplaceAll(withKey, []byte("\n"), []byte("\r\n")), 1},
		{"DER", root.Raw, 1},
		{"DER, concatenated", append(append([]byte{}, iss.Raw...), root.Raw...), 2},
		{"empty", nil, 0},
		{"whitespace", []byte(" \n"), 0},
		{"garbage", []byte("hello world"), 0},
		{"PEM without certificates", []byte("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"), 0},
		{"PEM with a broken certificate", []byte("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"), 0},
		{"truncated DER", root.Raw[:len(root.Raw)/2], 0},
	}
	for _, c := range cases {
		got, err := ParseCAFile(c.data)
		if c.want == 0 {
			if err == nil {
				t.Errorf("%s: accepted %d", c.name, len(got))
			}
			continue
		}
		if err != nil || len(got) != c.want {
			t.Errorf("%s: %v, %d certificates", c.name, err, len(got))
		}
	}
}

func TestNameString(t *testing.T) {
	chain := testpki.NewChain(t, true)
	leaf := chain.Issuing.Issue(t, testpki.LeafOptions{PrintableIdentifier: true, CVR: "87654321", UUID: "abc"}).Cert
	want := "CN=Fornyer Testfirma ApS, serialNumber=UI:DK-O:G:abc, O=Fornyer Testfirma ApS, organizationIdentifier=NTRDK-87654321, C=DK"
	if got := NameString(leaf.RawSubject); got != want {
		t.Errorf("subject %q", got)
	}
	// Go writes pkix.Name fields country first; the certificate's order is kept.
	if got := NameString(leaf.RawIssuer); got != "C=DK, O=Den Danske Stat, OU=Test - cti, CN=Den Danske Stat OCES udstedende-CA 1" {
		t.Errorf("issuer %q", got)
	}
	if got := NameString(Intermediates()[1].RawSubject); got != "CN=Den Danske Stat OCES udstedende-CA 1, OU=Test - cti, O=Den Danske Stat, C=DK" {
		t.Errorf("real test issuing CA %q", got)
	}
	if NameString([]byte("junk")) != "" {
		t.Error("junk formatted")
	}
}

// The embedded CAs' names are read without parsing them (rawNames), to
// parse only those a chain could use: the names must be exactly x509's.
func TestEmbeddedCANamesAreX509s(t *testing.T) {
	loadCAs()
	for _, ca := range append(append([]*embeddedCA(nil), embRoots...), embInters...) {
		c := ca.parsed()
		if !bytes.Equal(ca.subject, c.RawSubject) || !bytes.Equal(ca.issuer, c.RawIssuer) {
			t.Errorf("%s: names read as %x / %x, x509 reads %x / %x", ca.file, ca.issuer, ca.subject, c.RawIssuer, c.RawSubject)
		}
	}
	// Garbage, an empty to-be-signed part, and one with too few fields.
	for _, bad := range [][]byte{[]byte("not a certificate"), {0x30, 0x02, 0x30, 0x00}, {0x30, 0x08, 0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x02}} {
		if i, s := rawNames(bad); i != nil || s != nil {
			t.Errorf("rawNames(%x) gave names", bad)
		}
	}
}

// Only the embedded CAs a chain could go through are used (and parsed):
// an issuing CA's file brings its root, a leaf under an issuing CA brings
// that CA and its root, a foreign certificate none.
func TestUsableCAsAreTheChainsOwn(t *testing.T) {
	roots, inters := TrustedRoots(), Intermediates()
	rootOf := func(c *x509.Certificate) *x509.Certificate {
		for _, r := range roots {
			if bytes.Equal(r.RawSubject, c.RawIssuer) {
				return r
			}
		}
		t.Fatalf("no embedded root issued %s", c.Subject)
		return nil
	}
	for _, inter := range inters {
		leaf := &x509.Certificate{RawIssuer: inter.RawSubject}
		gotRoots, gotInters := usable([]*x509.Certificate{leaf})
		if len(gotInters) != 1 || !gotInters[0].Equal(inter) || len(gotRoots) != 1 || !gotRoots[0].Equal(rootOf(inter)) {
			t.Errorf("a leaf under %s: roots %d, issuing CAs %d", inter.Subject, len(gotRoots), len(gotInters))
		}
		gotRoots, gotInters = usable([]*x509.Certificate{leaf, nil, inter})
		if len(gotInters) != 1 || len(gotRoots) != 1 || !gotRoots[0].Equal(rootOf(inter)) {
			t.Errorf("a leaf with %s in its file: roots %d, issuing CAs %d", inter.Subject, len(gotRoots), len(gotInters))
		}
	}
	foreign := &x509.Certificate{RawIssuer: []byte("0\x00")}
	if r, i := usable([]*x509.Certificate{foreign}); len(r)+len(i) != 0 {
		t.Errorf("a foreign certificate uses %d embedded CAs", len(r)+len(i))
	}
}
