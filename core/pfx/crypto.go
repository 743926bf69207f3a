package pfx

// The password-based cryptography of PKCS#12: the PKCS#12 key derivation
// (RFC 7292 appendix B) for the legacy PBE schemes and the classic MAC,
// PBES2/PBKDF2 (RFC 8018) and PBMAC1 (RFC 9579). Every scheme is described
// in plain words for the protection report before the password is known.

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/des"
	"crypto/hmac"
	"crypto/md5"
	"crypto/rc4"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/x509/pkix"
	"encoding/asn1"
	"errors"
	"hash"
	"sync/atomic"
	"unicode/utf16"
	"unicode/utf8"
)

// maxIterations bounds the iteration count of one derivation. Real files use
// 1 to a few hundred thousand; a forged count of two billion is refused
// before any work. A variable so that the fuzz test can lower it.
var maxIterations = 10_000_000

// maxWork is the key-derivation work one file may cause, over every
// derivation and every password tried, in units of one compression of a
// hash with a 64-byte block (SHA-1, SHA-224, SHA-256); others count more
// (hashSpec.cost). BenchmarkWorstBudget spends all of it with each digest:
// 0.27 to 0.35 s of processor time here (about 0.08 µs a unit with the
// processor's SHA instructions); a processor without them is about three
// times slower for SHA-256, so about a second there. It leaves room for
// real exports: OpenSSL's default file (2,048 iterations of SHA-256 for
// the MAC, the key and the certificates) costs about 30,000 units with the
// key check, a file with 600,000 iterations about 3.6 million.
// A variable so that tests can lower it.
var maxWork int64 = 4_000_000

// budget bounds the key-derivation work of one file (a Container) over all
// bags, password encodings and passwords tried, so that neither a forged
// iteration count nor thousands of bags nor a list of saved passwords can
// hold the machine. It is safe for concurrent use.
type budget struct{ left atomic.Int64 }

func newBudget() *budget {
	b := &budget{}
	b.left.Store(maxWork)
	return b
}

// spend takes the cost of compressions compressions of h from the budget,
// before the work is done, or refuses with CodeTooCostly.
func (b *budget) spend(h hashSpec, compressions int64) error {
	if b.left.Add(-compressions*h.cost) < 0 {
		return newError(CodeTooCostly, "the file asks for more key-derivation work than this program does for one file")
	}
	return nil
}

// keyCheckUnit is the budget cost of reading and checking (one signature)
// an RSA key of 2048 bits, about a millisecond here; a key of n bits costs
// (n/2048)^3 of it. Elliptic-curve keys cost one unit.
const keyCheckUnit = 2500

// maxKeyEncoding bounds an encoded private key: an RSA key of 16,384 bits,
// four times the largest in use, takes under 10 KiB.
const maxKeyEncoding = 16 << 10

// spendKey takes the cost of reading and checking a private key from the
// budget, judged from the size of its encoding (the modulus dominates an
// RSA key's), before the work.
func (b *budget) spendKey(encoded []byte) error {
	// A key this large is no real key, and its cube would overflow the
	// sum below: refused before any arithmetic.
	if len(encoded) > maxKeyEncoding {
		return newError(CodeTooCostly, "the file's keys ask for more work than this program does for one file")
	}
	bits := int64(len(encoded)) * 8 / 4 // an RSA key holds about four moduli's worth
	cost := keyCheckUnit * bits * bits * bits / (2048 * 2048 * 2048)
	if b.left.Add(-max(cost, 1)) < 0 {
		return newError(CodeTooCostly, "the file's keys ask for more work than this program does for one file")
	}
	return nil
}

// pbkdf2Cost is the number of compressions of PBKDF2-HMAC-h: per output
// block two per iteration (inner and outer hash) and a few for the salt.
func pbkdf2Cost(h hashSpec, iter, keyLen, saltLen int) int64 {
	blocks := int64((keyLen + h.u - 1) / h.u)
	first := int64((saltLen+4+h.v-1)/h.v + 2)
	return 2 + blocks*(2*int64(iter)+first)
}

