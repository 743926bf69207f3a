package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/renewal"
	"github.com/fornyer/fornyer/core/vault"
)

// goldenReport is a fixed report, so that the masters do not depend on
// keys, serials or today's date.
func goldenReport(language, state string) *inspect.Report {
	finding := func(code string, data map[string]any) inspect.Finding {
		key := "inspect.finding." + code
		return inspect.Finding{Code: code, Severity: inspect.Severity(code),
			Title: msg.T(language, key+".title", data), Message: msg.T(language, key, data), Key: key, Data: data}
	}
	r := &inspect.Report{
		File: "/home/anne/Downloads/Fornyer Testfirma ApS.p12", FileSHA256: "9f2c", Lang: language,
		Verdict: inspect.VerdictReady, Format: "pkcs12", PasswordIndex: 0, KeyMatches: true, ChainTrusted: true,
		Certificate: &inspect.Certificate{
			Subject: "CN=Fornyer Testfirma ApS, O=Fornyer Testfirma ApS, C=DK", Issuer: "CN=Den Danske Stat OCES udstedende-CA 1, O=Den Danske Stat, C=DK",
			Serial: "4a1f", Organization: "Fornyer Testfirma ApS", CVR: "12345678", UUID: "3f6e1a2b-7c4d-4e5f-9a0b-1c2d3e4f5a6b",
			Generation: "OCES3", Environment: "production", Kind: "organization",
			NotBefore: time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC), NotAfter: time.Date(2029, 11, 24, 12, 0, 0, 0, time.UTC),
			DaysLeft: 1095, KeyAlgorithm: "RSA", KeyBits: 3072, SHA256: strings.Repeat("ab12", 16), SHA1: strings.Repeat("ef56", 10), Verified: true,
		},
		Protection: &inspect.Protection{Encoding: "DER", MAC: "HMAC-SHA-256", MACIterations: 2048,
			KeyEncryption: "AES-256-CBC", CertificateEncryption: "AES-256-CBC", Iterations: 2048, AES: true},
	}
	switch state {
	case "problem":
		r.Verdict = inspect.VerdictProblems
		r.Certificate.DaysLeft = -3
		r.Findings = []inspect.Finding{finding(inspect.CodeExpired, map[string]any{"Date": "21. november 2026"})}
	case "password":
		r.Verdict = inspect.VerdictUnreadable
		r.PasswordIndex = -1
		r.KeyMatches = false
		r.Certificate.Verified = false
		r.Protection = nil
		r.Findings = []inspect.Finding{finding(inspect.CodeWrongPassword, nil)}
	}
	return r
}

func TestCheckAnswerMasters(t *testing.T) {
	for _, language := range []string{"en", "da"} {
		for _, state := range []string{"ready", "problem", "password"} {
			t.Run(language+"_"+state, func(t *testing.T) {
				x := newCheckFixture(t, language)
				saved := renewal.TrySaved([]vault.Candidate{{ID: "pending:r1", Password: "pw"}})
				a := newCheckAnswer(x.f.check, goldenReport(language, state).File, goldenReport(language, state), saved)
				x.w.SetContent(container.NewVScroll(a.content))
				x.w.Resize(companionSize)
				test.AssertRendersToMarkup(t, "check/"+state+"_"+language+".xml", x.w.Canvas())
			})
		}
	}
}
