package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fornyer/fornyer/core/appinfo"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/safetext"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
	"github.com/fornyer/fornyer/ui/words"
)

// A second copy of the password: one computer's credential store is a
// single point of failure, so after saving, the password card asks where
// else the password is kept. The answer (never the password) goes to the
// guide's progress and, once the certificate is known, the register;
// "nowhere yet" keeps a reminder on the DPG card and the receipt.

// hostname names the computer whose store holds the password; tests
// replace it.
var hostname = appinfo.ComputerName

func thisComputer() string {
	h, err := hostname()
	if err != nil {
		return ""
	}
	return safetext.Line(h)
}

// addKeptQuestion adds the question to the password card, once.
func (g *guideState) addKeptQuestion() {
	if g.passwordTask == nil || g.keptAsked {
		return
	}
	g.keptAsked = true
	g.passwordTask.Add(g.newKeptQuestion())
}

// newKeptQuestion is the question with its three answers.
func (g *guideState) newKeptQuestion() fyne.CanvasObject {
	p := &g.progress
	question := widget.NewLabel(words.T("watch.kept.question"))
	question.Wrapping = fyne.TextWrapWord
	var labels []string
	byLabel := map[string]string{}
	for _, k := range register.KeptAnswers {
		l := words.T("watch.kept." + k)
		labels = append(labels, l)
		byLabel[l] = k
	}
	answers := widget.NewRadioGroup(labels, nil)
	if p.PasswordKept != "" {
		answers.Selected = words.T("watch.kept." + p.PasswordKept)
	}
	answers.OnChanged = func(label string) {
		kept, ok := byLabel[label]
		if !ok {
			return // a radio group can be unselected; the answer stands
		}
		g.passwordKept(kept)
	}
	return container.NewVBox(widget.NewSeparator(), question, answers)
}

// passwordKept records the answer; on the UI thread.
func (g *guideState) passwordKept(kept string) {
	p := &g.progress
	host := thisComputer()
	p.SetPasswordKept(kept, host)
	g.saved()
	if p.FileChecked && p.FileSHA256 != "" && g.f.register != nil {
		store, sha := g.f.register, p.FileSHA256
		background(func() {
			if err := store.SetPasswordKept(sha, kept, host); err != nil && register.Code(err) != register.CodeNotFound {
				fyne.LogError("recording where the password is kept", err)
			}
		})
	}
}

// keptAnswer is where else the renewal's password is kept (core's rule:
// guide.Progress.KeptFor).
func (g *guideState) keptAnswer() string {
	p := g.progress
	var c *register.Certificate
	if p.FileSHA256 != "" && g.f.register != nil {
		if got, ok := g.f.register.Get(p.FileSHA256); ok {
			c = &got
		}
	}
	kept, _ := p.KeptFor(c)
	return kept
}

// secondCopyReminder is the DPG card's reminder while the password is kept
// nowhere but this computer; nil otherwise.
func (g *guideState) secondCopyReminder() fyne.CanvasObject {
	if !register.NeedsSecondCopy(g.keptAnswer()) {
		return nil
	}
	return uiwidget.NewBanner(theme.ColorNameWarning, theme.WarningIcon(), words.T("guide.level.important"), words.T("watch.kept.reminder"))
}
