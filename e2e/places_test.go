//go:build e2e

package e2e

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/msg"
	facts "github.com/fornyer/fornyer/core/register"
)

// TestPlacesOfEachKind starts on the switch-over card with one place of
// each kind noted (Datafordeleren: the public certificate; Skat: the
// identity; a supplier's webshop: the .p12; an intranet: something else)
// and gives each what it needs, as an administrator would, the renewal's
// password typed when asked since it was kept elsewhere. It judges by
// what lands on disk and in the keyring: the .cer is the certificate
// OpenSSL reads from the .p12; the thumbprint is on the clipboard; the
// supplier's copy opens with the hand-over password the keyring holds and
// not with the old one; the progress and the register record "given to
// Acme webshop"; the receipt made on the summary card lists it.
func TestPlacesOfEachKind(t *testing.T) {
	forEachLanguage(t, "places", func(t *testing.T, s *session) {
		path, c := s.renewedAt("switch", func(p *guide.Progress) {
			p.SetUses(guide.PlaceDatafordeler, true)
			p.SetUses(guide.PlaceSkat, true)
			p.AddPlace("Acme webshop", facts.NeedsP12, "")
			p.AddPlace("Intranet", facts.NeedsOther, "")
		})
		s.start()
		s.waitText("switch", screenWait, stepTitles(s.lang)[guide.Index("switch")])

		// Datafordeleren: the public certificate, beside the file. No
		// password saved here opens the file: the field that asks for it
		// has the keyboard, and Enter in it saves.
		s.clickText("save-cer", screenWait, s.button("guide.public.save"))
		s.waitText("cer-password", screenWait, s.lead("guide.public.password.ask", 5))
		s.typ(certPassword)
		s.key("Return")
		cer := strings.TrimSuffix(path, filepath.Ext(path)) + ".cer"
		s.waitFor("the .cer beside the file", screenWait, func() bool { _, err := os.Stat(cer); return err == nil })
		// Where it went is in view without scrolling (X17).
		s.waitText("cer-saved", screenWait, s.lead("guide.public.saved", 1))
		if got, want := readFile(t, cer), s.opensslCert(path); !bytes.Equal(got, want) {
			t.Errorf("the .cer (%d bytes) is not the certificate OpenSSL reads from the .p12 (%d bytes)", len(got), len(want))
		}

		// Skat: the thumbprint, copied with the button on its row, the
		// first below Skat's name (Datafordeleren's row above has the new
		// thumbprint too). "Thumbprint (SHA-1": the word alone is in
		// Datafordeleren's sentence too.
		thumb := strings.Join(strings.Fields(s.L("inspect.identifier.thumbprint"))[0:2], " ")
		skat := s.L(guide.PlaceSkat.Key())
		// Skat's identifiers are folded (X19): which one its form asks
		// for is not known, and five codes, fingerprints among them, are
		// not shown in plain view.
		show := s.lead("guide.identifiers.show", 3)
		p := s.scrollUntil("identifiers", skat, show)
		fold, _ := p.below(skat, show)
		s.click(fold.centre())
		p = s.scrollUntil("thumbprint", skat, thumb)
		row, below := p.below(skat, thumb)
		for i := 0; !below && i < 4; i++ { // Skat's own row is under the fold
			s.wheel(4)
			p = s.scrollUntil("thumbprint", skat, thumb)
			row, below = p.below(skat, thumb)
		}
		copyBtn, ok := p.nearestRow(s.L("guide.identifiers.copy"), row)
		if !ok {
			t.Fatalf("no %q button on the thumbprint's row", s.L("guide.identifiers.copy"))
		}
		s.click(copyBtn.centre())
		s.waitFor("the thumbprint on the clipboard", screenWait, func() bool {
			return strings.TrimSpace(s.clipOut("UTF8_STRING")) == strings.ToUpper(c.SHA1)
		})

		// The supplier: a copy with its own password, the renewal's
		// password typed once more (never kept).
		p = s.scrollUntil("make-copy", s.button("guide.handover.make"))
		r, _ := p.find(s.button("guide.handover.make"))
		s.click(r.centre())
		s.waitText("original-password", screenWait, s.lead("guide.handover.password.ask", 5)) // the .cer's sentence said "Saved" since
		s.typ(certPassword)
		s.key("Return")
		copyName := msg.T(s.lang, "backup.file.handover", map[string]string{"Name": strings.TrimSuffix(filepath.Base(path), ".p12"), "To": "Acme webshop"})
		copyPath := filepath.Join(filepath.Dir(path), copyName)
		s.waitFor("the hand-over copy", screenWait, func() bool { _, err := os.Stat(copyPath); return err == nil })
		var given string
		s.waitFor("the hand-over password in the keyring", screenWait, func() bool {
			for id, secret := range s.keyringSecrets() {
				if strings.HasPrefix(id, "handover:") {
					given = secret
				}
			}
			return given != ""
		})
		if !s.opensslOpens(copyPath, given) {
			t.Errorf("the hand-over copy does not open with the password in the keyring")
		}
		if s.opensslOpens(copyPath, certPassword) {
			t.Errorf("the hand-over copy opens with the renewal's password")
		}

		// The supplier's place ticked as switched: the last tick, below
		// the copy's advice (the wheel reaches the card's end).
		p = s.scrollUntil("intranet", s.lead("guide.handover.channels", 4), "Intranet")
		ticks := p.findAll(s.L("guide.place.done"))
		intranet, _ := p.find("Intranet")
		acme := -1
		for i, tk := range ticks {
			if tk.y < intranet.y {
				acme = i
			}
		}
		if acme < 0 {
			t.Fatalf("no %q above the intranet's place", s.L("guide.place.done"))
		}
		s.click(ticks[acme].centre())
		s.waitFor("the progress and the register record the places", screenWait, func() bool {
			pr := s.readProgress()
			list := pr.Checklist()
			if len(list) != 4 || list[0].Given != facts.GavePublic || list[1].Given != facts.GaveIdentity ||
				list[2].Given != facts.GaveCopy || list[2].GivenTo != "Acme webshop" || list[2].Switched.IsZero() ||
				list[3].Name != "Intranet" || list[3].Kind != facts.NeedsOther {
				return false
			}
			reg, err := facts.Open(filepath.Join(s.storage(), facts.FileName))
			if err != nil {
				return false
			}
			rc, _ := reg.Get(c.SHA256)
			return len(rc.HandOvers) == 1 && rc.HandOvers[0].To == "Acme webshop" && len(rc.Places) == 4 && !rc.Places[2].Switched.IsZero()
		})

		// The summary card's receipt lists the hand-over.
		s.clickDone("switch-done")
		s.waitText("summary", screenWait, stepTitles(s.lang)[guide.Index("summary")])
		p = s.scrollUntil("receipt", s.button("check.action.receipt"))
		r, _ = p.find(s.button("check.action.receipt"))
		s.click(r.centre())
		// The password is kept elsewhere: the file is checked again, its
		// password typed, and once it opens the receipt dialog opens; the
		// receipt goes to Documents, the dialog's own choice.
		s.waitText("receipt-password", checkWait, s.L("check.password.title"))
		s.typ(certPassword)
		s.key("Return")
		s.clickText("receipt-ready", checkWait, s.L("receipt.ui.create"))
		var pdfs []string
		s.waitFor("the receipt in Documents", checkWait, func() bool {
			pdfs, _ = filepath.Glob(filepath.Join(s.home, "Documents", "*.pdf"))
			return len(pdfs) > 0
		})
		if len(pdfs) != 1 {
			t.Fatalf("want one receipt, found %v", pdfs)
		}
		if text := strings.Join(strings.Fields(pdfText(t, pdfs[0])), " "); !strings.Contains(text, "Acme webshop") || !strings.Contains(text, "Datafordeleren") {
			t.Errorf("the receipt does not list the places:\n%s", text)
		} else if strings.Contains(text, given) {
			t.Error("the receipt holds the hand-over password")
		} else if name, _, _ := strings.Cut(s.L("inspect.identifier.thumbprint"), " "); !strings.Contains(text, name) ||
			!regexp.MustCompile(`\b[0-9A-F]{40}\b`).MatchString(text) || strings.Contains(text, "SHA-256") {
			// Y3: one fingerprint, the thumbprint as Windows shows it,
			// named as the card names it (the name wraps in its column).
			t.Errorf("the receipt does not name the certificate by its thumbprint alone:\n%s", text)
		}
		s.noPasswordOnDisk(given) // nor the hand-over's
	})
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// opensslCert is the certificate in the .p12 as OpenSSL reads it, DER.
func (s *session) opensslCert(p12 string) []byte {
	s.t.Helper()
	pem, err := exec.Command("openssl", "pkcs12", "-in", p12, "-nokeys", "-clcerts", "-passin", "pass:"+certPassword).Output()
	if err != nil {
		s.t.Fatalf("openssl pkcs12: %v", err)
	}
	cmd := exec.Command("openssl", "x509", "-outform", "DER")
	cmd.Stdin = bytes.NewReader(pem)
	der, err := cmd.Output()
	if err != nil {
		s.t.Fatalf("openssl x509: %v", err)
	}
	return der
}

// opensslOpens says whether OpenSSL opens the .p12 with the password.
func (s *session) opensslOpens(p12, password string) bool {
	return exec.Command("openssl", "pkcs12", "-in", p12, "-noout", "-passin", "pass:"+password).Run() == nil
}

// lead is the first n words of a catalogue text: a sentence found by its
// start.
func (s *session) lead(key string, n int) string {
	w := strings.Fields(s.L(key))
	return strings.Join(w[:min(n, len(w))], " ")
}

// button is how a button's label is looked for: its first four words
// alone, so that a sentence that says its later words ("…give whoever
// does a copy with its own password") is not taken for it.
func (s *session) button(key string) string { return s.lead(key, 4) }

// below is the first place phrase shows below the first of above.
func (p page) below(above, phrase string) (rect, bool) {
	a, ok := p.find(above)
	if !ok {
		return rect{}, false
	}
	for _, r := range p.findAll(phrase) {
		if r.y > a.y {
			return r, true
		}
	}
	return rect{}, false
}

// nearestRow is where phrase shows on the same row as r (within 30 pixels).
func (p page) nearestRow(phrase string, r rect) (rect, bool) {
	var best rect
	found := false
	for _, c := range p.findAll(phrase) {
		if !found || abs(c.y-r.y) < abs(best.y-r.y) {
			best, found = c, true
		}
	}
	return best, found && abs(best.y-r.y) <= 30
}

// wheel turns the mouse wheel down n notches over the middle of the
// window (a notch is 25 pixels).
func (s *session) wheel(n int) {
	s.t.Helper()
	s.xdo("mousemove", strconv.Itoa(s.win.x+s.win.w/2), strconv.Itoa(s.win.y+s.win.h/2))
	s.xdo("click", "--repeat", strconv.Itoa(n), "5")
}

// scrollUntil turns the wheel until each phrase has shown, in order, and
// returns the page with the last one once it stands still (read at the
// same place twice): the window takes the wheel's notches a while after
// they are sent, and a place read before the last one is taken is no
// longer where it was.
func (s *session) scrollUntil(label string, phrases ...string) page {
	s.t.Helper()
	seen := 0
	var last page
	p, ok := s.pollScreen(label, screenWait, func(p page) bool {
		for seen < len(phrases) && p.has(phrases[seen]) {
			seen++
		}
		if seen == len(phrases) && samePlace(p, last, phrases[seen-1]) {
			return true
		}
		if seen < len(phrases) {
			s.wheel(16) // 400 pixels, of a view 676 high: a line is never skipped
		}
		last = p
		return false
	})
	if !ok {
		s.t.Fatalf("%s: %q never showed, or the card never stood still (%s):\n%s", label, phrases[min(seen, len(phrases)-1)], p.shot, p.text())
	}
	return p
}

// samePlace says whether two readings found phrase at the same places: the
// card no longer moves under it. (Not all the words: the scroll bar fading
// beside the buttons changes how their edges are read.)
func samePlace(a, b page, phrase string) bool {
	at := a.findAll(phrase)
	return len(at) > 0 && slices.Equal(at, b.findAll(phrase))
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
