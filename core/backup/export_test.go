package backup

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fornyer/fornyer/core/testpki"
)

// openssl runs OpenSSL with the password in the environment, never on the
// command line, and returns its standard output.
func openssl(t *testing.T, pass string, stdin []byte, args ...string) []byte {
	t.Helper()
	cmd := exec.Command("openssl", args...)
	cmd.Env = append(os.Environ(), "FORNYER_TEST_PASS="+pass)
	cmd.Stdin = bytes.NewReader(stdin)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("openssl %v: %v\n%s", args, err, stderr.Bytes())
	}
	return out
}

// The exported certificate is the one OpenSSL reads from the same file
// (pkcs12 -nokeys -clcerts, then x509 -outform DER or PEM), byte for
// byte, in both forms; a second export is a new file, never the first
// overwritten; the original is untouched; no key is in the file.
func TestExportPublicEqualsOpenSSL(t *testing.T) {
	if _, err := exec.LookPath("openssl"); err != nil {
		t.Skip("openssl is not installed")
	}
	c := testpki.NewChain(t, false)
	leaf := c.Organization(t)
	f := newFixture(t, testpki.OpenSSLPFX(t, leaf, c.CACerts(), password, "-legacy"), leaf, c.CACerts())
	certPEM := openssl(t, password, nil, "pkcs12", "-in", f.src, "-nokeys", "-clcerts", "-passin", "env:FORNYER_TEST_PASS", "-legacy")
	wantDER := openssl(t, "", certPEM, "x509", "-outform", "DER")
	wantPEM := openssl(t, "", certPEM, "x509", "-outform", "PEM")

	for _, tc := range []struct {
		pem       bool
		want      []byte
		name, two string
	}{
		{false, wantDER, "Fornyer Testfirma ApS.cer", "Fornyer Testfirma ApS (2).cer"},
		{true, wantPEM, "Fornyer Testfirma ApS.pem", "Fornyer Testfirma ApS (2).pem"},
	} {
		// Beside the file, where it is, and into a chosen folder.
		for _, dir := range []string{"", f.dir} {
			var paths []string
			for range 2 {
				res, err := ExportPublic(f.src, ExportOptions{Passwords: []string{"wrong", password}, Dir: dir, PEM: tc.pem})
				if err != nil {
					t.Fatal(err)
				}
				paths = append(paths, res.Path)
				if got := mustRead(t, res.Path); !bytes.Equal(got, tc.want) {
					t.Errorf("pem=%v: the export differs from OpenSSL's:\n%q\n%q", tc.pem, got, tc.want)
				}
				if bytes.Contains(mustRead(t, res.Path), []byte("PRIVATE KEY")) {
					t.Error("a key was exported")
				}
			}
			want := filepath.Dir(f.src)
			if dir != "" {
				want = dir
			}
			if paths[0] != filepath.Join(want, tc.name) || paths[1] != filepath.Join(want, tc.two) {
				t.Errorf("written as %v", paths)
			}
		}
	}
	f.untouched(t)
}

// A certificate file exports as itself; a wrong password, a folder that
// is not there and a file that is no certificate are refused with their
// codes, and leave nothing behind.
func TestExportPublicRefusals(t *testing.T) {
	f := goFixture(t)
	if _, err := ExportPublic(f.src, ExportOptions{Passwords: []string{"wrong"}, Dir: f.dir}); code(err) != CodeWrongPassword {
		t.Errorf("wrong password: %v", err)
	}
	if _, err := ExportPublic(f.src, ExportOptions{Passwords: []string{password}, Dir: filepath.Join(f.dir, "gone")}); code(err) != CodeFolderMissing {
		t.Errorf("missing folder: %v", err)
	}
	junk := testpki.WriteFile(t, "junk.p12", []byte("not a certificate"))
	if _, err := ExportPublic(junk, ExportOptions{Dir: f.dir}); code(err) != CodeSourceInvalid {
		t.Errorf("junk: %v", err)
	}
	if n := names(t, f.dir); len(n) != 0 {
		t.Errorf("left behind: %v", n)
	}
	cer := testpki.WriteFile(t, "firma.cer", f.leaf.Cert.Raw)
	res, err := ExportPublic(cer, ExportOptions{Dir: f.dir, PEM: true})
	if err != nil || !strings.Contains(string(mustRead(t, res.Path)), "BEGIN CERTIFICATE") || !res.Certificate.Equal(f.leaf.Cert) {
		t.Errorf("a .cer exported as PEM: %v", err)
	}
}

