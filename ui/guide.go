package ui

import (
	"net/url"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/renewal"
	"github.com/fornyer/fornyer/core/safetext"
	"github.com/fornyer/fornyer/core/vault"
	"github.com/fornyer/fornyer/ui/scene"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
	"github.com/fornyer/fornyer/ui/words"
)

// The renewal guide: one card at a time from core/guide's steps, a stepper
// above, Back and Done below. The card is rebuilt from the data whenever
// the progress changes, so a new step needs no code here.

// guideState is the guide screen and the renewal's progress. It outlives a
// rebuild of the window (a change of language) through frame.guide.
type guideState struct {
	f        *frame
	path     string
	progress guide.Progress
	notice   string // a load or save problem, shown above the card until the next step
	saver    *progressSaver

	stepper  *fyne.Container
	position *widget.Label
	scroll   *container.Scroll
	back     *uiwidget.Button
	done     *uiwidget.Button
	reset    *uiwidget.Button // "Start a new renewal", beside Help
	buttons  *fyne.Container  // Back and Done: laid out again when Done's words change
	hint     *widget.Label
	// action is the card's main action in the action bar, below the
	// scrolling card with Back and Done (setAction); empty on a card
	// whose main action is Done.
	action *fyne.Container
	// ahead is the card's next action that Done does not wait for (the
	// summary's receipt): it, not Done, gets the keyboard when a dialog
	// closes; nil for none.
	ahead  fyne.Focusable
	screen *fyne.Container // the screen: stepper, card and action bar
	// news is what the card's task found (the file checked), set while
	// the card is drawn: shown right under the heading.
	news []fyne.CanvasObject
	// copiesGone is the last look at the copies made for others
	// (renewal.CopiesGone): the files no longer where they were made.
	copiesGone map[string]bool
	// storeLookedAt is the card that says whether the password is saved
	// (saysSaved) which, drawn, has had the store's list read again
	// since the guide arrived on it; "" on any other card.
	storeLookedAt string
	// picture is the card's layout when it has a picture (pictureLayout),
	// and cardBox the card it lays out: laid out again when the view's
	// height moves the picture (viewResized).
	picture *pictureLayout
	cardBox *fyne.Container
	bar     *fyne.Container // the action bar with the hint, Back and Done
	// doneNext gives the keyboard to Done once Done is enabled: the
	// password was saved from the field, now hidden, that had it.
	doneNext bool
	dots     []*uiwidget.StepperDot // the stepper's, one Tab stop
	// drawnStep is the step whose card is drawn (keepFocus).
	drawnStep string
	// focusAfter, set while a card is drawn, gives the keyboard to the
	// control the card chose once it is drawn (keepFocus).
	focusAfter func()
	// arrivalField, set while a card is drawn, is the empty field its
	// task waits for: the keyboard goes there when the card is arrived at
	// (keepFocus), not through the card's links first (Z2).
	arrivalField fyne.Focusable
	// added is the place just added on card 3, and its box once drawn.
	added struct {
		id  string
		box fyne.CanvasObject
	}

	copied *copiedOffer // the password card's clipboard offer, while that card is built
	// resumedOnPassword says that the window started on the password
	// card, opened before a restart, until its clipboard offer starts
	// watching (copiedOffer.newWatch).
	resumedOnPassword bool
	// warning is the password card's warning while the password is not
	// saved (passwordWarning), hidden once it is saved on the card.
	warning fyne.CanvasObject
	// saverBusy says the password card's field is saving or has saved
	// (nil when the card holds none).
	saverBusy func() bool
	// drawn is the renewal's facts the card was drawn with (drawnFacts):
	// the card is drawn again when they change.
	drawn guide.Facts
	// standingFor is what of the progress the window's reminders were
	// drawn for (renewal.StandingKey); nil before the first card.
	standingFor *renewal.StandingKey
	// laidOutLater says that the screen being built is in no window yet
	// and that setting the window's content will lay it out, at its size:
	// the first card at the window's start (build). show and update then
	// leave out their passes over the screen (every widget refreshed and
	// laid out at no size), which only the setting of the content would
	// undo: a few milliseconds before the first frame.
	laidOutLater bool
}

// guideProgressPath is where the progress is kept: the app's own storage.
func guideProgressPath(f *frame) string { return progressPathIn(f.app) }

// progressPathIn is the guide's progress file in the app's storage.
func progressPathIn(a fyne.App) string {
	return filepath.Join(a.Storage().RootURI().Path(), guide.FileName)
}

func newGuideScreen(f *frame) fyne.CanvasObject {
	g := f.guide
	if g == nil {
		g = &guideState{f: f, path: guideProgressPath(f)}
		p, err := guide.Load(g.path, f.now())
		g.progress = p
		g.resumedOnPassword = err == nil && p.Step().Task == guide.TaskPassword
		if err != nil {
			fyne.LogError("loading guide progress", err)
			g.notice = words.T("guide.load_error")
		}
		g.saver = &progressSaver{path: g.path, flow: f.flow, failed: func(err error) {
			fyne.LogError("saving guide progress", err)
			g.notice = words.T("guide.save_error")
			g.show()
		}}
		f.guide = g
		if f.register != nil {
			// The register is the truth for what was done with the renewed
			// certificate: a change on any screen shows here.
			f.register.Watch("guide", func() { fyne.Do(g.factsChanged) })
		}
	}
	bindGuideKeys(f)
	if f.win != nil {
		uiwidget.SetMainAction(f.win, g.mainAction)
	}
	return g.build()
}

// mainAction is what the card asks of the user now, for the keyboard when
// the control it was on is gone (a dialog closed, a pressed button went):
// the next action Done does not wait for (ahead), else Done once the card
// may be done, else the card's action in the bar; nil while another tab is
// shown.
func (g *guideState) mainAction() fyne.Focusable {
	if g.f.tabs == nil || g.f.tabs.SelectedIndex() != guideTab {
		return nil
	}
	if g.ahead != nil {
		return g.ahead
	}
	if !g.done.Disabled() {
		return g.done
	}
	if g.action.Visible() {
		return uiwidget.FirstControl(g.action)
	}
	return nil
}

