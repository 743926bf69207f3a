package oces

import (
	"math"
	"time"
)

// DaysLeft is the one rule for a certificate's days left: the whole days
// from now until notAfter, 0 on the last day, negative once it has passed.
// The check's report, the register's reminders and the lists all count so.
func DaysLeft(notAfter, now time.Time) int {
	return int(math.Floor(float64(notAfter.Sub(now)) / float64(24*time.Hour)))
}
