package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	pkcs12 "software.sslmate.com/src/go-pkcs12"

	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/testpki"
	"github.com/fornyer/fornyer/ui/words"
)

// X14: another organisation's certificate, checked once while a renewal
// waits for its file, is not added to My certificates: the Check tab's
// answer says so with "Add to My certificates"; pressed, it is listed,
// and the answer says it was added. Outside a renewal it is listed at
// once (review T7: an administrator of several organisations).
func TestAnotherOrganisationsCertificateIsAddedOnlyWhenAsked(t *testing.T) {
	for _, lang := range []string{"en", "da"} {
		t.Run(lang, func(t *testing.T) {
			x := newCheckFixture(t, lang)
			x.f.guide.progress.Current = "download"
			x.f.guide.progress.StartedAt = time.Now().Add(-time.Hour)
			if err := x.f.register.Upsert(register.Certificate{
				SHA256: strings.Repeat("ab", 32), Organization: "Æblegrød ApS", CVR: "87654321", UUID: "11111111-2222-3333-4444-555555555555",
				NotBefore: time.Now().AddDate(-3, 0, 0), NotAfter: time.Now().AddDate(0, 0, 300),
			}); err != nil {
				t.Fatal(err)
			}
			leaf := x.chain.Issuing.Issue(t, testpki.LeafOptions{Org: "Leverandør ApS", CVR: "11223344", NotBefore: time.Now().Add(-time.Minute)})
			x.drop(x.file("leverandoer.p12", testpki.PFX(t, pkcs12.Modern, leaf, x.chain.CACerts(), "")))
			x.wait() // the record
			sha := x.f.check.shown[0].report.Certificate.SHA256
			if c, ok := x.f.register.Get(sha); !ok || !c.Apart {
				t.Fatalf("recorded: %v, apart %v", ok, c.Apart)
			}
			if got := x.f.register.List(); len(got) != 1 {
				t.Errorf("listed: %d", len(got))
			}
			if !anyTextContains(x.f.check.answers, words.T("renewal.apart.title")) {
				t.Errorf("the answer does not say it is not added: %q", texts(x.f.check.answers))
			}
			// My certificates lists the user's own only.
			if got := shownOrgs(x.f.certificates); !slices.Equal(got, []string{"Æblegrød ApS"}) {
				t.Errorf("My certificates: %q", got)
			}

			test.Tap(findButton(t, x.f.check.answers, words.T("renewal.apart.add")))
			x.wait()
			if c, _ := x.f.register.Get(sha); c.Apart || len(x.f.register.List()) != 2 {
				t.Errorf("added: apart %v, listed %d", c.Apart, len(x.f.register.List()))
			}
			if hasButton(x.f.check.answers, words.T("renewal.apart.add")) || anyTextContains(x.f.check.answers, words.T("renewal.apart.title")) ||
				!anyTextContains(x.f.check.answers, words.T("renewal.apart.added")) {
				t.Errorf("after adding: %q", texts(x.f.check.answers))
			}
			if got := shownOrgs(x.f.certificates); !slices.Contains(got, "Leverandør ApS") {
				t.Errorf("My certificates after adding: %q", got)
			}
		})
	}
}

// Z11: in a first renewal (an empty register), another organisation's
// file is asked about; "No, it is another file" takes it out of My
// certificates, where it was listed while the question waited: the Check
// tab's answer says it is not added, with "Add to My certificates", and
// My certificates lists it only with the ones kept apart. In both
// languages.
func TestADeclinedFileInAFirstRenewalIsKeptApart(t *testing.T) {
	for _, lang := range []string{"en", "da"} {
		t.Run(lang, func(t *testing.T) {
			x := newCheckFixture(t, lang)
			x.f.guide.progress.Current = "download"
			x.f.guide.progress.StartedAt = time.Now().Add(-time.Hour)
			leaf := x.chain.Issuing.Issue(t, testpki.LeafOptions{Org: "Leverandør ApS", CVR: "11223344", NotBefore: time.Now().Add(-time.Minute)})
			x.drop(x.file("leverandoer.p12", testpki.PFX(t, pkcs12.Modern, leaf, x.chain.CACerts(), "")))
			x.wait() // the record
			sha := x.f.check.shown[0].report.Certificate.SHA256
			if len(x.f.register.List()) != 1 {
				t.Fatalf("asked, listed: %d", len(x.f.register.List()))
			}
			test.Tap(findButton(t, x.f.check.answers, words.T("renewal.ask.no")))
			x.wait()
			if c, ok := x.f.register.Get(sha); !ok || !c.Apart || len(x.f.register.List()) != 0 {
				t.Fatalf("declined: recorded %v, apart %v, listed %d", ok, c.Apart, len(x.f.register.List()))
			}
			if !anyTextContains(x.f.check.answers, words.T("renewal.apart.title")) || !hasButton(x.f.check.answers, words.T("renewal.apart.add")) {
				t.Errorf("the answer does not say it is not added: %q", texts(x.f.check.answers))
			}
			if got := shownOrgs(x.f.certificates); len(got) != 0 {
				t.Errorf("My certificates lists %q", got)
			}
			if got := x.f.register.Apart(); len(got) != 1 || got[0].Organization != "Leverandør ApS" {
				t.Errorf("kept apart: %+v", got)
			}
		})
	}
}

