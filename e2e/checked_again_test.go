//go:build e2e

package e2e

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/fornyer/fornyer/core/msg"
)

// TestCheckedAgain checks, in the real window, the file of a certificate
// the register knows as installed in DPG (as My certificates' "Mark as
// installed" leaves it): the answer says it is the certificate installed
// in DPG on that day, by that person, never "Ready … install it in DPG
// now".
func TestCheckedAgain(t *testing.T) {
	forEachLanguage(t, "checked-again", func(t *testing.T, s *session) {
		path := s.copyFile(fileRenewed, filepath.Join(s.home, "Downloads"))
		reg, c := s.registerFile(path)
		installed := time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC)
		if err := reg.RecordDPGInstalled(c.SHA256, "Mette Hansen", installed); err != nil {
			t.Fatal(err)
		}
		s.start()
		s.waitText("started", screenWait, s.L("tab.check"))
		s.drag(path)
		s.waitText("asks-password", checkWait, s.L("check.password.title"))
		s.typ(certPassword)
		s.key("Return")
		p, _ := s.waitText("installed", checkWait, s.L("renewal.installed.title"))
		if date := msg.Date(s.lang, installed.Local()); !p.has(date) || !p.has("Mette Hansen") {
			t.Errorf("the answer does not say installed on %s by Mette Hansen; it reads:\n%s", date, p.text())
		}
		if p.has(s.L("inspect.verdict.ready")) || p.has(s.L("inspect.verdict.ready.message")) {
			t.Errorf("the answer still says ready to install; it reads:\n%s", p.text())
		}
		s.noPasswordOnDisk()
	})
}
