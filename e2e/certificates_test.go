//go:build e2e

package e2e

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fornyer/fornyer/core/certlist"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/register/registertest"
)

// TestManyCertificates is an IT provider's window: a register of 1,000
// made-up certificates (scripts/seed-register's), "My certificates" opened,
// one client found by typing its CVR number in the search box, its card
// opened from the row. The window must start and the list show as it does
// with a handful.
func TestManyCertificates(t *testing.T) {
	forEachLanguage(t, "many-certificates", func(t *testing.T, s *session) {
		const n = 1000
		// A client whose name OCR reads as words (no "&").
		client := 417
		for strings.Contains(registertest.Organization(client), "&") {
			client++
		}
		path := filepath.Join(s.storage(), "register.json")
		certs := registertest.Certificates(n, time.Now())
		if err := registertest.Write(path, certs); err != nil {
			t.Fatal(err)
		}
		// The count says the rows: one per renewal line, earlier ones apart.
		rows := len(certlist.Lines(certs))
		cvr, org := registertest.CVR(client), registertest.Organization(client)

		s.start()
		p, _ := s.waitText("started", screenWait, s.L("tab.certificates"))
		// The tab is the lowest "My certificates": the reminders that stand
		// above the tabs (73 of these certificates expire soon) name the
		// screen in their sentence and on their button.
		all := p.findAll(s.L("tab.certificates"))
		tab := all[len(all)-1]
		clicked := time.Now()
		s.click(tab.centre())
		s.waitText("listed", screenWait, msg.T(s.lang, "list.count", map[string]any{"Total": rows, "Earlier": n - rows}))
		if at, ok := s.traceAt("certificates-rows"); ok {
			t.Logf("tab clicked to first rows drawn: %s", at.Sub(clicked).Round(time.Millisecond))
		} else {
			t.Errorf("no trace of the rows drawn (FORNYER_TRACE=1); app output:\n%s", s.appTail())
		}

		s.clickText("search-box", screenWait, s.L("list.search.placeholder"))
		s.typ(cvr)
		p, _ = s.waitText("found", screenWait, msg.T(s.lang, "list.count.filtered", map[string]any{"Shown": 1, "Total": rows}))
		if !p.has(org) {
			t.Errorf("searching CVR %s does not show %q; the screen reads:\n%s", cvr, org, p.text())
		}

		s.clickText("row", screenWait, org)
		// The card, by its Technical details: its way back has the
		// keyboard (Z18), its label on the focus's grey, which OCR misreads.
		p, _ = s.waitText("card", screenWait, s.L("register.details"))
		if !p.has(cvr) {
			t.Errorf("the card of %q does not show CVR %s; it reads:\n%s", org, cvr, p.text())
		}

		// Y5, Z18, by keyboard: the card opened with the keyboard on its
		// way back, so Enter goes back, to the row it left, and Enter there
		// opens the row again (Enter on a row did nothing).
		s.key("Return")
		s.waitText("list-again", screenWait, msg.T(s.lang, "list.count.filtered", map[string]any{"Shown": 1, "Total": rows}))
		s.key("Return")
		p, _ = s.waitText("card-by-keyboard", screenWait, s.L("register.details"))
		if !p.has(cvr) {
			t.Errorf("Enter on the row of %q did not open its card; the screen reads:\n%s", org, p.text())
		}
	})
}

// traceAt is when the app first traced event.
func (s *session) traceAt(event string) (time.Time, bool) {
	traceMu.Lock()
	defer traceMu.Unlock()
	for _, e := range s.traces {
		if e.what == event {
			return e.at, true
		}
	}
	return time.Time{}, false
}
