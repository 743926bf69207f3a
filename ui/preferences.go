package ui

import "fyne.io/fyne/v2"

// Preferences are the user's choices, read from Fyne's preferences into a
// plain struct at start and written back one key at a time when changed.
// No secret is ever kept here.
type Preferences struct {
	Language  string // "", "da" or "en"; "" follows the system
	KeepOnTop bool
}

const (
	prefLanguage  = "language"
	prefKeepOnTop = "keep_on_top"
)

func loadPreferences(p fyne.Preferences) Preferences {
	return Preferences{
		Language:  p.StringWithFallback(prefLanguage, ""),
		KeepOnTop: p.BoolWithFallback(prefKeepOnTop, false),
	}
}

func (s Preferences) save(p fyne.Preferences) {
	p.SetString(prefLanguage, s.Language)
	p.SetBool(prefKeepOnTop, s.KeepOnTop)
}
