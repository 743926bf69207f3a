package safefile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// ErrNotRegular means a path names a folder, a pipe, a device or a socket
// where a file was expected. Opening such a thing for reading could block
// for ever (a FIFO with no writer) or never end (a device); OpenRegular
// neither blocks nor reads it.
var ErrNotRegular = errors.New("not a regular file")

// ErrFolder is ErrNotRegular for a folder, for callers that say so.
var ErrFolder = fmt.Errorf("a folder: %w", ErrNotRegular)

// TooLargeError is a file over the limit a reader set; Size is what the
// file's metadata said, or -1 when it grew while being read.
type TooLargeError struct {
	Size, Limit int64
}

func (e *TooLargeError) Error() string {
	if e.Size < 0 {
		return fmt.Sprintf("the file is larger than the %d bytes allowed", e.Limit)
	}
	return fmt.Sprintf("the file is %d bytes, more than the %d allowed", e.Size, e.Limit)
}

// OpenRegular opens path for reading only if it is a regular file. It
// opens without blocking (O_NONBLOCK where the system has it) and then
// asks the opened file what it is (fstat), so that nothing swapped in
// between a check and the open (a FIFO, a device) can hold the caller.
// Every read of a user's file or of Fornyer's own files goes through it.
func OpenRegular(path string) (*os.File, fs.FileInfo, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|openNonBlock, 0)
	if err != nil {
		return nil, nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if st.IsDir() {
		f.Close()
		return nil, nil, &fs.PathError{Op: "open", Path: path, Err: ErrFolder}
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, nil, &fs.PathError{Op: "open", Path: path, Err: ErrNotRegular}
	}
	return f, st, nil
}

// ReadRegular reads a regular file of at most limit bytes: ErrNotRegular
// (wrapped) for anything else, *TooLargeError beyond the limit, whether
// the size says so up front or the file grows while it is read.
func ReadRegular(path string, limit int64) ([]byte, error) {
	f, st, err := OpenRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st.Size() > limit {
		return nil, &TooLargeError{Size: st.Size(), Limit: limit}
	}
	// Room for the size found, so that the file is read in one call and
	// the end seen in a second (io.ReadAll starts at 512 bytes and grows).
	var buf bytes.Buffer
	buf.Grow(int(st.Size()) + bytes.MinRead)
	if _, err := buf.ReadFrom(io.LimitReader(f, limit+1)); err != nil {
		return nil, err
	}
	if int64(buf.Len()) > limit {
		return nil, &TooLargeError{Size: -1, Limit: limit}
	}
	return buf.Bytes(), nil
}
