package pfx

// Files made to cost: forged key-derivation parameters (issue 15, item 1),
// damaged keys (item 3) and passwords that HMAC confuses (item 4). Every
// file is made here; FORNYER_HOSTILE_DIR=DIR writes them out, so that the
// command line can be timed on them (see the README's notes on limits).

import (
	"crypto"
	"crypto/ed25519"
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/x509/pkix"
	"encoding/asn1"
	"os"
	"path/filepath"
	"testing"
)

var hmacOIDs = map[string]asn1.ObjectIdentifier{
	"SHA-1":       {1, 2, 840, 113549, 2, 7},
	"SHA-224":     {1, 2, 840, 113549, 2, 8},
	"SHA-256":     {1, 2, 840, 113549, 2, 9},
	"SHA-384":     {1, 2, 840, 113549, 2, 10},
	"SHA-512":     {1, 2, 840, 113549, 2, 11},
	"SHA-512/224": {1, 2, 840, 113549, 2, 12},
	"SHA-512/256": {1, 2, 840, 113549, 2, 13},
}

// withPBMAC1 replaces the MAC of a built PFX by a PBMAC1 (RFC 9579) with
// HMAC-h for both the PBKDF2 PRF and the MAC, keyLen bytes of key and
// iter iterations. The MAC is computed only when compute is true (a forged
// file needs none: its cost is in the asking).
func withPBMAC1(t testing.TB, data []byte, pw string, h hashSpec, iter, keyLen int, compute bool) []byte {
	t.Helper()
	var p pfxPDU
	if _, err := asn1.Unmarshal(data, &p); err != nil {
		t.Fatal(err)
	}
	var authSafe []byte
	if _, err := asn1.Unmarshal(p.AuthSafe.Content.Bytes, &authSafe); err != nil {
		t.Fatal(err)
	}
	salt := make([]byte, 16)
	rand.Read(salt)
	prf := pkix.AlgorithmIdentifier{Algorithm: hmacOIDs[h.name], Parameters: asn1.NullRawValue}
	kdf := pbkdf2Params{Iterations: iter, KeyLength: keyLen, PRF: prf}
	kdf.Salt.FullBytes = mustMarshal(t, salt)
	params := pbmac1Params{
		KDF: pkix.AlgorithmIdentifier{Algorithm: oidPBKDF2, Parameters: asn1.RawValue{FullBytes: mustMarshal(t, kdf)}},
		MAC: prf,
	}
	var m macData
	m.Mac.Algorithm = pkix.AlgorithmIdentifier{Algorithm: oidPBMAC1, Parameters: asn1.RawValue{FullBytes: mustMarshal(t, params)}}
	m.MacSalt = []byte("NOT USED")
	m.Iterations = 1
	m.Mac.Digest = make([]byte, h.u)
	if compute {
		key, err := pbkdf2.Key(h.new, pw, salt, iter, keyLen)
		if err != nil {
			t.Fatal(err)
		}
		mac := hmac.New(h.new, key)
		mac.Write(authSafe)
		m.Mac.Digest = mac.Sum(nil)
	}
	p.MacData = asn1.RawValue{FullBytes: mustMarshal(t, m)}
	return mustMarshal(t, p)
}

