package register

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const writerEnv = "FORNYER_TEST_REGISTER_WRITER"

// TestRegisterWriterHelper is one of the writing processes: it opens the
// register once and adds its own certificates one by one.
func TestRegisterWriterHelper(t *testing.T) {
	spec := os.Getenv(writerEnv)
	if spec == "" {
		t.Skip("run by TestTwoProcessesWriting")
	}
	parts := strings.SplitN(spec, "|", 3)
	first, _ := strconv.Atoi(parts[0])
	n, _ := strconv.Atoi(parts[1])
	s, err := Open(parts[2])
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(1)
	}
	for i := first; i < first+n; i++ {
		if err := s.Upsert(cert(i, "u", t0)); err != nil {
			fmt.Println("upsert:", err)
			os.Exit(1)
		}
	}
	os.Exit(0)
}

// Two processes adding certificates to one register at the same time: no
// change of either is lost (before the lock and re-read, each kept only
// its own).
func TestTwoProcessesWriting(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.json")
	const each = 25
	var cmds []*exec.Cmd
	for w := range 2 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestRegisterWriterHelper$")
		cmd.Env = append(os.Environ(), fmt.Sprintf("%s=%d|%d|%s", writerEnv, 1+w*each, each, path))
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	for _, c := range cmds {
		if err := c.Wait(); err != nil {
			t.Fatalf("a writer failed: %v", err)
		}
	}
	certs, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(certs) != 2*each {
		t.Fatalf("%d certificates in the register, want %d: changes were lost", len(certs), 2*each)
	}
	for i := 1; i <= 2*each; i++ {
		if find(certs, sha(i)) < 0 {
			t.Fatalf("certificate %d is missing", i)
		}
	}
}

// A change made by another process since Open is kept when this Store
// writes.
func TestChangeKeepsAnotherStoresChange(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.json")
	a, b := openAt(t, path), openAt(t, path)
	must(t, a.Upsert(cert(1, "u", t0)))
	must(t, b.Upsert(cert(2, "u", t0)))
	must(t, a.RecordRenewed(sha(2), t0))
	c := openAt(t, path)
	if len(c.List()) != 2 {
		t.Fatalf("%d certificates, want 2", len(c.List()))
	}
	if got, _ := c.Get(sha(2)); !got.Renewed.Equal(t0) {
		t.Error("a's change to b's certificate is lost")
	}
}

// A register over MaxFileSize is not read whole: Open moves it aside as
// damaged, Read reports it damaged.
func TestRegisterSizeLimit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.json")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(`{"version": 2, "certificates": [`)
	f.Truncate(MaxFileSize + 1) // a sparse file: no real megabytes written
	f.Close()
	if _, err := Read(path); Code(err) != CodeDamaged || !errors.Is(err, errTooLarge) {
		t.Fatalf("Read: %v", err)
	}
	s, err := Open(path)
	var e *Error
	if Code(err) != CodeDamaged || !errors.As(err, &e) || e.MovedTo == "" {
		t.Fatalf("Open: %v", err)
	}
	if st, _ := os.Stat(e.MovedTo); st == nil || st.Size() != MaxFileSize+1 {
		t.Fatal("the large file was not kept aside")
	}
	must(t, s.Upsert(cert(1, "u", t0)))
}

// BenchmarkOpenHugeRegister is Open on a 300 MB file (sparse): before the
// limit it was read whole (1.1 GB of memory); now it is refused unread.
func BenchmarkOpenHugeRegister(b *testing.B) {
	dir := b.TempDir()
	for i := 0; b.Loop(); i++ {
		path := filepath.Join(dir, fmt.Sprint(i, ".json"))
		f, _ := os.Create(path)
		f.WriteString(`{"version": 2, "certificates": [`)
		f.Truncate(300 << 20)
		f.Close()
		Open(path)
	}
}
