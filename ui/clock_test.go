package ui

import (
	"context"
	"testing"
	"time"

	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/testpki"
	"github.com/fornyer/fornyer/core/vault"
)

// The window decides by its one clock, not the machine's: a file checked
// when the window's clock stands 20 days before the certificate expires is
// told it expires soon (it has three years by the machine's), and the
// register and the credential store date what they record by that clock.
func TestACheckedFileIsJudgedAndRecordedByTheWindowsClock(t *testing.T) {
	x := newCheckFixture(t, "en")
	leaf := x.chain.Organization(t)
	now := leaf.Cert.NotAfter.Add(-20 * 24 * time.Hour).Truncate(time.Second)
	x.f.clock = func() time.Time { return now }

	path := x.file("renewed.p12", testpki.OpenSSLPFX(t, leaf, x.chain.CACerts(), "Kodeord-æøå 42"))
	ctx := context.Background()
	if err := x.f.vault.Save(ctx, vault.PendingID("r1"), "renewal", "Kodeord-æøå 42"); err != nil {
		t.Fatal(err)
	}
	x.drop(path)

	if len(x.f.check.shown) != 1 {
		t.Fatalf("%d answers", len(x.f.check.shown))
	}
	report := x.f.check.shown[0].report
	if report.Certificate == nil || report.Certificate.DaysLeft != 20 || !hasFinding(report, inspect.CodeExpiresSoon) {
		t.Errorf("judged by another clock: %+v, findings %+v", report.Certificate, report.Findings)
	}
	sha := sha256Hex(leaf.Cert.Raw)
	c, ok := x.f.register.Get(sha)
	if !ok || !c.Added.Equal(now) {
		t.Errorf("register added the certificate at %v, want %v (found %v)", c.Added, now, ok)
	}
	entries, err := x.f.vault.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range entries {
		if e.ID == vault.CertificateID(sha) {
			found = true
			if !e.Saved.Equal(now) {
				t.Errorf("the password moved onto the certificate is dated %v, want %v", e.Saved, now)
			}
		}
	}
	if !found {
		t.Errorf("no password saved for the certificate: %+v", entries)
	}
}

func hasFinding(r *inspect.Report, code string) bool {
	for _, f := range r.Findings {
		if f.Code == code {
			return true
		}
	}
	return false
}
