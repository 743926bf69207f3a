package pfx

import (
	"bytes"
	"crypto"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"errors"
	"fmt"
	"strings"
	"sync"
)

var (
	oidData          = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 1}
	oidSignedData    = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 2}
	oidEnvelopedData = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 3}
	oidEncryptedData = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 6}

	oidKeyBag           = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 10, 1, 1}
	oidShroudedKeyBag   = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 10, 1, 2}
	oidCertBag          = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 10, 1, 3}
	oidSafeContentsBag  = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 10, 1, 6}
	oidX509Certificate  = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 22, 1}
	maxSafeContentsNest = 4
)

// Protection says how a file is protected, in words for the technical
// details. Empty strings mean "not known before the password" or "nothing
// of that kind in the file".
type Protection struct {
	Encoding      string // "DER" | "BER"
	MAC           string // e.g. "HMAC-SHA-256", "HMAC-SHA-1", "PBMAC1 (HMAC-SHA-256)", "none"
	MACIterations int
	// KeyEncryption and CertificateEncryption: "AES-256-CBC (PBES2,
	// PBKDF2-HMAC-SHA-256)", "3DES (PBE-SHA1-3DES)", "RC2-40
	// (PBE-SHA1-RC2-40)", "none"; several different ones are joined with
	// " + ". KeyEncryption is "" when no key is visible (a file without keys,
	// or keys inside encrypted data: Contents.Protection then has it).
	KeyEncryption, CertificateEncryption string
	Iterations                           int  // key encryption iterations (PBKDF2 or PKCS#12 KDF)
	CertificateIterations                int  // certificate encryption iterations
	Legacy                               bool // key or certificates use RC2/RC4/3DES/DES (PKCS#12 PBE with SHA-1)
	AES                                  bool // PBES2 AES: does not import on Windows before 10 1709 / Server 2019 nor older macOS keychains
}

// Container is a parsed PFX, before the password.
type Container struct {
	Protection  Protection
	DER         []byte              // the PFX with its outer structure in DER (the MAC-protected content is kept as it was)
	PublicCerts []*x509.Certificate // certificates in unencrypted bags, readable without the password (not verified by the MAC)
	// TrailingBytes counts bytes after the end of the PFX: the PFX is read
	// without them, but the file is not as it was issued.
	TrailingBytes int

	mac    *macData
	macMsg []byte // the bytes the MAC covers
	safes  []safe
	ber    bool

	workOnce sync.Once
	work     *budget // the key-derivation budget of all Opens (see maxWork)

	mu             sync.Mutex
	matched        string // the password MatchPassword found (compared, never shown)
	matchedVariant int
	hasMatch       bool
}

type safe struct {
	encrypted  bool
	alg        pkix.AlgorithmIdentifier
	scheme     scheme
	ciphertext []byte
	bags       []safeBag // when not encrypted
}

type pfxPDU struct {
	Version  int
	AuthSafe contentInfo
	MacData  asn1.RawValue `asn1:"optional"`
}

type contentInfo struct {
	ContentType asn1.ObjectIdentifier
	Content     asn1.RawValue `asn1:"tag:0,explicit,optional"`
}

type encryptedData struct {
	Version int
	Info    struct {
		ContentType asn1.ObjectIdentifier
		Algorithm   pkix.AlgorithmIdentifier
		Content     asn1.RawValue `asn1:"optional"` // [0] IMPLICIT OCTET STRING, primitive or (BER) constructed
	}
	UnprotectedAttrs asn1.RawValue `asn1:"optional"`
}

type safeBag struct {
	ID         asn1.ObjectIdentifier
	Value      asn1.RawValue `asn1:"tag:0,explicit"`
	Attributes asn1.RawValue `asn1:"optional"`
}

type encryptedPrivateKeyInfo struct {
	Algorithm pkix.AlgorithmIdentifier
	Data      []byte
}

