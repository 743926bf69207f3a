package inspect

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/oces"
	"github.com/fornyer/fornyer/core/pfx"
	"github.com/fornyer/fornyer/core/safetext"
)

// Options are the inputs of an inspection besides the file.
type Options struct {
	// Passwords are tried in order; nil means only the empty password.
	// The report names the index of the one that worked, never the password.
	Passwords []string
	// ExtraTrusted are further trust anchors (test environments, --trust-ca).
	ExtraTrusted []*x509.Certificate
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Lang is the language of the messages ("da" or "en"; "" means English).
	Lang string
}

func (o Options) now() time.Time {
	if o.Now != nil {
		return o.Now()
	}
	return time.Now()
}

// recoverPanics is switched off by the fuzz test, so that a panic is found
// rather than hidden.
var recoverPanics = true

// InspectFile reads the file at path (refusing folders and files over
// pfx.MaxSize before reading them whole) and inspects it.
func InspectFile(path string, opts Options) *Report {
	data, err := pfx.ReadFile(path)
	if err != nil {
		r := newReport(path, opts)
		code := pfx.CodeOf(err)
		switch {
		case code == CodeTooLarge:
			r.add(code, nil)
		case isFolder(path):
			// A folder dropped or chosen: say so, and what to do instead.
			r.addKey(CodeUnreadableFile, "inspect.finding.unreadable_file.folder", nil)
		default:
			r.add(CodeUnreadableFile, nil)
		}
		r.detail(err)
		r.finish()
		return r
	}
	return Inspect(path, data, opts)
}

func isFolder(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

func newReport(name string, opts Options) *Report {
	lang := opts.Lang
	if lang == "" {
		lang = msg.Languages[0]
	}
	return &Report{File: name, Findings: []Finding{}, Chain: []ChainCert{}, PasswordIndex: -1, Lang: lang}
}

// Inspect inspects the content of a file; name is what the report calls it.
// It never panics and never modifies data.
func Inspect(name string, data []byte, opts Options) (r *Report) {
	r = newReport(name, opts)
	sum := sha256.Sum256(data)
	r.FileSHA256 = hex.EncodeToString(sum[:])
	defer func() {
		// The readers below are written not to panic; should one still do so
		// on some unforeseen input, the user gets "damaged" rather than a crash.
		if !recoverPanics {
			return
		}
		if p := recover(); p != nil {
			r.Findings = r.Findings[:0]
			r.Certificate, r.Protection = nil, nil
			r.add(CodeCorrupt, nil)
			r.finish()
		}
	}()
	defer r.finish()

	if len(bytes.TrimSpace(data)) == 0 {
		r.addKey(CodeUnrecognizedFormat, "inspect.finding.empty_file", nil)
		return r
	}
	if len(data) > pfx.MaxSize {
		r.add(CodeTooLarge, nil)
		return r
	}
	switch pfx.Detect(data) {
	case pfx.FormatPKCS12:
		r.Format = FormatPKCS12
		inspectPKCS12(r, data, opts)
	case pfx.FormatCertificatePEM, pfx.FormatCertificateDER:
		r.Format = FormatCertificate
		certs, err := pfx.Certificates(data)
		if err != nil {
			r.add(codeOf(err), nil)
			r.detail(err)
			return r
		}
		// A certificate file has nothing to open; its certificates are as
		// good as they are, so they count as verified.
		leaf := pickLeaf(certs)
		describe(r, leaf, certs, true, opts)
		noKey(r, leaf)
	default:
		// Let the certificate reader say whether it is damaged or simply not
		// a certificate (PEM garbage, a key, random bytes).
		_, err := pfx.Certificates(data)
		switch code := codeOf(err); {
		case code == CodeCorrupt:
			r.add(code, nil)
		case certificateName(name):
			// Its name is a certificate file's already: telling it to choose
			// a file ending in .p12 would send the user round in a circle.
			r.addKey(CodeUnrecognizedFormat, "inspect.finding.unrecognized_format.named", map[string]any{"Ext": strings.ToLower(filepath.Ext(name))})
		default:
			r.add(CodeUnrecognizedFormat, nil)
		}
		r.detail(err)
	}
	return r
}

// certificateName reports whether a file's name already ends as the
// certificate file from MitID Erhverv does (.p12, or Windows' .pfx).
func certificateName(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".p12", ".pfx":
		return true
	}
	return false
}

