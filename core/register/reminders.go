package register

import (
	"slices"
	"strings"
	"time"

	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/oces"
)

// Thresholds are the days before expiry at which Fornyer reminds the user,
// largest first. Each fires once per certificate.
var Thresholds = []int{SoonDays, 30, 7}

const day = 24 * time.Hour

// Urgency is how soon a certificate expires, for colouring.
type Urgency int

// Urgency levels, from calm to expired.
const (
	OK       Urgency = iota // more than SoonDays days left
	Within90                // SoonDays (90) days or fewer
	Within30                // 30 days or fewer
	Within7                 // 7 days or fewer
	Expired
)

// DaysLeftText says c's days left in words in language l: expired, the
// last day, one day or n days, as My certificates shows it.
func DaysLeftText(l string, notAfter, now time.Time) string {
	if !notAfter.After(now) {
		return msg.T(l, "register.expired", nil)
	}
	switch d := oces.DaysLeft(notAfter, now); d {
	case 0:
		return msg.T(l, "register.days_left.today", nil)
	case 1:
		return msg.T(l, "register.days_left.one", nil)
	default:
		return msg.T(l, "register.days_left", map[string]any{"Days": d})
	}
}

// UrgencyOf says how soon c expires at now, by its days left
// (oces.DaysLeft), so the badge and the words beside it agree.
func UrgencyOf(c Certificate, now time.Time) Urgency {
	if !c.NotAfter.After(now) {
		return Expired
	}
	switch d := oces.DaysLeft(c.NotAfter, now); {
	case d <= 7:
		return Within7
	case d <= 30:
		return Within30
	case d <= SoonDays:
		return Within90
	}
	return OK
}

// FirstToExpire is the certificate of the reminders that expires first;
// the zero Certificate for none.
func FirstToExpire(due []Reminder) Certificate {
	var first Certificate
	for i, r := range due {
		if i == 0 || r.Certificate.NotAfter.Before(first.NotAfter) {
			first = r.Certificate
		}
	}
	return first
}

// Reminder is one notification to give.
type Reminder struct {
	Certificate Certificate
	Days        int       // the threshold: 90, 30 or 7
	DaysLeft    int       // at the time of the reminder
	At          time.Time // when the threshold is (or was) reached
	// Pending are notifications already handed to the system's scheduler
	// for this or larger thresholds and not yet delivered: a reminder given
	// now makes them redundant, so they should be cancelled.
	Pending []Scheduled
}

// reminded reports whether the user has been told about threshold days:
// by Fornyer at start, or by a scheduled notification whose time has come.
func (c Certificate) reminded(days int) bool {
	return slices.ContainsFunc(c.Reminded, func(s Sent) bool { return s.Days <= days })
}

func (c Certificate) delivered(days int, now time.Time) bool {
	return slices.ContainsFunc(c.Scheduled, func(s Scheduled) bool { return s.Days <= days && !s.At.After(now) })
}

// watch tells which certificates of one list still need reminders: not
// expired and not renewed by a later certificate in the list. It answers
// in linear time: an IT provider's thousands would otherwise cost a
// Successor search each.
type watch struct {
	now    time.Time
	latest map[string]expiries // lower-case OCES UUID -> its latest expiries
}

// expiries are a UUID's latest expiry and the latest of a certificate
// with another serial: enough to know whether any certificate with a new
// serial expires after a given one.
type expiries struct {
	first       time.Time
	firstSerial string
	other       time.Time // latest expiry of a serial other than firstSerial
}

func newWatch(certs []Certificate, now time.Time) watch {
	w := watch{now: now, latest: make(map[string]expiries, len(certs))}
	for _, c := range certs {
		if c.UUID == "" {
			continue
		}
		u := strings.ToLower(c.UUID)
		e := w.latest[u]
		switch {
		case e.first.IsZero() || c.NotAfter.After(e.first):
			if !strings.EqualFold(c.Serial, e.firstSerial) && e.first.After(e.other) {
				e.other = e.first
			}
			e.first, e.firstSerial = c.NotAfter, c.Serial
		case !strings.EqualFold(c.Serial, e.firstSerial) && c.NotAfter.After(e.other):
			e.other = c.NotAfter
		}
		w.latest[u] = e
	}
	return w
}

// watched reports whether c still needs reminders: one of the user's
// (Mine: not kept apart), not expired, and not renewed (Successor's rule:
// no certificate of the same UUID with a new serial expires later).
func (w watch) watched(c Certificate) bool {
	if !c.Mine() || !c.NotAfter.After(w.now) {
		return false
	}
	if c.UUID == "" {
		return true
	}
	e := w.latest[strings.ToLower(c.UUID)]
	later := e.first
	if strings.EqualFold(e.firstSerial, c.Serial) {
		later = e.other
	}
	return !later.After(c.NotAfter)
}

