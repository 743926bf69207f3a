package register

import (
	"slices"
	"strings"
	"time"
)

// ReminderRecord is one piece of the reminders' bookkeeping: a threshold
// the user was told about (as MarkReminded), a notification handed to the
// system's scheduler (as RecordScheduled), scheduled notifications
// forgotten (as ForgetScheduled). Any of them may be empty.
type ReminderRecord struct {
	SHA256    string
	Reminded  int       // threshold in days told about, or 0
	At        time.Time // when it was told
	Scheduled *Scheduled
	Forget    []string // ids of scheduled notifications to drop
}

// RecordReminders applies records in one write: an IT provider's start
// may give or plan reminders for hundreds of certificates, and one write
// per reminder would rewrite the whole register as often. Records for
// certificates no longer in the register are skipped. Like the single
// methods, it does not tell the watchers.
func (s *Store) RecordReminders(records []ReminderRecord) error {
	if len(records) == 0 {
		return nil
	}
	return s.apply(func(certs []Certificate, now time.Time) ([]Certificate, error) {
		index := make(map[string]int, len(certs))
		for i, c := range certs {
			index[c.SHA256] = i
		}
		for _, r := range records {
			i, ok := index[strings.ToLower(r.SHA256)]
			if !ok {
				continue
			}
			c := &certs[i]
			if r.Reminded > 0 {
				for _, t := range Thresholds {
					if t >= r.Reminded && !c.reminded(t) {
						c.Reminded = append(c.Reminded, Sent{Days: t, At: r.At.UTC()})
					}
				}
			}
			if r.Scheduled != nil {
				sc := *r.Scheduled
				sc.At = sc.At.UTC()
				c.Scheduled = append(c.Scheduled, sc)
			}
			if len(r.Forget) > 0 {
				c.Scheduled = slices.DeleteFunc(c.Scheduled, func(sc Scheduled) bool { return slices.Contains(r.Forget, sc.ID) })
			}
			c.Updated = now
		}
		return certs, nil
	})
}

// MaxScheduled bounds the notifications waiting in the system's scheduler
// at once. Fyne's own scheduler (Linux, an unbundled macOS app) rewrites
// its whole list for every notification added, so an IT provider's
// thousands would cost minutes; the soonest are scheduled, and each start
// tops the list up (a reminder whose day passed meanwhile is given at
// start by Due).
const MaxScheduled = 50

// ToSchedule returns the Upcoming reminders to hand to the scheduler now:
// the soonest, as many as keep the pending notifications within
// MaxScheduled.
func ToSchedule(certs []Certificate, now time.Time, loc *time.Location) []Reminder {
	pending := 0
	for _, c := range certs {
		for _, s := range c.Scheduled {
			if s.At.After(now) {
				pending++
			}
		}
	}
	room := MaxScheduled - pending
	if room <= 0 {
		return nil
	}
	up := Upcoming(certs, now, loc)
	slices.SortStableFunc(up, func(a, b Reminder) int { return a.At.Compare(b.At) })
	return up[:min(room, len(up))]
}
