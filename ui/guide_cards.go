package ui

import (
	"maps"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/renewal"
	"github.com/fornyer/fornyer/core/safetext"
	"github.com/fornyer/fornyer/ui/scene"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
	"github.com/fornyer/fornyer/ui/words"
)

// The guide's cards that hold more than a sentence: the user's list of
// places (noted before the portal, ticked off after DPG), the DPG portal's
// helpers (the file, the password), the portal's other path folded away,
// and the summary. What they show comes from core/guide; they only draw it.

// pathLabel shows a path that wraps at its separators. A file name is
// anyone's text: it is shown as one safe line.
func pathLabel(path string) *widget.Label {
	return uiwidget.NewPath(safetext.Line(path))
}

// summarize is what the summary card shows (core decides: guide.Summarize
// from the progress and the renewal's facts).
func (g *guideState) summarize() guide.Summary {
	return guide.Summarize(&g.progress, renewal.WithCopiesGone(g.facts(), g.copiesGone))
}

// lookAtCopies looks, off the UI thread, at whether the copies made for
// others are still where they were made (the file system can be slow: a
// redirected Downloads on a share), and draws the summary again when the
// answer changed; until then the summary draws the last one (review Q1).
func (g *guideState) lookAtCopies() {
	copies := g.facts().HandOvers
	if len(copies) == 0 {
		return
	}
	g.f.background(func() {
		gone := renewal.CopiesGone(copies)
		fyne.Do(func() {
			if maps.Equal(gone, g.copiesGone) {
				return
			}
			g.copiesGone = gone
			if g.progress.Step().Task == guide.TaskSummary {
				g.show()
			}
		})
	})
}

// helpers are the buttons for what the portal asks for: the file, shown in
// its folder, and the saved password, copied.
func (g *guideState) helpers(hs []guide.Helper) fyne.CanvasObject {
	box := container.NewVBox()
	f := g.facts()
	for _, h := range hs {
		switch h {
		case guide.HelperShowFile:
			if f.File != "" {
				path := f.File
				box.Add(uiwidget.NewWrappingStyle(words.T("guide.dpg_install.file"), fyne.TextStyle{Bold: true}))
				box.Add(pathLabel(path))
				box.Add(container.NewHBox(newRevealButton(g.f, func() string { return path })))
				continue
			}
			box.Add(uiwidget.NewWrapping(words.T("guide.dpg_install.no_file")))
			g.setAction(actionRow(nil, g.checkButton()))
		case guide.HelperCopyPassword:
			if f.PasswordSaved {
				// Show and Copy password, what the portal asks for
				// last, are the card's main action.
				lead := uiwidget.NewWrappingStyle(words.T("guide.dpg_install.password"), fyne.TextStyle{Bold: true})
				g.setAction(newPasswordActions(g.f, f.PasswordID, lead, g.relayoutScreen))
				if r := g.secondCopyReminder(); r != nil {
					box.Add(r)
				}
				continue
			}
			box.Add(uiwidget.NewWrapping(words.T("guide.dpg_install.no_password")))
		}
	}
	return box
}

// aside is the less common path, folded away under its title.
func (g *guideState) aside(a *guide.Aside) fyne.CanvasObject {
	body := container.NewVBox()
	if a.Illustration != "" {
		body.Add(scene.New(a.Illustration))
	}
	body.Add(uiwidget.NewWrapping(words.T(a.Text)))
	acc := widget.NewAccordion(widget.NewAccordionItem(words.T(a.Title), body))
	return acc
}