// build makes the screen's widgets; show fills them from the progress.
func (g *guideState) build() fyne.CanvasObject {
	g.stepper = container.New(uiwidget.StepperLayout{Gap: 2})
	g.position = widget.NewLabel("")
	g.position.SizeName = theme.SizeNameCaptionText
	g.position.Truncation = fyne.TextTruncateEllipsis
	help := uiwidget.NewButton(words.T("guide.help"), theme.HelpIcon(), g.showHelp)
	help.Importance = widget.LowImportance
	g.reset = uiwidget.NewButton(words.T("guide.new_renewal"), theme.ViewRefreshIcon(), g.confirmReset)
	top := container.NewVBox(
		g.stepper,
		container.NewBorder(nil, nil, nil, container.NewHBox(g.reset, help), g.position),
		widget.NewSeparator(),
	)

	g.back = uiwidget.NewButton(words.T("guide.back"), theme.NavigateBackIcon(), g.goBack)
	g.done = uiwidget.NewButton(words.T(g.progress.Step().DoneKey()), theme.ConfirmIcon(), g.complete)
	g.done.Importance = widget.HighImportance
	g.done.IconPlacement = widget.ButtonIconTrailingText
	g.hint = uiwidget.NewWrapping("")
	g.hint.SizeName = theme.SizeNameCaptionText
	g.hint.Alignment = fyne.TextAlignTrailing
	// Done before Back in the Tab order, Back still on the left: on a
	// card without a control of its own the first Tab reaches Done, and
	// Tab then Enter after a card's last control goes on, not back (Z1).
	g.buttons = container.New(layout.NewBorderLayout(nil, nil, g.back, g.done), g.done, g.back)
	g.action = container.NewVBox()
	// The action bar: fixed below the card, which scrolls, so that the
	// card's main action, Back and Done are on screen on a laptop's short
	// window however long the card is.
	g.bar = container.NewVBox(
		widget.NewSeparator(),
		g.action,
		g.hint,
		g.buttons,
	)
	bottom := g.bar

	g.scroll = container.NewVScroll(widget.NewLabel(""))
	g.f.followFocus(g.scroll)
	// The card first, then its buttons, then the top: the order of the
	// objects is the order Tab visits them, so the first Tab reaches the
	// card's first control (or Done on a card without one), not the step
	// dots above it or the bottom of the window. The card's main action,
	// in the action bar, comes after the card and before Back and Done.
	g.screen = container.New(&afterLayout{layout.NewBorderLayout(top, bottom, nil, nil), g.viewResized}, g.scroll, bottom, top)
	g.laidOutLater = g.f.starting
	g.show()
	g.laidOutLater = false
	return g.screen
}

// show fills the screen from the progress: stepper, card, buttons. The
// keyboard keeps its place (keepFocus).
func (g *guideState) show() {
	defer g.keepFocus()()
	p := &g.progress
	step := p.Step()
	i := p.Index()
	g.stepper.Objects = nil
	var dots []*uiwidget.StepperDot
	for j, s := range guide.Steps {
		if j > 0 && guide.Steps[j-1].Phase != s.Phase {
			g.stepper.Add(uiwidget.NewStepperGap())
		}
		dots = append(dots, g.dot(j, s))
		g.stepper.Add(dots[len(dots)-1])
	}
	g.stepper.Add(uiwidget.LinkDots(dots)) // the focus ring, drawn after the dots
	g.dots = dots
	g.refresh(g.stepper)
	g.position.SetText(positionText(step, i))
	if t := words.T(step.DoneKey()); g.done.Text != t {
		g.done.SetText(t)
		g.refresh(g.buttons)
	}

	if g.copied != nil { // the card is replaced: its clipboard polling ends
		g.copied.halt()
		g.copied = nil
	}
	g.saverBusy = nil
	g.doneNext = false
	g.drawn = drawnFacts(g.facts())
	g.action.Objects, g.ahead = nil, nil // the card about to be drawn sets its own
	g.scroll.Content = uiwidget.ClearOfScrollBar(g.card(step))
	// "Just added" lives for one drawing: a place added on a card that
	// does not draw the add row (the switch-over card once it has a
	// list) must not pull card 3's keyboard to it later.
	g.added.id, g.added.box = "", nil
	g.refresh(g.scroll)
	g.action.Hidden = len(g.action.Objects) == 0 // no room taken on a card whose main action is Done
	g.update()
	// Once the user has begun, the renewed certificate's reminder gives
	// way to the card (renewal.Standing): drawn again when what of the
	// progress it reads changed, not on every card.
	if k := renewal.StandingKeyOf(p); g.standingFor == nil || *g.standingFor != k {
		g.standingFor = &k
		g.f.drawStanding()
	}
	// The bar's action and hint are laid out at the bar's width before the
	// bar is measured: a line that wraps (what the portal asks for beside
	// Show and Copy, why an action waits, the hint) knows its height only
	// then. Measured before, at the width of an earlier card or none, it
	// was one line short, and the bar pushed Back and Done below the
	// window's edge (card 17 at 1366x768).
	g.refresh(g.bar)
	g.refresh(g.screen) // the bar's height follows its action and hint
	if step.Task == guide.TaskSummary {
		g.lookAtCopies()
	}
	if saysSaved(step) {
		if g.storeLookedAt != step.ID {
			// Arrived: whether the password is still in the store is
			// read again (Z20, walk W14), once; the read draws the
			// card again if it changed.
			g.storeLookedAt = step.ID
			g.f.readPasswords()
		}
	} else {
		g.storeLookedAt = ""
	}
}

// saysSaved reports whether the card says whether the password is saved
// in the store: the password card and the summary, whose word is read
// from the store again when they are arrived at or their tab is opened.
func saysSaved(step guide.Step) bool {
	return step.Task == guide.TaskPassword || step.Task == guide.TaskSummary
}

// settle lays the screen out once more, at its size, after the window's
// first layout of it (frame.setContent): a line that wraps in the
// action bar (the hint, why an action waits) knows its height only once it
// is laid out at the bar's width, which that layout does after measuring
// the bar, and the bar was one line short, Back and Done below the
// window's edge, until the card was next drawn (review S10). Only the
// screen's own layout is done again: the widgets are drawn already.
func (g *guideState) settle() {
	g.screen.Layout.Layout(g.screen.Objects, g.screen.Size())
}

// refresh draws o again, unless the screen is laid out later (laidOutLater).
func (g *guideState) refresh(o fyne.CanvasObject) {
	if !g.laidOutLater {
		o.Refresh()
	}
}

