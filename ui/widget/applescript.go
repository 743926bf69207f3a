package widget

import "strings"

// appleScript is the AppleScript that asks the Finder for p: "choose file"
// or "choose folder", answered as a POSIX path. It is built on every system
// so that its quoting is tested everywhere.
func appleScript(p Pick) string {
	var b strings.Builder
	b.WriteString("POSIX path of (")
	if p.Folder {
		b.WriteString("choose folder")
	} else {
		b.WriteString("choose file")
	}
	if p.Title != "" {
		b.WriteString(" with prompt " + appleString(p.Title))
	}
	if !p.Folder && len(p.Extensions) > 0 {
		kinds := make([]string, len(p.Extensions))
		for i, e := range p.Extensions {
			kinds[i] = appleString(e)
		}
		b.WriteString(" of type {" + strings.Join(kinds, ", ") + "}")
	}
	if dir := existingDir(p.StartDir); dir != "" {
		b.WriteString(" default location (POSIX file " + appleString(dir) + ")")
	}
	b.WriteString(")")
	return b.String()
}

// appleString quotes s as an AppleScript string literal.
func appleString(s string) string {
	s = strings.ReplaceAll(s, `\`, `\\`)
	s = strings.ReplaceAll(s, `"`, `\"`)
	return `"` + s + `"`
}
