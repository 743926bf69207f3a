package inspect

import (
	"testing"
	"time"

	pkcs12 "software.sslmate.com/src/go-pkcs12"

	"github.com/fornyer/fornyer/core/testpki"
)

func TestCompare(t *testing.T) {
	f := getFixture(t)
	now := time.Now()
	opts := Options{Passwords: []string{"pw"}, ExtraTrusted: f.trusted(), Now: func() time.Time { return now }, Lang: "en"}
	report := func(l *testpki.Leaf) *Report {
		return Inspect("x.p12", testpki.PFX(t, pkcs12.Modern, l, f.chain.CACerts(), "pw"), opts)
	}
	issue := func(o testpki.LeafOptions) *Report { return report(f.chain.Issuing.Issue(t, o)) }

	prev := issue(testpki.LeafOptions{NotBefore: now.AddDate(-3, 0, 1), Key: testpki.Key(t, 2048, 6)})
	renewed := issue(testpki.LeafOptions{NotBefore: now.Add(-time.Hour)})
	cases := []struct {
		name       string
		prev, next *Report
		outcome    string
	}{
		{"renewal", prev, renewed, CompareRenewal},
		{"same certificate", renewed, renewed, CompareSameCertificate},
		{"another certificate with the same dates", prev, issue(testpki.LeafOptions{NotBefore: prev.Certificate.NotBefore, NotAfter: prev.Certificate.NotAfter, Key: testpki.Key(t, 2048, 6)}), CompareNotLater},
		{"other organisation", prev, issue(testpki.LeafOptions{CVR: "99887766", Org: "Andet Firma A/S"}), CompareOtherOrganization},
		{"older file chosen as the new one", renewed, prev, CompareNotLater},
		{"new identity", prev, issue(testpki.LeafOptions{UUID: "11111111-2222-4333-8444-555555555555"}), CompareNewIdentity},
		{"unreadable", prev, Inspect("junk", []byte("junk"), opts), CompareUnknown},
		{"nil", nil, renewed, CompareUnknown},
		{"same serial from the same issuer, later expiry", prev, sameSerial(renewed, prev), CompareSameCertificate},
	}
	for _, c := range cases {
		got := Compare(c.prev, c.next)
		if got.Outcome != c.outcome {
			t.Errorf("%s: %s (%+v), want %s", c.name, got.Outcome, got, c.outcome)
		}
		if got.Title == "" || got.Message == "" || got.Title == got.Key+".title" {
			t.Errorf("%s: no text", c.name)
		}
		if got.IsRenewal() != (c.outcome == CompareRenewal) {
			t.Errorf("%s: IsRenewal %v", c.name, got.IsRenewal())
		}
	}
	got := Compare(prev, renewed)
	if !got.SameOrganization || !got.SameUUID || !got.NewSerial || !got.LaterExpiry || got.SameCertificate {
		t.Errorf("renewal flags %+v", got)
	}
	other := Compare(prev, issue(testpki.LeafOptions{CVR: "99887766", Org: "Andet Firma A/S"}))
	if other.Message != "The new certificate is for Andet Firma A/S (CVR 99887766), but the previous one was for Fornyer Testfirma ApS (CVR 12345678). Check that you renewed the right certificate." {
		t.Errorf("message %q", other.Message)
	}
}

// sameSerial is next with prev's serial: no renewal keeps the serial.
func sameSerial(next, prev *Report) *Report {
	c := *next
	cert := *next.Certificate
	cert.Serial = prev.Certificate.Serial
	c.Certificate = &cert
	return &c
}
