package pfx

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"errors"
	"fmt"
	"strings"
)

// Open decrypts the container with the password. A wrong password gives
// *Error CodeWrongPassword; it is told apart from damage as far as the
// format allows: a MAC that fails on a well-formed file is a wrong password,
// unless the password still decrypts the key (then the file is damaged),
// and a password that ends in a zero character never proves damage (see
// provesDamage). Without a MAC, data that does not decrypt means a wrong
// password. A file without MAC and without encryption opens with any
// password.
//
// Every private key is checked in full: its values against each other (as
// crypto/rsa and crypto/x509 check them) and, for an elliptic-curve key, a
// signature made with it and verified with its public half (checkKey). A
// key that fails gives CodeDamagedKey,
// returned together with the Contents read without that key, so that the
// certificate can still be shown.
//
// All Opens of one Container share one key-derivation budget (see maxWork):
// trying many passwords on one file costs no more than the budget allows,
// and past it Open gives CodeTooCostly.
func (c *Container) Open(pw string) (ct *Contents, err error) {
	defer func() {
		if r := recover(); r != nil {
			ct, err = nil, corrupt("internal error while opening the file: %v", r)
		}
	}()
	if c == nil || c.macMsg == nil {
		return nil, corrupt("nothing to open")
	}
	work := c.budget()
	variants, verified, err := c.checkMAC(pw, passwordVariants(pw), work)
	if err != nil {
		return nil, err
	}
	o := &opening{variants: variants, work: work, verified: verified, out: &Contents{MACVerified: verified}}
	for i, s := range c.safes {
		if err := o.readSafe(i, s); err != nil {
			return nil, err
		}
	}
	return c.finish(o)
}

// checkMAC finds which of the password's variants matches the file's
// integrity check (MAC) and puts it first; verified is false for a file
// without MAC. A password that matches no variant is CodeWrongPassword,
// unless it still decrypts the file (provesDamage): then the file is
// damaged.
func (c *Container) checkMAC(pw string, variants []password, work *budget) (_ []password, verified bool, _ error) {
	if c.mac == nil {
		return variants, false, nil
	}
	ok := c.macMatched(pw) // MatchPassword has checked it already
	for i, v := range variants {
		if ok >= 0 {
			break
		}
		good, err := verifyMAC(c.mac, v, c.macMsg, work)
		if err != nil {
			return nil, false, err
		}
		if good {
			ok = i
			break
		}
	}
	if ok < 0 {
		if provesDamage(pw) {
			decrypts, err := c.passwordDecrypts(variants, work)
			if err != nil {
				return nil, false, err
			}
			if decrypts {
				return nil, false, corrupt("the integrity check fails although the password is right: the file has been changed or damaged")
			}
		}
		return nil, false, &Error{Code: CodeWrongPassword, Err: errors.New("the password does not match the file's integrity check")}
	}
	return append([]password{variants[ok]}, append(variants[:ok:ok], variants[ok+1:]...)...), true, nil
}

// opening is one Open's reading of the content blocks: the passwords to
// try, and what was found so far.
type opening struct {
	variants []password
	work     *budget
	verified bool // the MAC matched

	out                         *Contents
	keySchemes, innerKeySchemes []scheme
	damaged                     error // the first damaged key
	keysSeen                    int
	ber                         bool
}

// undecryptable is what cannot be decrypted: damage when the MAC proved
// the password right, else a wrong password.
func (o *opening) undecryptable(what string) error {
	if o.verified {
		return corrupt("%s cannot be decrypted although the password is right", what)
	}
	return &Error{Code: CodeWrongPassword, Err: fmt.Errorf("%s cannot be decrypted with this password", what)}
}

// readSafe decrypts content block i when it is encrypted, and reads its
// bags.
func (o *opening) readSafe(i int, s safe) error {
	bags := s.bags
	if s.encrypted {
		var changed bool
		err := tryPasswords(s.alg, s.ciphertext, o.variants, o.work, func(plain []byte) error {
			var err error
			bags, changed, err = parseSafeContents(plain)
			return err
		})
		if errors.Is(err, errDecrypt) {
			return o.undecryptable(fmt.Sprintf("content block %d", i+1))
		}
		if err != nil {
			return prefix(err, fmt.Sprintf("content block %d: ", i+1))
		}
		o.ber = o.ber || changed
	}
	return walkBags(bags, 0, func(b *safeBag) error { return o.bag(b, s) })
}

// bag reads one bag of content block s: a certificate, a private key, or
// a private key encrypted with the password. Other bags are skipped.
func (o *opening) bag(b *safeBag, s safe) error {
	isKey := b.ID.Equal(oidKeyBag) || b.ID.Equal(oidShroudedKeyBag)
	if isKey {
		if o.keysSeen++; o.keysSeen > MaxKeys {
			return newError(CodeTooCostly, "the file holds more than %d private keys", MaxKeys)
		}
	}
	switch {
	case b.ID.Equal(oidCertBag):
		return o.certBag(b)
	case b.ID.Equal(oidKeyBag):
		return o.keyBag(b, s)
	case b.ID.Equal(oidShroudedKeyBag):
		return o.shroudedKeyBag(b, s)
	}
	return nil
}

