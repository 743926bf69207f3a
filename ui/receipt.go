package ui

import (
	"errors"
	"net/mail"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/receipt"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/renewal"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
	"github.com/fornyer/fornyer/ui/words"
)

// showReceipt opens the receipt dialog: who renewed and the DPG e-mail
// address, the folder (the user's Documents unless they pick another), then
// the PDF is written in the background, opened in the system's viewer, which
// can print it, and its location is shown. The checklist can be saved from
// the same dialog.
func showReceipt(f *frame, data receipt.Data) {
	p := newReceiptPanel(f, data)
	p.record = func(r register.Receipt) { f.recordReceipt(data.SHA256, r) }
	uiwidget.ShowPanel(f.win, words.T("receipt.ui.title"), p.Panel, nil)
	p.focusFirst()
}

// focusFirst gives the keyboard to the first empty field, else to "Create
// receipt": typing goes where the dialog asks (W5).
func (p *receiptPanel) focusFirst() {
	c := p.f.win.Canvas()
	switch {
	case strings.TrimSpace(p.by.Text) == "":
		c.Focus(p.by)
	case strings.TrimSpace(p.email.Text) == "":
		c.Focus(p.email)
	default:
		p.f.focus(p.create)
	}
}

// receiptPanel is the dialog's content: the form, the writing, the result.
type receiptPanel struct {
	*uiwidget.Panel
	f    *frame
	data receipt.Data

	// Seams for tests: making and writing the PDF, opening it, picking a folder.
	makeReceipt   func(receipt.Data) ([]byte, error)
	makeChecklist func(lang string, steps []receipt.ChecklistStep, at time.Time) ([]byte, error)
	write         func(dir, name string, pdf []byte) (string, error)
	record        func(register.Receipt) // the receipt into the register
	pick          func()
	now           func() time.Time

	by, email   *uiwidget.Entry
	folder      string
	folderLabel *widget.Label
	hint        *widget.Label
	done        *uiwidget.Button // Done on the saved result
	create      *uiwidget.Button

	runLabel *widget.Label
	outcome  *widget.Label
	where    *widget.Label   // what happened, in a sentence
	path     *widget.Label   // the file written
	saved    *fyne.Container // the result's buttons when written
	failed   *fyne.Container // the result's buttons on failure

	form, running, result fyne.CanvasObject
	last                  string        // the path last written
	finished              chan struct{} // closed when a write has ended and the dialog shows it
}

func newReceiptPanel(f *frame, data receipt.Data) *receiptPanel {
	p := &receiptPanel{
		f: f, data: data,
		makeReceipt: receipt.Receipt, makeChecklist: receipt.Checklist, write: receipt.Write,
		now: f.now,
	}
	p.pick = p.pickFolder
	p.buildForm()
	p.buildRunning()
	p.buildResult()
	p.Panel = uiwidget.NewPanel(p.form)
	p.setFolder(receipt.DocumentsDir())
	return p
}

func (p *receiptPanel) buildForm() {
	// The names are proposals (the last receipt's, DPG's address): the
	// keyboard arriving selects them, and a name typed replaces them.
	p.by = uiwidget.NewProposalEntry(p.data.RenewedBy)
	p.by.SetPlaceHolder(words.T("receipt.ui.by.placeholder"))
	p.email = uiwidget.NewProposalEntry(p.data.Email)
	p.email.SetPlaceHolder(words.T("receipt.ui.email.placeholder"))

	p.folderLabel = uiwidget.NewWrapping("")
	choose := uiwidget.NewButton(words.T("receipt.ui.folder.choose"), theme.FolderOpenIcon(), func() { p.pick() })

	p.hint = uiwidget.NewWrapping("")
	p.hint.Importance = widget.WarningImportance
	p.hint.Hide()

	p.create = uiwidget.NewButton(words.T("receipt.ui.create"), theme.DocumentPrintIcon(), func() { p.begin(false) })
	// Enter in a field makes the receipt, as the blue button does.
	submit := func(string) {
		if !p.create.Disabled() {
			p.begin(false)
		}
	}
	p.by.OnSubmitted, p.email.OnSubmitted = submit, submit
	p.create.Importance = widget.HighImportance
	checklist := uiwidget.NewButton(words.T("receipt.ui.checklist"), theme.ListIcon(), func() { p.begin(true) })
	checklist.Importance = widget.LowImportance
	closeBtn := uiwidget.NewButton(words.T("receipt.ui.close"), nil, func() { p.closeDialog() })

	p.form = container.NewVBox(
		uiwidget.NewWrapping(words.T("receipt.ui.intro")),
		widget.NewForm(
			widget.NewFormItem(words.T("receipt.ui.by"), p.by),
			widget.NewFormItem(words.T("receipt.ui.email"), p.email),
		),
		p.folderLabel,
		container.NewHBox(choose),
		p.hint,
		widget.NewSeparator(),
		container.NewHBox(checklist, layout.NewSpacer(), closeBtn, p.create),
	)
}

