// Package certlist owns how the register's certificates are listed, in the
// window's "My certificates" and by `fornyer list`: one line per renewal
// line (the newest certificate on top, the ones it renewed behind it), in
// the order of what needs doing first, narrowed by filters and a search as
// you type. It decides; the window and the command line only draw.
//
// Everything here is linear or n log n in the register's size, so that an
// IT provider's thousands of certificates stay instant.
package certlist

import (
	"cmp"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/fornyer/fornyer/core/oces"
	"github.com/fornyer/fornyer/core/register"
)

// Line is one renewal line: the newest certificate, and the certificates it
// renewed, newest first (History[0] is Current's predecessor, as
// register.Predecessor names it).
type Line struct {
	Current register.Certificate
	History []register.Certificate

	haystack string // what the search looks in, folded
	orgKey   string // the organisation, folded for sorting
	rank     int    // the urgency group, set by Sort
}

// Lines groups certificates into renewal lines by the register's one rule
// (register.Predecessor: the same OCES UUID, a new serial, the latest
// expiry before its own). Certificates without a UUID stand alone. The lines come
// in no particular order; Query.Apply orders them.
func Lines(certs []register.Certificate) []Line {
	groups := map[string][]register.Certificate{}
	var order []string // first appearance, so that the result is deterministic
	for _, c := range certs {
		key := "sha:" + c.SHA256
		if c.UUID != "" {
			key = "uuid:" + strings.ToLower(c.UUID)
		}
		if _, ok := groups[key]; !ok {
			order = append(order, key)
		}
		groups[key] = append(groups[key], c)
	}
	lines := make([]Line, 0, len(order))
	for _, key := range order {
		g := groups[key]
		// Newest expiry first; the fingerprint keeps equal expiries stable.
		slices.SortFunc(g, func(a, b register.Certificate) int {
			if c := b.NotAfter.Compare(a.NotAfter); c != 0 {
				return c
			}
			return strings.Compare(a.SHA256, b.SHA256)
		})
		lines = append(lines, chains(g)...)
	}
	return lines
}

// chains splits one UUID's certificates, sorted newest expiry first, into
// lines: the newest heads a line; behind it what it renewed, by
// register.Predecessor, and so on. What no rule links (the same serial
// again, an equal expiry) starts a line of its own.
//
// register.Predecessor over what is left is the first certificate after
// the current one, in this order, that expires earlier and has another
// serial; so each step looks forward from where the earlier expiries
// start, past what was taken already. An organisation's thousands of
// renewals take n log n (the sort), not a search over the rest per step.
func chains(g []register.Certificate) []Line {
	n := len(g)
	// below[i]: the first index whose expiry is earlier than g[i]'s.
	below := make([]int, n)
	for i, j := 0, 0; i < n; i++ {
		for j < n && !g[j].NotAfter.Before(g[i].NotAfter) {
			j++
		}
		below[i] = j
	}
	// runEnd[i]: the first index after the run of g[i]'s serial, so that
	// a register of one serial again and again is skipped in one step.
	runEnd := make([]int, n)
	for i := n - 1; i >= 0; i-- {
		runEnd[i] = i + 1
		if i+1 < n && strings.EqualFold(g[i].Serial, g[i+1].Serial) {
			runEnd[i] = runEnd[i+1]
		}
	}
	// next finds the first index from i not taken yet, shortening the
	// paths it walks (union-find), so that taken runs are skipped once.
	skip := make([]int, n+1)
	for i := range skip {
		skip[i] = i
	}
	next := func(i int) int {
		for skip[i] != i {
			skip[i] = skip[skip[i]]
			i = skip[i]
		}
		return i
	}
	take := func(i int) { skip[i] = i + 1 }

	var lines []Line
	for head := next(0); head < n; head = next(0) {
		take(head)
		l := Line{Current: g[head]}
		for cur := head; ; {
			p := next(below[cur])
			for p < n && strings.EqualFold(g[p].Serial, g[cur].Serial) {
				p = next(runEnd[p])
			}
			if p >= n {
				break
			}
			take(p)
			l.History = append(l.History, g[p])
			cur = p
		}
		l.index()
		lines = append(lines, l)
	}
	return lines
}

// index prepares the search text and the sort key once per line, so that a
// search as you type over thousands of lines folds nothing again.
func (l *Line) index() {
	var b strings.Builder
	add := func(s string) {
		if s != "" {
			b.WriteString(fold(s))
			b.WriteByte('\n')
		}
	}
	for _, c := range l.All() {
		add(c.Organization)
		add(c.CommonName)
		if c.CVR != "" {
			add("cvr " + c.CVR)
		}
		add(c.UUID)
		if c.File != nil {
			add(fileName(c.File.Path))
		}
	}
	l.haystack = b.String()
	l.orgKey = sortKey(l.Current.Organization)
}

