package pfx

import (
	"bytes"
	"encoding/hex"
	"testing"
)

func unhex(t *testing.T, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Known answers from RFC 2268, section 5.
func TestRC2KnownAnswers(t *testing.T) {
	cases := []struct {
		key  string
		bits int
		pt   string
		ct   string
	}{
		{"0000000000000000", 63, "0000000000000000", "ebb773f993278eff"},
		{"ffffffffffffffff", 64, "ffffffffffffffff", "278b27e42e2f0d49"},
		{"3000000000000000", 64, "1000000000000001", "30649edf9be7d2c2"},
		{"88", 64, "0000000000000000", "61a8a244adacccf0"},
		{"88bca90e90875a", 64, "0000000000000000", "6ccf4308974c267f"},
		{"88bca90e90875a7f0f79c384627bafb2", 64, "0000000000000000", "1a807d272bbe5db1"},
		{"88bca90e90875a7f0f79c384627bafb2", 128, "0000000000000000", "2269552ab0f85ca6"},
	}
	for _, tc := range cases {
		c := newRC2(unhex(t, tc.key), tc.bits)
		pt, ct := unhex(t, tc.pt), unhex(t, tc.ct)
		got := make([]byte, 8)
		c.(*rc2Cipher).Encrypt(got, pt)
		if !bytes.Equal(got, ct) {
			t.Errorf("RC2 %s/%d encrypt = %x, want %x", tc.key, tc.bits, got, ct)
		}
		c.Decrypt(got, ct)
		if !bytes.Equal(got, pt) {
			t.Errorf("RC2 %s/%d decrypt = %x, want %x", tc.key, tc.bits, got, pt)
		}
	}
}

// Known answers for the PKCS#12 KDF (the second one has a carry that
// produces a leading zero, a classic bug).
func TestPKCS12KDF(t *testing.T) {
	key := p12KDF(hSHA1, unhex(t, "ffffffffffffffff"), bmpString("sesame"), 2048, 1, 24)
	if want := unhex(t, "7cd9fd3e2b3be7691a44e3bef0f9ea0fb9b897d4e325d9d1"); !bytes.Equal(key, want) {
		t.Errorf("key %x, want %x", key, want)
	}
	key = p12KDF(hSHA1, unhex(t, "f37e05b518324b4b"), []byte{0, 0}, 2048, 1, 24)
	if want := unhex(t, "00f759ff47d14dd03665d5943cb3c4a39a2555c02aed66e1"); !bytes.Equal(key, want) {
		t.Errorf("key %x, want %x", key, want)
	}
}

func TestPasswordEncodings(t *testing.T) {
	if got, want := bmpString("Æø"), []byte{0x00, 0xc6, 0x00, 0xf8, 0, 0}; !bytes.Equal(got, want) {
		t.Errorf("bmpString = %x, want %x", got, want)
	}
	// Outside the BMP: a surrogate pair, as OpenSSL encodes it.
	if got, want := bmpString("\U0001F600"), []byte{0xd8, 0x3d, 0xde, 0x00, 0, 0}; !bytes.Equal(got, want) {
		t.Errorf("bmpString = %x, want %x", got, want)
	}
	if n := len(passwordVariants("")); n != 2 {
		t.Errorf("empty password: %d variants, want 2", n)
	}
	if n := len(passwordVariants("abc")); n != 1 {
		t.Errorf("ASCII password: %d variants, want 1", n)
	}
	v := passwordVariants("Æ")
	if len(v) != 2 || !bytes.Equal(v[1].bmp, []byte{0, 0xc3, 0, 0x86, 0, 0}) {
		t.Errorf("Latin-1 reading of UTF-8: %x", v)
	}
}
