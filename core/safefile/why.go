package safefile

import (
	"context"
	"errors"
	"io/fs"
	"syscall"
)

// Why a write into a folder failed, in terms of what the user can do about
// it: the codes backup and receipt errors carry.
const (
	WhyCanceled       = "canceled"
	WhyVerifyFailed   = "verify_failed"
	WhyDiskFull       = "disk_full"
	WhyFolderReadOnly = "folder_read_only"
	WhyNotAFolder     = "not_a_folder"
	WhyFolderMissing  = "folder_missing"
	WhyDeviceGone     = "device_gone"
	WhyWriteFailed    = "write_failed"
	WhyNameRefused    = "name_refused"
)

// WhyWrite names why writing into a folder failed: the one rule for
// every file Fornyer writes for the user.
func WhyWrite(err error) string {
	switch {
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return WhyCanceled
	case errors.Is(err, ErrVerify):
		return WhyVerifyFailed
	case errors.Is(err, ErrNameRefused): // before ErrPermission: fusefat's EPERM for "æ"
		return WhyNameRefused
	case IsDiskFull(err):
		return WhyDiskFull
	case IsReadOnly(err), errors.Is(err, fs.ErrPermission):
		return WhyFolderReadOnly
	case errors.Is(err, syscall.ENOTDIR):
		return WhyNotAFolder
	case errors.Is(err, fs.ErrNotExist):
		return WhyFolderMissing
	case IsDeviceGone(err):
		return WhyDeviceGone
	}
	return WhyWriteFailed
}
