package vault

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"github.com/fornyer/fornyer/core/msg"
)

// The tests against the real credential store run when FORNYER_REAL_KEYRING
// is 1 (scripts/test.sh sets it, inside a private D-Bus session with an
// unlocked GNOME keyring). They then fail, never skip, when the store does
// not answer.
//
// Each scenario runs in a child process of the test binary: the unit tests
// replace go-keyring's store with its mock for the rest of the process, and
// the D-Bus library keeps its first session-bus connection for good, so a
// fresh process is the only way to reach the real store, or a dead one.
const (
	realEnv  = "FORNYER_REAL_KEYRING"
	childEnv = "FORNYER_VAULT_SCENARIO"
)

func TestRealCredentialStore(t *testing.T) {
	if scenario := os.Getenv(childEnv); scenario != "" {
		runScenario(t, scenario)
		return
	}
	if os.Getenv(realEnv) != "1" {
		t.Skip("set FORNYER_REAL_KEYRING=1 to test against the real credential store (scripts/test.sh does)")
	}
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" {
		t.Fatal("FORNYER_REAL_KEYRING=1 but there is no D-Bus session: run the tests through scripts/test.sh")
	}

	t.Run("secret-service", func(t *testing.T) { runChild(t, "real", nil) })

	t.Run("hung", func(t *testing.T) {
		// A bus that accepts the connection and never says a word: the
		// D-Bus library waits for it forever.
		sock := filepath.Join(t.TempDir(), "hung.sock")
		l, err := net.Listen("unix", sock)
		if err != nil {
			t.Fatal(err)
		}
		defer l.Close()
		go func() {
			var held []net.Conn
			defer func() {
				for _, c := range held {
					c.Close()
				}
			}()
			for {
				c, err := l.Accept()
				if err != nil {
					return
				}
				held = append(held, c)
			}
		}()
		runChild(t, "timeout", []string{"DBUS_SESSION_BUS_ADDRESS=unix:path=" + sock})
	})

	t.Run("dead-socket", func(t *testing.T) {
		sock := filepath.Join(t.TempDir(), "nobody-listens.sock")
		runChild(t, "unavailable", []string{"DBUS_SESSION_BUS_ADDRESS=unix:path=" + sock})
	})

	t.Run("bus-without-secrets", func(t *testing.T) {
		runChild(t, "unavailable", []string{"DBUS_SESSION_BUS_ADDRESS=" + bareBus(t)})
	})
}

// runChild runs one scenario in a fresh test process and fails with its
// output when it fails.
func runChild(t *testing.T, scenario string, env []string) {
	t.Helper()
	runChildTest(t, "TestRealCredentialStore", scenario, env)
}

func runChildTest(t *testing.T, test, scenario string, env []string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^"+test+"$", "-test.count=1", "-test.v")
	var keep []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if !slices.ContainsFunc(env, func(e string) bool { return strings.HasPrefix(e, name+"=") }) {
			keep = append(keep, kv)
		}
	}
	cmd.Env = append(append(keep, childEnv+"="+scenario), env...)
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: "+test) {
		t.Fatalf("scenario %q failed (%v):\n%s", scenario, err, out)
	}
	t.Logf("scenario %q:\n%s", scenario, out)
}

