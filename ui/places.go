package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/renewal"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
	"github.com/fornyer/fornyer/ui/words"
)

// The places the certificate is used: noted on card 3 (the places Fornyer
// names, each with what it needs, and the user's own with the need they
// choose), offered again from the last renewal, and after DPG, on the
// switch-over card, what to hand over to each with the button that makes
// it. core/guide keeps the list and its rules; core/backup and
// core/handover make the files; this draws them.

// caption is a small grey line under a place.
func caption(text string) *widget.Label {
	l := uiwidget.NewWrapping(text)
	l.SizeName = theme.SizeNameCaptionText
	return l
}

func indented(o fyne.CanvasObject) fyne.CanvasObject {
	return container.New(layout.NewCustomPaddedLayout(0, 0, 32, 0), o)
}

// needsOptions are the needs in the order offered, as the select shows them.
func needsOptions() []string {
	out := make([]string, len(register.Needs))
	for i, k := range register.Needs {
		out[i] = words.T(guide.NeedsKey(k))
	}
	return out
}

func needsSelect(kind string, changed func(kind string)) *widget.Select {
	opts := needsOptions()
	sel := widget.NewSelect(opts, nil)
	for i, k := range register.Needs {
		if k == kind {
			sel.SetSelectedIndex(i)
		}
	}
	sel.OnChanged = func(string) {
		if i := sel.SelectedIndex(); i >= 0 && changed != nil {
			changed(register.Needs[i])
		}
	}
	return sel
}

// relayout lays the card out again after a line appeared in it, and lets
// the scroll reach its new end (the content's refresh alone leaves the
// scroll at the old height: the card's end could not be scrolled to).
func (g *guideState) relayout() {
	g.scroll.Content.Refresh()
	g.scroll.Refresh()
}

// placesChanged saves a change to the list (the saver records it on the
// renewal's certificate too).
func (g *guideState) placesChanged() { g.saved() }

// usageEditor is card 3: last renewal's places offered again, a tick, what
// it needs and a note for each of the presets given (the places Fornyer
// names), the user's own places with the need they chose, and a row to add
// one.
func (g *guideState) usageEditor(t guide.Task) fyne.CanvasObject {
	p := &g.progress
	offer := p.OfferPlaces(t, g.lastPlaces())
	box := container.NewVBox()
	if len(offer.Last) > 0 {
		box.Add(g.lastPlacesOffer(offer.Last))
	}
	for _, pr := range offer.Presets {
		place := pr.Place
		note := uiwidget.NewEntry()
		note.SetPlaceHolder(words.T(place.NoteKey()))
		note.SetText(p.UsageNote(place))
		tick := newGuideCheck(g, words.T(place.Key()), p.Uses(place), func(on bool) {
			p.SetUses(place, on)
			if !on {
				note.SetText("")
			}
			g.placesChanged()
		})
		note.OnSubmitted = g.noteSubmitted
		note.OnChanged = func(s string) {
			if guide.CleanNote(s) == "" && !p.Uses(place) {
				return
			}
			p.SetUsageNote(place, s)
			if !tick.Checked {
				tick.Checked = true
				tick.Refresh()
			}
			g.placesChanged()
		}
		box.Add(tick)
		box.Add(indented(container.NewVBox(caption(words.T(guide.NeedsKey(pr.Needs))), note)))
	}
	for _, it := range p.Checklist() {
		if it.Preset != "" && it.Preset != string(guide.PlaceIntegrations) && it.Preset != string(guide.PlaceOther) {
			continue
		}
		box.Add(g.ownPlace(it.Usage))
	}
	box.Add(g.addPlaceRow())
	hint := caption(words.T("guide.usage.hint"))
	box.Add(hint)
	return box
}

// noteSubmitted is Enter in a place's note: Done, as Enter is on the card
// with nothing focused or a tick box focused (W1: it did nothing, and ten
// Tabs through the other places reached Next). The note is kept as typed.
func (g *guideState) noteSubmitted(string) { guideKey(g.f, fyne.KeyReturn) }

