//go:build !linux

package ui

import "time"

// processStart is not known here: the trace counts from the package's start.
func processStart() (time.Time, bool) { return time.Time{}, false }
