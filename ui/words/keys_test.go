package words

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/fornyer/fornyer/core/msg"
)

// keyLike is a string that reads as a catalogue key ("check.ready.title")
// or the start of one ("list.order.").
var keyLike = regexp.MustCompile(`^[a-z0-9_]+(\.[a-z0-9_]+)+\.?$`)

// Every catalogue key the window's code names, in ui and its packages, is
// in the catalogue of every language: a key missing from one would show as
// itself ("check.ready.title") or in English in a Danish window. A string
// naming the start of keys ("list.order." + order) must start at least one.
// Strings that look like keys but are not (file names, addresses) have a
// first part no key has.
func TestEveryKeyTheWindowNamesIsInEveryCatalogue(t *testing.T) {
	t.Parallel()
	areas := map[string]bool{}
	for key := range msg.Catalogue(msg.Languages[0]) {
		area, _, _ := strings.Cut(key, ".")
		areas[area] = true
	}
	named := 0
	for _, lit := range stringsIn(t, "..") {
		area, _, _ := strings.Cut(lit.text, ".")
		if !keyLike.MatchString(lit.text) || !areas[area] {
			continue
		}
		named++
		for _, l := range msg.Languages {
			if !hasKey(msg.Catalogue(l), lit.text) {
				t.Errorf("%s: %q is not in the %s catalogue", lit.where, lit.text, l)
			}
		}
	}
	if named < 100 {
		t.Errorf("only %d keys found in ui: is the scan still looking at the window's code?", named)
	}
}

func hasKey(catalogue map[string]string, key string) bool {
	if !strings.HasSuffix(key, ".") {
		_, ok := catalogue[key]
		return ok
	}
	for k := range catalogue {
		if strings.HasPrefix(k, key) {
			return true
		}
	}
	return false
}

// Fyne's lang renders none of the window's texts: a second template engine
// beside core/msg's could render the same sentence differently. Only this
// package asks it, for the window's language.
func TestOnlyWordsAsksFynesLangForAText(t *testing.T) {
	t.Parallel()
	renderers := map[string]bool{"L": true, "X": true, "N": true, "XN": true,
		"Localize": true, "LocalizeKey": true, "LocalizePlural": true, "LocalizePluralKey": true}
	fset := token.NewFileSet()
	files := 0
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		if filepath.ToSlash(path) == "../words/words.go" {
			return nil
		}
		file, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		name := ""
		for _, imp := range file.Imports {
			if imp.Path.Value == `"fyne.io/fyne/v2/lang"` {
				name = "lang"
				if imp.Name != nil {
					name = imp.Name.Name
				}
			}
		}
		if name == "" {
			return nil
		}
		files++
		if file, err = parser.ParseFile(fset, path, nil, 0); err != nil {
			return err
		}
		ast.Inspect(file, func(n ast.Node) bool {
			if s, ok := n.(*ast.SelectorExpr); ok {
				if x, ok := s.X.(*ast.Ident); ok && x.Name == name && renderers[s.Sel.Name] {
					t.Errorf("%s: %s.%s renders a text; use words.T", fset.Position(s.Pos()), name, s.Sel.Name)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files == 0 {
		t.Error("no file in ui imports Fyne's lang: is the scan still looking at the window's code?")
	}
}

type literal struct{ text, where string }

// stringsIn returns every string literal in the Go files (tests left out)
// under dir.
func stringsIn(t *testing.T, dir string) []literal {
	t.Helper()
	var out []literal
	fset := token.NewFileSet()
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "testdata" {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		file, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(file, func(n ast.Node) bool {
			if b, ok := n.(*ast.BasicLit); ok && b.Kind == token.STRING {
				if s, err := strconv.Unquote(b.Value); err == nil {
					out = append(out, literal{s, fset.Position(b.Pos()).String()})
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
