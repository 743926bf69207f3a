package ui

import (
	"fmt"
	"os"
	"strconv"
	"sync"
	"time"

	"fyne.io/fyne/v2"
)

// traceEnv turns on the timing trace the real-window suite reads: with
// FORNYER_TRACE=1 the window prints "trace <event> <unix-ns>" to standard
// error for a drop, for the saved passwords read from the credential store,
// and for the verdict shown, and "trace first-frame <unix-ns>" once the
// first frame is on the screen, with the CPU time used until then. It also
// prints the start trace: one line per piece of the start (see
// StartPiece). Nothing else is printed, and never a password or a file
// name.
//
// FORNYER_TRACE=exit traces as 1 does and ends the process once the first
// frame is painted, before any of the work that waits for it: a start to
// the first frame, whole, for a profiler or `perf stat -r 20` to count
// (issue 27), with nothing after it in the count.
const traceEnv = "FORNYER_TRACE"

var (
	tracing          = os.Getenv(traceEnv) == "1" || exitAtFirstFrame
	exitAtFirstFrame = os.Getenv(traceEnv) == "exit"
)

// trace prints one trace line when tracing is on.
func trace(event string) {
	if tracing {
		fmt.Fprintf(os.Stderr, "trace %s %d\n", event, time.Now().UnixNano())
	}
}

// launchEnv is the launch's Unix time in nanoseconds, set by whoever
// measures the start (scripts/firstframe), so that the start trace counts
// from the same moment as the measurement.
const launchEnv = "FORNYER_TRACE_LAUNCH"

// launched is when the process was started: launchEnv when set, else the
// system's record of the process's start (Linux, to 10 ms), else when this
// package was initialised.
var launched = launchTime()

func launchTime() time.Time {
	if !tracing {
		return time.Time{}
	}
	if ns, err := strconv.ParseInt(os.Getenv(launchEnv), 10, 64); err == nil {
		return time.Unix(0, ns)
	}
	if t, ok := processStart(); ok {
		return t
	}
	return time.Now()
}

// traceMu keeps the start trace's lines whole when pieces end on several
// goroutines.
var traceMu sync.Mutex

// StartPiece times one piece of the window's start; calling the function
// it returns ends the piece. With FORNYER_TRACE=1 the end prints
//
//	trace start <piece> at=<ms> took=<ms>
//
// at: the piece's end, since launch; took: the piece's own time.
// scripts/launch-compare.sh prints their medians. Pieces that run after the first frame end after the
// "first-frame" piece.
func StartPiece(piece string) (end func()) {
	if !tracing {
		return func() {}
	}
	begin := time.Now()
	return func() { traceStart(piece, begin) }
}

// StartReached prints the piece that ran from the launch until now: the
// process's start to main.
func StartReached(piece string) {
	if tracing {
		traceStart(piece, launched)
	}
}

// traceFirstFrame prints "trace first-frame <unix-ns>" and, where it is
// known, the CPU time used until then: "trace first-frame-cpu us=<µs>",
// the figure scripts/launch-compare.sh compares with the trivial window's
// (which prints the same line).
func traceFirstFrame() {
	trace("first-frame")
	if cpu, ok := cpuUsed(); ok && tracing {
		fmt.Fprintf(os.Stderr, "trace first-frame-cpu us=%d\n", cpu.Microseconds())
	}
}

func traceStart(piece string, begin time.Time) {
	now := time.Now()
	traceMu.Lock()
	defer traceMu.Unlock()
	fmt.Fprintf(os.Stderr, "trace start %s at=%.1f took=%.1f\n", piece,
		ms(now.Sub(launched)), ms(now.Sub(begin)))
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// traced builds a screen as one piece of the start trace.
func traced(piece string, screen func(*frame) fyne.CanvasObject, f *frame) fyne.CanvasObject {
	defer StartPiece(piece)()
	return screen(f)
}
