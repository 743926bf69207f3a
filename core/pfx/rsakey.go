package pfx

import (
	"crypto/rsa"
	"encoding/asn1"
	"errors"
	"math/big"
)

// oidRSA is the algorithm of a PKCS#8 RSA private key.
var oidRSA = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 1}

// pkcs1Key is a PKCS#1 RSA private key, as crypto/x509 reads it.
type pkcs1Key struct {
	Version          int
	N                *big.Int
	E                int
	D, P, Q          *big.Int
	Dp, Dq, Qinv     *big.Int
	AdditionalPrimes []asn1.RawValue `asn1:"optional,omitempty"`
}

// parseRSAKey reads the PKCS#1 key of a PKCS#8 RSA key and checks that
// its values hold together, as x509.ParsePKCS8PrivateKey has crypto/rsa
// do (the checks of crypto/internal/fips140/rsa.checkPrivateKey, one by
// one: N odd, e odd from 3 to 2³¹-1, d < N, p and q below N with pq ≡ 0
// mod N, e·dP ≡ 1 mod p-1 and e·dQ ≡ 1 mod q-1, dP = d mod p-1 and dQ = d
// mod q-1, qInv < p with q·qInv ≡ 1 mod p, |p-q| over 2^(bits/2-100), d
// over 2^(bits/2); an even e, and a small d with an e below 2³¹, cannot
// pass the other checks with prime p and q), but with math/big:
// crypto/rsa does them with constant-time arithmetic, which is what a key
// used for signing needs and cost inspect a tenth of its time (issue 24,
// 13); here the key is only checked, once, on the user's own machine, and
// the same key is then refused or taken (TestRSAKeyCheckAgreesWithX509,
// FuzzRSAKeyCheck). ok is false for a key it does not judge (another
// version, more than two primes, primes too small to be real): crypto/x509
// then reads it.
func parseRSAKey(der []byte) (key *rsa.PrivateKey, ok bool, err error) {
	var k pkcs1Key
	rest, err := asn1.Unmarshal(der, &k)
	if err != nil || len(rest) > 0 || k.Version != 0 || len(k.AdditionalPrimes) > 0 {
		return nil, false, nil
	}
	for _, v := range []*big.Int{k.N, k.D, k.P, k.Q, k.Dp, k.Dq, k.Qinv} {
		if v.Sign() <= 0 {
			return nil, false, nil // x509 says which
		}
	}
	// Primes of real keys only: with e as large as p-1 crypto/rsa's
	// arithmetic and math/big's could part.
	if k.P.BitLen() < 512 || k.Q.BitLen() < 512 {
		return nil, false, nil
	}
	if err := checkRSAKey(&k); err != nil {
		return nil, true, err
	}
	return &rsa.PrivateKey{
		PublicKey:   rsa.PublicKey{N: k.N, E: k.E},
		D:           k.D,
		Primes:      []*big.Int{k.P, k.Q},
		Precomputed: rsa.PrecomputedValues{Dp: k.Dp, Dq: k.Dq, Qinv: k.Qinv},
	}, true, nil
}

// checkRSAKey is crypto/rsa's check of a two-prime key with its CRT
// values (parseRSAKey); all values are positive.
func checkRSAKey(k *pkcs1Key) error {
	n, p, q, e := k.N, k.P, k.Q, big.NewInt(int64(k.E))
	one := big.NewInt(1)
	switch {
	case n.Bit(0) == 0 || n.Cmp(one) == 0:
		return errors.New("the modulus is even")
	case k.E < 2 || k.E&1 == 0 || k.E > 1<<31-1:
		return errors.New("the public exponent is not usable")
	case k.D.Cmp(n) >= 0 || p.Cmp(n) >= 0 || q.Cmp(n) >= 0:
		return errors.New("a private value is larger than the modulus")
	case new(big.Int).Mod(new(big.Int).Mul(p, q), n).Sign() != 0:
		return errors.New("p × q is not the modulus")
	}
	for _, c := range []struct{ prime, exp *big.Int }{{p, k.Dp}, {q, k.Dq}} {
		// (A CRT exponent not below p-1 fails the last check: d mod
		// (p-1) is below it.)
		m := new(big.Int).Sub(c.prime, one)
		if new(big.Int).Mod(new(big.Int).Mul(e, c.exp), m).Cmp(one) != 0 {
			return errors.New("a CRT exponent does not invert the public exponent")
		}
		if new(big.Int).Mod(k.D, m).Cmp(c.exp) != 0 {
			return errors.New("the private exponent does not match its CRT exponents")
		}
	}
	if k.Qinv.Cmp(p) >= 0 || new(big.Int).Mod(new(big.Int).Mul(q, k.Qinv), p).Cmp(one) != 0 {
		return errors.New("the CRT coefficient is wrong")
	}
	diff := new(big.Int).Sub(p, q)
	if diff.Sign() == 0 {
		return errors.New("p = q")
	}
	if diff.Abs(diff).BitLen() <= n.BitLen()/2-100 {
		return errors.New("p and q are too close")
	}
	if k.D.BitLen() <= n.BitLen()/2 {
		return errors.New("the private exponent is too small")
	}
	return nil
}
