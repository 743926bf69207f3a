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