// The reminders are given for the user's own certificates only: one kept
// apart, expiring as soon, is neither notified nor scheduled, nor shown
// as a standing reminder in the window.
func TestNoRemindersForACertificateKeptApart(t *testing.T) {
	mine := certAt(1, "Bager Hansen ApS", "u", register.Production, 29*certDay)
	apart := certAt(2, "Leverandør ApS", "v", register.Production, 29*certDay)
	apart.Apart = true
	f, a, w := newCertTestFrame(t, "en", mine, apart)
	w.SetContent(f.standingBar())
	remind(f, "en")
	if len(a.sent) != 1 || !strings.Contains(a.sent[0].Content, "Bager Hansen ApS") {
		t.Errorf("sent %+v", a.sent)
	}
	for _, n := range a.scheduled {
		if strings.Contains(n.Content, "Leverandør") {
			t.Errorf("scheduled for the certificate kept apart: %+v", n)
		}
	}
	if got, _ := f.register.Get(apart.SHA256); len(got.Scheduled) != 0 || len(got.Reminded) != 0 {
		t.Errorf("recorded reminders: %+v %+v", got.Scheduled, got.Reminded)
	}
	if bar := f.standingBar(); certHasText(bar, "Leverandør") {
		t.Errorf("the window shows %q", certTexts(bar))
	}
}

// Z11: a certificate the user said is not theirs after its reminders
// were scheduled (its first record listed it while the question waited)
// gets none: kept apart, its scheduled reminders are cancelled and
// forgotten at the next run.
func TestRemindersScheduledBeforeKeptApartAreCancelled(t *testing.T) {
	declined := certAt(2, "Leverandør ApS", "v", register.Production, 200*certDay)
	f, a, _ := newCertTestFrame(t, "en", declined)
	remind(f, "en")
	got, _ := f.register.Get(declined.SHA256)
	if len(got.Scheduled) == 0 {
		t.Fatal("no reminder scheduled while it was the user's")
	}
	if err := f.register.KeepApart(declined.SHA256); err != nil {
		t.Fatal(err)
	}
	remind(f, "en")
	if got, _ := f.register.Get(declined.SHA256); len(got.Scheduled) != 0 || len(a.cancelled) == 0 {
		t.Errorf("kept apart: scheduled %+v, cancelled %v", got.Scheduled, a.cancelled)
	}
}

// My certificates lists the certificates kept apart under a folded
// heading of their own (register.Store.Apart), each with "Add to My
// certificates", which lists it with the user's own, and "Remove", which
// asks first (it forgets what was recorded) and forgets it. With none, the
// heading is not shown.
func TestMyCertificatesListsTheOnesKeptApart(t *testing.T) {
	for _, lang := range []string{"en", "da"} {
		t.Run(lang, func(t *testing.T) {
			mine := certAt(1, "Bager Hansen ApS", "u", register.Production, 200*certDay)
			supplier := certAt(2, "Leverandør ApS", "v", register.Production, 300*certDay)
			supplier.Apart = true
			supplier.File = &register.FileRef{Path: "/home/anna/Overførsler/leverandoer.p12"}
			client := certAt(3, "Kunde A/S", "w", register.Production, 400*certDay)
			client.Apart = true
			f, _, w := newCertTestFrame(t, lang, mine, supplier, client)
			v := newCertificatesView(f)
			w.SetContent(v.root)
			if got := shownOrgs(v); !slices.Equal(got, []string{"Bager Hansen ApS"}) {
				t.Errorf("the list: %q", got)
			}
			title := func() string {
				if v.apartSection.Hidden {
					return ""
				}
				return v.apartItem.Title
			}
			if want := words.T("list.apart.title", map[string]any{"Count": 2}); title() != want {
				t.Errorf("the heading: %q, want %q", title(), want)
			}
			if v.apartItem.Open {
				t.Error("the section is open at first: it is folded")
			}
			v.apartSection.Open(0)
			for _, want := range []string{"Leverandør ApS", "Kunde A/S", "leverandoer.p12", words.T("list.apart.intro")} {
				if !certHasText(v.apartSection, want) {
					t.Errorf("the section does not show %q: %q", want, certTexts(v.apartSection))
				}
			}

			// The button of the row that names org.
			button := func(org, text string) *widget.Button {
				t.Helper()
				for _, row := range v.apartRows.Objects {
					if b := certButtons(row, text); certHasText(row, org) && len(b) == 1 {
						return b[0]
					}
				}
				t.Fatalf("no %q for %s: %q", text, org, certTexts(v.apartSection))
				return nil
			}
			test.Tap(button("Leverandør ApS", words.T("renewal.apart.add")))
			if c, _ := f.register.Get(supplier.SHA256); c.Apart {
				t.Error("added, still apart")
			}
			if got := shownOrgs(v); !slices.Contains(got, "Leverandør ApS") {
				t.Errorf("the list after adding: %q", got)
			}
			if want := words.T("list.apart.title", map[string]any{"Count": 1}); title() != want || certHasText(v.apartSection, "Leverandør ApS") {
				t.Errorf("the section after adding: %q, %q", title(), certTexts(v.apartSection))
			}

			remove := button("Kunde A/S", words.T("register.remove"))
			test.Tap(remove)
			tapOverlayButton(t, w, words.T("register.cancel"))
			if _, ok := f.register.Get(client.SHA256); !ok {
				t.Fatal("cancelled, yet removed")
			}
			test.Tap(remove)
			if top := w.Canvas().Overlays().Top(); top == nil || !certHasText(top, "Kunde A/S") {
				t.Fatal("the confirmation does not name the certificate")
			}
			tapOverlayButton(t, w, words.T("register.remove.confirm"))
			if _, ok := f.register.Get(client.SHA256); ok {
				t.Error("confirmed, not removed")
			}
			if title() != "" || len(f.register.List()) != 2 {
				t.Errorf("after removing: heading %q, %d listed", title(), len(f.register.List()))
			}
		})
	}
}
