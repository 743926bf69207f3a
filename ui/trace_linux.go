package ui

import (
	"os"
	"strconv"
	"strings"
	"time"

	"golang.org/x/sys/unix"
)

// processStart is when the process started, from /proc/self/stat (in the
// kernel's clock ticks since boot, 100 a second) and the time since boot.
func processStart() (time.Time, bool) {
	data, err := os.ReadFile("/proc/self/stat")
	if err != nil {
		return time.Time{}, false
	}
	_, rest, ok := strings.Cut(string(data), ") ")
	f := strings.Fields(rest)
	if !ok || len(f) < 20 {
		return time.Time{}, false
	}
	ticks, err := strconv.ParseInt(f[19], 10, 64) // field 22, starttime
	if err != nil {
		return time.Time{}, false
	}
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_BOOTTIME, &ts); err != nil {
		return time.Time{}, false
	}
	const userHZ = 100
	sinceStart := time.Duration(ts.Nano()) - time.Duration(ticks)*time.Second/userHZ
	return time.Now().Add(-sinceStart), true
}

// cpuUsed is the CPU time, user and system, that the process has used so
// far: its threads' exact run time, not /proc's 10 ms ticks.
func cpuUsed() (time.Duration, bool) {
	var ru unix.Rusage
	if err := unix.Getrusage(unix.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
