package vault

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// One place owns the credential store's time limits (limits.go): the
// window's and the command line's own packages set no time limit of their
// own (no context.WithTimeout or WithDeadline), so no screen waits on the
// store longer or shorter than another for the same call.
func TestNoOtherTimeLimits(t *testing.T) {
	for _, dir := range []string{"../../ui", "../../cli"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("%s: %v", dir, err)
		}
		for _, path := range files {
			if strings.HasSuffix(path, "_test.go") {
				continue
			}
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			fs := token.NewFileSet()
			file, err := parser.ParseFile(fs, path, src, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(file, func(n ast.Node) bool {
				sel, ok := n.(*ast.SelectorExpr)
				if ok && isIdent(sel.X, "context") && (sel.Sel.Name == "WithTimeout" || sel.Sel.Name == "WithDeadline") {
					t.Errorf("%s: a time limit of its own (context.%s); the store's limits are core/vault's", fs.Position(sel.Pos()), sel.Sel.Name)
				}
				return true
			})
		}
	}
	if !(LookupLimit < CallLimit) {
		t.Errorf("the look-up before a check (%v) waits as long as a call (%v): a locked keyring would hold the check", LookupLimit, CallLimit)
	}
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}
