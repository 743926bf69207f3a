//go:build e2e

package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/fornyer/fornyer/core/msg"
	facts "github.com/fornyer/fornyer/core/register"
)

// TestAnotherOrganisationsFile (X14) opens a supplier's certificate
// (another organisation than the one being renewed) while the renewal
// waits for its file, on a laptop's 1366×768 screen: the answer says it is not added to My certificates,
// the register keeps it apart with no reminder scheduled, and My
// certificates does not list it but names it under the folded heading of
// the ones kept apart, where "Add to My certificates" lists it, and its
// reminders are scheduled.
func TestAnotherOrganisationsFile(t *testing.T) {
	for _, l := range languages() {
		t.Run(l, func(t *testing.T) {
			record(t)
			s := newSessionOn(t, "another-organisation", l, laptopScreen)
			_, own := s.registerFile(s.copyFile(filePrevious, filepath.Join(s.home, "Documents")))
			other := s.copyFile(fileOther, filepath.Join(s.home, "Documents"))
			s.seedAt("download")
			s.start()
			s.openWithPassword(other)
			s.waitText("apart", checkWait, s.L("renewal.apart.title"))

			path := filepath.Join(s.storage(), facts.FileName)
			entry := func() (facts.Certificate, bool) {
				// The file as it is: every reader of the register but
				// Get leaves out an entry kept apart.
				var file struct{ Certificates []facts.Certificate }
				data, err := os.ReadFile(path)
				if err != nil || json.Unmarshal(data, &file) != nil {
					return facts.Certificate{}, false
				}
				certs := file.Certificates
				i := slices.IndexFunc(certs, func(c facts.Certificate) bool { return c.Organization == "Anden Virksomhed ApS" })
				if i < 0 {
					return facts.Certificate{}, false
				}
				return certs[i], true
			}
			s.waitFor("the check recorded", screenWait, func() bool { _, ok := entry(); return ok })
			if c, _ := entry(); !c.Apart || len(c.Scheduled) != 0 {
				t.Errorf("recorded apart %v, scheduled %d reminders", c.Apart, len(c.Scheduled))
			}

			// My certificates (Ctrl+3: its name is on the answer's button
			// too): the user's own, and the supplier's under the folded
			// heading of the ones kept apart, where it is added.
			s.key("ctrl+3")
			heading, _, _ := strings.Cut(msg.T(s.lang, "list.apart.title", map[string]any{"Count": 1}), " (")
			p, _ := s.waitText("listed", screenWait, msg.T(s.lang, "list.count", map[string]any{"Total": 1, "Earlier": 0}))
			if p.has("Anden Virksomhed") || !p.has(own.Organization) || !p.has(heading) {
				t.Errorf("My certificates lists the supplier's certificate, or not the user's own, or not the heading %q; it reads:\n%s", heading, p.text())
			}
			s.clickText("apart", screenWait, heading)
			s.clickText("add", screenWait, s.L("renewal.apart.add"))
			s.waitFor("added and its reminders scheduled", screenWait, func() bool {
				c, ok := entry()
				return ok && !c.Apart && len(c.Scheduled) > 0
			})
			p, _ = s.waitText("listed-after", screenWait, msg.T(s.lang, "list.count", map[string]any{"Total": 2, "Earlier": 0}))
			if !p.has("Anden Virksomhed") || p.has(heading) {
				t.Errorf("My certificates does not list the certificate added, or still shows the heading; it reads:\n%s", p.text())
			}
		})
	}
}

// TestADeclinedFileInAFirstRenewal (Z11): in a first renewal (nothing in
// the register), a supplier's file is asked about as the file just
// downloaded; "No, it is another file" keeps it apart, the same as a file
// the renewal finds to be another organisation's: the answer says it is
// not added to My certificates, the register keeps it apart with no
// reminder scheduled, and My certificates names it only under the folded
// heading of the ones kept apart, with no warning about it.
func TestADeclinedFileInAFirstRenewal(t *testing.T) {
	forEachLanguage(t, "declined-first", func(t *testing.T, s *session) {
		other := s.copyFile(fileOther, filepath.Join(s.home, "Documents"))
		s.seedAt("download")
		s.start()
		s.openWithPassword(other)
		s.clickText("declined", checkWait, s.L("renewal.ask.no"))
		s.waitText("apart", screenWait, s.L("renewal.apart.title"))

		path := filepath.Join(s.storage(), facts.FileName)
		s.waitFor("kept apart in the register", screenWait, func() bool {
			var file struct{ Certificates []facts.Certificate }
			data, err := os.ReadFile(path)
			if err != nil || json.Unmarshal(data, &file) != nil || len(file.Certificates) != 1 {
				return false
			}
			c := file.Certificates[0]
			return c.Organization == "Anden Virksomhed ApS" && c.Apart && len(c.Scheduled) == 0
		})

		s.key("ctrl+3")
		heading, _, _ := strings.Cut(msg.T(s.lang, "list.apart.title", map[string]any{"Count": 1}), " (")
		p, _ := s.waitText("kept-apart", screenWait, heading)
		if p.has("Anden Virksomhed") {
			t.Errorf("My certificates lists the declined file; it reads:\n%s", p.text())
		}
	})
}

// openWithPassword drops the file on the window, once it is up, and
// types its password where the Check tab asks for it.
func (s *session) openWithPassword(path string) {
	s.t.Helper()
	s.waitText("started", screenWait, s.L("tab.check"))
	s.drag(path)
	s.waitText("asks-password", checkWait, s.L("check.password.title"))
	s.typ(certPassword)
	s.key("Return")
}
