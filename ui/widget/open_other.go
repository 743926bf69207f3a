//go:build !windows

package widget

import "errors"

func shellOpen(string) error { return errors.New("ShellExecute is Windows's") }
