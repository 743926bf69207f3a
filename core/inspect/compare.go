package inspect

import (
	"strings"

	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/oces"
)

// Outcomes of Compare, most reassuring first.
const (
	// CompareRenewal: same organisation, CVR and OCES UUID, new serial,
	// later expiry: the renewed certificate.
	CompareRenewal = "renewal"
	// CompareNewIdentity: same organisation and CVR, but another OCES UUID:
	// a new certificate rather than a renewal (fine if intended).
	CompareNewIdentity = "new_identity"
	// CompareSameCertificate: the very certificate that was there before.
	CompareSameCertificate = "same_certificate"
	// CompareOtherOrganization: another CVR number or organisation.
	CompareOtherOrganization = "other_organization"
	// CompareNotLater: a different certificate that does not last longer.
	CompareNotLater = "not_later"
	// CompareUnknown: one of the reports has no certificate.
	CompareUnknown = "unknown"
)

// Comparison says how a renewed certificate relates to the previous one.
type Comparison struct {
	Outcome          string `json:"outcome"`
	SameOrganization bool   `json:"same_organization"` // same CVR (or, without CVR, same name)
	SameUUID         bool   `json:"same_uuid"`
	NewSerial        bool   `json:"new_serial"`
	LaterExpiry      bool   `json:"later_expiry"`
	SameCertificate  bool   `json:"same_certificate"`
	// Title and Message say it in words (catalogue keys
	// "inspect.compare.<outcome>" and its ".title"), in the language of next.
	Title   string         `json:"title"`
	Message string         `json:"message"`
	Key     string         `json:"-"`
	Data    map[string]any `json:"-"`
}

// IsRenewal reports whether next is the renewal of prev.
func (c Comparison) IsRenewal() bool { return c.Outcome == CompareRenewal }

// Compare tells whether next is the renewal of prev: a renewal keeps the
// subject, including the OCES UUID, with a new key and serial and a later
// expiry.
func Compare(prev, next *Report) Comparison {
	var c Comparison
	lang := msg.Languages[0]
	if next != nil && next.Lang != "" {
		lang = next.Lang
	}
	if prev == nil || next == nil || prev.Certificate == nil || next.Certificate == nil {
		return c.say(lang, CompareUnknown, nil)
	}
	p, n := prev.Certificate, next.Certificate
	if p.CVR != "" || n.CVR != "" {
		c.SameOrganization = p.CVR == n.CVR
	} else {
		c.SameOrganization = p.Organization != "" && strings.EqualFold(strings.TrimSpace(p.Organization), strings.TrimSpace(n.Organization))
	}
	c.SameUUID = p.UUID != "" && strings.EqualFold(p.UUID, n.UUID)
	c.NewSerial = p.Serial != n.Serial || p.Issuer != n.Issuer
	c.LaterExpiry = n.NotAfter.After(p.NotAfter)
	c.SameCertificate = p.SHA256 == n.SHA256

	data := map[string]any{
		"Org":     orgName(n),
		"PrevOrg": orgName(p),
		"Date":    msg.Date(lang, n.NotAfter.Local()),
	}
	switch {
	case c.SameCertificate, !c.NewSerial:
		// A renewal always has a new serial: the same serial from the same
		// issuer is the same certificate, however it was re-encoded.
		return c.say(lang, CompareSameCertificate, data)
	case !c.SameOrganization:
		return c.say(lang, CompareOtherOrganization, data)
	case !c.LaterExpiry:
		return c.say(lang, CompareNotLater, data)
	case !c.SameUUID:
		return c.say(lang, CompareNewIdentity, data)
	}
	return c.say(lang, CompareRenewal, data)
}

func (c Comparison) say(lang, outcome string, data map[string]any) Comparison {
	c.Outcome = outcome
	c.Key = "inspect.compare." + outcome
	c.Data = data
	c.Title = msg.T(lang, c.Key+".title", data)
	c.Message = msg.T(lang, c.Key, data)
	return c
}

func orgName(c *Certificate) string {
	name := oces.OwnerName(c.Organization, c.CommonName)
	if c.CVR != "" {
		name += " (CVR " + c.CVR + ")"
	}
	return strings.TrimSpace(name)
}
