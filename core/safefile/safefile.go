// Package safefile owns how Fornyer writes files: into a temporary file in
// the target folder, synced, then given its final name; a file that already
// exists is never overwritten (a " (2)" suffix is used instead), and every new
// file is read back and compared before the caller is told it is safe.
package safefile

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/fornyer/fornyer/core/safetext"
)

// ErrVerify means the file read back differs from what was written. The bad
// file has been removed.
var ErrVerify = errors.New("the file read back differs from what was written")

// maxSuffix bounds the search for a free name.
const maxSuffix = 999

// Writer writes new files. The zero value is ready to use.
type Writer struct {
	// BeforeVerify, if set, runs after the file has its final name and before
	// it is read back. Tests use it to damage the copy or pull the folder.
	BeforeVerify func(path string)
	// Refuses, if set, is a file system that refuses some names (tests):
	// giving a name it refuses fails as fusefat fails for "æ", with EPERM,
	// after the temporary file was written.
	Refuses func(name string) bool
}

// ErrNameRefused means the folder took the file's bytes (the temporary file
// was written) but refused its name: a file system that stores no "æ", or
// no name that long. Nothing is left behind.
var ErrNameRefused = errors.New("safefile: the folder does not accept the file's name")

// WriteNew writes data as a new file named name (or "name (2).ext", ...) in
// dir, verifies it by reading it back, and returns its path. A folder that
// refuses the name gets the file under its plain name (PlainName). On any
// failure nothing is left under the final name and the error says what
// went wrong.
func WriteNew(dir, name string, data []byte) (string, error) {
	return Writer{}.WriteNew(dir, name, data)
}

// WriteNew is the package function with the writer's hooks.
func (w Writer) WriteNew(dir, name string, data []byte) (string, error) {
	path, _, err := w.WriteNamed(dir, name, data)
	return path, err
}

// WriteNamed is WriteNew, also saying whether the file went under its
// plain name because the folder refused name.
func (w Writer) WriteNamed(dir, name string, data []byte) (path string, plain bool, err error) {
	path, err = w.writeNew(dir, name, data)
	if !errors.Is(err, ErrNameRefused) {
		return path, false, err
	}
	p := PlainName(name)
	if p == name {
		return "", false, err
	}
	path, err = w.writeNew(dir, p, data)
	return path, err == nil, err
}

// PlainName is the name a file goes under where its own is refused: plain
// letters (safetext.PlainFileName), or "file" and its extension when no
// letter of it is plain.
func PlainName(name string) string {
	if p := safetext.PlainFileName(name); p != "" {
		return p
	}
	return "file" + safetext.PlainFileName("x" + filepath.Ext(name))[1:]
}

// Names are the names a file named name may be under in a folder: name,
// and its plain name when that differs.
func Names(name string) []string {
	if p := PlainName(name); p != name {
		return []string{name, p}
	}
	return []string{name}
}

func (w Writer) writeNew(dir, name string, data []byte) (string, error) {
	if name == "" || name != filepath.Base(name) || name == "." || name == ".." {
		return "", fmt.Errorf("safefile: bad file name %q", name)
	}
	tmp, err := writeTemp(dir, data)
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp) // gone after a successful link or rename; harmless then

	final, err := w.claim(tmp, dir, name)
	if errors.Is(err, errNoLinks) {
		// FAT and exFAT sticks: no hard links. The name is claimed by
		// creating it exclusively (empty), then the synced temporary file
		// is renamed over that claim of ours: no other writer (another
		// backup at the same moment) can overwrite it or be overwritten,
		// and the final name never holds a half-written file.
		final, err = w.claimByPlaceholder(tmp, dir, name)
	}
	if err != nil {
		return "", err
	}
	if w.BeforeVerify != nil {
		w.BeforeVerify(final)
	}
	if err := Verify(final, data); err != nil {
		os.Remove(final)
		return "", err
	}
	return final, nil
}

// Verify reads path back and compares it with want.
func Verify(path string, want []byte) error {
	got, err := ReadRegular(path, int64(len(want)))
	var tooLarge *TooLargeError
	if errors.As(err, &tooLarge) {
		return fmt.Errorf("%s: %w", path, ErrVerify)
	}
	if err != nil {
		return fmt.Errorf("reading back %s: %w", path, err)
	}
	if !bytes.Equal(got, want) {
		return fmt.Errorf("%s: %w", path, ErrVerify)
	}
	return nil
}

