package cmdline

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestCommandLineBeforeFyne builds the app and runs a subcommand: it
// answers as the command line does, and Go's trace of package set-up
// (GODEBUG=inittrace=1) shows none of Fyne's own packages (fyne.io/fyne):
// the command ran before them. Files to check still open the window, so
// that is not run here.
func TestCommandLineBeforeFyne(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the app")
	}
	bin := filepath.Join(t.TempDir(), "fornyer")
	build := exec.Command("go", "build", "-tags", "no_emoji", "-o", bin, "github.com/fornyer/fornyer/cmd/fornyer")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	run := func(args ...string) (int, string, string) {
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1", "LANGUAGE=en", "LC_ALL=", "LANG=")
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode(), out.String(), errb.String()
		} else if err != nil {
			t.Fatal(err)
		}
		return 0, out.String(), errb.String()
	}
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--version"}, 0, "Fornyer "},
		{[]string{"inspect"}, 64, "name the certificate file"},
		{[]string{"inspect", filepath.Join(t.TempDir(), "missing.p12")}, 2, "could not be"},
	} {
		code, out, errs := run(tc.args...)
		if code != tc.code || !strings.Contains(out+errs, tc.want) {
			t.Errorf("%q: exit %d, output %q", tc.args, code, out+nonTrace(errs))
		}
		if !strings.Contains(errs, "init github.com/fornyer/fornyer/cli ") {
			t.Errorf("%q: no package trace:\n%s", tc.args, errs)
		}
		for _, line := range strings.Split(errs, "\n") {
			if strings.HasPrefix(line, "init fyne.io/fyne/") {
				t.Errorf("%q: Fyne was set up before the command ran: %s", tc.args, line)
			}
		}
	}
}

// nonTrace is stderr without the package trace's lines.
func nonTrace(s string) string {
	var keep []string
	for _, line := range strings.Split(s, "\n") {
		if !strings.HasPrefix(line, "init ") {
			keep = append(keep, line)
		}
	}
	return strings.Join(keep, "\n")
}