// The hand-over copy opens with its new password, in Fornyer and in
// OpenSSL (3DES, which old Windows Servers need), holds the same key and
// certificates, and does not open with the original's password; the new
// password is in no file written; the original is untouched.
func TestHandOverCopy(t *testing.T) {
	f := goFixture(t)
	const newPassword = "kx7f-mnaq-3bwe-pzrt-hj46"
	res, err := HandOverCopy(context.Background(), f.src, HandOverOptions{
		Passwords: []string{"wrong", password}, Passphrase: newPassword, To: "Acme IT/drift", Dir: f.dir, Lang: "da",
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Path != filepath.Join(f.dir, "Fornyer Testfirma ApS (til Acme IT drift).p12") || res.Kind != KindHandOver {
		t.Errorf("written as %+v", res)
	}
	back := mustRead(t, res.Path)
	got, err := open(res.Path, back, newPassword)
	if err != nil {
		t.Fatalf("the copy does not open with its password: %v", err)
	}
	if !got.leaf.Equal(f.leaf.Cert) || len(got.keys) != 1 {
		t.Error("the copy holds another certificate")
	}
	if _, err := open(res.Path, back, password); code(err) != CodeWrongPassword {
		t.Errorf("the copy opens with the original's password: %v", err)
	}
	if _, err := exec.LookPath("openssl"); err == nil {
		info := exec.Command("openssl", "pkcs12", "-info", "-noout", "-legacy", "-in", res.Path, "-passin", "env:FORNYER_TEST_PASS")
		info.Env = append(os.Environ(), "FORNYER_TEST_PASS="+newPassword)
		all, _ := info.CombinedOutput()
		if !strings.Contains(string(all), "pbeWithSHA1And3-KeyTripleDES-CBC") {
			t.Errorf("not 3DES:\n%s", all)
		}
	}
	for _, dir := range []string{f.dir, filepath.Dir(f.src)} {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if b := mustRead(t, filepath.Join(dir, e.Name())); bytes.Contains(b, []byte(newPassword)) || bytes.Contains(b, utf16(newPassword)) {
				t.Errorf("the new password is in %s", e.Name())
			}
		}
	}
	f.untouched(t)

	for _, bad := range []HandOverOptions{
		{Passwords: []string{password}, Passphrase: newPassword, To: " / "},
		{Passwords: []string{password}, Passphrase: "", To: "Acme"},
		{Passwords: []string{password}, Passphrase: password, To: "Acme"},
		{Passwords: []string{"wrong"}, Passphrase: newPassword, To: "Acme"},
	} {
		bad.Dir = t.TempDir()
		if _, err := HandOverCopy(context.Background(), f.src, bad); err == nil || len(names(t, bad.Dir)) != 0 {
			t.Errorf("%+v: %v, left %v", bad, err, names(t, bad.Dir))
		}
	}
}

// utf16 is s as a .p12 would carry it (big-endian UTF-16), to look for it.
func utf16(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r>>8), byte(r))
	}
	return b
}

// Who a hand-over copy is for goes inside the name's own brackets without
// brackets of its own (X20: "… (til Webshoppen (webbureauet)).p12").
func TestHandOverCopyNameHasNoNestedBrackets(t *testing.T) {
	for in, want := range map[string]string{
		"Webshoppen (webbureauet)": "Webshoppen, webbureauet",
		"(Acme) IT [drift]":        "Acme IT, drift",
		"Acme IT/drift":            "Acme IT drift",
		"((()))":                   "",
	} {
		if got := recipient(in); got != want {
			t.Errorf("recipient(%q) = %q, want %q", in, got, want)
		}
	}
	f := goFixture(t)
	res, err := HandOverCopy(context.Background(), f.src, HandOverOptions{
		Passwords: []string{password}, Passphrase: "kx7f-mnaq-3bwe-pzrt-hj46", To: "Webshoppen (webbureauet)", Dir: f.dir, Lang: "da",
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := filepath.Base(res.Path), "Fornyer Testfirma ApS (til Webshoppen, webbureauet).p12"; got != want {
		t.Errorf("the copy is named %q, want %q", got, want)
	}
}
