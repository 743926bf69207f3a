package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// fitWidth holds the window's content and never asks the window for more
// width than the companion's: Fyne widens a window whose content asks for
// more, past the screen's right edge beside the browser, and never narrows
// it again (Y7: a button naming an organisation did, until a restart).
// What is wider than that is drawn cut off instead; no screen should be
// (TestAQuestionAboutAnotherOrganisationKeepsTheWindowsWidth and
// TestEveryCardFitsANarrowWindow measure the content itself: unfitted).
func fitWidth(content fyne.CanvasObject) *fyne.Container {
	return container.New(widthCap{}, content)
}

// widthCap is fitWidth's layout: the content fills the window; its
// minimum width counts up to the companion's.
type widthCap struct{}

func (widthCap) MinSize(objects []fyne.CanvasObject) fyne.Size {
	m := objects[0].MinSize()
	m.Width = min(m.Width, companionSize.Width)
	return m
}

func (widthCap) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	objects[0].Move(fyne.Position{})
	objects[0].Resize(size)
}
