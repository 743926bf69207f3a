package ui

import (
	"crypto/x509"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/vault"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
	"github.com/fornyer/fornyer/ui/words"
)

// frame is the window's skeleton: the screens as tabs along the top, and
// what every screen shares (the app, the window, the user's preferences).
type frame struct {
	*deps   // the clock, the goroutines and the machine outside (deps.go)
	app     fyne.App
	win     fyne.Window
	prefs   Preferences
	tabs    *container.AppTabs
	content fyne.CanvasObject
	held    *fyne.Container // a presized start's content, until shown releases its hold
	vault   *vault.Vault    // the credential store, shared by every screen
	// passwordIndex is the store's list of saved passwords as last read
	// (facts.go), for the renewal's facts.
	passwordIndex passwordIndex

	guide     *guideState // the renewal guide and its progress, kept across rebuilds
	guideKeys bool        // the guide's keys are bound to the window

	register     *register.Store   // the certificates Fornyer has seen
	certificates *certificatesView // My certificates, to follow the saved passwords

	check     *checkScreen        // the Check tab, where every drop lands
	watch     *downloads          // Downloads and the Desktop watched (watch.go)
	passwords *savedPasswordsView // the saved passwords in Settings
	trusted   []*x509.Certificate // further trust anchors (FORNYER_TRUST_CA)

	concealable bool // "Copy password" may use concealedWrite (noteWindowSystem)

	standing          *fyne.Container // the reminders that stand, above the tabs (reminders.go)
	standingDismissed bool            // "Not now" was pressed on them
	standingDrawn     *[]string       // the certificates whose reminders are drawn (drawStanding)

	// starting says that the window's first frame is not drawn yet (Run);
	// afterStart holds the work that waits for it (afterFirstFrame).
	starting   bool
	afterStart []func()
}

// The tabs, in order.
const (
	guideTab = iota
	checkTab
	certificatesTab
	settingsTab
)

// newFrame builds the window's content around the register (opened by
// openRegister, on any goroutine). Work that the first card does not need
// waits until firstFrameShown.
func newFrame(a fyne.App, w fyne.Window, reg *register.Store, d *deps) *frame {
	f := &frame{deps: d, app: a, win: w, prefs: loadPreferences(a.Preferences()), register: reg, starting: true}
	piece := StartPiece("credential-store")
	f.vault = vault.New(vault.WithClock(d.now), vault.WithLanguage(words.Language))
	piece()
	// Escape closes the dialog on top. Bound before the screens, whose own
	// keys (the guide's) pass on what they do not use.
	w.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape {
			uiwidget.Escape(w)
		}
	})
	f.build()
	bindTabKeys(f)
	uiwidget.KeepFocusInView(w)
	// The list of saved passwords follows the store, whichever screen
	// changed it, and so do the renewal's facts.
	f.vault.Watch(func() {
		f.readPasswords()
		fyne.Do(f.passwordsChanged)
	})
	f.readPasswords()
	keepOnTop(w, f.prefs.KeepOnTop)
	w.SetOnDropped(f.dropped)
	return f
}

// build makes the screens afresh, as after a change of language.
func (f *frame) build() {
	f.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(words.T("tab.renew"), theme.HistoryIcon(), traced("guide", newGuideScreen, f)),
		container.NewTabItemWithIcon(words.T("tab.check"), theme.ConfirmIcon(), newTabPage(traced("check", newCheckScreen, f))),
		container.NewTabItemWithIcon(words.T("tab.certificates"), theme.ListIcon(), newTabPage(traced("certificates", newCertificatesScreen, f))),
		container.NewTabItemWithIcon(words.T("tab.settings"), theme.SettingsIcon(), newTabPage(traced("settings", newSettingsScreen, f))),
	)
	f.tabs.OnSelected = func(*container.TabItem) {
		// The keyboard leaves the tab that was left: a field there
		// would take what is typed next, unseen.
		if f.win != nil {
			f.win.Canvas().Unfocus()
		}
		f.tabSelected()
	}
	f.content = fitWidth(container.NewBorder(container.NewVBox(f.downloadsState().bar, f.standingBar()), nil, nil, nil, f.tabs))
	f.showArrival()
}

