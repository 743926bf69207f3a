// Command trivial-window is the yardstick of scripts/launch-compare.sh: the
// least a Fyne window does, built from Fornyer's go.mod (the same Fyne, the
// same flags), at Fornyer's window size, showing one line of text. With
// FORNYER_TRACE=1 it prints the CPU time it used until its first frame as
// Fornyer does ("trace first-frame-cpu us=…", ui/trace.go), read at the
// same moment: when Fyne's app has started, right after Show painted.
package main

import (
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/sys/unix"
)

func main() {
	a := app.NewWithID("dk.fornyer.trivial")
	w := a.NewWindow("Trivial")
	w.Resize(fyne.NewSize(480, 860))
	w.SetContent(widget.NewLabel("A trivial Fyne window"))
	if os.Getenv("FORNYER_TRACE") == "1" {
		a.Lifecycle().SetOnStarted(func() {
			var ru unix.Rusage
			if unix.Getrusage(unix.RUSAGE_SELF, &ru) == nil {
				fmt.Fprintf(os.Stderr, "trace first-frame-cpu us=%d\n", (ru.Utime.Nano()+ru.Stime.Nano())/1000)
			}
		})
	}
	w.ShowAndRun()
}
