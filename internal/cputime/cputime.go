// Package cputime measures the CPU time the process has used, so that
// benchmarks on a busy shared machine can report what an operation costs
// beside the wall time, which there mostly measures the wait for a core.
package cputime

import (
	"testing"
	"time"
)

// Report adds "cpu-ms/op" to b: the CPU time used since start (from Used),
// per iteration. Garbage collection on other threads is included, as it is
// part of the cost. Nothing is reported where Used is not measured.
func Report(b *testing.B, start time.Duration) {
	if used := Used() - start; used > 0 && start > 0 && b.N > 0 {
		b.ReportMetric(float64(used)/float64(b.N)/1e6, "cpu-ms/op")
	}
}
