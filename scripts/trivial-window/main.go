// Command trivial-window is the yardstick of scripts/launch-compare.sh: the
// least a Fyne window does, built from Fornyer's go.mod (the same Fyne, the
// same flags), at Fornyer's window size, showing one line of text.
package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("dk.fornyer.trivial")
	w := a.NewWindow("Trivial")
	w.Resize(fyne.NewSize(480, 860))
	w.SetContent(widget.NewLabel("A trivial Fyne window"))
	w.ShowAndRun()
}
