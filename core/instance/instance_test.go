package instance

import (
	"bufio"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

func next(t *testing.T, l *Listener) []string {
	t.Helper()
	select {
	case f := <-l.Files():
		return f
	case <-time.After(5 * time.Second):
		t.Fatal("no files arrived")
		return nil
	}
}

// The first claim listens; a second hands its files over, made absolute,
// and a start without files still arrives (to raise the window).
func TestSecondStartHandsOver(t *testing.T) {
	dir := t.TempDir()
	first, err := Claim(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	if _, err := Claim(dir, []string{"a.p12", "/tmp/b.p12"}); !errors.Is(err, ErrHandedOver) {
		t.Fatalf("second claim: %v", err)
	}
	wd, _ := os.Getwd()
	if got := next(t, first); len(got) != 2 || got[0] != filepath.Join(wd, "a.p12") || got[1] != "/tmp/b.p12" {
		t.Fatalf("received %q", got)
	}
	if _, err := Claim(dir, nil); !errors.Is(err, ErrHandedOver) {
		t.Fatal(err)
	}
	if got := next(t, first); got == nil || len(got) != 0 {
		t.Fatalf("received %q, want an empty list", got)
	}
	if runtime.GOOS != "windows" {
		st, _ := os.Stat(dir)
		sock, _ := os.Stat(socketPath(dir))
		if st.Mode().Perm() != 0o700 || sock.Mode().Perm() != 0o600 {
			t.Errorf("folder %v, socket %v: not private", st.Mode(), sock.Mode())
		}
	}
	// After the window closes, the next start claims the instance itself.
	first.Close()
	again, err := Claim(dir, nil)
	if err != nil {
		t.Fatalf("after close: %v", err)
	}
	again.Close()
}

// A message that is not a list of absolute paths is refused, and the
// listener goes on serving.
func TestBadMessagesRefused(t *testing.T) {
	dir := t.TempDir()
	l, err := Claim(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	for _, m := range []string{"not json\n", `{"files":["relative.p12"]}` + "\n", `{"files":["/a\u0000b"]}` + "\n",
		`{"files":[` + strings.Repeat(`"/x",`, maxFiles) + `"/y"]}` + "\n", strings.Repeat("x", maxMessage+10)} {
		c, err := net.Dial("unix", socketPath(dir))
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprint(c, m)
		reply, _ := bufio.NewReader(c).ReadString('\n')
		c.Close()
		if reply != "error\n" {
			t.Errorf("%.40q: reply %q", m, reply)
		}
	}
	select {
	case f := <-l.Files():
		t.Fatalf("a bad message delivered %q", f)
	default:
	}
	if _, err := Claim(dir, []string{"/ok.p12"}); !errors.Is(err, ErrHandedOver) {
		t.Fatal(err)
	}
	if got := next(t, l); len(got) != 1 || got[0] != "/ok.p12" {
		t.Fatalf("%q", got)
	}
}

const secondEnv = "FORNYER_TEST_SECOND_START"

// TestSecondStartHelper is a second process starting with files.
func TestSecondStartHelper(t *testing.T) {
	spec := os.Getenv(secondEnv)
	if spec == "" {
		t.Skip("run by TestTwoProcesses")
	}
	parts := strings.Split(spec, "\n")
	_, err := Claim(parts[0], parts[1:])
	if errors.Is(err, ErrHandedOver) {
		os.Exit(0)
	}
	fmt.Println("claim:", err)
	os.Exit(3)
}

// A second process hands its files to the first and exits.
func TestTwoProcesses(t *testing.T) {
	dir := t.TempDir()
	l, err := Claim(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^TestSecondStartHelper$")
	cmd.Env = append(os.Environ(), secondEnv+"="+strings.Join([]string{dir, "/home/anne/Overførsler/firma.p12"}, "\n"))
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("second process: %v %s", err, out)
	}
	if got := next(t, l); len(got) != 1 || got[0] != "/home/anne/Overførsler/firma.p12" {
		t.Fatalf("%q", got)
	}
}

// A window that crashed leaves its socket; the next start claims anyway.
func TestStaleSocket(t *testing.T) {
	dir := t.TempDir()
	privateDir(dir)
	ln, err := net.Listen("unix", socketPath(dir))
	if err != nil {
		t.Fatal(err)
	}
	ln.(*net.UnixListener).SetUnlinkOnClose(false)
	ln.Close() // the socket file stays, nobody listens, nobody holds the lock
	l, err := Claim(dir, nil)
	if err != nil {
		t.Fatalf("over a stale socket: %v", err)
	}
	l.Close()
}

// BenchmarkHandOver is a second start handing one file to the window.
func BenchmarkHandOver(b *testing.B) {
	dir := b.TempDir()
	l, err := Claim(dir, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer l.Close()
	go func() {
		for range l.Files() {
		}
	}()
	for b.Loop() {
		if _, err := Claim(dir, []string{"/x.p12"}); !errors.Is(err, ErrHandedOver) {
			b.Fatal(err)
		}
	}
}
