// Command fornyer-cli is the command line of fornyer without the window: the
// same subcommands, flags, output and exit codes, but it does not link Fyne,
// so it starts as fast as openssl does. GOMAXPROCS is set once, in main
// (one processor), so no goroutine is started at every start to follow a
// container's CPU limit (updatemaxprocs=0), and the runtime does not read
// the cgroup files for that limit before main either (containermaxprocs=0:
// 0.35 ms of CPU, a fourteenth of inspect's, at every start).
//
//go:debug updatemaxprocs=0
//go:debug containermaxprocs=0
package main

import (
	"os"
	"runtime"

	"github.com/fornyer/fornyer/cli"
)

func main() {
	// One file's work is one thread's: no command runs anything in
	// parallel, and an idle second processor only costs the short process
	// threads woken and put to sleep again (a third of inspect's CPU time,
	// and more of its wall time on a busy machine).
	runtime.GOMAXPROCS(1)
	_ = growStack()
	env := cli.StdEnv()
	env.Name, env.NoWindow = "fornyer-cli", true
	os.Exit(cli.Run(env, os.Args[1:]))
}

// growStack grows the main goroutine's stack to the 32 KiB that inspect
// reaches, while it is one call deep: grown on the way instead (parsing
// the flags, the file's ASN.1, checking the RSA key), each growth copied
// the stack and walked every frame on it, a twentieth of the process's
// processor time (perf, alternated runs). Nothing is kept.
//
//go:noinline
func growStack() byte {
	var frame [24 << 10]byte
	return last(frame[:])
}

//go:noinline
func last(b []byte) byte { return b[len(b)-1] }
