package ui

import (
	"testing"

	"fyne.io/fyne/v2/widget"

	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/ui/words"
)

// Y6: after a verified backup, card 19 and the summary no longer offer
// "Make a backup…" as a main action beside the receipt: "Make another
// backup…", plain, last; before the backup the summary offers it.
func TestAVerifiedBackupIsNotOfferedAgainAsAMainAction(t *testing.T) {
	f, g, sha := guideWithItsFile(t)
	if err := f.register.RecordDPGInstalled(sha, "Mette", guideTestTime); err != nil {
		t.Fatal(err)
	}
	goTo(g, "summary")
	if !hasButton(g.cardAndBar(), words.T("check.action.backup")) { // put off, it leads, in the bar (Z17)
		t.Fatalf("the summary offers no backup before there is one: %q", texts(g.cardAndBar()))
	}
	if err := f.register.RecordBackup(sha, register.FileRef{Path: "/media/KINGSTON/Firma.p12", SHA256: sha, VerifiedAt: guideTestTime}); err != nil {
		t.Fatal(err)
	}
	for _, card := range []string{"dpg-verify", "summary"} {
		goTo(g, card)
		if hasButton(g.cardAndBar(), words.T("check.action.backup")) {
			t.Errorf("%s offers %q after a verified backup", card, words.T("check.action.backup"))
		}
		another := findButton(t, g.scroll.Content, words.T("guide.backup.another"))
		if another.Importance != widget.LowImportance {
			t.Errorf("%s: %q is a main action", card, another.Text)
		}
	}
}

// Y6: "New renewal…" stands beside Help once the renewal is under way in
// the portal, not on the preparing cards of a first renewal.
func TestNewRenewalIsOfferedOnceUnderWay(t *testing.T) {
	g, _, _ := guideOn(t, "prepare-mitid", 0)
	if g.reset.Visible() {
		t.Error("New renewal… on card 2 of a first renewal")
	}
	goTo(g, "login")
	if !g.reset.Visible() {
		t.Error("no New renewal… on the portal's first card")
	}
	g.complete() // logged in
	goTo(g, "prepare-mitid")
	if !g.reset.Visible() {
		t.Error("New renewal… gone on going back to card 2")
	}
}
