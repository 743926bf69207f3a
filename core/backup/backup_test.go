package backup

import (
	"bytes"
	"context"
	"crypto"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	pkcs12 "software.sslmate.com/src/go-pkcs12"

	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/safefile"
	"github.com/fornyer/fornyer/core/testpki"
)

const (
	password   = "Kode-7Hq2-xZ9p-Lm4w"
	passphrase = "Backup-Vej 12 æøå"
)

// fixture is an original .p12 in a folder of its own and an empty backup
// folder.
type fixture struct {
	leaf  *testpki.Leaf
	chain []*x509.Certificate
	src   string
	data  []byte
	mtime time.Time
	dir   string
}

func newFixture(t *testing.T, data []byte, leaf *testpki.Leaf, chain []*x509.Certificate) *fixture {
	t.Helper()
	src := testpki.WriteFile(t, "Fornyer Testfirma ApS.p12", data)
	// An mtime in the past, so that a rewrite would show.
	old := time.Now().Add(-48 * time.Hour).Truncate(time.Second)
	if err := os.Chtimes(src, old, old); err != nil {
		t.Fatal(err)
	}
	return &fixture{leaf: leaf, chain: chain, src: src, data: data, mtime: old, dir: t.TempDir()}
}

func goFixture(t *testing.T) *fixture {
	t.Helper()
	c := testpki.NewChain(t, false)
	leaf := c.Organization(t)
	return newFixture(t, testpki.PFX(t, pkcs12.Modern, leaf, c.CACerts(), password), leaf, c.CACerts())
}

// untouched asserts the original's bytes and modification time are as before.
func (f *fixture) untouched(t *testing.T) {
	t.Helper()
	st, err := os.Stat(f.src)
	if err != nil {
		t.Fatalf("original gone: %v", err)
	}
	if !st.ModTime().Equal(f.mtime) {
		t.Errorf("original's mtime changed: %v, was %v", st.ModTime(), f.mtime)
	}
	if b, _ := os.ReadFile(f.src); !bytes.Equal(b, f.data) {
		t.Error("original's content changed")
	}
}

