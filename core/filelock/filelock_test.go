package filelock

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

const holdEnv = "FORNYER_TEST_HOLD_LOCK"

// TestHoldHelper is the other process: it takes the lock, says so, and
// holds it until its standard input closes.
func TestHoldHelper(t *testing.T) {
	path := os.Getenv(holdEnv)
	if path == "" {
		t.Skip("run by TestLockBetweenProcesses")
	}
	l, err := TryLock(path)
	if err != nil {
		os.Stdout.WriteString("failed\n")
		os.Exit(1)
	}
	os.Stdout.WriteString("locked\n")
	buf := make([]byte, 1)
	os.Stdin.Read(buf)
	l.Unlock()
	os.Exit(0)
}

func TestLockBetweenProcesses(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.lock")
	cmd := exec.Command(os.Args[0], "-test.run=^TestHoldHelper$")
	cmd.Env = append(os.Environ(), holdEnv+"="+path)
	stdin, _ := cmd.StdinPipe()
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 7)
	if _, err := out.Read(buf); err != nil || string(buf[:6]) != "locked" {
		t.Fatalf("the other process did not take the lock: %q %v", buf, err)
	}
	if _, err := TryLock(path); !errors.Is(err, ErrLocked) {
		t.Fatalf("TryLock while another process holds it: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	if _, err := Acquire(ctx, path); !errors.Is(err, ErrLocked) {
		t.Fatalf("Acquire gave up with %v", err)
	}
	cancel()
	// Released when the holder lets go.
	stdin.Close()
	// However long the holder takes to let go: a hang is the test
	// binary's time-out.
	l, err := Acquire(context.Background(), path)
	if err != nil {
		t.Fatalf("after the holder let go: %v", err)
	}
	l.Unlock()
	cmd.Wait()
}

// A holder that dies releases the lock.
func TestLockReleasedWhenTheHolderDies(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.lock")
	cmd := exec.Command(os.Args[0], "-test.run=^TestHoldHelper$")
	cmd.Env = append(os.Environ(), holdEnv+"="+path)
	cmd.StdinPipe()
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 7)
	out.Read(buf)
	cmd.Process.Kill()
	cmd.Wait()
	l, err := TryLock(path)
	if err != nil {
		t.Fatalf("after the holder died: %v", err)
	}
	l.Unlock()
}
