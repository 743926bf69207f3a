package vault

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/fornyer/fornyer/internal/sourcetest"
)

// otherLimits are the time limits the window and the command line may set
// that bound no credential-store call, by file (from the module's root),
// function and call.
var otherLimits = map[string]bool{
	// Whether the desktop portal answers on D-Bus, before a file dialog.
	"ui/widget/picker_portal.go portalAvailable context.WithTimeout": true,
	// How long the system's opener is given to say it failed.
	"ui/widget/open.go openWithSystem time.After": true,
	// The clipboard's clear 30 seconds after a password was copied.
	"ui/deps.go systemDeps time.AfterFunc": true,
}

// One place owns the credential store's time limits (limits.go): the
// window's and the command line's code (ui/..., cli/..., cmd/...) sets no
// time limit of its own (context.WithTimeout, WithDeadline or their Cause
// forms, whatever name the context package is imported under; a
// time.After, AfterFunc or NewTimer), so no screen waits on
// the store longer or shorter than another for the same call. The limits
// that bound something else are listed in otherLimits.
func TestNoOtherTimeLimits(t *testing.T) {
	roots := []string{"../../ui", "../../cli", "../../cmd"}
	seen := map[string]bool{}
	folders := map[string]bool{}
	sourcetest.Each(t, roots, func(fs *token.FileSet, path string, file *ast.File) {
		rel := filepath.ToSlash(strings.TrimPrefix(filepath.Clean(path), filepath.Clean("../..")+string(filepath.Separator)))
		folders[filepath.ToSlash(filepath.Dir(rel))] = true
		for _, l := range timeLimits(file) {
			key := rel + " " + l.function + " " + l.call
			seen[key] = true
			if !otherLimits[key] {
				t.Errorf("%s: a time limit of its own (%s in %s); the store's limits are core/vault's", fs.Position(l.pos), l.call, l.function)
			}
		}
	})
	for _, folder := range []string{"ui", "ui/widget", "ui/scene", "cli", "cmd/fornyer", "cmd/fornyer-cli"} {
		if !folders[folder] {
			t.Errorf("no file of %s scanned: is the scan still looking at all of ui, cli and cmd?", folder)
		}
	}
	for key := range otherLimits {
		if !seen[key] {
			t.Errorf("%s is allowed but not found: take it off otherLimits", key)
		}
	}
	if !(LookupLimit < CallLimit) {
		t.Errorf("the look-up before a check (%v) waits as long as a call (%v): a locked keyring would hold the check", LookupLimit, CallLimit)
	}
}

// A limit planted in each form the scan knows is found, each under the
// call's own name: an aliased or dot-imported context package, the Cause
// forms, time.After in a select, a timer.
func TestTimeLimitsFound(t *testing.T) {
	const src = `package p

import (
	ctxpkg "context"
	. "context"
	tm "time"
)

func a() { ctxpkg.WithTimeoutCause(nil, 0, nil) }
func b() { WithDeadline(nil, tm.Time{}) }
func c(done chan int) {
	select {
	case <-done:
	case <-tm.After(tm.Second):
	}
}
func d() { tm.NewTimer(0) }
func e() { ctxpkg.WithCancel(nil); tm.Sleep(0) }
func f() { go func() { _ = ctxpkg.WithDeadlineCause }() }
func g() { t := tm.After(0); <-t }
func h() { tm.AfterFunc(0, nil) }

var later = func() { ctxpkg.WithTimeout(nil, tm.Second) }
`
	file, err := parser.ParseFile(token.NewFileSet(), "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range timeLimits(file) {
		got = append(got, l.function+" "+l.call)
	}
	want := []string{"a context.WithTimeoutCause", "b context.WithDeadline", "c time.After", "d time.NewTimer", "f context.WithDeadlineCause", "g time.After", "h time.AfterFunc", "later context.WithTimeout"}
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("found %q, want %q", got, want)
	}
}

// limit is one time limit in a file: where, in which function, and the
// call (its package's own name, whatever the import called it).
type limit struct {
	pos      token.Pos
	function string
	call     string
}

// timeLimits are the time limits set in file, in its functions and in
// the values of its package-level declarations: the context package's
// With{Timeout,Deadline}[Cause] and the time package's After, AfterFunc
// and NewTimer, whatever then waits on them.
func timeLimits(file *ast.File) []limit {
	names := map[string]string{} // local name -> "context" or "time"; "." for a dot import
	for _, imp := range file.Imports {
		path, _ := strconv.Unquote(imp.Path.Value)
		if path != "context" && path != "time" {
			continue
		}
		local := path
		if imp.Name != nil {
			local = imp.Name.Name
		}
		names[local] = path
		if local == "." {
			names["."+path] = path
		}
	}
	// call names e as "context.WithTimeout", or "" if it is no limit.
	call := func(e ast.Expr) string {
		var pkg, name string
		switch x := e.(type) {
		case *ast.SelectorExpr:
			id, ok := x.X.(*ast.Ident)
			if !ok || id.Name == "." {
				return ""
			}
			pkg, name = names[id.Name], x.Sel.Name
		case *ast.Ident: // a dot import's
			name = x.Name
			switch {
			case names[".context"] != "" && strings.HasPrefix(name, "With"):
				pkg = "context"
			case names[".time"] != "":
				pkg = "time"
			}
		}
		switch {
		case pkg == "context" && (name == "WithTimeout" || name == "WithDeadline" || name == "WithTimeoutCause" || name == "WithDeadlineCause"):
		case pkg == "time" && (name == "After" || name == "AfterFunc" || name == "NewTimer"):
		default:
			return ""
		}
		return pkg + "." + name
	}
	var out []limit
	// scan finds the limits under n, set in the declaration named owner.
	scan := func(n ast.Node, owner string) {
		var visit func(n ast.Node) bool
		visit = func(n ast.Node) bool {
			e, ok := n.(ast.Expr)
			if !ok {
				return true
			}
			if name := call(e); name != "" {
				out = append(out, limit{e.Pos(), owner, name})
				return false
			}
			if sel, ok := e.(*ast.SelectorExpr); ok {
				ast.Inspect(sel.X, visit) // its Sel is no dot import's name
				return false
			}
			return true
		}
		ast.Inspect(n, visit)
	}
	for _, decl := range file.Decls {
		switch d := decl.(type) {
		case *ast.FuncDecl:
			if d.Body != nil {
				scan(d.Body, d.Name.Name)
			}
		case *ast.GenDecl: // a package-level var holding a func literal counts too
			for _, spec := range d.Specs {
				vs, ok := spec.(*ast.ValueSpec)
				if !ok {
					continue
				}
				for i, v := range vs.Values {
					owner := vs.Names[0].Name
					if i < len(vs.Names) {
						owner = vs.Names[i].Name
					}
					scan(v, owner)
				}
			}
		}
	}
	return out
}
