//go:build e2e

package e2e

import (
	"path/filepath"
	"strings"
)

// pickInDialog drives Fyne's own file and folder dialog (the fallback on
// Linux without a desktop portal) with the mouse: Home among the
// favourites, then each folder under the home, then the file, then the
// dialog's confirm button.
func (s *session) pickInDialog(dir, name string) {
	s.t.Helper()
	rel, err := filepath.Rel(s.home, dir)
	if err != nil || strings.HasPrefix(rel, "..") {
		s.t.Fatalf("the suite picks only under the private home, not %s", dir)
	}
	s.clickText("dialog-home", screenWait, "Home")
	if rel != "." {
		for _, part := range strings.Split(rel, string(filepath.Separator)) {
			s.clickText("dialog-folder", screenWait, part)
		}
	}
	if name != "" {
		s.clickText("dialog-file", screenWait, strings.Fields(name)[0])
	}
	s.clickText("dialog-confirm", screenWait, s.L("Open"))
}
