package ui

import (
	"context"
	"image/color"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fornyer/fornyer/core/backup"
	"github.com/fornyer/fornyer/core/safetext"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
	"github.com/fornyer/fornyer/ui/words"
)

// showBackup opens the backup dialog for file, which password opens: a
// folder picker, the options, progress while the backup runs, then
// "Backup verified" with its location, or the sentence of what went wrong.
// onDone, if set, runs on the UI thread once a backup is verified.
// checkedSHA256 is the file's SHA-256 when it was checked: the backup
// refuses a file that changed since.
func showBackup(f *frame, file, password, checkedSHA256 string, onDone func(*backup.Result)) {
	p := newBackupPanel(f, file, password, onDone)
	p.checkedSHA256 = checkedSHA256
	uiwidget.ShowPanel(f.win, words.T("backup.title"), p.Panel, p.stop)
}

// backupPanel is the dialog's content and its state: the form, the run and
// the result, one page at a time.
type backupPanel struct {
	*uiwidget.Panel
	f        *frame
	file     string
	password string
	onDone   func(*backup.Result)
	// checkedSHA256 is the file as it was checked; "" when unknown.
	checkedSHA256 string
	// run is backup.Backup; tests put a gate in front of it.
	run func(ctx context.Context, src, dir string, opts backup.Options) (*backup.Result, error)
	// pick opens the folder picker; tests choose without it.
	pick func()

	folder      string
	folderLabel *widget.Label
	drives      *fyne.Container // a button for each USB stick plugged in
	public      *uiwidget.Check
	manifest    *uiwidget.Check
	reprotect   *uiwidget.Check
	pass1       *uiwidget.Entry
	pass2       *uiwidget.Entry
	profile     *widget.RadioGroup
	protectBox  *fyne.Container
	hint        *widget.Label
	done        *uiwidget.Button // Done on the verified result
	start       *uiwidget.Button

	bar      *widget.ProgressBar
	barLabel *widget.Label
	outcome  *widget.Label
	detail   *widget.Label
	files    *widget.Label
	how      *widget.Label
	keep     *widget.Label
	form     fyne.CanvasObject
	running  fyne.CanvasObject
	result   fyne.CanvasObject
	verified *fyne.Container // the result's buttons when verified
	failed   *fyne.Container // the result's buttons on failure
	cancel   context.CancelFunc
	finished chan struct{} // closed when a run has ended and the screen shows it
	last     *backup.Result
}

func newBackupPanel(f *frame, file, password string, onDone func(*backup.Result)) *backupPanel {
	p := &backupPanel{f: f, file: file, password: password, onDone: onDone, run: backup.Backup}
	p.pick = p.pickFolder
	p.buildForm()
	p.listDrives()
	p.buildRunning()
	p.buildResult()
	p.Panel = uiwidget.NewPanel(p.form)
	return p
}

// The plain words of the two protection profiles, in the radio group's order.
func profileChoices() []string {
	return []string{words.T("backup.profile.compatible"), words.T("backup.profile.strong")}
}

func (p *backupPanel) buildForm() {
	fileLabel := uiwidget.NewWrapping(words.T("backup.file", map[string]string{"File": safetext.Line(filepath.Base(p.file))}))
	fileLabel.TextStyle.Bold = true

	p.folderLabel = uiwidget.NewWrapping(words.T("backup.folder.none"))
	choose := uiwidget.NewButton(words.T("backup.folder.choose"), theme.FolderOpenIcon(), func() { p.pick() })
	// The sticks are listed off the UI thread after the dialog shows; their
	// answer (a sentence, or a line and a stick's button) fills room kept
	// from the start, so nothing below moves under the pointer when it comes.
	p.drives = container.NewVBox(uiwidget.NewWrapping(words.T("backup.drives.looking")))
	again := uiwidget.NewButton(words.T("backup.drives.again"), theme.ViewRefreshIcon(), p.listDrives)

	p.public = uiwidget.NewCheck(words.T("backup.option.public"), false, nil)
	p.manifest = uiwidget.NewCheck(words.T("backup.option.manifest"), true, nil)

	p.pass1 = uiwidget.NewPasswordEntry()
	p.pass1.SetPlaceHolder(words.T("backup.passphrase.placeholder"))
	p.pass2 = uiwidget.NewPasswordEntry()
	p.pass2.SetPlaceHolder(words.T("backup.passphrase.repeat"))
	p.profile = widget.NewRadioGroup(profileChoices(), nil)
	p.profile.Required = true
	p.profile.SetSelected(profileChoices()[0])
	p.protectBox = container.NewVBox(
		p.pass1, p.pass2,
		uiwidget.NewWrapping(words.T("backup.passphrase.note")),
		widget.NewLabel(words.T("backup.profile.label")),
		p.profile,
	)
	p.protectBox.Hide()
	p.reprotect = uiwidget.NewCheck(words.T("backup.option.reprotect"), false, func(on bool) {
		if on {
			p.protectBox.Show()
		} else {
			p.protectBox.Hide()
		}
		p.hint.Hide()
		p.Content.Refresh()
		p.Refit()
	})

	p.hint = uiwidget.NewWrapping("")
	p.hint.Importance = widget.WarningImportance
	p.hint.Hide()

	p.start = uiwidget.NewButton(words.T("backup.start"), theme.DocumentSaveIcon(), p.begin)
	p.start.Importance = widget.HighImportance
	p.start.Disable()
	closeBtn := uiwidget.NewButton(words.T("backup.close"), nil, func() { p.closeDialog() })

	p.form = container.NewVBox(
		uiwidget.NewWrapping(words.T("backup.intro")),
		fileLabel,
		p.folderLabel,
		container.NewStack(driveRoom(), p.drives),
		container.NewHBox(choose, again),
		widget.NewSeparator(),
		p.public,
		p.manifest,
		p.reprotect,
		p.protectBox,
		p.hint,
		container.NewHBox(layout.NewSpacer(), closeBtn, p.start),
	)
}

