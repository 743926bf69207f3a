//go:build e2e

package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// dropsFromGoneSource is how many drops TestDropFromVanishingSource makes.
// Without the X error handler (ui/xerrors_x11.go) the window died within
// the first few (F28: about 1 drop in 4 with the tester's source).
const dropsFromGoneSource = 8

// xErrorLogged is what the window prints, once, when it ignores an X error.
const xErrorLogged = "ignored an X error"

// TestDropFromVanishingSource (F28) drops the renewed file again and again
// from a drag source that exits the moment it has handed the data over,
// before the window answers it (XdndFinished). Xlib's default error handler
// ended the whole app on the BadWindow that answer draws. Each drop must be
// checked, the window must live through all of them and still open the
// file with its password. It runs in one language: the X protocol does not
// depend on it.
func TestDropFromVanishingSource(t *testing.T) {
	lang := languages()[0]
	t.Run(lang, func(t *testing.T) {
		record(t)
		s := newSession(t, "drop-gone", lang)
		s.start()
		s.waitText("started", screenWait, s.L("tab.check"))
		for i := 1; i <= dropsFromGoneSource; i++ {
			s.drag(file(fileRenewed), "--exit-after-send")
			s.waitFor(fmt.Sprintf("the answer to drop %d", i), checkWait, func() bool {
				_, ok := s.dropToVerdict()
				return ok
			})
			// The BadWindow comes back after the window's XdndFinished:
			// give it a moment to arrive before asking whether it lives.
			time.Sleep(500 * time.Millisecond)
			s.alive()
			t.Logf("drop %d: checked, window alive", i)
		}
		// The last drop's answer is on the screen and the window still
		// takes input: no password is saved, so it asks, and the typed one
		// opens the file.
		s.waitText("asks-password", checkWait, s.L("check.password.title"))
		s.typ(certPassword)
		s.key("Return")
		s.waitText("ready", checkWait, s.L("inspect.verdict.ready"))
		// Without the error the scenario proved nothing: the source must
		// have been gone before the window's answer at least once.
		if !strings.Contains(s.appLog.String(), xErrorLogged) {
			t.Errorf("in %d drops the window never met the X error of a vanished drag source (no %q in its output): the drag source outlived the drops", dropsFromGoneSource, xErrorLogged)
		}
	})
}