// keepFocus notes where the keyboard is on the screen, about to be drawn
// again, and returns what gives it back: on the step dots, to the dots'
// stop (the card jumped to); on the card drawn again, to the same control
// (the button just pressed), else to the card's main action; on another
// card to Back if it had it, else nowhere; or where the card that drew
// itself asked for it (focusAfter); on arriving at a card whose task waits
// for an empty field, to that field (arrivalField). Otherwise nothing moves
// when the keyboard was elsewhere (another tab, a dialog) or nowhere.
func (g *guideState) keepFocus() func() {
	if g.f.win == nil {
		return func() {}
	}
	c := g.f.win.Canvas()
	_, onDot := c.Focused().(*uiwidget.StepperDot)
	onDot = onDot && slices.Contains(g.dots, c.Focused().(*uiwidget.StepperDot))
	spot, onScreen := uiwidget.SpotIn(c, g.screen)
	sameCard := g.drawnStep == g.progress.Current
	g.focusAfter, g.arrivalField = nil, nil
	nowhere := c.Focused() == nil
	return func() {
		g.drawnStep = g.progress.Current
		switch {
		case g.focusAfter != nil:
			g.focusAfter()
			g.focusAfter = nil
		case onDot:
			uiwidget.TakeFocus(c, g.dots)
		case !sameCard && g.ahead != nil && g.mainAction() == fyne.Focusable(g.ahead):
			// Another card whose main action is its own (the summary's
			// receipt, its one blue button), however Done was pressed:
			// the keyboard goes to it, so that Enter makes the receipt,
			// not Done again (Z4).
			c.Focus(g.ahead)
		case !sameCard && g.arrivalField != nil && (onScreen || nowhere) && g.f.tabs != nil && g.f.tabs.SelectedIndex() == guideTab:
			c.Focus(g.arrivalField)
		case onScreen && sameCard:
			// The same control drawn again (the button just pressed, the
			// field typed in); when it is gone ("Installed in DPG", "Note
			// them again"), the card's main action, not the control drawn
			// at its place: Enter pressed that, and the space Fyne types
			// after Space's key ticked or un-ticked it (X7, X9).
			if !spot.Again(c, g.screen) {
				if x := g.mainAction(); x != nil {
					c.Focus(x)
				} else {
					spot.Restore(c, g.screen)
				}
			}
		case onScreen && c.Focused() == fyne.Focusable(g.back) && g.back.Disabled():
			// Back to the first card, where Back is disabled: the
			// keyboard was on a button that takes nothing, unseen, and
			// Enter did nothing (Y5). It goes to the card's main action,
			// with its ring in view.
			if x := g.mainAction(); x != nil {
				c.Focus(x)
			} else {
				c.Unfocus()
			}
		case onScreen && c.Focused() == fyne.Focusable(g.back):
			// Back keeps the keyboard: Enter goes back again.
		case onScreen:
			// Another card (Done, or Enter on a tick): the keyboard is
			// nowhere, so the next Tab starts at the new card's first
			// control (from Done it went on to the dots and Help, X1),
			// and Enter is Done again (guideKey).
			c.Unfocus()
		}
	}
}

// update shows what a change on the card allows (Done, the hint) without
// rebuilding the card, so that what the user typed there stays.
func (g *guideState) update() {
	p := &g.progress
	step := p.Step()
	i := p.Index()
	f := g.facts()
	for _, o := range g.stepper.Objects {
		g.refresh(o)
	}
	g.back.Enable()
	if i == 0 {
		g.back.Disable()
	}
	g.leadOnce()
	err := p.CanComplete(step, f)
	switch {
	case p.Finished(f):
		g.done.Disable()
		g.hint.Hide()
	case err != nil:
		g.done.Disable()
		g.hint.SetText(words.Sentence(err))
		g.hint.Show()
	default:
		g.done.Enable()
		g.hint.Hide()
		if g.doneNext {
			g.doneNext = false
			g.f.focus(g.done)
		}
	}
}

// leadOnce makes Done the screen's one blue button, unless the action bar
// holds a blue button of the card's own that can be pressed (the summary's
// receipt): then Done is drawn plain, so that one action leads.
func (g *guideState) leadOnce() {
	importance := widget.HighImportance
	if leads(g.action) {
		importance = widget.MediumImportance
	}
	if g.done.Importance != importance {
		g.done.Importance = importance
		g.done.Refresh()
	}
}

// leads says whether o is, or holds, a blue button that is shown and can
// be pressed.
func leads(o fyne.CanvasObject) bool {
	if !o.Visible() {
		return false
	}
	switch x := o.(type) {
	case *uiwidget.Button:
		return x.Importance == widget.HighImportance && !x.Disabled()
	case *fyne.Container:
		return slices.ContainsFunc(x.Objects, leads)
	}
	return false
}

// relayoutScreen lays the screen out again after a line or button showed
// or hid on the card or in the action bar: the bar's height, and the
// card's, follow.
func (g *guideState) relayoutScreen() {
	g.screen.Refresh()
	g.relayout()
}

// setAction puts the card's main action in the action bar; the card's
// builders call it while the card is drawn.
func (g *guideState) setAction(o fyne.CanvasObject) {
	g.action.Objects = []fyne.CanvasObject{o}
}

// actionRow is a main action's buttons at the right of the bar and, at
// their left, why while they wait: one short line, shown while why is
// visible (nil for none).
func actionRow(why *widget.Label, buttons ...fyne.CanvasObject) *fyne.Container {
	right := container.NewHBox(buttons...)
	if why == nil {
		return container.NewBorder(nil, nil, nil, right)
	}
	return container.NewBorder(nil, nil, nil, right, why)
}

// newWhy is the line that says why a main action waits, beside it.
func newWhy(text string) *widget.Label {
	why := uiwidget.NewWrapping(text)
	why.SizeName = theme.SizeNameCaptionText
	why.Alignment = fyne.TextAlignTrailing
	return why
}

// positionText is where the user is: the app's step number and the phase.
// One number only: the highlighted dot shows it, and Fornyer's sentences
// name steps by it ("the password saved on step 12"); Timengo's guide's own
// number beside it made "step 8" mean two cards (W15, U20).
func positionText(step guide.Step, i int) string {
	return words.T("guide.stepper.position", map[string]any{"N": i + 1, "Total": len(guide.Steps)}) +
		" · " + words.T("guide.phase."+string(step.Phase))
}