func (p *backupPanel) buildRunning() {
	p.bar = widget.NewProgressBar()
	p.barLabel = uiwidget.NewWrapping("")
	stop := uiwidget.NewButton(words.T("backup.stop"), theme.CancelIcon(), p.stop)
	p.running = container.NewVBox(p.barLabel, p.bar, container.NewHBox(layout.NewSpacer(), stop))
}

func (p *backupPanel) buildResult() {
	p.outcome = uiwidget.NewWrapping("")
	p.outcome.TextStyle.Bold = true
	p.outcome.SizeName = theme.SizeNameSubHeadingText
	p.detail = uiwidget.NewWrapping("")
	p.files = uiwidget.NewWrapping("")
	p.files.TextStyle.Monospace = true
	p.how = uiwidget.NewWrapping("")
	p.keep = uiwidget.NewWrapping(words.T("backup.verified.keep"))

	open := uiwidget.NewButton(words.T("backup.open_folder"), theme.FolderOpenIcon(), func() {
		if p.last == nil {
			return
		}
		dir := p.last.Dir
		p.f.background(func() {
			if err := p.f.open(uiwidget.Folder, dir); err != nil {
				fyne.LogError("opening "+dir, err)
				fyne.Do(func() {
					p.keep.SetText(words.Sentence(err))
					p.Refit()
				})
			}
		})
	})
	p.done = uiwidget.NewButton(words.T("backup.done"), theme.ConfirmIcon(), func() {
		// Done: the work is done, the keyboard goes on to the next step.
		p.closeDialog()
		uiwidget.FocusMainAction(p.f.win)
	})
	p.done.Importance = widget.HighImportance
	p.verified = container.NewHBox(layout.NewSpacer(), open, p.done)

	again := uiwidget.NewButton(words.T("backup.try_again"), theme.ViewRefreshIcon(), func() { p.Show(p.form) })
	again.Importance = widget.HighImportance
	closeBtn := uiwidget.NewButton(words.T("backup.close"), nil, func() { p.closeDialog() })
	p.failed = container.NewHBox(layout.NewSpacer(), closeBtn, again)

	p.result = container.NewVBox(p.outcome, p.detail, p.files, p.how, p.keep, p.verified, p.failed)
}

func (p *backupPanel) closeDialog() {
	p.stop()
	p.Close()
}

// listDrives offers each USB stick plugged in as a button by its name,
// "KINGSTON (E:)": a stick is found without the folder dialog. It reads the
// drives off the UI thread.
func (p *backupPanel) listDrives() {
	p.f.background(func() {
		drives := p.f.removableDrives()
		fyne.Do(func() {
			p.drives.RemoveAll()
			if len(drives) == 0 {
				p.drives.Add(uiwidget.NewWrapping(words.T("backup.drives.none")))
			} else {
				p.drives.Add(uiwidget.NewWrapping(words.T("backup.drives.pick")))
			}
			for _, d := range drives {
				dir := d.Path
				b := uiwidget.NewButton(safetext.Line(d.Name()), theme.StorageIcon(), func() {
					p.setFolder(dir)
					p.f.focus(p.start)
				})
				p.drives.Add(container.NewHBox(b))
			}
			p.drives.Refresh()
			if p.Panel != nil {
				p.Refit()
			}
		})
	})
}

// driveRoom keeps the room of the sticks' usual answer: a line of text and
// one stick's button.
func driveRoom() fyne.CanvasObject {
	line := widget.NewLabel("X").MinSize().Height
	button := uiwidget.NewButton("X", theme.StorageIcon(), nil).MinSize().Height
	room := canvas.NewRectangle(color.Transparent)
	room.SetMinSize(fyne.NewSize(0, line+theme.Padding()+button))
	return room
}