// names lists what is in dir (temporary files included).
func names(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func code(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

func TestBackupMakesAVerifiedCopy(t *testing.T) {
	f := goFixture(t)
	var steps [][2]int
	at := time.Date(2026, 11, 24, 22, 0, 0, 0, time.UTC)
	res, err := Backup(context.Background(), f.src, f.dir, Options{
		Password: password,
		Now:      func() time.Time { return at },
		Progress: func(done, total int) { steps = append(steps, [2]int{done, total}) },
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Files) != 1 || res.Files[0].Kind != KindCopy || res.Dir != f.dir || !res.VerifiedAt.Equal(at) {
		t.Fatalf("result %+v", res)
	}
	want := filepath.Join(f.dir, "Fornyer Testfirma ApS.p12")
	if res.Files[0].Path != want {
		t.Errorf("copy at %s, want %s", res.Files[0].Path, want)
	}
	got, err := os.ReadFile(want)
	if err != nil || !bytes.Equal(got, f.data) {
		t.Fatalf("copy differs from the original (%v)", err)
	}
	if res.Files[0].SHA256 != safefile.SHA256(f.data) {
		t.Errorf("checksum %s", res.Files[0].SHA256)
	}
	if !slices.Equal(steps, [][2]int{{0, 1}, {1, 1}}) {
		t.Errorf("progress %v", steps)
	}
	if n := names(t, f.dir); len(n) != 1 {
		t.Errorf("folder holds %v", n)
	}
	// Both folders are under the test's temporary folder: one disk.
	if !res.SameDisk {
		t.Error("a backup beside the original is not said to be on the same disk")
	}
	f.untouched(t)
}

func TestBackupNeverOverwrites(t *testing.T) {
	f := goFixture(t)
	mine := filepath.Join(f.dir, "Fornyer Testfirma ApS.p12")
	if err := os.WriteFile(mine, []byte("the user's own file"), 0o600); err != nil {
		t.Fatal(err)
	}
	var paths []string
	for range 2 {
		res, err := Backup(context.Background(), f.src, f.dir, Options{Password: password, PublicCopies: true})
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, pathOf(res, KindCopy), pathOf(res, KindCER))
	}
	// The second backup finds the first's identical files (not the user's).
	want := []string{"Fornyer Testfirma ApS (2).p12", "Fornyer Testfirma ApS.cer", "Fornyer Testfirma ApS (2).p12", "Fornyer Testfirma ApS.cer"}
	for i, p := range paths {
		if filepath.Base(p) != want[i] {
			t.Errorf("file %d is %s, want %s", i, filepath.Base(p), want[i])
		}
	}
	if b, _ := os.ReadFile(mine); string(b) != "the user's own file" {
		t.Errorf("existing file overwritten: %q", b)
	}
	f.untouched(t)
}

func TestSecondBackupFindsItsFirstCopy(t *testing.T) {
	f := goFixture(t)
	first, err := Backup(context.Background(), f.src, f.dir, Options{Password: password, PublicCopies: true})
	if err != nil {
		t.Fatal(err)
	}
	copyPath := pathOf(first, KindCopy)
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	if err := os.Chtimes(copyPath, old, old); err != nil {
		t.Fatal(err)
	}
	second := backupFindsAll(t, f, first, Options{Password: password, PublicCopies: true})
	if st, _ := os.Stat(copyPath); !st.ModTime().Equal(old) {
		t.Error("the first copy was rewritten")
	}
	if first.CopyFound() || !second.CopyFound() {
		t.Errorf("copy found: first %v, second %v", first.CopyFound(), second.CopyFound())
	}

	// With a manifest: the first such backup writes it beside the copy it
	// found; one an hour later finds both, so the stick gains nothing (the
	// manifest names no time: the register and the receipt hold when).
	later := func() time.Time { return time.Now().Add(time.Hour) }
	third, err := Backup(context.Background(), f.src, f.dir, Options{Password: password, Manifest: true})
	if err != nil {
		t.Fatal(err)
	}
	if m := third.Files[len(third.Files)-1]; !third.CopyFound() || m.Kind != KindManifest || m.Existing {
		t.Errorf("copy found %v, manifest %+v", third.CopyFound(), m)
	}
	backupFindsAll(t, f, third, Options{Password: password, Manifest: true, Now: later})

	// A copy that no longer holds the same bytes is not taken for one:
	// a new copy is written beside it and proved.
	damaged := append([]byte(nil), f.data...)
	damaged[len(damaged)/2] ^= 1
	if err := os.WriteFile(copyPath, damaged, 0o600); err != nil {
		t.Fatal(err)
	}
	fifth, err := Backup(context.Background(), f.src, f.dir, Options{Password: password})
	if err != nil {
		t.Fatal(err)
	}
	if c := fifth.Files[0]; c.Existing || c.Path == copyPath || fifth.CopyFound() {
		t.Errorf("a changed copy was taken for the backup: %+v", c)
	}
	f.untouched(t)
}

// backupFindsAll backs up again with opts and checks that every file of
// the earlier backup was found, identical, and nothing was written.
func backupFindsAll(t *testing.T, f *fixture, earlier *Result, opts Options) *Result {
	t.Helper()
	before := names(t, f.dir)
	res, err := Backup(context.Background(), f.src, f.dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	if got := names(t, f.dir); !slices.Equal(got, before) {
		t.Errorf("the folder went from %v to %v: an identical file was written again", before, got)
	}
	if len(res.Files) != len(earlier.Files) {
		t.Fatalf("files %+v, want %d", res.Files, len(earlier.Files))
	}
	for i, file := range res.Files {
		if !file.Existing || file.Path != earlier.Files[i].Path {
			t.Errorf("file %d: %+v, want the earlier backup's %s found", i, file, earlier.Files[i].Path)
		}
	}
	return res
}

func TestAFailedBackupKeepsTheCopyItFound(t *testing.T) {
	f := goFixture(t)
	first, err := Backup(context.Background(), f.src, f.dir, Options{Password: password})
	if err != nil {
		t.Fatal(err)
	}
	if err := backupCanceledAfter(f, 2); code(err) != CodeCanceled {
		t.Fatalf("got %v", err)
	}
	if got := names(t, f.dir); !slices.Equal(got, []string{filepath.Base(pathOf(first, KindCopy))}) {
		t.Errorf("after the failed backup the folder holds %v, want the first copy alone", got)
	}
}

func TestBackupWithEverything(t *testing.T) {
	f := goFixture(t)
	at := time.Date(2026, 11, 24, 22, 5, 0, 0, time.UTC)
	for _, lang := range []string{"en", "da"} {
		t.Run(lang, func(t *testing.T) {
			dir := t.TempDir()
			var last [2]int
			res, err := Backup(context.Background(), f.src, dir, Options{
				Password: password, PublicCopies: true, Manifest: true, Lang: lang,
				Reprotect: &Reprotect{Passphrase: passphrase, Profile: ProfileStrong},
				Now:       func() time.Time { return at },
				Progress:  func(done, total int) { last = [2]int{done, total} },
			})
			if err != nil {
				t.Fatal(err)
			}
			var kinds []Kind
			for _, file := range res.Files {
				kinds = append(kinds, file.Kind)
				b, err := os.ReadFile(file.Path)
				if err != nil || safefile.SHA256(b) != file.SHA256 {
					t.Errorf("%s: checksum does not match (%v)", file.Path, err)
				}
			}
			if !slices.Equal(kinds, []Kind{KindCopy, KindReprotected, KindCER, KindPEM, KindManifest}) {
				t.Fatalf("kinds %v", kinds)
			}
			if last != [2]int{5, 5} {
				t.Errorf("progress ended at %v", last)
			}
			if len(names(t, dir)) != 5 {
				t.Errorf("folder holds %v", names(t, dir))
			}

			cer, _ := os.ReadFile(pathOf(res, KindCER))
			if c, err := x509.ParseCertificate(cer); err != nil || !c.Equal(f.leaf.Cert) {
				t.Errorf(".cer is not the certificate: %v", err)
			}
			p, _ := os.ReadFile(pathOf(res, KindPEM))
			if blk, rest := pem.Decode(p); blk == nil || !bytes.Equal(blk.Bytes, f.leaf.Cert.Raw) || len(bytes.TrimSpace(rest)) != 0 {
				t.Error(".pem is not the certificate alone")
			}

			key, leaf, chain, err := pkcs12.DecodeChain(mustRead(t, pathOf(res, KindReprotected)), passphrase)
			if err != nil || !leaf.Equal(f.leaf.Cert) || len(chain) != len(f.chain) {
				t.Fatalf("re-protected copy: %v", err)
			}
			if !key.(interface{ Equal(crypto.PrivateKey) bool }).Equal(f.leaf.Key) {
				t.Error("re-protected copy holds another key")
			}

			m := string(mustRead(t, pathOf(res, KindManifest)))
			for _, secret := range []string{password, passphrase} {
				if strings.Contains(m, secret) {
					t.Errorf("manifest contains a password:\n%s", m)
				}
			}
			for _, want := range []string{"Fornyer Testfirma ApS", Serial(f.leaf.Cert), msg.DateTime(lang, f.leaf.Cert.NotAfter.Local())} {
				if !strings.Contains(m, want) {
					t.Errorf("manifest lacks %q:\n%s", want, m)
				}
			}
			for _, file := range res.Files[:4] {
				if !strings.Contains(m, file.SHA256+"  "+filepath.Base(file.Path)+"\n") {
					t.Errorf("manifest lacks the checksum line of %s", file.Path)
				}
			}
			for _, want := range []string{"certutil -hashfile", "Get-FileHash", "shasum -a 256", "sha256sum"} {
				if !strings.Contains(m, want) { // each system's own command to check a checksum
					t.Errorf("manifest lacks %q:\n%s", want, m)
				}
			}
			if lang == "da" && !strings.Contains(m, "Udløber") {
				t.Errorf("Danish manifest:\n%s", m)
			}
			if sha, err := exec.LookPath("sha256sum"); err == nil {
				var sums []string
				for _, line := range strings.Split(m, "\n") {
					if len(line) > 66 && line[64:66] == "  " {
						sums = append(sums, line)
					}
				}
				cmd := exec.Command(sha, "-c", "--strict", "-")
				cmd.Dir = dir
				cmd.Stdin = strings.NewReader(strings.Join(sums, "\n") + "\n")
				if out, err := cmd.CombinedOutput(); err != nil || len(sums) != 4 {
					t.Errorf("sha256sum -c on %d lines: %v\n%s", len(sums), err, out)
				}
			}
		})
	}
	f.untouched(t)
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The re-protected copy must open in OpenSSL, the reference the rest of the
// world uses; 3DES needs -legacy in OpenSSL 3. The password goes through
// the environment, never the command line.
func TestReprotectedCopyOpensInOpenSSL(t *testing.T) {
	if _, err := exec.LookPath("openssl"); err != nil {
		t.Skip("openssl is not installed")
	}
	// The original made by OpenSSL with its legacy RC2 profile, as older
	// exports are.
	c := testpki.NewChain(t, false)
	leaf := c.Organization(t)
	f := newFixture(t, testpki.OpenSSLPFX(t, leaf, c.CACerts(), password, "-legacy"), leaf, c.CACerts())
	for profile, want := range map[string][]string{
		ProfileCompatible: {"pbeWithSHA1And3-KeyTripleDES-CBC", "MAC: sha1, Iteration 2048"},
		ProfileStrong:     {"AES-256-CBC", "MAC: sha256"},
	} {
		t.Run(profile, func(t *testing.T) {
			dir := t.TempDir()
			res, err := Backup(context.Background(), f.src, dir, Options{
				Password:  password,
				Reprotect: &Reprotect{Passphrase: passphrase, Profile: profile},
			})
			if err != nil {
				t.Fatal(err)
			}
			args := []string{"pkcs12", "-info", "-noout", "-in", pathOf(res, KindReprotected), "-passin", "env:FORNYER_TEST_PASS"}
			if profile == ProfileCompatible {
				args = append(args, "-legacy")
			}
			cmd := exec.Command("openssl", args...)
			cmd.Env = append(os.Environ(), "FORNYER_TEST_PASS="+passphrase)
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("openssl: %v\n%s", err, out)
			}
			for _, w := range want {
				if !strings.Contains(string(out), w) {
					t.Errorf("openssl reports no %q:\n%s", w, out)
				}
			}
			// The wrong passphrase must not open it.
			cmd = exec.Command("openssl", args...)
			cmd.Env = append(os.Environ(), "FORNYER_TEST_PASS="+password)
			if out, err := cmd.CombinedOutput(); err == nil {
				t.Errorf("openssl opened the copy with the old password:\n%s", out)
			}
		})
	}
	f.untouched(t)
}

// flipOn returns a writer that damages the file whose name ends in suffix
// between its write and its read-back.
func flipOn(suffix string) safefile.Writer {
	return safefile.Writer{BeforeVerify: func(path string) {
		if !strings.HasSuffix(path, suffix) {
			return
		}
		b, _ := os.ReadFile(path)
		b[len(b)/2] ^= 0x01
		os.WriteFile(path, b, 0o600)
	}}
}

func TestVerificationCatchesACorruptedCopy(t *testing.T) {
	f := goFixture(t)
	mine := filepath.Join(f.dir, "notes.txt")
	os.WriteFile(mine, []byte("mine"), 0o600)
	for _, suffix := range []string{".p12", ".pem", ".txt"} {
		t.Run(suffix, func(t *testing.T) {
			_, err := Backup(context.Background(), f.src, f.dir, Options{
				Password: password, PublicCopies: true, Manifest: true, Writer: flipOn(suffix),
			})
			if code(err) != CodeVerifyFailed {
				t.Fatalf("got %v, want %s", err, CodeVerifyFailed)
			}
			// The files written before the damaged one are removed too; the
			// user's own file stays.
			if n := names(t, f.dir); !slices.Equal(n, []string{"notes.txt"}) {
				t.Errorf("left behind: %v", n)
			}
		})
	}
	if b, _ := os.ReadFile(mine); string(b) != "mine" {
		t.Error("the user's file was touched")
	}
	f.untouched(t)
}

func TestUnwritableOrVanishedFolder(t *testing.T) {
	f := goFixture(t)
	file := filepath.Join(t.TempDir(), "a file")
	os.WriteFile(file, []byte("x"), 0o600)
	cases := []struct {
		name string
		dir  string
		w    safefile.Writer
		want string
	}{
		{"missing", filepath.Join(t.TempDir(), "gone"), safefile.Writer{}, CodeFolderMissing},
		{"parent is a file", filepath.Join(file, "sub"), safefile.Writer{}, CodeFolderMissing},
		{"a file", file, safefile.Writer{}, CodeNotAFolder},
	}
	// A stick pulled after the copy was written, before it was read back.
	pulled := t.TempDir()
	cases = append(cases, struct {
		name string
		dir  string
		w    safefile.Writer
		want string
	}{"pulled mid-backup", pulled, safefile.Writer{BeforeVerify: func(string) { os.RemoveAll(pulled) }}, CodeFolderMissing})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Backup(context.Background(), f.src, c.dir, Options{Password: password, Manifest: true, Writer: c.w})
			if code(err) != c.want {
				t.Fatalf("got %v, want %s", err, c.want)
			}
			if m := msg.Sentence("en", err); !strings.Contains(m, c.dir) {
				t.Errorf("message does not name the folder: %s", m)
			}
		})
	}
	if b, _ := os.ReadFile(file); string(b) != "x" {
		t.Error("the file given as a folder was changed")
	}
	f.untouched(t)
}

