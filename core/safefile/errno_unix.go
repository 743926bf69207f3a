//go:build !windows

package safefile

import (
	"errors"
	"syscall"
)

// IsDiskFull: no room left on the disk, or the user's quota used up.
func IsDiskFull(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) || errors.Is(err, syscall.EFBIG)
}

// IsReadOnly: the disk, the folder or the file may not be written.
func IsReadOnly(err error) bool {
	return errors.Is(err, syscall.EROFS) || errors.Is(err, syscall.EACCES) || errors.Is(err, syscall.EPERM)
}

// IsDeviceGone: what a pulled stick or a dropped share looks like.
func IsDeviceGone(err error) bool {
	return errors.Is(err, syscall.EIO) || errors.Is(err, syscall.ENODEV) || errors.Is(err, syscall.ENXIO) ||
		errors.Is(err, syscall.ESTALE) || errors.Is(err, syscall.ENOTCONN) || errors.Is(err, syscall.EHOSTDOWN)
}
