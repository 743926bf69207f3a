package msg_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/fornyer/fornyer/core/appinfo"
	"github.com/fornyer/fornyer/core/backup"
	"github.com/fornyer/fornyer/core/forget"
	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/receipt"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/renewal"
	"github.com/fornyer/fornyer/core/reveal"
	"github.com/fornyer/fornyer/core/safefile"
	"github.com/fornyer/fornyer/core/vault"
)

// Each kind of core error, however deeply wrapped, has one code and one
// sentence in each language; anything else has the general sentence and
// never its own Go words.
func TestSentenceOfEachKindOfError(t *testing.T) {
	cases := []struct {
		err    error
		code   string
		da, en string
	}{
		{&backup.Error{Code: backup.CodeWrongPassword, Path: "/media/STICK"}, "wrong_password",
			"Adgangskoden åbner ikke STICK. Intet blev kopieret: en sikkerhedskopi er kun brugbar med den rigtige adgangskode.",
			"The password does not open STICK. Nothing was copied: a backup is only useful with the right password."},
		{fmt.Errorf("saving: %w", &register.Error{Code: register.CodeLocked, Path: "/home/a/register.json"}), "locked",
			"Ændringen blev ikke gemt, fordi et andet Fornyer (et vindue eller en kommando) er ved at ændre listen lige nu. Vent et øjeblik, og prøv igen; sker det igen, så luk det andet Fornyer. Listen er som før.",
			"The change was not saved because another Fornyer (a window or a command) is changing the list right now. Wait a moment and try again; if it keeps happening, close the other Fornyer. The list is as it was."},
		{fmt.Errorf("saving: %w", vault.ErrTooLong), "too_long",
			"Adgangskoden er for lang til at kunne gemmes sikkert på alle computere (højst 2560 tegn). Tjek at du kun har indsat adgangskoden, og prøv igen.",
			"This password is too long to keep safely on every computer (at most 2560 characters). Check that you pasted only the password, then try again."},
		{guide.ErrPasswordNotSaved, "password_not_saved",
			"Indsæt adgangskoden, og gem den, eller svar på kortet ovenfor, hvor den ellers opbevares sikkert.",
			"Paste the password and save it, or answer on the card above where else it is kept safely."},
		{renewal.ErrNameTooLong, "name_too_long",
			"Navnet er for langt: skriv højst 200 tegn.",
			"The name is too long: write at most 200 characters."},
		{&reveal.Error{Path: "/home/a/x.p12", Err: reveal.ErrNotFound}, "not_found",
			"Filen ligger ikke længere i /home/a/x.p12. Den kan være flyttet eller slettet.",
			"The file is no longer at /home/a/x.p12. It may have been moved or deleted."},
		{&receipt.Error{Code: safefile.WhyDiskFull, Folder: "/media/STICK", Err: errors.New("no space left on device")}, "disk_full",
			"Der er ikke plads nok i /media/STICK. Frigør noget plads, eller vælg en anden mappe. Der blev ikke gemt noget.",
			"There is not enough room in /media/STICK. Free some space or choose another folder. Nothing was saved."},
		{&forget.Error{NothingDeleted: true, Err: vault.ErrTooLong}, "store_failed",
			"Intet blev slettet: Adgangskoden er for lang til at kunne gemmes sikkert på alle computere (højst 2560 tegn). Tjek at du kun har indsat adgangskoden, og prøv igen.",
			"Nothing was deleted: This password is too long to keep safely on every computer (at most 2560 characters). Check that you pasted only the password, then try again."},
		{&forget.Error{Passwords: 2, Folder: "/home/a/.config/fyne/dk.fornyer.app", Err: errors.New("permission denied")}, "files_failed",
			"De gemte adgangskoder er slettet (2), men en af Fornyers filer i /home/a/.config/fyne/dk.fornyer.app kunne ikke slettes. Luk Fornyer, åbn det igen, og prøv en gang til.",
			"The saved passwords are deleted (2), but a file of Fornyer's in /home/a/.config/fyne/dk.fornyer.app could not be deleted. Close Fornyer, open it again and try once more."},
		{errors.New("open /x: permission denied"), msg.GeneralCode,
			"Fornyer kunne ikke gøre det færdigt. Prøv igen; sker det igen, så luk Fornyer og åbn det igen.",
			"Fornyer could not finish this. Try again; if it happens again, close Fornyer and open it again."},
	}
	for _, c := range cases {
		if got := msg.Code(c.err); got != c.code {
			t.Errorf("%v: code %q, want %q", c.err, got, c.code)
		}
		if got := msg.Sentence("da", c.err); got != c.da {
			t.Errorf("%v in Danish:\n got %q\nwant %q", c.err, got, c.da)
		}
		if got := msg.Sentence("en", c.err); got != c.en {
			t.Errorf("%v in English:\n got %q\nwant %q", c.err, got, c.en)
		}
	}
	if msg.Sentence("en", nil) != "" || msg.Code(nil) != "" {
		t.Error("nil has a sentence or a code")
	}
}