// SHA256 returns the lower-case hex SHA-256 of a file's content.
func SHA256(data []byte) string {
	sum := sha256.Sum256(data)
	return fmt.Sprintf("%x", sum)
}

// Replace atomically replaces path with data: for files Fornyer itself owns
// (its register, its progress), never for the user's files. A reader sees
// the old file or the new one, never a mix.
func Replace(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	tmp, err := writeTemp(dir, data)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	syncDir(dir)
	return Verify(path, data)
}

func writeTemp(dir string, data []byte) (string, error) {
	f, err := os.CreateTemp(dir, ".fornyer-*.tmp")
	if err != nil {
		return "", err
	}
	name := f.Name()
	_, werr := io.Copy(f, bytes.NewReader(data))
	serr := f.Sync()
	cerr := f.Close()
	if err := errors.Join(werr, serr, cerr); err != nil {
		os.Remove(name)
		return "", err
	}
	return name, nil
}

// link makes a hard link; a variable so that tests can take hard links
// away, as a FAT stick does.
var link = os.Link

// errNoLinks means the folder's file system has no hard links.
var errNoLinks = errors.New("safefile: the file system has no hard links")

// claim gives tmp the first free name among name, "name (2)", ... in dir.
// A hard link refuses to replace an existing file, so no race can make it
// overwrite one. Where the file system has no hard links (FAT, exFAT) it
// returns errNoLinks, and nothing is renamed: a check followed by a rename
// can replace a file another writer created in between.
func (w Writer) claim(tmp, dir, name string) (string, error) {
	for i := 1; i <= maxSuffix; i++ {
		final := filepath.Join(dir, Numbered(name, i))
		err := w.refused(final)
		if err == nil {
			err = link(tmp, final)
		}
		if err == nil {
			syncDir(dir)
			return final, nil
		}
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return "", fmt.Errorf("%w: %v", errNoLinks, err)
	}
	return "", fmt.Errorf("safefile: no free name for %s in %s", name, dir)
}

// claimByPlaceholder gives tmp the first free name of name's series in dir
// where hard links are not to be had: the name is created empty with
// O_EXCL, which only one writer can do, and tmp is renamed over it.
func (w Writer) claimByPlaceholder(tmp, dir, name string) (string, error) {
	for i := 1; i <= maxSuffix; i++ {
		final := filepath.Join(dir, Numbered(name, i))
		err := w.refused(final)
		if err == nil {
			err = writeExclusive(final, nil)
		}
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", nameRefused(err)
		}
		if err := os.Rename(tmp, final); err != nil {
			os.Remove(final)
			return "", err
		}
		syncDir(dir)
		return final, nil
	}
	return "", fmt.Errorf("safefile: no free name for %s in %s", name, dir)
}

// refused is the error a file system of Writer.Refuses gives for path.
func (w Writer) refused(path string) error {
	if w.Refuses != nil && w.Refuses(filepath.Base(path)) {
		return &os.PathError{Op: "open", Path: path, Err: syscall.EPERM}
	}
	return nil
}

// nameRefused says why a name could not be created in a folder that took
// the temporary file's bytes a moment ago: unless the disk filled or went
// away in between, the folder refuses the name itself (FAT's fusefat gives
// EPERM for "æ", vfat EINVAL for ":", any of them ENAMETOOLONG).
func nameRefused(err error) error {
	if IsDiskFull(err) || IsDeviceGone(err) || errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return fmt.Errorf("%w: %w", ErrNameRefused, err)
}

// writeExclusive creates path with O_EXCL (fs.ErrExist if it exists),
// writes data, syncs and closes it; on a failure after creating it, it
// removes it.
func writeExclusive(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, werr := f.Write(data)
	serr := f.Sync()
	cerr := f.Close()
	if err := errors.Join(werr, serr, cerr); err != nil {
		os.Remove(path)
		return err
	}
	return nil
}

