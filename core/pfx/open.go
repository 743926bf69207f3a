package pfx

import (
	"crypto"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"errors"
	"fmt"
	"math/big"
)

// Open decrypts the container with the password. A wrong password gives
// *Error CodeWrongPassword; it is told apart from damage as far as the
// format allows: a MAC that fails on a well-formed file is a wrong password,
// unless the password still decrypts the key (then the file is damaged).
// Without a MAC, data that does not decrypt means a wrong password. A file
// without MAC and without encryption opens with any password.
func (c *Container) Open(pw string) (ct *Contents, err error) {
	return c.open(pw, true)
}

// OpenForInspection is Open for a caller that reports on the file and uses
// only the public halves of the keys (core/inspect). It decrypts and
// checks everything Open does, except that an RSA key's private values are
// read (and the modulus checked to be the product of the primes) but not
// checked against each other and not precomputed: for a 3072-bit key that
// is a fifth of the work of opening a file. Its Keys are then
// *rsa.PrivateKey values without precomputation, which crypto/rsa checks
// in full on first use; a caller that signs, decrypts or re-encodes a key
// uses Open, which refuses such a key as damaged. In a file without MAC,
// keys are read in full, as by Open: there only their validity tells a
// right password from a wrong one.
func (c *Container) OpenForInspection(pw string) (*Contents, error) {
	return c.open(pw, false)
}