// p12KDFCost is the number of compressions of the PKCS#12 KDF: per output
// block one per iteration after the first, which hashes D and I.
func p12KDFCost(h hashSpec, iter, size, saltLen, passLen int) int64 {
	blocks := int64((size + h.u - 1) / h.u)
	fill := func(n int) int { return (n + h.v - 1) / h.v * h.v }
	first := int64((h.v+fill(saltLen)+fill(passLen))/h.v + 1)
	return blocks * (int64(iter) + first)
}

var (
	oidPBEWithSHAAnd128BitRC4        = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 1, 1}
	oidPBEWithSHAAnd40BitRC4         = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 1, 2}
	oidPBEWithSHAAnd3KeyTripleDESCBC = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 1, 3}
	oidPBEWithSHAAnd2KeyTripleDESCBC = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 1, 4}
	oidPBEWithSHAAnd128BitRC2CBC     = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 1, 5}
	oidPBEWithSHAAnd40BitRC2CBC      = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 1, 6}
	oidPBES2                         = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 13}
	oidPBKDF2                        = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 12}
	oidPBMAC1                        = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 14}
	oidAES128CBC                     = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 2}
	oidAES192CBC                     = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 22}
	oidAES256CBC                     = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 42}
	oidDESEDE3CBC                    = asn1.ObjectIdentifier{1, 2, 840, 113549, 3, 7}
	oidDESCBC                        = asn1.ObjectIdentifier{1, 3, 14, 3, 2, 7}
)

// hashSpec is a digest with the sizes the PKCS#12 KDF needs.
type hashSpec struct {
	name string
	new  func() hash.Hash
	u, v int       // output and block size in bytes
	fast *fastHash // the fast key derivations, nil if none
	// cost is the work of one compression in budget units (see maxWork):
	// 1 for a 64-byte block, 4 for a 128-byte one (SHA-512 has no
	// instruction of its own), 2 for MD5 (no fast path).
	cost int64
}

var (
	hMD5       = hashSpec{"MD5", md5.New, 16, 64, nil, 2}
	hSHA1      = hashSpec{"SHA-1", sha1.New, 20, 64, fastSHA1, 1}
	hSHA224    = hashSpec{"SHA-224", sha256.New224, 28, 64, fastSHA224, 1}
	hSHA256    = hashSpec{"SHA-256", sha256.New, 32, 64, fastSHA256, 1}
	hSHA384    = hashSpec{"SHA-384", sha512.New384, 48, 128, fastSHA384, 4}
	hSHA512    = hashSpec{"SHA-512", sha512.New, 64, 128, fastSHA512, 4}
	hSHA512224 = hashSpec{"SHA-512/224", sha512.New512_224, 28, 128, fastSHA512224, 4}
	hSHA512256 = hashSpec{"SHA-512/256", sha512.New512_256, 32, 128, fastSHA512256, 4}
)

// digestByOID: the MAC digests of classic PKCS#12.
func digestByOID(oid asn1.ObjectIdentifier) (hashSpec, bool) {
	switch oid.String() {
	case "1.2.840.113549.2.5":
		return hMD5, true
	case "1.3.14.3.2.26":
		return hSHA1, true
	case "2.16.840.1.101.3.4.2.4":
		return hSHA224, true
	case "2.16.840.1.101.3.4.2.1":
		return hSHA256, true
	case "2.16.840.1.101.3.4.2.2":
		return hSHA384, true
	case "2.16.840.1.101.3.4.2.3":
		return hSHA512, true
	case "2.16.840.1.101.3.4.2.5":
		return hSHA512224, true
	case "2.16.840.1.101.3.4.2.6":
		return hSHA512256, true
	}
	return hashSpec{}, false
}

// hmacByOID: the PRFs of PBKDF2 and the MACs of PBMAC1. An absent
// algorithm means HMAC-SHA-1 (the ASN.1 default).
func hmacByOID(oid asn1.ObjectIdentifier) (hashSpec, bool) {
	if len(oid) == 0 {
		return hSHA1, true
	}
	switch oid.String() {
	case "1.2.840.113549.2.7":
		return hSHA1, true
	case "1.2.840.113549.2.8":
		return hSHA224, true
	case "1.2.840.113549.2.9":
		return hSHA256, true
	case "1.2.840.113549.2.10":
		return hSHA384, true
	case "1.2.840.113549.2.11":
		return hSHA512, true
	case "1.2.840.113549.2.12":
		return hSHA512224, true
	case "1.2.840.113549.2.13":
		return hSHA512256, true
	}
	return hashSpec{}, false
}

