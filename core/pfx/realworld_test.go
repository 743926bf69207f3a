package pfx

import (
	"os"
	"path/filepath"
	"testing"
)

// Files made by Windows and other tools in the wild (see
// testdata/realworld/README.md).
func TestRealWorldFiles(t *testing.T) {
	cases := []struct {
		file, password string
		cn             string
		mac            string
		macIter        int
		keyEnc         string
		iterations     int
	}{
		{"windows-certmgr-aes256.p12", "password", "*.ad.standalone.com", "HMAC-SHA-256", 2000, aes256, 2000},
		{"windows-azure-tools-empty-password.p12", "", "Windows Azure Tools", "HMAC-SHA-1", 1, des3, 2000},
		{"testing-example-com-empty-password.p12", "", "testing@example.com", "HMAC-SHA-1", 2048, des3, 2048},
	}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "realworld", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			c, err := Parse(data)
			if err != nil {
				t.Fatal(err)
			}
			p := c.Protection
			if p.MAC != tc.mac || p.MACIterations != tc.macIter || p.KeyEncryption != tc.keyEnc || p.Iterations != tc.iterations {
				t.Errorf("Protection %+v", p)
			}
			ct, err := c.Open(tc.password)
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			if !ct.KeyMatches || ct.Leaf.Subject.CommonName != tc.cn || len(ct.Keys) != 1 {
				t.Errorf("leaf %v, %d keys, matches %v", name(ct.Leaf), len(ct.Keys), ct.KeyMatches)
			}
			if _, err := c.Open("not it"); CodeOf(err) != CodeWrongPassword {
				t.Errorf("wrong password: %v", err)
			}
		})
	}
}
