package ui

import (
	"context"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fornyer/fornyer/core/backup"
	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/handover"
	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/renewal"
	"github.com/fornyer/fornyer/core/safetext"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
	"github.com/fornyer/fornyer/ui/words"
)

// What every place a certificate is shown offers to hand over: its public
// certificate saved as .cer beside the file, and its identifiers copied
// (a thumbprint is no secret: Fyne's clipboard is enough). core/backup
// writes the file and core/inspect names the identifiers; this draws them.

// certSource is a certificate file to hand something over from.
type certSource struct {
	file    string // the .p12 (or a certificate file) as last seen
	fileSHA string // its SHA-256 as checked: a changed file is refused
	// passwords are the passwords to try, asked for off the UI thread.
	passwords func(ctx context.Context) []string
}

// fileSource is a certificate file as a source, opened with the passwords
// saved here in core's one order (renewal.Tries), the empty one last; a
// password typed for a check and not saved is not kept, so such a file
// asks for its password to be saved first.
func fileSource(f *frame, path, fileSHA string) certSource {
	return certSource{file: path, fileSHA: fileSHA, passwords: func(ctx context.Context) []string {
		return renewal.TrySaved(renewal.SavedPasswords(ctx, f.vault)).Passwords()
	}}
}

// opened puts the password that opened the file on a check first: held in
// memory while the answer is shown, never written; the saved ones follow.
func (s certSource) opened(password string) certSource {
	if password == "" {
		return s
	}
	saved := s.passwords
	s.passwords = func(ctx context.Context) []string {
		return append([]string{password}, saved(ctx)...)
	}
	return s
}

// registeredSource is the register's certificate as a source: its file,
// when the register knows one.
func registeredSource(f *frame, c register.Certificate) (certSource, bool) {
	if c.File == nil || c.File.Path == "" {
		return certSource{}, false
	}
	return fileSource(f, c.File.Path, c.File.SHA256), true
}

// newPublicActions is "Save the public certificate (.cer)" (beside the
// file, never over another), "Save in another folder…" and "As text
// (.pem)" with their outcome, and a copy button for each identifier.
// given, if set, is told what was handed over (register.Gave*); relayout,
// if set, refreshes what holds the actions when a line shows.
func newPublicActions(f *frame, src certSource, ids []inspect.Identifier, given func(what string), relayout func()) fyne.CanvasObject {
	box := container.NewVBox()
	if src.file != "" {
		p := newPublicSaver(f, src, given, relayout)
		box.Add(p.once.entry)
		box.Add(p.save)
		// The tick takes the rest of the row (sized to itself, its words are
		// cut), after the button in the Tab order as on the screen.
		box.Add(container.New(layout.NewBorderLayout(nil, nil, p.elsewhere, nil), p.elsewhere, p.pem))
		box.Add(p.status)
	}
	for _, id := range ids {
		name := words.T(id.Key)
		value := id.Value
		v := uiwidget.NewWrappingStyle(value, fyne.TextStyle{Monospace: true})
		copyBtn := uiwidget.NewButton(words.T("guide.identifiers.copy"), theme.ContentCopyIcon(), nil)
		copyBtn.OnTapped = func() {
			f.app.Clipboard().SetContent(value)
			copyBtn.SetText(words.T("guide.identifiers.copied"))
			if given != nil {
				given(register.GaveIdentity)
			}
		}
		box.Add(tight(container.NewBorder(nil, nil, nil, copyBtn, uiwidget.NewWrappingStyle(name, fyne.TextStyle{Bold: true})), v))
	}
	return box
}

// publicSaver saves a file's public certificate: beside the file, or in a
// folder the user picks; DER (.cer), or PEM text (.pem) when ticked.
type publicSaver struct {
	f         *frame
	src       certSource
	given     func(what string)
	relayout  func()
	once      *oncePassword
	save      *uiwidget.Button // beside the file
	elsewhere *uiwidget.Button // in a folder picked
	pem       *uiwidget.Check
	status    *widget.Label
	lastDir   string // where the last try saved ("" beside the file): Enter in the password field tries it again
}

