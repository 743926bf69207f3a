package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"software.sslmate.com/src/go-pkcs12"

	"github.com/fornyer/fornyer/core/testpki"
)

const receiptTestPassword = "Kode-Æbleskive-7731"

// receiptFixture writes a .p12 of Æblegrød ApS protected by
// receiptTestPassword, and the fake root to trust, into a folder.
func receiptFixture(t *testing.T) (p12, root string, leaf *testpki.Leaf) {
	t.Helper()
	chain := testpki.NewChain(t, false)
	leaf = chain.Issuing.Issue(t, testpki.LeafOptions{Org: "Æblegrød ApS", CN: "Æblegrød ApS - Søren Ørsted", CVR: "87654321"})
	dir := t.TempDir()
	p12 = filepath.Join(dir, "Æblegrød.p12")
	root = filepath.Join(dir, "root.pem")
	if err := os.WriteFile(p12, testpki.PFX(t, pkcs12.Modern, leaf, chain.CACerts(), receiptTestPassword), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(root, testpki.PEM(chain.Root.Cert), 0o600); err != nil {
		t.Fatal(err)
	}
	return p12, root, leaf
}

func runReceiptCmd(lang, stdin string, args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := Run(Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Lang: lang}, append([]string{"receipt"}, args...))
	return code, out.String(), errb.String()
}

func pdfToText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	out, err := exec.Command("pdftotext", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

func TestReceiptCommandWritesTheReceipt(t *testing.T) {
	p12, root, leaf := receiptFixture(t)
	for _, lang := range []string{"da", "en"} {
		t.Run(lang, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "kvittering.pdf")
			code, stdout, stderr := runReceiptCmd(lang, receiptTestPassword+"\n",
				"--password-stdin", "--trust-ca", root, "--out", out, "--by", "Søren Ørsted", "--email", "post@aeblegroed.dk", p12)
			if code != ExitOK {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			if !strings.Contains(stdout, out) {
				t.Errorf("stdout %q does not name %s", stdout, out)
			}
			raw, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			text := pdfToText(t, out)
			serial := leaf.Cert.SerialNumber.Text(16)
			for _, want := range []string{"Æblegrød ApS", "Søren Ørsted", "87654321", serial, "post@aeblegroed.dk", "3f6e1a2b-7c4d-4e5f-9a0b-1c2d3e4f5a6b"} {
				if !strings.Contains(text, want) {
					t.Errorf("receipt lacks %q:\n%s", want, text)
				}
			}
			for _, where := range []string{text, string(raw), stdout, stderr} {
				if strings.Contains(where, receiptTestPassword) {
					t.Fatal("the password reached the receipt or the output")
				}
			}
			title := map[string]string{"da": "Kvittering for fornyet certifikat", "en": "Certificate renewal receipt"}[lang]
			if !strings.Contains(text, title) {
				t.Errorf("receipt is not in %s", lang)
			}
		})
	}
}

// An existing file is never replaced: the second receipt gets " (2)".
func TestReceiptCommandNeverOverwrites(t *testing.T) {
	p12, root, _ := receiptFixture(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "kvittering.pdf")
	if err := os.WriteFile(out, []byte("the user's own file"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runReceiptCmd("en", receiptTestPassword, "--password-stdin", "--trust-ca", root, "--out", out, p12)
	if code != ExitOK {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	second := filepath.Join(dir, "kvittering (2).pdf")
	if !strings.Contains(stdout, second) {
		t.Errorf("stdout %q does not name %s", stdout, second)
	}
	if b, _ := os.ReadFile(out); string(b) != "the user's own file" {
		t.Error("the existing file was changed")
	}
	if b, err := os.ReadFile(second); err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Errorf("no receipt at %s: %v", second, err)
	}
}

func TestReceiptCommandRefuses(t *testing.T) {
	p12, root, _ := receiptFixture(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "r.pdf")
	for _, tc := range []struct {
		name  string
		stdin string
		args  []string
		code  int
		says  string
	}{
		{"no out", receiptTestPassword, []string{"--password-stdin", p12}, ExitUsage, "--out"},
		{"no file", "", []string{"--out", out}, ExitUsage, "one certificate file"},
		{"two files", "", []string{"--out", out, p12, p12}, ExitUsage, "one certificate file"},
		{"bad flag", "", []string{"--out", out, "--password", "x", p12}, ExitUsage, "password"},
		{"bad e-mail", receiptTestPassword, []string{"--password-stdin", "--out", out, "--email", "not an address", p12}, ExitUsage, "not an e-mail address"},
		{"missing folder", receiptTestPassword, []string{"--password-stdin", "--trust-ca", root, "--out", filepath.Join(dir, "nope", "r.pdf"), p12}, 1, "does not exist"},
		{"wrong password", "wrong\n", []string{"--password-stdin", "--trust-ca", root, "--out", out, p12}, 0, "not"},
		{"untrusted", receiptTestPassword, []string{"--password-stdin", "--out", out, p12}, 1, "not ready"},
		{"missing file", "", []string{"--out", out, filepath.Join(dir, "missing.p12")}, 2, "not written"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runReceiptCmd("en", tc.stdin, tc.args...)
			if tc.code == 0 && code == ExitOK || tc.code != 0 && code != tc.code {
				t.Errorf("exit %d, want %d; stderr %q", code, tc.code, stderr)
			}
			if !strings.Contains(stderr, tc.says) {
				t.Errorf("stderr %q does not say %q", stderr, tc.says)
			}
			if strings.Contains(stderr+stdout, receiptTestPassword) {
				t.Error("the password reached the output")
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 0 {
				t.Errorf("a refused receipt left %d files behind", len(entries))
			}
		})
	}
}

func TestReceiptCommandPasswordSaved(t *testing.T) {
	p12, root, _ := receiptFixture(t)
	old := SavedPasswords
	t.Cleanup(func() { SavedPasswords = old })
	for _, saved := range []bool{true, false} {
		SavedPasswords = func() []string {
			if saved {
				return []string{"other", receiptTestPassword}
			}
			return []string{"other"}
		}
		out := filepath.Join(t.TempDir(), "r.pdf")
		code, _, stderr := runReceiptCmd("en", receiptTestPassword+"\n", "--password-stdin", "--trust-ca", root, "--out", out, p12)
		if code != ExitOK {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		want := map[bool]string{true: "credential store Yes", false: "credential store No"}[saved]
		if text := pdfToText(t, out); !strings.Contains(text, want) {
			t.Errorf("saved=%v: receipt lacks %q:\n%s", saved, want, text)
		}
	}
}

func TestReceiptCommandHelp(t *testing.T) {
	code, stdout, _ := runReceiptCmd("da", "", "--help")
	if code != ExitOK || !strings.Contains(stdout, "--out FIL.pdf") || !strings.Contains(stdout, "(2)") {
		t.Errorf("exit %d, help %q", code, stdout)
	}
}
