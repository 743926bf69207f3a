package ui

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fornyer/fornyer/core/calendar"
	"github.com/fornyer/fornyer/core/certlist"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/oces"
	"github.com/fornyer/fornyer/core/receipt"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/renewal"
	"github.com/fornyer/fornyer/core/safefile"
	"github.com/fornyer/fornyer/core/safetext"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
	"github.com/fornyer/fornyer/ui/words"
)

// registerFile is the register's name in the app's storage folder, where
// the command line finds it too (register.DefaultPath).
const registerFile = register.FileName

// startReminders runs the reminders in the background when the screen is
// built (at start once the first frame is drawn, and again, harmlessly,
// after a change of language), and after every change to the register on
// the goroutine that made it, so that a certificate added or renewed has
// its reminders planned (or cancelled) before the change returns: a few
// small writes, and no stray goroutine still writing after the change.
// Tests run them when they choose.
func startReminders(f *frame) {
	l := words.Language()
	f.register.Watch("reminders", func() { remind(f, l) })
	// The reminders that stand are drawn with the first frame (a pass over
	// the register, already read): shown later, they pushed the tabs down
	// under the user's pointer. The guide's first card drew them already
	// (guideState.show), built before this screen: a second pass over the
	// register (its list copied, every certificate's reminders worked out)
	// would only find the same, 2-3 ms of the start with 1,000 certificates.
	if f.standingDrawn == nil {
		f.drawStanding()
	}
	f.afterFirstFrame(func() {
		defer StartPiece("reminders")()
		remind(f, l)
	})
}

// registerPathIn is the register's file in the app's storage.
func registerPathIn(a fyne.App) string {
	return filepath.Join(a.Storage().RootURI().Path(), registerFile)
}

// openRegisterAt opens the register at path for the window's start, the
// guide's progress being saved at progressPath: only what the first card
// needs is read before its frame (renewal.OpenFirst); the rest waits for
// readWhole. It may run on any goroutine.
func openRegisterAt(path, progressPath string, d *deps) *register.Store {
	s, err := renewal.OpenFirst(path, progressPath, d.now(), register.WithClock(d.now))
	if err != nil {
		fyne.LogError("opening the register", err)
	}
	return s
}

// certificatesView is the "My certificates" screen: the list page
// (certificates_list.go) and, in its place while one is open, a
// certificate's card.
type certificatesView struct {
	f        *frame
	root     *fyne.Container // the list page and the card page, one shown
	listPage fyne.CanvasObject
	cardPage *fyne.Container
	notice   error // the last error to show above the list

	// The list page.
	search       *uiwidget.Entry
	order        *widget.Select
	filterButton *uiwidget.Button
	count        *widget.Label
	controls     *fyne.Container
	notices      *fyne.Container
	list         *certList
	noMatch      *widget.Label
	empty        fyne.CanvasObject
	query        certlist.Query

	loaded bool                   // the register has been read
	all    []register.Certificate // the register, as last read
	lines  []certlist.Line        // all of it as renewal lines
	shown  []*certlist.Line       // the lines the query shows, in order
	now    time.Time              // the time the rows are drawn for

	rowsTraced bool // the first rows' trace line was printed

	// The certificates kept apart (certificates_apart.go).
	apart        []register.Certificate
	apartSection *widget.Accordion
	apartItem    *widget.AccordionItem
	apartRows    *fyne.Container

	// The card page.
	open       string // fingerprint of the open card, or ""
	cardScroll *container.Scroll
	back       *uiwidget.Button // the open card's way back to the list
}

func newCertificatesScreen(f *frame) fyne.CanvasObject {
	return newCertificatesView(f).root
}

// newCertificatesView builds the screen's widgets at once and reads the
// register in the background, so that the window's start does not grow
// with the register.
func newCertificatesView(f *frame) *certificatesView {
	v := &certificatesView{f: f, cardScroll: container.NewVScroll(nil), cardPage: container.NewStack()}
	f.followFocus(v.cardScroll)
	v.cardPage.Hide()
	if f.register == nil {
		v.listPage = container.NewStack()
		v.root = container.NewStack(v.listPage)
		return v
	}
	v.listPage = v.buildListPage()
	v.root = container.NewStack(v.listPage, v.cardPage)
	f.certificates = v
	v.setNotice(f.register.OpenError())
	// Other screens add certificates; show them as they arrive.
	f.register.Watch("certificates", v.loadNow)
	v.load()
	f.startReminders(f)
	return v
}

