package inspect

import (
	"crypto/x509"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/fornyer/fornyer/core/oces"
	"github.com/fornyer/fornyer/core/pfx"

	"github.com/fornyer/fornyer/core/testpki"
)

// seedDir holds the fuzz seeds: the files of the table tests, written by
// TestWriteFuzzSeeds. They are read from disk rather than made at start,
// because key generation under the fuzzer's instrumentation takes long
// enough to stall every fuzz worker at start.
const seedDir = "testdata/seeds"

// FuzzInspect feeds the whole inspect path (format detection, the
// container reader, decryption, certificate parsing, classification,
// verification) with mutations of real files. It must never panic and must
// always give a consistent report. Every input costs key derivation, which
// is slow under the fuzzer's instrumentation, so keep minimisation short:
//
//	go test -run '^$' -fuzz FuzzInspect -fuzztime 5m -fuzzminimizetime 5s ./core/inspect
func FuzzInspect(f *testing.F) {
	entries, err := os.ReadDir(seedDir)
	if err != nil || len(entries) == 0 {
		f.Fatalf("no seeds in %s (FORNYER_WRITE_SEEDS=1 go test -run TestWriteFuzzSeeds): %v", seedDir, err)
	}
	var trusted []*x509.Certificate
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(seedDir, e.Name()))
		if err != nil {
			f.Fatal(err)
		}
		if e.Name() == "root.pem" {
			if trusted, err = oces.ParseCAFile(data); err != nil {
				f.Fatal(err)
			}
			continue
		}
		f.Add(data, danishPW)
	}
	f.Add([]byte{}, "")
	f.Add([]byte("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"), "")
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

// TestWriteFuzzSeeds writes the table tests' files as fuzz seeds (run with
// FORNYER_WRITE_SEEDS=1 after changing them), and checks that the seeds on
// disk are still files of each kind the table tests use.
func TestWriteFuzzSeeds(t *testing.T) {
	if os.Getenv("FORNYER_WRITE_SEEDS") != "" {
		fx := getFixture(t)
		if err := os.MkdirAll(seedDir, 0o755); err != nil {
			t.Fatal(err)
		}
		for name, data := range fx.files {
			ext := ".p12"
			switch name {
			case "pem":
				ext = ".pem"
			case "der":
				ext = ".cer"
			}
			if err := os.WriteFile(filepath.Join(seedDir, name+ext), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.WriteFile(filepath.Join(seedDir, "root.pem"), testpki.PEM(fx.chain.Root.Cert), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(seedDir, "ber-openssl-legacy.p12"), toBER(t, fx.files["openssl-legacy"]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	entries, err := os.ReadDir(seedDir)
	if err != nil {
		t.Fatal(err)
	}
	formats := map[pfx.Format]int{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(seedDir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		formats[pfx.Detect(data)]++
	}
	if formats[pfx.FormatPKCS12] < 10 || formats[pfx.FormatCertificatePEM] < 2 || formats[pfx.FormatCertificateDER] < 1 {
		t.Errorf("seeds: %v", formats)
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
