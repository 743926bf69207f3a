// Package sourcetest reads the product's Go source for the tests that scan
// it (one error path, one place for the time limits, no long functions):
// every .go file under the folders given, tests left out, parsed.
package sourcetest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// Each parses every non-test .go file under the roots, folders within
// them included, and calls f with it; a file that cannot be read or parsed
// fails t. It returns how many files it read, for the test to see that
// the scan still finds the code.
func Each(t testing.TB, roots []string, f func(fset *token.FileSet, path string, file *ast.File)) int {
	t.Helper()
	files := 0
	for _, root := range roots {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			fset := token.NewFileSet()
			file, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				return err
			}
			files++
			f(fset, path, file)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return files
}