type certBag struct {
	ID   asn1.ObjectIdentifier
	Data asn1.RawValue `asn1:"tag:0,explicit"`
}

// Parse reads the structure of a PFX without the password: it normalises
// BER, reports the protection and reads certificates in unencrypted bags.
// Errors: *Error with CodeUnrecognized (not a PFX), CodeCorrupt (a damaged or
// truncated PFX) or CodeUnsupported (a PFX protected in a way that cannot
// be opened with a password).
func Parse(data []byte) (c *Container, err error) {
	defer func() {
		// Parsing must never take the program down; encoding/asn1 and
		// crypto/x509 do not panic on bad input, but a bug here must not
		// either.
		if r := recover(); r != nil {
			c, err = nil, corrupt("internal error while reading the file: %v", r)
		}
	}()
	if len(data) == 0 {
		return nil, newError(CodeUnrecognized, "the file is empty")
	}
	if !looksLikePFX(data) {
		return nil, newError(CodeUnrecognized, "the file is not a PKCS#12 container")
	}
	c = &Container{}
	der, rest, changed, err := toDER(data)
	if err != nil {
		return nil, corrupt("the container structure: %v", err)
	}
	c.ber = changed
	c.TrailingBytes = len(rest)
	var pdu pfxPDU
	if rest, err := asn1.Unmarshal(der, &pdu); err != nil {
		return nil, corrupt("the container structure: %v", err)
	} else if len(rest) != 0 {
		return nil, corrupt("the container structure: trailing data")
	}
	c.DER = der
	if pdu.Version != 3 {
		return nil, unsupported("PFX version %d is not supported (only 3)", pdu.Version)
	}
	switch {
	case pdu.AuthSafe.ContentType.Equal(oidData):
	case pdu.AuthSafe.ContentType.Equal(oidSignedData):
		return nil, unsupported("the container is protected by a public-key signature, not a password")
	default:
		return nil, corrupt("the container content has type %s", pdu.AuthSafe.ContentType)
	}
	if err := unmarshalExact(pdu.AuthSafe.Content.Bytes, &c.macMsg); err != nil {
		return nil, corrupt("the container content: %v", err)
	}
	if len(pdu.MacData.FullBytes) > 0 {
		c.mac = new(macData)
		if err := unmarshalExact(pdu.MacData.FullBytes, c.mac); err != nil {
			return nil, corrupt("the integrity check (MAC): %v", err)
		}
	}
	var cis []contentInfo
	changed, err = unmarshalDER(c.macMsg, &cis)
	if err != nil {
		return nil, corrupt("the container content: %v", err)
	}
	c.ber = c.ber || changed
	for i, ci := range cis {
		s, err := c.readSafe(ci)
		if err != nil {
			return nil, prefix(err, fmt.Sprintf("content block %d: ", i+1))
		}
		c.safes = append(c.safes, s)
	}
	certs, keySchemes, err := c.scanPlainBags()
	if err != nil {
		return nil, err
	}
	c.PublicCerts = certs
	c.Protection = c.protection(keySchemes, nil)
	return c, nil
}

func prefix(err error, p string) error {
	var e *Error
	if errors.As(err, &e) {
		return &Error{Code: e.Code, Err: fmt.Errorf("%s%w", p, e.Err)}
	}
	return corrupt("%s%v", p, err)
}

func unmarshalExact(b []byte, v any) error {
	rest, err := asn1.Unmarshal(b, v)
	if err != nil {
		return err
	}
	if len(rest) != 0 {
		return errors.New("trailing data")
	}
	return nil
}

