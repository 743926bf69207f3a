package pfx

import (
	"bytes"
	"crypto/pbkdf2"
	"crypto/sha256"
	"errors"
	"fmt"
	"hash"
	"strings"
	"testing"
)

var fastHashes = []hashSpec{hSHA1, hSHA224, hSHA256, hSHA384, hSHA512, hSHA512224, hSHA512256}

// The fast path must be in use with the standard library's digests, or the
// benchmarks measure the fallback.
func TestFastKDFSelfTest(t *testing.T) {
	for _, h := range fastHashes {
		if !h.fast.usable(h) {
			t.Errorf("%s: the fast key derivations fail their self-test", h.name)
		}
	}
}

// PBKDF2 agrees with crypto/pbkdf2 for passwords shorter than, as long as
// and longer than a block, empty and long salts, one and many iterations,
// and keys of one, several and partial output blocks.
func TestPBKDF2MatchesStandardLibrary(t *testing.T) {
	passwords := []string{"", "a", "Æblegrød-ØÅ 2026", strings.Repeat("p", 64), strings.Repeat("q", 65), strings.Repeat("ø", 100)}
	salts := [][]byte{nil, []byte("s"), bytes.Repeat([]byte{0xa5}, 16), bytes.Repeat([]byte{1, 2, 3}, 50)}
	for _, h := range fastHashes {
		for _, pw := range passwords {
			for _, salt := range salts {
				for _, iter := range []int{1, 2, 3, 17, 2048} {
					for _, keyLen := range []int{1, 16, h.u, h.u + 1, 2*h.u + 7, 100} {
						want, err := pbkdf2.Key(h.new, pw, salt, iter, keyLen)
						if err != nil {
							t.Fatal(err)
						}
						got, err := pbkdf2Key(h, pw, salt, iter, keyLen)
						if err != nil || !bytes.Equal(got, want) {
							t.Fatalf("%s %q salt %x, %d iterations, %d bytes: %x, %v; want %x", h.name, pw, salt, iter, keyLen, got, err, want)
						}
					}
				}
			}
		}
	}
}

// The PKCS#12 KDF's fast path agrees with the plain one, including several
// output blocks (where I is updated) and empty passwords and salts.
func TestPKCS12KDFFastMatchesGeneric(t *testing.T) {
	passwords := [][]byte{nil, {0, 0}, bmpString("sesame"), bmpString("Æblegrød-ØÅ 2026"), bmpString(strings.Repeat("x", 80))}
	salts := [][]byte{nil, unhex(t, "ffffffffffffffff"), unhex(t, "f37e05b518324b4b"), bytes.Repeat([]byte{0xff}, 70)}
	for _, h := range fastHashes {
		for _, pw := range passwords {
			for _, salt := range salts {
				for _, iter := range []int{1, 2, 5, 1000} {
					for _, id := range []byte{1, 2, 3} {
						for _, size := range []int{5, 8, 24, h.u, 3*h.u + 1} {
							want := p12KDFGeneric(h, salt, pw, iter, id, size)
							got, ok := h.fast.p12KDF(h, salt, pw, iter, id, size)
							if !ok || !bytes.Equal(got, want) {
								t.Fatalf("%s pw %x salt %x, %d iterations, id %d, %d bytes: %x, want %x", h.name, pw, salt, iter, id, size, got, want)
							}
							if got := p12KDF(h, salt, pw, iter, id, size); !bytes.Equal(got, want) {
								t.Fatalf("p12KDF %s: %x, want %x", h.name, got, want)
							}
						}
					}
				}
			}
		}
	}
}

// BenchmarkPBKDF2 compares the fast PBKDF2 with crypto/pbkdf2 on the
// typical file's parameters (2048 iterations, a 32-byte AES-256 key).
func BenchmarkPBKDF2(b *testing.B) {
	salt := bytes.Repeat([]byte{0x5a}, 16)
	for _, h := range []hashSpec{hSHA256, hSHA1} {
		b.Run(fmt.Sprintf("ours/%s", h.name), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := pbkdf2Key(h, "Æblegrød-ØÅ 2026", salt, 2048, 32); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("stdlib/%s", h.name), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := pbkdf2.Key(h.new, "Æblegrød-ØÅ 2026", salt, 2048, 32); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPKCS12KDF compares the fast PKCS#12 KDF with the plain one on
// the typical MAC (SHA-256, 2048 iterations) and a legacy 3DES key.
func BenchmarkPKCS12KDF(b *testing.B) {
	salt := bytes.Repeat([]byte{0x5a}, 8)
	pw := bmpString("Æblegrød-ØÅ 2026")
	for _, c := range []struct {
		h    hashSpec
		size int
	}{{hSHA256, 32}, {hSHA1, 24}} {
		b.Run(fmt.Sprintf("ours/%s", c.h.name), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				p12KDF(c.h, salt, pw, 2048, 3, c.size)
			}
		})
		b.Run(fmt.Sprintf("generic/%s", c.h.name), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				p12KDFGeneric(c.h, salt, pw, 2048, 3, c.size)
			}
		})
	}
}

// shiftedState is SHA-256 with its saved state laid out differently (one
// byte more before the state words), as a future Go might.
type shiftedState struct{ stateHash }

func (s shiftedState) AppendBinary(b []byte) ([]byte, error) {
	return s.stateHash.AppendBinary(append(b, 0))
}

func (s shiftedState) UnmarshalBinary(b []byte) error {
	if len(b) == 0 {
		return errors.New("empty")
	}
	return s.stateHash.UnmarshalBinary(b[1:])
}

// A digest whose saved state is not laid out as expected fails the
// self-test, and the key derivations fall back to the general code.
func TestFastKDFFallsBack(t *testing.T) {
	h := hashSpec{"shifted SHA-256", func() hash.Hash { return shiftedState{sha256.New().(stateHash)} }, 32, 64, &fastHash{lenField: 8}, 1}
	if h.fast.usable(h) {
		t.Fatal("the self-test passes a digest whose saved state is laid out differently")
	}
	salt := []byte("salt")
	want, err := pbkdf2.Key(sha256.New, "pw", salt, 100, 40)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := pbkdf2Key(h, "pw", salt, 100, 40); err != nil || !bytes.Equal(got, want) {
		t.Errorf("PBKDF2 %x, %v; want %x", got, err, want)
	}
	if got, want := p12KDF(h, salt, bmpString("pw"), 100, 3, 40), p12KDFGeneric(hSHA256, salt, bmpString("pw"), 100, 3, 40); !bytes.Equal(got, want) {
		t.Errorf("PKCS#12 KDF %x, want %x", got, want)
	}
}