func (o *opening) certBag(b *safeBag) error {
	if len(o.out.Certs) >= MaxCertificates {
		return newError(CodeTooCostly, "the file holds more than %d certificates", MaxCertificates)
	}
	cert, err := parseCertBag(b)
	if err != nil {
		return err
	}
	if cert != nil {
		o.out.Certs = append(o.out.Certs, cert)
	}
	return nil
}

// keyBag reads a private key stored without its own encryption (its
// content block may be encrypted).
func (o *opening) keyBag(b *safeBag, s safe) error {
	key, err := parseKey(b.Value.Bytes, o.work)
	if errors.Is(err, errDecrypt) {
		return corrupt("a private key cannot be read")
	}
	if CodeOf(err) == CodeDamagedKey {
		o.damaged = cmpOr(o.damaged, err)
		return nil
	}
	if err != nil {
		return err
	}
	o.out.Keys = append(o.out.Keys, key)
	if s.encrypted {
		o.innerKeySchemes = append(o.innerKeySchemes, s.scheme)
	} else {
		o.keySchemes = append(o.keySchemes, scheme{Label: "none"})
	}
	return nil
}

// shroudedKeyBag decrypts a private key encrypted with the password.
func (o *opening) shroudedKeyBag(b *safeBag, s safe) error {
	var ek encryptedPrivateKeyInfo
	if err := unmarshalExact(b.Value.Bytes, &ek); err != nil {
		return corrupt("key bag: %v", err)
	}
	sch := describeCipher(ek.Algorithm)
	if s.encrypted {
		o.innerKeySchemes = append(o.innerKeySchemes, sch)
	} else {
		o.keySchemes = append(o.keySchemes, sch)
	}
	var key crypto.PrivateKey
	err := tryPasswords(ek.Algorithm, ek.Data, o.variants, o.work, func(plain []byte) error {
		var err error
		key, err = parseKey(plain, o.work)
		return err
	})
	if CodeOf(err) == CodeDamagedKey {
		o.damaged = cmpOr(o.damaged, err)
		return nil
	}
	if errors.Is(err, errDecrypt) {
		return o.undecryptable("the private key")
	}
	if err != nil {
		return err
	}
	o.out.Keys = append(o.out.Keys, key)
	return nil
}

// finish describes the protection, matches the key to its certificate and
// puts the others in the chain; a damaged key is returned with the rest.
func (c *Container) finish(o *opening) (*Contents, error) {
	out := o.out
	p := c.protection(o.keySchemes, o.innerKeySchemes)
	if o.ber {
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
	if o.damaged != nil {
		return out, o.damaged
	}
	return out, nil
}

// OpenForInspection is Open; it is kept for core/inspect, which once read
// keys less thoroughly than Open. Now every key is checked in full the same
// way for the inspection, the backup and the receipt.
func (c *Container) OpenForInspection(pw string) (*Contents, error) {
	return c.Open(pw)
}

// MaxKeys and MaxCertificates bound what one file may hold: real files
// have one key and up to a handful of certificates. More gives
// CodeTooCostly.
const (
	MaxKeys         = 16
	MaxCertificates = 1000
)

// budget returns the Container's key-derivation budget, shared by all its
// Opens.
func (c *Container) budget() *budget {
	c.workOnce.Do(func() { c.work = newBudget() })
	return c.work
}

// MatchPassword returns the index of the first password that the file's
// MAC accepts, or -1 when none does or the file has no MAC. It costs the
// MAC's key derivation per password (from the shared budget) and decrypts
// nothing: a caller with several candidate passwords opens with the right
// one first, so that the wrong ones do not each pay for the damage check.
func (c *Container) MatchPassword(passwords []string) int {
	if c == nil || c.mac == nil {
		return -1
	}
	work := c.budget()
	for i, pw := range passwords {
		for j, v := range passwordVariants(pw) {
			good, err := verifyMAC(c.mac, v, c.macMsg, work)
			if err != nil {
				return -1
			}
			if good {
				c.mu.Lock()
				c.matched, c.matchedVariant, c.hasMatch = pw, j, true
				c.mu.Unlock()
				return i
			}
		}
	}
	return -1
}

// macMatched returns the password variant that MatchPassword found the
// MAC to accept for pw, or -1: Open then does not derive the MAC key again.
func (c *Container) macMatched(pw string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.hasMatch && c.matched == pw {
		return c.matchedVariant
	}
	return -1
}

// provesDamage reports whether a password that decrypts the key while the
// MAC fails proves the file damaged. It does not when the password ends in
// a zero character: HMAC pads its key with zeros, so PBKDF2 (which encrypts
// the key) gives "pw" and "pw\x00" the same key while the PKCS#12 MAC does
// not; such a password is simply wrong.
func provesDamage(pw string) bool {
	return !strings.HasSuffix(pw, "\x00")
}

// cmpOr returns a if it is not nil, else b.
func cmpOr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

// tryPasswords decrypts with each password encoding in turn until one gives
// plaintext that use accepts. It returns errDecrypt if none does, or the
// first error that is not about the password (unsupported, malformed).
func tryPasswords(alg pkix.AlgorithmIdentifier, data []byte, variants []password, work *budget, use func([]byte) error) error {
	pbes2 := alg.Algorithm.Equal(oidPBES2)
	tried := map[string]bool{}
	var damaged error
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
			switch CodeOf(err) {
			case CodeUnsupported, CodeTooCostly:
				return err
			case CodeDamagedKey:
				// A key that is a well-formed PKCS#8 structure of a known
				// type does not come from a wrong password's garbage.
				damaged = cmpOr(damaged, err)
			}
			continue // garbage from a wrong key that happened to end in valid padding
		}
		return nil
	}
	if damaged != nil {
		return damaged
	}
	return errDecrypt
}

