package vault

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zalando/go-keyring"
)

// shownStore is the mock store with the names its own list would show
// (a labeledSetter, as every real store is).
type shownStore struct {
	mu    sync.Mutex
	shown map[string]string // user -> label
}

func (s *shownStore) Set(sv, u, p string) error        { return s.SetLabeled(sv, u, "", p) }
func (s *shownStore) Get(sv, u string) (string, error) { return keyring.Get(sv, u) }
func (s *shownStore) Delete(sv, u string) error        { return keyring.Delete(sv, u) }
func (s *shownStore) SetLabeled(sv, u, label, p string) error {
	s.mu.Lock()
	s.shown[u] = label
	s.mu.Unlock()
	return keyring.Set(sv, u, p)
}

// Y4: every item Fornyer writes is named in the store's own list in the
// user's language, by what it holds: the list of passwords as a list
// that holds none, a renewal's password before its file is checked with
// whose renewal or when, a certificate's with its owner and expiry, a
// copy's with whom it was made for, a wrong one with what it does not
// open. Fornyer's list keeps the name shown (Entry.Shown). The ids the
// items are found by are go-keyring's, as before.
func TestEveryItemIsNamedInTheUsersWords(t *testing.T) {
	for _, lang := range []string{"da", "en"} {
		t.Run(lang, func(t *testing.T) {
			keyring.MockInit()
			store := &shownStore{shown: map[string]string{}}
			v := New(WithBackend(store), WithClock(clock()), WithLanguage(func() string { return lang }))
			ctx := context.Background()
			// Noon on the 27th where the test runs: the label gives the
			// day on the user's calendar (Local), which for noon UTC is
			// the 28th east of UTC+12 (TZ=Pacific/Auckland in December).
			until := time.Date(2029, 12, 27, 12, 0, 0, 0, time.Local)
			cert, copyID := CertificateID(fp1), HandOverID(fp1, until.AddDate(-3, 0, 0))
			saves := []Entry{
				{ID: PendingID("first")},
				{ID: PendingID("second"), Label: "Bager Hansen ApS"},
				{ID: cert, Label: "Bager Hansen ApS", Expires: until},
				{ID: copyID, Label: "Bager Hansen ApS (copy for Webshoppen)"},
			}
			for _, e := range saves {
				if _, err := v.SaveEntry(ctx, e, "pw-"+e.ID); err != nil {
					t.Fatal(err)
				}
			}
			if err := v.MarkDoesNotOpen(ctx, PendingID("first"), strings.Repeat("cd", 32), "Bager Hansen ApS (saved on step 12, does not open the file)"); err != nil {
				t.Fatal(err)
			}
			want := map[string]map[string]string{
				"da": {
					"index":             "Fornyer: intern liste over de gemte adgangskoder (rummer ingen adgangskode; slet den ikke)",
					PendingID("first"):  "Fornyer: adgangskode til certifikatet for Bager Hansen ApS (saved on step 12, does not open the file)",
					PendingID("second"): "Fornyer: adgangskode til det fornyede certifikat for Bager Hansen ApS (filen er ikke tjekket endnu)",
					cert:                "Fornyer: adgangskode til certifikatet for Bager Hansen ApS, gyldigt til 27. december 2029",
					copyID:              "Fornyer: adgangskode til Bager Hansen ApS (copy for Webshoppen)",
				},
				"en": {
					"index":             "Fornyer: internal list of the saved passwords (holds no password; do not delete)",
					PendingID("first"):  "Fornyer: password of the certificate for Bager Hansen ApS (saved on step 12, does not open the file)",
					PendingID("second"): "Fornyer: password of the renewed certificate for Bager Hansen ApS (file not checked yet)",
					cert:                "Fornyer: password of the certificate for Bager Hansen ApS, valid until 27 December 2029",
					copyID:              "Fornyer: password of Bager Hansen ApS (copy for Webshoppen)",
				},
			}[lang]
			list, err := v.List(ctx)
			if err != nil {
				t.Fatal(err)
			}
			ids := map[string]bool{}
			for _, e := range list {
				ids[e.ID] = true
				if e.Shown != store.shown[e.ID] {
					t.Errorf("%s: Fornyer's list says the store shows %q; it shows %q", e.ID, e.Shown, store.shown[e.ID])
				}
			}
			for user, label := range store.shown {
				if w, ok := want[user]; !ok || label != w {
					t.Errorf("%s is shown as %q, want %q", user, label, w)
				}
				if user != "index" && !ids[user] {
					t.Errorf("%s is not in Fornyer's list", user)
				}
			}
			if len(store.shown) != len(want) {
				t.Errorf("%d items named, want %d: %q", len(store.shown), len(want), store.shown)
			}
		})
	}
}

// A renewal's password saved before anyone knew whose renewal it was is
// named by the day it was saved.
func TestAnUnnamedPendingPasswordIsNamedByItsDay(t *testing.T) {
	saved := time.Date(2026, 12, 7, 10, 0, 0, 0, time.Local) // the 7th on the user's calendar, in any TZ
	got := StoreLabel("da", Entry{ID: PendingID("x"), Saved: saved})
	if want := "Fornyer: adgangskode til certifikatet, der blev fornyet den 7. december 2026 (filen er ikke tjekket endnu)"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// Review Q7: a label from a crafted certificate reaches the store's own
// list (and macOS' security command line) as one plain line: no control
// or bidi characters.
func TestALabelFromACertificateIsOnePlainLine(t *testing.T) {
	got := StoreLabel("en", Entry{ID: CertificateID(fp1), Label: cleanLabel("Firma\x1b[2J\x00ApS\u202e\a")})
	for _, r := range got {
		if r < 0x20 || r == 0x7f || r == '\u202e' {
			t.Fatalf("%q holds %U", got, r)
		}
	}
	if !strings.Contains(got, "Firma") || !strings.Contains(got, "ApS") {
		t.Errorf("%q", got)
	}
}