// card is the current step: illustration, title, text, warnings, task,
// links, and the way out.
func (g *guideState) card(step guide.Step) fyne.CanvasObject {
	box := container.NewVBox()
	if g.notice != "" {
		n := uiwidget.NewWrapping(g.notice)
		n.Importance = widget.DangerImportance
		box.Add(n)
	}
	facts := g.facts()
	if g.progress.Finished(facts) {
		data := map[string]any{
			"Date": msg.Date(words.Language(), facts.DPGInstalledAt.Local()),
			"Name": facts.DPGInstalledBy,
		}
		// Never "complete" while the summary lists what is still to do;
		// that is said once, on the summary, where "Still to do" is, not
		// above every card looked at again (W18).
		if len(g.summarize().Undone) > 0 {
			if step.Task == guide.TaskSummary {
				box.Add(uiwidget.NewBanner(theme.ColorNameWarning, theme.WarningIcon(), "", words.T("guide.finished_undone", data)))
			}
		} else {
			box.Add(uiwidget.NewBanner(theme.ColorNameSuccess, theme.ConfirmIcon(), "", words.T("guide.finished", data)))
		}
	}
	// Further ahead of the guide (X18), or before the portal (Y14): the
	// file was checked on an earlier card; its question comes
	// first, above the card's picture. The download card asks it as its
	// task; the password card leaves it to the download card, next, and
	// keeps its own news (saved, or what to do) where it is read first.
	g.warning = nil
	if step.Task == guide.TaskPassword {
		if g.warning = g.passwordWarning(facts); g.warning != nil {
			box.Add(g.warning)
		}
	}
	if a := g.f.waiting(); a != nil && renewal.AsksOnCard(&g.progress) {
		box.Add(widget.NewCard("", "", container.NewVBox(g.asked(a, facts), a.answerRow())))
	}
	settled := step.Settled(facts)
	if settled {
		// Done already, wherever that became true (X22): said first, on
		// screen at 125 % too, and the bar goes on past the task.
		box.Add(g.settled(step, facts))
	}
	var picture fyne.CanvasObject
	if step.Illustration != "" {
		picture = scene.New(step.Illustration)
		box.Add(picture)
	}
	g.cardBody(box, step, facts, picture, settled)
	g.showReset(facts)
	return container.NewPadded(box)
}

// cardBody adds the card's words, its helpers and task, then further
// reading, to box, which holds the picture (nil: none) last; the task's
// news goes right under the heading.
func (g *guideState) cardBody(box *fyne.Container, step guide.Step, facts guide.Facts, picture fyne.CanvasObject, settled bool) {
	words0 := len(box.Objects)
	g.cardWords(box, step, facts)
	wordsEnd := len(box.Objects)
	g.picture, g.cardBox, g.news = nil, box, nil
	reading := g.links(step.Links, settled)
	if len(step.Helpers) > 0 {
		// What the portal asks for (the file, shown in its folder) is
		// read with the words: the picture gives way to it too (card 17
		// at 100 % on a laptop: "Show the file in its folder" below the
		// fold under the picture).
		box.Add(g.helpers(step.Helpers))
		wordsEnd = len(box.Objects)
	}
	if step.Aside != nil {
		box.Add(g.aside(step.Aside))
	}
	if task := g.task(step); task != nil {
		box.Add(task)
	}
	// Further reading (a video guide) after what the card asks the user
	// to do: on a short view (125 % on a laptop) the file the portal asks
	// for stood below the fold under it (Y8, card 17).
	for _, b := range reading {
		box.Add(b)
	}
	if step.Task == guide.TaskDPG {
		box.Add(g.contact())
	}
	if len(g.news) > 0 {
		// What the card's task found (the file checked) right under the
		// heading, read first whatever the view's height (Y8: 4 px short
		// of the view at 125 %, below "VERY IMPORTANT").
		box.Objects = slices.Insert(box.Objects, words0+1, g.news...)
		wordsEnd += len(g.news)
	}
	if picture != nil {
		// Too short a view for the picture and these words: the words
		// first (X13, 125 % on a laptop).
		g.picture = &pictureLayout{picture: picture, words: slices.Clone(box.Objects[words0:wordsEnd]), room: func() float32 { return g.scroll.Size().Height }}
		box.Layout = g.picture
	}
}

// links are the card's links for further reading; the portal the card
// sends the user to goes in the action bar, on screen at 125 % too, where
// it fell below the picture (W12), unless the card is settled (its bar
// goes on), when it is read with the rest.
func (g *guideState) links(links []guide.Link, settled bool) []fyne.CanvasObject {
	var reading []fyne.CanvasObject
	for _, l := range links {
		b := g.linkButton(words.T(l.Key), l.URL)
		if l.Main && !settled {
			b.Alignment = widget.ButtonAlignCenter
			g.setAction(actionRow(nil, b))
			continue
		}
		reading = append(reading, b)
	}
	return reading
}

// settled says that the task the card is a part of is done already (the
// installation in DPG recorded on the Check tab, say: guide.Step.Settled),
// and puts "Go on to step N", past the task, in the action bar.
func (g *guideState) settled(step guide.Step, facts guide.Facts) fyne.CanvasObject {
	past := guide.PastTask(step.Within)
	goOn := uiwidget.NewButton(words.T("guide.settled.go_on", map[string]any{"Step": guide.Index(past) + 1}), theme.NavigateNextIcon(), func() { g.goTo(past) })
	goOn.Importance = widget.HighImportance
	g.setAction(actionRow(nil, goOn))
	return uiwidget.SuccessLine(words.T("guide.settled."+string(step.Within), map[string]any{
		"Date": msg.Date(words.Language(), facts.DPGInstalledAt.Local()),
		"Name": facts.DPGInstalledBy,
	}))
}

// showReset shows "Start a new renewal" beside Help once the renewal is
// under way in the portal (guide.Progress.UnderWay), plainer once it is
// finished. It is in the header, not at the card's foot: there it came
// before the card's main action in the Tab order, and a keyboard user
// passed it on every card on the way to the action bar.
func (g *guideState) showReset(facts guide.Facts) {
	g.reset.Importance = widget.LowImportance
	if g.progress.Finished(facts) {
		g.reset.Importance = widget.MediumImportance
	}
	g.reset.Hidden = !g.progress.UnderWay() // before the portal there is nothing to start again
	g.reset.Refresh()
}

func (g *guideState) linkButton(text, address string) *uiwidget.Button {
	b := uiwidget.NewButton(text, theme.ComputerIcon(), func() {
		g.openURL(text, address)
		// The portal opens in the browser; back here, the next Enter is
		// Done, not the same link again (Y5: Enter after "Open MitID
		// Erhverv" opened the portal a second time).
		if !g.done.Disabled() && g.f.win != nil {
			g.f.win.Canvas().Focus(g.done)
		}
	})
	b.Alignment = widget.ButtonAlignLeading
	return b
}

// openURL opens a portal's address in the browser; when none opens, a
// dialog named after the link says so and gives the address to copy.
func (g *guideState) openURL(link, address string) { g.openAs(uiwidget.Address, link, address) }

