// Package words is the window's one way to render a catalogue text: every
// sentence the window, its widgets and its illustrations show is
// core/msg's T in the window's language, so a text reads the same in the
// window as in a report, a receipt or a calendar file rendered by core.
// Work off the UI thread (reminders, the receipt's checklist, the calendar
// file's name) reads Language on the UI thread first and calls msg.T with
// it: the same renderer, in the language the window had when it began.
//
// Fyne's own lang keeps only two jobs: the texts Fyne draws itself (its
// dialogs' buttons, its file dialog), and deciding the window's language,
// so that those and Fornyer's texts always speak the same one.
package words

import (
	"fyne.io/fyne/v2/lang"

	"github.com/fornyer/fornyer/core/msg"
)

// Language is the language the window speaks: the one Fyne's lang settled
// on for the catalogues ui loaded (the language chosen in Settings, else
// the system's), as the catalogue's own "app.language" names it; before
// any catalogue is loaded, the language the command line would speak.
func Language() string {
	if l := msg.Supported(lang.L("app.language")); l != "" {
		return l
	}
	return msg.Detect()
}

// T renders key from the catalogues in the window's language, data (if
// given; only the first is used) filling its template.
func T(key string, data ...any) string {
	var d any
	if len(data) > 0 {
		d = data[0]
	}
	return msg.T(Language(), key, d)
}

// Sentence is err's sentence for the user in the window's language
// (msg.Sentence): the one way the window shows a failure.
func Sentence(err error) string { return msg.Sentence(Language(), err) }