// writeHostile writes a made file to FORNYER_HOSTILE_DIR when it is set.
func writeHostile(t testing.TB, name string, data []byte) {
	if dir := os.Getenv("FORNYER_HOSTILE_DIR"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// forgedKDFFile is the file of the report: a small PFX whose PBMAC1 asks
// for 10 million iterations of HMAC-SHA-224 and a 64-byte key (three
// output blocks), the most the iteration limit lets through.
func forgedKDFFile(t testing.TB) []byte {
	w := testWorld(t)
	data := buildPFX(t, "pw", buildOptions{iterations: 1}, item{cert: w.leaf.Cert}, item{key: w.leaf.Key})
	data = withPBMAC1(t, data, "pw", hSHA224, maxIterations, 64, false)
	writeHostile(t, "forged-kdf.p12", data)
	return data
}

// A forged iteration count is refused before the work, whatever the hash,
// with a code of its own; so is the total over several passwords.
func TestForgedKeyDerivationRefused(t *testing.T) {
	c, err := Parse(forgedKDFFile(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, pw := range []string{"", "pw", "saved 1", "saved 2"} {
		if _, err := c.Open(pw); CodeOf(err) != CodeTooCostly {
			t.Fatalf("password %q: %v, want %s", pw, err, CodeTooCostly)
		}
	}
	if i := c.MatchPassword([]string{"", "pw"}); i != -1 {
		t.Fatalf("MatchPassword on a forged file: %d", i)
	}
}

// Real files fit in the budget with room: OpenSSL's default (2,048
// iterations), the OCES test files (1,024 to 2,048) and an export with
// 600,000 iterations of SHA-256 for the MAC, the key and the certificates.
// The forged file of the report does not, even for one password.
func TestBudgetFitsRealFiles(t *testing.T) {
	// Reading and checking an RSA 3072 key (about 1,770 bytes of PKCS#1).
	b := newBudget()
	b.spendKey(make([]byte, 1770))
	keyCheck := maxWork - b.left.Load()
	file := func(iter int) int64 {
		// PKCS#12 MAC with SHA-256, AES-256 key and certificates with
		// PBKDF2-HMAC-SHA-256, 20-byte password.
		return p12KDFCost(hSHA256, iter, 32, 8, 42)*hSHA256.cost + 2*pbkdf2Cost(hSHA256, iter, 32, 16)*hSHA256.cost + keyCheck
	}
	legacy := func(iter int) int64 {
		// Windows' and old OpenSSL's: SHA-1 MAC, 3DES key, RC2-40 certificates.
		key := p12KDFCost(hSHA1, iter, 24, 8, 42) + p12KDFCost(hSHA1, iter, 8, 8, 42)
		certs := p12KDFCost(hSHA1, iter, 5, 8, 42) + p12KDFCost(hSHA1, iter, 8, 8, 42)
		return p12KDFCost(hSHA1, iter, 20, 8, 42) + key + certs + keyCheck
	}
	mac := func(iter int) int64 { return p12KDFCost(hSHA256, iter, 32, 8, 42) * hSHA256.cost }
	for _, tc := range []struct {
		name      string
		cost      int64
		wrong     int64 // passwords tried before the right one
		wrongCost int64 // what each costs
	}{
		// Through Open: the MAC, then the damage check decrypts the key.
		{"OpenSSL default", file(2048), 50, file(2048) * 2 / 3},
		{"OCES test file", legacy(2048), 50, legacy(2048) * 2 / 3},
		// Through MatchPassword (the inspection, the backup): the MAC only,
		// and Open does not derive it again.
		{"600,000 iterations of SHA-256", file(600_000), 1, mac(600_000)},
	} {
		if total := tc.cost + tc.wrong*tc.wrongCost; total > maxWork {
			t.Errorf("%s: %d units after %d wrong passwords, budget %d", tc.name, total, tc.wrong, maxWork)
		}
	}
	forged := pbkdf2Cost(hSHA224, maxIterations, 64, 16) * hSHA224.cost
	if forged <= maxWork {
		t.Errorf("the forged file costs %d, within the budget %d", forged, maxWork)
	}
}

// A real export with many iterations opens, with the right password after
// a wrong one (MatchPassword finds it without the damage check).
func TestManyIterationsOpen(t *testing.T) {
	if testing.Short() {
		t.Skip("derives keys with 300,000 iterations")
	}
	w := testWorld(t)
	data := buildPFX(t, "pw", buildOptions{iterations: 300_000, encryptCerts: true}, item{cert: w.leaf.Cert}, item{key: w.leaf.Key})
	c, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if i := c.MatchPassword([]string{"", "pw"}); i != 1 {
		t.Fatalf("MatchPassword: %d, want 1", i)
	}
	left := c.budget().left.Load()
	if ct, err := c.Open("pw"); err != nil || !ct.KeyMatches {
		t.Fatalf("Open: %v", err)
	}
	// The MAC was not derived again: Open spent the key's and the
	// certificates' derivations (2 x 300,000 compressions each) and the key
	// check, not the MAC's 300,000 as well.
	if spent := left - c.budget().left.Load(); spent > 2*600_000+100_000 {
		t.Errorf("Open after MatchPassword spent %d", spent)
	}
}

// The right password with a zero character after it: PBKDF2 (HMAC pads
// its key with zeros) decrypts the key with it, the PKCS#12 MAC does not
// accept it. That is a wrong password, not a damaged file.
func TestTrailingZeroPasswordIsWrong(t *testing.T) {
	w := testWorld(t)
	data := buildPFX(t, "pw", buildOptions{}, item{cert: w.leaf.Cert}, item{key: w.leaf.Key})
	writeHostile(t, "trailing-nul.p12", data)
	c, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, pw := range []string{"pw\x00", "pw\x00\x00"} {
		if _, err := c.Open(pw); CodeOf(err) != CodeWrongPassword {
			t.Errorf("%q: %v, want %s", pw, err, CodeWrongPassword)
		}
	}
	if _, err := c.Open("pw"); err != nil {
		t.Errorf("the right password: %v", err)
	}
}

// checkKey refuses elliptic-curve keys whose private half does not sign
// for the public half, whatever crypto/x509 let through. An RSA key is
// refused by crypto/rsa's own validation as parseKey reads it (every
// damaged value: TestInconsistentRSAKey).
func TestCheckKeyRoundTrip(t *testing.T) {
	w := testWorld(t)
	if err := checkKey(w.leaf.Key); err != nil {
		t.Fatalf("a good key: %v", err)
	}
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	if err := checkKey(priv); err != nil {
		t.Fatalf("a good Ed25519 key: %v", err)
	}
	bad := append(ed25519.PrivateKey{}, priv...)
	bad[40] ^= 1 // the public half stored in the key
	if err := checkKey(bad); err == nil {
		t.Error("an Ed25519 key with a wrong public half passes")
	}
	var _ crypto.Signer = priv
}

// BenchmarkForgedKDF is the report's file opened as the window does: the
// empty password and three saved ones. Before the work budget counted
// compressions it took 4 to 46 seconds per password.
func BenchmarkForgedKDF(b *testing.B) {
	data := forgedKDFFile(b)
	for b.Loop() {
		c, err := Parse(data)
		if err != nil {
			b.Fatal(err)
		}
		for _, pw := range []string{"", "pw", "saved 1", "saved 2"} {
			if _, err := c.Open(pw); CodeOf(err) != CodeTooCostly {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkWorstBudget is the most a file can cost: one key derivation
// that takes all but a hundredth of the budget, for each digest, so its
// time per operation is the longest any file holds the processor.
func BenchmarkWorstBudget(b *testing.B) {
	w := testWorld(b)
	base := buildPFX(b, "pw", buildOptions{iterations: 1}, item{cert: w.leaf.Cert}, item{key: w.leaf.Key})
	for _, h := range []hashSpec{hSHA1, hSHA224, hSHA256, hSHA384, hSHA512, hSHA512224, hSHA512256} {
		b.Run(h.name, func(b *testing.B) {
			keyLen := 64
			iter := 1
			for pbkdf2Cost(h, iter*2, keyLen, 16)*h.cost < maxWork*99/100 {
				iter *= 2
			}
			for pbkdf2Cost(h, iter+iter/64, keyLen, 16)*h.cost < maxWork*99/100 {
				iter += iter / 64
			}
			data := withPBMAC1(b, base, "pw", h, iter, keyLen, false)
			b.ReportMetric(float64(iter), "iterations")
			cpu := cpuTime()
			for b.Loop() {
				c, err := Parse(data)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := c.Open("px"); CodeOf(err) != CodeWrongPassword {
					b.Fatal(err)
				}
			}
			// Processor time per file, which load from other programs does
			// not inflate (ns/op does on a shared machine).
			b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
		})
	}
}

// A forged key of some 80 KB (a 160,000-bit "modulus") would overflow the
// cube of its size and be charged almost nothing, then cost minutes to
// check: it is refused before any arithmetic, and a real key is not.
func TestHugeKeyIsRefusedNotWrapped(t *testing.T) {
	for _, size := range []int{80 << 10, 77260, maxKeyEncoding + 1} {
		b := newBudget()
		if err := b.spendKey(make([]byte, size)); CodeOf(err) != CodeTooCostly {
			t.Errorf("a %d-byte key: %v, want %s", size, err, CodeTooCostly)
		}
	}
	b := newBudget()
	if err := b.spendKey(make([]byte, 2400)); err != nil { // RSA 4096
		t.Errorf("an RSA 4096 key: %v", err)
	}
}