// openAs opens the target through the window's one way to open, off the UI
// thread; when nothing opens, a dialog named after the link says so.
func (g *guideState) openAs(what uiwidget.Target, link, address string) {
	f := g.f
	f.background(func() {
		if err := f.open(what, address); err != nil {
			fyne.LogError("opening "+address, err)
			fyne.Do(func() {
				uiwidget.ShowInformation(f.win, link, words.Sentence(err))
			})
		}
	})
}

// task is the work a step holds, or nil.
func (g *guideState) task(step guide.Step) fyne.CanvasObject {
	p := &g.progress
	f := g.facts()
	switch step.Task {
	case guide.TaskPassword:
		return g.passwordTask(f)
	case guide.TaskDownload:
		if f.FileChecked {
			// The password card's password does not open the file: said
			// here too, not only by its dot turning grey (W16).
			shown := g.savedWrongNotice(f)
			g.news = append(g.news, uiwidget.SuccessLine(words.T("guide.download.checked")))
			// The backup, until it is made (core decides), is the card's
			// main action in the action bar: on screen on a laptop however
			// long the card above it is. The receipt is the summary's.
			if f.FileNext() == guide.NextBackup {
				// Done waits for the backup or the tick that puts it off.
				later := newGuideCheck(g, words.T("guide.download.backup_later"), p.BackupLater, func(on bool) {
					p.SetBackupLater(on)
					g.saved()
				})
				g.setAction(container.NewVBox(actionRow(nil, g.backupButton()), later))
				return container.NewVBox(append(shown, g.revealChecked())...)
			}
			return container.NewVBox(append(shown, g.backedUpLine(f), g.fileActions(true))...)
		}
		skip := newGuideCheck(g, words.T("guide.download.skip"), p.FileSkipped, func(on bool) {
			p.SetFileSkipped(on)
			g.saved()
		})
		if a := g.f.waiting(); a != nil {
			// A step ahead: the file was checked on the Check tab and only
			// its question is left. It is asked here, its answer in the
			// action bar (X2); no skip beside it (core: OffersSkip).
			g.setAction(a.answerRow())
			box := container.NewVBox(g.asked(a, f))
			if p.OffersSkip(f) {
				box.Add(skip)
			}
			return box
		}
		g.setAction(actionRow(nil, g.checkButton()))
		return container.NewVBox(newNewestOffer(g.f), skip)
	case guide.TaskUsage:
		return g.usageEditor(guide.TaskUsage)
	case guide.TaskSwitch:
		return g.switchList()
	case guide.TaskSummary:
		return g.summary()
	case guide.TaskDPG:
		box := container.NewVBox()
		if r := g.secondCopyReminder(); r != nil {
			box.Add(r)
		}
		if c := f.Certificate; c != nil && !c.NotAfter.IsZero() {
			box.Add(uiwidget.NewWrapping(words.T("guide.dpg_verify.valid_until", map[string]any{"Date": msg.Date(words.Language(), c.NotAfter.Local())})))
		}
		box.Add(g.dpgRecord(f))
		return box
	}
	return nil
}

// savedWrongNotice is the download card's word when the password saved on
// the password card does not open the renewal's file (guide.Facts.SavedWrong),
// with the way back to that card; none otherwise.
func (g *guideState) savedWrongNotice(f guide.Facts) []fyne.CanvasObject {
	if !f.SavedWrong() {
		return nil
	}
	step := map[string]any{"Step": guide.Index(string(guide.TaskPassword)) + 1}
	return []fyne.CanvasObject{
		uiwidget.NewBanner(theme.ColorNameWarning, theme.WarningIcon(), words.T("guide.download.wrong.title", step), words.T("guide.download.wrong.text", step)),
		container.NewHBox(uiwidget.NewButton(words.T("guide.download.wrong.go", step), theme.NavigateBackIcon(), func() { g.goTo(string(guide.TaskPassword)) })),
	}
}

