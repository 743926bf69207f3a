// Command fornyer-cli is the command line of fornyer without the window: the
// same subcommands, flags, output and exit codes, but it does not link Fyne,
// so it starts as fast as openssl does. GOMAXPROCS is set once, in
// cli.Process (one processor), so no goroutine is started at every start to
// follow a container's CPU limit (updatemaxprocs=0), and the runtime does
// not read the cgroup files for that limit before main either
// (containermaxprocs=0: 0.35 ms of CPU, a fourteenth of inspect's, at every
// start).
//
//go:debug updatemaxprocs=0
//go:debug containermaxprocs=0
package main

import (
	"os"

	"github.com/fornyer/fornyer/cli"
)

func main() {
	env := cli.StdEnv()
	env.Name, env.NoWindow = "fornyer-cli", true
	os.Exit(cli.Process(env, os.Args[1:]))
}
