package pfx

import (
	"os"
	"testing"

	"github.com/fornyer/fornyer/core/testpki"
)

// benchFile is a typical renewal: an RSA 3072 key, the OCES chain,
// OpenSSL's default protection (AES-256, PBKDF2-HMAC-SHA-256, 2048
// iterations, HMAC-SHA-256 MAC).
func benchFile(b *testing.B) []byte {
	b.Helper()
	chain := testpki.NewChain(b, false)
	leaf := chain.Issuing.Issue(b, testpki.LeafOptions{Key: testpki.Key(b, 3072, 0)})
	data := testpki.OpenSSLPFX(b, leaf, chain.CACerts(), "Æblegrød-ØÅ 2026")
	if out := os.Getenv("FORNYER_BENCH_P12"); out != "" {
		// To time openssl on the same file (see the package notes).
		if err := os.WriteFile(out, data, 0o600); err != nil {
			b.Fatal(err)
		}
	}
	return data
}

// BenchmarkOpen measures the whole in-process path from bytes: Parse and
// Open with the password.
func BenchmarkOpen(b *testing.B) {
	data := benchFile(b)
	b.ReportAllocs()
	for b.Loop() {
		c, err := Parse(data)
		if err != nil {
			b.Fatal(err)
		}
		ct, err := c.Open("Æblegrød-ØÅ 2026")
		if err != nil || !ct.KeyMatches {
			b.Fatal(err)
		}
	}
}

// BenchmarkParse measures reading the structure without the password.
func BenchmarkParse(b *testing.B) {
	data := benchFile(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpenForInspection is BenchmarkOpen the way core/inspect opens a
// file: the RSA key's public half only.
func BenchmarkOpenForInspection(b *testing.B) {
	data := benchFile(b)
	b.ReportAllocs()
	for b.Loop() {
		c, err := Parse(data)
		if err != nil {
			b.Fatal(err)
		}
		ct, err := c.OpenForInspection("Æblegrød-ØÅ 2026")
		if err != nil || !ct.KeyMatches {
			b.Fatal(err)
		}
	}
}