// cardWords are the card's heading, its sentence, on the first card what
// the register knows of the certificate renewed, and its warnings.
func (g *guideState) cardWords(box *fyne.Container, step guide.Step, facts guide.Facts) {
	title := uiwidget.NewWrappingStyle(words.T(step.Title), fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	text := uiwidget.NewWrapping(words.T(step.Text))
	box.Add(title)
	box.Add(text)
	if step.ID == guide.Steps[0].ID {
		if line := g.renewingLine(); line != nil {
			box.Add(line)
		}
		if last, ok := g.lastTime(); ok {
			box.Add(uiwidget.NewBanner(theme.ColorNamePrimary, theme.HistoryIcon(), words.T("guide.last.title"), strings.Join(last.Lines(words.Language()), "\n")))
		}
	}
	for _, w := range step.WarningsFor(facts) {
		box.Add(newWarning(w))
	}
}

// renewingLine names the certificate being renewed, on the first card,
// when the register knows one (core decides which: renewal.Renewing).
func (g *guideState) renewingLine() fyne.CanvasObject {
	if g.f.register == nil {
		return nil
	}
	c, ok := renewal.Renewing(&g.progress, renewal.FirstCertificates(&g.progress, g.f.register), g.f.now())
	if !ok {
		return nil
	}
	return uiwidget.NewBanner(theme.ColorNamePrimary, theme.InfoIcon(), "", words.T("guide.welcome.renewing", map[string]any{
		"Organization": safetext.Line(c.Organization),
		"Date":         msg.Date(words.Language(), c.NotAfter.Local()),
	}))
}

// lastTime is what the register knows of the last renewal of the
// certificate being renewed (renewal.Last), for the first card to recall
// and the password card to offer its answer again (X23).
func (g *guideState) lastTime() (renewal.LastTime, bool) {
	if g.f.register == nil {
		return renewal.LastTime{}, false
	}
	return renewal.Last(&g.progress, renewal.FirstCertificates(&g.progress, g.f.register), g.f.now())
}

// asked names the file checked on the Check tab whose question waits,
// and asks it (guide.Facts.Asked).
func (g *guideState) asked(a *checkAnswer, f guide.Facts) fyne.CanvasObject {
	return container.NewVBox(uiwidget.NewWrapping(words.T("guide.download.asked", map[string]any{"Name": f.Asked})), a.questionText())
}

// checkButton checks the file the announcement names, or takes the user
// to the Check tab when none is announced (frame.checkArrival).
func (g *guideState) checkButton() *uiwidget.Button {
	return uiwidget.NewButton(words.T("guide.download.check"), theme.SearchIcon(), g.f.checkArrival)
}

// dpgRecord is the "Installed in DPG" record: who, and the button. It is
// the register's fact of the renewed certificate, so the file must be
// known first.
func (g *guideState) dpgRecord(f guide.Facts) fyne.CanvasObject {
	if !f.DPGInstalledAt.IsZero() {
		// Said where "Installed in DPG" was pressed, in the action bar: in
		// the card it fell below the picture at 125 % (W12).
		g.setAction(uiwidget.SuccessLine(words.T("guide.dpg.installed_note", map[string]any{
			"Date": msg.Date(words.Language(), f.DPGInstalledAt.Local()),
			"Name": f.DPGInstalledBy,
		})))
		return g.fileActions(true)
	}
	if !f.FileChecked {
		g.setAction(actionRow(nil, g.checkButton()))
		return uiwidget.NewWrapping(words.T("guide.dpg_install.no_file"))
	}
	// The name given on the receipt, not typed twice: a proposal, which a
	// name typed replaces (Z14).
	name := uiwidget.NewProposalEntry(f.NamedBy())
	name.SetPlaceHolder(words.T("guide.dpg.name"))
	installed := uiwidget.NewButton(words.T("guide.dpg.installed"), theme.ConfirmIcon(), nil)
	installed.OnTapped = func() {
		by, err := renewal.InstallerName(name.Text)
		if err != nil {
			g.hint.SetText(words.Sentence(err))
			g.hint.Show()
			return
		}
		installed.Disable()
		g.recordDPG(by, installed)
	}
	// Why the button waits: it is disabled until a name is typed.
	why := newWhy(words.T("guide.dpg.name_needed"))
	sync := func(s string) {
		if _, err := renewal.InstallerName(s); err != nil {
			installed.Disable()
			why.Show()
		} else {
			installed.Enable()
			why.Hide()
		}
	}
	name.OnChanged = sync
	name.OnSubmitted = func(string) {
		if !installed.Disabled() {
			installed.OnTapped()
		}
	}
	sync(name.Text)
	if name.Text == "" {
		g.arrivalField = name
	}
	// The name goes with the button in the action bar: in the card it lay
	// below the fold at 1280x720, and the button waits for it.
	g.setAction(container.NewVBox(name, actionRow(why, installed)))
	return container.NewVBox()
}

// facts are the renewal's facts as the register and the credential
// store's list say them now (core decides: renewal.State).
func (g *guideState) facts() guide.Facts {
	f := renewal.State(&g.progress, g.f.register, g.f.passwordIndex.list)
	if a := g.f.waiting(); a != nil {
		f.Asked = safetext.Line(filepath.Base(a.path))
	}
	f.CheckHolds = g.f.checkHolds(g.progress.FileSHA256)
	return f
}

// checkHolds says whether the Check tab shows the certificate with the
// fingerprint opened with a typed password it offers to save
// (guide.Facts.CheckHolds).
func (f *frame) checkHolds(sha string) bool {
	if f.check == nil || sha == "" {
		return false
	}
	for _, a := range f.check.shown {
		if c := a.report.Certificate; c != nil && strings.EqualFold(c.SHA256, sha) && a.answer.Offers(renewal.ActionSavePassword) {
			return true
		}
	}
	return false
}

// drawnFacts is what of the facts a card shows: the register's whole
// record (whose times change on every write) and when the password was
// saved are left out, so a write elsewhere does not redraw the card.
func drawnFacts(f guide.Facts) guide.Facts {
	f.Certificate, f.PasswordSavedAt = nil, time.Time{}
	// The copies made for others are the summary's, drawn anew each time
	// it is shown: a copy made on the switch-over card must not draw that
	// card again, which would take away the copy's password just shown.
	f.HandOvers = nil
	return f
}

// factsChanged is the register's or the credential store's report of a
// change: the card is drawn again when what it shows changed, wherever it
// changed; otherwise it is left alone, and the keyboard's place on it.
func (g *guideState) factsChanged() {
	if g.stepper == nil {
		return
	}
	if before := g.progress.Current; g.progress.Follow(g.facts()) {
		// Just landed, and the facts caught up: on to the card that
		// still needs something (core's Land).
		g.moved(before)
		return
	}
	now := drawnFacts(g.facts())
	switch {
	case reflect.DeepEqual(now, g.drawn):
		g.update() // what the card shows stands; Done and the stepper follow the facts
	case g.saverBusy != nil && g.saverBusy() && !(g.drawn.PasswordSaved && !now.PasswordSaved):
		// The password card's own field saved it and says so; drawn
		// again, the card would lose that word and the keyboard's place.
		// Unless the store no longer holds it (deleted in its own list,
		// walk W14): then the card is drawn again, its field back.
		g.drawn = now
		g.update()
	default:
		g.show()
	}
}

// fileActions are the backup and the receipt of the checked file, one
// click from the guide as from the Check screen; without the backup when
// the action bar holds it (backupButton), and without the receipt while
// the guide going on would outdate it (core: OffersReceipt, Y16).
func (g *guideState) fileActions(backup bool) fyne.CanvasObject {
	sha := g.progress.FileSHA256
	if sha == "" {
		return container.NewVBox()
	}
	var buttons []fyne.CanvasObject
	f := g.facts()
	backedUp := !f.BackedUpAt.IsZero()
	if backup && !backedUp {
		buttons = append(buttons, g.backupButton())
	}
	if g.progress.OffersReceipt(f) {
		buttons = append(buttons, g.receiptButton())
	}
	box := container.NewVBox(g.revealChecked())
	if len(buttons) > 0 {
		box.Objects = slices.Insert(box.Objects, 0, fyne.CanvasObject(container.NewGridWithColumns(len(buttons), buttons...)))
	}
	if backup && backedUp {
		box.Add(g.anotherBackup())
	}
	return box
}

// anotherBackup offers a second backup once one is verified: plain and
// last, not a main action; "Make a backup…" as large as the receipt made
// a new user wonder whether the first one counted (Y6).
func (g *guideState) anotherBackup() *uiwidget.Button {
	b := g.backupButton()
	b.Text = words.T("guide.backup.another")
	b.Importance = widget.LowImportance
	b.Alignment = widget.ButtonAlignLeading
	return b
}

// revealChecked shows the checked file in its folder.
func (g *guideState) revealChecked() *uiwidget.Button {
	sha := g.progress.FileSHA256
	return newRevealButton(g.f, func() string { return g.f.checkedFilePath(sha) })
}

// backedUpLine says when the latest verified backup was made.
func (g *guideState) backedUpLine(f guide.Facts) fyne.CanvasObject {
	return uiwidget.SuccessLine(words.T("guide.download.backed_up", map[string]any{"Date": msg.Date(words.Language(), f.BackedUpAt.Local())}))
}

// receiptButton makes the checked file's receipt (showReceipt).
func (g *guideState) receiptButton() *uiwidget.Button {
	sha := g.progress.FileSHA256
	return uiwidget.NewButton(words.T("check.action.receipt"), theme.DocumentPrintIcon(), func() { g.f.receiptForChecked(sha) })
}

// backupButton backs the checked file up (showBackup).
func (g *guideState) backupButton() *uiwidget.Button {
	sha := g.progress.FileSHA256
	return uiwidget.NewButton(words.T("check.action.backup"), theme.DocumentSaveIcon(), func() { g.f.backUpChecked(sha) })
}

// recordDPG tells the register that the renewed certificate is installed
// in DPG, by the person named; in the background, as it writes the
// register's file. The register's report draws the card again; a refusal
// is said, and the button given back for another try.
func (g *guideState) recordDPG(by string, button *uiwidget.Button) {
	sha := g.progress.FileSHA256
	f := g.f
	g.f.background(func() {
		err := recordDPGInstalled(f, sha, by)
		if err == nil {
			return
		}
		fyne.LogError("recording the DPG installation in the register", err)
		fyne.Do(func() {
			button.Enable()
			uiwidget.ShowInformation(f.win, words.T("register.dpg.mark.title"), words.Sentence(err))
		})
	})
}

// passwordSaved is the password card's report that it saved the password;
// the card stays as it is, showing the saved password's actions, and
// counts it as drawn: the store's list, read again, does not redraw it.
func (g *guideState) passwordSaved() {
	id := renewal.SaveID(&g.progress)
	if sha, ok := vault.CertificateOf(id); ok {
		// Saved under the renewed certificate: the register's fact.
		g.f.passwordSavedFor(sha)
	}
	g.drawn.PasswordSaved, g.drawn.PasswordID = true, id
	if g.warning != nil {
		// "Not saved yet" above "Saved in your keyring" (X21): it is.
		g.warning.Hide()
	}
	// The keyboard was in the field, now hidden: it goes on to Done when
	// the card may be done (now, or when the store's list is read again).
	g.doneNext = true
	g.update()
	g.screen.Refresh() // the bar gave up the save action's room
}

// changed saves the progress and shows it.
func (g *guideState) changed() {
	g.saver.save(g.progress)
	g.show()
}

// saved saves the progress after a change made on the card itself.
func (g *guideState) saved() {
	g.saver.save(g.progress)
	g.update()
}

func (g *guideState) complete() {
	if g.progress.Finished(g.facts()) {
		return
	}
	before := g.progress.Current
	if err := g.progress.Complete(g.f.now(), g.facts()); err != nil {
		g.hint.SetText(words.Sentence(err))
		g.hint.Show()
		return
	}
	g.moved(before)
}

func (g *guideState) goBack() {
	before := g.progress.Current
	if g.progress.Back() {
		g.moved(before)
	}
}

func (g *guideState) goTo(id string) {
	before := g.progress.Current
	if g.progress.GoTo(id, g.facts()) == nil && id != before {
		g.moved(before)
	}
}

// moved is a change of card: the notice belongs to the card it was shown on.
func (g *guideState) moved(before string) {
	if g.progress.Current != before {
		g.notice = ""
	}
	g.changed()
	g.scroll.ScrollToTop()
}

func (g *guideState) confirmReset() { g.askNewRenewal(g.startAgain) }

// askNewRenewal asks before the guide's renewal is replaced by a new one,
// which start makes.
func (g *guideState) askNewRenewal(start func()) {
	text := widget.NewLabel(words.T("guide.new_renewal.text"))
	text.Wrapping = fyne.TextWrapWord
	d := uiwidget.NewConfirm(words.T("guide.new_renewal.title"), words.T("guide.new_renewal.confirm"), words.T("guide.cancel"), text, func(ok bool) {
		if ok {
			start()
		}
	}, g.f.win)
	uiwidget.ShowDialog(g.f.win, d, fyne.NewSize(min(420, g.f.win.Canvas().Size().Width-20), 0))
}

// reset starts a new renewal with a new RenewalID.
func (g *guideState) startAgain() {
	g.startWith(guide.New(g.f.now()))
}

// startWith makes p, a new renewal, the guide's.
func (g *guideState) startWith(p guide.Progress) {
	g.progress = p
	g.notice = ""
	g.changed()
	g.scroll.ScrollToTop()
}

// renew goes on with renewing c as core says (renewal.RenewFrom): the
// guide's renewal of it where it stands, a new renewal of it, or, in the
// middle of another certificate's renewal, a question first. "Renew this
// one" in My certificates and a reminder's "Renew it" both come here.
func (g *guideState) renew(c register.Certificate) {
	show := func() { g.f.tabs.SelectIndex(guideTab) }
	startNew := func() {
		g.startWith(guide.NewOf(c.SHA256, g.f.now()))
		show()
	}
	var certs []register.Certificate
	if g.f.register != nil {
		certs = renewal.FirstCertificates(&g.progress, g.f.register)
	}
	switch renewal.RenewFrom(&g.progress, certs, g.f.now(), c) {
	case renewal.ShowRenewal:
		show()
	case renewal.NewRenewal:
		startNew()
	case renewal.AskNewRenewal:
		g.askNewRenewal(startNew)
	}
}

// showHelp is the DPG Service Center's contact, one click from every card.
func (g *guideState) showHelp() {
	d := uiwidget.NewCloseable(words.T("guide.help.title"), words.T("guide.close"), g.contact(), g.f.win)
	uiwidget.ShowNotice(g.f.win, d, fyne.NewSize(400, 0))
}

func (g *guideState) contact() fyne.CanvasObject {
	text := uiwidget.NewWrapping(words.T("guide.help.text"))
	link := func(label, address string) *uiwidget.Hyperlink {
		u, _ := url.Parse(address)
		return uiwidget.NewHyperlink(label, u, func() { g.openAs(uiwidget.Contact, label, address) })
	}
	return container.NewVBox(
		text,
		widget.NewForm(
			widget.NewFormItem(words.T("guide.help.email"), link(guide.ServiceCenterMail, "mailto:"+guide.ServiceCenterMail)),
			widget.NewFormItem(words.T("guide.help.phone"), link(guide.ServiceCenterPhone, "tel:"+telNumber(guide.ServiceCenterPhone))),
		),
	)
}

// telNumber drops the spaces a tel: link may not hold.
func telNumber(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		if r == '+' || (r >= '0' && r <= '9') {
			out = append(out, r)
		}
	}
	return string(out)
}

