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
//   - Linux and the BSDs with an X11 display: the text (UTF8_STRING,
//     text/plain;charset=utf-8, and STRING/TEXT in Latin-1 where it fits)
//     beside x-kde-passwordManagerHint = "secret", the mark KDE's Klipper
//     honours and KeePassXC sets. On X11 the owner of the CLIPBOARD
//     selection serves every paste itself, so the writer opens an X
//     connection of its own (github.com/jezek/xgb, pure Go), owns the
//     selection with a hidden window and answers TARGETS, MULTIPLE,
//     TIMESTAMP and the text formats, until another client takes the
//     clipboard (a copy elsewhere, or the caller clearing it) or Release
//     gives it up; then it closes the connection and clears its own copy
//     of the text (the caller's string stays in memory until the garbage
//     collector takes it). One owner at a time: a new copy takes over from
//     the previous one. Without DISPLAY: ErrUnsupported. Use it only when
//     the caller's own window is an X11 window (XWayland included): a
//     native Wayland window's clipboard is Wayland's, which the compositor
//     need not pass on to X11, so clearing it there would not reach this
//     owner, and the text would stay served to X11 programs.
//   - elsewhere: ErrUnsupported; the caller falls back to its plain
//     clipboard.
//
// Reading and clearing stay with the caller's clipboard: the text format is
// the ordinary one, so any clipboard reads it (on X11 Fyne's GLFW asks the
// writer's connection like any other program; the writer answers from its
// own goroutine, never the caller's thread). The caller calls Release
// whenever it clears, so that no owner outlives the clear.
package sysclip

import "errors"

// ErrUnsupported says this system has no concealed writer; use the plain
// clipboard.
var ErrUnsupported = errors.New("sysclip: no concealed clipboard on this system")

// WriteConcealed puts text on the clipboard, marked as a secret.
func WriteConcealed(text string) error { return writeConcealed(text) }

// Release ends what WriteConcealed left serving the clipboard, if anything
// (the X11 owner; elsewhere the clipboard holds data and clearing it is
// enough). It does not wait: the owner ends on its own goroutine.
func Release() { release() }