// passwordDecrypts reports whether the password decrypts the first
// encrypted item (a key, else an encrypted block): used when the MAC fails,
// to tell a damaged file from a wrong password. The only error is running
// out of the key-derivation budget.
func (c *Container) passwordDecrypts(variants []password, work *budget) (bool, error) {
	for _, s := range c.safes {
		if s.encrypted {
			continue
		}
		found := false
		var err error
		_ = walkBags(s.bags, 0, func(b *safeBag) error {
			if found || !b.ID.Equal(oidShroudedKeyBag) {
				return nil
			}
			var ek encryptedPrivateKeyInfo
			if unmarshalExact(b.Value.Bytes, &ek) != nil {
				return nil
			}
			found = true
			err = tryPasswords(ek.Algorithm, ek.Data, variants, work, func(plain []byte) error {
				_, err := parseKey(plain, work)
				return err
			})
			return nil
		})
		if found {
			return decided(err)
		}
	}
	for _, s := range c.safes {
		if s.encrypted {
			return decided(tryPasswords(s.alg, s.ciphertext, variants, work, func(plain []byte) error {
				_, _, err := parseSafeContents(plain)
				return err
			}))
		}
	}
	return false, nil
}

// decided turns tryPasswords' answer into passwordDecrypts': decrypted or
// not, or out of budget.
func decided(err error) (bool, error) {
	if CodeOf(err) == CodeTooCostly {
		return false, err
	}
	return err == nil, nil
}

var knownKeyAlgorithms = map[string]bool{
	"1.2.840.113549.1.1.1":  true, // RSA
	"1.2.840.113549.1.1.10": true, // RSASSA-PSS
	"1.2.840.10045.2.1":     true, // EC
	"1.3.101.112":           true, // Ed25519
	"1.3.101.110":           true, // X25519
}

// parseKey reads a PKCS#8 private key and checks it in full (checkKey).
// Bytes that are not PKCS#8 at all give errDecrypt (what a wrong key
// produces); a readable PKCS#8 structure with an unknown algorithm gives
// CodeUnsupported; a key of a known type that does not hold together
// CodeDamagedKey.
//
// The check is paid from the file's budget: an RSA signature costs about
// the cube of the modulus length, so a file of huge keys is refused with
// CodeTooCostly rather than checked for seconds.
func parseKey(plain []byte, work *budget) (crypto.PrivateKey, error) {
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
	if err := work.spendKey(keyOctets); err != nil {
		return nil, err
	}
	if algo.Algorithm.Equal(oidRSA) {
		key, judged, err := parseRSAKey(keyOctets)
		if err != nil {
			return nil, newError(CodeDamagedKey, "the private key is damaged: %v", err)
		}
		if judged {
			return key, nil
		}
	}
	key, err := x509.ParsePKCS8PrivateKey(der)
	if err != nil {
		if !knownKeyAlgorithms[algo.Algorithm.String()] {
			return nil, unsupported("private key type %s is not supported", algo.Algorithm)
		}
		return nil, newError(CodeDamagedKey, "the private key is damaged: %v", err)
	}
	if err := checkKey(key); err != nil {
		return nil, newError(CodeDamagedKey, "the private key is damaged: %v", err)
	}
	return key, nil
}

// checkKey makes a signature with an elliptic-curve key and verifies it
// with the key's public half. An RSA key is not signed with: crypto/x509
// has already had crypto/rsa check its values against each other (N = PQ,
// the private exponent against the public one, the CRT values), which is
// what a damaged key fails (testpki.DamagedKeyPFX), and an RSA 3072
// signature cost inspect a third of its time (issue 24, 13). Keys that
// cannot sign (X25519) pass.
func checkKey(key crypto.PrivateKey) error {
	digest := sha256.Sum256([]byte("fornyer key check"))
	switch k := key.(type) {
	case *ecdsa.PrivateKey:
		sig, err := ecdsa.SignASN1(rand.Reader, k, digest[:])
		if err != nil {
			return err
		}
		if !ecdsa.VerifyASN1(&k.PublicKey, digest[:], sig) {
			return errors.New("a signature made with the key does not verify")
		}
	case ed25519.PrivateKey:
		sig := ed25519.Sign(k, digest[:])
		if !ed25519.Verify(k.Public().(ed25519.PublicKey), digest[:], sig) {
			return errors.New("a signature made with the key does not verify")
		}
	}
	return nil
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