func (p *receiptPanel) buildRunning() {
	p.runLabel = uiwidget.NewWrapping("")
	p.running = container.NewVBox(p.runLabel, widget.NewProgressBarInfinite())
}

func (p *receiptPanel) buildResult() {
	p.outcome = uiwidget.NewWrapping("")
	p.outcome.TextStyle.Bold = true
	p.outcome.SizeName = theme.SizeNameSubHeadingText
	p.where = uiwidget.NewWrapping("")
	p.path = uiwidget.NewWrapping("")
	p.path.TextStyle.Bold = true

	openAgain := uiwidget.NewButton(words.T("receipt.ui.open"), theme.DocumentIcon(), func() {
		if p.last != "" {
			p.openAndSay(p.last)
		}
	})
	folder := uiwidget.NewButton(words.T("receipt.ui.show_folder"), theme.FolderOpenIcon(), func() {
		if p.last != "" {
			dir := filepath.Dir(p.last)
			p.f.background(func() {
				if err := p.f.open(uiwidget.Folder, dir); err != nil {
					fyne.LogError("showing "+dir, err)
					fyne.Do(func() {
						p.where.SetText(words.T("receipt.ui.folder_failed"))
						p.Refit()
					})
				}
			})
		}
	})
	p.done = uiwidget.NewButton(words.T("receipt.ui.done"), theme.ConfirmIcon(), func() {
		// Done: the work is done, the keyboard goes on to the next step.
		p.closeDialog()
		uiwidget.FocusMainAction(p.f.win)
	})
	done := p.done
	done.Importance = widget.HighImportance
	// Back to the form, named for what it is for: another receipt or the
	// checklist with other details ("Back" beside "Done" said neither).
	change := uiwidget.NewButton(words.T("receipt.ui.change"), theme.DocumentCreateIcon(), func() { p.Show(p.form) })
	p.saved = container.NewVBox(
		container.NewHBox(openAgain, folder),
		container.NewHBox(change, layout.NewSpacer(), done),
	)

	again := uiwidget.NewButton(words.T("receipt.ui.try_again"), theme.ViewRefreshIcon(), func() { p.Show(p.form) })
	again.Importance = widget.HighImportance
	closeBtn := uiwidget.NewButton(words.T("receipt.ui.close"), nil, func() { p.closeDialog() })
	p.failed = container.NewHBox(layout.NewSpacer(), closeBtn, again)

	p.result = container.NewVBox(p.outcome, p.where, p.path, p.saved, p.failed)
}

func (p *receiptPanel) closeDialog() { p.Close() }

// pickFolder asks for the receipt's folder in the system's folder dialog.
func (p *receiptPanel) pickFolder() {
	uiwidget.Choose(p.f.win, uiwidget.Pick{Title: words.T("receipt.ui.folder.pick"), Folder: true, StartDir: p.folder}, func(dir string) {
		if dir != "" {
			p.setFolder(dir)
			p.f.focus(p.create) // Enter writes the receipt
		}
	})
}

func (p *receiptPanel) setFolder(dir string) {
	p.folder = dir
	if dir == "" {
		p.folderLabel.SetText(words.T("receipt.ui.folder.none"))
		p.create.Disable()
		return
	}
	p.folderLabel.SetText(words.T("receipt.ui.folder.chosen", map[string]string{"Folder": uiwidget.Breakable(dir)}))
	p.create.Enable()
}

