package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
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
	m.Width = min(m.Width, contentWidth())
	return m
}

// contentWidth is the width the window gives its content: the companion's
// less the window's padding on either side (a padded canvas insets its
// content by it). Capped at the companion's width itself, content that
// asked for more widened the window by the padding, 480 to 488 px (Z21).
func contentWidth() float32 { return companionSize.Width - 2*theme.Padding() }

func (widthCap) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	objects[0].Move(fyne.Position{})
	objects[0].Resize(size)
}