func (c *Container) readSafe(ci contentInfo) (safe, error) {
	switch {
	case ci.ContentType.Equal(oidData):
		var octets []byte
		if err := unmarshalExact(ci.Content.Bytes, &octets); err != nil {
			return safe{}, corrupt("%v", err)
		}
		bags, changed, err := parseSafeContents(octets)
		if err != nil {
			return safe{}, err
		}
		c.ber = c.ber || changed
		return safe{bags: bags}, nil
	case ci.ContentType.Equal(oidEncryptedData):
		var ed encryptedData
		if err := unmarshalExact(ci.Content.Bytes, &ed); err != nil {
			return safe{}, corrupt("encrypted data: %v", err)
		}
		if ed.Version != 0 && ed.Version != 2 {
			return safe{}, unsupported("encrypted data version %d", ed.Version)
		}
		ct := ed.Info.Content
		if len(ct.FullBytes) == 0 || ct.Class != asn1.ClassContextSpecific || ct.Tag != 0 {
			return safe{}, corrupt("encrypted data has no content")
		}
		data := ct.Bytes
		if ct.IsCompound {
			// BER: [0] IMPLICIT OCTET STRING split into chunks.
			var err error
			if data, err = joinOctets(ct.Bytes); err != nil {
				return safe{}, corrupt("encrypted data: %v", err)
			}
		}
		return safe{encrypted: true, alg: ed.Info.Algorithm, scheme: describeCipher(ed.Info.Algorithm), ciphertext: data}, nil
	case ci.ContentType.Equal(oidEnvelopedData):
		return safe{}, unsupported("part of the container is encrypted to a public key, not with a password")
	}
	return safe{}, unsupported("content type %s is not supported", ci.ContentType)
}

// joinOctets concatenates a sequence of OCTET STRINGs.
func joinOctets(b []byte) ([]byte, error) {
	var out []byte
	for len(b) > 0 {
		var chunk []byte
		rest, err := asn1.Unmarshal(b, &chunk)
		if err != nil {
			return nil, err
		}
		out = append(out, chunk...)
		b = rest
	}
	return out, nil
}

func parseSafeContents(b []byte) ([]safeBag, bool, error) {
	var bags []safeBag
	changed, err := unmarshalDER(b, &bags)
	if err != nil {
		return nil, false, corrupt("safe contents: %v", err)
	}
	return bags, changed, nil
}

// bagVisitor is called for each bag, nested safe-contents bags flattened.
type bagVisitor func(bag *safeBag) error

func walkBags(bags []safeBag, depth int, visit bagVisitor) error {
	for i := range bags {
		b := &bags[i]
		if b.ID.Equal(oidSafeContentsBag) {
			if depth >= maxSafeContentsNest {
				return corrupt("safe contents nested too deeply")
			}
			var inner []safeBag
			if err := unmarshalExact(b.Value.Bytes, &inner); err != nil {
				return corrupt("nested safe contents: %v", err)
			}
			if err := walkBags(inner, depth+1, visit); err != nil {
				return err
			}
			continue
		}
		if err := visit(b); err != nil {
			return err
		}
	}
	return nil
}

