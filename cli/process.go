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