// newWarning is a warning box; the guide's two VERY IMPORTANT moments get a
// heavy red frame and a heading no one reads past.
func newWarning(w guide.Warning) fyne.CanvasObject {
	switch w.Level {
	case guide.LevelVeryImportant:
		return uiwidget.NewBanner(theme.ColorNameError, theme.ErrorIcon(), words.T("guide.level.very_important"), words.T(w.Key))
	case guide.LevelImportant:
		return uiwidget.NewBanner(theme.ColorNameWarning, theme.WarningIcon(), words.T("guide.level.important"), words.T(w.Key))
	default:
		return uiwidget.NewBanner(theme.ColorNamePrimary, theme.InfoIcon(), words.T("guide.level.note"), words.T(w.Key))
	}
}

// progressSaver writes the progress in the background, newest wins, one
// write at a time, so a slow disk never stalls the window.
// With each write, the places are recorded on the renewal's certificate
// (renewal.Flow.SaveProgress).
type progressSaver struct {
	path   string
	flow   func() *renewal.Flow // the frame's register, as it is when a save is asked for
	failed func(error)          // on the UI thread

	mu      sync.Mutex
	pending *guide.Progress
	writer  *renewal.Flow
	running bool
	wg      sync.WaitGroup
}

func (s *progressSaver) save(p guide.Progress) {
	p = p.Clone()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pending = &p
	s.writer = &renewal.Flow{}
	if s.flow != nil {
		s.writer = s.flow()
	}
	if !s.running {
		s.running = true
		s.wg.Add(1)
		// Not background: the loop takes s.mu, held here, so it must not run
		// inline; it ends when nothing is left to write, and wait waits for it.
		go s.loop()
	}
}

