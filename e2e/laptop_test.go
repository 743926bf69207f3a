//go:build e2e

package e2e

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/msg"
	facts "github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/vault"
)

// The most common office screen: a 1366×768 laptop. The window asks for
// the work area's height at the screen's right edge: 480×712.
const (
	laptopScreen = "1366x768"
	laptopHeight = 768
)

// TestMainActionOnALaptop walks, on a 1366×768 screen, card 3 and on to
// the password card by keyboard alone (byKeyboardToThePasswordCard), then
// the cards whose main action fell below the fold on a laptop (#23): the
// password card (12), the download (13) before and after the check, the
// DPG portal's password (17) and the installation's record (19). On each,
// the main action's label is read on the screen, in the action bar inside
// the window, and a click on it does its job, judged by what it leaves
// behind: the password in the keyring, the file checked and the backup
// put off in the progress, the password on the clipboard, the
// installation in the register.
func TestMainActionOnALaptop(t *testing.T) {
	for _, l := range languages() {
		t.Run(l, func(t *testing.T) {
			record(t)
			s := newSessionOn(t, "laptop", l, laptopScreen)
			s.seedAt("prepare-usage")
			s.start()
			if s.win.y+s.win.h > laptopHeight {
				s.fatalf("the window %+v reaches below the %s screen", s.win, laptopScreen)
			}
			titles := stepTitles(s.lang)
			s.byKeyboardToThePasswordCard(titles)

			// Card 12: the portal's "Copy to clipboard", pasted in the field
			// beside Save (the test's password has a space, which the
			// clipboard's offer leaves alone: ui tests cover the offer).
			s.waitText("password", screenWait, titles[guide.Index("password")])
			s.clipboard(certPassword)
			// Save is read while it waits (grey): OCR reads white on blue worst.
			save := s.findMain("password-save", s.L("vault.password.save"))
			s.clickText("password-field", screenWait, s.L("vault.password.placeholder"))
			s.key("ctrl+v")
			s.waitGone("password-pasted", screenWait, s.L("vault.password.empty")) // Save is enabled
			s.click(save.centre())
			s.waitFor("the password in the keyring", screenWait, func() bool {
				for _, secret := range s.keyringSecrets() {
					if secret == certPassword {
						return true
					}
				}
				return false
			})
			s.waitText("password-saved", screenWait, msg.T(s.lang, "vault.saved", map[string]any{"Store": s.L(vault.StoreName("linux"))}))
			s.key("Return") // the keyboard went on to Done

			// Card 13: with no certificate file in Downloads, Check the file
			// asks which in the file dialog (Z15), and the file picked is
			// checked with the saved password.
			s.waitText("download", screenWait, titles[guide.Index("download")])
			s.click(s.findMain("download-check", s.L("guide.download.check")).centre())
			s.pickInDialog(filepath.Dir(file(fileRenewed)), fileRenewed)
			s.answerYes()
			s.waitFor("the file checked in the progress", screenWait, func() bool { return s.readProgress().FileSHA256 != "" })

			// Card 13, the file checked: the backup, or the tick that puts
			// it off, in the bar; the tick lets Done on (the backup itself
			// is TestRenewal's).
			s.findMain("download-backup", s.L("check.action.backup"))
			s.click(s.findMain("download-later", s.L("guide.download.backup_later")).centre())
			s.waitFor("the backup put off in the progress", screenWait, func() bool { return s.readProgress().BackupLater })
			// The cards between are read from the progress, not the screen:
			// each OCR costs CI seconds.
			for _, id := range []string{"download", "close", "dpg-login", "dpg-list"} {
				s.onCard(id)
				s.clickDone(id + "-done")
			}

			// Card 17: the portal asks for the password; Copy password
			// puts the saved one on the clipboard.
			s.onCard("dpg-install")
			s.findMain("dpg-install-show", s.L("vault.password.show"))
			s.click(s.findMain("dpg-install-copy", s.L("vault.password.copy")).centre())
			s.waitFor("the saved password on the clipboard", screenWait, func() bool { return s.clipOut("UTF8_STRING") == certPassword })
			s.clickDone("dpg-install-done")
			s.onCard("dpg-activate")
			s.clickDone("dpg-activate-done")

			// Card 19: the name, then Installed in DPG, recorded in the
			// register. The card opens with the keyboard in the name
			// field (Z2): the name is typed without a click.
			s.onCard("dpg-verify")
			s.findMain("dpg-verify-waits", s.L("guide.dpg.installed")) // disabled, beside why
			s.typ("Mette Prøvesen")
			s.click(s.findMain("dpg-verify-installed", s.L("guide.dpg.installed")).centre())
			s.waitFor("the installation in the register", screenWait, func() bool {
				reg := s.readRegister()
				return reg != nil && len(reg.Certificates) == 1 && reg.Certificates[0].DPG != nil && reg.Certificates[0].DPG.By == "Mette Prøvesen"
			})
			s.noPasswordOnDisk()
		})
	}
}

