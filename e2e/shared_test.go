//go:build e2e

package e2e

import (
	"testing"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/vault"
)

// TestTwoFilesShareAPassword is Y9: the password saved on the password
// card also opens another organisation's file (an IT provider's saved
// passwords; the test files share one). That file lands first: the
// keyring keeps the renewal's entry through the check and "No, it is
// another file"; the renewal's own file is then asked about plainly (not
// "another organisation's") and takes the password with the yes. English
// only: the rule is core's, the window only draws it.
func TestTwoFilesShareAPassword(t *testing.T) {
	record(t)
	s := newSession(t, "shared", "en")
	s.saveOnThePasswordCard(certPassword)
	pendingOnly := func(when string) {
		t.Helper()
		secrets := s.keyringSecrets()
		pending := 0
		for id, v := range secrets {
			if vault.IsPending(id) && v == certPassword {
				pending++
			} else if _, ok := vault.CertificateOf(id); ok {
				t.Errorf("%s: a password saved under %s", when, id)
			}
		}
		if pending != 1 {
			t.Errorf("%s: the renewal's password is saved %d times as the renewal's", when, pending)
		}
	}

	s.drag(file(fileOther))
	s.waitText("other-ready", checkWait, s.L("inspect.verdict.ready"))
	s.waitText("other-asked", screenWait, s.L("renewal.ask.no"))
	pendingOnly("the other organisation's file checked")
	s.clickText("no", screenWait, s.L("renewal.ask.no"))
	s.waitText("declined", screenWait, s.L("renewal.declined.title"))
	pendingOnly("after No")

	s.drag(file(fileRenewed))
	p, _ := s.waitText("own-asked", checkWait, s.L("renewal.ask.no"))
	if p.has(s.L("renewal.foreign.title")) {
		t.Errorf("the renewal's own file is called another organisation's:\n%s", p.text())
	}
	s.answerYes()
	prog := s.readProgress()
	right := 0
	for id, v := range s.keyringSecrets() {
		switch {
		case vault.IsPending(id):
			t.Errorf("after yes a pending password is left: %s", id)
		case vault.Opens(id, prog.FileSHA256) && v == certPassword:
			right++
		}
	}
	if !prog.FileChecked() || right != 1 {
		t.Errorf("after yes: file taken %v, the password saved %d times under it", prog.FileChecked(), right)
	}
	s.noPasswordOnDisk()
}

// saveOnThePasswordCard starts on the password card, types password in its
// field and saves it with Enter, and waits until the card says it is saved.
func (s *session) saveOnThePasswordCard(password string) {
	s.t.Helper()
	s.seedAt("password")
	s.start()
	s.waitText("password", screenWait, stepTitles(s.lang)[guide.Index("password")])
	s.clickText("password-field", screenWait, s.L("vault.password.placeholder"))
	s.typ(password)
	s.key("Return")
	s.waitText("saved", screenWait, msg.T(s.lang, "vault.saved", map[string]any{"Store": s.L(vault.StoreName("linux"))}))
}
