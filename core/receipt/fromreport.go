package receipt

import (
	"time"

	"github.com/fornyer/fornyer/core/inspect"
)

// FromCertificate fills a receipt's certificate part from an inspection.
// It is renewed, until the caller knows better (the register's record of
// the guide's renewal), when the receipt is made: the certificate's own
// "valid from" may be a day early or from another renewal, and is printed as
// such. The rest (who, steps, backups, DPG) is the caller's.
func FromCertificate(c *inspect.Certificate, lang string, generatedAt time.Time) Data {
	return Data{
		Lang:         lang,
		Organization: c.Organization,
		CVR:          c.CVR,
		CommonName:   c.CommonName,
		Serial:       c.Serial,
		UUID:         c.UUID,
		Environment:  c.Environment,
		SHA256:       c.SHA256,
		SHA1:         c.SHA1,
		NotBefore:    c.NotBefore,
		NotAfter:     c.NotAfter,
		RenewedAt:    generatedAt,
		GeneratedAt:  generatedAt,
	}
}
