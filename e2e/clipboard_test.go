//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/fornyer/fornyer/core/appinfo"
	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/vault"
)

// TestCopiedPasswordConcealed presses "Copy password" on the password card
// (the password pasted and saved first) and reads the clipboard as a
// clipboard manager would: Fornyer serves it itself (core/sysclip), with
// KDE's x-kde-passwordManagerHint = secret beside the text, so Klipper
// leaves it out of its history. The window reads that same clipboard
// through Fyne (GLFW) while the card is shown and when it clears it after
// 30 seconds: the card must keep drawing, and the clipboard end empty.
func TestCopiedPasswordConcealed(t *testing.T) {
	forEachLanguage(t, "clipboard", func(t *testing.T, s *session) {
		s.seedAt("password")
		s.start()
		s.waitText("password", screenWait, stepTitles(s.lang)[guide.Index("password")])
		s.clipboard(certPassword)
		s.clickText("password-field", screenWait, s.L("vault.password.placeholder"))
		s.key("ctrl+v")
		s.key("Return")
		s.waitText("password-saved", screenWait, msg.T(s.lang, "vault.saved", map[string]any{"Store": s.L(vault.StoreName("linux"))}))

		s.clickText("copy", screenWait, s.L("vault.password.copy"))
		s.waitFor("the copied password on the clipboard", screenWait, func() bool {
			return strings.Contains(s.clipOut("TARGETS"), "x-kde-passwordManagerHint")
		})
		copied := time.Now()
		// The card says so where it is seen: it scrolls "Copied." into view.
		s.waitText("copied", screenWait, s.L("vault.password.copied"))
		targets := strings.Fields(s.clipOut("TARGETS"))
		for _, want := range []string{"x-kde-passwordManagerHint", "UTF8_STRING"} {
			if !slices.Contains(targets, want) {
				t.Errorf("the copied password's TARGETS %v lack %s", targets, want)
			}
		}
		if got := s.clipOut("x-kde-passwordManagerHint"); got != "secret" {
			t.Errorf("x-kde-passwordManagerHint = %q, want secret", got)
		}
		if got := s.clipOut("UTF8_STRING"); got != certPassword {
			t.Errorf("the clipboard holds %q, not the saved password", got)
		}

		// The card reads the clipboard twice a second, through GLFW, from
		// Fornyer's own owner on another connection; a dead lock there
		// would freeze the window. "Show" still answers.
		s.clickNthText("show", screenWait, s.L("vault.password.show"), 2) // the illustration says it first
		s.waitText("shown", screenWait, s.L("vault.password.hide"))

		// After 30 seconds Fyne reads the clipboard, finds the password and
		// empties it, which ends Fornyer's owner.
		s.waitFor("the clipboard cleared", 60*time.Second, func() bool {
			return !strings.Contains(s.clipOut("TARGETS"), "x-kde-passwordManagerHint")
		})
		if d := time.Since(copied); d < 25*time.Second {
			t.Errorf("the clipboard was cleared %s after the copy, before its 30 seconds", d.Round(time.Second))
		}
		if got := s.clipOut("UTF8_STRING"); got != "" {
			t.Errorf("after clearing the clipboard holds %q", got)
		}
		s.waitText("cleared", screenWait, s.L("vault.password.cleared"))
		s.alive()
	})
}

// clipOut reads the clipboard as target, "" when nobody serves it.
func (s *session) clipOut(target string) string {
	s.t.Helper()
	cmd := s.command("xclip", "-selection", "clipboard", "-o", "-t", target)
	done := make(chan struct{})
	var out []byte
	go func() {
		out, _ = cmd.Output()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		if cmd.Process != nil {
			_ = cmd.Process.Kill()
		}
		<-done
		s.fatalf("xclip -t %s got no answer in 10 s", target)
	}
	return string(out)
}

// storage is the app's own folder in the private home, made if need be.
func (s *session) storage() string {
	s.t.Helper()
	dir := filepath.Join(s.home, ".config", "fyne", appinfo.ID)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		s.t.Fatal(err)
	}
	return dir
}

// seedAt puts the guide at a step, every step before it done, as a fresh
// renewal that has come so far; adjust adds what else it knows.
func (s *session) seedAt(step string, adjust ...func(p *guide.Progress)) {
	s.t.Helper()
	now := time.Now()
	p := guide.New(now)
	for _, st := range guide.Steps[:guide.Index(step)] {
		p.Done[st.ID] = now
	}
	p.Current = step
	for _, a := range adjust {
		a(&p)
	}
	if err := p.Save(filepath.Join(s.storage(), guide.FileName)); err != nil {
		s.t.Fatal(err)
	}
}
