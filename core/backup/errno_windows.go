package backup

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

func isDiskFull(err error) bool {
	return errors.Is(err, errHandleDiskFull) || errors.Is(err, errDiskFull) || errors.Is(err, errDiskQuotaExceeded)
}

func isReadOnly(err error) bool {
	return errors.Is(err, errWriteProtect) || errors.Is(err, syscall.ERROR_ACCESS_DENIED)
}

func isDeviceGone(err error) bool {
	return errors.Is(err, errNotReady) || errors.Is(err, errGenFailure) || errors.Is(err, errDevNotExist) ||
		errors.Is(err, errUnexpNetErr) || errors.Is(err, errIODevice) || errors.Is(err, errDeviceNotConnected) ||
		errors.Is(err, syscall.ERROR_NETNAME_DELETED)
}
