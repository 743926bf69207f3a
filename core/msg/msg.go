// Package msg owns Fornyer's catalogues (assets/translations) and is the one
// renderer of their sentences, in a language given by name: on the command
// line, in core's reports, the PDF documents and the calendar file, and in
// the window, whose texts ui/words renders with T in the window's language
// (Fyne renders from these catalogues only what it draws itself). A
// sentence is written once per language and reads the same everywhere.
// Date is the one way a date is written, and Sentence the one way a
// failure is: a core error carries a Fault (a stable code, the catalogue
// key of its sentence and the sentence's data), and the window and the
// command line show any error only through Sentence.
package msg

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"sync"
	"text/template"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/fornyer/fornyer/assets"
	"github.com/fornyer/fornyer/internal/jsonscan"
)

// Languages are the languages Fornyer speaks; the first is the fallback.
var Languages = []string{"en", "da"}

var (
	loadOnce  sync.Once
	catalogue map[string]map[string]string // language -> key -> template
	loadErr   error
)

// Catalogue returns every key and text for a language, merged over all area
// files. It is read once from the embedded files.
func Catalogue(lang string) map[string]string {
	loadOnce.Do(func() { catalogue, loadErr = load(assets.Translations, assets.TranslationsDir) })
	return catalogue[lang]
}

func load(fsys fs.FS, dir string) (map[string]map[string]string, error) {
	out := map[string]map[string]string{}
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return out, err
	}
	for _, e := range entries {
		name := e.Name()
		parts := strings.Split(strings.TrimSuffix(name, ".json"), ".")
		if e.IsDir() || !strings.HasSuffix(name, ".json") || len(parts) == 0 {
			continue
		}
		lang := parts[len(parts)-1]
		data, err := fs.ReadFile(fsys, dir+"/"+name)
		if err != nil {
			return out, err
		}
		texts, err := parseFlat(data)
		if err != nil {
			return out, fmt.Errorf("%s: %w", name, err)
		}
		if out[lang] == nil {
			out[lang] = map[string]string{}
		}
		for k, v := range texts {
			if _, dup := out[lang][k]; dup {
				return out, fmt.Errorf("%s: key %q is defined twice", name, k)
			}
			out[lang][k] = v
		}
	}
	return out, nil
}

// T returns the text for key in lang, with data filled into its template
// ({{.Name}}), falling back to English and then to the key itself.
func T(lang, key string, data any) string {
	text, ok := lookup(lang, key)
	if !ok {
		text, ok = lookup(Languages[0], key)
	}
	if !ok {
		return key
	}
	if !strings.Contains(text, "{{") {
		return text
	}
	t, err := parsed(text)
	if err != nil {
		return text
	}
	var b strings.Builder
	if err := t.Execute(&b, data); err != nil {
		return text
	}
	return b.String()
}

// templates holds each templated text parsed once (text -> *template.Template):
// the window renders the same sentences again on every redraw, and parsing
// was most of the cost of T. The catalogues are finite, and so is this.
var templates sync.Map

func parsed(text string) (*template.Template, error) {
	if t, ok := templates.Load(text); ok {
		return t.(*template.Template), nil
	}
	t, err := template.New("").Option("missingkey=zero").Parse(text)
	if err != nil {
		return nil, err
	}
	templates.Store(text, t)
	return t, nil
}

var (
	areaMu sync.Mutex
	areas  = map[string]map[string]string{} // "<area>.<lang>" -> key -> text
)

// lookup finds a key first in the file its prefix names ("inspect.x" in
// inspect.<lang>.json), which is all a command-line run needs: reading one
// file instead of every catalogue saves a millisecond of its start, the
// difference to openssl. Keys elsewhere are found in the whole catalogue.
func lookup(lang, key string) (string, bool) {
	area, _, _ := strings.Cut(key, ".")
	id := area + "." + lang
	areaMu.Lock()
	texts, seen := areas[id]
	if !seen {
		if data, err := fs.ReadFile(assets.Translations, assets.TranslationsDir+"/"+id+".json"); err == nil {
			// data is this look-up's own, never written to: its texts
			// are slices of it, not of another copy.
			texts, _ = parseFlatText(unsafe.String(unsafe.SliceData(data), len(data))) // a bad file is reported by LoadError
		}
		areas[id] = texts
	}
	areaMu.Unlock()
	if text, ok := texts[key]; ok {
		return text, true
	}
	text, ok := Catalogue(lang)[key]
	return text, ok
}