// password is one way of encoding the user's password: bmp for the PKCS#12
// KDF (big-endian UTF-16 with a two-zero-byte terminator), text (UTF-8) for
// PBKDF2.
type password struct {
	bmp  []byte
	text string
}

// passwordVariants returns the encodings to try, best first. Software
// disagrees on two points: the empty password is either a lone terminator
// or no bytes at all; and OpenSSL before 1.1 took a password typed on a
// UTF-8 terminal byte by byte, as if it were Latin-1, so "Æ" became two
// characters. OpenSSL 3 tries the same alternatives.
func passwordVariants(pw string) []password {
	vs := []password{{bmp: bmpString(pw), text: pw}}
	if pw == "" {
		vs = append(vs, password{bmp: nil, text: ""})
	}
	if !isASCII(pw) {
		latin := make([]byte, 0, 2*len(pw)+2)
		for i := 0; i < len(pw); i++ {
			latin = append(latin, 0, pw[i])
		}
		vs = append(vs, password{bmp: append(latin, 0, 0), text: pw})
	}
	return vs
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// bmpString encodes s as big-endian UTF-16 with a zero terminator.
// Characters outside the BMP become surrogate pairs, as OpenSSL does.
func bmpString(s string) []byte {
	out := make([]byte, 0, 2*utf8.RuneCountInString(s)+2)
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u>>8), byte(u))
	}
	return append(out, 0, 0)
}

// scheme is an encryption or MAC algorithm as found in a file.
type scheme struct {
	Label      string // plain words, e.g. "AES-256-CBC (PBES2, PBKDF2-HMAC-SHA-256)"
	Iterations int
	Legacy     bool  // PKCS#12 PBE (RC2, RC4, 3DES) or PBES2 with DES
	AES        bool  // PBES2 with AES
	Err        error // *Error when it cannot be used (unsupported, malformed)
}

type pbeParams struct {
	Salt       []byte
	Iterations int
}

type pbes2Params struct {
	KDF, Enc pkix.AlgorithmIdentifier
}

type pbkdf2Params struct {
	Salt       asn1.RawValue
	Iterations int
	KeyLength  int                      `asn1:"optional"`
	PRF        pkix.AlgorithmIdentifier `asn1:"optional"`
}

type pbmac1Params struct {
	KDF, MAC pkix.AlgorithmIdentifier
}

// legacyPBE describes the PKCS#12 PBE schemes.
type legacyPBE struct {
	label, short string
	keyLen       int
	block        func(key []byte) (cipher.Block, error) // nil for RC4
}

func legacyByOID(oid asn1.ObjectIdentifier) (legacyPBE, bool) {
	switch {
	case oid.Equal(oidPBEWithSHAAnd3KeyTripleDESCBC):
		return legacyPBE{"3DES", "PBE-SHA1-3DES", 24, des.NewTripleDESCipher}, true
	case oid.Equal(oidPBEWithSHAAnd2KeyTripleDESCBC):
		return legacyPBE{"2-key 3DES", "PBE-SHA1-2DES", 16, func(k []byte) (cipher.Block, error) {
			return des.NewTripleDESCipher(append(append([]byte{}, k...), k[:8]...))
		}}, true
	case oid.Equal(oidPBEWithSHAAnd40BitRC2CBC):
		return legacyPBE{"RC2-40", "PBE-SHA1-RC2-40", 5, func(k []byte) (cipher.Block, error) { return newRC2(k, 40), nil }}, true
	case oid.Equal(oidPBEWithSHAAnd128BitRC2CBC):
		return legacyPBE{"RC2-128", "PBE-SHA1-RC2-128", 16, func(k []byte) (cipher.Block, error) { return newRC2(k, 128), nil }}, true
	case oid.Equal(oidPBEWithSHAAnd40BitRC4):
		return legacyPBE{"RC4-40", "PBE-SHA1-RC4-40", 5, nil}, true
	case oid.Equal(oidPBEWithSHAAnd128BitRC4):
		return legacyPBE{"RC4-128", "PBE-SHA1-RC4-128", 16, nil}, true
	}
	return legacyPBE{}, false
}

