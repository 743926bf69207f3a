package register

import (
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"

	"github.com/fornyer/fornyer/core/oces"
)

// FromX509 is what the register records of a certificate the user checked:
// its OCES facts, serial, validity and fingerprint (SHA-256 of the DER
// certificate, as inspect reports it). Where the file is, and whether its
// password is saved, the caller adds.
func FromX509(c *x509.Certificate) Certificate {
	info := oces.Classify(c)
	sum := sha256.Sum256(c.Raw)
	org := oces.OwnerName(info.Organization, info.CommonName)
	return Certificate{
		SHA256:       hex.EncodeToString(sum[:]),
		Organization: org,
		CVR:          info.CVR,
		UUID:         info.UUID,
		Serial:       c.SerialNumber.Text(16),
		CommonName:   info.CommonName,
		Kind:         info.Kind,
		Environment:  info.Environment,
		NotBefore:    c.NotBefore.UTC(),
		NotAfter:     c.NotAfter.UTC(),
	}
}