func TestReadOnlyFolder(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("root and Windows ignore folder permissions; the mapping is tested in TestWriteErrorCodes")
	}
	f := goFixture(t)
	os.Chmod(f.dir, 0o500)
	defer os.Chmod(f.dir, 0o700)
	_, err := Backup(context.Background(), f.src, f.dir, Options{Password: password})
	if code(err) != CodeFolderReadOnly {
		t.Fatalf("got %v", err)
	}
}

// Full disks, write-protected sticks and pulled devices cannot be made in a
// test without mounting; the errors they raise are mapped here.
func TestWriteErrorCodes(t *testing.T) {
	wrap := func(e error) error { return &fs.PathError{Op: "write", Path: "/media/stick/x", Err: e} }
	cases := map[string]error{
		CodeDiskFull:       wrap(syscall.ENOSPC),
		CodeFolderReadOnly: wrap(syscall.EROFS),
		CodeDeviceGone:     wrap(syscall.EIO),
		CodeFolderMissing:  wrap(syscall.ENOENT),
		CodeVerifyFailed:   safefile.ErrVerify,
		CodeCanceled:       context.Canceled,
		CodeWriteFailed:    errors.New("something else"),
	}
	if runtime.GOOS == "windows" {
		delete(cases, CodeDiskFull)
		delete(cases, CodeFolderReadOnly)
		delete(cases, CodeDeviceGone)
	}
	for want, err := range cases {
		if got := writeError("/media/stick", err); got.Code != want || got.Path != "/media/stick" || !errors.Is(got, err) {
			t.Errorf("%v: got %+v, want %s", err, got, want)
		}
	}
}

