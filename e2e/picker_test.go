//go:build e2e

package e2e

import "path/filepath"

// pickInDialog chooses in Fornyer's fallback picker (the dialog on Linux
// without a desktop portal) the way a keyboard user does: the path field
// has the focus, so the path is pasted over what it holds (xdotool cannot
// type Danish letters in Xvfb's keymap; a pasted path is what people do
// anyway) and Enter chooses.
func (s *session) pickInDialog(dir, name string) {
	s.t.Helper()
	path := dir
	if name != "" {
		path = filepath.Join(dir, name)
	}
	s.waitText("picker", screenWait, s.L("picker.browse"))
	s.clipboard(path)
	s.key("ctrl+a")
	s.key("ctrl+v")
	s.shot("picker-path")
	s.key("Return")
}
