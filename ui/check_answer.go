package ui

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fornyer/fornyer/core/backup"
	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/renewal"
	"github.com/fornyer/fornyer/core/safetext"
	"github.com/fornyer/fornyer/core/vault"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
	"github.com/fornyer/fornyer/ui/words"
)

// checkAnswer draws core's answer for one file (renewal.AnswerFor): one big
// line saying whether it is ready for DPG or what is wrong, the facts an
// administrator recognises, the next steps, and the technical details
// folded away. When the saved passwords do not open the file it asks for
// the password in place. It decides nothing: every rule is core's.
type checkAnswer struct {
	c      *checkScreen
	path   string
	report *inspect.Report
	tries  renewal.Tries // the passwords tried; forgotten once the answer is drawn
	// passwordSaved: the password that opened the file was saved here.
	passwordSaved bool
	answer        renewal.Answer

	content  *fyne.Container
	headline *widget.Label   // the one big line
	entry    *uiwidget.Entry // the password field, when asked for
	retry    *widget.Label   // "that did not open it" under the field
	// wrongTries counts the passwords typed that did not open the file.
	wrongTries int
	actions    *fyne.Container
	wrong      fyne.CanvasObject // "the saved password does not open this file"
	// saving: "Save the password" is at work; the answer is not drawn
	// again under it (checkScreen.factsChanged), or its word of where the
	// password went would be lost.
	saving bool
	// savedSaid is what the Save said once it saved ("Saved in your
	// keyring."), kept for the answer drawn again; "" before.
	savedSaid string
	// added: the user added the certificate to My certificates here.
	added bool
}

func newCheckAnswer(c *checkScreen, path string, report *inspect.Report, tries renewal.Tries) *checkAnswer {
	a := &checkAnswer{c: c, path: path, tries: tries, content: container.NewVBox()}
	a.show(report)
	return a
}

// input is what core answers from: the report, the passwords tried, the
// register and the guide as they are now.
func (a *checkAnswer) input() renewal.Input {
	in := renewal.Input{Path: a.path, Report: a.report, Tries: a.tries, Progress: a.c.f.guideProgress(), PasswordSaved: a.passwordSaved, Passwords: a.c.f.passwordIndex.list}
	if a.c.f.register != nil {
		in.Known = a.c.f.register.List()
		if cert := a.report.Certificate; cert != nil {
			if own, ok := a.c.f.register.Get(cert.SHA256); ok && own.Apart {
				in.Known = append(in.Known, own) // what was done with it (renewal.Input.Known)
			}
		}
	}
	return in
}

// show asks core for the answer to a report, after the first check or
// after a typed password, has it recorded, and draws it.
func (a *checkAnswer) show(report *inspect.Report) {
	a.report = report
	a.answer = renewal.AnswerFor(a.input())
	// Every saved password was tried: the answer keeps the one that opened
	// the file (Answer.Password); the rest are not held while it is shown
	// (Answer.Again does not need them).
	a.tries = renewal.Tries{}
	a.c.f.checked(a.answer)
	a.draw()
}

// again draws the answer once more after the user answered its question
// or marked it installed: core answers with what the register and the
// guide know now.
func (a *checkAnswer) again() {
	a.answer = a.answer.Again(a.input())
	a.c.f.checked(a.answer)
	a.draw()
	a.c.f.questionsChanged()
}

