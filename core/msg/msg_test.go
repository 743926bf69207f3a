package msg

import (
	"encoding/json"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"text/template"
	"time"

	"github.com/fornyer/fornyer/assets"
)

func TestCataloguesLoad(t *testing.T) {
	if err := LoadError(); err != nil {
		t.Fatal(err)
	}
	for _, l := range Languages {
		if len(Catalogue(l)) == 0 {
			t.Errorf("no texts for %q", l)
		}
	}
}

// Every key must exist in every language, file by file, and every text must
// be a valid template that names the same fields in both languages.
func TestEveryKeyInEveryLanguage(t *testing.T) {
	files, err := fs.ReadDir(assets.Translations, assets.TranslationsDir)
	if err != nil {
		t.Fatal(err)
	}
	areas := map[string]map[string]map[string]string{} // area -> lang -> texts
	for _, f := range files {
		parts := strings.Split(strings.TrimSuffix(f.Name(), ".json"), ".")
		if len(parts) != 2 {
			t.Errorf("%s: want <area>.<lang>.json", f.Name())
			continue
		}
		data, _ := fs.ReadFile(assets.Translations, assets.TranslationsDir+"/"+f.Name())
		var texts map[string]string
		if err := json.Unmarshal(data, &texts); err != nil {
			t.Errorf("%s: %v", f.Name(), err)
			continue
		}
		if areas[parts[0]] == nil {
			areas[parts[0]] = map[string]map[string]string{}
		}
		areas[parts[0]][parts[1]] = texts
	}
	for area, byLang := range areas {
		for _, l := range Languages {
			if byLang[l] == nil {
				t.Errorf("area %s has no %s catalogue", area, l)
			}
		}
		for _, a := range Languages {
			for _, b := range Languages {
				for k, v := range byLang[a] {
					w, ok := byLang[b][k]
					if !ok {
						t.Errorf("%s.%s.json has %q, %s.%s.json does not", area, a, k, area, b)
						continue
					}
					if fields(t, v) != fields(t, w) {
						t.Errorf("%q: fields differ between %s (%s) and %s (%s)", k, a, fields(t, v), b, fields(t, w))
					}
				}
			}
		}
	}
}

func fields(t *testing.T, text string) string {
	if _, err := template.New("").Parse(text); err != nil {
		t.Errorf("bad template %q: %v", text, err)
	}
	var out []string
	for _, part := range strings.Split(text, "{{")[1:] {
		out = append(out, strings.TrimSpace(strings.SplitN(part, "}}", 2)[0]))
	}
	return strings.Join(sortedUnique(out), ",")
}

func sortedUnique(in []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range in {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

func TestTFillsAndFallsBack(t *testing.T) {
	fsys := fstest.MapFS{
		"t/a.en.json": {Data: []byte(`{"hello": "Hello {{.Name}}", "only.en": "English"}`)},
		"t/a.da.json": {Data: []byte(`{"hello": "Hej {{.Name}}"}`)},
	}
	c, err := load(fsys, "t")
	if err != nil {
		t.Fatal(err)
	}
	old := catalogue
	loadOnce.Do(func() {})
	catalogue = c
	defer func() { catalogue = old }()
	if got := T("da", "hello", map[string]string{"Name": "Åse"}); got != "Hej Åse" {
		t.Errorf("got %q", got)
	}
	if got := T("da", "only.en", nil); got != "English" {
		t.Errorf("fallback: got %q", got)
	}
	if got := T("da", "missing", nil); got != "missing" {
		t.Errorf("missing key: got %q", got)
	}
}

func TestDuplicateKeyAcrossAreasIsAnError(t *testing.T) {
	fsys := fstest.MapFS{
		"t/a.en.json": {Data: []byte(`{"k": "1"}`)},
		"t/b.en.json": {Data: []byte(`{"k": "2"}`)},
	}
	if _, err := load(fsys, "t"); err == nil {
		t.Fatal("duplicate key accepted")
	}
}

func TestDetect(t *testing.T) {
	cases := []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"LANGUAGE": "da"}, "da"},
		{map[string]string{"LANG": "da_DK.UTF-8"}, "da"},
		{map[string]string{"LANGUAGE": "de:da", "LANG": "en_US.UTF-8"}, "da"},
		{map[string]string{"LANGUAGE": "en", "LANG": "da_DK.UTF-8"}, "en"},
		{map[string]string{"LANG": "C"}, "en"},
		{map[string]string{}, "en"},
	}
	for _, c := range cases {
		if got := detect(func(k string) string { return c.env[k] }, noSystemLocale); got != c.want {
			t.Errorf("%v: got %s want %s", c.env, got, c.want)
		}
	}
}

func noSystemLocale() []string { return nil }

