// Command fornyer-cli is the command line of fornyer without the window: the
// same subcommands, flags, output and exit codes, but it does not link Fyne,
// so it starts as fast as openssl does. GOMAXPROCS is set once, in
// cli.Process (one processor), so no goroutine is started at every start to
// follow a container's CPU limit (updatemaxprocs=0). (The runtime reads the
// cgroup files for that limit before main whatever containermaxprocs says:
// Go 1.26's runtime/cgroup_linux.go still reads them, for a metric.)
//
//go:debug updatemaxprocs=0
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
