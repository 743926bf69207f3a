package ui

import (
	"testing"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestFrameTabsInBothLanguages(t *testing.T) {
	want := map[string][]string{
		"en": {"Renew", "Check", "My certificates", "Settings"},
		"da": {"Forny", "Tjek", "Mine certifikater", "Indstillinger"},
	}
	for _, language := range []string{"da", "en"} {
		f, _ := newTestFrame(t, language)
		if len(f.tabs.Items) != len(want[language]) {
			t.Fatalf("%s: %d tabs", language, len(f.tabs.Items))
		}
		for i, item := range f.tabs.Items {
			if item.Text != want[language][i] {
				t.Errorf("%s: tab %d is %q, want %q", language, i, item.Text, want[language][i])
			}
		}
	}
}

func TestChangingLanguageRebuildsTheWindow(t *testing.T) {
	f, w := newTestFrame(t, "en")
	f.tabs.SelectIndex(3) // settings
	f.prefs.Language = "da"
	if err := forceLanguage("da"); err != nil {
		t.Fatal(err)
	}
	f.rebuild()
	if got := f.tabs.Items[0].Text; got != "Forny" {
		t.Errorf("after switching to Danish the first tab reads %q", got)
	}
	if f.tabs.SelectedIndex() != 3 {
		t.Errorf("selected tab lost: %d", f.tabs.SelectedIndex())
	}
	if w.Content() != f.content {
		t.Error("window content not replaced")
	}
}

func TestPreferencesRoundTrip(t *testing.T) {
	a := test.NewTempApp(t)
	p := Preferences{Language: "da", KeepOnTop: true}
	p.save(a.Preferences())
	if got := loadPreferences(a.Preferences()); got != p {
		t.Errorf("got %+v want %+v", got, p)
	}
}

// refreshCounter counts the refreshes that reach it.
type refreshCounter struct {
	widget.Label
	refreshed int
}

func (c *refreshCounter) Refresh() { c.refreshed++; c.Label.Refresh() }

func TestAHiddenTabPageIsRefreshedWhenShown(t *testing.T) {
	test.NewTempApp(t)
	screen := &refreshCounter{}
	screen.ExtendBaseWidget(screen)
	p := newTabPage(screen)
	test.NewTempWindow(t, container.NewStack(p))
	p.Refresh() // as Fyne's tabs do for every tab when first drawn
	if screen.refreshed != 0 {
		t.Fatalf("a hidden page refreshed its screen %d times", screen.refreshed)
	}
	p.Show()
	if screen.refreshed == 0 {
		t.Fatal("showing the page did not refresh its screen")
	}
	shown := screen.refreshed
	p.Refresh()
	if screen.refreshed == shown {
		t.Error("a shown page did not pass its refresh on")
	}
}
