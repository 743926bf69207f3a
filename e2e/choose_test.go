//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"testing"
)

// TestChooseFile checks a file the way an administrator who does not drag
// files does: Choose file… on the Check tab, the path pasted into the
// window's picker and Enter, the password asked for and pasted, and the
// answer "ready"; the certificate is then in the register, and the
// password nowhere on disk. The file is outside Downloads, which the
// window watches and would check by itself.
func TestChooseFile(t *testing.T) {
	forEachLanguage(t, "choose-file", func(t *testing.T, s *session) {
		dir := filepath.Join(s.home, "Certifikater")
		if err := os.MkdirAll(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		s.copyFile(fileRenewed, dir)
		s.start()
		// To the Check tab by keyboard, Ctrl+2, as a keyboard user does
		// (Fyne's tabs take no focus).
		s.waitText("started", screenWait, s.L("tab.check"))
		s.key("ctrl+2")
		s.clickText("choose-file", screenWait, s.L("check.choose"))
		s.pickInDialog(dir, fileRenewed)
		s.waitText("asks-password", checkWait, s.L("check.password.title"))
		s.clipboard(certPassword)
		s.key("ctrl+v")
		s.key("Return")
		p, _ := s.waitText("ready", checkWait, s.L("inspect.verdict.ready"))
		if !p.has(orgName) && !p.has(orgCVR) {
			t.Errorf("the answer does not name the organisation %q or CVR %s; it reads:\n%s", orgName, orgCVR, p.text())
		}
		s.waitFor("the certificate in the register", screenWait, func() bool {
			r := s.readRegister()
			return r != nil && len(r.Certificates) == 1 && r.Certificates[0].CVR == orgCVR && r.Certificates[0].Organization == orgName
		})
		s.noPasswordOnDisk()
	})
}