// open is Open; validate is false for OpenForInspection.
func (c *Container) open(pw string, validate bool) (ct *Contents, err error) {
	defer func() {
		if r := recover(); r != nil {
			ct, err = nil, corrupt("internal error while opening the file: %v", r)
		}
	}()
	if c == nil || c.macMsg == nil {
		return nil, corrupt("nothing to open")
	}
	variants := passwordVariants(pw)
	work := newBudget()
	verified := false
	if c.mac != nil {
		ok := -1
		for i, v := range variants {
			good, err := verifyMAC(c.mac, v, c.macMsg, work)
			if err != nil {
				return nil, err
			}
			if good {
				ok = i
				break
			}
		}
		if ok < 0 {
			if c.passwordDecrypts(variants, work) {
				return nil, corrupt("the integrity check fails although the password is right: the file has been changed or damaged")
			}
			return nil, &Error{Code: CodeWrongPassword, Err: errors.New("the password does not match the file's integrity check")}
		}
		variants = append([]password{variants[ok]}, append(variants[:ok:ok], variants[ok+1:]...)...)
		verified = true
	}
	// Keys are read without full validation only when the MAC has vouched
	// for the password: without one, a key that does not validate is taken
	// for garbage from a wrong password, as Open does.
	validate = validate || !verified
	undecryptable := func(what string) error {
		if verified {
			return corrupt("%s cannot be decrypted although the password is right", what)
		}
		return &Error{Code: CodeWrongPassword, Err: fmt.Errorf("%s cannot be decrypted with this password", what)}
	}

	out := &Contents{MACVerified: verified}
	var keySchemes, innerKeySchemes []scheme
	ber := false
	for i, s := range c.safes {
		bags := s.bags
		inEncrypted := s.encrypted
		if s.encrypted {
			var changed bool
			err := tryPasswords(s.alg, s.ciphertext, variants, work, func(plain []byte) error {
				var err error
				bags, changed, err = parseSafeContents(plain)
				return err
			})
			if errors.Is(err, errDecrypt) {
				return nil, undecryptable(fmt.Sprintf("content block %d", i+1))
			}
			if err != nil {
				return nil, prefix(err, fmt.Sprintf("content block %d: ", i+1))
			}
			ber = ber || changed
		}
		err := walkBags(bags, 0, func(b *safeBag) error {
			switch {
			case b.ID.Equal(oidCertBag):
				cert, err := parseCertBag(b)
				if err != nil {
					return err
				}
				if cert != nil {
					out.Certs = append(out.Certs, cert)
				}
			case b.ID.Equal(oidKeyBag):
				key, err := parseKey(b.Value.Bytes, validate)
				if errors.Is(err, errDecrypt) {
					return corrupt("a private key cannot be read")
				}
				if err != nil {
					return err
				}
				out.Keys = append(out.Keys, key)
				if inEncrypted {
					innerKeySchemes = append(innerKeySchemes, s.scheme)
				} else {
					keySchemes = append(keySchemes, scheme{Label: "none"})
				}
			case b.ID.Equal(oidShroudedKeyBag):
				var ek encryptedPrivateKeyInfo
				if err := unmarshalExact(b.Value.Bytes, &ek); err != nil {
					return corrupt("key bag: %v", err)
				}
				var key crypto.PrivateKey
				err := tryPasswords(ek.Algorithm, ek.Data, variants, work, func(plain []byte) error {
					var err error
					key, err = parseKey(plain, validate)
					return err
				})
				if errors.Is(err, errDecrypt) {
					return undecryptable("the private key")
				}
				if err != nil {
					return err
				}
				out.Keys = append(out.Keys, key)
				sch := describeCipher(ek.Algorithm)
				if inEncrypted {
					innerKeySchemes = append(innerKeySchemes, sch)
				} else {
					keySchemes = append(keySchemes, sch)
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	p := c.protection(keySchemes, innerKeySchemes)
	if ber {
		p.Encoding = "BER"
	}
	out.Protection = p
	out.Leaf = matchLeaf(out.Keys, out.Certs)
	out.KeyMatches = out.Leaf != nil
	for _, cert := range out.Certs {
		if cert != out.Leaf {
			out.Chain = append(out.Chain, cert)
		}
	}
	return out, nil
}

// tryPasswords decrypts with each password encoding in turn until one gives
// plaintext that use accepts. It returns errDecrypt if none does, or the
// first error that is not about the password (unsupported, malformed).
func tryPasswords(alg pkix.AlgorithmIdentifier, data []byte, variants []password, work *budget, use func([]byte) error) error {
	pbes2 := alg.Algorithm.Equal(oidPBES2)
	tried := map[string]bool{}
	for _, v := range variants {
		k := string(v.bmp)
		if pbes2 {
			k = v.text
		}
		if tried[k] {
			continue
		}
		tried[k] = true
		plain, err := decrypt(alg, v, data, work)
		if errors.Is(err, errDecrypt) {
			continue
		}
		if err != nil {
			return err
		}
		if err := use(plain); err != nil {
			var e *Error
			if errors.As(err, &e) && e.Code == CodeUnsupported {
				return err
			}
			continue // garbage from a wrong key that happened to end in valid padding
		}
		return nil
	}
	return errDecrypt
}

// passwordDecrypts reports whether the password decrypts the first
// encrypted item (a key, else an encrypted block): used when the MAC fails,
// to tell a damaged file from a wrong password. The key is read in full
// (for OpenForInspection too), so that the two tell them apart alike.
func (c *Container) passwordDecrypts(variants []password, work *budget) bool {
	for _, s := range c.safes {
		if s.encrypted {
			continue
		}
		found, ok := false, false
		_ = walkBags(s.bags, 0, func(b *safeBag) error {
			if found || !b.ID.Equal(oidShroudedKeyBag) {
				return nil
			}
			var ek encryptedPrivateKeyInfo
			if unmarshalExact(b.Value.Bytes, &ek) != nil {
				return nil
			}
			found = true
			ok = tryPasswords(ek.Algorithm, ek.Data, variants, work, func(plain []byte) error {
				_, err := parseKey(plain, true)
				return err
			}) == nil
			return nil
		})
		if found {
			return ok
		}
	}
	for _, s := range c.safes {
		if s.encrypted {
			return tryPasswords(s.alg, s.ciphertext, variants, work, func(plain []byte) error {
				_, _, err := parseSafeContents(plain)
				return err
			}) == nil
		}
	}
	return false
}

var knownKeyAlgorithms = map[string]bool{
	"1.2.840.113549.1.1.1":  true, // RSA
	"1.2.840.113549.1.1.10": true, // RSASSA-PSS
	"1.2.840.10045.2.1":     true, // EC
	"1.3.101.112":           true, // Ed25519
	"1.3.101.110":           true, // X25519
}

// parseKey reads a PKCS#8 private key. Bytes that are not PKCS#8 at all give
// errDecrypt (what a wrong key produces); a readable PKCS#8 structure with
// an unknown algorithm gives CodeUnsupported, a damaged key CodeCorrupt.
// Without validate, an RSA key is read by parseRSAKeyLight.
func parseKey(plain []byte, validate bool) (crypto.PrivateKey, error) {
	der, _, err := toDERExact(plain)
	if err != nil {
		return nil, errDecrypt
	}
	var seq asn1.RawValue
	if err := unmarshalExact(der, &seq); err != nil || seq.Tag != asn1.TagSequence || !seq.IsCompound {
		return nil, errDecrypt
	}
	var version int
	var algo pkix.AlgorithmIdentifier
	var keyOctets []byte
	rest, err := asn1.Unmarshal(seq.Bytes, &version)
	if err == nil {
		rest, err = asn1.Unmarshal(rest, &algo)
	}
	if err == nil {
		_, err = asn1.Unmarshal(rest, &keyOctets)
	}
	if err != nil {
		return nil, errDecrypt
	}
	if !validate && algo.Algorithm.Equal(oidRSAEncryption) {
		// Anything unusual takes the full path below, which accepts or
		// refuses it exactly as Open does.
		if key, err := parseRSAKeyLight(keyOctets); err == nil {
			return key, nil
		}
	}
	key, err := x509.ParsePKCS8PrivateKey(der)
	if err != nil {
		if !knownKeyAlgorithms[algo.Algorithm.String()] {
			return nil, unsupported("private key type %s is not supported", algo.Algorithm)
		}
		return nil, corrupt("the private key cannot be read: %v", err)
	}
	return key, nil
}

// matchLeaf returns the first certificate (in file order) whose public key
// belongs to a key, trying the keys in file order.
func matchLeaf(keys []crypto.PrivateKey, certs []*x509.Certificate) *x509.Certificate {
	for _, k := range keys {
		signer, ok := k.(interface{ Public() crypto.PublicKey })
		if !ok {
			continue
		}
		pub := signer.Public()
		for _, c := range certs {
			if eq, ok := c.PublicKey.(interface{ Equal(crypto.PublicKey) bool }); ok && eq.Equal(pub) {
				return c
			}
		}
	}
	return nil
}

var oidRSAEncryption = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 1}

// pkcs1PrivateKey is an RSA private key (RFC 8017 appendix A.1.2).
type pkcs1PrivateKey struct {
	Version          int
	N                *big.Int
	E                int
	D, P, Q          *big.Int
	Dp, Dq, Qinv     *big.Int        `asn1:"optional"`
	AdditionalPrimes []asn1.RawValue `asn1:"optional,omitempty"`
}

// parseRSAKeyLight reads a two-prime PKCS#1 RSA private key with its CRT
// values, the form every real file has (anything else is left to
// x509.ParsePKCS8PrivateKey), but checks only that the modulus is the
// product of the two primes: the public half is
// then the key's own, which is what matching the key to its certificate
// needs. The product is computed with math/big, whose time depends only on
// the primes' lengths here (they are never zero-padded). The rest of
// crypto/rsa's validation happens on first use of the key.
func parseRSAKeyLight(der []byte) (*rsa.PrivateKey, error) {
	var k pkcs1PrivateKey
	rest, err := asn1.Unmarshal(der, &k)
	if err != nil {
		return nil, err
	}
	if len(rest) != 0 {
		return nil, errors.New("trailing data")
	}
	switch {
	case k.Version > 1 || len(k.AdditionalPrimes) > 0:
		return nil, errors.New("multi-prime RSA keys are not supported")
	case k.Version < 0:
		return nil, errors.New("invalid version")
	case k.N.Sign() <= 0 || k.D.Sign() <= 0 || k.P.Sign() <= 0 || k.Q.Sign() <= 0 || k.E < 2:
		return nil, errors.New("private key contains zero or negative value")
	case k.Dp == nil || k.Dq == nil || k.Qinv == nil:
		return nil, errors.New("the CRT values are missing")
	case k.Dp.Sign() <= 0 || k.Dq.Sign() <= 0 || k.Qinv.Sign() <= 0:
		return nil, errors.New("private key contains zero or negative value")
	case new(big.Int).Mul(k.P, k.Q).Cmp(k.N) != 0:
		return nil, errors.New("p * q != n")
	}
	return &rsa.PrivateKey{
		PublicKey:   rsa.PublicKey{N: k.N, E: k.E},
		D:           k.D,
		Primes:      []*big.Int{k.P, k.Q},
		Precomputed: rsa.PrecomputedValues{Dp: k.Dp, Dq: k.Dq, Qinv: k.Qinv},
	}, nil
}