// fileName is the last element of a path written on any system: the
// register may hold a Windows path on Linux or the other way round.
func fileName(path string) string {
	return path[strings.LastIndexAny(path, `/\`)+1:]
}

// All returns the line's certificates, newest first.
func (l Line) All() []register.Certificate {
	return append([]register.Certificate{l.Current}, l.History...)
}

// Order is how the lines are sorted.
type Order int

// The orders a user can choose.
const (
	// ByUrgency is the default: what needs doing first. Expired and soon
	// expiring certificates (90 days or fewer) by expiry, soonest first;
	// then those not recorded as installed in DPG; then the rest, by expiry.
	ByUrgency Order = iota
	// NewestFirst lists the most recently issued certificates first.
	NewestFirst
	// ByOrganization sorts by organisation name (Danish alphabet), then by
	// urgency.
	ByOrganization
)

// Orders are the choices, in the order a menu offers them.
var Orders = []Order{ByUrgency, NewestFirst, ByOrganization}

// Key is the order's stable name, for preferences and catalogue keys.
func (o Order) Key() string {
	switch o {
	case NewestFirst:
		return "newest"
	case ByOrganization:
		return "organization"
	}
	return "urgency"
}

// Filter narrows the list; the filters set must all hold.
type Filter struct {
	ExpiresSoon bool // expires within register.SoonDays days, or has expired
	NotInDPG    bool // not recorded as installed in DPG
	TestOnly    bool // test certificates
}

// Any reports whether a filter is set.
func (f Filter) Any() bool { return f.ExpiresSoon || f.NotInDPG || f.TestOnly }

// Query is what the user asked to see.
type Query struct {
	Search string
	Order  Order
	Filter Filter
}

// Apply returns the lines that match q, in q's order; lines is not changed
// (the result points into it). now decides what expires soon.
func (q Query) Apply(lines []Line, now time.Time) []*Line {
	terms := strings.Fields(fold(q.Search))
	out := make([]*Line, 0, len(lines))
	for i := range lines {
		if l := &lines[i]; q.Filter.matches(l, now) && l.matches(terms) {
			out = append(out, l)
		}
	}
	Sort(out, q.Order, now)
	return out
}

func (f Filter) matches(l *Line, now time.Time) bool {
	c := l.Current
	return (!f.ExpiresSoon || ExpiresWithin(c, register.SoonDays, now)) &&
		(!f.NotInDPG || c.DPG == nil) &&
		(!f.TestOnly || c.Environment == register.Test)
}

// matches reports whether every search term is found in the line: in the
// organisation, the CVR number, the OCES UUID or a file name of any of its
// certificates. "CVR 12345678" finds the number too.
func (l *Line) matches(terms []string) bool {
	for _, t := range terms {
		if !strings.Contains(l.haystack, t) {
			return false
		}
	}
	return true
}

// ExpiresWithin reports whether c has days days left or fewer at now
// (oces.DaysLeft), or has expired.
func ExpiresWithin(c register.Certificate, days int, now time.Time) bool {
	return oces.DaysLeft(c.NotAfter, now) <= days
}

// Sort orders lines in place; the order is total (the fingerprint breaks
// the last tie), so equal input gives equal output.
func Sort(lines []*Line, o Order, now time.Time) {
	for _, l := range lines {
		l.rank = rank(l.Current, now)
	}
	urgency := func(a, b *Line) int {
		if c := cmp.Compare(a.rank, b.rank); c != 0 {
			return c
		}
		return a.Current.NotAfter.Compare(b.Current.NotAfter)
	}
	tie := func(a, b *Line) int {
		if c := strings.Compare(a.orgKey, b.orgKey); c != 0 {
			return c
		}
		return strings.Compare(a.Current.SHA256, b.Current.SHA256)
	}
	var by func(a, b *Line) int
	switch o {
	case NewestFirst:
		by = func(a, b *Line) int {
			if c := b.Current.NotBefore.Compare(a.Current.NotBefore); c != 0 {
				return c
			}
			if c := b.Current.NotAfter.Compare(a.Current.NotAfter); c != 0 {
				return c
			}
			return tie(a, b)
		}
	case ByOrganization:
		by = func(a, b *Line) int {
			if c := strings.Compare(a.orgKey, b.orgKey); c != 0 {
				return c
			}
			if c := urgency(a, b); c != 0 {
				return c
			}
			return tie(a, b)
		}
	default:
		by = func(a, b *Line) int {
			if c := urgency(a, b); c != 0 {
				return c
			}
			return tie(a, b)
		}
	}
	slices.SortFunc(lines, by)
}

// rank is the urgency group: 0 expired or expiring by soon, 1 not recorded
// in DPG, 2 nothing to do.
func rank(c register.Certificate, now time.Time) int {
	switch {
	case ExpiresWithin(c, register.SoonDays, now):
		return 0
	case c.DPG == nil:
		return 1
	}
	return 2
}

// fold makes text comparable for the search: case is ignored, and a
// search is a plain substring test.
func fold(s string) string { return strings.ToLower(s) }

// sortKey orders names as the Danish alphabet does: æ, ø, å after z (and ä,
// ö with æ, ø), case ignored.
func sortKey(s string) string {
	return strings.Map(func(r rune) rune {
		switch unicode.ToLower(r) {
		case 'æ', 'ä':
			return '{'
		case 'ø', 'ö':
			return '|'
		case 'å':
			return '}'
		}
		return unicode.ToLower(r)
	}, s)
}