func TestNothingIsWrittenWhenTheOriginalDoesNotOpen(t *testing.T) {
	f := goFixture(t)
	big := filepath.Join(t.TempDir(), "big.p12")
	if err := os.WriteFile(big, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	os.Truncate(big, 11<<20)
	cases := map[string][2]string{
		"wrong password": {f.src, CodeWrongPassword},
		"missing":        {filepath.Join(t.TempDir(), "none.p12"), CodeSourceUnreadable},
		"a folder":       {t.TempDir(), CodeSourceUnreadable},
		"too large":      {big, CodeSourceTooLarge},
		"not a p12":      {testpki.WriteFile(t, "x.p12", []byte("hello, not a certificate")), CodeSourceInvalid},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := Backup(context.Background(), c[0], f.dir, Options{Password: "not " + password})
			if code(err) != c[1] {
				t.Fatalf("got %v, want %s", err, c[1])
			}
			e := err.(*Error)
			for _, s := range []string{err.Error(), msg.Sentence("en", e), msg.Sentence("da", e)} {
				if strings.Contains(s, password) {
					t.Errorf("error text holds the password: %s", s)
				}
			}
			if n := names(t, f.dir); len(n) != 0 {
				t.Errorf("wrote %v", n)
			}
		})
	}
	f.untouched(t)
}

