//go:build !windows

package watch

import (
	"os"
	"path/filepath"
	"runtime"
)

func downloadsDir() string { return userDir("DOWNLOAD", "Downloads") }
func desktopDir() string   { return userDir("DESKTOP", "Desktop") }

func userDir(xdgName, name string) string {
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return ""
	}
	if runtime.GOOS == "darwin" {
		return filepath.Join(home, name) // fixed names; Finder only shows them translated
	}
	return xdgUserDir(home, xdgName, name)
}
