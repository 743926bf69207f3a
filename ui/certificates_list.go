package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fornyer/fornyer/core/certlist"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/safetext"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
	"github.com/fornyer/fornyer/ui/words"
)

// The list page of "My certificates": a search box, the order and the
// filters, and a virtualised list of compact rows, one per renewal line;
// only the rows on screen exist, so a provider's thousands of certificates
// cost no more to show than a handful. Tapping a row opens its card. What
// the rows hold, in which order, is core/certlist's decision.

// buildListPage makes the list page's widgets, empty; load fills them.
func (v *certificatesView) buildListPage() fyne.CanvasObject {
	v.search = uiwidget.NewEntry()
	v.search.SetPlaceHolder(words.T("list.search.placeholder"))
	v.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	v.search.OnChanged = func(s string) {
		v.query.Search = s
		v.apply()
	}

	orders := make([]string, len(certlist.Orders))
	for i, o := range certlist.Orders {
		orders[i] = words.T("list.order." + o.Key())
	}
	v.order = widget.NewSelect(orders, func(s string) {
		for i, o := range orders {
			if o == s {
				v.query.Order = certlist.Orders[i]
			}
		}
		v.apply()
	})
	v.order.SetSelectedIndex(0)

	v.filterButton = uiwidget.NewButton(words.T("list.filter"), theme.MenuDropDownIcon(), v.showFilterMenu)
	v.filterButton.IconPlacement = widget.ButtonIconTrailingText
	v.count = widget.NewLabel("")
	v.count.SizeName = theme.SizeNameCaptionText

	v.list = newCertList(
		func() int { return len(v.shown) },
		func() fyne.CanvasObject { return newCertRow() },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(v.shown) {
				o.(*certRow).set(v.shown[id], v.now)
			}
			if !v.rowsTraced {
				// The first rows drawn: the real-window suite times the
				// tab from here.
				v.rowsTraced = true
				trace("certificates-rows")
			}
		})
	v.list.OnSelected = func(id widget.ListItemID) {
		v.list.UnselectAll()
		if id < len(v.shown) {
			v.openCard(v.shown[id].Current.SHA256)
		}
	}
	v.noMatch = uiwidget.NewWrapping(words.T("list.no_match"))
	v.noMatch.Hide()

	v.controls = container.NewVBox(
		v.search,
		container.NewBorder(nil, nil, nil, v.filterButton, v.order),
		v.count,
	)
	v.empty = v.emptyState()
	v.empty.Hide()
	v.notices = container.NewVBox()
	return container.NewBorder(container.NewVBox(v.notices, v.controls), v.buildApart(), nil, nil,
		container.NewStack(v.list, container.NewVBox(v.noMatch), v.empty))
}

// load reads the register and groups it into lines, off the UI thread and,
// at the start, after the first frame (the window appears without waiting
// for it), and hands the result to the UI thread.
func (v *certificatesView) load() {
	v.f.afterFirstFrame(func() {
		defer StartPiece("certificates-read")()
		v.loadNow()
	})
}

// loadNow is load on the calling goroutine: the register's watcher calls it
// on the goroutine that made the change. List waits for the whole
// register (renewal.OpenFirst), and so does the notice of a register
// found damaged only then, shown as one found at the start.
func (v *certificatesView) loadNow() {
	certs := v.f.register.List()
	openErr := v.f.register.OpenError()
	lines := certlist.Lines(certs)
	apart := v.f.register.Apart()
	fyne.Do(func() {
		if v.notice == nil && openErr != nil {
			v.setNotice(openErr)
		}
		v.all, v.lines, v.apart = certs, lines, apart
		v.loaded = true
		v.apply()
		v.drawApart()
		v.refreshCard()
	})
}

// apply shows the lines that match the query, in its order.
func (v *certificatesView) apply() {
	if v.list == nil || !v.loaded {
		return
	}
	v.now = v.f.now()
	v.shown = v.query.Apply(v.lines, v.now)
	if len(v.lines) == 0 {
		v.controls.Hide()
		v.list.Hide()
		v.noMatch.Hide()
		v.empty.Show()
	} else {
		v.empty.Hide()
		v.controls.Show()
		v.list.Show()
		v.noMatch.Hidden = len(v.shown) > 0
		v.noMatch.Refresh()
	}
	// The count says what the list shows: one row per certificate, its
	// earlier ones behind it, counted apart.
	if filtered := len(v.shown) < len(v.lines); filtered {
		v.count.SetText(words.T("list.count.filtered", map[string]any{"Shown": len(v.shown), "Total": len(v.lines)}))
	} else {
		v.count.SetText(words.T("list.count", map[string]any{"Total": len(v.lines), "Earlier": len(v.all) - len(v.lines)}))
	}
	v.filterButton.SetText(words.T("list.filter"))
	if n := filterCount(v.query.Filter); n > 0 {
		v.filterButton.SetText(words.T("list.filter.active", map[string]any{"Count": n}))
		v.filterButton.Importance = widget.HighImportance
	} else {
		v.filterButton.Importance = widget.MediumImportance
	}
	v.filterButton.Refresh()
	v.list.Refresh()
}