func TestBadRequests(t *testing.T) {
	f := goFixture(t)
	cases := map[string]struct {
		dir  string
		opts Options
		want string
	}{
		"no folder":       {"", Options{Password: password}, CodeNoFolder},
		"same folder":     {filepath.Dir(f.src), Options{Password: password}, CodeSameFolder},
		"unknown profile": {f.dir, Options{Password: password, Reprotect: &Reprotect{Passphrase: passphrase, Profile: "rc2"}}, CodeBadProfile},
		"no passphrase":   {f.dir, Options{Password: password, Reprotect: &Reprotect{Profile: ProfileStrong}}, CodeNoPassphrase},
		"emoji":           {f.dir, Options{Password: password, Reprotect: &Reprotect{Passphrase: "key 🔑", Profile: ProfileStrong}}, CodeBadPassphrase},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := Backup(context.Background(), f.src, c.dir, c.opts)
			if code(err) != c.want {
				t.Fatalf("got %v, want %s", err, c.want)
			}
			if n := names(t, f.dir); len(n) != 0 {
				t.Errorf("wrote %v", n)
			}
		})
	}
	if n := names(t, filepath.Dir(f.src)); len(n) != 1 {
		t.Errorf("original's folder holds %v", n)
	}
	f.untouched(t)
}

