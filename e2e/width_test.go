//go:build e2e

package e2e

import (
	"strings"
	"testing"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/msg"
)

// fileOtherOrg is another organisation's certificate, with a long name
// (testdata/make-pki.sh).
const fileOtherOrg = "Anden Virksomhed.p12"

// laptopWidth is laptopScreen's width.
const laptopWidth = 1366

// TestAQuestionKeepsTheWindowsWidth (Y7), on a 1366×768 laptop: during a
// renewal whose own file is checked, another organisation's file is
// dropped; the question about it ("This belongs to …, not Fornyer Prøve
// ApS", Yes naming the organisation) widened the window past the screen's
// right edge for good, Done and Help off the screen. The window's width is
// measured (xdotool) before, with the question on the Check tab, and back
// on the guide (whose action bar was pushed off the screen); it must never
// grow. Run it with FYNE_SCALE=1.25 too.
func TestAQuestionKeepsTheWindowsWidth(t *testing.T) {
	forEachLanguageOn(t, "width", laptopScreen, func(t *testing.T, s *session) {
		s.seedAt("download")
		s.start()
		titles := stepTitles(s.lang)
		s.waitText("download", screenWait, titles[guide.Index("download")])
		before := s.geometry(s.wid)

		// The renewal's own file, checked and taken.
		s.drag(file(fileRenewed))
		s.waitText("asks-password", checkWait, s.L("check.password.title"), s.L("check.password.placeholder"))
		s.typ(certPassword)
		s.key("Return")
		s.answerYes()
		s.waitFor("the file checked in the progress", screenWait, func() bool { return s.readProgress().FileSHA256 != "" })

		// Another organisation's file: asked about on the Check tab.
		s.drag(file(fileOtherOrg))
		s.waitText("other-asks-password", checkWait, s.L("check.password.title"), s.L("check.password.placeholder"))
		s.typ(certPassword)
		s.key("Return")
		// Read on No (white on blue) or Yes (the OCR reads dark on grey
		// best at 125 %).
		yes := strings.TrimSpace(msg.T(s.lang, "renewal.other.yes", map[string]any{"OrgButton": ""}))
		s.waitText("other-asked", checkWait, s.L("renewal.ask.no"), yes)
		s.sameWidth("the question on the Check tab", before)

		// Back on the guide: Done and Help on the screen.
		s.key("ctrl+1")
		s.waitText("guide-after", screenWait, titles[guide.Index("download")], s.L("guide.help"))
		s.sameWidth("the question on the guide", before)
	})
}

// sameWidth fails when the window is wider than it was, or reaches past
// the screen's right edge.
func (s *session) sameWidth(when string, before rect) {
	s.t.Helper()
	now := s.geometry(s.wid)
	shot := s.shot("width")
	if now.w > before.w || now.x+now.w > laptopWidth {
		s.t.Errorf("%s: the window is %d px wide at x %d (was %d at x %d), its right edge at %d on a %s screen (%s)",
			when, now.w, now.x, before.w, before.x, now.x+now.w, laptopScreen, shot)
	}
}
