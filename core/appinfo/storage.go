package appinfo

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"

	"github.com/fornyer/fornyer/core/msg"
)

// StorageDir is the folder where the window keeps its files (the register,
// the guide's progress, its preferences): Fyne's app storage for ID, which
// the command line reads too. Fyne v2.8 puts it at
//
//	Linux, BSD: $XDG_CONFIG_HOME/fyne/dk.fornyer.app (~/.config/fyne/dk.fornyer.app)
//	Windows:    %USERPROFILE%\AppData\Roaming\fyne\dk.fornyer.app
//	macOS:      ~/Library/Preferences/fyne/dk.fornyer.app
//
// (fyne.io/fyne/v2/internal/app.RootConfigDir joined with the app ID); a
// test in cmd/fornyer holds this to what the real app reports.
// A failure is a *StorageError.
func StorageDir() (string, error) {
	dir, err := storageDir(runtime.GOOS, os.UserHomeDir, os.UserConfigDir)
	if err != nil {
		return "", &StorageError{Err: err}
	}
	return dir, nil
}

// StorageError is a computer that gives Fornyer no folder of its own (no
// home or configuration folder for this user).
type StorageError struct{ Err error }

func (e *StorageError) Error() string { return "appinfo: no storage folder: " + e.Err.Error() }
func (e *StorageError) Unwrap() error { return e.Err }

// Fault is the sentence "app.error.no_storage".
func (e *StorageError) Fault() msg.Fault {
	return msg.Fault{Code: "no_storage", Key: "app.error.no_storage"}
}

func storageDir(goos string, home, config func() (string, error)) (string, error) {
	var root string
	switch goos {
	case "windows":
		h, err := home()
		if err != nil {
			return "", err
		}
		root = filepath.Join(h, "AppData", "Roaming")
	case "darwin":
		h, err := home()
		if err != nil {
			return "", err
		}
		root = filepath.Join(h, "Library", "Preferences")
	default:
		c, err := config()
		if err != nil {
			return "", err
		}
		root = c
	}
	if root == "" {
		return "", errors.New("no home folder")
	}
	return filepath.Join(root, "fyne", ID), nil
}