// Due returns the reminders to give now: for each certificate that is not
// expired and not yet renewed, the smallest threshold it has crossed, unless
// the user was told about it (or a smaller one) already. One reminder per
// certificate: a certificate found at 25 days is reminded of 30, not of
// 90 and 30.
func Due(certs []Certificate, now time.Time) []Reminder {
	var out []Reminder
	for _, r := range Standing(certs, now) {
		c := r.Certificate
		if c.reminded(r.Days) || c.delivered(r.Days, now) {
			continue
		}
		for _, s := range c.Scheduled {
			if s.Days >= r.Days && s.At.After(now) {
				r.Pending = append(r.Pending, s)
			}
		}
		out = append(out, r)
	}
	return out
}

// Standing returns, for each certificate that is not expired and not yet
// renewed and has crossed a threshold, the reminder of the smallest one,
// whether or not a notification was given, soonest to expire first: what
// the window shows at start, whatever the system did with the notification
// (Windows drops a notification it does not know the sender of; Focus
// Assist and Do Not Disturb hide them).
func Standing(certs []Certificate, now time.Time) []Reminder {
	var out []Reminder
	w := newWatch(certs, now)
	for _, c := range certs {
		if !w.watched(c) {
			continue
		}
		crossed := 0
		for _, t := range Thresholds {
			if oces.DaysLeft(c.NotAfter, now) <= t {
				crossed = t
			}
		}
		if crossed == 0 {
			continue
		}
		out = append(out, Reminder{Certificate: c, Days: crossed, DaysLeft: oces.DaysLeft(c.NotAfter, now),
			At: c.NotAfter.Add(-time.Duration(crossed) * day)})
	}
	slices.SortStableFunc(out, func(a, b Reminder) int { return a.Certificate.NotAfter.Compare(b.Certificate.NotAfter) })
	return out
}

// Upcoming returns the reminders to hand to the system's scheduler: the
// thresholds still ahead of each watched certificate that have not been
// scheduled. At is at 09:00 in loc on the day the threshold is reached, so
// that the notification does not arrive in the night; loc nil means UTC.
func Upcoming(certs []Certificate, now time.Time, loc *time.Location) []Reminder {
	if loc == nil {
		loc = time.UTC
	}
	var out []Reminder
	w := newWatch(certs, now)
	for _, c := range certs {
		if !w.watched(c) {
			continue
		}
		// The morning of the day the threshold is reached, t days left as
		// oces.DaysLeft counts them (calendar days in loc).
		end := c.NotAfter.In(loc)
		for _, t := range Thresholds {
			at := time.Date(end.Year(), end.Month(), end.Day()-t, 9, 0, 0, 0, loc)
			if !at.After(now) || c.reminded(t) ||
				slices.ContainsFunc(c.Scheduled, func(s Scheduled) bool { return s.Days == t }) {
				continue
			}
			out = append(out, Reminder{Certificate: c, Days: t, DaysLeft: oces.DaysLeft(c.NotAfter, at), At: at})
		}
	}
	return out
}

// Cancel is a scheduled notification that is no longer wanted.
type Cancel struct {
	SHA256 string
	Scheduled
}

// Obsolete returns the scheduled notifications still ahead for certificates
// that have been renewed (or have expired): they should be cancelled.
func Obsolete(certs []Certificate, now time.Time) []Cancel {
	var out []Cancel
	w := newWatch(certs, now)
	for _, c := range certs {
		if w.watched(c) {
			continue
		}
		for _, s := range c.Scheduled {
			if s.At.After(now) {
				out = append(out, Cancel{SHA256: c.SHA256, Scheduled: s})
			}
		}
	}
	return out
}

// ScheduledApart is every notification scheduled ahead for a certificate
// kept apart (Certificate.Apart): scheduled while it was the user's, before
// they said it is not theirs (Store.KeepApart, Z11), to be cancelled: one
// kept apart gets no reminders.
func ScheduledApart(certs []Certificate, now time.Time) []Cancel {
	var out []Cancel
	for _, c := range certs {
		if !c.Apart {
			continue
		}
		for _, s := range c.Scheduled {
			if s.At.After(now) {
				out = append(out, Cancel{SHA256: c.SHA256, Scheduled: s})
			}
		}
	}
	return out
}

// InUse reports whether c is still the certificate in use: not expired and
// not renewed by a later certificate in certs. Only such a certificate
// needs reminders, a calendar entry or installing in DPG. (For a whole
// list at once, InUseAmong.)
func InUse(certs []Certificate, c Certificate, now time.Time) bool {
	return InUseAmong(certs, now)(c)
}

// InUseAmong is InUse for any certificate of certs, the list read once: for
// a question asked of every certificate of a list (InUse for each would read
// the whole list each time, and a register of 1,000 took the first card
// 0.15 s).
func InUseAmong(certs []Certificate, now time.Time) func(Certificate) bool {
	return newWatch(certs, now).watched
}
