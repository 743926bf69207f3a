//go:build e2e

package e2e

import (
	"strings"
	"testing"
	"time"
)

// TestSecondStartHandsOver starts the app a second time with a file, as a
// double-click on a .p12 does while the window is open: the second start
// exits at once, no second window appears, and the running window checks
// the file (issue 15, item 7).
func TestSecondStartHandsOver(t *testing.T) {
	forEachLanguage(t, "second-start", func(t *testing.T, s *session) {
		s.start()
		s.waitText("started", screenWait, s.L("tab.check"))
		second := s.command(suite.bin, file(fileGarbage))
		began := time.Now()
		done := make(chan error, 1)
		out := &strings.Builder{}
		second.Stdout, second.Stderr = out, out
		if err := second.Start(); err != nil {
			t.Fatal(err)
		}
		go func() { done <- second.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("the second start failed: %v\n%s", err, out)
			}
			t.Logf("the second start handed over and exited after %s", time.Since(began).Round(time.Millisecond))
		case <-time.After(20 * time.Second):
			second.Process.Kill()
			t.Fatalf("the second start did not exit: a second window?\n%s", out)
		}
		s.waitText("handed-over", checkWait, s.L("inspect.finding.unrecognized_format.title"))
		wins := strings.Fields(s.run("xdotool", "search", "--onlyvisible", "--name", "^Fornyer$"))
		if len(wins) != 1 {
			t.Errorf("%d windows named Fornyer, want 1", len(wins))
		}
	})
}
