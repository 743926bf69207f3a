package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/renewal"
	"github.com/fornyer/fornyer/core/safetext"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
	"github.com/fornyer/fornyer/ui/words"
)

// The password card's work: the password saved here (or the field to
// save it), what it means when the file came first, and one question,
// where else the password is kept. One computer's credential store is a
// single point of failure, so the question is asked whether or not the
// password is saved here; an answer that names a safe place lets the card
// be done without saving here (core's rule: guide.Progress.CanComplete).
// The answer (never the password) is the user's, kept in the guide's
// progress until the register knows the certificate, then in the register
// only; "nowhere yet" keeps a reminder on the DPG card and the receipt.

func (f *frame) thisComputer() string {
	h, err := f.hostname()
	if err != nil {
		return ""
	}
	return safetext.Line(h)
}

// passwordTask is the password card's task, drawn from the facts.
func (g *guideState) passwordTask(f guide.Facts) fyne.CanvasObject {
	box := container.NewVBox()
	if f.PasswordSaved {
		box.Add(uiwidget.SuccessLine(words.T("guide.password.saved")))
		box.Add(newPasswordActions(g.f, f.PasswordID, nil, g.relayoutScreen))
		if f.WrongPasswordID != "" {
			box.Add(g.wrongPasswordCleanup(f.WrongPasswordID))
		}
	} else {
		saver := newPasswordSaverAt(g.f, renewal.SaveID(&g.progress), g.passwordSaved)
		box.Add(saver.view)
		g.setAction(saver.bar)
	}
	box.Add(g.newKeptQuestion(f.Kept))
	return box
}

// passwordWarning is the password card's warning while its password is
// not saved: the one saved here does not open the file, or the file came
// first (the portal no longer shows the password). Drawn at the card's
// top, above its picture, where it is read first (X21); nil for none.
func (g *guideState) passwordWarning(f guide.Facts) fyne.CanvasObject {
	switch {
	case f.PasswordSaved:
		return nil
	case f.SavedWrong():
		return uiwidget.NewBanner(theme.ColorNameWarning, theme.WarningIcon(), words.T("guide.password.wrong.title"), words.T("guide.password.wrong.text"))
	case f.UntriedPasswordID != "":
		// Saved, but the store did not give it when the file was checked:
		// neither right nor wrong until it is tried (review R3).
		return uiwidget.NewBanner(theme.ColorNamePrimary, theme.InfoIcon(), words.T("guide.password.untried.title"), g.f.vaultText("guide.password.untried.text", nil))
	case g.progress.FileAhead(f):
		return uiwidget.NewBanner(theme.ColorNameWarning, theme.WarningIcon(), words.T("guide.password.ahead.title"), words.T(f.AheadText()))
	}
	return nil
}

// newKeptQuestion is the question with its three answers, kept as
// answered.
func (g *guideState) newKeptQuestion(kept string) fyne.CanvasObject {
	question := uiwidget.NewWrapping(words.T("watch.kept.question"))
	var labels []string
	byLabel := map[string]string{}
	for _, k := range register.KeptAnswers {
		l := words.T("watch.kept." + k)
		labels = append(labels, l)
		byLabel[l] = k
	}
	answers := widget.NewRadioGroup(labels, nil)
	if kept != "" {
		answers.Selected = words.T("watch.kept." + kept)
	}
	answers.OnChanged = func(label string) {
		kept, ok := byLabel[label]
		if !ok {
			return // a radio group can be unselected; the answer stands
		}
		g.passwordKept(kept)
	}
	box := container.NewVBox(widget.NewSeparator(), question)
	if last, ok := g.lastTime(); ok && kept == "" && last.Proposed() != "" {
		// Last time's answer, one press away: proposed, not taken (X23).
		proposed := last.Proposed()
		again := uiwidget.NewButton(words.T("guide.last.kept.use."+proposed), theme.HistoryIcon(), func() {
			answers.SetSelected(words.T("watch.kept." + proposed))
		})
		box.Add(container.NewHBox(again))
	}
	box.Add(answers)
	return box
}

// passwordKept takes the answer, on the UI thread; where it goes is
// core's rule (renewal.AnswerKept): the register, written off the UI
// thread, once it knows the renewed certificate, the progress before. A
// failed write is said and loses nothing. The card stays as it is: what it
// shows is what the answer makes of the facts.
func (g *guideState) passwordKept(kept string) {
	answer, facts := renewal.AnswerKept(&g.progress, g.f.register, g.f.passwordIndex.list, kept, g.f.thisComputer())
	g.drawn = drawnFacts(facts)
	g.saved()
	if answer.SHA256 == "" {
		return
	}
	win := g.f.win
	g.f.background(func() {
		err := answer.Record()
		fyne.Do(func() {
			if err != nil {
				fyne.LogError("recording where the password is kept", err)
				uiwidget.ShowInformation(win, words.T("tab.renew"), words.Sentence(err))
				return
			}
			if answer.Recorded(&g.progress) {
				g.saved()
			}
		})
	})
}

// secondCopyReminder is the DPG card's reminder while the password is kept
// nowhere but this computer; nil otherwise.
func (g *guideState) secondCopyReminder() fyne.CanvasObject {
	if !register.NeedsSecondCopy(g.facts().Kept) {
		return nil
	}
	return uiwidget.NewBanner(theme.ColorNameWarning, theme.WarningIcon(), words.T("guide.level.important"), words.T("watch.kept.reminder"))
}
