package oces

import (
	"testing"
	"time"
)

func TestDaysLeft(t *testing.T) {
	cph, err := time.LoadLocation("Europe/Copenhagen")
	if err != nil {
		t.Skip("no time zone data:", err)
	}
	at := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, cph) }
	for _, tc := range []struct {
		what          string
		notAfter, now time.Time
		want          int
	}{
		{"later today", at(2026, 12, 6, 23, 59), at(2026, 12, 6, 0, 1), 0},
		{"one second left", at(2026, 12, 6, 12, 0).Add(time.Second), at(2026, 12, 6, 12, 0), 0},
		{"tomorrow, earlier in the day", at(2026, 12, 7, 9, 0), at(2026, 12, 6, 15, 0), 1},
		{"tomorrow, later in the day", at(2026, 12, 7, 18, 0), at(2026, 12, 6, 9, 0), 1},
		{"tomorrow just after midnight", at(2026, 12, 7, 0, 0).Add(time.Second), at(2026, 12, 6, 23, 59), 1},
		{"a hundred days", at(2027, 3, 16, 12, 0), at(2026, 12, 6, 12, 0), 100},
		{"at the very moment", at(2026, 12, 6, 12, 0), at(2026, 12, 6, 12, 0), -1},
		{"expired a second ago", at(2026, 12, 6, 12, 0), at(2026, 12, 6, 12, 0).Add(time.Second), -1},
		{"expired yesterday", at(2026, 12, 5, 12, 0), at(2026, 12, 6, 11, 0), -1},
		{"expired two days ago", at(2026, 12, 4, 12, 0), at(2026, 12, 6, 11, 0), -2},
		// Summer time begins 29 March 2026 (the night is an hour short):
		// Saturday noon to Monday 11:30 is 46.5 hours, and two days.
		{"across the start of summer time", at(2026, 3, 30, 11, 30), at(2026, 3, 28, 12, 0), 2},
		// It ends 25 October 2026 (the night is an hour long): Saturday
		// 00:30 to Sunday 23:45 is 48.25 hours, and one day.
		{"across the end of summer time", at(2026, 10, 25, 23, 45), at(2026, 10, 24, 0, 30), 1},
		// Counted where the user is: a certificate that ends at 23:30 UTC
		// ends after midnight in Copenhagen, so on the next day there.
		{"in the user's own time zone", time.Date(2026, 12, 7, 23, 30, 0, 0, time.UTC), at(2026, 12, 7, 12, 0), 1},
	} {
		if got := DaysLeft(tc.notAfter, tc.now); got != tc.want {
			t.Errorf("%s: %d, want %d", tc.what, got, tc.want)
		}
	}
}
