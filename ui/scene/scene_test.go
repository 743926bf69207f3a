package scene

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// A scene is drawn again when the theme's colours change, and only then:
// drawing it makes all its objects anew, and Fyne refreshes a screen's
// content on occasions that change nothing it draws (twice before the
// window's first frame).
func TestIllustrationDrawnAgainOnlyWhenItsColoursChange(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantLight})
	i := New("login")
	w := test.NewTempWindow(t, i)
	w.Resize(fyne.NewSize(480, 300))
	drawn := func() fyne.CanvasObject { return test.WidgetRenderer(i).Objects()[0] }
	first := drawn()
	i.Refresh()
	if drawn() != first {
		t.Error("drawn anew by a refresh that changes nothing it draws")
	}
	a.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantDark})
	i.Refresh()
	if drawn() == first {
		t.Error("not drawn again in the dark theme's colours")
	}
}

// variantTheme is Fyne's theme in one variant whatever the settings.
type variantTheme struct {
	fyne.Theme
	v fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.v)
}
