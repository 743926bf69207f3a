//go:build e2e

package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/vault"
)

// TestALockedKeyring is Z19 in the real window and the real keyring: the
// keyring is locked, and Save on the password card makes it show its
// unlock prompt ("Authentication required"), which is not answered. The
// card says how long Fornyer waits, and says the keyring did not answer
// when that time is up, not later (measured in the app's trace). Then, in
// Danish, the keyring is started again (as last session's walk did, in
// place of an unlock: the call waiting on the old prompt never ends); in
// English the prompt is answered late, with the keyring's password. Either
// way the next Save saves, without a restart of Fornyer, and the late
// unlock does not bring back the Save that was told it failed.
func TestALockedKeyring(t *testing.T) {
	forEachLanguage(t, "locked", func(t *testing.T, s *session) {
		s.seedAt("password")
		s.start()
		titles := stepTitles(s.lang)
		s.waitText("password", screenWait, titles[guide.Index("password")])
		store := map[string]any{"Store": s.L(vault.StoreName("linux")), "Seconds": vault.CallSeconds}
		first := func(key string) string { // the sentence's first clause, as the window capitalises it
			text, _, _ := strings.Cut(msg.T(s.lang, key, store), "…")
			text, _, _ = strings.Cut(text, ":")
			return strings.ToUpper(text[:1]) + text[1:]
		}
		save := s.findMain("password-save", s.L("vault.password.save")) // read while grey
		s.lockKeyring()

		s.clickText("password-field", screenWait, s.L("vault.password.placeholder"))
		s.typ("first-" + certPassword)
		s.waitGone("password-typed", screenWait, s.L("vault.password.empty"))
		s.click(save.centre())
		s.waitText("saving", screenWait, first("vault.password.saving"))
		s.waitText("timed-out", vault.CallLimit+screenWait, first("vault.error.timeout"))
		took, ok := s.lastSave()
		if !ok {
			t.Fatalf("no trace of the Save (FORNYER_TRACE=1); app output:\n%s", s.appTail())
		}
		t.Logf("the Save on the locked keyring was answered after %s", took.Round(100*time.Millisecond))
		if took < vault.CallLimit-time.Second || took > vault.CallLimit+5*time.Second {
			t.Errorf("told the keyring did not answer within %d seconds after %s", vault.CallSeconds, took)
		}
		pending := vault.PendingID(s.readProgress().RenewalID)

		if s.lang == "da" {
			s.restartKeyring()
		} else {
			// The prompt, which has the keyboard, answered late.
			s.typ(keyringPassword)
			s.key("Return")
		}
		s.waitFor("the keyring unlocked", screenWait, func() bool {
			out, err := s.command("dbus-send", "--session", "--dest=org.freedesktop.secrets", "--print-reply",
				"/org/freedesktop/secrets/collection/login", "org.freedesktop.DBus.Properties.Get",
				"string:org.freedesktop.Secret.Collection", "string:Locked").Output()
			return err == nil && strings.Contains(string(out), "boolean false")
		})
		if got, ok := s.keyringSecrets()[pending]; ok {
			t.Errorf("the Save told it failed left %q in the keyring", got)
		}
		// The field still holds the typed password: Save again.
		s.click(save.centre())
		s.waitText("saved", screenWait, msg.T(s.lang, "vault.saved", store))
		if took, ok := s.lastSave(); ok {
			t.Logf("the Save after the keyring came back took %s", took.Round(100*time.Millisecond))
		}
		if got := s.keyringSecrets()[pending]; got != "first-"+certPassword {
			t.Errorf("after the keyring came back it holds %q", got)
		}
		s.noPasswordOnDisk()
	})
}

// lastSave is how long the last Save on the password card waited on the
// store, from the app's trace.
func (s *session) lastSave() (time.Duration, bool) {
	traceMu.Lock()
	defer traceMu.Unlock()
	var began, ended time.Time
	for _, e := range s.traces {
		switch e.what {
		case "password-save":
			began, ended = e.at, time.Time{}
		case "password-save-ended":
			ended = e.at
		}
	}
	if began.IsZero() || ended.IsZero() {
		return 0, false
	}
	return ended.Sub(began), true
}

// lockKeyring locks the login keyring, as the screen lock or a timeout
// does: the next read or write asks for its password in a prompt of its
// own, which no one answers here.
func (s *session) lockKeyring() {
	s.t.Helper()
	s.run("dbus-send", "--session", "--dest=org.freedesktop.secrets", "--print-reply", "/org/freedesktop/secrets",
		"org.freedesktop.Secret.Service.Lock", "array:objpath:/org/freedesktop/secrets/collection/login")
}

// restartKeyring starts the keyring again, unlocked, in place of the one
// running (--replace), as an administrator logging in again does; the
// call waiting on the old one's prompt never ends.
func (s *session) restartKeyring() {
	s.t.Helper()
	before := strings.TrimSpace(s.run("dbus-send", "--session", "--dest=org.freedesktop.DBus", "--print-reply=literal",
		"/org/freedesktop/DBus", "org.freedesktop.DBus.GetNameOwner", "string:org.freedesktop.secrets"))
	cmd := s.command("gnome-keyring-daemon", "--replace", "--foreground", "--unlock", "--components=secrets")
	cmd.Stdin = strings.NewReader(keyringPassword)
	log := &syncBuffer{}
	cmd.Stdout, cmd.Stderr = log, log
	s.background(cmd)
	s.waitFor("the keyring started again", screenWait, func() bool {
		out, err := s.command("dbus-send", "--session", "--dest=org.freedesktop.DBus", "--print-reply=literal",
			"/org/freedesktop/DBus", "org.freedesktop.DBus.GetNameOwner", "string:org.freedesktop.secrets").Output()
		return err == nil && strings.TrimSpace(string(out)) != before
	})
}
