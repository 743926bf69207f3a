package register

import (
	"path/filepath"
	"slices"

	"github.com/fornyer/fornyer/core/appinfo"
)

// FileName is the register's name in the app's storage folder.
const FileName = "register.json"

// DefaultPath is the register the window keeps: FileName in the app's
// storage folder (appinfo.StorageDir), so that the command line reads the
// same file as the window.
func DefaultPath() (string, error) {
	dir, err := appinfo.StorageDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, FileName), nil
}

// Read returns the user's certificates in the register at path (those
// List would give: mine; in the file's order) without opening it
// for changes: a damaged file (or one over MaxFileSize) is reported
// (CodeDamaged, CodeNewer), never moved aside, and nothing is written. A missing file is CodeNotFound. It
// is what the command line uses while the window may be running.
func Read(path string) ([]Certificate, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, readError(path, err)
	}
	certs, version, err := decode(data)
	if err != nil {
		return nil, decodeError(path, version, err)
	}
	return slices.DeleteFunc(certs, func(c Certificate) bool { return !mine(c) }), nil
}
