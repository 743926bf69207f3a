package guide

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/register"
)

// The user's own list of where the certificate is used: noted on the
// preparing card, each place with what it needs of a renewed certificate
// (register.Needs*), brought back after DPG as "Switch these to the new
// certificate" with what to hand over to each, and listed on the receipt.
// It is kept in the progress, since it belongs to this renewal and is
// noted before any certificate file is known; once the renewal's
// certificate is known it is recorded on it in the register too, so that
// the next renewal offers the same places again (register.LastPlaces).

// Usage is one place the user noted: register.Place, the one type for it.
type Usage = register.Place

// Place names a place Fornyer knows (a preset), or, in progress files from
// before kinds, one of the three old kinds of place.
type Place string

const (
	PlaceDPGMail      Place = "dpg_mail"     // DPG secure mail: the DPG steps install the .p12
	PlaceDatafordeler Place = "datafordeler" // Datafordeleren: the .cer is uploaded again
	PlaceSkat         Place = "skat_system"  // Skat system-to-system: a system user
	PlaceWorkZone     Place = "kmd_workzone" // KMD WorkZone Digital Post: the .p12 on every server

	// The old kinds, read from old progress files only.
	PlaceIntegrations Place = "integrations"
	PlaceOther        Place = "other"
)

// Preset is a place Fornyer names, with what it needs. A need is named
// only where the service's public documentation says so (DESIGN.md,
// "Where else a certificate goes"); every other place is the user's own,
// and its need their choice.
type Preset struct {
	Place Place
	Needs string // a register.Needs* value
}

// Presets are the places the card offers by name, in order.
var Presets = []Preset{
	{PlaceDPGMail, register.NeedsP12},
	{PlaceDatafordeler, register.NeedsPublic},
	{PlaceSkat, register.NeedsIdentity},
	{PlaceWorkZone, register.NeedsP12},
}

// PlacesOffer is what a card that notes places offers: the presets to
// tick, in order, and the last renewal's places (register.LastPlaces) that
// "Note them again" adds, only those the list does not hold yet (none:
// nothing to offer).
type PlacesOffer struct {
	Presets []Preset
	Last    []Usage
}

// OfferPlaces is what the card with task t offers, the last renewal's
// places being last: the preparing card (TaskUsage) every preset and every
// last place; the switch-over card (TaskSwitch, when no place was noted)
// neither DPG secure mail, which the DPG cards before it install (a tick
// for it there would offer it a second time), nor the last renewal's DPG
// secure mail (review R13).
func (p *Progress) OfferPlaces(t Task, last []Usage) PlacesOffer {
	o := PlacesOffer{Presets: Presets}
	afterDPG := t == TaskSwitch
	if afterDPG {
		o.Presets = slices.DeleteFunc(slices.Clone(Presets), func(pr Preset) bool { return pr.Place == PlaceDPGMail })
	}
	trial := p.Clone()
	for _, l := range last {
		if afterDPG && Place(l.Preset) == PlaceDPGMail {
			continue
		}
		if trial.OfferLast([]Usage{l}) > 0 {
			o.Last = append(o.Last, l)
		}
	}
	return o
}

// Places are the presets' places, in the order the card shows them.
var Places = func() []Place {
	out := make([]Place, len(Presets))
	for i, p := range Presets {
		out[i] = p.Place
	}
	return out
}()

// Key is the catalogue key of the place's name.
func (p Place) Key() string { return "guide.usage." + string(p) }

// NoteKey is the catalogue key of the placeholder in the place's note
// field: an example that fits the place (an e-mail address for DPG secure
// mail, the servers for KMD WorkZone); a place of the user's own, or an
// old kind, gets one that fits any place.
func (p Place) NoteKey() string {
	if _, ok := preset(p); ok {
		return "guide.usage.note." + string(p)
	}
	return "guide.usage.note"
}

// NeedsKey is the catalogue key of what a kind of place needs ("needs the
// .p12 and its password"), and NeedsKey(k)+".give" of what to hand over
// (Give).
func NeedsKey(kind string) string { return "guide.needs." + kind }

// Give is what to hand over to a kind of place, in lang. A place that
// knows the certificate by its thumbprint is told of it by the name the
// card's identifier is shown under (inspect.Identifiers), one catalogue
// entry for the word (Y3: not "thumbprint" in a Danish sentence).
func Give(lang, kind string) string {
	word := msg.T(lang, "inspect.identifier."+inspect.IdentifierThumbprint, nil)
	if r, n := utf8.DecodeRuneInString(word); n > 0 {
		word = string(unicode.ToLower(r)) + word[n:]
	}
	return msg.T(lang, NeedsKey(kind)+".give", map[string]any{"Thumbprint": word})
}

// MaxNoteLength bounds a note, in characters; a place's own name too.
const MaxNoteLength = 100

