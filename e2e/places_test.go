//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/fornyer/fornyer/core/guide"
	facts "github.com/fornyer/fornyer/core/register"
)

// TestPlacesOfEachKind starts on the switch-over card with one place of
// each kind noted (Datafordeleren: the public certificate; Skat: the
// identity; a supplier's webshop: the .p12; an intranet: something else)
// and hands each what it needs, as an administrator would: the .cer saved
// beside the file, the thumbprint copied, a copy for the supplier with its
// own password (the renewal's password asked for each time, since it was
// kept elsewhere) and its place ticked; the intranet stays noted. It judges by the files, the
// clipboard and the progress file.
func TestPlacesOfEachKind(t *testing.T) {
	forEachLanguage(t, "places", func(t *testing.T, s *session) {
		downloads := filepath.Join(s.home, "Downloads")
		path := s.copyFile(fileRenewed, downloads)
		_, c := s.registerFile(path)
		s.seedAt("switch", func(p *guide.Progress) {
			p.SetPasswordKept(facts.KeptWritten, "")
			p.SetFileChecked(c.SHA256, time.Now())
			p.SetUses(guide.PlaceDatafordeler, true)
			p.SetUses(guide.PlaceSkat, true)
			p.AddPlace("Acme webshop", facts.NeedsP12, "")
			p.AddPlace("Intranet", facts.NeedsOther, "")
		})
		s.start()
		s.waitText("switch", screenWait, stepTitles(s.lang)[guide.Index("switch")])

		// Datafordeleren: the public certificate, beside the file. The
		// renewal's password was kept elsewhere: it is asked for, once.
		password := strings.Join(strings.Fields(s.L("guide.handover.password"))[0:2], " ")
		s.clickText("save-cer", screenWait, s.L("guide.public.save"))
		s.clickText("cer-password", screenWait, password)
		s.typ(certPassword)
		s.clickText("save-cer-again", screenWait, s.L("guide.public.save"))
		cer := strings.TrimSuffix(path, filepath.Ext(path)) + ".cer"
		s.waitFor("the .cer beside the file", screenWait, func() bool { _, err := os.Stat(cer); return err == nil })

		// Skat: the thumbprint, copied with the button on its row.
		// "Thumbprint (SHA-1": the word alone is in Datafordeleren's sentence too.
		thumb := strings.Join(strings.Fields(s.L("inspect.identifier.thumbprint"))[0:2], " ")
		p := s.scrollUntil("thumbprint", thumb)
		row, _ := p.find(thumb)
		copies := p.findAll(s.L("guide.identifiers.copy"))
		if len(copies) == 0 {
			t.Fatalf("no %q beside the thumbprint", s.L("guide.identifiers.copy"))
		}
		best := copies[0]
		for _, c := range copies {
			if abs(c.y-row.y) < abs(best.y-row.y) {
				best = c
			}
		}
		if abs(best.y-row.y) > 30 {
			t.Fatalf("no %q button on the thumbprint's row", s.L("guide.identifiers.copy"))
		}
		s.click(best.centre())
		s.waitFor("the thumbprint on the clipboard", screenWait, func() bool {
			return strings.TrimSpace(s.clipOut("UTF8_STRING")) == strings.ToUpper(c.SHA1)
		})

		// The supplier: a copy with its own password; the renewal's
		// password is asked for once, since it was kept elsewhere.
		s.scrollUntil("make-copy-shown", s.L("guide.handover.make"))
		s.clickText("make-copy", screenWait, s.L("guide.handover.make"))
		s.clickText("original-password", screenWait, password)
		s.typ(certPassword)
		s.clickText("make-copy-again", screenWait, s.L("guide.handover.make"))
		copyName := strings.TrimSuffix(filepath.Base(path), ".p12") + map[string]string{"da": " (til ", "en": " (for "}[s.lang] + "Acme webshop).p12"
		s.waitFor("the hand-over copy", screenWait, func() bool { _, err := os.Stat(filepath.Join(downloads, copyName)); return err == nil })
		s.scrollUntil("copy-made", strings.Join(strings.Fields(s.L("guide.handover.channels"))[0:4], " "))

		// The supplier's place ticked when it is switched over (its tick
		// is the last on screen under the advice); the intranet, which
		// needs something else, stays noted with its kind.
		p, _ = s.waitText("copy-advice", screenWait, s.L("guide.place.done"))
		s.clickNthText("switched-acme", screenWait, s.L("guide.place.done"), len(p.findAll(s.L("guide.place.done"))))
		s.waitFor("the progress file records the places", screenWait, func() bool {
			p := s.readProgress()
			list := p.Checklist()
			return len(list) == 4 && list[0].Given == facts.GavePublic && list[1].Given == facts.GaveIdentity &&
				list[2].Given == facts.GaveCopy && list[2].GivenTo == "Acme webshop" && !list[2].Switched.IsZero() &&
				list[3].Name == "Intranet" && list[3].Kind == facts.NeedsOther
		})
		s.noPasswordOnDisk()
	})
}

// wheel turns the mouse wheel down n notches over the middle of the window.
func (s *session) wheel(n int) {
	s.t.Helper()
	s.xdo("mousemove", strconv.Itoa(s.win.x+s.win.w/2), strconv.Itoa(s.win.y+s.win.h/2))
	s.xdo("click", "--repeat", strconv.Itoa(n), "5")
}

// scrollUntil turns the wheel a little at a time until phrase shows.
func (s *session) scrollUntil(label, phrase string) page {
	s.t.Helper()
	p, ok := s.pollScreen(label, screenWait, func(p page) bool {
		if p.has(phrase) {
			return true
		}
		s.wheel(8) // about a third of the window: nothing is skipped
		return false
	})
	if !ok {
		s.t.Fatalf("%s: %q never showed (%s):\n%s", label, phrase, p.shot, p.text())
	}
	return p
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
