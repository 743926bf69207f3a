package pfx

import (
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"math/big"
	"testing"

	"github.com/fornyer/fornyer/core/testpki"
)

// rsaVariants are PKCS#1 keys made from real ones, each value changed in
// the ways a damaged or forged file changes it: what parseRSAKey must
// refuse or take as crypto/x509 does.
func rsaVariants(tb testing.TB) map[string][]byte {
	out := map[string][]byte{}
	add := func(name string, k pkcs1Key) {
		der, err := asn1.Marshal(k)
		if err != nil {
			tb.Fatal(err)
		}
		out[name] = der
	}
	for _, bits := range []int{1024, 2048, 3072} {
		key := testpki.Key(tb, bits, 0)
		base := func() pkcs1Key {
			return pkcs1Key{N: key.N, E: key.E, D: key.D, P: key.Primes[0], Q: key.Primes[1],
				Dp: key.Precomputed.Dp, Dq: key.Precomputed.Dq, Qinv: key.Precomputed.Qinv}
		}
		plus := func(v *big.Int, d int64) *big.Int { return new(big.Int).Add(v, big.NewInt(d)) }
		name := func(s string) string { return s + " " + big.NewInt(int64(bits)).String() }
		add(name("sound"), base())
		values := map[string]func(k *pkcs1Key) **big.Int{
			"d": func(k *pkcs1Key) **big.Int { return &k.D }, "n": func(k *pkcs1Key) **big.Int { return &k.N },
			"p": func(k *pkcs1Key) **big.Int { return &k.P }, "dp": func(k *pkcs1Key) **big.Int { return &k.Dp },
			"dq": func(k *pkcs1Key) **big.Int { return &k.Dq }, "qinv": func(k *pkcs1Key) **big.Int { return &k.Qinv },
		}
		for _, d := range []int64{-2, -1, 1, 2} {
			for v, at := range values {
				k := base()
				*at(&k) = plus(*at(&k), d)
				add(name(v+big.NewInt(d).String()), k)
			}
			k := base()
			k.E += int(d)
			add(name("e"+big.NewInt(d).String()), k)
		}
		k := base()
		k.P, k.Q, k.Dp, k.Dq = k.Q, k.P, k.Dq, k.Dp
		add(name("p and q swapped"), k) // qInv now belongs to the other prime
		k = base()
		k.Q, k.Dq = k.P, k.Dp
		add(name("p = q"), k)
		k = base()
		k.Dp = plus(k.Dp, 0).Add(k.Dp, plus(k.P, -1))
		add(name("dp + (p-1)"), k)
		k = base()
		k.D = plus(k.D, 0).Add(k.D, k.N)
		add(name("d + n"), k)
		k = base()
		k.N = new(big.Int).Mul(k.N, big.NewInt(3))
		add(name("n × 3"), k)
		k = base()
		k.E = 1 << 31
		add(name("e 2^31"), k)
		k = base()
		k.E = -65537
		add(name("e negative"), k)
		k = base()
		k.D = big.NewInt(0)
		add(name("d zero"), k)
		k = base()
		k.Qinv = new(big.Int).Neg(k.Qinv)
		add(name("qinv negative"), k)
		k = base()
		k.Version = 1
		add(name("version 1"), k)
		k = base()
		k.D = big.NewInt(3)
		add(name("d small"), k)
		k = base()
		k.Qinv = new(big.Int).Add(k.Qinv, k.P)
		add(name("qinv + p"), k)
	}
	add("primes too close", closePrimes(tb))
	return out
}

// closePrimes is a consistent key whose primes are neighbours, which
// Fermat's method factors at once: crypto/rsa refuses it.
func closePrimes(tb testing.TB) pkcs1Key {
	p := new(big.Int).Set(testpki.Key(tb, 2048, 0).Primes[0])
	q := new(big.Int).Add(p, big.NewInt(2))
	for !q.ProbablyPrime(20) {
		q.Add(q, big.NewInt(2))
	}
	one := big.NewInt(1)
	p1, q1 := new(big.Int).Sub(p, one), new(big.Int).Sub(q, one)
	lambda := new(big.Int).Div(new(big.Int).Mul(p1, q1), new(big.Int).GCD(nil, nil, p1, q1))
	e := big.NewInt(65537)
	d := new(big.Int).ModInverse(e, lambda)
	if d == nil {
		tb.Skip("65537 divides p-1 or q-1")
	}
	return pkcs1Key{N: new(big.Int).Mul(p, q), E: 65537, D: d, P: p, Q: q,
		Dp: new(big.Int).Mod(d, p1), Dq: new(big.Int).Mod(d, q1), Qinv: new(big.Int).ModInverse(q, p)}
}