// FindSame returns the file of name's series in dir ("name", "name (2)",
// … as WriteNew numbers them, up to the first name not taken) that holds
// exactly data: a second backup to the same stick finds its first copy
// instead of writing an identical "(2)" beside it. Only regular files are
// read, and none larger than data.
func FindSame(dir, name string, data []byte) (string, bool) {
	for i := 1; i <= maxSuffix; i++ {
		path := filepath.Join(dir, Numbered(name, i))
		st, err := os.Lstat(path)
		if err != nil {
			return "", false
		}
		if !st.Mode().IsRegular() || st.Size() != int64(len(data)) {
			continue
		}
		if got, err := ReadRegular(path, int64(len(data))); err == nil && bytes.Equal(got, data) {
			return path, true
		}
	}
	return "", false
}

// Numbered returns name for i == 1 and "stem (i).ext" after that.
func Numbered(name string, i int) string {
	if i <= 1 {
		return name
	}
	ext := filepath.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	if ext == name { // ".p12": all extension, no stem
		stem, ext = name, ""
	}
	return fmt.Sprintf("%s (%d)%s", stem, i, ext)
}

// syncDir makes a rename durable where the platform allows; Windows cannot
// open folders for syncing, and there the rename is already durable.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

// MoveAside keeps a damaged file of Fornyer's own (its register, its
// progress) under path+".damaged-<stamp>" (or "-2", "-3", ... after it),
// never over an existing file, so that the next save cannot destroy it. It
// returns the new name. Where there are no hard links the file is copied
// to an exclusively created name and the original removed.
func MoveAside(path, stamp string) (string, error) {
	for i := 1; i <= 99; i++ {
		dest := path + ".damaged-" + stamp
		if i > 1 {
			dest += fmt.Sprintf("-%d", i)
		}
		err := link(path, dest)
		if err == nil {
			return dest, os.Remove(path)
		}
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if _, serr := os.Lstat(path); serr != nil {
			return "", serr // nothing to move
		}
		data, rerr := os.ReadFile(path)
		if rerr != nil {
			return "", rerr
		}
		werr := writeExclusive(dest, data)
		if errors.Is(werr, fs.ErrExist) {
			continue
		}
		if werr != nil {
			return "", werr
		}
		return dest, os.Remove(path)
	}
	return "", errors.New("safefile: no free name to keep the damaged file")
}

// RemoveWithAside deletes path and the damaged copies MoveAside kept of it
// ("<path>.damaged-…"), for a user who asked Fornyer to forget what it
// keeps. It reports whether anything was there; a file that cannot be
// deleted is an error, and the others are deleted still.
func RemoveWithAside(path string) (bool, error) {
	paths := []string{path}
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return false, err
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), filepath.Base(path)+".damaged-") {
			paths = append(paths, filepath.Join(filepath.Dir(path), e.Name()))
		}
	}
	found := false
	var errs []error
	for _, p := range paths {
		err := os.Remove(p)
		switch {
		case err == nil:
			found = true
		case !errors.Is(err, fs.ErrNotExist):
			found = true
			errs = append(errs, err)
		}
	}
	return found, errors.Join(errs...)
}

// StaleTemp is how old a temporary file of ours must be before a later
// write to its folder removes it: older than any write still under way (a
// backup of at most 10 MiB to the slowest stick), so that only what an
// unplugged stick or a killed process left behind goes.
const StaleTemp = 15 * time.Minute

// CleanTemp removes from dir the temporary files WriteNew and Replace
// leave when interrupted (".fornyer-<digits>.tmp", regular files, older
// than StaleTemp at now) and returns their names. Nothing else is touched:
// not a user's file of a similar name, not a link, not a recent temporary
// file another writer is still filling.
func CleanTemp(dir string, now time.Time) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var removed []string
	for _, e := range entries {
		if !isOurTemp(e.Name()) || !e.Type().IsRegular() {
			continue
		}
		info, err := e.Info()
		if err != nil || now.Sub(info.ModTime()) < StaleTemp {
			continue
		}
		if os.Remove(filepath.Join(dir, e.Name())) == nil {
			removed = append(removed, e.Name())
		}
	}
	return removed
}

// isOurTemp reports whether name is one os.CreateTemp made from
// ".fornyer-*.tmp": the star is decimal digits.
func isOurTemp(name string) bool {
	digits, ok := strings.CutPrefix(name, ".fornyer-")
	if !ok {
		return false
	}
	digits, ok = strings.CutSuffix(digits, ".tmp")
	return ok && digits != "" && strings.Trim(digits, "0123456789") == ""
}
