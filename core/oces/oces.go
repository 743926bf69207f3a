// Package oces owns Fornyer's knowledge of the Danish OCES certificates:
// which generation (OCES3 or the retired OCES2), which environment
// (production or test), which kind (organisation, system or employee), and
// the organisation, CVR number and OCES UUID a certificate names. It embeds
// the Danish state CA's public OCES3 certificates (production and test) and
// verifies chains against them.
package oces

import (
	"crypto/x509"
	"encoding/asn1"
	"strings"
	"unicode/utf16"
)

// Values of Info's fields.
const (
	OCES3 = "OCES3"
	OCES2 = "OCES2"

	Production = "production"
	Test       = "test"

	Organization = "organization"
	System       = "system"
	Employee     = "employee"
)

// Info is what a certificate says about itself in OCES terms. Empty strings
// mean "not known" (for a certificate that is not OCES, most fields are).
type Info struct {
	Generation   string // OCES3, OCES2 or ""
	Environment  string // Production, Test or ""
	Kind         string // Organization, System, Employee or ""
	Organization string // the organisation's name, without OCES2's " // CVR:..."
	CVR          string // the Danish company registration number
	UUID         string // the OCES UUID from UI:DK-O:G:<uuid> (kept on renewal)
	CommonName   string
}

// Attribute types of X.500 names.
var (
	oidCN                     = asn1.ObjectIdentifier{2, 5, 4, 3}
	oidSerialNumber           = asn1.ObjectIdentifier{2, 5, 4, 5}
	oidO                      = asn1.ObjectIdentifier{2, 5, 4, 10}
	oidOU                     = asn1.ObjectIdentifier{2, 5, 4, 11}
	oidOrganizationIdentifier = asn1.ObjectIdentifier{2, 5, 4, 97}
)

// Subject serial number prefixes of OCES3: organisation/system and employee.
const (
	prefixOrg      = "UI:DK-O:"
	prefixEmployee = "UI:DK-E:"
)

// Classify reads the OCES facts from a certificate's subject, issuer and key
// usage. It never fails: what it cannot tell stays empty.
func Classify(c *x509.Certificate) Info {
	var info Info
	if c == nil {
		return info
	}
	subj := parseName(c.RawSubject)
	iss := parseName(c.RawIssuer)

	info.CommonName = subj.first(oidCN)
	info.Organization = subj.first(oidO)
	serial := subj.first(oidSerialNumber)

	readOCES3(&info, serial, subj.first(oidOrganizationIdentifier), c.KeyUsage)
	oces2Subject := readOCES2(&info, serial)

	issuerText := strings.ToUpper(strings.Join(append(iss.all(oidCN), iss.all(oidO)...), " "))
	issuerTRUST2408 := strings.Contains(issuerText, "TRUST2408")
	issuerState := isStateCAName(iss)

	if info.Generation == "" && (issuerTRUST2408 || oces2Subject) {
		info.Generation = OCES2
	}
	if info.Generation == "" && issuerState {
		// Issued by the state CA but without the usual serial number; still OCES3.
		info.Generation = OCES3
	}
	if info.Generation == "" {
		info.Kind = ""
		return info
	}

	switch {
	case issuerState || issuerTRUST2408:
		info.Environment = Production
		if isTestIssuer(iss) {
			info.Environment = Test
		}
	}
	return info
}

// readOCES3 reads an OCES3 subject: its serialNumber UI:DK-O:G:<uuid> or
// UI:DK-E:..., and the CVR in its organizationIdentifier (id).
func readOCES3(info *Info, serial, id string, keyUsage x509.KeyUsage) {
	switch {
	case hasPrefixFold(serial, prefixOrg):
		info.Generation = OCES3
		info.UUID = uuidAfter(serial[len(prefixOrg):])
		// Organisation certificates can sign (nonRepudiation); system
		// certificates only authenticate and encrypt.
		if keyUsage&x509.KeyUsageContentCommitment != 0 {
			info.Kind = Organization
		} else {
			info.Kind = System
		}
	case hasPrefixFold(serial, prefixEmployee):
		info.Generation = OCES3
		info.Kind = Employee
		info.UUID = uuidAfter(serial[len(prefixEmployee):])
	}
	if hasPrefixFold(id, "NTRDK-") {
		info.CVR = strings.TrimSpace(id[len("NTRDK-"):])
	}
}

