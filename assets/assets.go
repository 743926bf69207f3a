// Package assets owns what Fornyer embeds that is not code: the app icon,
// the translation catalogues and the illustrations, shared by the window and
// the command line.
package assets

import (
	"embed"
	_ "embed"
)

// Translations holds the catalogues, one file per area and language, named
// "<area>.<lang>.json" (for example "app.da.json"), in the folder
// "translations". Fyne's lang.AddTranslationsFS reads them as they are.
//
//go:embed translations
var Translations embed.FS

// TranslationsDir is the folder inside Translations that holds the files.
const TranslationsDir = "translations"

// IconPNG is the app icon, 512 x 512.
//
//go:embed icon.png
var IconPNG []byte
