package ui

import (
	"context"
	"fmt"
	"path/filepath"
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

// checkAnswer is the answer for one file: one big line saying whether it is
// ready for DPG or what is wrong, the facts an administrator recognises, the
// next steps, and the technical details folded away. When the saved
// passwords do not open the file it asks for the password in place.
type checkAnswer struct {
	c      *checkScreen
	path   string
	report *inspect.Report
	saved  savedSet // until the first report is shown; then forgotten
	// savedTried: saved passwords were tried on the file, so the prompt
	// may say that none of them opens it.
	savedTried bool
	// from is the saved entry that opened the file, if one did.
	from      savedPassword
	fromStore bool
	password  string // the password that opened the file; memory only
	// passwordSaved: the password that opened the file is in the store.
	passwordSaved bool
	// outcome is what core/renewal says the file means.
	outcome renewal.Outcome

	content  *fyne.Container
	headline *widget.RichText // the one big line
	entry    *widget.Entry    // the password field, when asked for
	retry    *widget.Label    // "that did not open it" under the field
	actions  *fyne.Container
}

func newCheckAnswer(c *checkScreen, path string, report *inspect.Report, saved savedSet) *checkAnswer {
	a := &checkAnswer{c: c, path: path, saved: saved, savedTried: len(saved.entries) > 0, content: container.NewVBox()}
	a.show(report)
	return a
}

// show renders a report, after the first check or after a typed password.
func (a *checkAnswer) show(report *inspect.Report) {
	a.report = report
	if e, ok := a.saved.entry(report.PasswordIndex); ok {
		a.password, a.passwordSaved = e.password, true
		a.from, a.fromStore = e, true
	}
	// Keep no saved password longer than needed: only the one that opened
	// the file stays, for the backup.
	a.saved = savedSet{}
	a.outcome = renewal.Outcome{}
	if report.Opened() && report.Certificate != nil {
		openedBy := ""
		if a.fromStore {
			openedBy = a.from.id
		}
		a.outcome = a.c.f.checked(a.path, report, openedBy)
		if a.outcome.MovePending != "" {
			// Recorded, the password now belongs to the certificate: the
			// answer re-shown (after "Is this the file…?") must not move
			// the pending entry a second time.
			a.from.id = vault.CertificateID(report.Certificate.SHA256)
		}
	}
	a.content.RemoveAll()
	a.content.Add(a.headlineView())
	if report.Has(inspect.CodeWrongPassword) {
		a.content.Add(a.passwordPrompt())
	}
	if facts := a.facts(); facts != nil {
		a.content.Add(facts)
	}
	if cmp := a.comparison(); cmp != nil {
		a.content.Add(cmp)
	}
	if q := a.question(); q != nil {
		a.content.Add(q)
	}
	if more := a.otherFindings(); more != nil {
		a.content.Add(more)
	}
	if report.Ready() && report.Certificate != nil {
		a.actions = a.nextSteps()
		a.content.Add(a.actions)
	}
	if report.Opened() && report.Certificate != nil {
		a.content.Add(a.details())
	}
	a.content.Add(widget.NewSeparator())
	a.content.Refresh()
}

// headlineView is the one big line and the sentence under it.
func (a *checkAnswer) headlineView() fyne.CanvasObject {
	title, message := a.report.Headline()
	color, icon := theme.ColorNameSuccess, theme.ConfirmIcon()
	switch {
	case a.report.Has(inspect.CodeWrongPassword):
		color, icon = theme.ColorNameWarning, theme.WarningIcon()
		title = words.T("check.password.title")
		message = words.T("check.password.explain")
		if !a.savedTried { // "none of the saved passwords" would be untrue
			message = words.T("check.password.explain.none_saved")
		}
	case !a.report.Ready():
		color, icon = theme.ColorNameError, theme.ErrorIcon()
	case a.outcome.Kind == renewal.KindOlder && a.outcome.Previous != nil:
		// Ready as a file, but replaced: never the one to install.
		color, icon = theme.ColorNameWarning, theme.WarningIcon()
		title = words.T("renewal.older.title")
		message = words.T("renewal.older", map[string]any{"Date": msg.Date(words.Language(), a.outcome.Previous.NotAfter.Local())})
	}
	a.headline = widget.NewRichText(&widget.TextSegment{Text: title, Style: widget.RichTextStyle{
		ColorName: color, SizeName: theme.SizeNameHeadingText, TextStyle: fyne.TextStyle{Bold: true},
	}})
	a.headline.Wrapping = fyne.TextWrapWord
	sentence := widget.NewLabel(message)
	sentence.Wrapping = fyne.TextWrapWord
	file := widget.NewLabelWithStyle(safetext.Line(filepath.Base(a.path)), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	file.Truncation = fyne.TextTruncateEllipsis
	mark := widget.NewIcon(theme.NewColoredResource(icon, color))
	return container.NewVBox(
		container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSquareSize(36), mark), nil, uiwidget.NewSpoken(title, a.headline)),
		sentence, file,
	)
}