// noKey records that the file holds a certificate without its private key.
// When that certificate is an issuer's (the state's OCES CA, or another
// authority's), the file is the wrong certificate altogether, not the
// right one missing its key, and is told so.
func noKey(r *Report, leaf *x509.Certificate) {
	switch {
	case oces.IsStateCA(leaf):
		r.addKey(CodeIssuerCertificate, "inspect.finding.issuer_certificate.state", nil)
	case oces.IsIssuer(leaf):
		info := oces.Classify(leaf)
		r.add(CodeIssuerCertificate, map[string]any{"Name": safetext.Line(oces.OwnerName(info.Organization, info.CommonName))})
	default:
		r.add(CodeNoPrivateKey, nil)
	}
}

// codeOf maps a pfx error to a finding code; an error without a code is a
// damaged file.
func codeOf(err error) string {
	switch c := pfx.CodeOf(err); c {
	case CodeUnreadableFile, CodeTooLarge, CodeUnrecognizedFormat, CodeCorrupt, CodeWrongPassword, CodeUnsupportedEncryption,
		CodeTooCostly, CodeDamagedKey:
		return c
	}
	return CodeCorrupt
}

func inspectPKCS12(r *Report, data []byte, opts Options) {
	c, err := pfx.Parse(data)
	if err != nil {
		r.add(codeOf(err), nil)
		r.detail(err)
		return
	}
	r.Protection = protection(c.Protection)
	if c.TrailingBytes > 0 {
		r.add(CodeTrailingData, map[string]any{"Count": c.TrailingBytes})
	}
	contents, openErr := openWithPasswords(r, c, opts.Passwords)
	if r.Protection.Legacy {
		r.add(CodeLegacyEncryption, nil)
	}
	if pfx.CodeOf(openErr) == CodeDamagedKey && contents != nil {
		// The file opened, but its key is unusable: say so, and still
		// describe the certificate it holds.
		r.add(CodeDamagedKey, nil)
		r.detail(openErr)
		describe(r, pickLeaf(contents.Certs), contents.Certs, true, opts)
		return
	}
	if openErr != nil {
		r.add(codeOf(openErr), nil)
		if pfx.CodeOf(openErr) != CodeWrongPassword {
			r.detail(openErr)
		}
		// Certificates stored without encryption can still be shown, marked
		// as not verified.
		if len(c.PublicCerts) > 0 {
			describe(r, pickLeaf(c.PublicCerts), c.PublicCerts, false, opts)
		}
		return
	}
	judgeContents(r, contents, opts)
}

// openWithPasswords opens the file with the first of passwords that does
// (nil: the empty password), noting which and the protection inside; the
// error is the last try's. The password the MAC accepts is tried first, so
// that the others do not each pay for telling a wrong password from damage
// (all tries share the file's work budget).
func openWithPasswords(r *Report, c *pfx.Container, passwords []string) (*pfx.Contents, error) {
	if passwords == nil {
		passwords = []string{""}
	}
	tries := make([]int, 0, len(passwords))
	if m := c.MatchPassword(passwords); m >= 0 {
		tries = append(tries, m)
	}
	for i := range passwords {
		if len(tries) == 0 || i != tries[0] {
			tries = append(tries, i)
		}
	}
	var contents *pfx.Contents
	openErr := error(&pfx.Error{Code: CodeWrongPassword})
	for _, i := range tries {
		pw := passwords[i]
		contents, openErr = c.OpenForInspection(pw)
		if contents != nil && (openErr == nil || pfx.CodeOf(openErr) == CodeDamagedKey) {
			r.PasswordIndex = i
			// The protection is complete only once the file is open (keys
			// inside encrypted data).
			r.Protection = protection(contents.Protection)
			if pw == "" || unprotected(contents.Protection) {
				r.add(CodeEmptyPassword, nil)
			}
			break
		}
		if pfx.CodeOf(openErr) != CodeWrongPassword {
			break // damaged or unsupported: another password will not help
		}
	}
	return contents, openErr
}

