package renewal

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/register"
)

// The second year: what the register knows of the last renewal of the
// certificate being renewed is recalled (X23): who renewed it and when,
// where the password was kept, on which stick the backup is, where the
// receipt is; in both languages.
func TestLast(t *testing.T) {
	fresh := guide.New(started)
	old := known("a1", "01", started.AddDate(0, 1, 0), started.AddDate(-3, 0, 0))
	renewedAt := time.Date(2024, 2, 6, 10, 0, 0, 0, time.Local)
	old.Renewed = renewedAt
	old.PasswordKept, old.PasswordHost = register.KeptWritten, "KONTOR-PC"
	old.DPG = &register.DPG{At: renewedAt, By: "Jens Hansen"}
	old.Backups = []register.FileRef{
		{Path: "/home/jens/Documents/kopi/firma.p12", SameDisk: true, VerifiedAt: renewedAt},
		{Path: "/media/jens/KINGSTON/firma.p12", Drive: "KINGSTON", VerifiedAt: renewedAt},
	}
	old.Receipts = []register.Receipt{{Path: "/home/jens/Documents/kvittering.pdf", At: renewedAt, By: "Jens\nHansen"}}

	l, ok := Last(&fresh, []register.Certificate{old}, started)
	if !ok {
		t.Fatal("nothing recalled")
	}
	want := LastTime{Renewed: renewedAt, By: "Jens\nHansen", Kept: register.KeptWritten, Host: "KONTOR-PC",
		Drive: "KINGSTON", Backup: "/media/jens/KINGSTON/firma.p12", Receipt: "/home/jens/Documents/kvittering.pdf"}
	if l != want {
		t.Errorf("Last = %+v\nwant %+v", l, want)
	}
	for lang, lines := range map[string][]string{
		"en": {"Renewed on 6 February 2024 by Jens Hansen.", "The password was saved on the computer KONTOR-PC.",
			"The password was also written down and locked away.", "The backup is on the USB stick KINGSTON.",
			"The receipt is here: /home/jens/Documents/kvittering.pdf."},
		"da": {"Fornyet den 6. februar 2024 af Jens Hansen.", "Adgangskoden blev gemt på computeren KONTOR-PC.",
			"Adgangskoden blev også skrevet ned og låst inde.", "Sikkerhedskopien er på USB-nøglen KINGSTON.",
			"Kvitteringen er her: /home/jens/Documents/kvittering.pdf."},
	} {
		if got := l.Lines(lang); !slices.Equal(got, lines) {
			t.Errorf("%s: %q\nwant %q", lang, got, lines)
		}
	}

	// Less known: the day it was issued, the installer as the renewer,
	// a backup on the same disk named by its path.
	bare := known("a1", "01", started.AddDate(0, 1, 0), started.AddDate(-3, 0, 0))
	bare.DPG = &register.DPG{At: renewedAt, By: "Anne"}
	bare.Backups = []register.FileRef{{Path: "/home/anne/kopi/firma.p12", SameDisk: true}}
	l, ok = Last(&fresh, []register.Certificate{bare}, started)
	if !ok || !l.Renewed.Equal(bare.NotBefore) || l.By != "Anne" || l.Drive != "" || l.Backup != "/home/anne/kopi/firma.p12" {
		t.Errorf("little known: %+v, %v", l, ok)
	}
	if got := l.Lines("en"); len(got) != 2 || got[1] != "The backup is here: /home/anne/kopi/firma.p12." {
		t.Errorf("little known: %q", got)
	}

	// The stick stays the backup named, whatever is backed up after it on
	// the computer's own disks, named or not (review T8).
	bare.Backups = []register.FileRef{
		{Path: "/media/anne/KINGSTON/firma.p12", Drive: "KINGSTON"},
		{Path: "/mnt/data/kopi/firma.p12", Drive: "DATA", SameDisk: true},
	}
	if l, _ := Last(&fresh, []register.Certificate{bare}, started); l.Drive != "KINGSTON" {
		t.Errorf("a later backup on the same disk took the stick's place: %+v", l)
	}
	// A receipt alone is a renewal to recall (T8).
	receiptOnly := known("a1", "01", started.AddDate(0, 1, 0), started.AddDate(-3, 0, 0))
	receiptOnly.Receipts = []register.Receipt{{Path: "/papers/kvittering.pdf", At: renewedAt}}
	if l, ok := Last(&fresh, []register.Certificate{receiptOnly}, started); !ok || l.Receipt != "/papers/kvittering.pdf" {
		t.Errorf("a receipt alone recalls %+v, %v", l, ok)
	}
	// An answer the catalogue does not know recalls nothing of it (T6).
	receiptOnly.PasswordKept = "vault"
	if l, _ := Last(&fresh, []register.Certificate{receiptOnly}, started); l.Kept != "" || slices.ContainsFunc(l.Lines("en"), func(s string) bool { return strings.Contains(s, "guide.") }) {
		t.Errorf("an unknown answer: %+v %q", l, l.Lines("en"))
	}
	for kept, want := range map[string]string{register.KeptWritten: register.KeptWritten, register.KeptManager: register.KeptManager, register.KeptNowhere: "", "": ""} {
		if got := (LastTime{Kept: kept}).Proposed(); got != want {
			t.Errorf("Proposed(%q) = %q, want %q", kept, got, want)
		}
	}

	// Nothing of a renewal: a certificate only seen, or none at all.
	if l, ok := Last(&fresh, []register.Certificate{known("a1", "01", started.AddDate(0, 1, 0), started)}, started); ok {
		t.Errorf("a certificate only seen recalls %+v", l)
	}
	if _, ok := Last(&fresh, nil, started); ok {
		t.Error("an empty register recalls a renewal")
	}
}