type pbes2Cipher struct {
	name   string
	keyLen int
	ivLen  int
	block  func(key []byte) (cipher.Block, error)
	aes    bool
}

func pbes2CipherByOID(oid asn1.ObjectIdentifier) (pbes2Cipher, bool) {
	switch {
	case oid.Equal(oidAES256CBC):
		return pbes2Cipher{"AES-256-CBC", 32, 16, aes.NewCipher, true}, true
	case oid.Equal(oidAES192CBC):
		return pbes2Cipher{"AES-192-CBC", 24, 16, aes.NewCipher, true}, true
	case oid.Equal(oidAES128CBC):
		return pbes2Cipher{"AES-128-CBC", 16, 16, aes.NewCipher, true}, true
	case oid.Equal(oidDESEDE3CBC):
		return pbes2Cipher{"3DES", 24, 8, des.NewTripleDESCipher, false}, true
	case oid.Equal(oidDESCBC):
		return pbes2Cipher{"DES", 8, 8, des.NewCipher, false}, true
	}
	return pbes2Cipher{}, false
}

func unsupported(format string, args ...any) *Error {
	return newError(CodeUnsupported, format, args...)
}

func corrupt(format string, args ...any) *Error {
	return newError(CodeCorrupt, format, args...)
}

// unmarshalDER normalises b to DER and unmarshals exactly one value.
func unmarshalDER(b []byte, v any) (changed bool, err error) {
	der, changed, err := toDERExact(b)
	if err != nil {
		return false, err
	}
	rest, err := asn1.Unmarshal(der, v)
	if err != nil {
		return false, err
	}
	if len(rest) != 0 {
		return false, errors.New("trailing data")
	}
	return changed, nil
}

func checkIterations(n int) error {
	if n < 1 {
		return corrupt("iteration count %d is invalid", n)
	}
	if n > maxIterations {
		return unsupported("iteration count %d is more than the %d this program accepts", n, maxIterations)
	}
	return nil
}

// pbkdf2Setup reads PBKDF2 parameters.
func pbkdf2Setup(alg pkix.AlgorithmIdentifier) (salt []byte, iterations, keyLen int, prf hashSpec, err error) {
	if !alg.Algorithm.Equal(oidPBKDF2) {
		return nil, 0, 0, prf, unsupported("key derivation %s is not supported", alg.Algorithm)
	}
	var p pbkdf2Params
	if _, err := unmarshalDER(alg.Parameters.FullBytes, &p); err != nil {
		return nil, 0, 0, prf, corrupt("PBKDF2 parameters: %v", err)
	}
	if p.Salt.Class != asn1.ClassUniversal || p.Salt.Tag != asn1.TagOctetString || p.Salt.IsCompound {
		return nil, 0, 0, prf, unsupported("PBKDF2 salt from another source is not supported")
	}
	prf, ok := hmacByOID(p.PRF.Algorithm)
	if !ok {
		return nil, 0, 0, prf, unsupported("PBKDF2 PRF %s is not supported", p.PRF.Algorithm)
	}
	if p.KeyLength < 0 {
		return nil, 0, 0, prf, corrupt("PBKDF2 key length %d", p.KeyLength)
	}
	return p.Salt.Bytes, p.Iterations, p.KeyLength, prf, nil
}

