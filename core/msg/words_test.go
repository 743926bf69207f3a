package msg

import (
	"regexp"
	"sort"
	"strings"
	"testing"
)

// The Danish catalogue is read as a careful reader would: plain Danish, one
// name for each thing, dates in words, one kind of quotation marks.

var (
	isoDate = regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}\b`)
	// What may stand in a Danish sentence without being Danish: names of
	// products and services, command lines, template fields.
	notProse = regexp.MustCompile(`(?i)e-mail\p{L}*|\{\{[^}]*\}\}|--[a-z-]+|\bfornyer (backup|inspect|receipt|help)\b|Exchange Online|DPG Service Center|Digital Post|mit\.dk|e-conomic|sha256sum`)
	word     = regexp.MustCompile(`[\p{L}-]+`)
)

// English words (and Danish spellings of them) that have a plain Danish
// word the app uses instead.
var notDanish = map[string]string{
	"backup": "sikkerhedskopi", "backuppen": "sikkerhedskopien", "download": "hente", "downloade": "hente",
	"downloadet": "hentet", "downloader": "henter", "upload": "overføre", "uploade": "overføre",
	"guide": "vejledning", "guiden": "vejledningen", "guider": "viser vej", "password": "adgangskode",
	"keyring": "nøglering", "stick": "USB-nøgle", "drop": "træk", "email": "e-mail", "mail": "e-mail",
	"login": "log ind", "click": "vælg", "klik": "vælg", "folder": "mappe", "setup": "opsætning",
	"update": "opdatér", "checkbox": "afkrydsningsfelt", "clipboard": "udklipsholder", "save": "gem",
	"cancel": "annullér", "file": "fil", "certificate": "certifikat", "online": "på nettet",
}

// One name for each thing: the spelling the app does not use, and the one
// it does.
var oneName = map[string]string{
	"DPG Kundeportalen": "DPG-kundeportalen", "DPG Kundeportal": "DPG-kundeportalen",
	"DPG's kundeportal": "DPG-kundeportalen", "kundeportalen hos DPG": "DPG-kundeportalen",
	"USB-stik": "USB-nøgle", "Slip ": "Træk … hen på vinduet", " slip ": "træk … hen på vinduet",
	"Rediger certifikatprofil": "Redigér certifikatprofil", "Annuller": "Annullér",
	"“": "»", "”": "«", "„": "»",
}

func TestDanishCatalogueReadsAsDanish(t *testing.T) {
	texts := Catalogue("da")
	keys := make([]string, 0, len(texts))
	for k := range texts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := texts[k]
		if isoDate.MatchString(v) {
			t.Errorf("%s: a date in digits (write it in words): %q", k, v)
		}
		if strings.Contains(v, `"`) {
			t.Errorf("%s: straight double quotes (use »…«): %q", k, v)
		}
		for bad, good := range oneName {
			if strings.Contains(v, bad) {
				t.Errorf("%s: %q, where the app says %q: %q", k, bad, good, v)
			}
		}
		if strings.Count(v, "»") != strings.Count(v, "«") {
			t.Errorf("%s: unbalanced »…«: %q", k, v)
		}
		prose := notProse.ReplaceAllString(v, " ")
		for _, w := range word.FindAllString(prose, -1) {
			for _, part := range strings.Split(strings.ToLower(w), "-") {
				if good, bad := notDanish[part]; bad {
					t.Errorf("%s: %q is not Danish (say %q): %q", k, w, good, v)
				}
			}
		}
	}
}

// The test above must catch what it is for.
func TestDanishCatalogueCheckCatches(t *testing.T) {
	for _, s := range []string{"Gem backup-filen", "Installér det, når det er downloadet", "Guiden viser vej"} {
		caught := false
		for _, w := range word.FindAllString(notProse.ReplaceAllString(s, " "), -1) {
			for _, part := range strings.Split(strings.ToLower(w), "-") {
				if _, bad := notDanish[part]; bad {
					caught = true
				}
			}
		}
		if !caught {
			t.Errorf("not caught: %q", s)
		}
	}
	if !isoDate.MatchString("udløber 2026-12-01") || isoDate.MatchString("udløber den 1. december 2026") {
		t.Error("the date pattern is wrong")
	}
}
