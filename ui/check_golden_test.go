package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/renewal"
	"github.com/fornyer/fornyer/core/vault"
	"github.com/fornyer/fornyer/ui/words"
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
			// Noon Local: the date shown is the user's (.Local()), the master's in every TZ.
			NotBefore: time.Date(2026, 11, 24, 12, 0, 0, 0, time.Local), NotAfter: time.Date(2029, 11, 24, 12, 0, 0, 0, time.Local),
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

// The Check tab is one screen: its master is the ready answer in each
// language (testdata/check). The other answers are the same screen with
// other words and controls, asserted: the headline in its colour, what was
// found, the file, and the controls offered.
func TestCheckAnswerMasters(t *testing.T) {
	for _, language := range []string{"en", "da"} {
		for _, state := range []string{"ready", "problem", "password"} {
			t.Run(language+"_"+state, func(t *testing.T) {
				x := newCheckFixture(t, language)
				// Past the portal's cards: the answer without a renewal's
				// question (a file issued lately is asked about on the
				// cards that prepare, Y14: TestAFileRenewedBeforeTheGuideIsAskedAbout).
				x.f.guide.progress.Current = "close"
				saved := renewal.TrySaved([]vault.Candidate{{ID: "pending:r1", Password: "pw"}})
				r := goldenReport(language, state)
				a := newCheckAnswer(x.f.check, r.File, r, saved)
				x.w.SetContent(container.NewVScroll(a.content))
				x.w.Resize(companionSize)
				if state == "ready" {
					test.AssertRendersToMarkup(t, "check/ready_"+language+".xml", x.w.Canvas())
					return
				}
				shown := func(keys ...string) {
					t.Helper()
					for _, k := range keys {
						if want := words.T(k); !hasText(a.content, want) {
							t.Errorf("%q not shown: %q", want, texts(a.content))
						}
					}
				}
				var headline string
				var colour widget.Importance
				var controls []string
				if state == "problem" {
					// In red, the finding's sentence, and what can still
					// be done with an expired certificate's public part.
					headline, colour = "inspect.finding.expired.title", widget.DangerImportance
					if want := r.Findings[0].Message; !hasText(a.content, want) {
						t.Errorf("the finding %q not shown: %q", want, texts(a.content))
					}
					shown("inspect.label.expired_value")
					// The identifiers, fingerprints among them, are under
					// "Technical details" (X19).
					controls = []string{"button:" + words.T("guide.public.save"), "button:" + words.T("guide.public.elsewhere"), "tick:" + words.T("guide.public.pem") + ":off",
						"button:" + words.T("inspect.label.details")}
				} else {
					// In the warning colour, who the file is for, the facts
					// read before the password marked so, and the field.
					headline, colour = "check.password.title", widget.WarningImportance
					shown("check.password.explain", "check.unverified")
					if want := words.T("check.password.for", map[string]any{"Org": "Fornyer Testfirma ApS", "CVR": "12345678"}); !hasText(a.content, want) {
						t.Errorf("%q not shown: %q", want, texts(a.content))
					}
					controls = []string{"field:" + words.T("check.password.placeholder"), "button:" + words.T("check.password.open")}
				}
				if a.headline.Text != words.T(headline) || a.headline.Importance != colour {
					t.Errorf("headline %q (importance %v), want %q (%v)", a.headline.Text, a.headline.Importance, words.T(headline), colour)
				}
				if !hasText(a.content, "Fornyer Testfirma ApS.p12") {
					t.Errorf("the file is not named: %q", texts(a.content))
				}
				if got := controlsOf(a.content); !slices.Equal(got, controls) {
					t.Errorf("controls\n%q\nwant\n%q", got, controls)
				}
			})
		}
	}
}
