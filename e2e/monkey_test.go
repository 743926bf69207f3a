//go:build e2e

package e2e

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// monkeyKeys are the keys a person presses while finding their way; none
// that leaves the window (there is no window manager to close it with).
var monkeyKeys = []string{
	"Tab", "shift+Tab", "Return", "Escape", "space", "BackSpace",
	"Up", "Down", "Left", "Right", "Page_Down", "Page_Up", "Home", "End",
	"ctrl+v", "ctrl+a", "ctrl+c", "alt+Left",
}

const monkeyLetters = "abcdefghijklmnopqrstuvwxyzæøåABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ0123456789 .-_/!?"

// monkeyBudget bounds one phase's time, whatever the machine's speed.
const monkeyBudget = 75 * time.Second

// TestMonkey gives the real window a few hundred random clicks, keys and
// typing per language, from fixed seeds, first with nothing open and then
// with a file open (its password asked for, the password on the
// clipboard). The window must live through all of it and still answer a
// drop at the end. When it dies, the seed, the last 20 actions and the
// app's output say how to repeat it.
func TestMonkey(t *testing.T) {
	total := 600
	if v := os.Getenv("FORNYER_E2E_MONKEY"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			t.Fatalf("FORNYER_E2E_MONKEY=%q is not a number", v)
		}
		total = n
	}
	if total <= 0 {
		t.Skip("FORNYER_E2E_MONKEY=0")
	}
	for li, l := range languages() {
		for pi, phase := range []string{"empty", "file-open"} {
			seed := uint64(1200 + 10*li + pi)
			t.Run(l+"/"+phase, func(t *testing.T) {
				record(t)
				s := newSession(t, "monkey-"+phase, l)
				if phase == "file-open" {
					s.start(file(fileRenewed))
				} else {
					s.start()
				}
				s.clipboard(certPassword)
				done := s.monkey(seed, total/2)
				t.Logf("seed %d: %d random actions survived", seed, done)
				monkeySurvived.Add(int64(done))
				// Still answering: a drop gets its verdict.
				s.mark()
				s.drag(file(fileGarbage))
				s.waitFor("the verdict of a drop after the random actions", checkWait, func() bool {
					_, ok := s.dropToVerdict()
					return ok
				})
				s.shot("after")
			})
		}
	}
}

// monkey does n random actions inside the window from seed, and returns
// how many it did before its time budget ran out. It fails the test with
// the seed and the last actions when the app dies.
func (s *session) monkey(seed uint64, n int) int {
	s.t.Helper()
	rng := rand.New(rand.NewPCG(seed, seed^0x5eed))
	var last []string
	deadline := time.Now().Add(monkeyBudget)
	died := func(i int, err error) {
		shot := s.shot("died")
		s.t.Fatalf("the app died at random action %d of seed %d (%v)\nlast actions:\n  %s\nscreenshot: %s\napp output:\n%s",
			i, seed, err, strings.Join(last, "\n  "), shot, s.appLog.tail(40))
	}
	for i := 0; i < n; i++ {
		if time.Now().After(deadline) {
			s.t.Logf("seed %d: time budget spent after %d actions", seed, i)
			return i
		}
		var args []string
		switch r := rng.IntN(100); {
		case r < 50:
			x := s.win.x + 2 + rng.IntN(s.win.w-4)
			y := s.win.y + 2 + rng.IntN(s.win.h-4)
			args = []string{"mousemove", strconv.Itoa(x), strconv.Itoa(y), "click", "1"}
		case r < 78:
			args = []string{"key", monkeyKeys[rng.IntN(len(monkeyKeys))]}
		case r < 93:
			letters := []rune(monkeyLetters)
			word := make([]rune, 1+rng.IntN(12))
			for j := range word {
				word[j] = letters[rng.IntN(len(letters))]
			}
			args = []string{"type", "--delay", "20", "--", string(word)}
		default:
			x := s.win.x + 2 + rng.IntN(s.win.w-4)
			y := s.win.y + 2 + rng.IntN(s.win.h-4)
			args = []string{"mousemove", strconv.Itoa(x), strconv.Itoa(y), "click", "--repeat", "3", strconv.Itoa(4 + rng.IntN(2))}
		}
		last = append(last, "xdotool "+strings.Join(args, " "))
		if len(last) > 20 {
			last = last[1:]
		}
		if out, err := s.command("xdotool", args...).CombinedOutput(); err != nil && s.running() {
			s.t.Fatalf("xdotool %v: %v %s", args, err, out)
		}
		time.Sleep(40 * time.Millisecond)
		if !s.running() {
			died(i+1, s.appErr)
		}
		if (i+1)%50 == 0 {
			s.shot(fmt.Sprintf("action-%d", i+1))
		}
	}
	return n
}