// readOCES2 reads an OCES2 subject, "O=<org> // CVR:<cvr>" and
// serialNumber "CVR:<cvr>-UID:|FID:|RID:..."; found reports whether the
// subject is one.
func readOCES2(info *Info, serial string) (found bool) {
	if i := strings.Index(info.Organization, "// CVR:"); i >= 0 {
		found = true
		if info.CVR == "" {
			info.CVR = digits(info.Organization[i+len("// CVR:"):])
		}
		info.Organization = strings.TrimSpace(info.Organization[:i])
	}
	if hasPrefixFold(serial, "CVR:") {
		found = true
		rest := serial[len("CVR:"):]
		if info.CVR == "" {
			info.CVR = digits(rest)
		}
		if info.Kind == "" {
			switch {
			case strings.Contains(rest, "-UID:"):
				info.Kind = Organization
			case strings.Contains(rest, "-FID:"):
				info.Kind = System
			case strings.Contains(rest, "-RID:"):
				info.Kind = Employee
			}
		}
	}
	return found
}

// IsStateCA reports whether c is one of the Danish state's own OCES3 CA
// certificates (root or issuing, production or test), by its subject: the
// issuer of organisation certificates, never one itself.
func IsStateCA(c *x509.Certificate) bool {
	return c != nil && isStateCAName(parseName(c.RawSubject))
}

// IsIssuer reports whether c is a certificate authority's certificate
// (the state's, or any other CA's): one that issues certificates to others
// rather than belonging to an organisation.
func IsIssuer(c *x509.Certificate) bool {
	return c != nil && ((c.BasicConstraintsValid && c.IsCA) || IsStateCA(c))
}

// IsStateCAName reports whether an organisation and common name, as the
// register keeps them, are one of the Danish state's OCES3 CAs': an entry
// an older version recorded, never an organisation's certificate.
func IsStateCAName(organization, commonName string) bool {
	return strings.EqualFold(strings.TrimSpace(organization), "Den Danske Stat") &&
		hasPrefixFold(strings.TrimSpace(commonName), "Den Danske Stat OCES")
}

// isStateCAName reports whether a name is one of the Danish state's OCES3 CAs
// (root or issuing, production or test), by name only.
func isStateCAName(n name) bool { return IsStateCAName(n.first(oidO), n.first(oidCN)) }

// isTestIssuer reports whether an issuer is a test CA: the OCES3 test CAs
// carry OU=Test - cti, OCES2's test CAs say "Systemtest" in their names.
func isTestIssuer(n name) bool {
	for _, v := range append(append(n.all(oidOU), n.all(oidCN)...), n.all(oidO)...) {
		l := strings.ToLower(v)
		if strings.Contains(l, "test") {
			return true
		}
	}
	return false
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// uuidAfter returns the UUID from the rest of an OCES3 serial number, such as
// "G:3f6e1a2b-..." (the "G:" names the kind of identifier).
func uuidAfter(rest string) string {
	parts := strings.Split(rest, ":")
	if len(parts) >= 2 {
		rest = parts[1]
	}
	return strings.ToLower(strings.TrimSpace(rest))
}

// digits returns the leading run of decimal digits of s, after spaces.
func digits(s string) string {
	s = strings.TrimSpace(s)
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i]
}

// name is a parsed X.500 name: attribute type and text, in order.
type name []attr

type attr struct {
	oid   asn1.ObjectIdentifier
	value string
}