// A name in a sentence's data is rendered in the sentence's language, and
// a sentence that opens with it still starts with a capital letter.
func TestSentenceRendersAPhraseInItsLanguage(t *testing.T) {
	for _, l := range msg.Languages {
		got := msg.Sentence(l, vault.ErrTimeout)
		f, _ := msg.FaultOf(vault.ErrTimeout)
		store := msg.T(l, string(f.Data["Store"].(msg.Phrase)), nil)
		if !strings.Contains(strings.ToLower(got), strings.ToLower(store)) || got[:1] != strings.ToUpper(got[:1]) {
			t.Errorf("%s: %q does not open with the store's name %q in capitals", l, got, store)
		}
	}
}

// Every code of every core error has its own sentence in both languages:
// not the key, no template field left empty, not the general sentence.
func TestEveryCoreErrorHasASentence(t *testing.T) {
	var errs []error
	for _, c := range backup.Codes {
		errs = append(errs, &backup.Error{Code: c, Path: "/media/STICK/x.p12"})
	}
	for _, c := range register.Codes {
		errs = append(errs, &register.Error{Code: c, Path: "/home/a/register.json", MovedTo: "/home/a/register.json.damaged-1"})
	}
	errs = append(errs, vault.ErrTimeout, vault.ErrNotFound, vault.ErrUnavailable, vault.ErrTooLong, vault.ErrBadID, vault.ErrFull, vault.ErrMismatch,
		guide.ErrPasswordNotSaved, guide.ErrFileNotChecked, guide.ErrFileQuestion, guide.ErrNoBackup, guide.ErrDPGNotInstalled, guide.ErrUnknownStep,
		renewal.ErrNoName, renewal.ErrNameTooLong,
		&reveal.Error{Path: "/x.p12", Err: reveal.ErrNotFound}, &reveal.Error{Path: "/x.p12", Err: errors.New("no file manager")},
		&appinfo.StorageError{Err: errors.New("no home folder")},
		&forget.Error{NothingDeleted: true, Err: vault.ErrUnavailable}, &forget.Error{Passwords: 1, Folder: "/x", Err: errors.New("busy")})
	for _, c := range []string{receipt.CodeNotPDF, safefile.WhyCanceled, safefile.WhyVerifyFailed, safefile.WhyDiskFull, safefile.WhyFolderReadOnly,
		safefile.WhyNotAFolder, safefile.WhyFolderMissing, safefile.WhyDeviceGone, safefile.WhyWriteFailed, safefile.WhyNameRefused} {
		errs = append(errs, &receipt.Error{Code: c, Folder: "/media/STICK", Err: errors.New("x")})
	}
	for _, err := range errs {
		f, ok := msg.FaultOf(err)
		if !ok || f.Code == "" {
			t.Errorf("%v carries no code", err)
			continue
		}
		for _, l := range msg.Languages {
			s := msg.Sentence(l, err)
			if strings.EqualFold(s, f.Key) || strings.Contains(s, "<no value>") || s == msg.T(l, msg.GeneralKey, nil) || strings.Contains(s, err.Error()) {
				t.Errorf("%s: %s has no sentence of its own: %q", l, f.Key, s)
			}
		}
	}
}
