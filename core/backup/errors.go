package backup

import (
	"errors"
	"fmt"
	"path/filepath"

	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/safefile"
)

// Error codes: stable names a caller may switch on. Each has a sentence in
// the catalogue under "backup.error.<code>".
const (
	// The request itself.
	CodeNoFolder         = "no_folder"           // no destination given
	CodeBadProfile       = "bad_profile"         // Reprotect.Profile is neither "compatible" nor "strong"
	CodeNoPassphrase     = "no_passphrase"       // a re-protected copy was asked for without a passphrase
	CodeBadPassphrase    = "passphrase_unusable" // the passphrase holds characters a .p12 cannot carry
	CodeSameFolder       = "same_folder"         // the backup would sit beside the original
	CodeCanceled         = safefile.WhyCanceled  // the caller stopped it
	CodeSourceUnreadable = "source_unreadable"   // the original cannot be read
	CodeSourceTooLarge   = "source_too_large"    // the original is over the size limit
	CodeSourceInvalid    = "source_invalid"      // the original is not a certificate file Fornyer can open
	CodeWrongPassword    = "wrong_password"      // the password does not open the original
	CodeDamagedKey       = "damaged_key"         // the original opens, but its private key is damaged
	CodeSourceChanged    = "source_changed"      // the original changed since it was checked
	CodeNoKey            = "no_key"              // the original holds no private key (or several), so it cannot be re-protected
	CodeNoRecipient      = "no_recipient"        // a hand-over copy was asked for without saying who it is for

	// The destination.
	CodeFolderMissing  = safefile.WhyFolderMissing  // the folder does not exist (or vanished: a stick pulled)
	CodeNotAFolder     = safefile.WhyNotAFolder     // the destination is a file
	CodeFolderReadOnly = safefile.WhyFolderReadOnly // the folder cannot be written to
	CodeDiskFull       = safefile.WhyDiskFull       // no room left
	CodeDeviceGone     = safefile.WhyDeviceGone     // an input/output error: the stick or share went away
	CodeWriteFailed    = safefile.WhyWriteFailed    // any other failure to write
	CodeVerifyFailed   = safefile.WhyVerifyFailed   // the copy read back differs from the original
	CodeNameRefused    = safefile.WhyNameRefused    // the folder refuses the file's name, and its plain name too
	CodeCopyUnusable   = "copy_unusable"            // the copy reads back equal but does not open
	CodeReprotect      = "reprotect_failed"         // the re-protected copy could not be made
)

// Error is a failed backup: a stable Code, the folder or file concerned, and
// the underlying error for technical details. It never holds a password.
type Error struct {
	Code string
	Path string // the folder or file concerned; "" when none
	Err  error
}

func (e *Error) Error() string {
	s := "backup: " + e.Code
	if e.Path != "" {
		s += " (" + e.Path + ")"
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

// Fault is the error's sentence and code: "backup.error.<code>", filled
// with {{.Folder}} and {{.File}}.
func (e *Error) Fault() msg.Fault {
	d := map[string]any{"Folder": e.Path, "File": filepath.Base(e.Path)}
	if e.Path == "" {
		d["File"] = ""
	}
	return msg.Fault{Code: e.Code, Key: "backup.error." + e.Code, Data: d}
}

// Codes lists every code, for tests that check each has a sentence.
var Codes = []string{
	CodeNoFolder, CodeBadProfile, CodeNoPassphrase, CodeBadPassphrase, CodeSameFolder,
	CodeCanceled, CodeSourceUnreadable, CodeSourceTooLarge, CodeSourceInvalid,
	CodeWrongPassword, CodeDamagedKey, CodeNoKey, CodeFolderMissing, CodeNotAFolder, CodeFolderReadOnly,
	CodeDiskFull, CodeDeviceGone, CodeWriteFailed, CodeVerifyFailed, CodeCopyUnusable,
	CodeReprotect, CodeSourceChanged, CodeNoRecipient, CodeNameRefused,
}

// writeError turns an error from writing into the folder dir into an
// *Error with the code that says what the user can do about it.
func writeError(dir string, err error) *Error {
	var be *Error
	if errors.As(err, &be) {
		return be
	}
	code := safefile.WhyWrite(err) // the backup codes of the same names
	return &Error{Code: code, Path: dir, Err: err}
}

func errorf(code, path, format string, args ...any) *Error {
	return &Error{Code: code, Path: path, Err: fmt.Errorf(format, args...)}
}