// passwordPrompt asks for the password in place; the file need not be
// dropped again. Where the certificate can be read before the password it
// says who the file is for.
func (a *checkAnswer) passwordPrompt() fyne.CanvasObject {
	a.entry = widget.NewPasswordEntry()
	a.entry.SetPlaceHolder(words.T("check.password.placeholder"))
	a.retry = widget.NewLabel("")
	a.retry.Wrapping = fyne.TextWrapWord
	a.retry.Importance = widget.DangerImportance
	a.retry.Hide()
	open := uiwidget.NewButton(words.T("check.password.open"), theme.LoginIcon(), a.tryPassword)
	open.Importance = widget.HighImportance
	a.entry.OnSubmitted = func(string) { a.tryPassword() }
	box := container.NewVBox()
	if cert := a.report.Certificate; cert != nil && cert.Organization != "" {
		who := widget.NewLabel(words.T("check.password.for", map[string]any{"Org": safetext.Line(cert.Organization), "CVR": safetext.Line(cert.CVR)}))
		who.Wrapping = fyne.TextWrapWord
		box.Add(who)
	}
	box.Add(container.NewBorder(nil, nil, nil, open, a.entry))
	box.Add(a.retry)
	return box
}

// tryPassword opens the file again with the typed password, off the UI
// thread; a wrong one says so and keeps the field for another try.
func (a *checkAnswer) tryPassword() {
	typed := a.entry.Text
	a.entry.Disable()
	a.retry.SetText(words.T("check.password.trying"))
	a.retry.Importance = widget.MediumImportance
	a.retry.Show()
	background(func() {
		r := a.c.inspect(a.path, a.c.options([]string{typed}))
		fyne.Do(func() {
			if r.Has(inspect.CodeWrongPassword) {
				a.entry.Enable()
				a.entry.SetText("")
				a.retry.SetText(words.T("check.password.wrong"))
				a.retry.Importance = widget.DangerImportance
				a.retry.Refresh()
				a.c.f.win.Canvas().Focus(a.entry)
				return
			}
			a.password, a.passwordSaved = typed, false
			a.from, a.fromStore = savedPassword{}, false // a typed password is no saved entry
			a.show(r)
		})
	})
}