func (n name) first(oid asn1.ObjectIdentifier) string {
	for _, a := range n {
		if a.oid.Equal(oid) {
			return a.value
		}
	}
	return ""
}

func (n name) all(oid asn1.ObjectIdentifier) []string {
	var out []string
	for _, a := range n {
		if a.oid.Equal(oid) {
			out = append(out, a.value)
		}
	}
	return out
}

type rawATV struct {
	Type  asn1.ObjectIdentifier
	Value asn1.RawValue
}

// rdnSET is a relative distinguished name; encoding/asn1 reads a type whose
// name ends in SET as a SET OF.
type rdnSET []rawATV

// parseName reads a raw DER name ourselves rather than trusting pkix.Name,
// which keeps only the attributes it knows in its fields and may drop or
// re-type others (organizationIdentifier comes as UTF8String or
// PrintableString). Anything it cannot read is skipped.
func parseName(raw []byte) name {
	var seq []rdnSET
	if _, err := asn1.Unmarshal(raw, &seq); err != nil {
		return nil
	}
	var out name
	for _, rdn := range seq {
		for _, a := range rdn {
			if s, ok := decodeString(a.Value); ok {
				out = append(out, attr{oid: a.Type, value: s})
			}
		}
	}
	return out
}

// decodeString turns a directory string of any of the usual types into text.
func decodeString(v asn1.RawValue) (string, bool) {
	if v.Class != asn1.ClassUniversal {
		return "", false
	}
	switch v.Tag {
	case asn1.TagUTF8String, asn1.TagPrintableString, asn1.TagIA5String, asn1.TagNumericString, 26 /* VisibleString */ :
		return strings.ToValidUTF8(string(v.Bytes), "\uFFFD"), true
	case asn1.TagT61String: // treated as Latin-1, as most of the world does
		r := make([]rune, len(v.Bytes))
		for i, b := range v.Bytes {
			r[i] = rune(b)
		}
		return string(r), true
	case asn1.TagBMPString:
		if len(v.Bytes)%2 != 0 {
			return "", false
		}
		u := make([]uint16, len(v.Bytes)/2)
		for i := range u {
			u[i] = uint16(v.Bytes[2*i])<<8 | uint16(v.Bytes[2*i+1])
		}
		return string(utf16.Decode(u)), true
	}
	return "", false
}

// Short names of the attribute types that OCES names use, for display.
var attrNames = []struct {
	oid  asn1.ObjectIdentifier
	name string
}{
	{oidCN, "CN"},
	{oidSerialNumber, "serialNumber"},
	{oidO, "O"},
	{oidOU, "OU"},
	{oidOrganizationIdentifier, "organizationIdentifier"},
	{asn1.ObjectIdentifier{2, 5, 4, 6}, "C"},
	{asn1.ObjectIdentifier{2, 5, 4, 7}, "L"},
	{asn1.ObjectIdentifier{2, 5, 4, 8}, "ST"},
	{asn1.ObjectIdentifier{2, 5, 4, 4}, "SN"},
	{asn1.ObjectIdentifier{2, 5, 4, 42}, "GN"},
	{asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 1}, "emailAddress"},
}

// NameString formats a raw DER name (a certificate's RawSubject or
// RawIssuer) for people, in the order the certificate lists it, with the
// names OCES uses ("CN=..., serialNumber=UI:DK-O:G:..., O=...,
// organizationIdentifier=NTRDK-..., C=DK"). Unlike pkix.Name.String it shows
// organizationIdentifier as text, whatever its string type.
func NameString(raw []byte) string {
	var b strings.Builder
	for i, a := range parseName(raw) {
		if i > 0 {
			b.WriteString(", ")
		}
		label := a.oid.String()
		for _, n := range attrNames {
			if n.oid.Equal(a.oid) {
				label = n.name
				break
			}
		}
		b.WriteString(label)
		b.WriteByte('=')
		b.WriteString(a.value)
	}
	return b.String()
}
