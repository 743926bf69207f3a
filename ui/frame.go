package ui

import (
	"crypto/x509"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"

	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/vault"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
	"github.com/fornyer/fornyer/ui/words"
)

// frame is the window's skeleton: the screens as tabs along the top, and
// what every screen shares (the app, the window, the user's preferences).
type frame struct {
	app     fyne.App
	win     fyne.Window
	prefs   Preferences
	tabs    *container.AppTabs
	content fyne.CanvasObject
	vault   *vault.Vault // the credential store, shared by every screen

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
}

// userStoreTimeout bounds a credential-store call the user asked for (save,
// show, delete): long enough for the system to ask for the keyring's or
// keychain's password, short enough that a hung store gets its sentence.
// Looking up saved passwords on a drop has a shorter bound of its own.
const userStoreTimeout = 20 * time.Second

// The tabs, in order.
const (
	guideTab = iota
	checkTab
	certificatesTab
	settingsTab
)

func newFrame(a fyne.App, w fyne.Window) *frame {
	f := &frame{app: a, win: w, prefs: loadPreferences(a.Preferences()), vault: vault.New(vault.WithTimeout(userStoreTimeout), vault.WithClock(windowNow)), register: openRegister(a)}
	// Escape closes the dialog on top. Bound before the screens, whose own
	// keys (the guide's) pass on what they do not use.
	w.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape {
			uiwidget.Escape(w)
		}
	})
	f.build()
	bindTabKeys(f)
	// The list of saved passwords follows the store, whichever screen
	// changed it.
	f.vault.Watch(func() { fyne.Do(f.passwordsChanged) })
	keepOnTop(w, f.prefs.KeepOnTop)
	w.SetOnDropped(f.dropped)
	return f
}

// build makes the screens afresh, as after a change of language.
func (f *frame) build() {
	f.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(words.T("tab.renew"), theme.HistoryIcon(), newGuideScreen(f)),
		container.NewTabItemWithIcon(words.T("tab.check"), theme.ConfirmIcon(), newCheckScreen(f)),
		container.NewTabItemWithIcon(words.T("tab.certificates"), theme.ListIcon(), newCertificatesScreen(f)),
		container.NewTabItemWithIcon(words.T("tab.settings"), theme.SettingsIcon(), newSettingsScreen(f)),
	)
	f.tabs.OnSelected = func(*container.TabItem) {
		// The keyboard leaves the tab that was left: a field there
		// would take what is typed next, unseen.
		if f.win != nil {
			f.win.Canvas().Unfocus()
		}
		f.tabSelected()
	}
	f.content = container.NewBorder(container.NewVBox(f.downloadsState().bar, f.standingBar()), nil, nil, nil, f.tabs)
	f.showArrival()
}

// rebuild replaces the window's content, keeping the selected tab.
func (f *frame) rebuild() {
	selected := f.tabs.SelectedIndex()
	f.build()
	f.tabs.SelectIndex(selected)
	f.win.SetContent(f.content)
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