// Detect returns the language to speak on the command line: the first of
// LANGUAGE, LC_ALL, LC_MESSAGES and LANG that names a language Fornyer
// speaks; else, on Windows and macOS, which do not set those variables,
// the system's language as the window gets it from Fyne (go-locale, the
// library Fyne asks); else English.
func Detect() string {
	return detect(os.Getenv, systemLocales)
}

func detect(getenv func(string) string, system func() []string) string {
	for _, v := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"} {
		for _, item := range strings.Split(getenv(v), ":") {
			if l := Supported(item); l != "" {
				return l
			}
		}
	}
	for _, locale := range system() {
		if l := Supported(locale); l != "" {
			return l
		}
	}
	return Languages[0]
}

// Supported maps a locale such as "da_DK.UTF-8" or "en-GB" to a language
// Fornyer speaks, or "" when it speaks none of it.
func Supported(locale string) string {
	l := strings.ToLower(locale)
	if i := strings.IndexAny(l, "_-.@"); i >= 0 {
		l = l[:i]
	}
	for _, s := range Languages {
		if l == s {
			return s
		}
	}
	return ""
}

// parseFlat reads a catalogue, a JSON object of strings, by hand: on the
// command line's first (and only) look-up, encoding/json spends a fifth of
// a millisecond warming its reflection, which is what kept `fornyer-cli
// inspect` behind openssl. Anything but an object of strings is an error;
// FuzzParseFlat holds it to encoding/json. The JSON itself is walked by
// internal/jsonscan, as the register's scanner walks it.
func parseFlat(data []byte) (map[string]string, error) {
	// One copy of the catalogue; its texts are slices of it.
	return parseFlatText(string(data))
}

// parseFlatText is parseFlat over text, whose texts are slices of it.
func parseFlatText(text string) (map[string]string, error) {
	s := jsonscan.Scanner{Data: text}
	// Room for one text a line, as the catalogue's files are written: the
	// map is not grown (and rehashed) on the way.
	out := make(map[string]string, strings.Count(text, "\n"))
	s.Space()
	if !s.Eat('{') {
		return nil, errNotFlat
	}
	s.Space()
	if !s.Eat('}') {
		for {
			s.Space()
			key, ok := flatString(&s)
			s.Space()
			if !ok || !s.Eat(':') {
				return nil, errNotFlat
			}
			s.Space()
			value, ok := flatString(&s)
			if !ok {
				return nil, errNotFlat
			}
			out[key] = value
			s.Space()
			if s.Eat(',') {
				continue
			}
			if s.Eat('}') {
				break
			}
			return nil, errNotFlat
		}
	}
	s.Space()
	if s.I != len(s.Data) {
		return nil, errNotFlat
	}
	return out, nil
}

var errNotFlat = errors.New("a catalogue must be one JSON object of strings")

// flatString reads a catalogue's string: UTF-8 text (a catalogue with a
// byte that is not is refused, not mended), with JSON's escapes read.
func flatString(s *jsonscan.Scanner) (string, bool) {
	text, escaped, ok := s.Str()
	if !ok || !utf8.ValidString(text) {
		return "", false
	}
	if escaped {
		return jsonscan.Unquote(text), true
	}
	return text, true
}

// Date writes a calendar date the way lang writes it ("24 November 2026",
// "24. november 2026"), in t's own time zone: one way for the window, the
// command line and the documents.
func Date(lang string, t time.Time) string {
	return T(lang, "date.format", map[string]any{
		"Day":   t.Day(),
		"Month": MonthName(lang, t.Month()),
		"Year":  t.Year(),
	})
}

// DateTime writes a date in words with the time of day ("1. december 2026
// kl. 14:05", "1 December 2026 at 14:05").
func DateTime(lang string, t time.Time) string {
	return T(lang, "date.format_time", map[string]any{"Date": Date(lang, t), "Time": t.Format("15:04")})
}

// MonthName is the month's name in lang, as written inside a date.
func MonthName(lang string, m time.Month) string {
	return T(lang, "date.month."+strconv.Itoa(int(m)), nil)
}