// parseCertBag returns the certificate in a certificate bag, or nil for
// certificate types other than X.509 (SDSI), which are skipped.
func parseCertBag(b *safeBag) (*x509.Certificate, error) {
	var cb certBag
	if err := unmarshalExact(b.Value.Bytes, &cb); err != nil {
		return nil, corrupt("certificate bag: %v", err)
	}
	if !cb.ID.Equal(oidX509Certificate) {
		return nil, nil
	}
	var der []byte
	if err := unmarshalExact(cb.Data.Bytes, &der); err != nil {
		return nil, corrupt("certificate bag: %v", err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, corrupt("a certificate in the file cannot be read: %v", err)
	}
	return cert, nil
}

// scanPlainBags reads what is readable without the password.
func (c *Container) scanPlainBags() (certs []*x509.Certificate, keys []scheme, err error) {
	for _, s := range c.safes {
		if s.encrypted {
			continue
		}
		err := walkBags(s.bags, 0, func(b *safeBag) error {
			switch {
			case b.ID.Equal(oidCertBag):
				if len(certs) >= MaxCertificates {
					return newError(CodeTooCostly, "the file holds more than %d certificates", MaxCertificates)
				}
				cert, err := parseCertBag(b)
				if err != nil {
					return err
				}
				if cert != nil {
					certs = append(certs, cert)
				}
			case b.ID.Equal(oidKeyBag):
				keys = append(keys, scheme{Label: "none"})
			case b.ID.Equal(oidShroudedKeyBag):
				var ek encryptedPrivateKeyInfo
				if err := unmarshalExact(b.Value.Bytes, &ek); err != nil {
					return corrupt("key bag: %v", err)
				}
				keys = append(keys, describeCipher(ek.Algorithm))
			}
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
	}
	return certs, keys, nil
}

// protection assembles the report from the key schemes seen and, after
// decryption, the schemes of keys found inside encrypted data.
func (c *Container) protection(keys []scheme, innerKeys []scheme) Protection {
	p := Protection{Encoding: "DER", MAC: "none", KeyEncryption: "", CertificateEncryption: "none"}
	if c.ber {
		p.Encoding = "BER"
	}
	if c.mac != nil {
		m := describeMAC(c.mac)
		p.MAC, p.MACIterations = m.Label, m.Iterations
	}
	var certSchemes []scheme
	for _, s := range c.safes {
		if s.encrypted {
			certSchemes = append(certSchemes, s.scheme)
		}
	}
	all := append(append([]scheme{}, keys...), innerKeys...)
	if len(all) > 0 {
		p.KeyEncryption = joinLabels(all)
		for _, k := range all {
			if k.Iterations > 0 {
				p.Iterations = k.Iterations
				break
			}
		}
	}
	if len(certSchemes) > 0 {
		p.CertificateEncryption = joinLabels(certSchemes)
		p.CertificateIterations = certSchemes[0].Iterations
	}
	for _, s := range append(all, certSchemes...) {
		p.Legacy = p.Legacy || s.Legacy
		p.AES = p.AES || s.AES
	}
	return p
}

func joinLabels(ss []scheme) string {
	var labels []string
	seen := map[string]bool{}
	for _, s := range ss {
		if !seen[s.Label] {
			seen[s.Label] = true
			labels = append(labels, s.Label)
		}
	}
	return strings.Join(labels, " + ")
}

// Contents is what the password opens.
type Contents struct {
	Keys       []crypto.PrivateKey // all private keys found, in file order
	Leaf       *x509.Certificate   // the certificate whose public key matches a key (nil if none matches)
	Chain      []*x509.Certificate // the other certificates, in file order
	Certs      []*x509.Certificate // all certificates in file order
	KeyMatches bool                // a key matches a certificate (Leaf is set)
	// Protection is the container's protection completed with what only
	// decryption shows (keys inside encrypted data, BER inside it).
	Protection Protection
	// MACVerified is true when the file has a MAC and the password
	// verified it; false for a file without MAC.
	MACVerified bool
}

// EndEntity picks the certificate most likely to be the holder's among
// certs, for when no key says which: the first that is not a CA and issued
// no other certificate in the list (one whose issuer is its subject and
// whose own subject differs); failing that, the first that issued none;
// failing that, the first. Only the first MaxCertificates are considered,
// and the work is linear in their number.
func EndEntity(certs []*x509.Certificate) *x509.Certificate {
	if len(certs) > MaxCertificates {
		certs = certs[:MaxCertificates]
	}
	issued := make(map[string]int, len(certs))
	for _, o := range certs {
		if o != nil && !bytes.Equal(o.RawIssuer, o.RawSubject) {
			issued[string(o.RawIssuer)]++
		}
	}
	issuesOther := func(c *x509.Certificate) bool { return issued[string(c.RawSubject)] > 0 }
	for _, c := range certs {
		if c != nil && !c.IsCA && !issuesOther(c) {
			return c
		}
	}
	for _, c := range certs {
		if c != nil && !issuesOther(c) {
			return c
		}
	}
	for _, c := range certs {
		if c != nil {
			return c
		}
	}
	return nil
}