// UsageItem is a line of the checklist as it is shown: the place, whether
// (and when) it is switched over, and whether the DPG steps do it.
type UsageItem struct {
	Usage
	Done     bool
	DoneAt   time.Time
	Implicit bool // done by the DPG steps themselves, not by a tick
}

// Title is how a place is named in lang: the user's own name, else the
// preset's, else what it needs; with the note in brackets.
func Title(lang string, u Usage) string {
	name := u.Name
	switch {
	case name != "":
	case u.Preset != "":
		name = msg.T(lang, Place(u.Preset).Key(), nil)
	default:
		name = msg.T(lang, NeedsKey(u.Kind), nil)
	}
	if u.Note != "" {
		name += " (" + u.Note + ")"
	}
	return name
}

func preset(p Place) (Preset, bool) {
	i := slices.IndexFunc(Presets, func(x Preset) bool { return x.Place == p })
	if i < 0 {
		return Preset{}, false
	}
	return Presets[i], true
}

func knownNeed(kind string) bool { return slices.Contains(register.Needs, kind) }

func (p *Progress) usageByID(id string) *Usage {
	for i := range p.Usages {
		if p.Usages[i].ID == id {
			return &p.Usages[i]
		}
	}
	return nil
}

func (p *Progress) usage(place Place) *Usage {
	for i := range p.Usages {
		if p.Usages[i].Preset == string(place) {
			return &p.Usages[i]
		}
	}
	return nil
}

// nextID is an id no place in the list has.
func (p *Progress) nextID() string {
	for n := len(p.Usages) + 1; ; n++ {
		id := "p" + strconv.Itoa(n)
		if p.usageByID(id) == nil {
			return id
		}
	}
}

// Uses says whether the user noted the preset place.
func (p *Progress) Uses(place Place) bool { return p.usage(place) != nil }

// UsageNote is the user's note for the preset place, or "".
func (p *Progress) UsageNote(place Place) string {
	if u := p.usage(place); u != nil {
		return u.Note
	}
	return ""
}

// SetUses notes (or un-notes) that the certificate is used at the preset
// place, with the need the preset names. An unknown place changes nothing.
// Un-noting forgets the note and what was done.
func (p *Progress) SetUses(place Place, on bool) {
	pr, ok := preset(place)
	if !ok {
		return
	}
	if !on {
		p.Usages = slices.DeleteFunc(p.Usages, func(u Usage) bool { return u.Preset == string(place) })
		return
	}
	if p.usage(place) == nil {
		p.Usages = append(p.Usages, Usage{ID: p.nextID(), Preset: string(place), Kind: pr.Needs})
		p.sortUsages()
	}
}

// SetUsageNote keeps the user's note for the preset place, noting the
// place if it was not; the note is cut to one line of MaxNoteLength
// characters. An empty note keeps the place noted.
func (p *Progress) SetUsageNote(place Place, note string) {
	if _, ok := preset(place); !ok {
		return
	}
	p.SetUses(place, true)
	p.usage(place).Note = CleanNote(note)
}

// AddPlace notes a place of the user's own: its name, what it needs (an
// unknown need is "other") and a note. It returns the place's id, or ""
// when the name is empty.
func (p *Progress) AddPlace(name, kind, note string) string {
	name = CleanNote(name)
	if name == "" {
		return ""
	}
	if !knownNeed(kind) {
		kind = register.NeedsOther
	}
	u := Usage{ID: p.nextID(), Kind: kind, Name: name, Note: CleanNote(note)}
	p.Usages = append(p.Usages, u)
	return u.ID
}

// SetPlace changes what a place of the user's own is called, needs and
// notes; a preset keeps its name and need, and takes the note only. An
// empty name keeps the old one.
func (p *Progress) SetPlace(id, name, kind, note string) {
	u := p.usageByID(id)
	if u == nil {
		return
	}
	u.Note = CleanNote(note)
	if u.Preset != "" {
		return
	}
	if n := CleanNote(name); n != "" {
		u.Name = n
	}
	if knownNeed(kind) {
		u.Kind = kind
	}
}

// RemovePlace forgets the place with id.
func (p *Progress) RemovePlace(id string) {
	p.Usages = slices.DeleteFunc(p.Usages, func(u Usage) bool { return u.ID == id })
}

// Place is the place with id.
func (p *Progress) Place(id string) (Usage, bool) {
	if u := p.usageByID(id); u != nil {
		return *u, true
	}
	return Usage{}, false
}

// CleanNote is what a note (or a place's name) is kept as: no control
// characters or line breaks, no space at the ends, at most MaxNoteLength
// characters.
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