func (a *checkAnswer) draw() {
	ans := a.answer
	// The keyboard's place is kept across the rebuild (the answer drawn
	// again once the Save recorded it): Tab goes on from there (Z6).
	c := a.c.f.win.Canvas()
	spot, had := uiwidget.SpotIn(c, a.content)
	defer func() {
		if had {
			spot.Restore(c, a.content)
		}
	}()
	a.content.RemoveAll()
	a.content.Add(a.headlineView())
	if ans.NeedsPassword {
		a.content.Add(a.passwordPrompt())
	}
	// The question comes right under the headline, the facts after it:
	// below them, it and its Yes and No fell below the fold on a laptop at
	// 125 % (#23). Its own words say what it asks about.
	if q := a.question(); q != nil {
		a.content.Add(q)
	}
	if ans.Note != nil {
		a.content.Add(lineView(*ans.Note, theme.InfoIcon()))
	}
	if apart := a.apart(); apart != nil {
		a.content.Add(apart)
	}
	if facts := a.facts(); facts != nil {
		a.content.Add(facts)
	}
	if cmp := a.comparison(); cmp != nil {
		a.content.Add(cmp)
	}
	a.wrong = nil
	if w := ans.WrongSaved; w != nil {
		// Above the actions: its button is the first of them.
		a.wrong = uiwidget.NewBanner(theme.ColorNameWarning, theme.WarningIcon(), w.Title, w.Message)
		a.content.Add(a.wrong)
	}
	if more := a.otherFindings(); more != nil {
		a.content.Add(more)
	}
	if len(ans.Actions) > 0 {
		a.actions = a.nextSteps()
		a.content.Add(a.actions)
	}
	if ans.Public {
		// The public certificate and the identifiers, for the places that
		// ask for them (ui/public.go).
		// The password the check opened the file with is used again, from
		// memory: the user is not asked for what they just typed.
		src := fileSource(a.c.f, a.path, a.report.FileSHA256).opened(a.answer.Password)
		// The identifiers (fingerprints among them) are under "Technical
		// details", each with Copy (X19).
		a.content.Add(newPublicActions(a.c.f, src, nil, nil, a.content.Refresh))
		if slices.Contains(ans.Actions, renewal.ActionHandOver) {
			// A copy with its own password, for a supplier; recorded on
			// the register's certificate when it knows it.
			cert := renewal.Entry(a.answer.Check, a.c.f.now())
			if known := a.c.f.registered(a.report); known != nil {
				cert = *known
			}
			a.content.Add(newHandOverRow(a.c.f, cert, src, "", false, a.content.Refresh, nil))
		}
	}
	if a.report.Opened() && a.report.Certificate != nil {
		a.content.Add(a.details())
	}
	a.content.Add(widget.NewSeparator())
	a.content.Refresh()
}

// toneColor is how the window colours a tone of core's answer.
func toneColor(t renewal.Tone) (fyne.ThemeColorName, fyne.Resource) {
	switch t {
	case renewal.ToneGood:
		return theme.ColorNameSuccess, theme.ConfirmIcon()
	case renewal.ToneWarning:
		return theme.ColorNameWarning, theme.WarningIcon()
	case renewal.ToneError:
		return theme.ColorNameError, theme.ErrorIcon()
	}
	return theme.ColorNameForeground, theme.InfoIcon()
}

// toneImportance is a tone as a label's importance.
func toneImportance(t renewal.Tone) widget.Importance {
	switch t {
	case renewal.ToneGood:
		return widget.SuccessImportance
	case renewal.ToneWarning:
		return widget.WarningImportance
	case renewal.ToneError:
		return widget.DangerImportance
	}
	return widget.MediumImportance
}

// lineView is a neutral line of the answer beside an icon.
func lineView(l renewal.Line, icon fyne.Resource) fyne.CanvasObject {
	text := uiwidget.NewWrapping(strings.TrimSpace(l.Title + "\n" + l.Message))
	return container.NewBorder(nil, nil, container.NewVBox(widget.NewIcon(icon)), nil, text)
}

// headlineView is the one big line and the sentence under it.
func (a *checkAnswer) headlineView() fyne.CanvasObject {
	h := a.answer.Headline
	color, icon := toneColor(h.Tone)
	a.headline = uiwidget.NewWrappingStyle(h.Title, fyne.TextStyle{Bold: true})
	a.headline.SizeName = theme.SizeNameHeadingText
	a.headline.Importance = toneImportance(h.Tone)
	sentence := uiwidget.NewWrapping(h.Message)
	file := widget.NewLabelWithStyle(safetext.Line(filepath.Base(a.path)), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	file.Truncation = fyne.TextTruncateEllipsis
	mark := widget.NewIcon(theme.NewColoredResource(icon, color))
	return container.NewVBox(
		container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSquareSize(36), mark), nil, uiwidget.NewSpoken(h.Title, a.headline)),
		sentence, file,
	)
}

// passwordPrompt asks for the password in place; the file need not be
// dropped again. Where the certificate can be read before the password it
// says who the file is for.
func (a *checkAnswer) passwordPrompt() fyne.CanvasObject {
	a.entry = uiwidget.NewPasswordEntry()
	a.entry.Pasted = vault.FromCopy // a copy's line break is not the password's (Y15)
	a.entry.SetPlaceHolder(words.T("check.password.placeholder"))
	a.retry = uiwidget.NewWrapping("")
	a.retry.Importance = widget.DangerImportance
	a.retry.Hide()
	open := uiwidget.NewButton(words.T("check.password.open"), theme.LoginIcon(), a.tryPassword)
	open.Importance = widget.HighImportance
	a.entry.OnSubmitted = func(string) { a.tryPassword() }
	box := container.NewVBox()
	if who := a.answer.PasswordFor; who != nil {
		l := uiwidget.NewWrapping(who.Message)
		box.Add(l)
	}
	box.Add(container.NewBorder(nil, nil, nil, open, a.entry))
	box.Add(a.retry)
	return box
}

