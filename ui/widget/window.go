package widget

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// windowState is what the app's widgets keep for one window: the
// shortcuts that hold in its text fields too (AddShortcut), the main
// action a closing dialog gives the keyboard to (SetMainAction), the
// scroll containers that keep its focused control in view (FollowFocus)
// and the watch of its focus (KeepFocusInView). It lives as long as the
// window: when a window KeepFocusInView follows closes, its state goes
// with it (released), so a closed window's screens are not kept, and each
// window (each test's) starts with none. UI thread only.
type windowState struct {
	shortcuts map[string]func(fyne.Shortcut)
	main      func() fyne.Focusable
	followed  []*container.Scroll
	watch     *focusWatch
	ticks     *fyne.Animation
}

// windowStates are the windows' states, by canvas; UI thread only (not
// "windows": the Windows build imports golang.org/x/sys/windows here).
var windowStates = map[fyne.Canvas]*windowState{}

// stateOf is c's window's state, made when first asked for.
func stateOf(c fyne.Canvas) *windowState {
	w := windowStates[c]
	if w == nil {
		w = &windowState{shortcuts: map[string]func(fyne.Shortcut){}}
		windowStates[c] = w
	}
	return w
}

// released forgets what the widgets keep for the window of c: it closed.
func released(c fyne.Canvas) {
	if w := windowStates[c]; w != nil && w.ticks != nil {
		w.ticks.Stop()
	}
	delete(windowStates, c)
}