// summary is the last card: where everything is, and what is left.
func (g *guideState) summary() fyne.CanvasObject {
	s := g.summarize()
	l := words.Language()
	box := container.NewVBox()
	// What is left comes first, where it is seen without scrolling.
	if len(s.Undone) == 0 {
		// Once finished, the card's green "Renewal complete" banner says
		// it: a second green line would only repeat it.
		if !g.progress.Finished(g.facts()) {
			box.Add(uiwidget.SuccessLine(words.T("guide.summary.all_done")))
		}
	} else {
		var todo string
		for i, t := range s.Undone {
			if i > 0 {
				todo += "\n"
			}
			todo += "• " + words.T(t.Key, map[string]any{"Place": guide.Title(l, t.Place)})
		}
		box.Add(uiwidget.NewBanner(theme.ColorNameWarning, theme.WarningIcon(), words.T("guide.summary.undone"), todo))
	}
	none := func() fyne.CanvasObject { return uiwidget.NewWrapping(words.T("guide.summary.none")) }

	box.Add(uiwidget.NewWrappingStyle(words.T("guide.summary.file"), fyne.TextStyle{Bold: true}))
	if s.File != "" {
		box.Add(g.withReveal(s.File))
	} else {
		box.Add(uiwidget.NewWrapping(words.T("guide.summary.file.unknown")))
	}

	box.Add(uiwidget.NewWrappingStyle(words.T("guide.summary.backup"), fyne.TextStyle{Bold: true}))
	if len(s.Backups) == 0 {
		box.Add(none())
	}
	for _, b := range s.Backups {
		box.Add(uiwidget.NewWrapping(words.T("guide.summary.backup.item", map[string]any{"Path": uiwidget.Breakable(safetext.Line(b.Path)), "Date": msg.Date(l, b.VerifiedAt.Local())})))
	}

	box.Add(uiwidget.NewWrappingStyle(words.T("guide.summary.receipt"), fyne.TextStyle{Bold: true}))
	if s.Receipt != "" {
		box.Add(g.withReveal(s.Receipt))
	} else {
		box.Add(none())
	}

	box.Add(uiwidget.NewWrappingStyle(words.T("guide.summary.password"), fyne.TextStyle{Bold: true}))
	summaryPassword(box, s, g.f.storeName())
	if s.AskKept {
		// Said to be missing above: answered here, not only on card 12.
		box.Add(g.newKeptQuestion(s.Kept))
	}

	box.Add(uiwidget.NewWrappingStyle(words.T("guide.summary.dpg"), fyne.TextStyle{Bold: true}))
	if !s.DPGInstalled.IsZero() {
		box.Add(uiwidget.NewWrapping(words.T("guide.dpg.installed_note", map[string]any{"Date": msg.Date(l, s.DPGInstalled.Local()), "Name": s.DPGInstalledBy})))
	} else {
		box.Add(uiwidget.NewWrapping(words.T("guide.todo.dpg_not_installed")))
	}

	if len(s.Checklist) > 0 {
		box.Add(uiwidget.NewWrappingStyle(words.T("guide.summary.places"), fyne.TextStyle{Bold: true}))
		for _, it := range s.Checklist {
			icon := theme.RadioButtonIcon()
			if it.Done {
				icon = theme.ConfirmIcon()
			}
			box.Add(container.NewBorder(nil, nil, widget.NewIcon(icon), nil, uiwidget.NewWrapping(placeName(it))))
		}
	}

	g.summaryHandOvers(box, s)

	if len(s.Undone) > 0 || s.ReceiptOutdated {
		box.Add(g.summaryActions(s))
	}
	return box
}

// withReveal is a path with "Show the file in its folder" beside it.
func (g *guideState) withReveal(path string) fyne.CanvasObject {
	show := newRevealButton(g.f, func() string { return path })
	show.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, nil, container.NewVBox(show), pathLabel(path))
}

// summaryHandOvers lists the copies made for others (X20): each copy's
// file, where its own password is kept, and to delete it once sent.
func (g *guideState) summaryHandOvers(box *fyne.Container, s guide.Summary) {
	if len(s.HandOvers) == 0 {
		return
	}
	l := words.Language()
	box.Add(uiwidget.NewWrappingStyle(words.T("guide.summary.handovers"), fyne.TextStyle{Bold: true}))
	for _, h := range s.HandOvers {
		box.Add(uiwidget.NewWrapping(words.T("guide.summary.handover.item", map[string]any{"To": safetext.Line(h.To), "Date": msg.Date(l, h.At.Local())})))
		folder := map[string]any{"Folder": uiwidget.Breakable(safetext.Line(filepath.Dir(h.File)))}
		switch {
		case h.FileGone:
			box.Add(uiwidget.NewWrapping(words.T("guide.summary.handover.deleted", folder)))
		case h.File != "":
			box.Add(g.withReveal(h.File))
		}
		// The copy's password by the name the store keeps it under, as
		// the store's list gives it (core): what the user finds there.
		switch {
		case h.PasswordID == "":
			box.Add(uiwidget.NewWrapping(words.T("guide.summary.handover.password.not_saved")))
		case h.Label != "":
			box.Add(uiwidget.NewWrapping(words.T("guide.summary.handover.password", map[string]any{"Store": g.f.storeName(), "Label": h.Label})))
		case h.Gone:
			box.Add(uiwidget.NewWrapping(words.T("guide.summary.handover.password.gone", map[string]any{"Store": g.f.storeName()})))
		default: // the store's list was not read
			box.Add(uiwidget.NewWrapping(words.T("guide.summary.handover.password.unnamed", map[string]any{"Store": g.f.storeName()})))
		}
		if h.File != "" && !h.FileGone {
			box.Add(uiwidget.NewWrapping(words.T("guide.summary.handover.delete", folder)))
		}
	}
}