// rebuild replaces the window's content, keeping the selected tab.
func (f *frame) rebuild() {
	selected := f.tabs.SelectedIndex()
	f.build()
	f.tabs.SelectIndex(selected)
	f.setContent()
}

// focus gives b the keyboard, so that Enter does what the screen or dialog
// expects next (the backup's and the receipt's next step); b must be shown.
func (f *frame) focus(b *uiwidget.Button) {
	if f != nil && f.win != nil && b != nil && !b.Disabled() {
		f.win.Canvas().Focus(b)
	}
}

// bindTabKeys gives each tab a key, Ctrl+1 to Ctrl+4 (Cmd on macOS), as a
// browser's tabs have: Fyne's tabs take no keyboard focus, and a keyboard
// user could not reach Check, My certificates or Settings otherwise. A
// focused text field passes them on (uiwidget.Entry). Behind an open dialog
// the tabs stay: the dialog is answered first.
func bindTabKeys(f *frame) {
	for i, key := range []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4} {
		uiwidget.AddShortcut(f.win.Canvas(), &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) {
			if f.tabs != nil && i < len(f.tabs.Items) && f.win.Canvas().Overlays().Top() == nil {
				f.tabs.SelectIndex(i)
			}
		})
	}
}

// followFocus makes scroll, on the window's screens, keep the focused
// control in view (uiwidget.FollowFocus); a frame without a window (a
// test's) has nothing to follow.
func (f *frame) followFocus(scroll *container.Scroll) {
	if f.win != nil {
		uiwidget.FollowFocus(f.win.Canvas(), scroll)
	}
}

// afterFirstFrame runs work in the background once the window's first frame
// is on the screen, at once when it already is (or no window is being
// started, as in tests): what the first card does not need (the list of
// certificates, the reminders, the saved passwords) then takes no time
// from the start.
func (f *frame) afterFirstFrame(work func()) {
	if f.starting {
		f.afterStart = append(f.afterStart, work)
		return
	}
	f.background(work)
}

// firstFrameShown starts the work that waited for the first frame, one
// piece after the other on one goroutine, in the order it was asked for.
// UI thread.
//
// Once that work is done, the memory the start used and no longer needs
// (the register decoded, the reminders worked out, the fonts' parsing) is
// handed back to the system at once: Go would return it over minutes, and
// the window may stay open all day.
func (f *frame) firstFrameShown() {
	f.starting = false
	works := f.afterStart
	f.afterStart = nil
	f.background(func() {
		for _, work := range works {
			work()
		}
		f.releaseMemory()
	})
}

// tabPage is a tab's screen that counts towards the window's minimum size
// only while it is shown. Fyne's tabs ask every tab's content for its
// minimum size, which would lay out every screen, and load every font they
// use, before the first frame, where only the first tab is drawn. A page
// starts hidden; the tabs show the selected one.
type tabPage struct {
	widget.BaseWidget
	screen fyne.CanvasObject
}

func newTabPage(screen fyne.CanvasObject) *tabPage {
	p := &tabPage{screen: screen}
	p.ExtendBaseWidget(p)
	p.Hidden = true
	return p
}

func (p *tabPage) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(p.screen) }

func (p *tabPage) MinSize() fyne.Size {
	if !p.Visible() {
		return fyne.Size{}
	}
	return p.BaseWidget.MinSize()
}

// Refresh passes on to the screen only while the page is shown. Fyne's tabs
// refresh every tab's content when they are first drawn (and on a change of
// theme), which measured every label of the hidden screens before the first
// frame and loaded a font style only they use (the settings' italic note).
// Showing the page refreshes it (BaseWidget.Show), so a hidden page misses
// nothing: it is drawn as the theme is when it comes forward.
func (p *tabPage) Refresh() {
	if !p.Visible() {
		return
	}
	p.BaseWidget.Refresh()
}
