//go:build linux

package renewal

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	dbus "github.com/godbus/dbus/v5"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/vault"
)

// Review R3 against the real credential store (a GNOME keyring of its own,
// unlocked with "fornyer-test", as scripts/test.sh starts one): the
// password saved on the password card, the keyring then locked (the
// Secret Service's Lock), the renewal's file recorded with its password
// typed. The record says the store did not give it, and once the keyring
// is unlocked again the password is untried, not wrong; tried, it moves
// onto the certificate. Run in a child process: the other tests put
// go-keyring's mock in place for the whole process. Runs when
// FORNYER_REAL_KEYRING is 1 (scripts/test.sh).
func TestRealLockedKeyringIsNotWrong(t *testing.T) {
	const test, child = "TestRealLockedKeyringIsNotWrong", "FORNYER_RENEWAL_REAL_CHILD"
	if os.Getenv(child) == "1" {
		lockedScenario(t)
		return
	}
	if os.Getenv("FORNYER_REAL_KEYRING") != "1" {
		t.Skip("set FORNYER_REAL_KEYRING=1 to test against the real credential store (scripts/test.sh does)")
	}
	// A keyring of its own, in a D-Bus session of its own: locking the
	// one scripts/test.sh shares would fail the other packages' real
	// tests running beside this one.
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "data"), 0o700); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	const start = `echo -n fornyer-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "$0" "$@"`
	cmd := exec.CommandContext(ctx, "dbus-run-session", "--", "sh", "-c", start, os.Args[0], "-test.run=^"+test+"$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), child+"=1", "XDG_RUNTIME_DIR="+dir, "HOME_KEYRING_DIR="+dir, "XDG_DATA_HOME="+filepath.Join(dir, "data"))
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: "+test) {
		t.Fatalf("the real-keyring scenario failed (%v):\n%s", err, out)
	}
}

func lockedScenario(t *testing.T) {
	const right = "Rp7k-æøQx9m!Zt2W"
	path, sha := firmaFile(t, right)
	reg, err := register.Open(filepath.Join(t.TempDir(), "register.json"))
	if err != nil {
		t.Fatal(err)
	}
	f := &Flow{Register: reg, Vault: vault.New(vault.WithTimeout(10 * time.Second)), Now: func() time.Time { return started }}
	ctx := context.Background()
	p := atDownload()
	pending := vault.PendingID(p.RenewalID)
	if err := f.Vault.Save(ctx, pending, "", right); err != nil {
		t.Fatalf("saving on the password card: %v", err)
	}
	t.Cleanup(func() { _ = f.Vault.Delete(context.Background(), vault.CertificateID(sha)) })
	t.Cleanup(func() { _ = f.Vault.Delete(context.Background(), pending) })

	keyring := secretService(t)
	keyring.lock(t)
	p.SetAnswer(sha, true)
	a := AnswerFor(Input{Path: path, Report: opened(checked(sha, "02", started), 0), Tries: TryTyped(right), Known: reg.List(), Progress: p})
	a.Outcome.Apply(p, sha, started)
	if err := f.Record(ctx, a.Check, a.Outcome); err == nil {
		t.Error("locked: the record says nothing of the password it could not try")
	}
	keyring.unlock(t)

	entries, err := f.Vault.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	st := State(p, reg, guide.Passwords{Entries: entries, Known: true})
	if st.WrongPasswordID != "" || st.SavedWrong() || st.UntriedPasswordID != pending {
		t.Fatalf("after the lock: wrong %q, untried %q", st.WrongPasswordID, st.UntriedPasswordID)
	}
	if err := f.TryUntried(ctx, st, "en"); err != nil {
		t.Fatal(err)
	}
	if entries, _ = f.Vault.List(ctx); !State(p, reg, guide.Passwords{Entries: entries, Known: true}).PasswordSaved {
		t.Errorf("tried once unlocked, the password is not the certificate's: %+v", entries)
	}
}

// secretServiceBus is the session's Secret Service, and its default
// collection.
type secretServiceBus struct {
	conn       *dbus.Conn
	collection dbus.ObjectPath
}

func secretService(t *testing.T) secretServiceBus {
	t.Helper()
	conn, err := dbus.ConnectSessionBus()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	var col dbus.ObjectPath
	if err := conn.Object("org.freedesktop.secrets", "/org/freedesktop/secrets").Call("org.freedesktop.Secret.Service.ReadAlias", 0, "default").Store(&col); err != nil || col == "/" {
		t.Fatalf("no default collection: %v", err)
	}
	return secretServiceBus{conn: conn, collection: col}
}

func (s secretServiceBus) service() dbus.BusObject {
	return s.conn.Object("org.freedesktop.secrets", "/org/freedesktop/secrets")
}

// lock locks the collection, as the screen locker or `secret-tool lock` does.
func (s secretServiceBus) lock(t *testing.T) {
	t.Helper()
	var locked []dbus.ObjectPath
	var prompt dbus.ObjectPath
	if err := s.service().Call("org.freedesktop.Secret.Service.Lock", 0, []dbus.ObjectPath{s.collection}).Store(&locked, &prompt); err != nil || len(locked) != 1 {
		t.Fatalf("Lock: %v (locked %v, prompt %v)", err, locked, prompt)
	}
}

// unlock unlocks it with the keyring's password, as the login does
// (GNOME keyring's own interface: the Secret Service's Unlock asks the
// user through a prompt, and there is no screen).
func (s secretServiceBus) unlock(t *testing.T) {
	t.Helper()
	var out dbus.Variant
	var session dbus.ObjectPath
	if err := s.service().Call("org.freedesktop.Secret.Service.OpenSession", 0, "plain", dbus.MakeVariant("")).Store(&out, &session); err != nil {
		t.Fatalf("OpenSession: %v", err)
	}
	secret := struct {
		Session     dbus.ObjectPath
		Parameters  []byte
		Value       []byte
		ContentType string
	}{session, []byte{}, []byte("fornyer-test"), "text/plain"}
	if call := s.service().Call("org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface.UnlockWithMasterPassword", 0, s.collection, secret); call.Err != nil {
		t.Fatalf("UnlockWithMasterPassword: %v", call.Err)
	}
}
