// Package inspect owns the verdict on a certificate file: it reads the file
// through core/pfx, classifies and verifies the certificate through
// core/oces, and returns a Report whose Findings carry stable codes,
// severities and a plain sentence in the language asked for (core/msg's
// catalogues, Danish and English) saying what is wrong and what to do.
// The JSON of a Report is the `fornyer inspect --json` contract (README,
// "The command line"). It never sees a password except to try it, and
// reports only which of the passwords worked, never the password.
package inspect

import (
	"sort"
	"time"

	"github.com/fornyer/fornyer/core/msg"
)

// Verdicts.
const (
	VerdictReady      = "ready"
	VerdictProblems   = "problems"
	VerdictUnreadable = "unreadable"
)

// Severities.
const (
	SeverityError   = "error"
	SeverityWarning = "warning"
	SeverityInfo    = "info"
)

// Finding codes (stable: scripts and the window depend on them).
const (
	CodeUnreadableFile        = "unreadable_file"
	CodeTooLarge              = "too_large"
	CodeUnrecognizedFormat    = "unrecognized_format"
	CodeCorrupt               = "corrupt"
	CodeWrongPassword         = "wrong_password"
	CodeUnsupportedEncryption = "unsupported_encryption"
	CodeNoPrivateKey          = "no_private_key"
	CodeNoCertificate         = "no_certificate"
	CodeKeyMismatch           = "key_mismatch"
	CodeMultipleKeys          = "multiple_keys"
	CodeExpired               = "expired"
	CodeNotYetValid           = "not_yet_valid"
	CodeUntrustedChain        = "untrusted_chain"
	CodeNotOCES               = "not_oces"
	CodeOCES2                 = "oces2"
	CodeWeakKey               = "weak_key"
	CodeExpiresSoon           = "expires_soon"
	CodeTestCertificate       = "test_certificate"
	CodeEmptyPassword         = "empty_password"
	CodeLegacyEncryption      = "legacy_encryption"
	// CodeTooCostly: the file asks for far more work to open than any real
	// file (a forged iteration count, thousands of bags); refused unopened.
	CodeTooCostly = "too_costly"
	// CodeDamagedKey: the file opens, but its private key is damaged (its
	// values disagree or it cannot sign): it cannot be installed.
	CodeDamagedKey = "damaged_key"
	// CodeTrailingData: bytes after the end of the certificate file (a
	// warning: the certificate is read, but the file is not as issued).
	CodeTrailingData = "trailing_data"
	// CodeIssuerCertificate: the file holds only a certificate authority's
	// certificate (the Danish state's OCES CA, or another issuer's), not an
	// organisation's; it takes the place of no_private_key for such a file.
	CodeIssuerCertificate = "issuer_certificate"
)

// ExpiresSoonDays is the horizon of the expires_soon warning.
const ExpiresSoonDays = 60

// order lists the codes most important first, which is the order of a
// report's findings: the window shows the first error as its big line, so a
// file that cannot be opened says so before anything about its content, and
// a missing key comes before the certificate's dates.
var order = []string{
	CodeUnreadableFile, CodeTooLarge, CodeUnrecognizedFormat, CodeCorrupt,
	CodeTooCostly, CodeUnsupportedEncryption, CodeWrongPassword,
	CodeNoCertificate, CodeDamagedKey, CodeIssuerCertificate, CodeNoPrivateKey, CodeKeyMismatch, CodeMultipleKeys,
	CodeExpired, CodeNotYetValid, CodeOCES2, CodeNotOCES, CodeUntrustedChain, CodeWeakKey,
	CodeExpiresSoon, CodeTestCertificate, CodeEmptyPassword, CodeTrailingData,
	CodeLegacyEncryption,
}

var severity = map[string]string{
	CodeExpiresSoon:      SeverityWarning,
	CodeTestCertificate:  SeverityWarning,
	CodeEmptyPassword:    SeverityWarning,
	CodeTrailingData:     SeverityWarning,
	CodeLegacyEncryption: SeverityInfo,
}

// Severity returns a code's severity; every code not named a warning or
// info is an error.
func Severity(code string) string {
	if s, ok := severity[code]; ok {
		return s
	}
	return SeverityError
}

// openingCodes are the codes that mean the file could not be opened.
var openingCodes = map[string]bool{
	CodeUnreadableFile: true, CodeTooLarge: true, CodeUnrecognizedFormat: true,
	CodeCorrupt: true, CodeWrongPassword: true, CodeUnsupportedEncryption: true,
	CodeTooCostly: true,
}

// Finding is one thing the inspection found.
type Finding struct {
	Code     string `json:"code"`
	Severity string `json:"severity"`
	// Title is a short line for the window's big line.
	Title string `json:"title"`
	// Message says what is wrong and what to do, in plain words.
	Message string `json:"message"`
	// Detail is the technical reason, in English, for "Technical details"
	// (from core/pfx, which never puts the password in an error).
	Detail string `json:"detail,omitempty"`
	// Key is the catalogue key of Message ("inspect.finding.<code>" or a
	// more precise variant); Key+".title" is the title's. Data fills their
	// templates, so the window can render them again in another language.
	Key  string         `json:"-"`
	Data map[string]any `json:"-"`
}

