package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/vault"
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

	register *register.Store // the certificates Fornyer has seen
}

func newFrame(a fyne.App, w fyne.Window) *frame {
	f := &frame{app: a, win: w, prefs: loadPreferences(a.Preferences()), vault: vault.New(), register: openRegister(a)}
	f.build()
	keepOnTop(w, f.prefs.KeepOnTop)
	return f
}

// build makes the screens afresh, as after a change of language.
func (f *frame) build() {
	f.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("tab.renew"), theme.HistoryIcon(), newGuideScreen(f)),
		container.NewTabItemWithIcon(lang.L("tab.check"), theme.ConfirmIcon(), newCheckScreen(f)),
		container.NewTabItemWithIcon(lang.L("tab.certificates"), theme.ListIcon(), newCertificatesScreen(f)),
		container.NewTabItemWithIcon(lang.L("tab.settings"), theme.SettingsIcon(), newSettingsScreen(f)),
	)
	f.content = f.tabs
}

// rebuild replaces the window's content, keeping the selected tab.
func (f *frame) rebuild() {
	selected := f.tabs.SelectedIndex()
	f.build()
	f.tabs.SelectIndex(selected)
	f.win.SetContent(f.content)
}
