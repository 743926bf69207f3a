package oces

import (
	"testing"
	"time"
)

func TestDaysLeft(t *testing.T) {
	now := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		left time.Duration
		want int
	}{
		{100 * 24 * time.Hour, 100},
		{24*time.Hour + time.Second, 1},
		{24 * time.Hour, 1},
		{24*time.Hour - time.Second, 0}, // the last day
		{time.Second, 0},
		{0, 0},
		{-time.Second, -1}, // passed
		{-48 * time.Hour, -2},
	} {
		if got := DaysLeft(now.Add(tc.left), now); got != tc.want {
			t.Errorf("%v left: %d, want %d", tc.left, got, tc.want)
		}
	}
}
