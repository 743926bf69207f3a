//go:build unix

package pfx

import (
	"syscall"
	"time"
)

// cpuTime is the processor time this process has used: a benchmark's
// measure of work that does not grow when other programs share the machine.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
