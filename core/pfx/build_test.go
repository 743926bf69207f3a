package pfx

// A small PKCS#12 writer for the files no encoder makes on purpose: several
// keys, a chain out of order, unencrypted key bags, nested bags. It uses
// PBES2 AES-256 with PBKDF2-HMAC-SHA-256 and an HMAC-SHA-256 MAC, like
// OpenSSL 3, and the DER to BER re-encoders that imitate Windows exports.

import (
	"bytes"
	"crypto"
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"testing"
)

// item is one bag: a certificate or a key.
type item struct {
	cert   *x509.Certificate
	key    crypto.PrivateKey
	keyDER []byte // key: this PKCS#8 encoding instead of key's own
	plain  bool   // key: an unencrypted keyBag instead of a shrouded one
	nested bool   // wrap the bag in a safeContentsBag
}

// buildOptions shape the file.
type buildOptions struct {
	encryptCerts bool // certificates in an EncryptedData block (else plain Data)
	noMAC        bool
	iterations   int
	macBMP       []byte // the MAC password bytes when setMACBMP (else the BMPString of pw)
	setMACBMP    bool
}

func mustMarshal(t testing.TB, v any) []byte {
	t.Helper()
	b, err := asn1.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func explicit0(t testing.TB, inner []byte) asn1.RawValue {
	return asn1.RawValue{Class: asn1.ClassContextSpecific, Tag: 0, IsCompound: true, Bytes: inner}
}

// pbes2Encrypt encrypts with PBES2 AES-256-CBC, PBKDF2-HMAC-SHA-256.
func pbes2Encrypt(t testing.TB, pw string, iter int, plain []byte) (pkix.AlgorithmIdentifier, []byte) {
	t.Helper()
	salt := make([]byte, 16)
	iv := make([]byte, 16)
	rand.Read(salt)
	rand.Read(iv)
	key, err := pbkdf2.Key(sha256.New, pw, salt, iter, 32)
	if err != nil {
		t.Fatal(err)
	}
	kdf := pbkdf2Params{Iterations: iter, PRF: pkix.AlgorithmIdentifier{Algorithm: asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 9}, Parameters: asn1.NullRawValue}}
	kdf.Salt.FullBytes = mustMarshal(t, salt)
	params := pbes2Params{
		KDF: pkix.AlgorithmIdentifier{Algorithm: oidPBKDF2, Parameters: asn1.RawValue{FullBytes: mustMarshal(t, kdf)}},
		Enc: pkix.AlgorithmIdentifier{Algorithm: oidAES256CBC, Parameters: asn1.RawValue{FullBytes: mustMarshal(t, iv)}},
	}
	alg := pkix.AlgorithmIdentifier{Algorithm: oidPBES2, Parameters: asn1.RawValue{FullBytes: mustMarshal(t, params)}}
	block, _ := aes.NewCipher(key)
	n := 16 - len(plain)%16
	padded := append(append([]byte{}, plain...), bytes.Repeat([]byte{byte(n)}, n)...)
	cipher.NewCBCEncrypter(block, iv).CryptBlocks(padded, padded)
	return alg, padded
}

func makeBag(t testing.TB, pw string, iter int, it item) safeBag {
	t.Helper()
	var bag safeBag
	switch {
	case it.cert != nil:
		octets := mustMarshal(t, it.cert.Raw)
		cb := mustMarshal(t, certBag{ID: oidX509Certificate, Data: explicit0(t, octets)})
		bag = safeBag{ID: oidCertBag, Value: explicit0(t, cb)}
	case it.plain:
		der := it.keyDER
		if der == nil {
			var err error
			if der, err = x509.MarshalPKCS8PrivateKey(it.key); err != nil {
				t.Fatal(err)
			}
		}
		bag = safeBag{ID: oidKeyBag, Value: explicit0(t, der)}
	default:
		der := it.keyDER
		if der == nil {
			var err error
			if der, err = x509.MarshalPKCS8PrivateKey(it.key); err != nil {
				t.Fatal(err)
			}
		}
		alg, ct := pbes2Encrypt(t, pw, iter, der)
		bag = safeBag{ID: oidShroudedKeyBag, Value: explicit0(t, mustMarshal(t, encryptedPrivateKeyInfo{Algorithm: alg, Data: ct}))}
	}
	if it.nested {
		inner := mustMarshal(t, []safeBag{bag})
		bag = safeBag{ID: oidSafeContentsBag, Value: explicit0(t, inner)}
	}
	return bag
}

