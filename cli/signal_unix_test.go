//go:build unix

package cli

// A backup stopped by SIGINT, SIGTERM or SIGHUP (issue 15, item 8) leaves
// nothing under a final name. The test binary runs itself as the command
// line, held between two files, and is sent the signal there.

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

const signalHelperEnv = "FORNYER_TEST_BACKUP_SIGNAL"

// TestBackupSignalHelper is the child: a backup with public copies that
// says "held" after its first file and waits there until the command's own
// stop handling has taken the signal (its context is cancelled). Waiting on
// a signal channel of its own raced with that handling: the backup could
// go on before the command had seen the signal.
func TestBackupSignalHelper(t *testing.T) {
	args := os.Getenv(signalHelperEnv)
	if args == "" {
		t.Skip("run by TestBackupSignalCleansUp")
	}
	noSaved(t)
	var stopped context.Context
	backupStopped = func(ctx context.Context) { stopped = ctx }
	backupProgress = func(done, _ int) {
		if done == 1 {
			os.Stdout.WriteString("held\n")
			<-stopped.Done() // the signal's cancel, however long the machine takes to send it
		}
	}
	code := Run(Env{Stdin: strings.NewReader("pw\n"), Stdout: os.Stderr, Stderr: os.Stderr, Lang: "en"},
		append([]string{"backup", "--password-stdin", "--public"}, strings.Split(args, "\n")...))
	os.Stdout.WriteString("exit " + string(rune('0'+code)) + "\n")
	os.Exit(0)
}

func TestBackupSignalCleansUp(t *testing.T) {
	src, _ := backupSource(t, "pw")
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			to := t.TempDir()
			cmd := exec.Command(os.Args[0], "-test.run=^TestBackupSignalHelper$")
			cmd.Env = append(os.Environ(), signalHelperEnv+"="+strings.Join([]string{"--to", to, src}, "\n"))
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			lines := bufio.NewScanner(out)
			if !lines.Scan() || lines.Text() != "held" {
				cmd.Process.Kill()
				cmd.Wait()
				t.Fatalf("the child did not reach the first file: %q", lines.Text())
			}
			if entries, _ := os.ReadDir(to); len(entries) == 0 {
				t.Fatal("nothing written before the signal: the test proves nothing")
			}
			cmd.Process.Signal(sig)
			var rest []string
			for lines.Scan() {
				rest = append(rest, lines.Text())
			}
			cmd.Wait()
			entries, _ := os.ReadDir(to)
			var left []string
			for _, e := range entries {
				left = append(left, filepath.Join(to, e.Name()))
			}
			if len(left) > 0 {
				t.Fatalf("after %s: left %v (child said %v, %v)", sig, left, rest, cmd.ProcessState)
			}
			if len(rest) == 0 || rest[0] == "exit 0" {
				t.Fatalf("the backup did not report being stopped: %v", rest)
			}
		})
	}
}