func (s *progressSaver) loop() {
	defer s.wg.Done()
	for {
		s.mu.Lock()
		p, w := s.pending, s.writer
		s.pending = nil
		if p == nil {
			s.running = false
			s.mu.Unlock()
			return
		}
		s.mu.Unlock()
		err, rerr := w.SaveProgress(p, s.path)
		if err != nil && s.failed != nil {
			fyne.Do(func() { s.failed(err) })
		}
		if rerr != nil {
			fyne.LogError("recording the places", rerr)
		}
	}
}

// wait returns when every save asked for so far is written.
func (s *progressSaver) wait() { s.wg.Wait() }

// bindGuideKeys makes Enter "Done" and Escape or Alt+Left "Back" while the
// guide's tab is showing and no dialog is open. Bound once per window; it
// reaches the guide through the frame, so a rebuild needs no new binding.
func bindGuideKeys(f *frame) {
	if f.guideKeys {
		return
	}
	f.guideKeys = true
	c := f.win.Canvas()
	previous := c.OnTypedKey()
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if !guideKey(f, ev.Name) && previous != nil {
			previous(ev)
		}
	})
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyLeft, Modifier: fyne.KeyModifierAlt}, func(fyne.Shortcut) {
		guideKey(f, keyAltLeft)
	})
}

// keyAltLeft stands for the Alt+Left shortcut in guideKey; a plain
// Backspace is no Back (it is what someone deleting text presses).
const keyAltLeft fyne.KeyName = "Alt+Left"

// guideKey acts on a key meant for the guide and says whether it did.
func guideKey(f *frame, key fyne.KeyName) bool {
	g := f.guide
	if g == nil || f.tabs == nil || f.tabs.SelectedIndex() != guideTab || f.win.Canvas().Overlays().Top() != nil {
		return false
	}
	switch key {
	case fyne.KeyReturn, fyne.KeyEnter:
		if !g.done.Disabled() {
			g.complete()
		}
		return true
	case fyne.KeyEscape, keyAltLeft:
		g.goBack()
		return true
	case fyne.KeyDown, fyne.KeyUp, fyne.KeyPageDown, fyne.KeyPageUp, fyne.KeyHome, fyne.KeyEnd:
		if fo := f.win.Canvas().Focused(); fo != nil && !uiwidget.PassesScrollKeys(fo) {
			return false // a control's own key
		}
		g.scrollBy(key)
		return true
	}
	return false
}

// scrollBy scrolls the card for a key pressed with nothing focused, or a
// button, which has no use for it (Next focused, year two's card 1 at 125
// %: the keys did nothing): a card's words below its last control were out
// of the keyboard's reach ("The receipt is here: …"). Down and Up
// move a line, Page Down and Page Up a view less a line, Home and End to
// the card's top and end.
func (g *guideState) scrollBy(key fyne.KeyName) {
	s := g.scroll
	line := 2*theme.Padding() + theme.TextSize()
	end := max(0, s.Content.MinSize().Height-s.Size().Height)
	y := s.Offset.Y
	switch key {
	case fyne.KeyDown:
		y += line
	case fyne.KeyUp:
		y -= line
	case fyne.KeyPageDown:
		y += max(line, s.Size().Height-line)
	case fyne.KeyPageUp:
		y -= max(line, s.Size().Height-line)
	case fyne.KeyHome:
		y = 0
	case fyne.KeyEnd:
		y = end
	}
	s.ScrollToOffset(fyne.NewPos(s.Offset.X, min(max(0, y), end)))
}

// newGuideCheck is a tick box on a card: the guide's Enter (Done) and
// Escape (Back) keep their meaning when it has the focus, as ticking one
// with the mouse focuses it.
func newGuideCheck(g *guideState, text string, checked bool, changed func(bool)) *uiwidget.Check {
	c := uiwidget.NewCheck(text, checked, changed)
	c.Keys = func(key fyne.KeyName) bool { return guideKey(g.f, key) }
	return c
}

// dot is the stepper's dot for step s at index: done steps are ticked, the
// current one stands out, and any step up to the first open one can be
// tapped to go back to it.
func (g *guideState) dot(index int, s guide.Step) *uiwidget.StepperDot {
	state := func() uiwidget.DotState {
		p := &g.progress
		f := g.facts()
		_, done := p.StepDone(s.ID, f)
		current := p.Step().ID == s.ID
		switch {
		case current && done && p.Finished(f):
			return uiwidget.DotFinished
		case current:
			return uiwidget.DotCurrent
		case done:
			return uiwidget.DotDone
		}
		return uiwidget.DotOpen
	}
	return uiwidget.NewStepperDot(index+1, state,
		func() bool { return g.progress.CanGoTo(s.ID, g.facts()) },
		func() { g.goTo(s.ID) })
}
