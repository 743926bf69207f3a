package msg_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fornyer/fornyer/internal/sourcetest"
)

// The window (ui) and the command line (cli) turn a failure into words only
// through msg.Sentence (ui/words.Sentence in the window), and so do the
// programs' main functions (cmd): none shows a Go
// error's own words, lets Fyne show them, nor picks a core error's sentence
// itself. This scan of their code fails on any such place.
func TestOnlySentenceTurnsAnErrorIntoWords(t *testing.T) {
	files := sourcetest.Each(t, []string{"../../ui", "../../cli", "../../cmd"}, func(fset *token.FileSet, _ string, f *ast.File) {
		for _, bad := range errorWords(fset, f) {
			t.Errorf("%s; show msg.Sentence (words.Sentence in ui) instead", bad)
		}
	})
	if files < 40 {
		t.Errorf("only %d files scanned: is the scan still looking at ui and cli?", files)
	}
}

// The scan finds each kind of place it is there to find.
func TestTheScanFindsEachWayToFormatAnError(t *testing.T) {
	const src = `package ui
func a(err error) {
	label.SetText(err.Error())
	dialog.ShowError(err, win)
	var be *backup.Error
	if errors.As(err, &be) {
		label.SetText(words.T(be.Key(), be.Data()))
		say(be.Message("da"))
	}
	var name *renewal.NameError
	_ = words.T(name.Key)
	_ = words.T(renewal.ErrNameTooLong.Key)
	_ = &backup.Error{Code: backup.CodeWriteFailed}
	_ = vault.MessageKey(err)
	fmt.Fprintln(os.Stderr, "fornyer:", err)
	_ = fmt.Errorf("saving: %w", err)
}
func flagError(err error) string { return err.Error() }
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "cli/flags.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	got := errorWords(fset, f)
	if len(got) != 10 {
		t.Errorf("found %d places, want 10 (flagError's is allowed):\n%s", len(got), strings.Join(got, "\n"))
	}
}

// allowed are the functions that may read an error's words, and why.
var allowed = map[string]string{
	// It reads the flag package's message to pick the catalogue's sentence
	// (cli.flag.*); the message itself is never printed.
	"cli/flags.go flagError": "reads, never shows",
	// When the one-window claim fails the window opens as before; the note
	// on standard error is for whoever started it from a terminal.
	"fornyer/main.go oneWindow": "a technical note, not the window's words",
}

// errorWords lists the places in f that turn an error into words other
// than through msg.Sentence.
func errorWords(fset *token.FileSet, f *ast.File) []string {
	var out []string
	file := filepath.ToSlash(fset.Position(f.Pos()).Filename)
	if i := strings.LastIndex(file, "/"); i >= 0 {
		if j := strings.LastIndex(file[:i], "/"); j >= 0 {
			file = file[j+1:]
		}
	}
	for _, decl := range f.Decls {
		fn, ok := decl.(*ast.FuncDecl)
		if ok && allowed[file+" "+fn.Name.Name] != "" {
			continue
		}
		coreErrors := map[string]bool{} // variables of a core error type
		ast.Inspect(decl, func(n ast.Node) bool {
			say := func(what string) { out = append(out, fset.Position(n.Pos()).String()+": "+what) }
			switch n := n.(type) {
			case *ast.ValueSpec:
				if star, ok := n.Type.(*ast.StarExpr); ok && isCoreError(star.X) {
					for _, name := range n.Names {
						coreErrors[name.Name] = true
					}
				}
			case *ast.CallExpr:
				sel, ok := n.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				switch {
				case sel.Sel.Name == "Error" && len(n.Args) == 0:
					say("a Go error's own words")
				case (sel.Sel.Name == "ShowError" || sel.Sel.Name == "NewError") && isIdent(sel.X, "dialog"):
					say("Fyne's error dialog shows a Go error's own words")
				case sel.Sel.Name == "MessageKey":
					say("a sentence's key picked from an error")
				case isIdent(sel.X, "fmt") && strings.Contains(sel.Sel.Name, "rint"):
					for _, a := range n.Args {
						if id, ok := a.(*ast.Ident); ok && (id.Name == "err" || strings.HasSuffix(id.Name, "Err")) {
							say("a Go error's own words printed")
						}
					}
				}
			case *ast.SelectorExpr:
				switch n.Sel.Name {
				case "Key", "Data", "Message":
				default:
					return true
				}
				if id, ok := n.X.(*ast.Ident); ok && coreErrors[id.Name] {
					say("a core error's sentence picked by hand")
				}
				if inner, ok := n.X.(*ast.SelectorExpr); ok && strings.HasPrefix(inner.Sel.Name, "Err") {
					say("a core error's sentence picked by hand")
				}
			case *ast.CompositeLit:
				if isCoreError(n.Type) {
					say("a core error made up in ui or cli")
				}
			}
			return true
		})
	}
	return out
}

// isCoreError reports whether x names an error type of another package:
// pkg.Error or pkg.SomethingError.
func isCoreError(x ast.Expr) bool {
	sel, ok := x.(*ast.SelectorExpr)
	return ok && strings.HasSuffix(sel.Sel.Name, "Error") && !isIdent(sel.X, "fyne")
}

func isIdent(x ast.Expr, name string) bool {
	id, ok := x.(*ast.Ident)
	return ok && id.Name == name
}
