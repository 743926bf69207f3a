// Package sysclip owns putting a secret on the system clipboard marked so
// that clipboard history, cloud clipboards and clipboard managers skip it,
// as password managers such as KeePass do:
//
//   - Windows: the text (CF_UNICODETEXT) beside the registered formats
//     ExcludeClipboardContentFromMonitorProcessing,
//     CanIncludeInClipboardHistory = 0 and CanUploadToCloudClipboard = 0,
//     so Win+V history and the cloud clipboard leave it out.
//   - macOS: the text beside org.nspasteboard.ConcealedType (the
//     nspasteboard.org marker clipboard managers honour), written by
//     AppKit through osascript's JavaScript bridge, since Fornyer is built
//     without cgo for this; the secret goes over standard input, never in
//     arguments.
//   - elsewhere (Linux): ErrUnsupported. KDE's x-kde-passwordManagerHint
//     needs Fornyer to own the X selection and serve the targets itself,
//     which Fyne's clipboard (GLFW) does not allow beside it; the caller
//     falls back to Fyne's plain clipboard.
//
// Reading and clearing stay with the caller's clipboard: the text format is
// the ordinary one, so any clipboard reads it.
package sysclip

import "errors"

// ErrUnsupported says this system has no concealed writer; use the plain
// clipboard.
var ErrUnsupported = errors.New("sysclip: no concealed clipboard on this system")

// WriteConcealed puts text on the clipboard, marked as a secret.
func WriteConcealed(text string) error { return writeConcealed(text) }