func newPublicSaver(f *frame, src certSource, given func(string), relayout func()) *publicSaver {
	p := &publicSaver{f: f, src: src, given: given, relayout: relayout, once: newOncePassword(f.win)}
	p.status = uiwidget.NewWrapping("")
	p.status.Hide()
	p.save = uiwidget.NewButton(words.T("guide.public.save"), theme.DocumentSaveIcon(), func() { p.saveIn("") })
	p.elsewhere = uiwidget.NewButton(words.T("guide.public.elsewhere"), theme.FolderOpenIcon(), func() {
		pick := uiwidget.Pick{Title: words.T("guide.public.elsewhere.pick"), Folder: true, StartDir: filepath.Dir(src.file)}
		uiwidget.Choose(f.win, pick, func(dir string) {
			if dir != "" {
				p.saveIn(dir)
			}
		})
	})
	p.elsewhere.Importance = widget.LowImportance
	p.pem = uiwidget.NewCheck(words.T("guide.public.pem"), false, nil)
	p.once.entry.OnSubmitted = func(string) {
		if !p.save.Disabled() {
			p.saveIn(p.lastDir)
		}
	}
	return p
}

// saveIn saves the public certificate in dir, or beside the file for "".
func (p *publicSaver) saveIn(dir string) {
	p.lastDir = dir
	p.save.Disable()
	p.elsewhere.Disable()
	typed := p.once.take()
	opts := backup.ExportOptions{Dir: dir, PEM: p.pem.Checked, SourceSHA256: p.src.fileSHA}
	p.f.background(func() {
		opts.Passwords = p.once.with(typed, p.src.passwords(context.Background())) // bounded by vault.LookupLimit
		res, err := backup.ExportPublic(p.src.file, opts)
		fyne.Do(func() {
			p.save.Enable()
			p.elsewhere.Enable()
			switch {
			case p.once.asks(err):
				p.status.SetText(words.T("guide.public.password.ask"))
				p.status.Importance = widget.MediumImportance
			case err != nil:
				p.status.SetText(words.Sentence(err))
				p.status.Importance = widget.DangerImportance
			default:
				p.status.SetText(words.T("guide.public.saved", map[string]any{"File": uiwidget.Breakable(safetext.Line(res.Path))}))
				p.status.Importance = widget.SuccessImportance
				if p.given != nil {
					p.given(register.GavePublic)
				}
			}
			p.status.Show()
			if p.relayout != nil {
				p.relayout()
			}
			// What happened is said under the buttons: brought into view, as
			// the password card's "Saved in your keyring" is (X17).
			uiwidget.Reveal(p.status)
		})
	})
}

// errorLine is a failure's sentence, in red.
func errorLine(err error) fyne.CanvasObject {
	l := uiwidget.NewWrapping(words.Sentence(err))
	l.Importance = widget.DangerImportance
	return l
}

// oncePassword is a certificate file's password asked for only when no
// password saved here opens it (the user kept it elsewhere): typed, used
// for one try and cleared, never kept.
type oncePassword struct {
	entry *uiwidget.Entry
	win   fyne.Window
}

func newOncePassword(win fyne.Window) *oncePassword {
	e := uiwidget.NewPasswordEntry()
	e.SetPlaceHolder(words.T("guide.handover.password"))
	e.Hide()
	return &oncePassword{entry: e, win: win}
}

// submits makes Enter in the field press b, as a person expects after
// typing a password.
func (o *oncePassword) submits(b *uiwidget.Button) {
	o.entry.OnSubmitted = func(string) {
		if !b.Disabled() && b.OnTapped != nil {
			b.OnTapped()
		}
	}
}

// take is what was typed, and clears the field (on the UI thread).
func (o *oncePassword) take() string {
	t := o.entry.Text
	o.entry.SetText("")
	return t
}

// with puts the typed password before the saved ones.
func (o *oncePassword) with(typed string, saved []string) []string {
	if typed == "" {
		return saved
	}
	return append([]string{typed}, saved...)
}

