//go:build !windows

// Command trivial-window is the yardstick of scripts/launch-compare.sh: the
// least a Fyne window does, built from Fornyer's go.mod (the same Fyne, the
// same flags), at Fornyer's window size, showing one line of text. With
// FORNYER_TRACE=1 it prints the CPU time it used until its first frame as
// Fornyer does ("trace first-frame-cpu us=…", ui/trace.go), read at the
// same moment: when Fyne's app has started, right after Show painted.
//
// With -kinds it draws one of each kind of thing Fornyer's first card
// draws, and nothing of Fornyer's own: tabs with icons, regular and bold
// text, a rounded and outlined rectangle, a line, a circle and a button
// with an icon. What that costs over the one line is what Fyne and the
// graphics driver take for those kinds, whoever draws them.
//
// It is not built for Windows: it reads its CPU time with getrusage, and
// launch-compare.sh, its one user, runs under Xvfb on Linux.
package main

import (
	"flag"
	"fmt"
	"image/color"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/sys/unix"
)

func main() {
	kinds := flag.Bool("kinds", false, "draw one of each kind of thing Fornyer's first card draws")
	flag.Parse()
	a := app.NewWithID("dk.fornyer.trivial")
	w := a.NewWindow("Trivial")
	w.Resize(fyne.NewSize(480, 860))
	if *kinds {
		w.SetContent(sameKinds())
	} else {
		w.SetContent(widget.NewLabel("A trivial Fyne window"))
	}
	if os.Getenv("FORNYER_TRACE") == "1" {
		a.Lifecycle().SetOnStarted(func() {
			var ru unix.Rusage
			fmt.Fprintf(os.Stderr, "trace first-frame %d\n", time.Now().UnixNano())
			if unix.Getrusage(unix.RUSAGE_SELF, &ru) == nil {
				fmt.Fprintf(os.Stderr, "trace first-frame-cpu us=%d\n", (ru.Utime.Nano()+ru.Stime.Nano())/1000)
			}
		})
	}
	w.ShowAndRun()
}

func sameKinds() fyne.CanvasObject {
	frame := canvas.NewRectangle(color.Transparent)
	frame.StrokeColor, frame.StrokeWidth, frame.CornerRadius = color.Gray{Y: 0x80}, 1, 6
	frame.SetMinSize(fyne.NewSize(200, 40))
	line := canvas.NewLine(color.Gray{Y: 0x80})
	dot := canvas.NewCircle(color.NRGBA{B: 0xd0, A: 0xff})
	dot.Resize(fyne.NewSize(16, 16))
	done := widget.NewButtonWithIcon("Done", theme.ConfirmIcon(), func() {})
	done.Importance = widget.HighImportance
	page := container.NewVBox(
		widget.NewLabelWithStyle("A heading", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabel("A trivial Fyne window"),
		container.NewStack(frame, container.NewHBox(widget.NewIcon(theme.InfoIcon()), widget.NewLabel("In a frame"))),
		line, container.NewWithoutLayout(dot), widget.NewSeparator(), done)
	return container.NewAppTabs(
		container.NewTabItemWithIcon("One", theme.HistoryIcon(), page),
		container.NewTabItemWithIcon("Two", theme.SettingsIcon(), widget.NewLabel("Two")),
	)
}
