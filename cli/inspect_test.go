package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fornyer/fornyer/core/testpki"
)

const inspectPW = "Rødgrød med fløde 42"

type inspectFiles struct {
	p12, empty, pem, root, garbage, dir string
}

// inspectFixture writes a test-CA organisation certificate as .p12 (OpenSSL
// defaults, Danish password), as .p12 with the empty password, as PEM, and
// the fake chain's root for --trust-ca, in a fresh folder (keys are pooled,
// so this is cheap).
func inspectFixture(t *testing.T) inspectFiles {
	t.Helper()
	chain := testpki.NewChain(t, true)
	leaf := chain.Organization(t)
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	return inspectFiles{
		p12:     write("organisation.p12", testpki.OpenSSLPFX(t, leaf, chain.CACerts(), inspectPW)),
		empty:   write("uden-kode.p12", testpki.OpenSSLPFX(t, leaf, chain.CACerts(), "")),
		pem:     write("cert.pem", testpki.PEM(leaf.Cert, chain.Issuing.Cert)),
		root:    write("root.pem", testpki.PEM(chain.Root.Cert)),
		garbage: write("garbage.pem", []byte("-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n")),
		dir:     dir,
	}
}

// noSaved stubs the credential store for a test (the real one is not
// touched in tests) and restores it afterwards.
func noSaved(t *testing.T, pws ...string) {
	t.Helper()
	saved := SavedPasswords
	SavedPasswords = func() []string { return pws }
	t.Cleanup(func() { SavedPasswords = saved })
}

type inspectRun struct {
	code     int
	out, err string
}

func runInspectEnv(env Env, args ...string) inspectRun {
	var out, errb bytes.Buffer
	env.Stdout, env.Stderr = &out, &errb
	if env.Lang == "" {
		env.Lang = "en"
	}
	code := Run(env, append([]string{"inspect"}, args...))
	return inspectRun{code, out.String(), errb.String()}
}

func runInspectStdin(stdin string, args ...string) inspectRun {
	return runInspectEnv(Env{Stdin: strings.NewReader(stdin)}, args...)
}

func TestInspectExitCodes(t *testing.T) {
	f := inspectFixture(t)
	noSaved(t)
	cases := []struct {
		name  string
		stdin string
		args  []string
		code  int
		want  string // in stdout
	}{
		{"ready, trusted with --trust-ca", inspectPW + "\n", []string{"--password-stdin", "--trust-ca", f.root, f.p12}, 0, "Ready to install in DPG"},
		{"CRLF line end", inspectPW + "\r\n", []string{"--password-stdin", "--trust-ca", f.root, f.p12}, 0, "Ready to install in DPG"},
		{"no line end", inspectPW, []string{"--password-stdin", "--trust-ca=" + f.root, f.p12}, 0, "Ready to install in DPG"},
		{"only the first line", inspectPW + "\nsomething else\n", []string{"--password-stdin", "--trust-ca", f.root, f.p12}, 0, "Ready"},
		{"flags after the file", inspectPW + "\n", []string{f.p12, "--password-stdin", "--trust-ca", f.root}, 0, "Ready"},
		{"fake chain is untrusted", inspectPW + "\n", []string{"--password-stdin", f.p12}, 1, "The certificate is not from the Danish state"},
		{"wrong password", "forkert\n", []string{"--password-stdin", "--trust-ca", f.root, f.p12}, 2, "Type the certificate's password\nThat password does not open the file"},
		{"trailing space is part of the password", inspectPW + " \n", []string{"--password-stdin", "--trust-ca", f.root, f.p12}, 2, "That password does not open the file"},
		{"empty line is the empty password", "\n", []string{"--password-stdin", "--trust-ca", f.root, f.empty}, 0, "The file has no password"},
		{"no input is the empty password", "", []string{"--password-stdin", "--trust-ca", f.root, f.empty}, 0, "Ready"},
		{"not a terminal: the empty password", "", []string{"--trust-ca", f.root, f.empty}, 0, "Ready"},
		{"not a terminal, password-protected", "", []string{"--trust-ca", f.root, f.p12}, 2, "Type the certificate's password\nThe file is protected with a password"},
		{"certificate file", "", []string{"--trust-ca", f.root, f.pem}, 1, "The file has no private key"},
		{"PEM garbage", "", []string{f.garbage}, 2, "This is not a certificate file"},
		{"folder", "", []string{f.dir}, 2, "That is a folder, not a file"},
		{"missing file", "", []string{filepath.Join(f.dir, "nope.p12")}, 2, "The file could not be read"},
	}
	for _, c := range cases {
		r := runInspectStdin(c.stdin, c.args...)
		if r.code != c.code || !strings.Contains(r.out, c.want) {
			t.Errorf("%s: exit %d, want %d; stdout:\n%s\nstderr: %s", c.name, r.code, c.code, r.out, r.err)
		}
		if strings.Contains(r.out+r.err, inspectPW) {
			t.Errorf("%s: the password was printed", c.name)
		}
	}
}

