//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"testing"
)

// TestChooseFile checks a file the way an administrator who does not drag
// files does: Choose file… on the Check tab, the rest of the path typed
// after the folder the window's picker proposes (Downloads; before W6 the
// cursor stood in front of it) and Enter, the password asked for and pasted, and the
// answer "ready"; the certificate is then in the register, and the
// password nowhere on disk. The file is outside Downloads, which the
// window watches and would check by itself.
func TestChooseFile(t *testing.T) {
	forEachLanguage(t, "choose-file", func(t *testing.T, s *session) {
		dir := filepath.Join(s.home, "Certifikater")
		if err := os.MkdirAll(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		// An ASCII name: xdotool cannot type Danish letters in Xvfb's keymap.
		data, err := os.ReadFile(file(fileRenewed))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "fornyet.p12"), data, 0o600); err != nil {
			t.Fatal(err)
		}
		s.start()
		// To the Check tab by keyboard, Ctrl+2, as a keyboard user does
		// (Fyne's tabs take no focus).
		s.waitText("started", screenWait, s.L("tab.check"))
		s.key("ctrl+2")
		s.clickText("choose-file", screenWait, s.L("check.choose"))
		s.waitText("picker", screenWait, s.L("picker.browse"))
		s.typ("../Certifikater/fornyet.p12")
		// The keys arrive in order: Enter after the name. Were the name in
		// front of the folder, nothing would be there to check.
		s.shot("picker-typed")
		s.key("Return")
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