// ownPlace is a place of the user's own: its name, the need they chose, a
// note, and Remove.
func (g *guideState) ownPlace(u guide.Usage) fyne.CanvasObject {
	p := &g.progress
	id := u.ID
	note := uiwidget.NewEntry()
	note.SetPlaceHolder(words.T("guide.usage.note"))
	note.SetText(u.Note)
	sel := needsSelect(u.Kind, func(kind string) {
		cur, _ := p.Place(id)
		p.SetPlace(id, "", kind, cur.Note)
		g.placesChanged()
	})
	note.OnSubmitted = g.noteSubmitted
	note.OnChanged = func(s string) {
		cur, _ := p.Place(id)
		p.SetPlace(id, "", cur.Kind, s)
		g.placesChanged()
	}
	remove := uiwidget.NewButton(words.T("guide.place.remove"), theme.DeleteIcon(), func() {
		p.RemovePlace(id)
		g.placesChanged()
		g.show()
	})
	remove.Importance = widget.LowImportance
	title := uiwidget.NewWrappingStyle(guide.Title(words.Language(), guide.Usage{Preset: u.Preset, Kind: u.Kind, Name: u.Name}), fyne.TextStyle{Bold: true})
	box := container.NewVBox(container.NewBorder(nil, nil, nil, remove, title), indented(container.NewVBox(sel, note)))
	if id == g.added.id {
		g.added.box = box
	}
	return box
}

// addPlaceRow adds a place of the user's own, with what it needs.
func (g *guideState) addPlaceRow() fyne.CanvasObject {
	p := &g.progress
	name := uiwidget.NewEntry()
	name.SetPlaceHolder(words.T("guide.place.name"))
	kind := register.NeedsOther
	sel := needsSelect("", func(k string) { kind = k })
	sel.PlaceHolder = words.T("guide.place.needs")
	add := uiwidget.NewButton(words.T("guide.place.add"), theme.ContentAddIcon(), nil)
	add.OnTapped = func() {
		id := p.AddPlace(name.Text, kind, "")
		if id == "" {
			return
		}
		g.placesChanged()
		g.added.id = id
		g.show()
	}
	name.OnSubmitted = func(string) { add.OnTapped() }
	row := container.NewVBox(uiwidget.NewWrappingStyle(words.T("guide.place.add"), fyne.TextStyle{Bold: true}), name, container.NewBorder(nil, nil, nil, add, sel))
	if box := g.added.box; box != nil {
		// A place just added: it is shown, just above this row, and the
		// keyboard is in the empty name field, ready for the next one.
		g.focusAfter = func() {
			uiwidget.Reveal(box)
			uiwidget.Reveal(row)
			if g.f.win != nil {
				g.f.win.Canvas().Focus(name)
			}
		}
	}
	return row
}

// lastPlaces are the places noted at the last renewal of the certificate
// being renewed (register.LastPlaces), when the register knows them.
func (g *guideState) lastPlaces() []guide.Usage {
	if g.f.register == nil {
		return nil
	}
	certs := g.f.register.List()
	uuid := "" // the line of the certificate being renewed, when core knows it
	if c, ok := renewal.Renewing(&g.progress, certs, g.f.now()); ok {
		uuid = c.UUID
	}
	return register.LastPlaces(certs, uuid)
}

// lastPlacesOffer names the last renewal's places the card offers
// (guide.PlacesOffer.Last), with a button to note them again.
func (g *guideState) lastPlacesOffer(last []guide.Usage) fyne.CanvasObject {
	var names []string
	for _, u := range last {
		names = append(names, guide.Title(words.Language(), u))
	}
	use := uiwidget.NewButton(words.T("guide.place.last.use"), theme.HistoryIcon(), func() {
		g.progress.OfferLast(last)
		g.placesChanged()
		g.show()
	})
	use.Importance = widget.HighImportance
	return container.NewVBox(uiwidget.NewWrapping(words.T("guide.place.last", map[string]any{"Places": strings.Join(names, ", ")})), container.NewHBox(use))
}