// onCard waits until the progress on disk says the guide is on card id,
// which it writes once the card is drawn.
func (s *session) onCard(id string) {
	s.t.Helper()
	s.waitFor("card "+id, screenWait, func() bool { return s.readProgress().Current == id })
}

// findMain waits for a card's main action and returns where its label
// is (a card may name it too), which must be
// whole inside the window, on the screen, and in the action bar at the
// window's bottom.
func (s *session) findMain(label, phrase string) rect {
	s.t.Helper()
	p, _ := s.waitText(label, screenWait, phrase)
	// The lowest place it shows, or, on the bar's line, the rightmost: the
	// button stands right of the line that says why Done waits, which may
	// name it too ("Gem adgangskoden her, eller …").
	all := p.findAll(phrase)
	r := all[len(all)-1]
	for _, o := range all {
		if o.y+o.h > s.win.y+s.win.h*2/3 && o.x > r.x {
			r = o
		}
	}
	bottom, _ := strconv.Atoi(strings.Split(s.screen, "x")[1])
	if r.y < s.win.y+s.win.h*2/3 || r.y+r.h > s.win.y+s.win.h || r.y+r.h > bottom {
		s.fatalf("%s: %q at %+v is not in the action bar inside the window %+v on the %s screen", label, phrase, r, s.win, s.screen)
	}
	return r
}

// byKeyboardToThePasswordCard does card 3 with keys only (#23 V1, V2,
// V4): Tab past the four places Fornyer names (a tick and a note each) to
// the new place's name field, a name typed and Enter adds it; three Tabs
// (its list, Add) reach Done (before Back, Z1), and Enter on Done, then Enter on each
// next card (the window's Enter is Done), leads on card by card to the
// password card. Judged by the progress on disk after each key that
// should change it.
func (s *session) byKeyboardToThePasswordCard(titles []string) {
	s.t.Helper()
	s.waitText("usage", screenWait, titles[guide.Index("prepare-usage")])
	const place = "Lønbureauet"
	s.key(slices.Repeat([]string{"Tab"}, 9)...)
	s.typ(place)
	s.key("Return")
	s.waitFor("the place added in the progress", screenWait, func() bool {
		return slices.ContainsFunc(s.readProgress().Usages, func(u guide.Usage) bool { return u.Name == place })
	})
	s.shot("usage-added")
	s.key(slices.Repeat([]string{"Tab"}, 3)...)
	for i := guide.Index("prepare-usage"); i < guide.Index("password"); i++ {
		s.key("Return")
		s.waitFor("Done by keyboard on "+guide.Steps[i].ID, screenWait, func() bool {
			return s.readProgress().Current == guide.Steps[i+1].ID
		})
	}
}

// TestTheResultOfAKeyIsInView (X17) presses "Save the public certificate
// (.cer)" with Space on a laptop, the password saved here: the card had
// left "Saved: …", a line shown for the first time, below the fold until
// four Tabs later. Where the file went is read whole on the card, the file
// name too, with no key pressed since.
func TestTheResultOfAKeyIsInView(t *testing.T) {
	forEachLanguageOn(t, "result-in-view", laptopScreen, func(t *testing.T, s *session) {
		path, c := s.renewedAt("switch", func(p *guide.Progress) {
			p.SetUses(guide.PlaceDPGMail, true) // a row above: the button sits at the fold
			p.SetUses(guide.PlaceDatafordeler, true)
		})
		s.savePasswordOf(c)
		s.start()
		s.waitText("switch", screenWait, stepTitles(s.lang)[guide.Index("switch")])
		s.key("Tab") // the first control: "Save the public certificate (.cer)"
		s.shot("save-focused")
		s.key("space")
		cer := strings.TrimSuffix(path, filepath.Ext(path)) + ".cer"
		s.waitFor("the .cer beside the file", screenWait, func() bool { _, err := os.Stat(cer); return err == nil })
		saved := s.lead("guide.public.saved", 1)
		name := strings.Fields(filepath.Base(cer))
		end := strings.Join(name[len(name)-2:], " ") // the sentence's last line
		if p, ok := s.pollScreen("cer-saved", screenWait, func(p page) bool {
			_, below := p.below(saved, end)
			return below
		}); !ok {
			t.Fatalf("%q … %q is not whole on the card after Space (%s):\n%s", saved, end, p.shot, p.text())
		}
	})
}

// savePasswordOf saves the test certificate's password in the session's
// keyring under the certificate, as a check of its file does.
func (s *session) savePasswordOf(c facts.Certificate) {
	s.t.Helper()
	for _, e := range s.env {
		if k, v, ok := strings.Cut(e, "="); ok && k == "DBUS_SESSION_BUS_ADDRESS" {
			s.t.Setenv(k, v) // go-keyring talks to the session's keyring
		}
	}
	if err := vault.New().Save(context.Background(), vault.CertificateID(c.SHA256), c.Organization, certPassword); err != nil {
		s.t.Fatal(err)
	}
}
