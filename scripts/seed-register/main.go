// Command seed-register writes a register of made-up certificates, as an
// IT provider's would look, where the window and `fornyer list` read it:
//
//	go run ./scripts/seed-register [-n 1000] [-to FILE]
//
// Without -to it writes the register of the user in HOME (XDG_CONFIG_HOME
// on Linux): run it with a private HOME, as the real-window suite and
// scripts/launch-metrics.sh do. It never writes over an existing register.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/register/registertest"
)

func main() {
	n := flag.Int("n", 1000, "how many certificates")
	to := flag.String("to", "", "the register file (default: the window's, in the app's storage)")
	flag.Parse()
	path := *to
	if path == "" {
		p, err := register.DefaultPath()
		if err != nil {
			fmt.Fprintln(os.Stderr, "seed-register:", err)
			os.Exit(2)
		}
		path = p
	}
	if *n < 0 || *n > 1_000_000 {
		fmt.Fprintln(os.Stderr, "seed-register: -n must be from 0 to 1000000")
		os.Exit(64)
	}
	if err := registertest.Write(path, registertest.Certificates(*n, time.Now())); err != nil {
		fmt.Fprintln(os.Stderr, "seed-register:", err)
		os.Exit(1)
	}
	fmt.Println(path)
}