// pickFolder asks for the backup's folder in the system's folder dialog.
func (p *backupPanel) pickFolder() {
	uiwidget.Choose(p.f.win, uiwidget.Pick{Title: words.T("backup.folder.pick"), Folder: true, StartDir: p.folder}, func(dir string) {
		if dir != "" {
			p.setFolder(dir)
			p.f.focus(p.start) // Enter starts the backup
		}
	})
}

func (p *backupPanel) setFolder(dir string) {
	p.folder = dir
	p.folderLabel.SetText(words.T("backup.folder.chosen", map[string]string{"Folder": uiwidget.Breakable(dir)}))
	p.start.Enable()
}

// options reads the form; a hint and false when it is not complete.
func (p *backupPanel) options() (backup.Options, bool) {
	opts := backup.Options{
		Password:     p.password,
		PublicCopies: p.public.Checked,
		Manifest:     p.manifest.Checked,
		Lang:         words.Language(),
		SourceSHA256: p.checkedSHA256,
		Now:          p.f.now,
	}
	if p.reprotect.Checked {
		switch {
		case p.pass1.Text == "":
			return opts, p.warn(words.T("backup.error.no_passphrase"))
		case p.pass1.Text != p.pass2.Text:
			return opts, p.warn(words.T("backup.passphrase.mismatch"))
		}
		profile := backup.ProfileCompatible
		if p.profile.Selected == profileChoices()[1] {
			profile = backup.ProfileStrong
		}
		opts.Reprotect = &backup.Reprotect{Passphrase: p.pass1.Text, Profile: profile}
	}
	return opts, true
}

func (p *backupPanel) warn(text string) bool {
	p.hint.SetText(text)
	p.hint.Show()
	p.Refit()
	return false
}

// begin starts the backup in the background; progress and the outcome
// come back through fyne.Do.
func (p *backupPanel) begin() {
	if p.folder == "" {
		return
	}
	opts, ok := p.options()
	if !ok {
		return
	}
	p.hint.Hide()
	ctx, cancel := context.WithCancel(context.Background())
	p.cancel = cancel
	p.finished = make(chan struct{})
	finished := p.finished
	p.setProgress(0, 1)
	p.Show(p.running)

	opts.Progress = func(done, total int) { fyne.Do(func() { p.setProgress(done, total) }) }
	dir := p.folder
	p.f.background(func() {
		res, err := p.run(ctx, p.file, dir, opts)
		fyne.Do(func() {
			cancel()
			p.cancel = nil
			p.finish(dir, res, err)
			close(finished)
		})
	})
}

func (p *backupPanel) setProgress(done, total int) {
	if total > 0 {
		p.bar.SetValue(float64(done) / float64(total))
	}
	p.barLabel.SetText(words.T("backup.running", map[string]any{"Done": done, "Total": total}))
}

// stop cancels a running backup; it removes what it wrote and reports.
func (p *backupPanel) stop() {
	if p.cancel != nil {
		p.cancel()
	}
}

func (p *backupPanel) finish(dir string, res *backup.Result, err error) {
	p.last = res
	if err != nil {
		p.outcome.SetText(words.T("backup.failed"))
		p.outcome.Importance = widget.DangerImportance
		p.detail.SetText(words.Sentence(err) + " " + words.T("backup.original_safe"))
		for _, o := range []fyne.CanvasObject{p.files, p.how, p.keep, p.verified} {
			o.Hide()
		}
		p.failed.Show()
		p.Show(p.result)
		return
	}
	p.outcome.SetText(words.T("backup.verified"))
	p.outcome.Importance = widget.SuccessImportance
	p.detail.SetText(words.T("backup.verified.where", map[string]string{"Folder": uiwidget.Breakable(res.Dir)}))
	names := make([]string, len(res.Files))
	for i, f := range res.Files {
		names[i] = safetext.Line(filepath.Base(f.Path))
	}
	p.files.SetText(strings.Join(names, "\n"))
	how := "backup.verified.how"
	if res.CopyFound() {
		how = "backup.verified.existing" // a second backup to the same stick
	}
	said := words.T(how, map[string]string{"Time": res.VerifiedAt.Format("15:04")})
	if res.PlainNamed() {
		said += " " + words.T("backup.verified.plain_name", map[string]string{
			"Folder": uiwidget.Breakable(res.Dir),
			"Name":   safetext.Line(filepath.Base(p.file)),
			"Plain":  safetext.Line(filepath.Base(res.Files[0].Path)),
		})
	}
	p.how.SetText(said)
	p.keep.SetText(words.T("backup.verified.keep"))
	p.keep.Importance = widget.MediumImportance
	if res.SameDisk {
		// Verified, but one disk failure loses both: say so plainly.
		p.keep.SetText(words.T("backup.verified.same_disk"))
		p.keep.Importance = widget.WarningImportance
	}
	for _, o := range []fyne.CanvasObject{p.files, p.how, p.keep, p.verified} {
		o.Show()
	}
	p.failed.Hide()
	p.Show(p.result)
	p.f.focus(p.done) // Enter closes, as Done does
	if p.onDone != nil {
		p.onDone(res)
	}
}
