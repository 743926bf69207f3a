package receipt

import (
	"time"

	"github.com/fornyer/fornyer/core/inspect"
)

// FromCertificate fills a receipt's certificate part from an inspection.
// The certificate's issue time is when it was renewed: the portal issues it
// at that moment. The rest (who, steps, backups, DPG) is the caller's.
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
		NotBefore:    c.NotBefore,
		NotAfter:     c.NotAfter,
		RenewedAt:    c.NotBefore,
		GeneratedAt:  generatedAt,
	}
}