func TestCancelRemovesWhatWasWritten(t *testing.T) {
	f := goFixture(t)
	if err := backupCanceledAfter(f, 2); code(err) != CodeCanceled {
		t.Fatalf("got %v", err)
	}
	if n := names(t, f.dir); len(n) != 0 {
		t.Errorf("left behind: %v", n)
	}
	f.untouched(t)
}

// backupCanceledAfter backs f up with its public copies and cancels once
// n files are done.
func backupCanceledAfter(f *fixture, n int) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_, err := Backup(ctx, f.src, f.dir, Options{
		Password: password, PublicCopies: true,
		Progress: func(done, _ int) {
			if done == n {
				cancel()
			}
		},
	})
	return err
}

func TestEveryCodeHasASentence(t *testing.T) {
	for _, lang := range msg.Languages {
		for _, c := range Codes {
			e := &Error{Code: c, Path: "/media/STICK"}
			if m := msg.Sentence(lang, e); strings.EqualFold(m, e.Fault().Key) || strings.Contains(m, "<no value>") {
				t.Errorf("%s: %s has no sentence: %q", lang, c, m)
			}
		}
	}
}

func BenchmarkBackup(b *testing.B) {
	c := testpki.NewChain(b, false)
	leaf := c.Organization(b)
	src := testpki.WriteFile(b, "cert.p12", testpki.PFX(b, pkcs12.Modern, leaf, c.CACerts(), password))
	for _, bc := range []struct {
		name string
		opts Options
	}{
		{"copy", Options{Password: password}},
		{"everything", Options{Password: password, PublicCopies: true, Manifest: true, Reprotect: &Reprotect{Passphrase: passphrase, Profile: ProfileStrong}}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			dir := b.TempDir()
			for b.Loop() {
				if _, err := Backup(context.Background(), src, dir, bc.opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// The backup's own read-back does not rely on safefile's: a copy damaged
// after safefile's check is still caught, and the whole backup removed.
func TestOwnReadBackCatchesALaterChange(t *testing.T) {
	f := goFixture(t)
	for _, suffix := range []string{"ApS.p12", "(backup password).p12", ".cer"} {
		t.Run(suffix, func(t *testing.T) {
			afterWrite = func(path string) {
				if strings.HasSuffix(path, suffix) {
					os.Truncate(path, 100)
				}
			}
			defer func() { afterWrite = nil }()
			_, err := Backup(context.Background(), f.src, f.dir, Options{
				Password: password, PublicCopies: true,
				Reprotect: &Reprotect{Passphrase: passphrase, Profile: ProfileCompatible},
			})
			if code(err) != CodeVerifyFailed {
				t.Fatalf("got %v, want %s", err, CodeVerifyFailed)
			}
			if n := names(t, f.dir); len(n) != 0 {
				t.Errorf("left behind: %v", n)
			}
		})
	}
	f.untouched(t)
}

// A file whose key is damaged (a wrong private exponent) is refused with
// its own code, as the inspection reports it, and nothing is written.
func TestDamagedKeyRefused(t *testing.T) {
	f := goFixture(t)
	c := testpki.NewChain(t, false)
	src := filepath.Join(t.TempDir(), "damaged.p12")
	if err := os.WriteFile(src, testpki.DamagedKeyPFX(t, c.Organization(t)), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Backup(context.Background(), src, f.dir, Options{Password: ""})
	if code(err) != CodeDamagedKey {
		t.Fatalf("got %v, want %s", err, CodeDamagedKey)
	}
	if n := names(t, f.dir); len(n) != 0 {
		t.Errorf("wrote %v", n)
	}
}

// Several candidate passwords are tried on one reading of the original;
// the right one is used for the copy's check.
func TestPasswordsTriedTogether(t *testing.T) {
	f := goFixture(t)
	res, err := Backup(context.Background(), f.src, f.dir, Options{Passwords: []string{"", "wrong", password}})
	if err != nil || len(res.Files) == 0 {
		t.Fatalf("%v", err)
	}
	_, err = Backup(context.Background(), f.src, t.TempDir(), Options{Passwords: []string{"", "wrong"}})
	if code(err) != CodeWrongPassword {
		t.Fatalf("no right password: %v", err)
	}
}

// A source that changed since it was checked is refused, whether the
// check handed over its bytes or its SHA-256; nothing is written.
func TestBackupRefusesASourceChangedSinceTheCheck(t *testing.T) {
	f := goFixture(t)
	src, checked := f.src, f.data
	sum := sha256.Sum256(checked)
	for name, opts := range map[string]Options{
		"bytes":  {Password: password, Data: append([]byte(nil), checked...)},
		"sha256": {Password: password, SourceSHA256: hex.EncodeToString(sum[:])},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			if _, err := Backup(context.Background(), src, dir, opts); err != nil {
				t.Fatalf("unchanged source refused: %v", err)
			}
			changed := append(append([]byte(nil), checked...), 0)
			other := filepath.Join(t.TempDir(), filepath.Base(src))
			if err := os.WriteFile(other, changed, 0o600); err != nil {
				t.Fatal(err)
			}
			dir2 := t.TempDir()
			_, err := Backup(context.Background(), other, dir2, opts)
			var e *Error
			if !errors.As(err, &e) || e.Code != CodeSourceChanged {
				t.Fatalf("changed source: %v", err)
			}
			if left, _ := os.ReadDir(dir2); len(left) != 0 {
				t.Errorf("files left: %v", left)
			}
		})
	}
}

// pathOf is the path of res's first file of kind k, or "".
func pathOf(res *Result, k Kind) string {
	for _, f := range res.Files {
		if f.Kind == k {
			return f.Path
		}
	}
	return ""
}
