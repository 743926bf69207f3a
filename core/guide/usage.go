package guide

import (
	"slices"
	"strings"
	"time"
	"unicode"
)

// The user's own list of where the certificate is used: noted on the
// preparing card, brought back after DPG as "Switch these to the new
// certificate" and ticked one by one, and listed on the receipt with the
// ticks. It is kept in the progress, since it belongs to this renewal and is
// noted before any certificate file is known.

// Place is a kind of place a certificate is used.
type Place string

const (
	PlaceDPGMail      Place = "dpg_mail"     // DPG secure mail
	PlaceIntegrations Place = "integrations" // system integrations
	PlaceOther        Place = "other"        // other services
)

// Places are the kinds the checklist offers, in the order it shows them.
var Places = []Place{PlaceDPGMail, PlaceIntegrations, PlaceOther}

// Key is the catalogue key of the place's name.
func (p Place) Key() string { return "guide.usage." + string(p) }

// MaxNoteLength bounds a note, in characters.
const MaxNoteLength = 100

// Usage is one place the user noted, with an optional note of their own
// ("e-conomic", "the payroll system") and when it was switched over.
type Usage struct {
	Place    Place     `json:"place"`
	Note     string    `json:"note,omitempty"`
	Switched time.Time `json:"switched,omitzero"`
}

// UsageItem is a line of the checklist as it is shown: the place, the
// user's note, and whether (and when) it is switched over.
type UsageItem struct {
	Place    Place
	Note     string
	Done     bool
	DoneAt   time.Time
	Implicit bool // done by the DPG steps themselves, not by a tick
}

func knownPlace(p Place) bool { return slices.Contains(Places, p) }

func (p *Progress) usage(place Place) *Usage {
	for i := range p.Usages {
		if p.Usages[i].Place == place {
			return &p.Usages[i]
		}
	}
	return nil
}

// Uses says whether the user noted place.
func (p *Progress) Uses(place Place) bool { return p.usage(place) != nil }

// UsageNote is the user's note for place, or "".
func (p *Progress) UsageNote(place Place) string {
	if u := p.usage(place); u != nil {
		return u.Note
	}
	return ""
}

// SetUses notes (or un-notes) that the certificate is used at place. An
// unknown place changes nothing. Un-noting forgets the note and the tick.
func (p *Progress) SetUses(place Place, on bool) {
	if !knownPlace(place) {
		return
	}
	if on {
		if p.usage(place) == nil {
			p.Usages = append(p.Usages, Usage{Place: place})
			p.sortUsages()
		}
		return
	}
	out := p.Usages[:0]
	for _, u := range p.Usages {
		if u.Place != place {
			out = append(out, u)
		}
	}
	p.Usages = out
}

// SetUsageNote keeps the user's note for place, noting the place if it was
// not; the note is cut to one line of MaxNoteLength characters. An empty
// note keeps the place noted.
func (p *Progress) SetUsageNote(place Place, note string) {
	if !knownPlace(place) {
		return
	}
	p.SetUses(place, true)
	p.usage(place).Note = CleanNote(note)
}

// CleanNote is what a note is kept as: no control characters or line
// breaks, no space at the ends, at most MaxNoteLength characters.
func CleanNote(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s)
	s = strings.TrimSpace(s)
	if r := []rune(s); len(r) > MaxNoteLength {
		s = strings.TrimSpace(string(r[:MaxNoteLength]))
	}
	return s
}

// SetSwitched ticks (or unticks) place as switched to the new certificate.
// DPG secure mail is ticked by the DPG steps, not here.
func (p *Progress) SetSwitched(place Place, on bool, now time.Time) {
	u := p.usage(place)
	if u == nil || place == PlaceDPGMail {
		return
	}
	if on {
		if u.Switched.IsZero() {
			u.Switched = now.UTC()
		}
		return
	}
	u.Switched = time.Time{}
}

// Checklist is the user's list as it is shown, in the order of Places.
// DPG secure mail is switched by the DPG steps' own work, not by a tick:
// it is Implicit here, and Summarize ticks it from the recorded DPG
// installation (a fact of the register, not of the progress).
func (p *Progress) Checklist() []UsageItem {
	var out []UsageItem
	for _, place := range Places {
		u := p.usage(place)
		if u == nil {
			continue
		}
		item := UsageItem{Place: place, Note: u.Note, DoneAt: u.Switched}
		if place == PlaceDPGMail {
			item.Implicit = true
		}
		item.Done = !item.DoneAt.IsZero()
		out = append(out, item)
	}
	return out
}

// NotSwitched is the noted places still to switch over.
func (p *Progress) NotSwitched() []UsageItem {
	var out []UsageItem
	for _, it := range p.Checklist() {
		if !it.Done {
			out = append(out, it)
		}
	}
	return out
}

func (p *Progress) sortUsages() {
	slices.SortStableFunc(p.Usages, func(a, b Usage) int {
		return slices.Index(Places, a.Place) - slices.Index(Places, b.Place)
	})
}

// cleanUsages keeps what Load read within the rules: known places, once
// each, notes cleaned.
func (p *Progress) cleanUsages() {
	seen := map[Place]bool{}
	out := p.Usages[:0]
	for _, u := range p.Usages {
		if !knownPlace(u.Place) || seen[u.Place] {
			continue
		}
		seen[u.Place] = true
		u.Note = CleanNote(u.Note)
		if u.Place == PlaceDPGMail {
			u.Switched = time.Time{}
		}
		out = append(out, u)
	}
	p.Usages = out
	p.sortUsages()
}