// buildPFX writes a PFX: one Data block with the keys, one block (Data or
// EncryptedData) with the certificates, in the order given.
func buildPFX(t testing.TB, pw string, o buildOptions, items ...item) []byte {
	t.Helper()
	if o.iterations == 0 {
		o.iterations = 2048
	}
	var keyBags, certBags []safeBag
	for _, it := range items {
		b := makeBag(t, pw, o.iterations, it)
		if it.cert != nil {
			certBags = append(certBags, b)
		} else {
			keyBags = append(keyBags, b)
		}
	}
	var cis []contentInfo
	dataCI := func(bags []safeBag) contentInfo {
		return contentInfo{ContentType: oidData, Content: explicit0(t, mustMarshal(t, mustMarshal(t, bags)))}
	}
	if len(certBags) > 0 {
		if o.encryptCerts {
			alg, ct := pbes2Encrypt(t, pw, o.iterations, mustMarshal(t, certBags))
			var ed encryptedData
			ed.Info.ContentType = oidData
			ed.Info.Algorithm = alg
			ed.Info.Content = asn1.RawValue{Class: asn1.ClassContextSpecific, Tag: 0, Bytes: ct}
			cis = append(cis, contentInfo{ContentType: oidEncryptedData, Content: explicit0(t, mustMarshal(t, ed))})
		} else {
			cis = append(cis, dataCI(certBags))
		}
	}
	if len(keyBags) > 0 {
		cis = append(cis, dataCI(keyBags))
	}
	return assemble(t, pw, o, mustMarshal(t, cis))
}

// assemble wraps AuthenticatedSafe bytes (DER or BER) in a PFX with a MAC
// over exactly those bytes.
func assemble(t testing.TB, pw string, o buildOptions, authSafe []byte) []byte {
	t.Helper()
	type pdu struct {
		Version  int
		AuthSafe contentInfo
		MacData  asn1.RawValue `asn1:"optional"`
	}
	p := pdu{Version: 3, AuthSafe: contentInfo{ContentType: oidData, Content: explicit0(t, mustMarshal(t, authSafe))}}
	if !o.noMAC {
		iter := o.iterations
		if iter == 0 {
			iter = 2048
		}
		var m macData
		m.Mac.Algorithm = pkix.AlgorithmIdentifier{Algorithm: asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 1}, Parameters: asn1.NullRawValue}
		m.MacSalt = make([]byte, 8)
		rand.Read(m.MacSalt)
		m.Iterations = iter
		bmp := bmpString(pw)
		if o.setMACBMP {
			bmp = o.macBMP
		}
		key := p12KDF(hSHA256, m.MacSalt, bmp, iter, 3, 32)
		h := hmac.New(sha256.New, key)
		h.Write(authSafe)
		m.Mac.Digest = h.Sum(nil)
		p.MacData = asn1.RawValue{FullBytes: mustMarshal(t, m)}
	}
	return mustMarshal(t, p)
}

// berOptions say how toBER re-encodes.
type berOptions struct {
	chunk int // split primitive OCTET STRINGs (and [0] IMPLICIT ones when implicitOctets) longer than this into constructed chunks
	// implicitOctets: a primitive [0] is an IMPLICIT OCTET STRING (true
	// inside EncryptedData), chunk it as Windows does.
	implicitOctets bool
	longLengths    bool // use 4-byte long-form lengths for definite lengths (non-minimal)
}

// toBER re-encodes one DER element as BER: constructed elements with
// indefinite lengths, long OCTET STRINGs as constructed chunks.
func toBER(t testing.TB, der []byte, o berOptions) []byte {
	t.Helper()
	var v asn1.RawValue
	rest, err := asn1.Unmarshal(der, &v)
	if err != nil || len(rest) != 0 {
		t.Fatalf("toBER: %v (%d trailing)", err, len(rest))
	}
	return berElement(t, v, o)
}