// tryPassword opens the file again with the typed password, off the UI
// thread; a wrong one says so and keeps the field for another try.
func (a *checkAnswer) tryPassword() {
	tries := renewal.TryTyped(a.entry.Text)
	a.entry.Disable()
	a.retry.SetText(words.T("check.password.trying"))
	a.retry.Importance = widget.MediumImportance
	a.retry.Show()
	a.c.f.background(func() {
		r := a.c.inspect(a.path, a.c.options(tries.Passwords()))
		fyne.Do(func() {
			if r.Has(inspect.CodeWrongPassword) {
				// What was typed stays, selected: typing replaces it, an
				// arrow key keeps it to mend one character, the eye shows
				// it (W15: the field was emptied, and a long password
				// typed again from the start each time); a second wrong
				// try says which it is, and where to look.
				a.wrongTries++
				a.entry.Enable()
				a.retry.SetText(words.T("check.password.wrong"))
				if a.wrongTries > 1 {
					a.retry.SetText(words.T("check.password.wrong_again", map[string]any{"Count": a.wrongTries}))
				}
				a.retry.Importance = widget.DangerImportance
				a.retry.Refresh()
				a.c.f.win.Canvas().Focus(a.entry)
				a.entry.TypedShortcut(&fyne.ShortcutSelectAll{})
				return
			}
			a.tries, a.passwordSaved = tries, false
			a.c.f.win.Canvas().Unfocus() // the field goes with the question; so does the keyboard
			a.show(r)
			a.c.opened(a)
		})
	})
}

// facts draws core's facts, and that they are unconfirmed when read
// before the password.
func (a *checkAnswer) facts() fyne.CanvasObject {
	if len(a.answer.Facts) == 0 {
		return nil
	}
	form := widget.NewForm()
	for _, fact := range a.answer.Facts {
		v := uiwidget.NewWrapping(fact.Value)
		form.Append(fact.Label, v)
	}
	if a.answer.Unverified == nil {
		return form
	}
	note := uiwidget.NewWrappingStyle(a.answer.Unverified.Message, fyne.TextStyle{Italic: true})
	return container.NewVBox(form, note)
}

// comparison draws how the file relates to the certificate core compared
// it with, when there is one, in the tone core gave it.
func (a *checkAnswer) comparison() fyne.CanvasObject {
	cmp := a.answer.Comparison
	if cmp == nil {
		return nil
	}
	title := uiwidget.NewWrappingStyle(cmp.Title, fyne.TextStyle{Bold: true})
	title.Importance = toneImportance(cmp.Tone)
	text := uiwidget.NewWrapping(cmp.Message)
	return widget.NewCard("", words.T("check.compare.heading"), container.NewVBox(title, text))
}

// question asks "Is this the file you just downloaded?" when core cannot
// tell, and says so when the user answered no.
func (a *checkAnswer) question() fyne.CanvasObject {
	switch a.answer.Question {
	case renewal.QuestionDeclined:
		// A "no" given by mistake must not leave the guide stuck for good.
		// The headline says what the "no" means.
		undo := uiwidget.NewButton(words.T("renewal.declined.undo"), theme.ConfirmIcon(), a.answerWith(true))
		return container.NewHBox(undo)
	case renewal.QuestionOtherOrganisation, renewal.QuestionAsk:
		// The title may name two organisations: a label that wraps (and a
		// screen reader hears), not the card's own title, which does not.
		return widget.NewCard("", "", container.NewVBox(a.questionText(), a.answerRow()))
	}
	return nil
}

// questionText is what the waiting question (Answer.Waits) asks, title and
// text, for the guide's download card; the Check tab's card of another
// organisation's file draws the same.
func (a *checkAnswer) questionText() fyne.CanvasObject {
	if asked := a.answer.Asked; asked != nil {
		return container.NewVBox(uiwidget.NewWrappingStyle(asked.Title, fyne.TextStyle{Bold: true}), uiwidget.NewWrapping(asked.Message))
	}
	return container.NewVBox(uiwidget.NewWrappingStyle(words.T("renewal.ask.title"), fyne.TextStyle{Bold: true}),
		uiwidget.NewWrapping(words.T("renewal.ask.text")))
}

