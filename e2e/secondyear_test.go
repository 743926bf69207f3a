//go:build e2e

package e2e

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/fornyer/fornyer/core/guide"
	facts "github.com/fornyer/fornyer/core/register"
)

// TestTheSecondYear starts the next renewal of a certificate Fornyer
// renewed before (X23): the first card says what the register knows of
// that renewal, who did it and where the password, the backup and the
// receipt went; Enter walks on to the password card, which offers last
// time's answer to "Where else is the password kept?", and a click on it
// is the answer, in the progress.
func TestTheSecondYear(t *testing.T) {
	forEachLanguage(t, "second-year", func(t *testing.T, s *session) {
		prev := s.copyFile(filePrevious, filepath.Join(s.home, "Documents"))
		reg, c := s.registerFile(prev)
		c.PasswordKept, c.PasswordHost = facts.KeptWritten, "KONTOR-PC"
		if err := reg.Upsert(c); err != nil {
			t.Fatal(err)
		}
		for _, err := range []error{
			reg.RecordRenewed(c.SHA256, c.NotBefore),
			reg.RecordBackup(c.SHA256, facts.FileRef{Path: "/media/jens/KINGSTON/previous.p12", Drive: "KINGSTON", VerifiedAt: c.NotBefore}),
			reg.RecordReceipt(c.SHA256, facts.Receipt{Path: filepath.Join(s.home, "Documents", "kvittering.pdf"), At: c.NotBefore, By: "Jens Hansen"}),
		} {
			if err != nil {
				t.Fatal(err)
			}
		}
		s.start()
		titles := stepTitles(s.lang)
		s.waitText("welcome", screenWait, titles[0])
		s.scrollUntil("last-time", s.L("guide.last.title"), "Jens Hansen", "KINGSTON")

		passwordStep := guide.Index("password")
		s.key("Return")
		for i := 1; i < passwordStep; i++ {
			s.waitText(guide.Steps[i].ID, screenWait, titles[i])
			s.key("Return")
		}
		s.waitText("password", screenWait, titles[passwordStep])
		s.scrollUntil("as-last-time", s.lead("guide.last.kept.use.written", 3))
		s.clickText("as-last-time-click", screenWait, s.lead("guide.last.kept.use.written", 3))
		s.waitFor("last time's answer in the progress", screenWait, func() bool {
			return s.readProgress().PasswordKept == facts.KeptWritten
		})
		s.shot("as-last-time-taken")
	})
}

// TestRenewItAYearOn: a year on, the certificate last year's renewal made
// is the one to renew, and the guide still holds that finished renewal.
// My certificates' "Renew this one" starts the next renewal at the first
// card, where Enter goes on (walk W11: it showed last year's renewal at
// card 1, every dot ticked and Next greyed out, and nothing moved), and the
// reminder's banner goes (W12).
func TestRenewItAYearOn(t *testing.T) {
	forEachLanguage(t, "renew-a-year-on", func(t *testing.T, s *session) {
		prev := s.copyFile(filePrevious, filepath.Join(s.home, "Documents"))
		_, c := s.registerFile(prev)
		last := guide.New(c.NotBefore)
		last.SetFileChecked(c.SHA256, c.NotBefore)
		for _, step := range guide.Steps {
			last.Done[step.ID] = c.NotBefore
		}
		last.Current = guide.Steps[len(guide.Steps)-1].ID
		if err := last.Save(filepath.Join(s.storage(), guide.FileName)); err != nil {
			t.Fatal(err)
		}
		s.start()
		titles := stepTitles(s.lang)
		s.waitText("last-years-summary", screenWait, titles[len(titles)-1])
		s.key("ctrl+3")
		s.clickText("the-certificate", screenWait, "CVR "+c.CVR)
		s.clickText("renew-this-one", screenWait, s.L("register.renew"))
		s.waitText("first-card", screenWait, titles[0])
		// The reminder was acted on: its banner (Renew it, Not now) goes.
		s.waitGone("reminder-gone", screenWait, s.L("watch.dismiss"))
		s.key("Return")
		s.waitText("second-card", screenWait, titles[1])
		p := s.readProgress()
		if p.RenewalID == last.RenewalID || p.FileChecked() || !strings.EqualFold(p.Renews, c.SHA256) {
			t.Errorf("the progress after Renew this one: renewal %s (last year's %s), file %q, renews %q; want a new renewal of %s",
				p.RenewalID, last.RenewalID, p.FileSHA256, p.Renews, c.SHA256)
		}
	})
}