func TestInspectUsage(t *testing.T) {
	f := inspectFixture(t)
	noSaved(t)
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"no file", nil, "name the certificate file"},
		{"two files", []string{f.p12, f.pem}, "one file at a time"},
		{"unknown flag", []string{"--frobnicate", f.p12}, "unknown flag --frobnicate"},
		{"password as argument", []string{"--password", inspectPW, f.p12}, "never given on the command line"},
		{"--trust-ca without a file", []string{f.p12, "--trust-ca"}, "--trust-ca needs a value"},
		{"--trust-ca with garbage", []string{"--trust-ca", f.garbage, f.p12}, "cannot be used with --trust-ca"},
		{"--trust-ca missing", []string{"--trust-ca", filepath.Join(f.dir, "none.pem"), f.p12}, "cannot be read"},
	}
	for _, c := range cases {
		r := runInspectStdin("", c.args...)
		if r.code != ExitUsage || !strings.Contains(r.err, c.want) || r.out != "" {
			t.Errorf("%s: exit %d, stderr %q, stdout %q", c.name, r.code, r.err, r.out)
		}
		if strings.Contains(r.err, inspectPW) {
			t.Errorf("%s: password echoed", c.name)
		}
	}
	r := runInspectStdin("", "--help")
	if r.code != 0 || !strings.Contains(r.out, "--password-stdin") || !strings.Contains(r.out, "64") {
		t.Errorf("help: %d %q", r.code, r.out)
	}
	r = runInspectEnv(Env{Stdin: strings.NewReader(""), Lang: "da"})
	if r.code != ExitUsage || !strings.Contains(r.err, "angiv den certifikatfil") {
		t.Errorf("Danish usage: %q", r.err)
	}
}

func TestInspectJSON(t *testing.T) {
	f := inspectFixture(t)
	noSaved(t)
	r := runInspectStdin(inspectPW+"\n", "--json", "--password-stdin", "--trust-ca", f.root, f.p12)
	if r.code != 0 {
		t.Fatalf("exit %d: %s %s", r.code, r.out, r.err)
	}
	dec := json.NewDecoder(strings.NewReader(r.out))
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		t.Fatal(err)
	}
	if err := dec.Decode(new(any)); !errors.Is(err, io.EOF) {
		t.Errorf("more than one object: %v", err)
	}
	for _, k := range []string{"file", "file_sha256", "verdict", "findings", "certificate", "chain", "chain_trusted", "key_matches", "protection"} {
		if _, ok := m[k]; !ok {
			t.Errorf("key %s missing", k)
		}
	}
	cert := m["certificate"].(map[string]any)
	if m["verdict"] != "ready" || m["file"] != f.p12 || cert["cvr"] != "12345678" || cert["environment"] != "test" || cert["verified"] != true || m["chain_trusted"] != true {
		t.Errorf("JSON: %s", r.out)
	}
	// The unreadable case is one object too, exit 2.
	r = runInspectStdin("", "--json", f.garbage)
	if r.code != 2 || !json.Valid([]byte(r.out)) || !strings.Contains(r.out, `"unrecognized_format"`) {
		t.Errorf("garbage: %d %s", r.code, r.out)
	}
}

