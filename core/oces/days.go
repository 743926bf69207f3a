package oces

import "time"

// DaysLeft is the one rule for a certificate's days left, as a person
// counts them on the calendar where they are (now's location): 0 when it
// expires later today, 1 when it expires tomorrow, and so on, whatever the
// hour and across a change to or from summer time; negative once it has
// passed (-1 on the day it passed and the day after, -n n days after). The
// check's report, the register's reminders and urgency, the lists and the
// command line all count so.
func DaysLeft(notAfter, now time.Time) int {
	d := calendarDays(now, notAfter.In(now.Location()))
	if notAfter.After(now) {
		return d
	}
	return min(d, -1)
}

// calendarDays is the number of midnights from a's date to b's date.
func calendarDays(a, b time.Time) int {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	// Dates at noon UTC: no summer time, so the hours divide evenly.
	da := time.Date(ay, am, ad, 12, 0, 0, 0, time.UTC)
	db := time.Date(by, bm, bd, 12, 0, 0, 0, time.UTC)
	return int(db.Sub(da) / (24 * time.Hour))
}