// answerRow is No and Yes to the waiting question, side by side when they
// fit the window and one under the other when not: never wider than the
// window (Y7: Yes names an organisation).
func (a *checkAnswer) answerRow() *fyne.Container {
	no, yes := a.questionButtons()
	return uiwidget.NewChoices(no, yes)
}

// questionButtons are No and Yes to the waiting question. Another
// organisation's file becomes the renewal's only by an explicit yes that
// names it, and "no" is then the default.
func (a *checkAnswer) questionButtons() (no, yes *uiwidget.Button) {
	no = uiwidget.NewButton(words.T("renewal.ask.no"), theme.CancelIcon(), a.answerWith(false))
	if asked := a.answer.Asked; a.answer.Question == renewal.QuestionOtherOrganisation && asked != nil {
		yes = uiwidget.NewButton(words.T("renewal.other.yes", asked.Data), theme.ConfirmIcon(), a.answerWith(true))
		no.Importance = widget.HighImportance
		return no, yes
	}
	yes = uiwidget.NewButton(words.T("renewal.ask.yes"), theme.ConfirmIcon(), a.answerWith(true))
	yes.Importance = widget.HighImportance
	return no, yes
}

// answerWith gives the user's answer to the question, wherever it was
// asked: kept in the guide's progress, and the answer drawn again.
func (a *checkAnswer) answerWith(yes bool) func() {
	sha := ""
	if a.report.Certificate != nil {
		sha = a.report.Certificate.SHA256
	}
	return func() {
		a.c.f.answered(sha, yes)
		a.again()
		if yes && a.answer.GoToGuide {
			// "Say yes and the guide goes on": it does, on its tab.
			a.c.f.tabs.SelectIndex(guideTab)
		}
	}
}

// apart says that the certificate is not in My certificates and gets no
// reminders (core's Answer.Apart: another organisation's), with the button
// that adds it; once added here, that it was.
func (a *checkAnswer) apart() fyne.CanvasObject {
	ln := a.answer.Apart
	if ln == nil {
		if a.added {
			return uiwidget.SuccessLine(words.T("renewal.apart.added"))
		}
		return nil
	}
	status := uiwidget.NewWrapping("")
	status.Hide()
	var add *uiwidget.Button
	add = uiwidget.NewButton(words.T("renewal.apart.add"), theme.ContentAddIcon(), func() {
		add.Disable()
		ans, flow := a.answer, a.c.f.flow()
		a.c.f.background(func() {
			err := flow.AddToMine(context.Background(), ans)
			fyne.Do(func() {
				if err != nil {
					failedUnder(add, status, err)
					return
				}
				a.added = true
				a.again()
			})
		})
	})
	return widget.NewCard("", "", container.NewVBox(
		uiwidget.NewWrappingStyle(ln.Title, fyne.TextStyle{Bold: true}), uiwidget.NewWrapping(ln.Message), add, status))
}

// failedUnder says under the button why what it started failed, and
// offers it again.
func failedUnder(btn *uiwidget.Button, status *widget.Label, err error) {
	btn.Enable()
	status.SetText(words.Sentence(err))
	status.Importance = widget.DangerImportance
	status.Show()
	status.Refresh()
}

// otherFindings lists the findings core says are worth showing besides
// the headline: further errors, warnings and notes.
func (a *checkAnswer) otherFindings() fyne.CanvasObject {
	box := container.NewVBox()
	for _, fd := range a.answer.Findings {
		icon := theme.InfoIcon()
		switch fd.Severity {
		case inspect.SeverityError:
			icon = theme.NewErrorThemedResource(theme.ErrorIcon())
		case inspect.SeverityWarning:
			icon = theme.NewWarningThemedResource(theme.WarningIcon())
		}
		title := uiwidget.NewWrappingStyle(fd.Title, fyne.TextStyle{Bold: true})
		text := uiwidget.NewWrapping(fd.Message)
		box.Add(container.NewBorder(nil, nil, container.NewVBox(widget.NewIcon(icon)), nil, container.NewVBox(title, text)))
	}
	if len(box.Objects) == 0 {
		return nil
	}
	return box
}

