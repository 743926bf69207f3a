package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	pkcs12 "software.sslmate.com/src/go-pkcs12"

	"github.com/fornyer/fornyer/core/testpki"
)

const backupPW = "Cli-Backup-9kQ2"

func runBackupCLI(stdin string, args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := Run(Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Lang: "en"}, append([]string{"backup"}, args...))
	return code, out.String(), errb.String()
}

func backupSource(t *testing.T, pw string) (src string, data []byte) {
	t.Helper()
	c := testpki.NewChain(t, false)
	data = testpki.PFX(t, pkcs12.Modern, c.Organization(t), c.CACerts(), pw)
	return testpki.WriteFile(t, "Firma.p12", data), data
}

func TestBackupCommandVerifies(t *testing.T) {
	src, data := backupSource(t, backupPW)
	dir := t.TempDir()
	// Flags after the file work too.
	code, out, errs := runBackupCLI(backupPW+"\n", "--password-stdin", src, "--to", dir, "--public", "--manifest")
	if code != ExitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 5 || !strings.Contains(lines[4], "verified") {
		t.Fatalf("output:\n%s", out)
	}
	if lines[0] != filepath.Join(dir, "Firma.p12") {
		t.Errorf("first path %q", lines[0])
	}
	for _, p := range lines[:4] {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("printed %s, which is not there", p)
		}
	}
	if got, _ := os.ReadFile(lines[0]); !bytes.Equal(got, data) {
		t.Error("copy differs")
	}
	if strings.Contains(out+errs, backupPW) {
		t.Error("the password was printed")
	}
}

// A second backup to the same folder finds the first copy: the same path,
// no "(2)", and the verdict says it was checked again, not written.
func TestBackupCommandFindsTheEarlierCopy(t *testing.T) {
	src, _ := backupSource(t, backupPW)
	dir := t.TempDir()
	var outs []string
	for range 2 {
		code, out, errs := runBackupCLI(backupPW+"\n", "--password-stdin", src, "--to", dir)
		if code != ExitOK {
			t.Fatalf("exit %d, stderr %q", code, errs)
		}
		outs = append(outs, out)
	}
	first, second := strings.Split(strings.TrimSpace(outs[0]), "\n"), strings.Split(strings.TrimSpace(outs[1]), "\n")
	if len(second) != 2 || second[0] != first[0] || !strings.Contains(second[1], "not written again") || strings.Contains(first[1], "not written again") {
		t.Errorf("first run:\n%s\nsecond run:\n%s", outs[0], outs[1])
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the folder holds %d files", len(entries))
	}
}

// Without --password-stdin and without a terminal the empty password is
// tried (then the saved ones).
func TestBackupCommandEmptyPassword(t *testing.T) {
	src, _ := backupSource(t, "")
	dir := t.TempDir()
	if code, out, errs := runBackupCLI("", "--to", dir, src); code != ExitOK || !strings.Contains(out, "Firma.p12") {
		t.Fatalf("exit %d, out %q, stderr %q", code, out, errs)
	}
}

func TestBackupCommandFailures(t *testing.T) {
	src, data := backupSource(t, backupPW)
	file := testpki.WriteFile(t, "note.txt", []byte("x"))
	dir := t.TempDir()
	cases := []struct {
		name  string
		stdin string
		args  []string
		code  int
		say   string
	}{
		{"no --to", backupPW, []string{"--password-stdin", src}, ExitUsage, "--to"},
		{"no file", backupPW, []string{"--password-stdin", "--to", dir}, ExitUsage, "one certificate file"},
		{"two files", backupPW, []string{"--password-stdin", "--to", dir, src, src}, ExitUsage, "one certificate file"},
		{"unknown flag", backupPW, []string{"--password-stdin", "--overwrite", "--to", dir, src}, ExitUsage, "overwrite"},
		{"password on the command line", "", []string{"--password", backupPW, "--to", dir, src}, ExitUsage, "password"},
		{"bad --trust-ca", backupPW, []string{"--password-stdin", "--trust-ca", filepath.Join(dir, "none.pem"), "--to", dir, src}, ExitUsage, ""},
		{"wrong password", "not it\n", []string{"--password-stdin", "--to", dir, src}, backupExitUnreadable, "does not open"},
		{"not a certificate", "", []string{"--to", dir, file}, backupExitUnreadable, "not a certificate file"},
		{"missing folder", backupPW, []string{"--password-stdin", "--to", filepath.Join(dir, "gone"), src}, backupExitFailed, filepath.Join(dir, "gone")},
		{"folder is a file", backupPW, []string{"--password-stdin", "--to", file, src}, backupExitFailed, "not a folder"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := runBackupCLI(c.stdin, c.args...)
			if code != c.code {
				t.Fatalf("exit %d, want %d; stderr %q", code, c.code, errs)
			}
			if out != "" || strings.TrimSpace(errs) == "" || !strings.Contains(errs, c.say) {
				t.Errorf("stdout %q, stderr %q", out, errs)
			}
			if strings.Contains(errs, backupPW) {
				t.Error("the password was printed")
			}
			if es, _ := os.ReadDir(dir); len(es) != 0 {
				t.Errorf("left in the folder: %v", es)
			}
		})
	}
	if got, _ := os.ReadFile(src); !bytes.Equal(got, data) {
		t.Error("original changed")
	}
}

func TestBackupCommandHelp(t *testing.T) {
	code, out, _ := runBackupCLI("", "--help")
	if code != ExitOK || !strings.Contains(out, "--to DIR") || !strings.Contains(out, "64") {
		t.Fatalf("exit %d:\n%s", code, out)
	}
}
