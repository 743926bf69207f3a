package safefile

import (
	"errors"
	"syscall"
)

// Windows error numbers the syscall package does not name.
const (
	errHandleDiskFull     = syscall.Errno(39)
	errDiskFull           = syscall.Errno(112)
	errWriteProtect       = syscall.Errno(19)
	errNotReady           = syscall.Errno(21)
	errGenFailure         = syscall.Errno(31)
	errDevNotExist        = syscall.Errno(55)
	errUnexpNetErr        = syscall.Errno(59)
	errIODevice           = syscall.Errno(1117)
	errDeviceNotConnected = syscall.Errno(1167)
	errDiskQuotaExceeded  = syscall.Errno(1295)
)

// IsDiskFull: no room left on the disk, or the user's quota used up.
func IsDiskFull(err error) bool {
	return errors.Is(err, errHandleDiskFull) || errors.Is(err, errDiskFull) || errors.Is(err, errDiskQuotaExceeded)
}

// IsReadOnly: the disk, the folder or the file may not be written.
func IsReadOnly(err error) bool {
	return errors.Is(err, errWriteProtect) || errors.Is(err, syscall.ERROR_ACCESS_DENIED)
}

// IsDeviceGone: what a pulled stick or a dropped share looks like.
func IsDeviceGone(err error) bool {
	return errors.Is(err, errNotReady) || errors.Is(err, errGenFailure) || errors.Is(err, errDevNotExist) ||
		errors.Is(err, errUnexpNetErr) || errors.Is(err, errIODevice) || errors.Is(err, errDeviceNotConnected) ||
		errors.Is(err, syscall.ERROR_NETNAME_DELETED)
}