// nextSteps are the actions core offers, one click away from the answer.
func (a *checkAnswer) nextSteps() *fyne.Container {
	box := container.NewVBox()
	if a.savedSaid != "" && !a.answer.Offers(renewal.ActionSavePassword) && !a.answer.Offers(renewal.ActionReplacePassword) {
		// Saved here: said where the Save was, also once the answer is
		// drawn again with the facts (factsChanged) and offers no Save.
		box.Add(uiwidget.SuccessLine(a.savedSaid))
	}
	for _, act := range a.answer.Actions {
		switch act {
		case renewal.ActionSavePassword, renewal.ActionReplacePassword:
			box.Add(a.saveButton(act))
		case renewal.ActionBackUp:
			box.Add(uiwidget.NewButton(words.T("check.action.backup"), theme.DocumentSaveIcon(), a.backup))
		case renewal.ActionBackUpAgain:
			// Made already, and said so where it was offered (Z6):
			// another is plain, not a main action.
			box.Add(uiwidget.SuccessLine(a.answer.BackedUp.Message))
			again := uiwidget.NewButton(words.T("guide.backup.another"), theme.DocumentSaveIcon(), a.backup)
			again.Importance = widget.LowImportance
			box.Add(again)
		case renewal.ActionReceipt:
			box.Add(uiwidget.NewButton(words.T("check.action.receipt"), theme.DocumentPrintIcon(), a.receipt))
		case renewal.ActionShowInFolder:
			box.Add(newRevealButton(a.c.f, func() string { return a.path }))
		case renewal.ActionHandOver: // below the public certificate: it shares its source
		case renewal.ActionMarkDPG:
			sha := a.report.Certificate.SHA256
			box.Add(uiwidget.NewButton(words.T("register.dpg.mark"), theme.ConfirmIcon(), func() {
				a.c.f.markDPG(sha, func(err error) {
					if err != nil {
						uiwidget.ShowInformation(a.c.f.win, words.T("register.dpg.mark.title"), words.Sentence(err))
						return
					}
					a.again() // "Already installed in DPG"
				})
			}))
		}
	}
	return box
}

// backup opens the backup dialog for this file, with the password that
// opened it, and records a verified backup in the register.
func (a *checkAnswer) backup() {
	showBackup(a.c.f, a.path, a.answer.Password, a.report.FileSHA256, func(res *backup.Result) {
		a.c.f.recordBackup(a.report, res)
	})
}

// receipt opens the receipt dialog for this certificate.
func (a *checkAnswer) receipt() {
	a.c.f.showReceiptFor(a.report, a.answer.PasswordSaved)
}

// saveButton saves the typed password under the certificate, off the UI
// thread, and says where it went; in place of the renewal's wrong one when
// core offers that (ActionReplacePassword).
func (a *checkAnswer) saveButton(act renewal.Action) fyne.CanvasObject {
	status := uiwidget.NewWrapping("")
	status.Hide()
	label := "check.action.save_password"
	if act == renewal.ActionReplacePassword {
		label = "check.action.replace_password"
	}
	var btn *uiwidget.Button
	btn = uiwidget.NewButton(words.T(label), theme.AccountIcon(), func() {
		btn.Disable()
		a.saving = true
		status.SetText(words.T("check.saving"))
		status.Show()
		ans, password, flow := a.answer, a.answer.Password, a.c.f.flow()
		a.c.f.background(func() {
			// Each call bounded by vault.CallLimit.
			saved, err := flow.SaveAnswered(context.Background(), ans)
			fyne.Do(func() {
				a.saving = false
				if errors.Is(err, renewal.ErrNotRecorded) {
					// Saved; only the register could not be told.
					fyne.LogError("recording the saved password", err)
					err = nil
				}
				if err != nil {
					failedUnder(btn, status, err)
					return
				}
				a.passwordSaved = true
				// Onto the answer as it is now: the user may have answered
				// its question while the Save was at work (review S12).
				var record bool
				a.answer, record = a.answer.SavedAs(saved)
				if record { // answered while the Save was at work (T9)
					a.c.f.checked(a.answer)
				}
				// The keyboard on the Save goes on to the next action,
				// not nowhere (Z6).
				c := a.c.f.win.Canvas()
				spot, had := uiwidget.SpotIn(c, a.content)
				btn.Hide()
				if had {
					spot.Restore(c, a.content)
				}
				text := a.c.f.vaultText("vault.saved", nil)
				if a.c.f.savedFromClipboard(password) {
					text += " " + words.T("watch.copied.cleared")
				}
				a.savedSaid = text
				status.SetText(text)
				status.Importance = widget.SuccessImportance
				status.Refresh()
				if a.wrong != nil {
					a.wrong.Hide() // the wrong one is gone
					a.content.Refresh()
				}
			})
		})
	})
	// One blue button at a time: while the answer asks "Is this the file
	// you just downloaded?", its yes is the one to press first.
	if a.answer.Question == renewal.QuestionNone {
		btn.Importance = widget.HighImportance
	}
	return container.NewVBox(btn, status)
}

