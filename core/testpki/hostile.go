package testpki

import (
	"crypto/rsa"
	"crypto/x509/pkix"
	"encoding/asn1"
	"math/big"
	"testing"
)

// DamagedKeyPFX is a PFX without MAC or encryption (it opens with any
// password) holding leaf's certificate and its RSA key with the private
// exponent off by two, the CRT values left as they were: a key that
// matches the certificate but cannot sign.
func DamagedKeyPFX(t testing.TB, leaf *Leaf) []byte {
	t.Helper()
	key, ok := leaf.Key.(*rsa.PrivateKey)
	if !ok {
		t.Fatalf("the leaf key is a %T", leaf.Key)
	}
	type pkcs1 struct {
		Version      int
		N            *big.Int
		E            int
		D, P, Q      *big.Int
		Dp, Dq, Qinv *big.Int
	}
	must := func(v any) []byte {
		b, err := asn1.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	k := pkcs1{N: key.N, E: key.E, D: new(big.Int).Add(key.D, big.NewInt(2)), P: key.Primes[0], Q: key.Primes[1],
		Dp: key.Precomputed.Dp, Dq: key.Precomputed.Dq, Qinv: key.Precomputed.Qinv}
	der := must(struct {
		Version    int
		Algo       pkix.AlgorithmIdentifier
		PrivateKey []byte
	}{0, pkix.AlgorithmIdentifier{Algorithm: asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 1}, Parameters: asn1.NullRawValue}, must(k)})
	explicit0 := func(b []byte) asn1.RawValue {
		return asn1.RawValue{Class: asn1.ClassContextSpecific, Tag: 0, IsCompound: true, Bytes: b}
	}
	type bag struct {
		ID    asn1.ObjectIdentifier
		Value asn1.RawValue
	}
	type contentInfo struct {
		ContentType asn1.ObjectIdentifier
		Content     asn1.RawValue
	}
	oidData := asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 1}
	certBag := must(struct {
		ID   asn1.ObjectIdentifier
		Data asn1.RawValue
	}{asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 22, 1}, explicit0(must(leaf.Cert.Raw))})
	bags := must([]bag{
		{asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 10, 1, 3}, explicit0(certBag)},
		{asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 10, 1, 1}, explicit0(der)},
	})
	authSafe := must([]contentInfo{{oidData, explicit0(must(bags))}})
	return must(struct {
		Version  int
		AuthSafe contentInfo
	}{3, contentInfo{oidData, explicit0(must(authSafe))}})
}