// SetSwitched ticks (or unticks) the place with id as switched to the new
// certificate, at now; a second tick keeps the first one's time. DPG secure
// mail is ticked by the DPG steps, not here.
func (p *Progress) SetSwitched(id string, on bool, now time.Time) {
	u := p.usageByID(id)
	if u == nil || u.Preset == string(PlaceDPGMail) {
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

// SetGiven records what was handed over to the place with id (a
// register.Gave* value), to whom for a hand-over copy, and when.
func (p *Progress) SetGiven(id, what, to string, now time.Time) {
	u := p.usageByID(id)
	if u == nil {
		return
	}
	u.Given, u.GivenTo, u.GivenAt = what, CleanNote(to), now.UTC()
}

// OfferLast adds the places of the last renewal (register.LastPlaces) that
// the list does not hold yet: a preset once, a place of the user's own
// once per name. It returns how many it added.
func (p *Progress) OfferLast(last []Usage) int {
	n := 0
	for _, l := range last {
		l = l.Fresh()
		if l.Preset != "" {
			if pr, ok := preset(Place(l.Preset)); ok && !p.Uses(pr.Place) {
				p.SetUsageNote(pr.Place, l.Note)
				n++
			}
			continue
		}
		if slices.ContainsFunc(p.Usages, func(u Usage) bool { return u.Preset == "" && strings.EqualFold(u.Name, l.Name) }) {
			continue
		}
		if p.AddPlace(l.Name, l.Kind, l.Note) != "" {
			n++
		}
	}
	return n
}

// Checklist is the user's list as it is shown: the presets in their order,
// then the user's own places in the order they were noted. DPG secure mail
// is switched by the DPG steps' own work, not by a tick: it is Implicit
// here, and Summarize ticks it from the recorded DPG installation (a fact
// of the register, not of the progress).
func (p *Progress) Checklist() []UsageItem {
	out := make([]UsageItem, 0, len(p.Usages))
	for _, u := range p.Usages {
		item := UsageItem{Usage: u, DoneAt: u.Switched}
		if u.Preset == string(PlaceDPGMail) {
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

// order is a place's position in the list: the presets first, in their
// order, then the user's own.
func order(u Usage) int {
	if i := slices.Index(Places, Place(u.Preset)); i >= 0 {
		return i
	}
	return len(Places)
}

// cleanUsages keeps what Load read within the rules, and brings a list
// from before kinds up to date: "dpg_mail" is the DPG preset (it needs the
// .p12), "integrations" and "other" become places of the user's own that
// need something else (the user can change that), named as before; every
// place gets an id, a preset once, notes cleaned.
func (p *Progress) cleanUsages() {
	seen := map[string]bool{}
	ids := map[string]bool{}
	out := make([]Usage, 0, len(p.Usages))
	for _, u := range p.Usages {
		if pr, ok := preset(Place(u.Preset)); ok {
			if seen[u.Preset] {
				continue
			}
			seen[u.Preset] = true
			u.Kind = pr.Needs
		}
		switch Place(u.Preset) {
		case PlaceIntegrations, PlaceOther: // from before kinds: named as before
			if !knownNeed(u.Kind) {
				u.Kind = register.NeedsOther
			}
		}
		if !knownNeed(u.Kind) {
			continue // an unknown preset, or a place without a kind
		}
		if u.ID == "" || ids[u.ID] {
			u.ID = ""
		}
		u.Note, u.Name, u.GivenTo = CleanNote(u.Note), CleanNote(u.Name), CleanNote(u.GivenTo)
		if u.Preset == string(PlaceDPGMail) {
			u.Switched = time.Time{}
		}
		ids[u.ID] = true
		out = append(out, u)
	}
	p.Usages = out
	for i := range p.Usages {
		if p.Usages[i].ID == "" {
			p.Usages[i].ID = p.nextID()
		}
	}
	p.sortUsages()
}

func (p *Progress) sortUsages() {
	slices.SortStableFunc(p.Usages, func(a, b Usage) int { return order(a) - order(b) })
}

// RecordPlaces keeps the list on the renewal's certificate in the
// register, once the certificate is known (the checked file's), so that
// the next renewal brings the places back. A list the register already
// holds is not written again. It reports whether it wrote.
func (p *Progress) RecordPlaces(reg *register.Store) (bool, error) {
	if reg == nil || p.FileSHA256 == "" {
		return false, nil
	}
	c, ok := reg.Get(p.FileSHA256)
	if !ok || slices.EqualFunc(c.Places, p.Usages, samePlace) {
		return false, nil
	}
	return true, reg.RecordPlaces(c.SHA256, p.Usages)
}

func samePlace(a, b Usage) bool {
	return a.ID == b.ID && a.Preset == b.Preset && a.Kind == b.Kind && a.Name == b.Name && a.Note == b.Note &&
		a.Given == b.Given && a.GivenTo == b.GivenTo && a.GivenAt.Equal(b.GivenAt) && a.Switched.Equal(b.Switched)
}
