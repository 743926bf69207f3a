package inspect

import (
	"crypto"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/hex"
	"math/big"
	"testing"
	"time"

	"github.com/fornyer/fornyer/core/testpki"
)

// Helpers that make PKCS#12 files neither go-pkcs12 nor openssl will make:
// several keys, certificates in any order, BER encoding.

var (
	oidData     = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 1}
	oidKeyBag   = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 10, 1, 1}
	oidCertBag  = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 10, 1, 3}
	oidX509Cert = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 22, 1}
)

// RawValues are written as they are (encoding/asn1 ignores a field's tag
// for them), so the [0] EXPLICIT wrappers are made by explicit0.
type tContentInfo struct {
	ContentType asn1.ObjectIdentifier
	Content     asn1.RawValue
}

type tSafeBag struct {
	ID    asn1.ObjectIdentifier
	Value asn1.RawValue
}

type tCertBag struct {
	ID   asn1.ObjectIdentifier
	Data []byte `asn1:"tag:0,explicit"`
}

type tPFX struct {
	Version  int
	AuthSafe tContentInfo
}

func mustMarshal(t testing.TB, v any) []byte {
	t.Helper()
	b, err := asn1.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func explicit0(inner []byte) asn1.RawValue {
	return asn1.RawValue{Class: asn1.ClassContextSpecific, Tag: 0, IsCompound: true, Bytes: inner}
}

func octets(t testing.TB, b []byte) asn1.RawValue {
	return explicit0(mustMarshal(t, b))
}

// plainPFX builds an unencrypted PFX without MAC holding the keys and the
// certificates in the order given (such a file opens with any password).
func plainPFX(t testing.TB, keys []crypto.Signer, certs []*x509.Certificate) []byte {
	t.Helper()
	var ders [][]byte
	for _, k := range keys {
		der, err := x509.MarshalPKCS8PrivateKey(k)
		if err != nil {
			t.Fatal(err)
		}
		ders = append(ders, der)
	}
	return plainPFXKeyDER(t, ders, certs)
}

// plainPFXKeyDER is plainPFX with the keys given as PKCS#8 bytes.
func plainPFXKeyDER(t testing.TB, keys [][]byte, certs []*x509.Certificate) []byte {
	t.Helper()
	var bags []tSafeBag
	for _, c := range certs {
		cb := mustMarshal(t, tCertBag{ID: oidX509Cert, Data: c.Raw})
		bags = append(bags, tSafeBag{ID: oidCertBag, Value: explicit0(cb)})
	}
	for _, der := range keys {
		bags = append(bags, tSafeBag{ID: oidKeyBag, Value: explicit0(der)})
	}
	safeContents := mustMarshal(t, bags)
	authSafe := mustMarshal(t, []tContentInfo{{ContentType: oidData, Content: octets(t, safeContents)}})
	return mustMarshal(t, tPFX{Version: 3, AuthSafe: tContentInfo{ContentType: oidData, Content: octets(t, authSafe)}})
}

// toBER re-encodes DER the way Windows and .NET exports look: every
// constructed element with indefinite length, and long OCTET STRINGs split
// into constructed chunks. The content of primitive values (and so what a
// MAC covers) does not change.
func toBER(t testing.TB, der []byte) []byte {
	t.Helper()
	out, rest := berElement(t, der)
	if len(rest) != 0 {
		t.Fatal("trailing data")
	}
	return out
}

func berElement(t testing.TB, b []byte) (out, rest []byte) {
	t.Helper()
	if len(b) < 2 {
		t.Fatal("short element")
	}
	tag := b[0]
	l, hdr := int(b[1]), 2
	if l&0x80 != 0 {
		n := l & 0x7f
		l = 0
		for i := 0; i < n; i++ {
			l = l<<8 | int(b[2+i])
		}
		hdr += n
	}
	content, rest := b[hdr:hdr+l], b[hdr+l:]
	switch {
	case tag&0x20 != 0: // constructed
		out = []byte{tag, 0x80}
		for len(content) > 0 {
			var e []byte
			e, content = berElement(t, content)
			out = append(out, e...)
		}
		return append(out, 0, 0), rest
	case tag == 0x04 && l > 256:
		out = []byte{0x24, 0x80}
		for len(content) > 0 {
			n := min(200, len(content))
			out = append(out, mustMarshal(t, content[:n])...)
			content = content[n:]
		}
		return append(out, 0, 0), rest
	}
	return b[:hdr+l], rest
}

// selfSigned makes a certificate that is not OCES (a web server's), for key.
func selfSigned(t testing.TB, key crypto.Signer) *x509.Certificate {
	t.Helper()
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(42),
		Subject:      pkix.Name{CommonName: "mail.example.com", Organization: []string{"Example Ltd"}},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().AddDate(1, 0, 0),
		KeyUsage:     x509.KeyUsageDigitalSignature,
	}
	return testpki.SelfSigned(t, tmpl, key)
}

func pfxSHA(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}
