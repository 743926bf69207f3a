package cli

import (
	"bytes"
	"crypto/sha1"
	"encoding/pem"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	pkcs12 "software.sslmate.com/src/go-pkcs12"

	"github.com/fornyer/fornyer/core/testpki"
)

func runExportCLI(lang, stdin string, args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := Run(Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Lang: lang}, append([]string{"export"}, args...))
	return code, out.String(), errb.String()
}

// export writes the public certificate alone (DER, or PEM with --pem),
// beside the file or in --out, prints its path and the thumbprint as
// Windows shows it, and never the password.
func TestExportCommand(t *testing.T) {
	c := testpki.NewChain(t, false)
	leaf := c.Organization(t)
	src := testpki.WriteFile(t, "Firma.p12", testpki.PFX(t, pkcs12.Modern, leaf, c.CACerts(), backupPW))
	thumb := strings.ToUpper(fmt.Sprintf("%x", sha1.Sum(leaf.Cert.Raw)))

	code, out, errs := runExportCLI("en", backupPW+"\n", "--password-stdin", src)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if lines[0] != filepath.Join(filepath.Dir(src), "Firma.cer") {
		t.Errorf("path %q", lines[0])
	}
	if got, _ := os.ReadFile(lines[0]); !bytes.Equal(got, leaf.Cert.Raw) {
		t.Error("the .cer is not the certificate")
	}
	if !strings.Contains(out, "Thumbprint (as Windows shows it): "+thumb) {
		t.Errorf("no thumbprint %s in\n%s", thumb, out)
	}

	dir := t.TempDir()
	code, out, errs = runExportCLI("da", backupPW+"\n", src, "--pem", "--out", dir, "--password-stdin")
	if code != ExitOK || !strings.HasPrefix(out, filepath.Join(dir, "Firma.pem")) || !strings.Contains(out, "Serienummer") {
		t.Fatalf("--pem --out: exit %d\n%s%s", code, out, errs)
	}
	if b, _ := pem.Decode(mustReadFile(t, filepath.Join(dir, "Firma.pem"))); b == nil || !bytes.Equal(b.Bytes, leaf.Cert.Raw) {
		t.Error("the .pem is not the certificate")
	}
	if strings.Contains(out+errs, backupPW) {
		t.Error("the password was printed")
	}

	for _, tc := range []struct {
		name  string
		stdin string
		args  []string
		code  int
	}{
		{"wrong password", "nope\n", []string{"--password-stdin", src}, backupExitUnreadable},
		{"no certificate", "", []string{testpki.WriteFile(t, "x.p12", []byte("junk"))}, backupExitUnreadable},
		{"missing folder", backupPW + "\n", []string{"--password-stdin", "--out", filepath.Join(dir, "gone"), src}, backupExitFailed},
		{"two files", "", []string{src, src}, ExitUsage},
		{"bad flag", "", []string{"--nope", src}, ExitUsage},
	} {
		if code, out, errs := runExportCLI("en", tc.stdin, tc.args...); code != tc.code || out != "" || errs == "" {
			t.Errorf("%s: exit %d, want %d; out %q err %q", tc.name, code, tc.code, out, errs)
		}
	}
}

func mustReadFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