// details are everything else, folded away: chain, serial, fingerprints
// with copy buttons, key, protection and compatibility notes.
func (a *checkAnswer) details() fyne.CanvasObject {
	r, cert := a.report, a.report.Certificate
	// Label above value: the values are long (names, fingerprints) and the
	// window is narrow, so a two-column form would squeeze them.
	form := container.NewVBox()
	// A heading wraps: "Fingeraftryk (thumbprint, som Windows viser det)"
	// on one line beside its Copy button asked for 456 px, folded away
	// or not (an accordion is as wide as its widest item), and the window
	// grew for it (Z21).
	heading := func(label string) fyne.CanvasObject {
		return uiwidget.NewWrappingStyle(label, fyne.TextStyle{Bold: true})
	}
	add := func(label, value string) {
		if value == "" {
			return
		}
		v := uiwidget.NewWrapping(safetext.Line(value))
		form.Add(tight(heading(label), v))
	}
	copyable := func(label, value string) {
		v := uiwidget.NewWrapping(groupHex(value))
		v.TextStyle = fyne.TextStyle{Monospace: true}
		copyBtn := uiwidget.NewButton(words.T("check.copy"), theme.ContentCopyIcon(), func() {
			a.c.f.app.Clipboard().SetContent(value)
		})
		form.Add(tight(container.NewBorder(nil, nil, nil, copyBtn, heading(label)), v))
	}
	add(words.T("inspect.label.subject"), cert.Subject)
	add(words.T("inspect.label.issuer"), cert.Issuer)
	add(words.T("inspect.label.generation"), cert.Generation)
	add(words.T("inspect.label.valid"), words.T("inspect.label.valid_range", map[string]any{
		"From": msg.Date(words.Language(), cert.NotBefore.Local()), "To": msg.Date(words.Language(), cert.NotAfter.Local()),
	}))
	// The identifiers the places ask for, each with Copy, as core names
	// them: thumbprint, SHA-256, serial, UUID, CVR (X19).
	for _, id := range inspect.Identifiers(cert) {
		copyable(words.T(id.Key), id.Value)
	}
	if cert.KeyAlgorithm != "" {
		add(words.T("inspect.label.key"), fmt.Sprintf("%s %d bit", cert.KeyAlgorithm, cert.KeyBits))
	}
	add(words.T("inspect.label.key_matches"), yesNo(r.KeyMatches))
	add(words.T("inspect.label.trusted"), yesNo(r.ChainTrusted))
	var chain []string
	for _, c := range r.Chain {
		chain = append(chain, safetext.Line(c.Subject))
	}
	add(words.T("inspect.label.chain"), strings.Join(chain, "\n"))
	if p := r.Protection; p != nil {
		add(words.T("inspect.label.protection"), protectionText(p))
		if p.AES {
			add(words.T("check.compat"), words.T("check.compat.aes"))
		} else if p.Legacy {
			add(words.T("check.compat"), words.T("check.compat.legacy"))
		}
	}
	add(words.T("check.file_sha256"), r.FileSHA256)
	item := widget.NewAccordionItem(words.T("inspect.label.details"), form)
	return widget.NewAccordion(item)
}

// tight stacks a label over its value without the gap between rows.
func tight(objects ...fyne.CanvasObject) fyne.CanvasObject {
	return container.New(layout.NewCustomPaddedVBoxLayout(0), objects...)
}

func protectionText(p *inspect.Protection) string {
	lines := []string{
		p.Encoding,
		words.T("check.protection.key", map[string]any{"Alg": p.KeyEncryption, "N": p.Iterations}),
		words.T("check.protection.certs", map[string]any{"Alg": p.CertificateEncryption}),
		words.T("check.protection.mac", map[string]any{"Alg": p.MAC, "N": p.MACIterations}),
	}
	return strings.Join(lines, "\n")
}

func yesNo(b bool) string {
	if b {
		return words.T("inspect.yes")
	}
	return words.T("inspect.no")
}

// groupHex writes a fingerprint in groups of four, easier to read aloud.
func groupHex(s string) string {
	var b strings.Builder
	for i, r := range strings.ToUpper(s) {
		if i > 0 && i%4 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}
