package inspect

import (
	"crypto/x509"
	"slices"
	"testing"
	"time"

	pkcs12 "software.sslmate.com/src/go-pkcs12"

	"github.com/fornyer/fornyer/core/testpki"
)

// An expired certificate, or a file whose key does not fit its
// certificate, is told exactly that: it is not also called "not from the
// Danish state" when its chain is the state's (issue 14). An expired
// certificate's chain is judged at a moment it was valid.
func TestExpiredOrMismatchedIsNotAlsoUntrusted(t *testing.T) {
	ch := testpki.NewChain(t, false)
	now := time.Now()
	expired := ch.Issuing.Issue(t, testpki.LeafOptions{NotBefore: now.AddDate(-3, 0, -30), NotAfter: now.AddDate(0, 0, -30)})
	a := ch.Issuing.Issue(t, testpki.LeafOptions{})
	other := ch.Issuing.Issue(t, testpki.LeafOptions{Key: testpki.Key(t, 2048, 5)})
	mismatched := &testpki.Leaf{Cert: a.Cert, Key: other.Key}
	for _, c := range []struct {
		name  string
		leaf  *testpki.Leaf
		chain []*x509.Certificate
		want  string
	}{
		{"expired, chain in the file", expired, []*x509.Certificate{ch.Issuing.Cert}, CodeExpired},
		{"expired, no chain in the file", expired, nil, CodeExpired},
		{"mismatched, chain in the file", mismatched, []*x509.Certificate{ch.Issuing.Cert}, CodeKeyMismatch},
		{"mismatched, no chain in the file", mismatched, nil, CodeKeyMismatch},
	} {
		data := testpki.PFX(t, pkcs12.Modern, c.leaf, c.chain, "pw")
		r := Inspect("x.p12", data, Options{Passwords: []string{"pw"}, ExtraTrusted: ch.CACerts(), Lang: "da"})
		codes := r.Codes()
		if !slices.Contains(codes, c.want) || slices.Contains(codes, CodeUntrustedChain) || !r.ChainTrusted {
			t.Errorf("%s: codes %v, chain trusted %v", c.name, codes, r.ChainTrusted)
		}
	}
}
