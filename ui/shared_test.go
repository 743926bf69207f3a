package ui

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/fornyer/fornyer/core/testpki"
	"github.com/fornyer/fornyer/core/vault"
)

// Y9 in the window: two files share a password (an IT provider's saved
// passwords). The password saved on the password card opens another
// organisation's file that lands first: the keyring keeps the renewal's
// entry as it was before and after "No, it is another file", the
// password card stays saved, and the renewal's own file is asked about
// plainly and takes the password with the yes.
func TestAnotherFileTheRenewalsPasswordOpensTakesNothing(t *testing.T) {
	const password = "Delt-Kode-æøå-77"
	x := newCheckFixture(t, "en")
	g := x.f.guide
	x.saveOnThePasswordCard(t, password)
	g.progress.Current = "download"
	ctx := context.Background()
	pending := vault.PendingID(g.progress.RenewalID)
	before, err := x.f.vault.List(ctx)
	if err != nil || len(before) != 1 || before[0].ID != pending {
		t.Fatalf("saved as %+v, %v", before, err)
	}
	same := func(when string) {
		t.Helper()
		x.wait()
		now, err := x.f.vault.List(ctx)
		if err != nil || len(now) != 1 || now[0].ID != pending || now[0].Label != before[0].Label {
			t.Errorf("%s: the keyring holds %+v (%v), was %+v", when, now, err, before)
		}
		if st := g.facts(); !st.PasswordSaved || st.FileChecked {
			t.Errorf("%s: the guide says %+v", when, st)
		}
	}

	other := x.chain.Issuing.Issue(t, testpki.LeafOptions{Org: "Anden Virksomhed ApS", CVR: "87654321", UUID: "99999999-2222-3333-4444-555555555555", NotBefore: time.Now().Add(-time.Minute)})
	x.drop(x.file("certifikat.p12", testpki.OpenSSLPFX(t, other, x.chain.CACerts(), password)))
	if got := x.headlines(); len(got) != 1 || got[0] != "Ready to install in DPG" {
		t.Fatalf("headlines %q", got)
	}
	same("the other organisation's file checked")
	test.Tap(findButton(t, x.f.check.answers, "No, it is another file"))
	same("after No")

	mine := x.chain.Issuing.Issue(t, testpki.LeafOptions{NotBefore: time.Now().Add(-time.Minute)})
	x.drop(x.file("Fornyet certifikat.p12", testpki.OpenSSLPFX(t, mine, x.chain.CACerts(), password)))
	answers := x.f.check.answers
	if hasText(answers, "Another organisation's certificate") || !hasButton(answers, "Yes, I just downloaded it") {
		t.Fatalf("the renewal's own file: %q", texts(answers))
	}
	same("the renewal's file checked")
	test.Tap(findButton(t, answers, "Yes, I just downloaded it"))
	x.wait()
	sha := sha256Hex(mine.Cert.Raw)
	if got, err := x.f.vault.Get(ctx, vault.CertificateID(sha)); err != nil || got != password {
		t.Errorf("after yes the renewal's file has %q, %v", got, err)
	}
	if _, err := x.f.vault.Get(ctx, pending); err == nil {
		t.Error("after yes the pending entry is still there")
	}
	if c, _ := x.f.register.Get(sha256Hex(other.Cert.Raw)); c.PasswordSaved {
		t.Error("the register says the other organisation's password is saved")
	}
}
