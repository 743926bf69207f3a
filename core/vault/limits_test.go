package vault

import (
	"go/ast"
	"go/token"
	"path/filepath"
	"testing"

	"github.com/fornyer/fornyer/internal/sourcetest"
)

// One place owns the credential store's time limits (limits.go): the
// window's and the command line's own packages set no time limit of their
// own (no context.WithTimeout or WithDeadline), so no screen waits on the
// store longer or shorter than another for the same call.
func TestNoOtherTimeLimits(t *testing.T) {
	roots := []string{"../../ui", "../../cli"}
	n := sourcetest.Each(t, roots, func(fs *token.FileSet, path string, file *ast.File) {
		if d := filepath.Dir(path); d != roots[0] && d != roots[1] {
			return // the window's own widgets and pictures hold no store call
		}
		ast.Inspect(file, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if ok && isIdent(sel.X, "context") && (sel.Sel.Name == "WithTimeout" || sel.Sel.Name == "WithDeadline") {
				t.Errorf("%s: a time limit of its own (context.%s); the store's limits are core/vault's", fs.Position(sel.Pos()), sel.Sel.Name)
			}
			return true
		})
	})
	if n < 40 {
		t.Errorf("only %d files scanned: is the scan still looking at ui and cli?", n)
	}
	if !(LookupLimit < CallLimit) {
		t.Errorf("the look-up before a check (%v) waits as long as a call (%v): a locked keyring would hold the check", LookupLimit, CallLimit)
	}
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}
