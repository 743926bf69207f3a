package cli

import "runtime"

// Process runs the command line as a whole process does (fornyer-cli's
// main, and the app's before its window's packages are set up:
// cmd/fornyer/internal/cmdline): on one processor, with the stack grown
// once, then Run.
//
// One file's work is one thread's: no command runs anything in parallel,
// and an idle second processor only costs the short process threads woken
// and put to sleep again (a third of inspect's CPU time, and more of its
// wall time on a busy machine).
func Process(env Env, args []string) int {
	runtime.GOMAXPROCS(1)
	_ = growStack()
	return Run(env, args)
}

// growStack grows the goroutine's stack to the 32 KiB that inspect
// reaches, while it is shallow: grown on the way instead (parsing the
// flags, the file's ASN.1, checking the RSA key), each growth copied the
// stack and walked every frame on it, a twentieth of the process's
// processor time (perf, alternated runs). Nothing is kept.
//
//go:noinline
func growStack() byte {
	var frame [24 << 10]byte
	return last(frame[:])
}

//go:noinline
func last(b []byte) byte { return b[len(b)-1] }
