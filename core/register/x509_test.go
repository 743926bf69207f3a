package register

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"testing"
	"time"

	"github.com/fornyer/fornyer/core/testpki"
)

// A renewal issued by the (fake) state CA keeps the OCES UUID, so the
// register links it to the certificate it replaces.
func TestFromX509LinksRenewal(t *testing.T) {
	ca := testpki.NewChain(t, true).Issuing
	now := time.Now().Truncate(time.Second)
	opts := testpki.LeafOptions{Org: "Bager Hansen ApS", CVR: "87654321", UUID: "3f2a1b4c-0000-4000-8000-000000000001",
		NotBefore: now.AddDate(-3, 0, 0), NotAfter: now.AddDate(0, 0, 20), Key: testpki.Key(t, 2048, 3)}
	old := ca.Issue(t, opts)
	opts.NotBefore, opts.NotAfter, opts.Key = now, now.AddDate(3, 0, 0), testpki.Key(t, 2048, 4)
	renewed := ca.Issue(t, opts)

	a, b := FromX509(old.Cert), FromX509(renewed.Cert)
	sum := sha256.Sum256(old.Cert.Raw)
	if a.SHA256 != hex.EncodeToString(sum[:]) || a.Organization != "Bager Hansen ApS" || a.CVR != "87654321" ||
		a.UUID != opts.UUID || a.Environment != Test || a.Kind != "organization" || !a.NotAfter.Equal(old.Cert.NotAfter) ||
		a.Serial == "" || a.Serial == b.Serial {
		t.Fatalf("FromX509 = %+v", a)
	}
	s := openAt(t, filepath.Join(t.TempDir(), "r.json"))
	must(t, s.Upsert(a))
	must(t, s.Upsert(b))
	if p, ok := s.Predecessor(b); !ok || p.SHA256 != a.SHA256 {
		t.Errorf("the renewal is not linked to its predecessor")
	}
	if got := Due(s.List(), now); len(got) != 0 {
		t.Errorf("the renewed certificate is still reminded: %+v", got)
	}
}