// switchList is the switch-over card: for each place, what it needs and
// what to hand over, the button that makes it, what was handed over and
// when, and a tick when it is switched; DPG secure mail is ticked by the
// DPG installation.
func (g *guideState) switchList() fyne.CanvasObject {
	items := g.summarize().Checklist
	if len(items) == 0 {
		return container.NewVBox(uiwidget.NewWrapping(words.T("guide.switch.none")), g.usageEditor(guide.TaskSwitch))
	}
	box := container.NewVBox()
	for _, it := range items {
		box.Add(widget.NewSeparator())
		box.Add(g.switchPlace(it))
	}
	return box
}

func (g *guideState) switchPlace(it guide.UsageItem) fyne.CanvasObject {
	p := &g.progress
	l := words.Language()
	name := placeName(it)
	box := container.NewVBox()
	if it.Implicit {
		note, icon := "guide.switch.by_dpg_pending", theme.RadioButtonIcon()
		if it.Done {
			note, icon = "guide.switch.by_dpg", theme.ConfirmIcon()
		}
		box.Add(container.NewBorder(nil, nil, widget.NewIcon(icon), nil, uiwidget.NewWrapping(name+" · "+words.T(note))))
		return box
	}
	id := it.ID
	box.Add(uiwidget.NewWrappingStyle(name, fyne.TextStyle{Bold: true}))
	box.Add(caption(words.T(guide.NeedsKey(it.Kind))))
	box.Add(uiwidget.NewWrapping(guide.Give(words.Language(), it.Kind)))
	if it.Given != "" {
		box.Add(uiwidget.SuccessLine(words.T("guide.place.given", map[string]any{"What": msg.T(l, "receipt.given."+it.Given, map[string]string{
			"To": it.GivenTo, "Date": msg.Date(l, it.GivenAt.Local()),
		})})))
	}
	given := func(what string) {
		p.SetGiven(id, what, "", g.f.now())
		g.placesChanged()
	}
	if c := g.facts().Certificate; c != nil {
		if src, ok := registeredSource(g.f, *c); ok {
			offer := renewal.OfferPlace(it.Kind, *c)
			if offer.Public {
				box.Add(newPublicActions(g.f, src, nil, given, g.relayout))
			}
			if len(offer.Identifiers) > 0 {
				var copied func(string)
				if offer.Gives != "" {
					copied = func(string) { given(offer.Gives) }
				}
				ids := newPublicActions(g.f, certSource{}, offer.Identifiers, copied, g.relayout)
				if offer.Folded {
					ids = foldedIdentifiers(ids)
				}
				box.Add(ids)
			}
			if offer.HandOver {
				box.Add(g.handOverRow(it.Usage, *c, src))
			}
		}
	} else {
		box.Add(caption(words.T("guide.rule.file")))
	}
	box.Add(newGuideCheck(g, words.T("guide.place.done"), it.Done, func(on bool) {
		p.SetSwitched(id, on, g.f.now())
		g.placesChanged()
	}))
	return box
}

// foldedIdentifiers folds a place's identifiers away under "Show the
// certificate's identifiers" (renewal.PlaceOffer.Folded).
func foldedIdentifiers(ids fyne.CanvasObject) fyne.CanvasObject {
	return widget.NewAccordion(widget.NewAccordionItem(words.T("guide.identifiers.show"), ids))
}

// handOverRow is the place's hand-over: the copy is for the place's name
// to start with, and the hand-over is recorded on the place.
func (g *guideState) handOverRow(u guide.Usage, c register.Certificate, src certSource) fyne.CanvasObject {
	p := &g.progress
	return newHandOverRow(g.f, c, src, u.Name, false, g.relayout, func(who string, at time.Time) {
		p.SetGiven(u.ID, register.GaveCopy, who, at)
		g.placesChanged()
	})
}

// placeName is a place with the user's note: "Datafordeleren
// (production)".
func placeName(it guide.UsageItem) string { return guide.Title(words.Language(), it.Usage) }
