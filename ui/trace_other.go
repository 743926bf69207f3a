//go:build !linux

package ui

import "time"

// processStart is not known here: the trace counts from the package's start.
func processStart() (time.Time, bool) { return time.Time{}, false }

// cpuUsed is not read here: the trace leaves it out.
func cpuUsed() (time.Duration, bool) { return 0, false }
