package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/register"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
	"github.com/fornyer/fornyer/ui/words"
)

// controlsOf are the controls shown under o, in order, each as the user
// meets it: "button:Save password" (":off" when it cannot be pressed),
// "tick:Datafordeleren:off" (its state), "field:Paste the password here"
// (its placeholder), "choice:A|B|C" (the options), "list" (a drop-down).
func controlsOf(o fyne.CanvasObject) []string {
	var out []string
	state := func(on bool) string {
		if on {
			return ":on"
		}
		return ":off"
	}
	for _, x := range visible(o) {
		switch v := x.(type) {
		case *widget.Button, *uiwidget.Button:
			b, _ := asButton(v)
			s := "button:" + b.Text
			if b.Disabled() {
				s += ":off"
			}
			out = append(out, s)
		case *widget.Check:
			out = append(out, "tick:"+v.Text+state(v.Checked))
		case *uiwidget.Check:
			out = append(out, "tick:"+v.Text+state(v.Checked))
		case *widget.Entry:
			out = append(out, "field:"+v.PlaceHolder)
		case *uiwidget.Entry:
			out = append(out, "field:"+v.PlaceHolder)
		case *widget.RadioGroup:
			out = append(out, "choice:"+strings.Join(v.Options, "|"))
		case *widget.Select:
			out = append(out, "list")
		}
	}
	return out
}

// Every card of the guide shows the controls of its kind, each usable or
// not as the renewal stands, and the line under the card that says what
// Done waits for. The walk is TestGuideCardsRender's (every card before
// done by its facts: the password kept written down, the file checked and
// its backup left for later, DPG recorded); the guide's one markup master
// (the password card, testdata/guide) holds how a card is laid out, and
// this holds what each card offers, in both languages.
func TestEveryCardsControls(t *testing.T) {
	button := func(key string) string { return "button:" + words.T(key) }
	off := func(key string) string { return button(key) + ":off" }
	ticks := func(presets []guide.Preset) []string {
		var out []string
		for _, p := range presets {
			out = append(out, "tick:"+words.T(p.Place.Key())+":off", "field:"+words.T(p.Place.NoteKey()))
		}
		return append(out, "field:"+words.T("guide.place.name"), "list", button("guide.place.add"))
	}
	type card struct {
		controls []string // the card's and its action bar's
		done     string   // Done's (or Next's) words, ":off" when it waits
		hint     string   // the line saying what Done waits for
	}
	cards := func() map[string]card {
		portal := []string{button("guide.link.portal")}
		// Timengo's guide in the card, the portal in the action bar below it.
		dpgPortal := []string{button("guide.link.timengo_guide"), button("guide.link.dpg_portal")}
		timengo := []string{button("guide.link.timengo_guide")}
		return map[string]card{
			"welcome":           {nil, button("guide.next"), ""},
			"prepare-mitid":     {nil, button("guide.next"), ""},
			"prepare-usage":     {ticks(guide.Presets), button("guide.next"), ""},
			"prepare-dpg":       {nil, button("guide.next"), ""},
			"login":             {portal, button("guide.done"), ""},
			"edit-profile":      {portal, button("guide.done"), ""},
			"renew-certificate": {nil, button("guide.done"), ""},
			"renew-window":      {nil, button("guide.done"), ""},
			"mitid":             {[]string{button("guide.mitid.email.title")}, button("guide.done"), ""},
			"issue":             {nil, button("guide.done"), ""},
			"terms":             {nil, button("guide.done"), ""},
			"password": {[]string{"choice:" + words.T("watch.kept.written") + "|" + words.T("watch.kept.manager") + "|" + words.T("watch.kept.nowhere"),
				"field:" + words.T("vault.password.placeholder"), off("vault.password.save")}, off("guide.done"), "guide.rule.password"},
			"download": {[]string{"tick:" + words.T("guide.download.skip") + ":off", button("guide.download.check")},
				off("guide.done"), "guide.rule.file"},
			"close":        {nil, button("guide.done"), ""},
			"dpg-login":    {dpgPortal, button("guide.done"), ""},
			"dpg-list":     {dpgPortal, button("guide.done"), ""},
			"dpg-install":  {[]string{button("watch.reveal"), button("guide.link.timengo_guide")}, button("guide.done"), ""},
			"dpg-activate": {timengo, button("guide.done"), ""},
			"dpg-verify": {append(slices.Clone(timengo), "field:"+words.T("guide.dpg.name"), off("guide.dpg.installed")),
				off("guide.done"), "guide.rule.dpg"},
			"switch":  {ticks(new(guide.Progress).OfferPlaces(guide.TaskSwitch, nil).Presets), button("guide.done"), ""},
			"summary": {[]string{button("watch.reveal"), button("check.action.receipt"), button("check.action.backup")}, button("guide.done"), ""}, // the backup put off leads, in the action bar (Z17)
		}
	}
	for _, language := range []string{"en", "da"} {
		f, _, sha := newWalkFrame(t, language)
		g := f.guide
		want := cards()
		if len(want) != len(guide.Steps) {
			t.Fatalf("%d cards in the table, %d in the guide", len(want), len(guide.Steps))
		}
		for i, s := range guide.Steps {
			walkTo(t, f, sha, i)
			if i == 0 {
				// The first card names the certificate renewed (the
				// register's), with its last day.
				renewing := words.T("guide.welcome.renewing", map[string]any{"Organization": "Fornyer Testfirma ApS", "Date": msg.Date(language, guideTestTime.AddDate(3, 0, 0).Local())})
				if !hasText(g.scroll.Content, renewing) {
					t.Errorf("%s: the first card does not say %q: %q", language, renewing, texts(g.scroll.Content))
				}
			}
			c, ok := want[s.ID]
			if !ok {
				t.Fatalf("%s: card %s not in the table", language, s.ID)
			}
			back := button("guide.back")
			if i == 0 {
				back += ":off"
			}
			controls := append(slices.Clone(c.controls), c.done, back) // Done before Back in the Tab order (Z1)
			if s.Phase != guide.PhasePrepare {                         // a renewal under way in the portal can be started over, beside Help (Y6)
				controls = append(controls, button("guide.new_renewal"))
			}
			controls = append(controls, button("guide.help"))
			if got := slices.DeleteFunc(controlsOf(g.screen), func(s string) bool { return s == "button:" }); !slices.Equal(got, controls) {
				t.Errorf("%s %s: controls\n%q\nwant\n%q", language, s.ID, got, controls)
			}
			if want := words.T("guide.stepper.position", map[string]any{"N": i + 1, "Total": len(guide.Steps)}); !strings.HasPrefix(g.position.Text, want+" · ") {
				t.Errorf("%s %s: position %q, want %q first", language, s.ID, g.position.Text, want)
			}
			switch {
			case c.hint == "" && g.hint.Visible():
				t.Errorf("%s %s: a hint %q under a card that waits for nothing", language, s.ID, g.hint.Text)
			case c.hint != "" && (!g.hint.Visible() || g.hint.Text != words.T(c.hint)):
				t.Errorf("%s %s: hint %q (shown %v), want %q", language, s.ID, g.hint.Text, g.hint.Visible(), words.T(c.hint))
			}
		}
	}
}

