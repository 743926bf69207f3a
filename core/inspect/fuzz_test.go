package inspect

import (
	"crypto/x509"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/fornyer/fornyer/core/pfx"

	"github.com/fornyer/fornyer/core/testpki"
)

// FuzzInspect feeds the whole inspect path (format detection, the
// container reader, decryption, certificate parsing, classification,
// verification) with mutations of real files. It must never panic and must
// always give a consistent report.
func FuzzInspect(f *testing.F) {
	fx := getFixture(f)
	names := make([]string, 0, len(fx.files))
	for n := range fx.files {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		f.Add(fx.files[n], danishPW)
	}
	f.Add([]byte{}, "")
	f.Add([]byte("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"), "")
	f.Add(toBER(f, fx.files["openssl-legacy"]), danishPW)
	trusted := fx.trusted()
	now := time.Now()
	recoverPanics = false
	f.Fuzz(func(t *testing.T, data []byte, pw string) {
		// A mutated iteration count can ask for millions of rounds (allowed
		// up to pfx's limit, seconds of work); keep each input fast.
		if c, err := pfx.Parse(data); err == nil {
			p := c.Protection
			if max(p.Iterations, p.MACIterations, p.CertificateIterations) > 5000 {
				t.Skip("iteration count too high for fuzzing")
			}
		}
		r := Inspect("fuzz.p12", data, Options{Passwords: []string{pw, ""}, ExtraTrusted: trusted, Now: func() time.Time { return now }})
		switch r.Verdict {
		case VerdictReady, VerdictProblems, VerdictUnreadable:
		default:
			t.Fatalf("verdict %q", r.Verdict)
		}
		hasError := r.FirstError() != nil
		if (r.Verdict == VerdictReady) == hasError {
			t.Fatalf("verdict %s with findings %v", r.Verdict, r.Codes())
		}
		if r.Verdict == VerdictUnreadable && r.PasswordIndex >= 0 && r.Certificate != nil && r.Certificate.Verified {
			t.Fatalf("unreadable but opened: %v", r.Codes())
		}
		for i := 1; i < len(r.Findings); i++ {
			if sevRank(r.Findings[i].Severity) < sevRank(r.Findings[i-1].Severity) {
				t.Fatalf("findings out of order: %v", r.Codes())
			}
		}
		if _, err := json.Marshal(r); err != nil {
			t.Fatal(err)
		}
	})
}

func sevRank(s string) int {
	return map[string]int{SeverityError: 0, SeverityWarning: 1, SeverityInfo: 2}[s]
}

// BenchmarkInspect measures inspecting a typical file (typicalFile), opened
// with the right password and verified up to its root. Compared with
// `openssl pkcs12 -info -noout` by scripts/bench-inspect.sh.
func BenchmarkInspect(b *testing.B) {
	data, root := typicalFile(b)
	opts := Options{Passwords: []string{danishPW}, ExtraTrusted: []*x509.Certificate{root}}
	if r := Inspect("bench.p12", data, opts); !r.Ready() || r.Protection.Iterations != 2048 || r.Certificate.KeyBits != 3072 {
		b.Fatalf("not a typical file: %v %+v", r.Codes(), r.Protection)
	}
	b.ReportAllocs()
	for b.Loop() {
		Inspect("bench.p12", data, opts)
	}
}

// TestWriteBenchmarkFile writes the benchmark's typical file and its root
// to $FORNYER_BENCH_DIR for scripts/bench-inspect.sh (skipped otherwise).
func TestWriteBenchmarkFile(t *testing.T) {
	dir := os.Getenv("FORNYER_BENCH_DIR")
	if dir == "" {
		t.Skip("FORNYER_BENCH_DIR is not set")
	}
	data, root := typicalFile(t)
	for name, b := range map[string][]byte{"typical.p12": data, "root.pem": testpki.PEM(root), "password": []byte(danishPW + "\n")} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// typicalFile is a renewed certificate as people get it: RSA 3072, made by
// OpenSSL with its defaults (AES-256, 2048 iterations), chain included.
func typicalFile(tb testing.TB) ([]byte, *x509.Certificate) {
	chain := testpki.NewChain(tb, false)
	leaf := chain.Issuing.Issue(tb, testpki.LeafOptions{Key: testpki.Key(tb, 3072, 0)})
	return testpki.OpenSSLPFX(tb, leaf, chain.CACerts(), danishPW), chain.Root.Cert
}