func TestInspectTerminalPrompt(t *testing.T) {
	f := inspectFixture(t)
	noSaved(t)
	asked := 0
	env := Env{
		Stdin:        strings.NewReader(""),
		IsTerminal:   func() bool { return true },
		ReadPassword: func() (string, error) { asked++; return inspectPW, nil },
	}
	r := runInspectEnv(env, "--trust-ca", f.root, f.p12)
	if r.code != 0 || asked != 1 || !strings.Contains(r.err, "Password for "+f.p12) {
		t.Errorf("prompt: exit %d, asked %d, stderr %q", r.code, asked, r.err)
	}
	if strings.Contains(r.out+r.err, inspectPW) {
		t.Error("password echoed")
	}
	// A certificate file has no password: nobody is asked.
	asked = 0
	r = runInspectEnv(env, f.pem)
	if asked != 0 || r.code != 1 {
		t.Errorf("certificate file: asked %d, exit %d", asked, r.code)
	}
	// A failing terminal is a clear sentence, exit 2.
	env.ReadPassword = func() (string, error) { return "", errors.New("no tty") }
	r = runInspectEnv(env, f.p12)
	if r.code != 2 || !strings.Contains(r.err, "could not read the password from the terminal") {
		t.Errorf("failing terminal: %d %q", r.code, r.err)
	}
	// --password-stdin wins over the terminal.
	asked = 0
	env.Stdin = strings.NewReader(inspectPW + "\n")
	env.ReadPassword = func() (string, error) { asked++; return "", nil }
	r = runInspectEnv(env, "--password-stdin", "--trust-ca", f.root, f.p12)
	if r.code != 0 || asked != 0 {
		t.Errorf("stdin over terminal: %d, asked %d", r.code, asked)
	}
}

func TestInspectSavedPasswords(t *testing.T) {
	f := inspectFixture(t)
	noSaved(t, "gammel kode", inspectPW)
	r := runInspectStdin("", "--json", "--trust-ca", f.root, f.p12)
	var m map[string]any
	if err := json.Unmarshal([]byte(r.out), &m); err != nil {
		t.Fatal(err)
	}
	// Tried: the two saved ones, then ""; the second (index 1) opened it.
	if r.code != 0 || m["password_index"] != float64(1) {
		t.Errorf("saved passwords: exit %d, index %v", r.code, m["password_index"])
	}
	if strings.Contains(r.out, inspectPW) {
		t.Error("saved password printed")
	}
}

func TestInspectDanish(t *testing.T) {
	f := inspectFixture(t)
	noSaved(t)
	r := runInspectEnv(Env{Stdin: strings.NewReader(inspectPW + "\n"), Lang: "da"}, "--password-stdin", "--trust-ca", f.root, f.p12)
	for _, want := range []string{"Klar til at blive installeret i DPG", "Organisationscertifikat (OCES3, Kun til test)", "CVR-nummer", "Det er et testcertifikat", "Fornyer Testfirma ApS"} {
		if !strings.Contains(r.out, want) {
			t.Errorf("Danish output lacks %q:\n%s", want, r.out)
		}
	}
}

// TestInspectProcess builds the lean binary and runs it as a process, the
// way scripts use it.
func TestInspectProcess(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a binary")
	}
	f := inspectFixture(t)
	bin := filepath.Join(t.TempDir(), "fornyer-cli")
	build := exec.Command("go", "build", "-o", bin, "github.com/fornyer/fornyer/cmd/fornyer-cli")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	run := func(stdin string, args ...string) (int, string, string) {
		cmd := exec.Command(bin, append([]string{"inspect"}, args...)...)
		cmd.Stdin = strings.NewReader(stdin)
		cmd.Env = append(os.Environ(), "LANGUAGE=en", "LC_ALL=", "LANG=")
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		code := 0
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return code, out.String(), errb.String()
	}
	if code, out, errs := run(inspectPW+"\n", "--password-stdin", "--json", "--trust-ca", f.root, f.p12); code != 0 || !json.Valid([]byte(out)) || !strings.Contains(out, `"verdict": "ready"`) {
		t.Errorf("ready: %d %s %s", code, out, errs)
	}
	// The process as built for users still catches a broken key (#24 13).
	chain := testpki.NewChain(t, true)
	damaged := filepath.Join(f.dir, "damaged-key.p12")
	if err := os.WriteFile(damaged, testpki.DamagedKeyPFX(t, chain.Organization(t)), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, out, errs := run("\n", "--password-stdin", "--json", damaged); code != 1 || !strings.Contains(out, `"code": "damaged_key"`) {
		t.Errorf("damaged key: %d %s %s", code, out, errs)
	}
	if code, _, _ := run("forkert\n", "--password-stdin", f.p12); code != 2 {
		t.Errorf("wrong password: exit %d", code)
	}
	if code, _, _ := run("", f.pem); code != 1 {
		t.Errorf("certificate file: exit %d", code)
	}
	if code, _, errs := run(""); code != 64 || !strings.Contains(errs, "name the certificate file") {
		t.Errorf("no file: exit %d %q", code, errs)
	}
}