// begin writes the receipt (or the checklist) in a goroutine; the outcome
// comes back through fyne.Do.
func (p *receiptPanel) begin(checklist bool) {
	if p.folder == "" {
		p.warn(words.T("receipt.ui.folder.none"))
		return
	}
	email := strings.TrimSpace(p.email.Text)
	if !checklist && email != "" {
		if a, err := mail.ParseAddress(email); err != nil || a.Address != email {
			p.warn(words.T("receipt.ui.email.invalid"))
			return
		}
	}
	by, err := renewal.InstallerName(p.by.Text) // optional: empty is no name
	if errors.Is(err, renewal.ErrNameTooLong) {
		p.warn(words.Sentence(err))
		return
	}
	p.hint.Hide()

	l := words.Language()
	data := p.data
	data.Lang = l
	data.RenewedBy = by
	data.Email = email
	data.GeneratedAt = p.now()
	dir := p.folder

	p.runLabel.SetText(words.T(map[bool]string{false: "receipt.ui.running", true: "receipt.ui.running_checklist"}[checklist]))
	p.Show(p.running)
	p.finished = make(chan struct{})
	finished := p.finished
	p.f.background(func() {
		var (
			pdf  []byte
			err  error
			name string
			path string
		)
		if checklist {
			pdf, err = p.makeChecklist(l, checklistSteps(l), data.GeneratedAt)
			name = receipt.ChecklistFileName(l)
		} else {
			pdf, err = p.makeReceipt(data)
			name = receipt.FileName(data)
		}
		if err == nil {
			path, err = p.write(dir, name, pdf)
		}
		fyne.Do(func() {
			p.finish(checklist, path, data, err)
			close(finished)
		})
	})
}

func (p *receiptPanel) warn(text string) {
	p.hint.SetText(text)
	p.hint.Show()
}

func (p *receiptPanel) finish(checklist bool, path string, data receipt.Data, err error) {
	if err != nil {
		p.last = ""
		p.outcome.SetText(words.T("receipt.ui.failed"))
		p.outcome.Importance = widget.DangerImportance
		fyne.LogError("saving a receipt or checklist", err)
		p.where.SetText(words.Sentence(err))
		p.path.Hide()
		p.saved.Hide()
		p.failed.Show()
	} else {
		p.last = path
		p.outcome.SetText(words.T(map[bool]string{false: "receipt.ui.saved", true: "receipt.ui.checklist_saved"}[checklist]))
		p.outcome.Importance = widget.SuccessImportance
		p.path.SetText(uiwidget.Breakable(path))
		p.path.Show()
		p.saved.Show()
		p.failed.Hide()
		if !checklist && p.record != nil {
			p.record(register.Receipt{Path: path, At: p.now(), By: data.RenewedBy, Email: data.Email})
		}
		p.openAndSay(path)
	}
	p.outcome.Refresh()
	p.Show(p.result)
	if err == nil {
		p.f.focus(p.done) // Enter closes, as Done does
	}
}

// openAndSay opens the PDF in the system's viewer, off the UI thread, and
// says what happened: opened, or not, with the folder to find it in.
func (p *receiptPanel) openAndSay(path string) {
	p.where.SetText(words.T("receipt.ui.opening"))
	p.f.background(func() {
		err := p.f.open(uiwidget.File, path)
		fyne.Do(func() {
			if p.last != path {
				return // another receipt since
			}
			if err != nil {
				fyne.LogError("opening "+path, err)
				p.where.SetText(words.T("receipt.ui.not_opened"))
			} else {
				p.where.SetText(words.T("receipt.ui.saved.where"))
			}
			p.Refit() // the sentence may take more lines: the dialog grows with it
		})
	})
}

// checklistSteps are the guide's steps in lang, as the printed checklist
// lists them.
func checklistSteps(l string) []receipt.ChecklistStep {
	out := make([]receipt.ChecklistStep, 0, len(guide.Steps))
	for _, s := range guide.Steps {
		out = append(out, receipt.ChecklistStep{Title: msg.T(l, s.Title, nil), Text: msg.T(l, s.Text, nil)})
	}
	return out
}