// newWalkFrame is a guide in language whose renewed certificate (sha) is
// in the register, for walkTo.
func newWalkFrame(t *testing.T, language string) (*frame, fyne.Window, string) {
	t.Helper()
	sha := strings.Repeat("c4", 32)
	f, w := newGuideTestFrame(t, language, t.TempDir())
	if err := f.register.Upsert(register.Certificate{SHA256: sha, Organization: "Fornyer Testfirma ApS",
		NotBefore: guideTestTime, NotAfter: guideTestTime.AddDate(3, 0, 0), File: &register.FileRef{Path: "/home/anne/Downloads/Fornyer Testfirma ApS.p12"}}); err != nil {
		t.Fatal(err)
	}
	return f, w, sha
}

// walkTo puts the guide on step i with every card before it done by its
// facts and answers: the password kept written down, the file (sha)
// checked and its backup left for later, DPG recorded.
func walkTo(t *testing.T, f *frame, sha string, i int) {
	t.Helper()
	g := f.guide
	g.progress.Current = guide.Steps[i].ID
	for _, done := range guide.Steps[:i] {
		g.progress.Done[done.ID] = guideTestTime
		switch done.Task {
		case guide.TaskPassword:
			g.progress.SetPasswordKept(register.KeptWritten, "")
		case guide.TaskDownload:
			g.progress.SetFileChecked(sha, guideTestTime)
			g.progress.BackupLater = true
		case guide.TaskDPG:
			if err := f.register.RecordDPGInstalled(sha, "Anne Jensen", guideTestTime); err != nil {
				t.Fatal(err)
			}
		}
	}
	g.show()
}
