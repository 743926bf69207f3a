package register

import (
	"slices"
	"strings"
	"time"
)

// What a place needs of a renewed certificate (Place.Kind). The user
// chooses it; Fornyer names a service's needs only where a public source
// says so (core/guide's presets).
const (
	NeedsP12      = "p12"      // the .p12 file and its password: DPG, software on a server
	NeedsPublic   = "cer"      // the public certificate (.cer): a service that checks signatures
	NeedsIdentity = "identity" // the certificate's identity is registered there: a system user
	NeedsOther    = "other"    // something else, in the user's own words
)

// Needs are the kinds in the order they are offered.
var Needs = []string{NeedsP12, NeedsPublic, NeedsIdentity, NeedsOther}

// What was handed over to a place (Place.Given).
const (
	GaveCopy     = "p12_copy" // a copy of the .p12 under a password of its own (a hand-over)
	GaveP12      = "p12"      // the .p12 file itself, with its password
	GavePublic   = "cer"      // the public certificate, saved as .cer or .pem
	GaveIdentity = "identity" // the certificate's identifiers, copied
)

// Place is somewhere a certificate is used, as the user noted it on the
// guide's preparing card: what it needs, a known place's name or the
// user's own, a note, and what was handed over and when. It holds no
// password. The guide keeps the list of the renewal under way; the
// register keeps it on the renewed certificate, so that the next renewal
// offers it again.
type Place struct {
	ID string `json:"id,omitempty"` // stable within its list
	// Preset is a place Fornyer names itself ("dpg_mail", "datafordeler",
	// ...; core/guide), "" for the user's own. Progress files from before
	// kinds hold "dpg_mail", "integrations" or "other" here.
	Preset string `json:"place,omitempty"`
	Kind   string `json:"kind,omitempty"` // a Needs* value
	Name   string `json:"name,omitempty"` // the user's name for it: "e-conomic"
	Note   string `json:"note,omitempty"`
	// Given is what was handed over (a Gave* value) and GivenAt when;
	// GivenTo is who a hand-over copy went to.
	Given   string    `json:"given,omitempty"`
	GivenAt time.Time `json:"given_at,omitzero"`
	GivenTo string    `json:"given_to,omitempty"`
	// Switched is when the user said the place uses the new certificate.
	Switched time.Time `json:"switched,omitzero"`
}

// Fresh is the place as the next renewal starts it: what it is and the
// note, without what was handed over or switched.
func (p Place) Fresh() Place {
	return Place{ID: p.ID, Preset: p.Preset, Kind: p.Kind, Name: p.Name, Note: p.Note}
}

// HandOver is a copy of the certificate's .p12 given to someone under a
// password of its own: who, when, the copy's file, and the credential
// store's id of its password (never the password), and the copy's SHA-256
// (so that Fornyer knows the file as its own wherever it is found: the
// Downloads watcher does not offer it for checking).
type HandOver struct {
	To         string    `json:"to"`
	At         time.Time `json:"at"`
	File       string    `json:"file,omitempty"`
	SHA256     string    `json:"sha256,omitempty"`
	PasswordID string    `json:"password_id,omitempty"`
}

// RecordPlaces keeps the places noted for the renewal that produced the
// certificate, replacing those recorded before.
func (s *Store) RecordPlaces(sha string, places []Place) error {
	return s.modify(sha, func(c *Certificate, now time.Time) {
		c.Places = slices.Clone(places)
		c.PlacesAt = now
	})
}

// RecordHandOver records a hand-over copy of the certificate.
func (s *Store) RecordHandOver(sha string, h HandOver) error {
	h.To = strings.TrimSpace(h.To)
	return s.modify(sha, func(c *Certificate, _ time.Time) {
		h.At = h.At.UTC()
		c.HandOvers = append(c.HandOvers, h)
	})
}

// LastPlaces are the places noted at the last renewal, for the next one:
// those recorded on the newest certificate of the renewal line uuid (the
// OCES UUID of the certificate being renewed) that has any; with no uuid,
// or none recorded in that line, the places recorded most recently on any
// certificate. Each is Fresh. It returns nil when none were ever recorded.
func LastPlaces(certs []Certificate, uuid string) []Place {
	var inLine, latest *Certificate
	for i := range certs {
		c := &certs[i]
		if len(c.Places) == 0 {
			continue
		}
		if uuid != "" && strings.EqualFold(c.UUID, uuid) && (inLine == nil || c.NotAfter.After(inLine.NotAfter)) {
			inLine = c
		}
		if latest == nil || c.PlacesAt.After(latest.PlacesAt) {
			latest = c
		}
	}
	best := inLine
	if best == nil {
		best = latest
	}
	if best == nil {
		return nil
	}
	out := make([]Place, len(best.Places))
	for i, p := range best.Places {
		out[i] = p.Fresh()
	}
	return out
}