// describeCipher describes an encryption AlgorithmIdentifier without
// deriving any key.
func describeCipher(alg pkix.AlgorithmIdentifier) scheme {
	if l, ok := legacyByOID(alg.Algorithm); ok {
		s := scheme{Label: l.label + " (" + l.short + ")", Legacy: true}
		var p pbeParams
		if _, err := unmarshalDER(alg.Parameters.FullBytes, &p); err != nil {
			s.Err = corrupt("%s parameters: %v", l.short, err)
			return s
		}
		s.Iterations = p.Iterations
		s.Err = checkIterations(p.Iterations)
		return s
	}
	if !alg.Algorithm.Equal(oidPBES2) {
		return scheme{Label: "unknown (" + alg.Algorithm.String() + ")",
			Err: unsupported("encryption %s is not supported", alg.Algorithm)}
	}
	var p pbes2Params
	if _, err := unmarshalDER(alg.Parameters.FullBytes, &p); err != nil {
		return scheme{Label: "PBES2", Err: corrupt("PBES2 parameters: %v", err)}
	}
	c, ok := pbes2CipherByOID(p.Enc.Algorithm)
	if !ok {
		name := "unknown cipher " + p.Enc.Algorithm.String()
		if p.Enc.Algorithm.Equal(asn1.ObjectIdentifier{1, 2, 840, 113549, 3, 2}) {
			name = "RC2"
		}
		return scheme{Label: name + " (PBES2)", Legacy: true, Err: unsupported("PBES2 cipher %s is not supported", p.Enc.Algorithm)}
	}
	s := scheme{Label: c.name + " (PBES2)", Legacy: !c.aes, AES: c.aes}
	_, iter, keyLen, prf, err := pbkdf2Setup(p.KDF)
	if err != nil {
		s.Err = err
		return s
	}
	s.Label = c.name + " (PBES2, PBKDF2-HMAC-" + prf.name + ")"
	s.Iterations = iter
	if err := checkIterations(iter); err != nil {
		s.Err = err
	} else if keyLen != 0 && keyLen != c.keyLen {
		s.Err = corrupt("PBES2 key length %d does not fit %s", keyLen, c.name)
	}
	return s
}

// errDecrypt means the ciphertext did not decrypt to something valid: the
// password is wrong, or (when the MAC says it is right) the file is damaged.
var errDecrypt = errors.New("decryption failed")

// decrypt decrypts data encrypted with alg under the password.
func decrypt(alg pkix.AlgorithmIdentifier, pw password, data []byte, work *budget) ([]byte, error) {
	if s := describeCipher(alg); s.Err != nil {
		return nil, s.Err
	}
	var block cipher.Block
	var iv []byte
	if l, ok := legacyByOID(alg.Algorithm); ok {
		var p pbeParams
		if _, err := unmarshalDER(alg.Parameters.FullBytes, &p); err != nil {
			return nil, corrupt("PBE parameters: %v", err)
		}
		// The key, and for a block cipher the IV, are derived separately.
		cost := p12KDFCost(hSHA1, p.Iterations, l.keyLen, len(p.Salt), len(pw.bmp))
		if l.block != nil {
			cost += p12KDFCost(hSHA1, p.Iterations, 8, len(p.Salt), len(pw.bmp))
		}
		if err := work.spend(hSHA1, cost); err != nil {
			return nil, err
		}
		key := p12KDF(hSHA1, p.Salt, pw.bmp, p.Iterations, 1, l.keyLen)
		if l.block == nil { // RC4: a stream cipher, no padding
			c, err := rc4.NewCipher(key)
			if err != nil {
				return nil, corrupt("RC4: %v", err)
			}
			out := make([]byte, len(data))
			c.XORKeyStream(out, data)
			return out, nil
		}
		var err error
		if block, err = l.block(key); err != nil {
			return nil, corrupt("%s: %v", l.label, err)
		}
		iv = p12KDF(hSHA1, p.Salt, pw.bmp, p.Iterations, 2, block.BlockSize())
	} else {
		var p pbes2Params
		if _, err := unmarshalDER(alg.Parameters.FullBytes, &p); err != nil {
			return nil, corrupt("PBES2 parameters: %v", err)
		}
		c, _ := pbes2CipherByOID(p.Enc.Algorithm)
		salt, iter, _, prf, err := pbkdf2Setup(p.KDF)
		if err != nil {
			return nil, err
		}
		if _, err := unmarshalDER(p.Enc.Parameters.FullBytes, &iv); err != nil || len(iv) != c.ivLen {
			return nil, corrupt("PBES2 IV is missing or has the wrong length")
		}
		if err := work.spend(prf, pbkdf2Cost(prf, iter, c.keyLen, len(salt))); err != nil {
			return nil, err
		}
		key, err := pbkdf2Key(prf, pw.text, salt, iter, c.keyLen)
		if err != nil {
			return nil, unsupported("PBKDF2: %v", err)
		}
		if block, err = c.block(key); err != nil {
			return nil, corrupt("%s: %v", c.name, err)
		}
	}
	bs := block.BlockSize()
	if len(data) == 0 || len(data)%bs != 0 {
		return nil, corrupt("encrypted data of %d bytes is not whole blocks", len(data))
	}
	out := make([]byte, len(data))
	cipher.NewCBCDecrypter(block, iv).CryptBlocks(out, data)
	n := int(out[len(out)-1])
	if n == 0 || n > bs {
		return nil, errDecrypt
	}
	for _, b := range out[len(out)-n:] {
		if int(b) != n {
			return nil, errDecrypt
		}
	}
	return out[:len(out)-n], nil
}