// facts are what an administrator recognises: organisation, CVR, validity,
// days left, production or test.
func (a *checkAnswer) facts() fyne.CanvasObject {
	cert := a.report.Certificate
	if cert == nil {
		return nil
	}
	l := words.Language()
	form := widget.NewForm()
	add := func(key, value string) {
		if value == "" {
			return
		}
		v := widget.NewLabel(safetext.Line(value))
		v.Wrapping = fyne.TextWrapWord
		form.Append(words.T(key), v)
	}
	add("inspect.label.organization", cert.Organization)
	add("inspect.label.cvr", cert.CVR)
	add("inspect.label.kind", kindText(cert.Kind))
	add("inspect.label.environment", environmentText(cert.Environment))
	add("check.valid_until", msg.Date(l, cert.NotAfter.Local()))
	if cert.DaysLeft >= 0 {
		add("inspect.label.days_left", fmt.Sprint(cert.DaysLeft))
	} else {
		add("inspect.label.days_left", words.T("inspect.label.expired_value"))
	}
	if cert.Verified {
		return form
	}
	note := widget.NewLabelWithStyle(words.T("check.unverified"), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	note.Wrapping = fyne.TextWrapWord
	return container.NewVBox(form, note)
}

// comparison draws how the file relates to the certificate core compared
// it with, when there is one.
func (a *checkAnswer) comparison() fyne.CanvasObject {
	cmp := a.outcome.Comparison
	if cmp == nil {
		return nil
	}
	importance := widget.SuccessImportance
	if !cmp.IsRenewal() {
		importance = widget.WarningImportance
	}
	title := widget.NewLabelWithStyle(cmp.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Importance = importance
	title.Wrapping = fyne.TextWrapWord
	text := widget.NewLabel(cmp.Message)
	text.Wrapping = fyne.TextWrapWord
	return widget.NewCard("", words.T("check.compare.heading"), container.NewVBox(title, text))
}

// question asks "Is this the file you just downloaded?" when core cannot
// tell, and says so when the user answered no.
func (a *checkAnswer) question() fyne.CanvasObject {
	if a.report.Certificate == nil {
		return nil // nothing opened: nothing to ask
	}
	sha := a.report.Certificate.SHA256
	answer := func(yes bool) func() {
		return func() {
			a.c.f.answered(sha, yes)
			a.show(a.report)
			if yes && a.outcome.Advance {
				// "Say yes and the guide goes on": it does, on its tab.
				a.c.f.tabs.SelectIndex(guideTab)
			}
		}
	}
	switch {
	case a.outcome.Kind == renewal.KindDeclined:
		// A "no" given by mistake must not leave the guide stuck for good.
		undo := uiwidget.NewButton(words.T("renewal.declined.undo"), theme.ConfirmIcon(), answer(true))
		return container.NewVBox(
			uiwidget.NewBanner(theme.ColorNameWarning, theme.WarningIcon(), "", words.T("renewal.declined")),
			container.NewHBox(undo))
	case !a.outcome.Ask:
		return nil
	}
	text := widget.NewLabel(words.T("renewal.ask.text"))
	text.Wrapping = fyne.TextWrapWord
	yes := uiwidget.NewButton(words.T("renewal.ask.yes"), theme.ConfirmIcon(), answer(true))
	yes.Importance = widget.HighImportance
	no := uiwidget.NewButton(words.T("renewal.ask.no"), theme.CancelIcon(), answer(false))
	return widget.NewCard("", words.T("renewal.ask.title"), container.NewVBox(text, container.NewGridWithColumns(2, no, yes)))
}

// otherFindings lists what the headline does not say: further errors,
// warnings and notes.
func (a *checkAnswer) otherFindings() fyne.CanvasObject {
	first := a.report.FirstError()
	box := container.NewVBox()
	for _, fd := range a.report.Findings {
		if (first != nil && fd.Code == first.Code) || fd.Code == inspect.CodeWrongPassword {
			continue
		}
		if !a.outcome.Shows(fd.Code) {
			continue
		}
		icon := theme.InfoIcon()
		switch fd.Severity {
		case inspect.SeverityError:
			icon = theme.NewErrorThemedResource(theme.ErrorIcon())
		case inspect.SeverityWarning:
			icon = theme.NewWarningThemedResource(theme.WarningIcon())
		}
		title := widget.NewLabelWithStyle(fd.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		title.Wrapping = fyne.TextWrapWord
		text := widget.NewLabel(fd.Message)
		text.Wrapping = fyne.TextWrapWord
		box.Add(container.NewBorder(nil, nil, container.NewVBox(widget.NewIcon(icon)), nil, container.NewVBox(title, text)))
	}
	if len(box.Objects) == 0 {
		return nil
	}
	return box
}

// nextSteps are one click away from the answer: save the password (when it
// is not saved yet), back up, receipt.
func (a *checkAnswer) nextSteps() *fyne.Container {
	box := container.NewVBox()
	if a.password != "" && !a.passwordSaved {
		box.Add(a.saveButton())
	}
	if a.canBackUp() {
		box.Add(uiwidget.NewButton(words.T("check.action.backup"), theme.DocumentSaveIcon(), a.backup))
	}
	receiptBtn := uiwidget.NewButton(words.T("check.action.receipt"), theme.DocumentPrintIcon(), a.receipt)
	box.Add(receiptBtn)
	box.Add(newRevealButton(a.c.f, func() string { return a.path }))
	return box
}

func (a *checkAnswer) canBackUp() bool {
	return a.report.Protection != nil && a.report.KeyMatches
}

// backup opens the backup dialog for this file, with the password that
// opened it, and records a verified backup in the register.
func (a *checkAnswer) backup() {
	showBackup(a.c.f, a.path, a.password, a.report.FileSHA256, func(res *backup.Result) {
		a.c.f.recordBackup(a.report, res)
	})
}

// receipt opens the receipt dialog for this certificate.
func (a *checkAnswer) receipt() {
	a.c.f.showReceiptFor(a.report, a.passwordSaved)
}

// saveButton saves a typed password under the certificate, off the UI
// thread, and says where it went.
func (a *checkAnswer) saveButton() fyne.CanvasObject {
	status := widget.NewLabel("")
	status.Wrapping = fyne.TextWrapWord
	status.Hide()
	var btn *uiwidget.Button
	btn = uiwidget.NewButton(words.T("check.action.save_password"), theme.AccountIcon(), func() {
		btn.Disable()
		status.SetText(words.T("check.saving"))
		status.Show()
		cert := a.report.Certificate
		entry := vault.Entry{ID: vault.CertificateID(cert.SHA256), Label: renewal.Label(cert), Expires: cert.NotAfter}
		password := a.password
		background(func() {
			ctx, cancel := context.WithTimeout(context.Background(), a.c.f.vault.Timeout())
			defer cancel()
			_, err := a.c.f.vault.SaveEntry(ctx, entry, password)
			fyne.Do(func() {
				if err != nil {
					btn.Enable()
					status.SetText(vaultError(err))
					status.Importance = widget.DangerImportance
					status.Refresh()
					return
				}
				a.passwordSaved = true
				a.c.f.passwordSavedFor(cert.SHA256)
				btn.Hide()
				status.SetText(vaultText("vault.saved", map[string]any{"Store": storeName()}))
				status.Importance = widget.SuccessImportance
				status.Refresh()
			})
		})
	})
	btn.Importance = widget.HighImportance
	return container.NewVBox(btn, status)
}

// details are everything else, folded away: chain, serial, fingerprints
// with copy buttons, key, protection and compatibility notes.
func (a *checkAnswer) details() fyne.CanvasObject {
	r, cert := a.report, a.report.Certificate
	// Label above value: the values are long (names, fingerprints) and the
	// window is narrow, so a two-column form would squeeze them.
	form := container.NewVBox()
	heading := func(label string) fyne.CanvasObject {
		return widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	add := func(label, value string) {
		if value == "" {
			return
		}
		v := widget.NewLabel(safetext.Line(value))
		v.Wrapping = fyne.TextWrapWord
		form.Add(tight(heading(label), v))
	}
	copyable := func(label, value string) {
		v := widget.NewLabel(groupHex(value))
		v.Wrapping = fyne.TextWrapWord
		v.TextStyle = fyne.TextStyle{Monospace: true}
		copyBtn := uiwidget.NewButton(words.T("check.copy"), theme.ContentCopyIcon(), func() {
			a.c.f.app.Clipboard().SetContent(value)
		})
		form.Add(tight(container.NewBorder(nil, nil, nil, copyBtn, heading(label)), v))
	}
	add(words.T("inspect.label.subject"), cert.Subject)
	add(words.T("inspect.label.issuer"), cert.Issuer)
	add(words.T("inspect.label.serial"), cert.Serial)
	add(words.T("inspect.label.uuid"), cert.UUID)
	add(words.T("inspect.label.generation"), cert.Generation)
	add(words.T("inspect.label.valid"), words.T("inspect.label.valid_range", map[string]any{
		"From": msg.Date(words.Language(), cert.NotBefore.Local()), "To": msg.Date(words.Language(), cert.NotAfter.Local()),
	}))
	copyable(words.T("inspect.label.sha256"), cert.SHA256)
	copyable(words.T("inspect.label.sha1"), cert.SHA1)
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
