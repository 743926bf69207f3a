package cli

// Hostile input on the command line (issue 15): names with control
// characters, a password with a byte order mark, a folder as --out, a
// boolean flag with a value.

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fornyer/fornyer/core/testpki"
	"software.sslmate.com/src/go-pkcs12"
)

// A certificate whose organisation name holds escape sequences and a line
// break cannot clear the terminal, set its title or forge a line.
func TestNamesCannotDriveTheTerminal(t *testing.T) {
	noSaved(t)
	chain := testpki.NewChain(t, true)
	evil := "Evil ApS\x1b[2J\x1b]0;owned\x07\nReady to install in DPG\u202e"
	leaf := chain.Issuing.Issue(t, testpki.LeafOptions{Org: evil, CN: evil})
	dir := t.TempDir()
	p12 := filepath.Join(dir, "evil\x1b[31m\nname.p12")
	if err := os.WriteFile(p12, testpki.PFX(t, pkcs12.Modern, leaf, chain.CACerts(), "pw"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := runInspectStdin("pw\n", "--password-stdin", p12)
	if r.code != 1 { // opened; not trusted (no --trust-ca)
		t.Fatalf("exit %d: %s", r.code, r.err)
	}
	for _, out := range []string{r.out, r.err} {
		if strings.ContainsAny(out, "\x1b\x07\u202e") {
			t.Fatalf("a control character reached the terminal:\n%q", out)
		}
		for _, line := range strings.Split(out, "\n") {
			if strings.TrimSpace(line) == "Ready to install in DPG" {
				t.Fatalf("a forged line:\n%s", out)
			}
		}
	}
	if !strings.Contains(r.out, `Evil ApS\x1b[2J`) || !strings.Contains(r.out, `\nReady to install`) {
		t.Errorf("the name is not shown escaped:\n%s", r.out)
	}
	// JSON keeps the name as it is, escaped the JSON way.
	j := runInspectStdin("pw\n", "--password-stdin", "--json", p12)
	if !strings.Contains(j.out, `Evil ApS\u001b[2J`) || strings.Contains(j.out, "\x1b") {
		t.Errorf("JSON: %s", j.out)
	}
}

// A byte order mark before a typed or piped password is not part of it.
func TestPasswordByteOrderMark(t *testing.T) {
	f := inspectFixture(t)
	noSaved(t)
	if r := runInspectStdin("\uFEFF"+inspectPW+"\r\n", "--password-stdin", "--trust-ca", f.root, f.p12); r.code != 0 {
		t.Fatalf("piped with a BOM: exit %d: %s%s", r.code, r.out, r.err)
	}
	env := Env{IsTerminal: func() bool { return true }, ReadPassword: func() (string, error) { return "\uFEFF" + inspectPW, nil }}
	if r := runInspectEnv(env, "--trust-ca", f.root, f.p12); r.code != 0 {
		t.Fatalf("typed with a BOM: exit %d: %s%s", r.code, r.out, r.err)
	}
}

// --json=maybe is wrong usage, said as such.
func TestBooleanFlagWithValue(t *testing.T) {
	f := inspectFixture(t)
	noSaved(t)
	r := runInspectStdin("", "--json=maybe", f.pem)
	if r.code != ExitUsage || !strings.Contains(r.err, "-json") || strings.Contains(r.err, "unknown flag") {
		t.Fatalf("exit %d: %q", r.code, r.err)
	}
	if r := runInspectStdin("", "--json=true", f.pem); r.code == ExitUsage {
		t.Fatalf("--json=true: %q", r.err)
	}
}

// --out naming an existing folder writes the receipt inside it, as a .pdf;
// a name without .pdf gets it.
func TestReceiptOutFolder(t *testing.T) {
	p12, root, _ := receiptFixture(t)
	dir := t.TempDir()
	code, stdout, stderr := runReceiptCmd("en", receiptTestPassword, "--password-stdin", "--trust-ca", root, "--out", dir, p12)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || !strings.HasSuffix(entries[0].Name(), ".pdf") || !strings.Contains(entries[0].Name(), "Æblegrød") {
		t.Fatalf("in the folder: %v", entries)
	}
	if written := filepath.Join(dir, entries[0].Name()); !strings.Contains(stdout, written) {
		t.Errorf("stdout %q does not name %s", stdout, written)
	}
	noExt := filepath.Join(dir, "kvittering")
	if code, _, stderr := runReceiptCmd("en", receiptTestPassword, "--password-stdin", "--trust-ca", root, "--out", noExt, p12); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if b, err := os.ReadFile(noExt + ".pdf"); err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("no kvittering.pdf: %v", err)
	}
}
