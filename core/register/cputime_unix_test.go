//go:build unix

package register_test

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time this process has used (user and system), for
// benchmarks on a shared machine, where wall time measures the neighbours.
func cpuTime() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