// judgeContents finds what is wrong with an opened file's keys and
// certificates, and describes the holder's certificate.
func judgeContents(r *Report, contents *pfx.Contents, opts Options) {
	leaf := contents.Leaf
	if leaf == nil {
		// No key matches a certificate (or there is no key): still describe
		// the holder's certificate.
		leaf = pickLeaf(contents.Certs)
	}
	switch {
	case leaf == nil:
		r.add(CodeNoCertificate, nil)
		if len(contents.Keys) > 1 {
			r.add(CodeMultipleKeys, map[string]any{"Count": len(contents.Keys)})
		}
		return
	case len(contents.Keys) == 0:
		noKey(r, leaf)
	case len(contents.Keys) > 1:
		r.add(CodeMultipleKeys, map[string]any{"Count": len(contents.Keys)})
	}
	r.KeyMatches = contents.KeyMatches && contents.Leaf != nil
	if len(contents.Keys) > 0 && !r.KeyMatches {
		r.add(CodeKeyMismatch, nil)
	}
	describe(r, leaf, contents.Certs, true, opts)
}

func protection(p pfx.Protection) *Protection {
	return &Protection{
		Encoding:              p.Encoding,
		MAC:                   p.MAC,
		MACIterations:         p.MACIterations,
		KeyEncryption:         p.KeyEncryption,
		CertificateEncryption: p.CertificateEncryption,
		Iterations:            p.Iterations,
		CertificateIterations: p.CertificateIterations,
		Legacy:                p.Legacy,
		AES:                   p.AES,
	}
}

// unprotected: no MAC and no encrypted key, so any password opens the file.
func unprotected(p pfx.Protection) bool {
	return (p.MAC == "" || p.MAC == "none") && (p.KeyEncryption == "" || p.KeyEncryption == "none")
}

// describe fills in the certificate's facts, its chain and the findings
// about the certificate itself.
func describe(r *Report, leaf *x509.Certificate, all []*x509.Certificate, verified bool, opts Options) {
	if leaf == nil {
		r.add(CodeNoCertificate, nil)
		return
	}
	now := opts.now()
	info := oces.Classify(leaf)
	s256 := sha256.Sum256(leaf.Raw)
	s1 := sha1.Sum(leaf.Raw)
	alg, bits := keyInfo(leaf)
	cert := &Certificate{
		Subject:      oces.NameString(leaf.RawSubject),
		Issuer:       oces.NameString(leaf.RawIssuer),
		Serial:       serialHex(leaf),
		Organization: info.Organization,
		CVR:          info.CVR,
		UUID:         info.UUID,
		CommonName:   info.CommonName,
		Generation:   info.Generation,
		Environment:  info.Environment,
		Kind:         info.Kind,
		NotBefore:    leaf.NotBefore.UTC(),
		NotAfter:     leaf.NotAfter.UTC(),
		DaysLeft:     oces.DaysLeft(leaf.NotAfter, now),
		KeyAlgorithm: alg,
		KeyBits:      bits,
		SHA256:       hex.EncodeToString(s256[:]),
		SHA1:         hex.EncodeToString(s1[:]),
		Verified:     verified,
	}
	r.Certificate = cert

	chain, err := oces.Verify(leaf, all, opts.ExtraTrusted, now)
	if err == nil {
		r.ChainTrusted = true
		for _, c := range chain[1:] {
			r.Chain = append(r.Chain, chainCert(c))
		}
	} else {
		for _, c := range orderChain(leaf, all) {
			r.Chain = append(r.Chain, chainCert(c))
		}
		r.add(CodeUntrustedChain, nil)
	}

	switch {
	case now.After(leaf.NotAfter):
		r.add(CodeExpired, map[string]any{"Date": msg.Date(r.Lang, leaf.NotAfter.Local())})
	case now.Before(leaf.NotBefore):
		r.add(CodeNotYetValid, map[string]any{"Date": msg.Date(r.Lang, leaf.NotBefore.Local())})
	case cert.DaysLeft <= ExpiresSoonDays:
		r.add(CodeExpiresSoon, map[string]any{"Date": msg.Date(r.Lang, leaf.NotAfter.Local()), "Days": cert.DaysLeft})
	}

	switch info.Generation {
	case "":
		r.add(CodeNotOCES, nil)
	case oces.OCES2:
		r.add(CodeOCES2, nil)
	}
	if info.Environment == oces.Test {
		r.add(CodeTestCertificate, nil)
	}
	if weakKey(alg, bits) {
		r.add(CodeWeakKey, map[string]any{"Bits": bits})
	}
}