func berLength(n int, long bool) []byte {
	if long {
		return []byte{0x84, byte(n >> 24), byte(n >> 16), byte(n >> 8), byte(n)}
	}
	return mustLen(n)
}

func mustLen(n int) []byte {
	switch {
	case n < 0x80:
		return []byte{byte(n)}
	case n < 0x100:
		return []byte{0x81, byte(n)}
	case n < 0x10000:
		return []byte{0x82, byte(n >> 8), byte(n)}
	}
	return []byte{0x83, byte(n >> 16), byte(n >> 8), byte(n)}
}

func berElement(t testing.TB, v asn1.RawValue, o berOptions) []byte {
	ident := v.FullBytes[0] // all tags here are low-number
	if v.IsCompound {
		out := []byte{ident, 0x80}
		b := v.Bytes
		for len(b) > 0 {
			var c asn1.RawValue
			r, err := asn1.Unmarshal(b, &c)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, berElement(t, c, o)...)
			b = r
		}
		return append(out, 0, 0)
	}
	octets := v.Class == asn1.ClassUniversal && v.Tag == asn1.TagOctetString
	implicit := o.implicitOctets && v.Class == asn1.ClassContextSpecific && v.Tag == 0
	if (octets || implicit) && o.chunk > 0 && len(v.Bytes) > o.chunk {
		out := []byte{ident | 0x20, 0x80}
		for b := v.Bytes; len(b) > 0; {
			n := min(o.chunk, len(b))
			out = append(out, 0x04)
			out = append(out, berLength(n, o.longLengths)...)
			out = append(out, b[:n]...)
			b = b[n:]
		}
		return append(out, 0, 0)
	}
	out := append([]byte{ident}, berLength(len(v.Bytes), o.longLengths)...)
	return append(out, v.Bytes...)
}

// windowsStyle re-encodes a whole PFX the way Windows and .NET write it:
// BER at every level, including the AuthenticatedSafe and the safe contents
// inside the OCTET STRINGs, encrypted content as chunked [0] IMPLICIT
// OCTET STRINGs, with the MAC recomputed over the BER AuthenticatedSafe.
// Only files with an HMAC-SHA-256 MAC (or none) can be redone.
func windowsStyle(t testing.TB, der []byte, pw string, o buildOptions) []byte {
	t.Helper()
	c, err := Parse(der)
	if err != nil {
		t.Fatal(err)
	}
	var cis []contentInfo
	if _, err := unmarshalDER(c.macMsg, &cis); err != nil {
		t.Fatal(err)
	}
	var as []byte
	for _, ci := range cis {
		var inner []byte
		switch {
		case ci.ContentType.Equal(oidData):
			var octets []byte
			if err := unmarshalExact(ci.Content.Bytes, &octets); err != nil {
				t.Fatal(err)
			}
			safeBER := toBER(t, octets, berOptions{chunk: 100})
			inner = berElement(t, asn1.RawValue{Class: 0, Tag: 4, Bytes: safeBER, FullBytes: []byte{0x04}}, berOptions{chunk: 256})
		case ci.ContentType.Equal(oidEncryptedData):
			inner = toBER(t, ci.Content.Bytes, berOptions{chunk: 512, implicitOctets: true})
		default:
			t.Fatalf("content type %v", ci.ContentType)
		}
		ciBER := []byte{0x30, 0x80}
		ciBER = append(ciBER, mustMarshal(t, ci.ContentType)...)
		ciBER = append(ciBER, 0xa0, 0x80)
		ciBER = append(ciBER, inner...)
		ciBER = append(ciBER, 0, 0, 0, 0)
		as = append(as, ciBER...)
	}
	authSafe := append(append([]byte{0x30, 0x80}, as...), 0, 0)
	// The outer PFX: indefinite lengths, the AuthenticatedSafe OCTET STRING
	// in chunks; the MAC covers the concatenated chunks.
	pfxDER := assemble(t, pw, o, authSafe)
	return toBER(t, pfxDER, berOptions{chunk: 1000})
}
