package ui

import (
	"fmt"
	"os"
	"time"
)

// traceEnv turns on the timing trace the real-window suite reads: with
// FORNYER_TRACE=1 the window prints "trace <event> <unix-ns>" to standard
// error for a drop, for the saved passwords read from the credential store,
// and for the verdict shown. Nothing else is printed, and
// never a password or a file name.
const traceEnv = "FORNYER_TRACE"

var tracing = os.Getenv(traceEnv) == "1"

// trace prints one trace line when tracing is on.
func trace(event string) {
	if tracing {
		fmt.Fprintf(os.Stderr, "trace %s %d\n", event, time.Now().UnixNano())
	}
}