// Certificate is the facts of the certificate the file is about (the one
// that matches the key, or the end-entity certificate when there is no key).
type Certificate struct {
	Subject      string    `json:"subject"`
	Issuer       string    `json:"issuer"`
	Serial       string    `json:"serial"` // lower-case hex
	Organization string    `json:"organization"`
	CVR          string    `json:"cvr"`
	UUID         string    `json:"uuid"`
	CommonName   string    `json:"common_name"`
	Generation   string    `json:"generation"`
	Environment  string    `json:"environment"`
	Kind         string    `json:"kind"`
	NotBefore    time.Time `json:"not_before"` // UTC, RFC 3339
	NotAfter     time.Time `json:"not_after"`
	DaysLeft     int       `json:"days_left"` // whole days until NotAfter; negative when expired
	KeyAlgorithm string    `json:"key_algorithm"`
	KeyBits      int       `json:"key_bits"`
	SHA256       string    `json:"sha256"` // of the DER certificate, lower-case hex
	SHA1         string    `json:"sha1"`
	// Verified is false when the certificate was read without the password
	// (an unencrypted certificate in a file the password did not open), so
	// nothing vouches that it belongs with the file's key.
	Verified bool `json:"verified"`
}

// ChainCert is one certificate above the leaf.
type ChainCert struct {
	Subject  string    `json:"subject"`
	Issuer   string    `json:"issuer"`
	NotAfter time.Time `json:"not_after"`
}

// Protection is how a PKCS#12 file is protected (technical details).
type Protection struct {
	Encoding              string `json:"encoding"` // "DER" or "BER"
	MAC                   string `json:"mac"`
	MACIterations         int    `json:"mac_iterations"`
	KeyEncryption         string `json:"key_encryption"`
	CertificateEncryption string `json:"certificate_encryption"`
	Iterations            int    `json:"iterations"`
	CertificateIterations int    `json:"certificate_iterations"`
	Legacy                bool   `json:"legacy"`
	AES                   bool   `json:"aes"`
}

// The formats a file is recognised as (Report.Format).
const (
	FormatPKCS12      = "pkcs12"      // a .p12/.pfx: certificate and key
	FormatCertificate = "certificate" // a certificate alone (.cer, PEM)
)

// Report is the result of inspecting one file.
type Report struct {
	File       string    `json:"file"`
	FileSHA256 string    `json:"file_sha256"`
	Verdict    string    `json:"verdict"`
	Findings   []Finding `json:"findings"`
	// Certificate is nil when no certificate could be read.
	Certificate *Certificate `json:"certificate"`
	// Chain is the certificates above the leaf, nearest first: the verified
	// path up to the trust anchor, or else the file's other certificates.
	Chain        []ChainCert `json:"chain"`
	ChainTrusted bool        `json:"chain_trusted"`
	KeyMatches   bool        `json:"key_matches"`
	// Protection is nil for certificate files and unreadable files.
	Protection *Protection `json:"protection"`
	// Format is FormatPKCS12, FormatCertificate or "" (not recognised).
	Format string `json:"format"`
	// PasswordIndex is the index in Options.Passwords of the password that
	// opened the file, or -1.
	PasswordIndex int `json:"password_index"`
	// Lang is the language of the messages.
	Lang string `json:"lang"`
}

// Ready reports whether the file can be installed in DPG (warnings allowed).
func (r *Report) Ready() bool { return r.Verdict == VerdictReady }

// Opened reports whether the file could be opened.
func (r *Report) Opened() bool { return r.Verdict != VerdictUnreadable }

// Has reports whether the report has a finding with the code.
func (r *Report) Has(code string) bool { return r.Finding(code) != nil }

// Finding returns the finding with the code, or nil.
func (r *Report) Finding(code string) *Finding {
	for i := range r.Findings {
		if r.Findings[i].Code == code {
			return &r.Findings[i]
		}
	}
	return nil
}

// Codes returns the codes of the findings in order.
func (r *Report) Codes() []string {
	out := make([]string, len(r.Findings))
	for i, f := range r.Findings {
		out[i] = f.Code
	}
	return out
}

// FirstError returns the most important error, or nil when there is none.
func (r *Report) FirstError() *Finding {
	for i := range r.Findings {
		if r.Findings[i].Severity == SeverityError {
			return &r.Findings[i]
		}
	}
	return nil
}

// add records a finding with the message of its code (or of a variant key).
func (r *Report) add(code string, data map[string]any) {
	r.addKey(code, "inspect.finding."+code, data)
}

func (r *Report) addKey(code, key string, data map[string]any) {
	if r.Has(code) {
		return
	}
	r.Findings = append(r.Findings, Finding{
		Code:     code,
		Severity: Severity(code),
		Title:    msg.T(r.Lang, key+".title", data),
		Message:  msg.T(r.Lang, key, data),
		Key:      key,
		Data:     data,
	})
}

// detail attaches err's text to the last finding added.
func (r *Report) detail(err error) {
	if err != nil && len(r.Findings) > 0 {
		r.Findings[len(r.Findings)-1].Detail = err.Error()
	}
}

// finish orders the findings and sets the verdict.
func (r *Report) finish() {
	rank := map[string]int{}
	for i, c := range order {
		rank[c] = i
	}
	sevRank := map[string]int{SeverityError: 0, SeverityWarning: 1, SeverityInfo: 2}
	sort.SliceStable(r.Findings, func(i, j int) bool {
		a, b := r.Findings[i], r.Findings[j]
		if sevRank[a.Severity] != sevRank[b.Severity] {
			return sevRank[a.Severity] < sevRank[b.Severity]
		}
		return rank[a.Code] < rank[b.Code]
	})
	r.Verdict = VerdictReady
	for _, f := range r.Findings {
		if openingCodes[f.Code] {
			r.Verdict = VerdictUnreadable
			return
		}
		if f.Severity == SeverityError {
			r.Verdict = VerdictProblems
		}
	}
}