// macData is the classic PKCS#12 integrity check.
type macData struct {
	Mac struct {
		Algorithm pkix.AlgorithmIdentifier
		Digest    []byte
	}
	MacSalt    []byte
	Iterations int `asn1:"optional,default:1"`
}

// describeMAC describes the MAC for the protection report.
func describeMAC(m *macData) scheme {
	alg := m.Mac.Algorithm
	if alg.Algorithm.Equal(oidPBMAC1) {
		var p pbmac1Params
		if _, err := unmarshalDER(alg.Parameters.FullBytes, &p); err != nil {
			return scheme{Label: "PBMAC1", Err: corrupt("PBMAC1 parameters: %v", err)}
		}
		h, ok := hmacByOID(p.MAC.Algorithm)
		if !ok || len(p.MAC.Algorithm) == 0 {
			return scheme{Label: "PBMAC1 (" + p.MAC.Algorithm.String() + ")", Err: unsupported("PBMAC1 MAC %s is not supported", p.MAC.Algorithm)}
		}
		s := scheme{Label: "PBMAC1 (HMAC-" + h.name + ")"}
		_, iter, keyLen, _, err := pbkdf2Setup(p.KDF)
		if err != nil {
			s.Err = err
			return s
		}
		s.Iterations = iter
		s.Err = checkIterations(iter)
		// RFC 9579 requires an explicit key length; a short one would
		// let a forged MAC pass (OpenSSL's CVE-2026-34181).
		if s.Err == nil && (keyLen < 20 || keyLen > 64) {
			s.Err = unsupported("PBMAC1 key length %d is outside 20 to 64 bytes", keyLen)
		}
		return s
	}
	h, ok := digestByOID(alg.Algorithm)
	if !ok {
		return scheme{Label: "unknown (" + alg.Algorithm.String() + ")", Err: unsupported("MAC digest %s is not supported", alg.Algorithm)}
	}
	s := scheme{Label: "HMAC-" + h.name, Iterations: m.Iterations}
	s.Err = checkIterations(m.Iterations)
	return s
}

// verifyMAC reports whether the MAC matches msg under the password.
func verifyMAC(m *macData, pw password, msg []byte, work *budget) (bool, error) {
	if s := describeMAC(m); s.Err != nil {
		return false, s.Err
	}
	alg := m.Mac.Algorithm
	var key []byte
	var h hashSpec
	if alg.Algorithm.Equal(oidPBMAC1) {
		var p pbmac1Params
		if _, err := unmarshalDER(alg.Parameters.FullBytes, &p); err != nil {
			return false, corrupt("PBMAC1 parameters: %v", err)
		}
		h, _ = hmacByOID(p.MAC.Algorithm)
		salt, iter, keyLen, prf, err := pbkdf2Setup(p.KDF)
		if err != nil {
			return false, err
		}
		if err := work.spend(prf, pbkdf2Cost(prf, iter, keyLen, len(salt))); err != nil {
			return false, err
		}
		key, err = pbkdf2Key(prf, pw.text, salt, iter, keyLen)
		if err != nil {
			return false, unsupported("PBKDF2: %v", err)
		}
	} else {
		h, _ = digestByOID(alg.Algorithm)
		if err := work.spend(h, p12KDFCost(h, m.Iterations, h.u, len(m.MacSalt), len(pw.bmp))); err != nil {
			return false, err
		}
		key = p12KDF(h, m.MacSalt, pw.bmp, m.Iterations, 3, h.u)
	}
	mac := hmac.New(h.new, key)
	mac.Write(msg)
	sum := mac.Sum(nil)
	if len(m.Mac.Digest) != len(sum) {
		return false, corrupt("MAC of %d bytes, expected %d", len(m.Mac.Digest), len(sum))
	}
	return hmac.Equal(sum, m.Mac.Digest), nil
}