// summaryPassword says where the password is saved, and where else it
// is kept.
func summaryPassword(box *fyne.Container, s guide.Summary, store string) {
	switch {
	case s.PasswordSaved && s.Computer != "":
		box.Add(uiwidget.NewWrapping(words.T("guide.summary.password.saved", map[string]any{"Store": store, "Computer": s.Computer})))
	case s.PasswordSaved:
		box.Add(uiwidget.NewWrapping(words.T("guide.summary.password.saved_here", map[string]any{"Store": store})))
	case s.PasswordGone: // saved once, no longer in the store (Z20)
		box.Add(uiwidget.NewWrapping(words.T("guide.summary.password.gone", map[string]any{"Store": store})))
	default:
		box.Add(uiwidget.NewWrapping(words.T("guide.summary.password.not_saved")))
	}
	if s.Kept != "" && !register.NeedsSecondCopy(s.Kept) {
		answer := []rune(words.T("watch.kept." + s.Kept))
		answer[0] = []rune(strings.ToLower(string(answer[0])))[0]
		box.Add(uiwidget.NewWrapping(words.T("guide.summary.password.kept", map[string]any{"Answer": string(answer)})))
	}
	if s.StoredElsewhere && s.Kept == "" { // the earlier version's tick, which did not say where
		box.Add(uiwidget.NewWrapping(words.T("guide.summary.password.elsewhere")))
	}
}

// summaryActions end the summary: its main action, as core leads
// (guide.Summary.Lead), in the action bar as the card's one blue button,
// where the keyboard goes: the backup while there is none (put off on the
// download card, Z17), else the receipt that tells the whole renewal (a
// new one when the newest was made before something was done; the earlier
// one is kept). The other follows on the card, plain.
func (g *guideState) summaryActions(s guide.Summary) fyne.CanvasObject {
	sha := g.progress.FileSHA256
	if sha == "" {
		return container.NewVBox()
	}
	box := container.NewVBox()
	label := words.T("check.action.receipt")
	if s.ReceiptOutdated {
		box.Add(uiwidget.NewWrapping(words.T("guide.summary.receipt.again", map[string]any{"Date": msg.Date(words.Language(), s.ReceiptAt.Local())})))
		label = words.T("guide.summary.receipt.update")
	}
	receipt := uiwidget.NewButton(label, theme.DocumentPrintIcon(), func() { g.f.receiptForChecked(sha) })
	var backup *uiwidget.Button
	if len(s.Backups) > 0 {
		backup = g.anotherBackup() // the backup listed above is done
	} else {
		backup = g.backupButton()
	}
	lead := func(b *uiwidget.Button) {
		// The renewal's next step (Y1, Z17): on screen however long the
		// summary, and where the keyboard goes.
		b.Importance = widget.HighImportance
		g.setAction(actionRow(nil, b))
		g.ahead = b
	}
	// One above the other: side by side, "Make an updated receipt…" would
	// make the card wider than the narrow window.
	switch s.Lead {
	case guide.LeadBackup:
		lead(backup)
		box.Add(receipt)
	case guide.LeadReceipt:
		lead(receipt)
		box.Add(backup)
	default:
		box.Add(receipt)
		box.Add(backup)
	}
	return box
}