// asks shows the field when err says no password opened the file, and
// reports whether it did; any other outcome hides it again.
func (o *oncePassword) asks(err error) bool {
	if msg.Code(err) == backup.CodeWrongPassword {
		o.entry.Show()
		// The field takes the keyboard: what is typed next is the password.
		if o.win != nil {
			o.win.Canvas().Focus(o.entry)
		}
		return true
	}
	o.entry.Hide()
	return false
}

// newHandOverRow makes a copy of the .p12 with its own password for whoever
// is named (to, to start with), shows the password once with the advice to
// send file and password by two channels (core/handover saves it under the
// hand-over and records it on the certificate), and tells given, if set.
// relayout, if set, refreshes what holds the row when its lines show. With
// popup the copy's password is shown in a dialog instead (a list that is
// redrawn when the register changes would take it away before it is read).
func newHandOverRow(f *frame, c register.Certificate, src certSource, to string, popup bool, relayout func(), given func(who string, at time.Time)) fyne.CanvasObject {
	name := uiwidget.NewProposalEntry(to) // the place's name, a proposal
	name.SetPlaceHolder(words.T("guide.handover.to"))
	result := container.NewVBox()
	inline := func(lines ...fyne.CanvasObject) {
		result.Objects = lines
		result.Refresh()
		if relayout != nil {
			relayout()
		}
		// What the press did is read where it is said, however far down
		// the card the row is (Z3: the copy's password was below the fold).
		uiwidget.Reveal(result)
	}
	show := func(lines ...fyne.CanvasObject) {
		if !popup {
			inline(lines...)
			return
		}
		inline()
		d := dialog.NewCustom(words.T("guide.handover.make"), words.T("guide.close"), container.NewVBox(lines...), f.win)
		uiwidget.ShowDialog(f.win, d, fyne.NewSize(min(440, f.win.Canvas().Size().Width-20), 0))
	}
	once := newOncePassword(f.win)
	var makeCopy *uiwidget.Button
	makeCopy = uiwidget.NewButton(words.T("guide.handover.make"), theme.MailSendIcon(), func() {
		who := guide.CleanNote(name.Text)
		if who == "" {
			f.win.Canvas().Focus(name)
			return
		}
		makeCopy.Disable()
		lang, now, typed := words.Language(), f.now(), once.take()
		f.background(func() {
			ctx := context.Background() // the look-up bounded by vault.LookupLimit, the save by vault.CallLimit
			pws := once.with(typed, src.passwords(ctx))
			res, err := handover.Give(ctx, handover.Store{Vault: f.vault, Register: f.register}, handover.Request{
				File: src.file, Passwords: pws, SourceSHA256: src.fileSHA,
				Certificate: c, To: who, Lang: lang, Now: now,
			})
			fyne.Do(func() {
				makeCopy.Enable()
				switch {
				case once.asks(err):
					// The question is read with the field above it: both in
					// view, however far down the card the row is.
					inline(uiwidget.NewWrapping(words.T("guide.handover.password.ask")))
					return
				case err != nil:
					inline(errorLine(err))
					return
				}
				if given != nil {
					given(who, now)
				}
				pw := widget.NewLabel(res.Password)
				pw.TextStyle = fyne.TextStyle{Monospace: true}
				pw.Selectable = true
				lines := []fyne.CanvasObject{uiwidget.NewWrapping(words.T("guide.handover.made", map[string]any{"File": uiwidget.Breakable(safetext.Line(res.File.Path))}))}
				if res.SaveErr != nil {
					// Not saved: shown only now, and said so (W7).
					lines = append(lines, pw, uiwidget.NewWrapping(words.T("guide.handover.not_saved")), uiwidget.NewWrapping(words.T("guide.handover.send")))
				} else {
					// Saved under the hand-over: Copy as card 17's, the
					// clipboard cleared after a while (W7).
					lines = append(lines, newCopyPassword(f, res.PasswordID, pw), uiwidget.NewWrapping(words.T("guide.handover.channels", map[string]any{"Store": f.storeName()})))
				}
				show(lines...)
			})
		})
	})
	once.submits(makeCopy)
	return container.NewVBox(name, once.entry, makeCopy, result)
}
