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
)

func next(t *testing.T, l *Listener) []string {
	t.Helper()
	return <-l.Files() // a hang is the test binary's time-out, with every goroutine's stack
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

// Three starts at the same moment, one file each: all three files arrive,
// together when the window takes them after the starts (issue 24, 4).
func TestStartsAtOnceAllArrive(t *testing.T) {
	dir := t.TempDir()
	first, err := Claim(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	errs := make(chan error, 3)
	for i := range 3 {
		go func() {
			_, err := Claim(dir, []string{fmt.Sprintf("/tmp/%d.p12", i)})
			errs <- err
		}()
	}
	for range 3 {
		if err := <-errs; !errors.Is(err, ErrHandedOver) {
			t.Fatalf("a start: %v", err)
		}
	}
	// Every start was answered before the window took anything.
	if got := next(t, first); len(got) != 3 {
		t.Fatalf("received %q, want all three files at once", got)
	}
}

// More files than one message holds all arrive, and the start hands them
// over rather than opening a second window.
func TestManyFilesAllArrive(t *testing.T) {
	dir := t.TempDir()
	first, err := Claim(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	var files []string
	for i := range 3*maxFiles + 7 {
		files = append(files, fmt.Sprintf("/tmp/many/%04d.p12", i))
	}
	if _, err := Claim(dir, files); !errors.Is(err, ErrHandedOver) {
		t.Fatalf("handing over %d files: %v", len(files), err)
	}
	var got []string
	for len(got) < len(files) {
		got = append(got, next(t, first)...)
	}
	if strings.Join(got, "\n") != strings.Join(files, "\n") {
		t.Fatalf("received %d files, not the %d in order", len(got), len(files))
	}
}

func TestMerge(t *testing.T) {
	if got := Merge([]string{"a", "b"}, []string{"b", "c", "a", "d"}); strings.Join(got, ",") != "a,b,c,d" {
		t.Errorf("Merge = %q", got)
	}
	if got := Merge(nil, nil); got == nil || len(got) != 0 {
		t.Errorf("Merge(nil, nil) = %#v, want an empty list", got)
	}
}