// bareBus starts a private D-Bus daemon that knows no services, so nothing
// answers for the Secret Service and nothing can be started for it.
func bareBus(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	conf := filepath.Join(dir, "bus.conf")
	if err := os.WriteFile(conf, []byte(`<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=`+dir+`</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("dbus-daemon", "--config-file="+conf, "--nofork", "--print-address=1")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting a bare D-Bus daemon: %v", err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatalf("reading the bare bus's address: %v", err)
	}
	return strings.TrimSpace(line)
}

// TestNoSessionBusLaunchesNone: with no session bus named anywhere, the
// vault says the store is unavailable and the D-Bus library does not run
// dbus-launch (which would leave daemons behind on every run).
func TestNoSessionBusLaunchesNone(t *testing.T) {
	if os.Getenv(childEnv) == "nobus" {
		v := New(WithTimeout(3 * time.Second))
		if err := v.Save(context.Background(), PendingID("nobus"), "", "pw"); !errors.Is(err, ErrUnavailable) {
			t.Fatalf("Save with no session bus: %v, want ErrUnavailable", err)
		}
		if got := os.Getenv("DBUS_SESSION_BUS_ADDRESS"); got != noSessionBusAddress {
			t.Fatalf("DBUS_SESSION_BUS_ADDRESS = %q", got)
		}
		return
	}
	if runtime.GOOS != "linux" {
		t.Skip("the session bus is a Linux matter")
	}
	if u, err := user.Current(); err == nil {
		if _, err := os.Stat(filepath.Join("/run/user", u.Uid, "bus")); err == nil {
			t.Skip("this machine has a session bus at /run/user; the test would reach the real keyring")
		}
	}
	// A dbus-launch that only leaves a mark.
	bin := t.TempDir()
	mark := filepath.Join(t.TempDir(), "dbus-launch-ran")
	script := "#!/bin/sh\ntouch '" + mark + "'\nexit 1\n"
	if err := os.WriteFile(filepath.Join(bin, "dbus-launch"), []byte(script), 0o700); err != nil {
		t.Fatal(err)
	}
	runChildTest(t, "TestNoSessionBusLaunchesNone", "nobus", []string{
		"DBUS_SESSION_BUS_ADDRESS=",
		"PATH=" + bin + string(os.PathListSeparator) + os.Getenv("PATH"),
	})
	if _, err := os.Stat(mark); err == nil {
		t.Fatal("dbus-launch ran")
	}
}

func runScenario(t *testing.T, scenario string) {
	switch scenario {
	case "real":
		realStore(t)
	case "timeout":
		noAnswer(t, ErrTimeout, 500*time.Millisecond)
	case "unavailable":
		// A refusal comes at once; the timeout is only there so that a
		// store that hangs instead fails the test rather than passing it.
		noAnswer(t, ErrUnavailable, 3*time.Second)
	default:
		t.Fatalf("unknown scenario %q", scenario)
	}
}

// noAnswer: with no credential store answering, every call comes back,
// within its timeout, with want.
func noAnswer(t *testing.T, want error, timeout time.Duration) {
	v := New(WithTimeout(timeout))
	ctx := context.Background()
	id := PendingID("no-store")
	if err := v.Save(ctx, id, "", "pw-that-goes-nowhere"); !errors.Is(err, want) {
		t.Fatalf("Save: %v, want %v", err, want)
	} else {
		t.Logf("Save: %v", err)
	}
	// After a call that timed out, whose goroutine still waits on the
	// store, the later ones may come back at once with ErrLocked instead
	// (Z19: "locked or still asking", never a wait behind the abandoned
	// call; the CI's hung bus once held them for ever).
	ok := func(err error) bool {
		return errors.Is(err, want) || errors.Is(want, ErrTimeout) && errors.Is(err, ErrLocked)
	}
	if _, err := v.Get(ctx, id); !ok(err) {
		t.Fatalf("Get: %v, want %v", err, want)
	}
	if _, err := v.List(ctx); !ok(err) {
		t.Fatalf("List: %v, want %v", err, want)
	}
	if err := v.Delete(ctx, id); !ok(err) {
		t.Fatalf("Delete: %v, want %v", err, want)
	}
	if got := candidates(ctx, v); len(got) != 0 {
		t.Fatalf("Candidates: %q", got)
	}
}

// realStore saves, fetches, re-keys, lists and deletes in the real store.
func realStore(t *testing.T) {
	v := New(WithTimeout(10*time.Second), WithLanguage(func() string { return "da" }))
	ctx := context.Background()
	run := fmt.Sprintf("test-%d", time.Now().UnixNano())
	sum := sha256.Sum256([]byte(run))
	pending, cert := PendingID(run), CertificateID(hex.EncodeToString(sum[:]))
	longID := PendingID(run + "-long")
	t.Cleanup(func() {
		for _, id := range []string{pending, cert, longID} {
			_ = v.Delete(context.Background(), id)
		}
	})
	before, err := v.List(ctx)
	if err != nil {
		t.Fatalf("List: %v (is the keyring unlocked?)", err)
	}

	password := "Æblegrød på Ærø: ØL æøå ÆØÅ é 🇩🇰 \"'$`\\ mellemrum"
	start := time.Now()
	if err := v.Save(ctx, pending, "Skærbæk Smørrebrød ApS", password); err != nil {
		t.Fatalf("Save: %v", err)
	}
	t.Logf("Save (set, read back, list updated) took %v", time.Since(start))
	start = time.Now()
	if got, err := v.Get(ctx, pending); err != nil || got != password {
		t.Fatalf("Get = %q, %v", got, err)
	}
	t.Logf("Get took %v", time.Since(start))
	// Through go-keyring directly: it is really in the Secret Service.
	if got, err := keyring.Get(Service, pending); err != nil || got != password {
		t.Fatalf("go-keyring sees %q, %v", got, err)
	}
	list, err := v.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if i := slices.IndexFunc(list, func(e Entry) bool { return e.ID == pending }); i < 0 ||
		list[i].Label != "Skærbæk Smørrebrød ApS" || time.Since(list[i].Saved) > time.Hour {
		t.Fatalf("List = %+v", list)
	}
	if got := candidates(ctx, v); len(got) == 0 || got[0] != password {
		t.Fatalf("Candidates do not start with the pending password: %d found", len(got))
	}
	// U6, Y4: the store's own list names what the password opens, in the
	// user's words, not "Password for 'pending:…' on 'Fornyer'", and the
	// list of passwords as what it is, not "Password for 'index' on
	// 'Fornyer'"; lookups by id (above) are unchanged.
	labelled(t, pending, "Fornyer: adgangskode til det fornyede certifikat for Skærbæk Smørrebrød ApS (filen er ikke tjekket endnu)")
	labelled(t, "index", "Fornyer: intern liste over de gemte adgangskoder (rummer ingen adgangskode; slet den ikke)")
	if i := slices.IndexFunc(list, func(e Entry) bool { return e.ID == pending }); list[i].Shown != itemLabels(Service, pending)[0] && labelsReadable {
		t.Errorf("the list says the store shows %q", list[i].Shown)
	}
	// A write that went elsewhere (keyring.MockInit: a test's, while
	// this keyring is shared) does not rename the real item.
	renameIfHolding(Service, pending, "Password for 'pending' on 'Fornyer'", "another password")
	labelled(t, pending, "Fornyer: adgangskode til det fornyede certifikat for Skærbæk Smørrebrød ApS (filen er ikke tjekket endnu)")

	// W16: a pending password saved before anyone knew whose it was is
	// named once its file is known, in the store's own list too.
	unnamed := PendingID("fornyer-real-test-unnamed")
	if err := v.Save(ctx, unnamed, "", password); err != nil {
		t.Fatalf("Save: %v", err)
	}
	labelled(t, unnamed, "Fornyer: adgangskode til certifikatet, der blev fornyet den "+msg.Date("da", time.Now())+" (filen er ikke tjekket endnu)")
	if err := v.MarkDoesNotOpen(ctx, unnamed, strings.Repeat("ab", 32), "Skærbæk Smørrebrød ApS"); err != nil {
		t.Fatalf("MarkDoesNotOpen: %v", err)
	}
	labelled(t, unnamed, "Fornyer: adgangskode til certifikatet for Skærbæk Smørrebrød ApS")
	if err := v.Delete(ctx, unnamed); err != nil {
		t.Fatalf("Delete: %v", err)
	}

	start = time.Now()
	until := time.Date(2029, 12, 27, 12, 0, 0, 0, time.UTC)
	if err := v.RekeyEntry(ctx, pending, Entry{ID: cert, Label: "Skærbæk Smørrebrød ApS", Expires: until}); err != nil {
		t.Fatalf("Rekey: %v", err)
	}
	labelled(t, cert, "Fornyer: adgangskode til certifikatet for Skærbæk Smørrebrød ApS, gyldigt til 27. december 2029")
	t.Logf("Rekey took %v", time.Since(start))
	if got, err := v.Get(ctx, cert); err != nil || got != password {
		t.Fatalf("Get after Rekey = %q, %v", got, err)
	}
	if _, err := v.Get(ctx, pending); !errors.Is(err, ErrNotFound) {
		t.Fatalf("pending entry after Rekey: %v", err)
	}
	list, _ = v.List(ctx)
	if slices.ContainsFunc(list, func(e Entry) bool { return e.ID == pending }) ||
		!slices.ContainsFunc(list, func(e Entry) bool { return e.ID == cert && e.Label == "Skærbæk Smørrebrød ApS" }) {
		t.Fatalf("List after Rekey = %+v", list)
	}

	if err := v.Save(ctx, cert, "", strings.Repeat("å", MaxPasswordBytes/2)+"x"); !errors.Is(err, ErrTooLong) {
		t.Fatalf("too long: %v", err)
	}
	if got, _ := v.Get(ctx, cert); got != password {
		t.Fatal("a refused password changed the saved one")
	}
	longest := strings.Repeat("Ø", MaxPasswordBytes/2)
	if err := v.Save(ctx, longID, "", longest); err != nil {
		t.Fatalf("the longest password: %v", err)
	}
	if got, _ := v.Get(ctx, longID); got != longest {
		t.Fatal("the longest password came back different")
	}

	for _, id := range []string{cert, longID} {
		if err := v.Delete(ctx, id); err != nil {
			t.Fatalf("Delete: %v", err)
		}
		if _, err := v.Get(ctx, id); !errors.Is(err, ErrNotFound) {
			t.Fatalf("Get after Delete: %v", err)
		}
	}
	after, err := v.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != len(before) {
		t.Fatalf("List has %d entries after cleaning up, %d before", len(after), len(before))
	}
}

// labelled fails t unless the store's own list names the item user so
// (where this system's test can read it), as secret-tool shows it too.
func labelled(t *testing.T, user, want string) {
	t.Helper()
	if !labelsReadable {
		return
	}
	if got := itemLabels(Service, user); !slices.Equal(got, []string{want}) {
		t.Fatalf("the store lists %s as %q, want %q", user, got, want)
	}
	if path, err := exec.LookPath("secret-tool"); err == nil {
		out, err := exec.Command(path, "search", "--all", "service", Service, "username", user).CombinedOutput()
		if err != nil || !strings.Contains(string(out), "label = "+want+"\n") {
			t.Fatalf("secret-tool lists %s as:\n%s(%v)", user, out, err)
		}
	}
}