// setNotice shows err (or nothing, for nil) above the list.
func (v *certificatesView) setNotice(err error) {
	v.notice = err
	v.notices.Objects = nil
	if err != nil {
		v.notices.Objects = []fyne.CanvasObject{noticeCard(words.Sentence(err))}
	}
	v.notices.Refresh()
}

func (v *certificatesView) emptyState() fyne.CanvasObject {
	icon := widget.NewIcon(theme.ListIcon())
	title := widget.NewLabelWithStyle(words.T("register.empty.title"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	body := uiwidget.NewWrapping(words.T("register.empty.body"))
	body.Alignment = fyne.TextAlignCenter
	return container.NewVBox(
		container.NewCenter(container.NewGridWrap(fyne.NewSquareSize(64), icon)),
		title, body)
}

func noticeCard(sentence string) fyne.CanvasObject {
	return widget.NewCard("", "", uiwidget.WithIcon(theme.NewErrorThemedResource(theme.WarningIcon()), uiwidget.NewWrapping(sentence)))
}

// card shows one certificate: who, what, how long, its renewal line, DPG,
// and what the user can do.
func (v *certificatesView) card(certs []register.Certificate, c register.Certificate, now time.Time) fyne.CanvasObject {
	l := words.Language()
	org := safetext.Line(c.Organization)
	if org == "" {
		org = words.T("register.unknown_organization")
	}
	title := uiwidget.NewWrappingStyle(org, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText

	what := kindText(c.Kind)
	if oces.EnvironmentKnown(c.Environment) {
		what += " · " + environmentText(c.Environment)
	}
	if c.CVR != "" {
		what += " · CVR " + safetext.Line(c.CVR)
	}
	subtitle := uiwidget.NewWrapping(what)

	validity := container.NewHBox(
		widget.NewLabel(words.T("register.valid_until", map[string]any{"Date": msg.Date(l, c.NotAfter.Local())})),
		layout.NewSpacer(),
		uiwidget.NewUrgencyBadge(register.UrgencyOf(c, now), register.DaysLeftText(words.Language(), c.NotAfter, now)),
	)
	items := []fyne.CanvasObject{title, subtitle, validity}

	if next, ok := register.Successor(certs, c); ok {
		items = append(items, v.link(theme.MoveUpIcon(), words.T("register.renewed_by", map[string]any{"Date": msg.Date(l, next.NotAfter.Local())}), next.SHA256))
	}
	if prev, ok := register.Predecessor(certs, c); ok {
		items = append(items, v.link(theme.MoveDownIcon(), words.T("register.replaces", map[string]any{"Date": msg.Date(l, prev.NotAfter.Local())}), prev.SHA256))
	}

	// What was done and what is not, in the order of the renewal;
	// installing in DPG last. Core says which (register.StatusOf), the
	// password from the credential store's list, not the register's flag.
	// The store's list as the frame last read it (facts.go): no second
	// look-up of the store here.
	status := register.StatusOf(certs, c, v.f.passwordIndex.list.Held(), now)
	if status.Renew {
		renew := uiwidget.NewButton(words.T("register.renew"), theme.HistoryIcon(), func() { v.renew(c) })
		renew.Importance = widget.HighImportance
		items = append(items, container.NewHBox(renew))
	}
	items = append(items, v.recordLines(c, status, l)...)

	inUse := register.InUse(certs, c, now) // core's "renewed or expired" rule
	switch {
	case c.DPG != nil:
		key := "register.dpg.installed"
		if c.DPG.By == "" {
			key = "register.dpg.installed.anonymous"
		}
		done := uiwidget.NewWrapping(words.T(key, map[string]any{"Date": msg.Date(l, c.DPG.At.Local()), "By": safetext.Line(c.DPG.By)}))
		items = append(items, uiwidget.WithIcon(theme.NewSuccessThemedResource(theme.ConfirmIcon()), done))
	case slices.Contains(status.Todo, register.TodoDPG):
		prompt := uiwidget.WithIcon(theme.NewWarningThemedResource(theme.WarningIcon()), uiwidget.NewWrapping(words.T("register.dpg.prompt")))
		mark := uiwidget.NewButton(words.T("register.dpg.mark"), theme.ConfirmIcon(), func() { v.askDPG(c) })
		mark.Importance = widget.LowImportance
		items = append(items, prompt, container.NewHBox(mark))
	}

	if c.File != nil {
		file := c.File.Path
		reveal := newRevealButton(v.f, func() string { return file })
		reveal.Importance = widget.LowImportance
		reveal.Alignment = widget.ButtonAlignLeading
		items = append(items, reveal)
	}
	items = append(items, v.handOver(c), technicalDetails(c))

	calendarButton := uiwidget.NewButton(words.T("register.calendar"), theme.CalendarIcon(), func() { v.saveCalendar(c) })
	remove := uiwidget.NewButton(words.T("register.remove"), theme.DeleteIcon(), func() { v.confirmRemove(c) })
	remove.Importance = widget.LowImportance
	if !inUse {
		calendarButton.Disable() // nothing ahead to remind of
	}
	items = append(items, container.NewHBox(calendarButton, layout.NewSpacer(), remove))
	return widget.NewCard("", "", container.NewVBox(items...))
}

// handOver is what other places ask for, folded away: the public
// certificate saved beside the file, the identifiers to copy, and a copy
// of the .p12 with its own password for someone else (its password shown
// in a dialog: the list is drawn again when the register records it).
func (v *certificatesView) handOver(c register.Certificate) fyne.CanvasObject {
	src, ok := registeredSource(v.f, c)
	var acc *widget.Accordion
	relayout := func() { acc.Refresh() }
	body := container.NewVBox(newPublicActions(v.f, src, renewal.Identifiers(c), nil, relayout))
	if ok {
		body.Add(widget.NewSeparator())
		body.Add(newHandOverRow(v.f, c, src, "", true, relayout, nil))
	}
	acc = widget.NewAccordion(widget.NewAccordionItem(words.T("register.handover.title"), body))
	return acc
}

// recordLines say what Fornyer has done for the certificate (password
// saved, backups verified, receipts written) and, with a warning, what is
// still undone of those (core's status).
func (v *certificatesView) recordLines(c register.Certificate, status register.Status, l string) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	done := theme.NewSuccessThemedResource(theme.ConfirmIcon())
	undone := func(text string) {
		out = append(out, uiwidget.WithIcon(theme.NewWarningThemedResource(theme.WarningIcon()), uiwidget.NewWrapping(text)))
	}
	if status.PasswordSaved {
		out = append(out, uiwidget.WithIcon(done, uiwidget.NewWrapping(v.f.vaultText("register.password_saved", nil))))
	}
	if latest, ok := c.LatestBackup(); ok {
		out = append(out, uiwidget.WithIcon(done, uiwidget.NewWrapping(words.T("register.backups", map[string]any{"Count": len(c.Backups), "Date": msg.Date(l, latest.VerifiedAt.Local())}))))
	}
	if n := len(c.Receipts); n > 0 {
		out = append(out, uiwidget.WithIcon(done, uiwidget.NewWrapping(words.T("register.receipt", map[string]any{"Date": msg.Date(l, c.Receipts[n-1].At.Local())}))))
	}
	for _, t := range status.Todo {
		switch t {
		case register.TodoPassword:
			if !status.PasswordGone {
				undone(v.f.vaultText("register.todo.password", nil))
				continue
			}
			// Saved once, and no longer in the store (Z20): said so, with
			// the way to save it again, checking the file with it.
			undone(v.f.vaultText("register.password_gone", nil))
			path := ""
			if c.File != nil {
				path = c.File.Path
			}
			check := uiwidget.NewButton(words.T("register.password_gone.check"), theme.ConfirmIcon(), func() { v.f.checkFile(path) })
			check.Importance = widget.LowImportance
			out = append(out, container.NewHBox(check))
		case register.TodoBackup:
			undone(words.T("register.todo.backup"))
		case register.TodoReceipt:
			undone(words.T("register.todo.receipt"))
		}
	}
	for _, h := range c.HandOvers {
		out = append(out, uiwidget.WithIcon(done, uiwidget.NewWrapping(words.T("register.handover", map[string]any{"To": safetext.Line(h.To), "Date": msg.Date(l, h.At.Local())}))))
	}
	return out
}

// renew opens the guide at its first card, for renewing a certificate
// about to expire.
func (v *certificatesView) renew(c register.Certificate) {
	if g := v.f.guide; g != nil {
		g.renew(c)
	}
}

// technicalDetails holds what an administrator may need to tell a
// certificate apart or find its file, folded away.
func technicalDetails(c register.Certificate) fyne.CanvasObject {
	lines := []string{
		words.T("register.details.fingerprint", map[string]any{"Value": c.SHA256}),
	}
	if c.Serial != "" {
		lines = append(lines, words.T("register.details.serial", map[string]any{"Value": c.Serial}))
	}
	if c.UUID != "" {
		lines = append(lines, words.T("register.details.uuid", map[string]any{"Value": c.UUID}))
	}
	if c.File != nil {
		lines = append(lines, words.T("register.details.file", map[string]any{"Value": safetext.Line(c.File.Path)}))
	}
	for _, b := range c.Backups {
		lines = append(lines, words.T("register.details.backup", map[string]any{"Value": b.Path}))
	}
	for _, r := range c.Receipts {
		lines = append(lines, words.T("register.details.receipt", map[string]any{"Value": r.Path}))
	}
	box := container.NewVBox()
	for _, line := range lines {
		// Selectable: the lines are copied as they are, so no break is
		// put into a path; a fingerprint or path wider than the window
		// wraps inside it.
		label := uiwidget.NewWrapping(line)
		label.Selectable = true
		box.Add(label)
	}
	return widget.NewAccordion(widget.NewAccordionItem(words.T("register.details"), box))
}

// link is a button that opens another certificate of the same line.
func (v *certificatesView) link(icon fyne.Resource, text, sha string) fyne.CanvasObject {
	b := uiwidget.NewButton(text, icon, func() { v.openCard(sha) })
	b.Importance = widget.LowImportance
	b.Alignment = widget.ButtonAlignLeading
	return b
}

func kindText(kind string) string { return words.T(oces.KindKey(kind)) }

func environmentText(env string) string { return words.T(oces.EnvironmentKey(env)) }

// showRegisterError shows a failed change above the list and in a dialog.
func (v *certificatesView) showRegisterError(err error) {
	v.setNotice(err)
	v.refreshCard()
	uiwidget.ShowInformation(v.f.win, words.T("tab.certificates"), words.Sentence(err))
}

func (v *certificatesView) confirmRemove(c register.Certificate) {
	l := words.Language()
	body := words.T("register.remove.body", map[string]any{"Organization": safetext.Line(c.Organization), "Date": msg.Date(l, c.NotAfter.Local())})
	message := uiwidget.NewWrapping(body)
	d := uiwidget.NewDangerConfirm(words.T("register.remove.title"), words.T("register.remove.confirm"), words.T("register.cancel"), message, func(ok bool) {
		if !ok {
			return
		}
		// The register writes and syncs its file: off the UI thread.
		flow := v.f.flow()
		v.f.background(func() {
			// Each store call is bounded by the vault's limit.
			removed, err := flow.Forget(context.Background(), c.SHA256)
			if removed.SHA256 == "" { // the register refused: nothing was forgotten
				if err != nil {
					fyne.Do(func() { v.showRegisterError(err) })
				}
				return
			}
			if err != nil {
				fyne.LogError("forgetting the hand-over passwords", err)
			}
			for _, s := range removed.Scheduled {
				if err := v.f.app.CancelScheduledNotification(s.ID); err != nil {
					fyne.LogError("cancelling a reminder", err)
				}
			}
		})
	}, v.f.win)
	showDangerConfirm(v.f.win, d)
}

// saveCalendar writes the calendar file into the user's Documents as a new
// file, without asking where (a folder question before a calendar is one
// question too many); only if that fails is a folder asked for. A save
// dialog would create (or overwrite) the file itself, outside
// core/safefile's rules.
func (v *certificatesView) saveCalendar(c register.Certificate) {
	l := words.Language()
	write := func(dir string, failed func()) {
		v.f.background(func() {
			path, werr := writeCalendar(dir, c, l, v.f.now())
			fyne.Do(func() {
				if werr != nil {
					fyne.LogError("writing the calendar file", werr)
					failed()
					return
				}
				v.offerCalendar(path)
			})
		})
	}
	write(receipt.DocumentsDir(), func() {
		pick := uiwidget.Pick{Title: words.T("register.calendar.where"), Folder: true, StartDir: receipt.DocumentsDir()}
		uiwidget.Choose(v.f.win, pick, func(dir string) {
			if dir == "" {
				return
			}
			write(dir, func() {
				uiwidget.ShowInformation(v.f.win, words.T("register.calendar"), words.T("register.calendar.failed"))
			})
		})
	})
}

// offerCalendar says where the calendar file is and offers to open it: the
// system hands an .ics file to the calendar (Outlook, Calendar), which
// asks to add the reminders. A plain dialog: Fyne's confirmation carries a
// big question mark that asks nothing.
func (v *certificatesView) offerCalendar(path string) {
	text := uiwidget.NewWrapping(words.T("register.calendar.saved", map[string]any{"Path": path}))
	d := uiwidget.NewConfirm(words.T("register.calendar"), words.T("register.calendar.open"), words.T("register.calendar.close"), text, func(open bool) {
		if !open {
			return
		}
		v.f.background(func() {
			if err := v.f.open(uiwidget.File, path); err != nil {
				fyne.LogError("opening "+path, err)
				fyne.Do(func() {
					uiwidget.ShowInformation(v.f.win, words.T("register.calendar"), words.T("register.calendar.not_opened", map[string]any{"Path": path}))
				})
			}
		})
	}, v.f.win)
	uiwidget.ShowDialog(v.f.win, d, fyne.NewSize(min(420, v.f.win.Canvas().Size().Width-20), 0))
}

// writeCalendar writes c's calendar file into dir, never over a file that
// is there, and returns its path.
func writeCalendar(dir string, c register.Certificate, l string, now time.Time) (string, error) {
	name := msg.T(l, "register.calendar.filename", map[string]any{"Organization": safetext.FileName(c.Organization)})
	return safefile.WriteNew(dir, name, calendar.ICS(c, l, now))
}

func (v *certificatesView) askDPG(c register.Certificate) {
	v.f.markDPG(c.SHA256, func(err error) {
		if err != nil {
			v.showRegisterError(err)
		}
	})
}

// markDPG asks who installed the certificate in DPG and records it (core's
// name rule, renewal.InstallerName, keeps "Record" greyed until the name
// is one); done is told on the UI thread, with the error if the register
// refused it. "Mark as installed" in My certificates and on the Check tab.
func (f *frame) markDPG(sha string, done func(error)) {
	who := uiwidget.NewEntry() // Escape closes the dialog
	who.SetPlaceHolder(words.T("register.dpg.mark.who.placeholder"))
	who.Validator = func(s string) error {
		if _, err := renewal.InstallerName(s); err != nil {
			return errors.New(words.Sentence(err))
		}
		return nil
	}
	d := dialog.NewForm(words.T("register.dpg.mark.title"), words.T("register.dpg.mark.confirm"), words.T("register.cancel"),
		[]*widget.FormItem{widget.NewFormItem(words.T("register.dpg.mark.who"), who)},
		func(ok bool) {
			if !ok {
				return
			}
			by := who.Text
			f.background(func() {
				err := recordDPGInstalled(f, sha, by)
				fyne.Do(func() { done(err) })
			})
		}, f.win)
	who.OnSubmitted = func(string) { d.Submit() } // Enter records, as the button does
	// Wide enough for a name, within the narrow window.
	uiwidget.ShowDialog(f.win, d, fyne.NewSize(min(420, f.win.Canvas().Size().Width-20), d.MinSize().Height))
	f.win.Canvas().Focus(who)
}

// readWhole reads the rest of the register once the first frame is shown
// (renewal.OpenFirst read only what the first card needs), off the UI
// thread; the register's watchers then draw every screen from the whole.
// Until then whatever needs the whole register waits for it in core.
func (f *frame) readWhole() {
	if f.register == nil {
		return
	}
	f.background(func() {
		defer StartPiece("register-whole")()
		f.register.LoadWhole()
	})
}
