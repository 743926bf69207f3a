// Package ui owns Fornyer's window: one file per screen, each a thin Fyne
// view over the core packages, which hold all the logic.
package ui

import (
	"encoding/json"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/lang"

	"github.com/fornyer/fornyer/assets"
	"github.com/fornyer/fornyer/core/appinfo"
	"github.com/fornyer/fornyer/core/msg"
)

// Companion size: narrow and tall, to sit beside the browser.
var companionSize = fyne.NewSize(480, 860)

var appIcon = fyne.NewStaticResource("icon.png", assets.IconPNG)

// Run opens the window and returns when it is closed.
func Run() {
	a := app.NewWithID(appinfo.ID)
	a.SetIcon(appIcon)
	loadTranslations(loadPreferences(a.Preferences()).Language)

	w := a.NewWindow(appinfo.Name)
	w.SetIcon(appIcon)
	w.Resize(companionSize)
	w.SetContent(newFrame(a, w).content)
	placeBesideBrowser(w)
	w.ShowAndRun()
}

// loadTranslations adds Fornyer's catalogues to Fyne's. A language chosen in
// settings is loaded under the system's locale too, so that it wins the
// match Fyne makes against the system's languages.
func loadTranslations(chosen string) {
	if err := lang.AddTranslationsFS(assets.Translations, assets.TranslationsDir); err != nil {
		fyne.LogError("loading translations", err)
	}
	if chosen == "" {
		return
	}
	if err := forceLanguage(chosen); err != nil {
		fyne.LogError("choosing language "+chosen, err)
	}
}

// forceLanguage loads the chosen language's texts under the system locale's
// name; Fyne offers no other way to override the system's choice.
func forceLanguage(chosen string) error {
	texts := msg.Catalogue(chosen)
	if len(texts) == 0 {
		return fmt.Errorf("no catalogue for %q", chosen)
	}
	data, err := json.Marshal(texts)
	if err != nil {
		return err
	}
	return lang.AddTranslationsForLocale(data, lang.SystemLocale())
}
