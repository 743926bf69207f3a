package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/fornyer/fornyer/core/appinfo"
	"github.com/fornyer/fornyer/core/msg"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
	"github.com/fornyer/fornyer/ui/words"
)

// languageChoices maps what the settings screen shows to what is stored.
var languageChoices = []struct{ key, value string }{
	{"settings.language.system", ""},
	{"settings.language.da", "da"},
	{"settings.language.en", "en"},
}

func newSettingsScreen(f *frame) fyne.CanvasObject {
	var options []string
	selected := ""
	for _, c := range languageChoices {
		options = append(options, words.T(c.key))
		if c.value == f.prefs.Language {
			selected = words.T(c.key)
		}
	}
	language := widget.NewSelect(options, nil)
	language.SetSelected(selected)
	language.OnChanged = func(_ string) {
		f.prefs.Language = languageChoices[language.SelectedIndex()].value
		f.prefs.save(f.app.Preferences())
		if err := forceLanguage(effectiveLanguage(f.prefs.Language)); err != nil {
			fyne.LogError("changing language", err)
		}
		f.rebuild()
	}

	onTop := uiwidget.NewCheck(words.T("settings.keep_on_top"), f.prefs.KeepOnTop, func(on bool) {
		f.prefs.KeepOnTop = on
		f.prefs.save(f.app.Preferences())
		keepOnTop(f.win, on)
	})
	onTopNote := uiwidget.NewWrappingStyle(words.T("settings.keep_on_top.note"), fyne.TextStyle{Italic: true})

	scroll := uiwidget.NewVScroll(container.NewVBox(
		widget.NewForm(
			widget.NewFormItem(words.T("settings.language"), language),
		),
		onTop,
		onTopNote,
		widget.NewSeparator(),
		newSavedPasswordsView(f),
		widget.NewSeparator(),
		newForgetSection(f),
		widget.NewSeparator(),
		widget.NewLabel(appinfo.Name+" "+appinfo.Version),
	))
	f.followFocus(scroll)
	return scroll
}

// effectiveLanguage is the chosen language, or the system's when none is.
func effectiveLanguage(chosen string) string {
	if chosen != "" {
		return chosen
	}
	if l := msg.Supported(lang.SystemLocale().String()); l != "" {
		return l
	}
	return msg.Languages[0]
}
