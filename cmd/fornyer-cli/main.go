// Command fornyer-cli is the command line of fornyer without the window: the
// same subcommands, flags, output and exit codes, but it does not link Fyne,
// so it starts as fast as openssl does.
package main

import (
	"os"

	"github.com/fornyer/fornyer/cli"
)

func main() {
	env := cli.StdEnv()
	env.Name, env.NoWindow = "fornyer-cli", true
	os.Exit(cli.Run(env, os.Args[1:]))
}
