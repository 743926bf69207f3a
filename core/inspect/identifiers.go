package inspect

import "strings"

// Identifier is one of the certificate's identifiers as a person copies it
// into another system: a catalogue key for its name and its value.
type Identifier struct {
	Code  string // stable: "thumbprint", "sha256", "serial", "uuid", "cvr"
	Key   string // catalogue key of its name
	Value string
}

// Thumbprint is the SHA-1 thumbprint as Windows shows it in its
// certificate store (PowerShell's Thumbprint, the form IIS, Azure and
// most Windows configuration files ask for): 40 upper-case hex digits
// without spaces or colons. The certificate dialog shows the same digits
// in pairs; Windows accepts this form everywhere it asks for one.
func Thumbprint(sha1 string) string {
	return strings.ToUpper(strings.NewReplacer(":", "", " ", "").Replace(sha1))
}

// IdentifierThumbprint is the thumbprint's Identifier.Code.
const IdentifierThumbprint = "thumbprint"

// Identifiers are the certificate's identifiers worth copying, in the
// order they are shown: the thumbprint, the SHA-256 fingerprint (upper-case
// hex, no spaces), the serial number (hex, as Windows shows it), the OCES
// UUID and the CVR number; those the certificate lacks are left out.
func Identifiers(c *Certificate) []Identifier {
	if c == nil {
		return nil
	}
	var out []Identifier
	add := func(code, value string) {
		if value != "" {
			out = append(out, Identifier{Code: code, Key: "inspect.identifier." + code, Value: value})
		}
	}
	add(IdentifierThumbprint, Thumbprint(c.SHA1))
	add("sha256", strings.ToUpper(c.SHA256))
	add("serial", strings.ToUpper(c.Serial))
	add("uuid", c.UUID)
	add("cvr", c.CVR)
	return out
}
