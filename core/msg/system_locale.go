//go:build windows || darwin

package msg

import "github.com/jeandeaual/go-locale"

// systemLocales is the system's language setting on Windows
// (GetUserDefaultLocaleName) and macOS (AppleLanguages), as Fyne reads it
// for the window.
func systemLocales() []string {
	locales, err := locale.GetLocales()
	if err != nil {
		return nil
	}
	return locales
}