func filterCount(f certlist.Filter) int {
	n := 0
	for _, on := range []bool{f.ExpiresSoon, f.NotInDPG, f.TestOnly} {
		if on {
			n++
		}
	}
	return n
}

// filterMenu is the filters as a menu of ticks; each tap changes one.
func (v *certificatesView) filterMenu() *fyne.Menu {
	item := func(key string, on *bool) *fyne.MenuItem {
		it := fyne.NewMenuItem(words.T(key), func() {
			*on = !*on
			v.apply()
		})
		it.Checked = *on
		return it
	}
	f := &v.query.Filter
	clear := fyne.NewMenuItem(words.T("list.filter.clear"), func() {
		v.query.Filter = certlist.Filter{}
		v.apply()
	})
	clear.Disabled = !f.Any()
	return fyne.NewMenu("",
		item("list.filter.expires_soon", &f.ExpiresSoon),
		item("list.filter.not_in_dpg", &f.NotInDPG),
		item("list.filter.test", &f.TestOnly),
		fyne.NewMenuItemSeparator(),
		clear,
	)
}

func (v *certificatesView) showFilterMenu() {
	c := fyne.CurrentApp().Driver().CanvasForObject(v.filterButton)
	if c == nil {
		return
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(v.filterButton)
	widget.ShowPopUpMenuAtPosition(v.filterMenu(), c, pos.Add(fyne.NewPos(0, v.filterButton.Size().Height)))
}

// certList is the list of rows: Fyne's list, whose row under the arrow
// keys Space opens, with Enter opening it too, as it does a focused button
// (Y5: Enter on a row did nothing, and the keyboard user was left
// guessing).
type certList struct{ widget.List }

func newCertList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *certList {
	l := &certList{}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey takes Enter as Space: the row the arrows are on opens.
func (l *certList) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter {
		ev = &fyne.KeyEvent{Name: fyne.KeySpace, Physical: ev.Physical}
	}
	l.List.TypedKey(ev)
}

// certRow is one compact row: organisation and DPG on the first line, CVR,
// kind and history on the second, the days left on a coloured pill.
type certRow struct {
	widget.BaseWidget
	org, what *widget.Label
	dpgIcon   *widget.Icon
	dpg       *widget.Label
	badge     *uiwidget.UrgencyBadge
	box       *fyne.Container // laid out again when the texts change
}

func newCertRow() *certRow {
	r := &certRow{
		org:     widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		what:    widget.NewLabel(""),
		dpgIcon: widget.NewIcon(nil),
		dpg:     widget.NewLabel(""),
		badge:   uiwidget.NewUrgencyBadge(register.OK, ""),
	}
	r.org.Truncation = fyne.TextTruncateEllipsis
	r.what.Truncation = fyne.TextTruncateEllipsis
	r.what.SizeName = theme.SizeNameCaptionText
	r.dpg.SizeName = theme.SizeNameCaptionText
	r.ExtendBaseWidget(r)
	return r
}

func (r *certRow) CreateRenderer() fyne.WidgetRenderer {
	right := container.NewVBox(
		container.NewHBox(layout.NewSpacer(), r.badge),
		container.NewHBox(layout.NewSpacer(), r.dpgIcon, r.dpg),
	)
	tight := layout.NewCustomPaddedVBoxLayout(-theme.Padding() * 2)
	r.box = container.NewBorder(nil, nil, nil, right, container.New(tight, r.org, r.what))
	// Clear of the list's scroll bar on the right.
	return widget.NewSimpleRenderer(container.New(layout.NewCustomPaddedLayout(0, 0, 0, theme.Padding()*2), r.box))
}

// set shows line l as of now.
func (r *certRow) set(l *certlist.Line, now time.Time) {
	c := l.Current
	// Text from a certificate, which anyone can make: one plain line.
	org := safetext.Line(c.Organization)
	if org == "" {
		org = words.T("register.unknown_organization")
	}
	r.org.SetText(org)

	what := kindText(c.Kind)
	if cvr := safetext.Line(c.CVR); cvr != "" {
		what = "CVR " + cvr + " · " + what
	}
	if c.Environment == register.Test {
		what += " · " + environmentText(c.Environment)
	}
	if n := len(l.History); n > 0 {
		what += " · " + words.T("list.row.history", map[string]any{"Count": n})
	}
	r.what.SetText(what)

	if c.DPG != nil {
		r.dpgIcon.SetResource(theme.NewSuccessThemedResource(theme.ConfirmIcon()))
		r.dpg.SetText(words.T("list.row.dpg.installed"))
	} else {
		r.dpgIcon.SetResource(theme.NewWarningThemedResource(theme.WarningIcon()))
		r.dpg.SetText(words.T("list.row.dpg.missing"))
	}
	r.badge.Set(register.UrgencyOf(c, now), register.DaysLeftText(words.Language(), c.NotAfter, now))
	if r.box != nil {
		r.box.Refresh() // the pill and the DPG text may have changed width
	}
}

// openCard shows the full card of the certificate with the fingerprint in
// place of the list, with a way back; the list keeps its place. The
// keyboard goes to the way back, the card's first control (Z18: it stayed
// on the list, hidden, and no control showed it), whence Tab goes on into
// the card.
func (v *certificatesView) openCard(sha string) {
	v.open = sha
	v.refreshCard()
	if c := v.canvas(); c != nil && v.back != nil && v.cardPage.Visible() {
		c.Focus(v.back)
	}
}

// closeCard goes back to the list, the keyboard to the row it was on if
// it was on the card.
func (v *certificatesView) closeCard() {
	c := v.canvas()
	onCard := false
	if c != nil {
		_, onCard = uiwidget.SpotIn(c, v.cardPage)
	}
	v.open = ""
	v.back = nil
	v.cardPage.Hide()
	v.listPage.Show()
	v.root.Refresh()
	if onCard && v.list.Visible() {
		c.Focus(v.list)
	}
}

// canvas is the window's canvas; nil without a window (some tests).
func (v *certificatesView) canvas() fyne.Canvas {
	if v.f == nil || v.f.win == nil {
		return nil
	}
	return v.f.win.Canvas()
}

// refreshCard draws the open card again from the register; a certificate
// that is no longer there closes it.
func (v *certificatesView) refreshCard() {
	if v.open == "" {
		return
	}
	var cur *register.Certificate
	for i := range v.all {
		if v.all[i].SHA256 == v.open {
			cur = &v.all[i]
		}
	}
	if cur == nil {
		v.closeCard()
		return
	}
	// The card drawn again (the register changed: a tick recorded) keeps
	// the keyboard's place, inside the card too.
	c := v.canvas()
	var spot uiwidget.Spot
	kept := false
	if c != nil && v.cardPage.Visible() {
		spot, kept = uiwidget.SpotIn(c, v.cardPage)
	}
	now := v.f.now()
	back := uiwidget.NewButton(words.T("list.back"), theme.NavigateBackIcon(), v.closeCard)
	v.back = back
	back.Importance = widget.LowImportance
	back.Alignment = widget.ButtonAlignLeading
	items := []fyne.CanvasObject{}
	if v.notice != nil {
		items = append(items, noticeCard(words.Sentence(v.notice)))
	}
	items = append(items, v.card(v.all, *cur, now))
	items = append(items, v.history(*cur)...)
	v.cardScroll.Content = uiwidget.ClearOfScrollBar(container.NewVBox(items...))
	v.cardScroll.ScrollToTop()
	v.cardPage.Objects = []fyne.CanvasObject{container.NewBorder(container.NewHBox(back), nil, nil, nil, v.cardScroll)}
	v.listPage.Hide()
	v.cardPage.Show()
	v.root.Refresh()
	if kept {
		spot.Restore(c, v.cardPage)
	}
}

// history lists the certificates the open one renewed, newest first, each
// opening its own card; one alone is the card's own "Replaces" link.
func (v *certificatesView) history(c register.Certificate) []fyne.CanvasObject {
	var line *certlist.Line
	for i := range v.lines {
		if v.lines[i].Current.SHA256 == c.SHA256 {
			line = &v.lines[i]
		}
	}
	if line == nil || len(line.History) < 2 {
		return nil
	}
	l := words.Language()
	out := []fyne.CanvasObject{widget.NewLabelWithStyle(words.T("list.history"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	for _, h := range line.History {
		b := uiwidget.NewButton(words.T("list.history.item", map[string]any{"Date": msg.Date(l, h.NotAfter.Local())}), theme.HistoryIcon(), func() { v.openCard(h.SHA256) })
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		out = append(out, b)
	}
	return out
}

// String names the row for debugging and test failures.
func (r *certRow) String() string { return fmt.Sprintf("row %q %q", r.org.Text, r.what.Text) }