// TestRSAKeyCheckAgreesWithX509: parseRSAKey refuses what crypto/x509
// refuses and takes what it takes, as the same key, or leaves the key to
// it.
func TestRSAKeyCheckAgreesWithX509(t *testing.T) {
	judged := 0
	for name, der := range rsaVariants(t) {
		if agreeWithX509(t, name, der) {
			judged++
		}
	}
	if judged < 100 {
		t.Errorf("parseRSAKey judged only %d keys", judged)
	}
	// damaged keys are damaged_key, the sound one opens (the process's
	// own check in cli TestInspectProcess, core/pfx TestInconsistentRSAKey).
}

// agreeWithX509 compares parseRSAKey with x509.ParsePKCS1PrivateKey on
// der; it reports whether parseRSAKey judged it.
func agreeWithX509(t *testing.T, name string, der []byte) bool {
	key, judged, err := parseRSAKey(der)
	want, wantErr := x509.ParsePKCS1PrivateKey(der)
	if !judged {
		if key != nil || err != nil {
			t.Errorf("%s: not judged, yet %v, %v", name, key, err)
		}
		return false
	}
	if (err == nil) != (wantErr == nil) {
		t.Errorf("%s: parseRSAKey %v, crypto/x509 %v", name, err, wantErr)
		return true
	}
	if err == nil && !sameRSAKey(key, want) {
		t.Errorf("%s: a different key than crypto/x509's", name)
	}
	return true
}

func sameRSAKey(a, b *rsa.PrivateKey) bool {
	return a.Equal(b) && a.D.Cmp(b.D) == 0 && len(a.Primes) == 2 && len(b.Primes) == 2 &&
		a.Primes[0].Cmp(b.Primes[0]) == 0 && a.Primes[1].Cmp(b.Primes[1]) == 0 &&
		a.Precomputed.Dp.Cmp(b.Precomputed.Dp) == 0 && a.Precomputed.Dq.Cmp(b.Precomputed.Dq) == 0 &&
		a.Precomputed.Qinv.Cmp(b.Precomputed.Qinv) == 0
}

// FuzzRSAKeyCheck: on any PKCS#1 bytes, parseRSAKey and crypto/x509
// agree (agreeWithX509).
func FuzzRSAKeyCheck(f *testing.F) {
	for _, der := range rsaVariants(f) {
		f.Add(der)
	}
	f.Fuzz(func(t *testing.T, der []byte) { agreeWithX509(t, "fuzzed", der) })
}

// A PKCS#8 RSA key with attributes after the key, as some tools write
// them, opens as crypto/x509 opens it.
func TestRSAKeyWithAttributes(t *testing.T) {
	key := testpki.Key(t, 2048, 0)
	inner := x509.MarshalPKCS1PrivateKey(key)
	attrs := asn1.RawValue{Class: asn1.ClassContextSpecific, Tag: 0, IsCompound: true, Bytes: []byte{0x30, 0x00}}
	der, err := asn1.Marshal(struct {
		Version    int
		Algo       pkix.AlgorithmIdentifier
		PrivateKey []byte
		Attributes asn1.RawValue
	}{0, pkix.AlgorithmIdentifier{Algorithm: oidRSA, Parameters: asn1.NullRawValue}, inner, attrs})
	if err != nil {
		t.Fatal(err)
	}
	_, wantErr := x509.ParsePKCS8PrivateKey(der)
	got, err := parseKey(der, newBudget())
	if (err == nil) != (wantErr == nil) {
		t.Fatalf("parseKey %v, crypto/x509 %v", err, wantErr)
	}
	if err == nil && !got.(*rsa.PrivateKey).Equal(key) {
		t.Error("a different key")
	}
}

// BenchmarkRSAKeyCheck is the key check inspect makes on an RSA 3072 key:
// parseRSAKey, against crypto/x509's parse and check of the same key.
func BenchmarkRSAKeyCheck(b *testing.B) {
	der := x509.MarshalPKCS1PrivateKey(testpki.Key(b, 3072, 0))
	b.Run("fornyer", func(b *testing.B) {
		for b.Loop() {
			if _, ok, err := parseRSAKey(der); !ok || err != nil {
				b.Fatal(ok, err)
			}
		}
	})
	b.Run("x509", func(b *testing.B) {
		for b.Loop() {
			if _, err := x509.ParsePKCS1PrivateKey(der); err != nil {
				b.Fatal(err)
			}
		}
	})
}
