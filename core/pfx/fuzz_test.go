package pfx

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	pkcs12 "software.sslmate.com/src/go-pkcs12"
)

var knownCodes = map[string]bool{
	CodeUnreadable: true, CodeTooLarge: true, CodeUnrecognized: true,
	CodeCorrupt: true, CodeWrongPassword: true, CodeUnsupported: true,
	CodeTooCostly: true, CodeDamagedKey: true,
}

// FuzzParseOpen feeds damaged containers and passwords to the whole path
// and checks that nothing panics (Parse and Open turn a panic into an
// "internal error", which counts as a failure here), that every error has a
// known code, that what Open returns is consistent, and that whatever
// go-pkcs12 can decode, Open decodes to the same key and certificate.
//
//	go test ./core/pfx -run '^$' -fuzz FuzzParseOpen -fuzztime 60s -fuzzminimizetime 10x
//
// (Minimising an input costs a decryption per try; without the limit the
// fuzzer spends most of its time minimising.)
func FuzzParseOpen(f *testing.F) {
	w := testWorld(f)
	for _, fx := range w.fixtures {
		f.Add(fx.data, fx.password)
	}
	// Cheap seeds (one iteration) let the fuzzer reach the decrypted
	// contents many times a second.
	leaf, cas := w.leaf, w.cas
	for _, enc := range []*pkcs12.Encoder{pkcs12.Modern, pkcs12.Modern2026, pkcs12.LegacyDES, pkcs12.LegacyRC2} {
		data, err := enc.WithIterations(1).Encode(leaf.Key, leaf.Cert, cas[:1], "pw")
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, "pw")
		f.Add(windowsStyle(f, data, "pw", buildOptions{iterations: 1}), "pw")
	}
	f.Add(buildPFX(f, "pw", buildOptions{encryptCerts: true, iterations: 1},
		item{key: leaf.Key}, item{key: w.other.Key, nested: true}, item{cert: cas[0]}, item{cert: leaf.Cert}), "pw")
	f.Add(buildPFX(f, "", buildOptions{noMAC: true, iterations: 1}, item{key: leaf.Key, plain: true}, item{cert: leaf.Cert}), "")
	real, _ := filepath.Glob(filepath.Join("testdata", "realworld", "*.p12"))
	for _, name := range real {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, "")
		f.Add(data, "password")
	}
	f.Add([]byte{}, "")
	f.Add([]byte{0x30, 0x80, 0x02, 0x01, 0x03, 0x00, 0x00}, "")
	saved := maxIterations
	maxIterations = 5000 // keep each input fast; real limits are tested elsewhere
	f.Cleanup(func() { maxIterations = saved })

	f.Fuzz(func(t *testing.T, data []byte, password string) {
		Detect(data)
		if certs, err := Certificates(data); err != nil {
			checkError(t, err)
		} else if len(certs) == 0 {
			t.Fatal("Certificates: no error and no certificate")
		}
		checkBER(t, data)

		c, err := Parse(data)
		if err != nil {
			checkError(t, err)
			return
		}
		if c.Protection.Encoding != "DER" && c.Protection.Encoding != "BER" {
			t.Fatalf("Encoding %q", c.Protection.Encoding)
		}
		ct, err := c.Open(password)
		checkInspection(t, data, password, ct, err)
		if err != nil {
			checkError(t, err)
			if CodeOf(err) == CodeDamagedKey && ct == nil {
				t.Fatal("a damaged key without the contents read")
			}
			if code := CodeOf(err); code != CodeUnsupported && code != CodeTooCostly && code != CodeDamagedKey {
				if key, cert, _, perr := pkcs12.DecodeChain(data, password); perr == nil && key != nil && cert != nil {
					t.Fatalf("go-pkcs12 decodes this file, Open says %v", err)
				}
			}
			return
		}
		if (ct.Leaf != nil) != ct.KeyMatches {
			t.Fatal("KeyMatches disagrees with Leaf")
		}
		n := len(ct.Chain)
		if ct.Leaf != nil {
			n++
			found := false
			for _, c := range ct.Certs {
				found = found || c == ct.Leaf
			}
			if !found {
				t.Fatal("Leaf is not among Certs")
			}
		}
		if n != len(ct.Certs) {
			t.Fatalf("Leaf + Chain = %d, Certs = %d", n, len(ct.Certs))
		}
		if key, cert, _, perr := pkcs12.DecodeChain(data, password); perr == nil {
			// go-pkcs12 skips nested bags, so it may see fewer keys.
			foundKey := false
			for _, k := range ct.Keys {
				foundKey = foundKey || sameKey(key, k)
			}
			if !foundKey {
				t.Fatal("go-pkcs12 finds a key Open does not")
			}
			found := false
			for _, c := range ct.Certs {
				found = found || c.Equal(cert)
			}
			if !found {
				t.Fatal("go-pkcs12 finds a certificate Open does not")
			}
		}
	})
}

func checkError(t *testing.T, err error) {
	t.Helper()
	code := CodeOf(err)
	if !knownCodes[code] {
		t.Fatalf("error without a known code: %v", err)
	}
	if strings.Contains(err.Error(), "internal error") {
		t.Fatalf("a panic was caught: %v", err)
	}
}

// checkBER: converting twice gives the same bytes, and DER stays as it is.
func checkBER(t *testing.T, data []byte) {
	der, rest, changed, err := toDER(data)
	// toDER skims DER without building anything: it must agree with
	// building the tree in every case.
	bder, brest, bchanged, berr := buildDER(data)
	if err != berr || changed != bchanged || !bytes.Equal(der, bder) || !bytes.Equal(rest, brest) {
		t.Fatalf("toDER: %x, %x, %v, %v; buildDER: %x, %x, %v, %v", der, rest, changed, err, bder, brest, bchanged, berr)
	}
	if err != nil {
		return
	}
	again, _, changed, err := toDER(der)
	if err != nil || changed || !bytes.Equal(again, der) {
		t.Fatalf("toDER is not idempotent: changed=%v err=%v", changed, err)
	}
}

// checkInspection: OpenForInspection, on a Container of its own (the
// budget is per Container), agrees with Open.
func checkInspection(t *testing.T, data []byte, password string, ct *Contents, err error) {
	t.Helper()
	c, perr := Parse(data)
	if perr != nil {
		t.Fatalf("Parse is not repeatable: %v", perr)
	}
	ci, ierr := c.OpenForInspection(password)
	if CodeOf(ierr) != CodeOf(err) {
		t.Fatalf("Open: %v; OpenForInspection: %v", err, ierr)
	}
	if ci == nil || ct == nil {
		if (ci == nil) != (ct == nil) {
			t.Fatal("OpenForInspection and Open disagree on the contents")
		}
		return
	}
	if len(ci.Keys) != len(ct.Keys) || len(ci.Certs) != len(ct.Certs) || ci.KeyMatches != ct.KeyMatches ||
		(ci.Leaf != nil && !ci.Leaf.Equal(ct.Leaf)) || ci.Protection != ct.Protection || ci.MACVerified != ct.MACVerified {
		t.Fatal("OpenForInspection and Open disagree")
	}
}
