package ui

import (
	"go/ast"
	"go/token"
	"testing"

	"github.com/fornyer/fornyer/internal/sourcetest"
)

// maxFunctionLines is the longest a function of the window or of core may
// be (its body, braces included): one longer mixes jobs (issue 22); split
// it by job.
const maxFunctionLines = 80

// No function of the window's or core's code is longer than
// maxFunctionLines.
func TestNoLongFunctions(t *testing.T) {
	t.Parallel()
	n := sourcetest.Each(t, []string{".", "../core"}, func(fset *token.FileSet, _ string, file *ast.File) {
		for _, decl := range file.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			if lines := fset.Position(fn.Body.End()).Line - fset.Position(fn.Body.Pos()).Line + 1; lines > maxFunctionLines {
				t.Errorf("%s: %s is %d lines long (at most %d): split it by job", fset.Position(fn.Pos()), fn.Name.Name, lines, maxFunctionLines)
			}
		}
	})
	if n < 100 {
		t.Errorf("only %d files scanned: is the scan still looking at ui and core?", n)
	}
}