// Windows and macOS set no LANG: the system's language decides, unless a
// variable that names a language Fornyer speaks is set.
func TestDetectAsksTheSystemWhenTheEnvironmentNamesNoLanguage(t *testing.T) {
	danishSystem := func() []string { return []string{"da-DK"} }
	cases := []struct {
		env    map[string]string
		system func() []string
		want   string
	}{
		{map[string]string{}, danishSystem, "da"},
		{map[string]string{"LANG": "C"}, danishSystem, "da"},
		{map[string]string{"LANG": "en_GB.UTF-8"}, danishSystem, "en"},
		{map[string]string{"LANGUAGE": "en"}, danishSystem, "en"},
		{map[string]string{}, func() []string { return []string{"de-DE", "da"} }, "da"},
		{map[string]string{}, func() []string { return []string{"de-DE"} }, "en"},
		{map[string]string{"LANG": "da_DK.UTF-8"}, func() []string { return []string{"en-US"} }, "da"},
	}
	for _, c := range cases {
		if got := detect(func(k string) string { return c.env[k] }, c.system); got != c.want {
			t.Errorf("env %v, system %v: got %s want %s", c.env, c.system(), got, c.want)
		}
	}
}

// The hand-written catalogue reader must read every real catalogue exactly
// as encoding/json does.
func TestParseFlatReadsEveryCatalogueAsEncodingJSONDoes(t *testing.T) {
	files, _ := fs.ReadDir(assets.Translations, assets.TranslationsDir)
	for _, f := range files {
		data, _ := fs.ReadFile(assets.Translations, assets.TranslationsDir+"/"+f.Name())
		var want map[string]string
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatalf("%s: %v", f.Name(), err)
		}
		got, err := parseFlat(data)
		if err != nil {
			t.Fatalf("%s: %v", f.Name(), err)
		}
		if len(got) != len(want) {
			t.Errorf("%s: %d keys, want %d", f.Name(), len(got), len(want))
		}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("%s: %q = %q, want %q", f.Name(), k, got[k], v)
			}
		}
	}
}

func TestParseFlatRefusesWhatIsNoObjectOfStrings(t *testing.T) {
	for _, bad := range []string{``, `[]`, `{"a": 1}`, `{"a": null}`, `{"a": "b",}`, `{"a" "b"}`, `{"a": "b"} x`,
		`{"a": "\x01"}`, `{"a": "\q"}`, `{"a": "\u12"}`, "{\"a\": \"\xff\"}", `{"a": "b"`,
		// ended or broken inside a plain run of text (the fast path)
		`{"a": "bcd`, "{\"a\": \"bc\x01d\"}", "{\"a\": \"bc\xffd\"}", `{"a": "bc\`} {
		if _, err := parseFlat([]byte(bad)); err == nil {
			t.Errorf("accepted %q", bad)
		}
	}
	if got, err := parseFlat([]byte(`{"a": "før\nefter", "b": "æøå"}`)); err != nil || got["a"] != "før\nefter" || got["b"] != "æøå" {
		t.Errorf("plain text and an escape after it: %q, %v", got, err)
	}
	got, err := parseFlat([]byte(` { "æ\n" : "\"\\\/\b\f\n\r\t\u00e6\ud83d\ude00\ud800x" , "k":"" } `))
	if err != nil || got["æ\n"] != "\"\\/\b\f\n\r\tæ😀\ufffdx" || got["k"] != "" {
		t.Errorf("escapes: %q, %v", got, err)
	}
}

// FuzzParseFlat: whatever the hand-written reader accepts, encoding/json
// accepts too, with the same result.
func FuzzParseFlat(f *testing.F) {
	files, _ := fs.ReadDir(assets.Translations, assets.TranslationsDir)
	for _, e := range files {
		data, _ := fs.ReadFile(assets.Translations, assets.TranslationsDir+"/"+e.Name())
		f.Add(data)
	}
	f.Add([]byte(`{"a": "\ud800\udc00\ud800", "b": "\u0041"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := parseFlat(data)
		if err != nil {
			return
		}
		var want map[string]string
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatalf("parseFlat accepted what encoding/json refuses (%v): %q", err, data)
		}
		if len(got) != len(want) {
			t.Fatalf("%d keys, encoding/json %d: %q", len(got), len(want), data)
		}
		for k, v := range want {
			if got[k] != v {
				t.Fatalf("%q = %q, encoding/json %q", k, got[k], v)
			}
		}
	})
}

func TestDate(t *testing.T) {
	d := time.Date(2027, time.March, 2, 23, 30, 0, 0, time.UTC)
	if got := Date("da", d); got != "2. marts 2027" {
		t.Errorf("da: %q", got)
	}
	if got := Date("en", d); got != "2 March 2027" {
		t.Errorf("en: %q", got)
	}
	if got := DateTime("da", d); got != "2. marts 2027 kl. 23:30" {
		t.Errorf("da: %q", got)
	}
	if got := DateTime("en", d); got != "2 March 2027 at 23:30" {
		t.Errorf("en: %q", got)
	}
}