func chainCert(c *x509.Certificate) ChainCert {
	return ChainCert{Subject: oces.NameString(c.RawSubject), Issuer: oces.NameString(c.RawIssuer), NotAfter: c.NotAfter.UTC()}
}

// daysLeft counts whole days from now until t, rounding down (negative when
// t has passed: -1 on the day after).
func serialHex(c *x509.Certificate) string {
	if c.SerialNumber == nil {
		return ""
	}
	return c.SerialNumber.Text(16)
}

func keyInfo(c *x509.Certificate) (string, int) {
	switch k := c.PublicKey.(type) {
	case *rsa.PublicKey:
		return "RSA", k.N.BitLen()
	case *ecdsa.PublicKey:
		return "ECDSA", k.Curve.Params().BitSize
	case ed25519.PublicKey:
		return "Ed25519", 256
	}
	return c.PublicKeyAlgorithm.String(), 0
}

// weakKey: RSA below 2048 bits, elliptic curves below 256 bits, anything
// unknown (DSA and the like).
func weakKey(alg string, bits int) bool {
	switch alg {
	case "RSA":
		return bits < 2048
	case "ECDSA":
		return bits < 256
	case "Ed25519":
		return false
	}
	return true
}

// pickLeaf chooses the end-entity certificate among certs (pfx.EndEntity:
// linear, the first pfx.MaxCertificates considered).
func pickLeaf(certs []*x509.Certificate) *x509.Certificate {
	return pfx.EndEntity(certs)
}

// orderChain lists the certificates other than leaf, following issuers from
// the leaf upwards first, then whatever is left in file order. Only the
// first pfx.MaxCertificates are considered; the work is linear in their
// number (a map from subject to the certificates with it, each used once).
func orderChain(leaf *x509.Certificate, all []*x509.Certificate) []*x509.Certificate {
	if len(all) > pfx.MaxCertificates {
		all = all[:pfx.MaxCertificates]
	}
	var rest []*x509.Certificate
	for _, c := range all {
		if c != nil && !bytes.Equal(c.Raw, leaf.Raw) {
			rest = append(rest, c)
		}
	}
	bySubject := make(map[string][]int, len(rest))
	for i, c := range rest {
		bySubject[string(c.RawSubject)] = append(bySubject[string(c.RawSubject)], i)
	}
	var out []*x509.Certificate
	used := make([]bool, len(rest))
	cur := leaf
	for !bytes.Equal(cur.RawIssuer, cur.RawSubject) {
		// The first unused certificate named as cur's issuer; the list of
		// a subject is consumed from the front, so each is looked at once.
		candidates := bySubject[string(cur.RawIssuer)]
		for len(candidates) > 0 && used[candidates[0]] {
			candidates = candidates[1:]
		}
		if len(candidates) == 0 {
			break
		}
		next := candidates[0]
		bySubject[string(cur.RawIssuer)] = candidates[1:]
		used[next] = true
		out = append(out, rest[next])
		cur = rest[next]
	}
	for i, c := range rest {
		if !used[i] {
			out = append(out, c)
		}
	}
	return out
}
