package cli

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"

	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/vault"
)

// forgetSetup gives forget a storage folder with a register and a
// progress file, and a mock credential store with one password.
func forgetSetup(t *testing.T) (dir string) {
	t.Helper()
	keyring.MockInit()
	t.Cleanup(keyring.MockInit)
	dir = t.TempDir()
	old := storageDir
	storageDir = func() (string, error) { return dir, nil }
	t.Cleanup(func() { storageDir = old })
	writeRegisterAt(t, filepath.Join(dir, register.FileName))
	if err := os.WriteFile(filepath.Join(dir, "guide-progress.json"), []byte("{}"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := vault.New().Save(context.Background(), vault.CertificateID(strings.Repeat("ab", 32)), "Firma A/S", "pw"); err != nil {
		t.Fatal(err)
	}
	return dir
}

func writeRegisterAt(t *testing.T, path string) {
	t.Helper()
	src := writeRegister(t, listCert(1, "Firma A/S", "", 1000*24*60*60*1e9, true))
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

func runForgetWith(t *testing.T, terminal bool, input string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := Env{Stdin: strings.NewReader(input), Stdout: &out, Stderr: &errOut, Lang: "en",
		IsTerminal: func() bool { return terminal }}
	code = Run(env, append([]string{"forget"}, args...))
	return code, out.String(), errOut.String()
}

// kept reports whether the register, the progress and the password are there.
func kept(t *testing.T, dir string) (reg, progress, password bool) {
	t.Helper()
	_, err := os.Stat(filepath.Join(dir, register.FileName))
	reg = err == nil
	_, err = os.Stat(filepath.Join(dir, "guide-progress.json"))
	progress = err == nil
	_, err = keyring.Get(vault.Service, vault.CertificateID(strings.Repeat("ab", 32)))
	password = err == nil
	return
}

func TestForgetAsksFirst(t *testing.T) {
	for _, c := range []struct {
		name     string
		terminal bool
		input    string
		args     []string
		want     int
		gone     bool
	}{
		{"no --all", true, "yes\n", nil, ExitUsage, false},
		{"no terminal, no --yes", false, "yes\n", []string{"--all"}, ExitUsage, false},
		{"answered no", true, "no\n", []string{"--all"}, forgetExitDeclined, false},
		{"answered nothing", true, "", []string{"--all"}, forgetExitDeclined, false},
		{"answered yes", true, "yes\n", []string{"--all"}, forgetExitDone, true},
		{"answered ja", true, " Ja \r\n", []string{"--all"}, forgetExitDone, true},
		{"--yes, for a script", false, "", []string{"--all", "--yes"}, forgetExitDone, true},
		{"an argument", false, "", []string{"--all", "--yes", "x.p12"}, ExitUsage, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := forgetSetup(t)
			code, stdout, stderr := runForgetWith(t, c.terminal, c.input, c.args...)
			if code != c.want {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, c.want, stdout, stderr)
			}
			reg, progress, password := kept(t, dir)
			if c.gone && (reg || progress || password) || !c.gone && !(reg && progress && password) {
				t.Errorf("register %v, progress %v, password %v kept; want all gone: %v\nstderr: %s", reg, progress, password, c.gone, stderr)
			}
			if c.gone && !strings.Contains(stdout, "Deleted 1 saved password") {
				t.Errorf("stdout: %q", stdout)
			}
		})
	}
}

// Nothing kept: it says so, and exits 0.
func TestForgetNothing(t *testing.T) {
	keyring.MockInit()
	t.Cleanup(keyring.MockInit)
	dir := t.TempDir()
	old := storageDir
	storageDir = func() (string, error) { return dir, nil }
	t.Cleanup(func() { storageDir = old })
	code, stdout, _ := runForgetWith(t, false, "", "--all", "--yes")
	if code != forgetExitDone || !strings.HasPrefix(stdout, "There was nothing to forget") {
		t.Errorf("exit %d, stdout %q", code, stdout)
	}
}

// A store that refuses: exit 2 with a sentence, nothing deleted.
func TestForgetWhenTheStoreFails(t *testing.T) {
	dir := forgetSetup(t)
	keyring.MockInitWithError(errors.New("org.freedesktop.Secret.Error.IsLocked"))
	code, _, stderr := runForgetWith(t, false, "", "--all", "--yes")
	if code != forgetExitFailed || !strings.HasPrefix(stderr, "Nothing was deleted: ") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	keyring.MockInit()
	if reg, progress, _ := kept(t, dir); !reg || !progress {
		t.Errorf("register kept %v, progress kept %v", reg, progress)
	}
}
