package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fornyer/fornyer/core/testpki"
)

func TestReadPasswordLine(t *testing.T) {
	cases := map[string]string{
		"":                               "",
		"\n":                             "",
		"\r\n":                           "",
		"abc":                            "abc",
		"abc\n":                          "abc",
		"abc\r\n":                        "abc",
		"abc\r":                          "abc",
		"a b \n":                         "a b ",
		"Æble\r\nrest\n":                 "Æble",
		"\nsecond line\n":                "",
		"tab\tinside\r\n":                "tab\tinside",
		"carriage\rmid\n":                "carriage\rmid",
		strings.Repeat("x", 5000) + "\n": strings.Repeat("x", 5000),
	}
	for in, want := range cases {
		got, err := readPasswordLine(strings.NewReader(in))
		if err != nil || got != want {
			t.Errorf("%q: %q, %v", in, got, err)
		}
	}
	if _, err := readPasswordLine(strings.NewReader(strings.Repeat("x", maxPasswordLine+10))); err == nil {
		t.Error("endless line accepted")
	}
}

func TestPasswordSources(t *testing.T) {
	term := func(b bool) func() bool { return func() bool { return b } }
	read := func() (string, error) { return "fra terminalen", nil }
	cases := []struct {
		name      string
		env       Env
		fromStdin bool
		want      passwordMode
	}{
		{"--password-stdin", Env{IsTerminal: term(true), ReadPassword: read}, true, passwordFromStdin},
		{"terminal", Env{IsTerminal: term(true), ReadPassword: read}, false, passwordFromTerminal},
		{"pipe", Env{IsTerminal: term(false), ReadPassword: read}, false, passwordFromStore},
		{"no terminal functions", Env{}, false, passwordFromStore},
	}
	for _, c := range cases {
		if got := choosePasswordMode(c.env, c.fromStdin); got != c.want {
			t.Errorf("%s: mode %v, want %v", c.name, got, c.want)
		}
	}

	saved := SavedPasswords
	t.Cleanup(func() { SavedPasswords = saved })
	SavedPasswords = func() []string { return []string{"", "gemt 1", "gemt 2"} }
	var errb strings.Builder
	env := Env{Stdin: strings.NewReader("fra stdin\n"), Stderr: &errb, Lang: "en", ReadPassword: read}
	// core's one order (renewal.Tries): the saved ones, the empty one last.
	if tries, key := passwords(env, passwordFromStore, "x.p12"); key != "" || strings.Join(tries.Passwords(), "|") != "gemt 1|gemt 2|" {
		t.Errorf("store: %q %q", tries.Passwords(), key)
	}
	SavedPasswords = nil
	if tries, _ := passwords(env, passwordFromStore, "x.p12"); len(tries.Passwords()) != 1 || tries.Passwords()[0] != "" {
		t.Errorf("no store: %q", tries.Passwords())
	}
	if tries, _ := passwords(env, passwordFromStdin, "x.p12"); !tries.Typed() || strings.Join(tries.Passwords(), "|") != "fra stdin" {
		t.Errorf("stdin: %q", tries.Passwords())
	}
	if tries, _ := passwords(env, passwordFromTerminal, "x.p12"); !tries.Typed() || strings.Join(tries.Passwords(), "|") != "fra terminalen" || !strings.Contains(errb.String(), "x.p12") {
		t.Errorf("terminal: %q, prompt %q", tries.Passwords(), errb.String())
	}
	env.Stdin = failingReader{}
	if _, key := passwords(env, passwordFromStdin, "x.p12"); key != "inspect.cli.password_stdin_failed" {
		t.Errorf("failing stdin: %q", key)
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("broken pipe") }

func TestTrustCAs(t *testing.T) {
	chain := testpki.NewChain(t, true)
	dir := t.TempDir()
	pemFile := filepath.Join(dir, "ca.pem")
	derFile := filepath.Join(dir, "ca.cer")
	bad := filepath.Join(dir, "bad.pem")
	os.WriteFile(pemFile, testpki.PEM(chain.Root.Cert, chain.Issuing.Cert), 0o600)
	os.WriteFile(derFile, chain.Root.Cert.Raw, 0o600)
	os.WriteFile(bad, []byte("hello"), 0o600)
	var said strings.Builder
	env := Env{Lang: "en", Stderr: &said}
	certs, ok := trustCAs(env, []string{pemFile, derFile})
	if !ok || len(certs) != 3 || said.Len() != 0 {
		t.Errorf("good files: %d, %q", len(certs), said.String())
	}
	for _, f := range []string{bad, dir, filepath.Join(dir, "missing.pem")} {
		said.Reset()
		if certs, ok := trustCAs(env, []string{pemFile, f}); ok || certs != nil || !strings.Contains(said.String(), f) {
			t.Errorf("%s: %d, %q", f, len(certs), said.String())
		}
	}
}

// A --trust-ca that cannot be used stops inspect, receipt and backup alike:
// wrong usage (64), one sentence naming the file, made safe for the
// terminal (a file name is the user's, but may hold control characters),
// and nothing else done.
func TestTrustCAUnusable(t *testing.T) {
	dir := t.TempDir()
	notCA := filepath.Join(dir, "not-a-ca.pem")
	if err := os.WriteFile(notCA, []byte("no certificate here"), 0o600); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "gone\x1b[2J.pem")
	for _, ca := range []struct{ path, want string }{
		{missing, "cannot be read"},
		{notCA, "cannot be used with --trust-ca"},
	} {
		for _, cmd := range [][]string{
			{"inspect", "--trust-ca", ca.path, filepath.Join(dir, "x.p12")},
			{"receipt", "--trust-ca", ca.path, "--out", filepath.Join(dir, "r.pdf"), filepath.Join(dir, "x.p12")},
			{"backup", "--trust-ca", ca.path, "--to", dir, filepath.Join(dir, "x.p12")},
		} {
			code, out, errOut := run("en", cmd...)
			if code != ExitUsage || out != "" || !strings.Contains(errOut, ca.want) || strings.Count(errOut, "\n") != 1 {
				t.Errorf("%s with %q: %d, %q, %q", cmd[0], ca.path, code, out, errOut)
			}
			if strings.ContainsRune(errOut, '\x1b') {
				t.Errorf("%s: a control character from the file name reached the terminal: %q", cmd[0], errOut)
			}
		}
	}
}
