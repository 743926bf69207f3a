// Package scene owns the illustration language of the guide's cards: a
// schematic of the portal screen for each step, drawn from Fyne canvas
// objects so that every label is translated text, sharp at any scale, and
// coloured by the theme. Each scene is data: a browser frame (address), the
// MitID Erhverv header, a menu, the page's parts and perhaps a window on
// top; a part marked with a number is highlighted and pointed at, numbered
// in the order the user presses them. A new scene is one entry in scenes.
package scene

import (
	"image/color"
	"reflect"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	uiwidget "github.com/fornyer/fornyer/ui/widget"
	"github.com/fornyer/fornyer/ui/words"
)

// Height is a schematic's height at the companion size; a diagram may ask
// for another.
const Height = 232

const (
	portalHost = "erhvervsadministration.nemlog-in.dk"
	mitidHost  = "nemlog-in.mitid.dk"
	portalName = "MitID Erhverv" // a name, not translated
)

// scene describes one illustration.
type scene struct {
	url     string     // the browser's address; "" draws a plain panel without a browser
	header  bool       // the MitID Erhverv bar along the top of the page
	menu    []menuItem // the portal's left menu
	body    []part     // the page, top to bottom
	dialog  *window    // a window over the page, which is then dimmed
	centred bool       // the body is a small box in the middle (the MitID login)
	height  float32    // a height other than Height, for diagrams
}

type menuItem struct {
	key  string
	mark int
}

type window struct {
	title string // catalogue key
	body  []part
}

// part draws one element of a page with the scene's palette.
type part func(p *palette) fyne.CanvasObject

var scenes = map[string]scene{
	"role": {url: portalHost, header: true,
		menu: []menuItem{{key: "guide.scene.users"}, {key: "guide.scene.certificates"}},
		body: []part{
			section("guide.scene.master_data", true, 0),
			lines(2),
			labelled("guide.scene.roles", chip("guide.scene.user_admin", 1)),
			lines(1),
		}},
	"usage": placesScene("guide.scene.current_cert"),
	"usage-dpg": {height: 150,
		body: []part{flow(0, "guide.scene.renewed", "guide.scene.dpg_portal", "guide.scene.mail_works")}},
	"login": {url: portalHost, header: true,
		body: []part{lines(3), button("guide.scene.login", true, 1, false), lines(2)}},
	"edit-profile": {url: portalHost, header: true,
		menu: []menuItem{{key: "guide.scene.users"}, {key: "guide.scene.certificates", mark: 1}},
		body: []part{
			heading("guide.scene.certificates"),
			field("guide.scene.search", 2),
			tableRow("guide.scene.edit_profile", 3),
			tableRow("guide.scene.edit_profile", 0),
		}},
	"renew-certificate": {url: portalHost, header: true,
		body: []part{
			section("guide.scene.master_data", false, 1),
			section("guide.scene.certificates", true, 2),
			lines(1),
			button("guide.scene.renew_certificate", false, 3, false),
		}},
	"renew-window": {url: portalHost, header: true,
		body: []part{section("guide.scene.master_data", false, 0), section("guide.scene.certificates", true, 0), lines(3)},
		dialog: &window{title: "guide.scene.renew_certificate", body: []part{
			lines(2),
			buttons(btn{"guide.scene.cancel", false, 0}, btn{"guide.scene.renew", true, 1}),
		}}},
	"mitid": {url: mitidHost, centred: true,
		body: []part{
			title("MitID"),
			field("guide.scene.user_id", 0),
			button("guide.scene.continue", true, 1, true),
		}},
	"issue": {url: portalHost, header: true,
		body: []part{lines(5)},
		dialog: &window{title: "guide.scene.issue", body: []part{
			lines(3),
			buttons(btn{"guide.scene.next", true, 1}),
		}}},
	"terms": {url: portalHost, header: true,
		body: []part{lines(5)},
		dialog: &window{title: "guide.scene.terms", body: []part{
			lines(2),
			check("guide.scene.accept", 1),
			buttons(btn{"guide.scene.next", true, 2}),
		}}},
	"password": {url: portalHost, header: true,
		body: []part{lines(5)},
		dialog: &window{title: "guide.scene.password", body: []part{
			passwordField("guide.scene.show"),
			button("guide.scene.copy", false, 1, false),
			buttons(btn{"guide.scene.next", true, 2}),
		}}},
	"download": {url: portalHost, header: true,
		body: []part{lines(5)},
		dialog: &window{title: "guide.scene.download", body: []part{
			lines(1),
			link("guide.scene.download", 1),
			saveAs("guide.scene.save_as", "guide.scene.file", "guide.scene.save", 2),
		}}},
	"close": {url: portalHost, header: true,
		body: []part{lines(5)},
		dialog: &window{title: "guide.scene.download", body: []part{
			lines(2),
			buttons(btn{"guide.scene.close", true, 1}),
		}}},
}

// palette is the theme's colours for one drawing.
type palette struct {
	fg, muted, page, chrome, border, input, accent, onAccent, button, onButton, dim color.Color
	text, small                                                                     float32
}

func newPalette(th fyne.Theme, v fyne.ThemeVariant) *palette {
	c := func(n fyne.ThemeColorName) color.Color { return th.Color(n, v) }
	dim := color.NRGBA{0, 0, 0, 0x50}
	if v == theme.VariantDark {
		dim = color.NRGBA{0, 0, 0, 0x80}
	}
	return &palette{
		fg: c(theme.ColorNameForeground), muted: c(theme.ColorNamePlaceHolder),
		page: c(theme.ColorNameBackground), chrome: c(theme.ColorNameHeaderBackground),
		border: c(theme.ColorNameInputBorder), input: c(theme.ColorNameInputBackground),
		accent: c(theme.ColorNamePrimary), onAccent: c(theme.ColorNameForegroundOnPrimary),
		// The portal's own main buttons are drawn neutral, so the only
		// coloured thing on the page is what to press.
		button: c(theme.ColorNameForeground), onButton: c(theme.ColorNameBackground),
		dim:  dim,
		text: 12, small: 10,
	}
}

// Has reports whether there is a scene called id.
func Has(id string) bool {
	_, ok := scenes[id]
	return ok
}

// Illustration is the widget that draws a scene; it redraws with the theme.
type Illustration struct {
	widget.BaseWidget
	id string
}

// New returns the widget that draws the scene called id.
func New(id string) *Illustration {
	i := &Illustration{id: id}
	i.ExtendBaseWidget(i)
	return i
}

func (i *Illustration) CreateRenderer() fyne.WidgetRenderer {
	r := &illustrationRenderer{i: i}
	r.Refresh()
	return r
}

type illustrationRenderer struct {
	i       *Illustration
	content fyne.CanvasObject
	size    fyne.Size
	// drawnFor is what content was drawn with: the theme's colours and
	// the language of its labels.
	drawnFor drawnFor
}

type drawnFor struct {
	p    palette
	lang string
}

func (r *illustrationRenderer) Layout(size fyne.Size) {
	r.size = size
	r.content.Resize(size)
}

func (r *illustrationRenderer) MinSize() fyne.Size {
	h := scenes[r.i.id].height
	if h == 0 {
		h = Height
	}
	return fyne.NewSize(r.content.MinSize().Width, max(h, r.content.MinSize().Height))
}

// Refresh draws the scene again when the theme's colours or the language
// changed since it was drawn, and otherwise leaves it: drawing a scene
// makes every one of its objects anew (its icons decoded and rasterised
// again), and Fyne refreshes a screen's content on occasions that change
// neither, twice before the window's first frame (issue 27).
func (r *illustrationRenderer) Refresh() {
	p := newPalette(r.i.Theme(), fyne.CurrentApp().Settings().ThemeVariant())
	now := drawnFor{p: *p, lang: words.Language()}
	if r.content != nil && reflect.DeepEqual(now, r.drawnFor) {
		return
	}
	r.drawnFor = now
	r.content = drawScene(scenes[r.i.id], p)
	r.content.Resize(r.size)
}

func (r *illustrationRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.content} }
func (r *illustrationRenderer) Destroy()                     {}

// drawScene builds the canvas objects of a scene.
func drawScene(s scene, p *palette) fyne.CanvasObject {
	body := container.New(&vstack{gap: 8}, drawParts(s.body, p)...)
	var page fyne.CanvasObject = container.New(&inset{l: 10, t: 8, r: 10, b: 8}, body)
	if s.centred {
		box := container.NewStack(roundRect(p.page, p.border, 1, 6),
			container.New(&inset{l: 14, t: 10, r: 14, b: 12}, body))
		page = container.New(&centre{width: 220}, box)
	}
	if len(s.menu) > 0 {
		page = container.NewBorder(nil, nil, drawMenu(s.menu, p), nil, page)
	}
	if s.header {
		page = container.NewBorder(drawHeader(p), nil, nil, nil, page)
	}
	if s.dialog != nil {
		page = container.NewStack(page, canvas.NewRectangle(p.dim), drawWindow(s.dialog, p))
	}
	if s.url == "" {
		return container.NewStack(roundRect(p.page, p.border, 1, 8), container.New(&centreV{}, page))
	}
	bar := drawAddressBar(s.url, p)
	frame := container.NewBorder(bar, nil, nil, nil, page)
	return container.NewStack(roundRect(p.page, p.border, 1, 8), container.New(&inset{l: 1, t: 1, r: 1, b: 1}, frame))
}

func drawParts(parts []part, p *palette) []fyne.CanvasObject {
	out := make([]fyne.CanvasObject, len(parts))
	for i, part := range parts {
		out[i] = part(p)
	}
	return out
}

func drawAddressBar(address string, p *palette) fyne.CanvasObject {
	dots := container.New(&row{gap: 4, centre: true})
	for range 3 {
		c := canvas.NewCircle(p.border)
		dots.Add(container.New(&fixed{size: fyne.NewSquareSize(8)}, c))
		c.Resize(fyne.NewSquareSize(8))
	}
	url := text(address, p.muted, p.small, false)
	pill := container.NewStack(roundRect(p.input, nil, 0, 9), container.New(&inset{l: 10, t: 2, r: 10, b: 2}, url))
	bar := container.NewBorder(nil, nil, dots, nil, pill)
	return container.NewStack(topRound(p.chrome, 8), container.New(&inset{l: 10, t: 5, r: 10, b: 5}, bar))
}

func drawHeader(p *palette) fyne.CanvasObject {
	name := text(portalName, p.fg, p.text+1, true)
	user := roundRect(p.border, nil, 0, 3)
	user.SetMinSize(fyne.NewSize(54, 8))
	line := canvas.NewRectangle(p.border)
	line.SetMinSize(fyne.NewSize(1, 1))
	bar := container.NewBorder(nil, nil, name, container.NewCenter(user))
	return container.NewBorder(nil, line, nil, nil, container.New(&inset{l: 10, t: 6, r: 10, b: 6}, bar))
}

func drawMenu(items []menuItem, p *palette) fyne.CanvasObject {
	list := container.New(&vstack{gap: 8})
	for _, it := range items {
		var o fyne.CanvasObject = text(words.T(it.key), p.fg, p.text, false)
		if it.mark > 0 {
			o = container.New(&row{gap: 4, centre: true}, highlight(o, p), badge(it.mark, p))
		}
		list.Add(o)
	}
	return container.NewStack(canvas.NewRectangle(p.chrome), container.New(&inset{l: 8, t: 10, r: 8, b: 8}, list))
}

func drawWindow(w *window, p *palette) fyne.CanvasObject {
	title := text(words.T(w.title), p.fg, p.text+1, true)
	body := container.New(&vstack{gap: 7}, append([]fyne.CanvasObject{title}, drawParts(w.body, p)...)...)
	box := container.NewStack(roundRect(p.page, p.border, 1, 6), container.New(&inset{l: 12, t: 10, r: 12, b: 10}, body))
	return container.New(&centre{width: 330}, box)
}

// The parts.

func heading(key string) part {
	return func(p *palette) fyne.CanvasObject { return text(words.T(key), p.fg, p.text+1, true) }
}

// title is a name shown as it is, untranslated (MitID).
func title(name string) part {
	return func(p *palette) fyne.CanvasObject { return text(name, p.fg, p.text+3, true) }
}

// lines are grey bars standing for text the user need not read.
func lines(n int) part {
	return func(p *palette) fyne.CanvasObject {
		box := container.New(&vstack{gap: 5})
		for i := range n {
			bar := roundRect(uiwidget.WithAlpha(p.muted, 0x48), nil, 0, 2)
			bar.SetMinSize(fyne.NewSize(10, 6))
			width := []float32{1, 0.82, 0.9, 0.6, 0.75}[i%5]
			box.Add(container.New(&fraction{f: width}, bar))
		}
		return box
	}
}

func button(key string, primary bool, mark int, wide bool) part {
	return func(p *palette) fyne.CanvasObject {
		b := drawButton(words.T(key), primary, p)
		if wide {
			return marked(b, mark, p, true)
		}
		return container.New(&row{}, marked(b, mark, p, false))
	}
}

func drawButton(label string, primary bool, p *palette) fyne.CanvasObject {
	fill, ink, stroke := p.page, p.fg, p.fg
	if primary {
		fill, ink, stroke = p.button, p.onButton, nil
	}
	return container.NewStack(roundRect(fill, stroke, 1, 4),
		container.New(&inset{l: 10, t: 3, r: 10, b: 3}, text(label, ink, p.text, true)))
}

type btn struct {
	key     string
	primary bool
	mark    int
}

// buttons is a window's row of buttons, to the right, as the portal has them.
func buttons(bs ...btn) part {
	return func(p *palette) fyne.CanvasObject {
		r := container.New(&row{gap: 8, right: true, centre: true})
		for _, b := range bs {
			o := drawButton(words.T(b.key), b.primary, p)
			if b.mark > 0 {
				r.Add(pointer(b.mark, p, true))
				o = highlight(o, p)
			}
			r.Add(o)
		}
		return r
	}
}

func link(key string, mark int) part {
	return func(p *palette) fyne.CanvasObject {
		t := text(words.T(key), p.fg, p.text, true)
		line := canvas.NewRectangle(p.fg)
		line.SetMinSize(fyne.NewSize(1, 1))
		u := container.New(&vstack{gap: 1}, t, line)
		return container.New(&row{}, marked(u, mark, p, false))
	}
}

func field(key string, mark int) part {
	return func(p *palette) fyne.CanvasObject {
		f := container.NewStack(roundRect(p.input, p.border, 1, 4),
			container.New(&inset{l: 8, t: 3, r: 60, b: 3}, text(words.T(key), p.muted, p.text, false)))
		return container.New(&row{}, marked(f, mark, p, false))
	}
}

func passwordField(showKey string) part {
	return func(p *palette) fyne.CanvasObject {
		f := container.NewStack(roundRect(p.input, p.border, 1, 4),
			container.New(&inset{l: 8, t: 3, r: 50, b: 3}, text("••••••••••••", p.fg, p.small, false)))
		show := text(words.T(showKey), p.fg, p.text, true)
		return container.New(&row{gap: 8, centre: true}, f, show)
	}
}

func check(key string, mark int) part {
	return func(p *palette) fyne.CanvasObject {
		box := roundRect(p.page, p.fg, 1.5, 2)
		box.SetMinSize(fyne.NewSquareSize(12))
		c := container.New(&row{gap: 6, centre: true}, box, text(words.T(key), p.fg, p.text, false))
		return container.New(&row{}, marked(c, mark, p, false))
	}
}

// section is a collapsible bar of the portal's profile page.
func section(key string, open bool, mark int) part {
	return func(p *palette) fyne.CanvasObject {
		icon := theme.MenuExpandIcon()
		if open {
			icon = theme.MenuDropDownIcon()
		}
		chev := iconBox(icon, 16)
		bar := container.NewStack(roundRect(p.chrome, nil, 0, 4),
			container.New(&inset{l: 8, t: 4, r: 6, b: 4},
				container.NewBorder(nil, nil, nil, chev, text(words.T(key), p.fg, p.text, true))))
		return marked(bar, mark, p, true)
	}
}

// tableRow is a line of the certificate profiles list with its link.
func tableRow(key string, mark int) part {
	return func(p *palette) fyne.CanvasObject {
		name := roundRect(uiwidget.WithAlpha(p.muted, 0x48), nil, 0, 2)
		name.SetMinSize(fyne.NewSize(30, 6))
		l := text(words.T(key), p.fg, p.text, true)
		var right fyne.CanvasObject = l
		if mark > 0 {
			right = container.New(&row{gap: 4, centre: true}, highlight(l, p), badge(mark, p))
		}
		line := canvas.NewRectangle(p.input)
		line.SetMinSize(fyne.NewSize(1, 1))
		// A margin on the right, so the row's label and badge stay clear of
		// the page's edge.
		right = container.New(&inset{r: 6}, right)
		return container.NewBorder(nil, line, nil, right, container.NewVBox(layoutSpacerV(5), name))
	}
}

func labelled(key string, value part) part {
	return func(p *palette) fyne.CanvasObject {
		return container.New(&row{gap: 8, centre: true}, text(words.T(key)+":", p.muted, p.text, false), value(p))
	}
}

func chip(key string, mark int) part {
	return func(p *palette) fyne.CanvasObject {
		c := container.NewStack(roundRect(p.input, p.border, 1, 10),
			container.New(&inset{l: 9, t: 2, r: 9, b: 2}, text(words.T(key), p.fg, p.text, true)))
		return marked(c, mark, p, false)
	}
}

// item is a line of a diagram of places, with an icon. It draws no box to
// tick: a box in a picture looks like a control, does nothing, and never
// shows the real tick; the card's own tick boxes are under it.
func item(icon func() fyne.Resource, key string, lead bool) part {
	return func(p *palette) fyne.CanvasObject {
		img := iconBox(icon(), 18)
		t := text(words.T(key), p.fg, p.text+1, lead)
		if lead {
			return container.New(&inset{b: 4}, container.New(&row{gap: 8, centre: true}, img, t))
		}
		arrow := iconBox(theme.MenuExpandIcon(), 14)
		return container.New(&inset{l: 12}, container.New(&row{gap: 6, centre: true}, arrow, img, t))
	}
}

// flow is a column of boxes joined by arrows; the box at index mark (from
// 1) is highlighted.
func flow(mark int, keys ...string) part {
	return func(p *palette) fyne.CanvasObject {
		col := container.New(&vstack{gap: 2, centre: true})
		for i, k := range keys {
			if i > 0 {
				col.Add(downArrow(p))
			}
			fill, ink, stroke := p.page, p.fg, p.border
			if i == mark {
				fill, ink, stroke = p.accent, p.onAccent, nil
			}
			var box fyne.CanvasObject = container.NewStack(roundRect(fill, stroke, 1, 6),
				container.New(&inset{l: 14, t: 6, r: 14, b: 6}, text(words.T(k), ink, p.text+1, true)))
			if i == mark {
				box = container.New(&row{gap: 6, centre: true},
					box, text(words.T("guide.scene.at_once"), p.accent, p.text, true))
			}
			col.Add(box)
		}
		return col
	}
}

func saveAs(titleKey, fileKey, saveKey string, mark int) part {
	return func(p *palette) fyne.CanvasObject {
		t := text(words.T(titleKey), p.fg, p.small+1, true)
		name := container.NewStack(roundRect(p.input, p.border, 1, 3),
			container.New(&inset{l: 6, t: 2, r: 20, b: 2}, text(words.T(fileKey), p.fg, p.small+1, false)))
		save := highlight(drawButton(words.T(saveKey), true, p), p)
		if mark == 0 {
			save = drawButton(words.T(saveKey), true, p)
		}
		r := container.New(&row{gap: 6, centre: true}, name, pointer(mark, p, true), save)
		in := container.New(&vstack{gap: 5}, t, r)
		return container.New(&inset{l: 16}, container.NewStack(roundRect(p.chrome, p.border, 1, 5),
			container.New(&inset{l: 8, t: 5, r: 8, b: 6}, in)))
	}
}

// Highlights and pointers.

// marked highlights obj and points at it from the right when mark > 0.
// stretch lets obj take the row's width, the pointer at its end.
func marked(obj fyne.CanvasObject, mark int, p *palette, stretch bool) fyne.CanvasObject {
	if mark == 0 {
		return obj
	}
	h := highlight(obj, p)
	if stretch {
		return container.NewBorder(nil, nil, nil, container.New(&inset{l: 4}, pointer(mark, p, false)), h)
	}
	return container.New(&row{gap: 4, centre: true}, h, pointer(mark, p, false))
}

// highlight draws a ring of the accent colour around obj.
func highlight(obj fyne.CanvasObject, p *palette) fyne.CanvasObject {
	glow := roundRect(uiwidget.WithAlpha(p.accent, 0x30), p.accent, 2.5, 6)
	// Room on the sides, so the glow's stroke never touches the label.
	return container.NewStack(glow, container.New(&inset{l: 6, t: 3, r: 6, b: 3}, obj))
}

// pointer is a numbered badge with an arrow: pointing left at what is before
// it, or right (towards) what follows when right is set.
func pointer(mark int, p *palette, right bool) fyne.CanvasObject {
	if mark == 0 {
		return container.New(&fixed{})
	}
	const w, h, r = 46, 20, 10
	b := badge(mark, p)
	line := canvas.NewLine(p.accent)
	line.StrokeWidth = 2.5
	head1 := canvas.NewLine(p.accent)
	head2 := canvas.NewLine(p.accent)
	head1.StrokeWidth, head2.StrokeWidth = 2.5, 2.5
	if right {
		b.Move(fyne.NewPos(0, 0))
		line.Position1, line.Position2 = fyne.NewPos(2*r, h/2), fyne.NewPos(w-1, h/2)
		head1.Position1, head1.Position2 = fyne.NewPos(w-7, h/2-5), fyne.NewPos(w-1, h/2)
		head2.Position1, head2.Position2 = fyne.NewPos(w-7, h/2+5), fyne.NewPos(w-1, h/2)
	} else {
		b.Move(fyne.NewPos(w-2*r, 0))
		line.Position1, line.Position2 = fyne.NewPos(1, h/2), fyne.NewPos(w-2*r, h/2)
		head1.Position1, head1.Position2 = fyne.NewPos(7, h/2-5), fyne.NewPos(1, h/2)
		head2.Position1, head2.Position2 = fyne.NewPos(7, h/2+5), fyne.NewPos(1, h/2)
	}
	b.Resize(fyne.NewSquareSize(2 * r))
	return container.New(&fixed{size: fyne.NewSize(w, h)}, line, head1, head2, b)
}

// badge is the step's number in a circle of the accent colour.
func badge(mark int, p *palette) fyne.CanvasObject {
	c := canvas.NewCircle(p.accent)
	n := text(strconv.Itoa(mark), p.onAccent, p.small+1, true)
	n.Alignment = fyne.TextAlignCenter
	return container.New(&fill{size: fyne.NewSquareSize(20)}, c, n)
}

func downArrow(p *palette) fyne.CanvasObject {
	const w, h = 16, 16
	line := canvas.NewLine(p.muted)
	line.StrokeWidth = 2
	line.Position1, line.Position2 = fyne.NewPos(w/2, 1), fyne.NewPos(w/2, h-1)
	a := canvas.NewLine(p.muted)
	a.StrokeWidth = 2
	a.Position1, a.Position2 = fyne.NewPos(w/2-5, h-6), fyne.NewPos(w/2, h-1)
	b := canvas.NewLine(p.muted)
	b.StrokeWidth = 2
	b.Position1, b.Position2 = fyne.NewPos(w/2+5, h-6), fyne.NewPos(w/2, h-1)
	return container.New(&fixed{size: fyne.NewSize(w, h)}, line, a, b)
}

// Drawing helpers.

func text(s string, c color.Color, size float32, bold bool) *canvas.Text {
	t := canvas.NewText(s, c)
	t.TextSize = size
	t.TextStyle.Bold = bold
	return t
}

func roundRect(fillColour, stroke color.Color, width, radius float32) *canvas.Rectangle {
	r := canvas.NewRectangle(fillColour)
	r.CornerRadius = radius
	if stroke != nil {
		r.StrokeColor = stroke
		r.StrokeWidth = width
	}
	return r
}

// topRound is a bar with its top corners rounded, for the browser's top.
func topRound(c color.Color, radius float32) *canvas.Rectangle {
	r := canvas.NewRectangle(c)
	r.TopLeftCornerRadius, r.TopRightCornerRadius = radius, radius
	return r
}

func layoutSpacerV(h float32) fyne.CanvasObject {
	return container.New(&fixed{size: fyne.NewSize(0, h)})
}

// Small layouts, so that the schematics lay out the same at every scale.

// vstack stacks objects top to bottom at their minimum height, full width.
type vstack struct {
	gap    float32
	centre bool // centre each object at its minimum width instead
}

func (l *vstack) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, o := range objs {
		m := o.MinSize()
		if l.centre {
			o.Move(fyne.NewPos((size.Width-m.Width)/2, y))
			o.Resize(m)
		} else {
			o.Move(fyne.NewPos(0, y))
			o.Resize(fyne.NewSize(size.Width, m.Height))
		}
		y += m.Height + l.gap
	}
}

func (l *vstack) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for i, o := range objs {
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height
		if i > 0 {
			s.Height += l.gap
		}
	}
	return s
}

// row lays objects left to right (or flush right) at their minimum size.
type row struct {
	gap    float32
	right  bool
	centre bool // centre vertically
}

func (l *row) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	total := l.MinSize(objs).Width
	x := float32(0)
	if l.right {
		x = size.Width - total
	}
	for _, o := range objs {
		m := o.MinSize()
		y := float32(0)
		h := size.Height
		if l.centre {
			y, h = (size.Height-m.Height)/2, m.Height
		}
		o.Move(fyne.NewPos(x, y))
		o.Resize(fyne.NewSize(m.Width, h))
		x += m.Width + l.gap
	}
}

func (l *row) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for i, o := range objs {
		m := o.MinSize()
		s.Height = max(s.Height, m.Height)
		s.Width += m.Width
		if i > 0 {
			s.Width += l.gap
		}
	}
	return s
}

// inset pads its objects.
type inset struct{ l, t, r, b float32 }

func (l *inset) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(l.l, l.t))
		o.Resize(fyne.NewSize(size.Width-l.l-l.r, size.Height-l.t-l.b))
	}
}

func (l *inset) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s.Add(fyne.NewSize(l.l+l.r, l.t+l.b))
}

// fixed is a fixed-size box whose objects are placed by hand.
type fixed struct{ size fyne.Size }

func (l *fixed) Layout([]fyne.CanvasObject, fyne.Size)      {}
func (l *fixed) MinSize([]fyne.CanvasObject) fyne.Size      { return l.size }
func (l *fill) MinSize([]fyne.CanvasObject) fyne.Size       { return l.size }
func (l *fraction) MinSize(o []fyne.CanvasObject) fyne.Size { return o[0].MinSize() }

// iconBox draws a theme icon in the foreground colour at a fixed size. The
// image is put in a box of that size, so that laying a picture out never
// asks the image its minimum size: Fyne's canvas.Image answers that by
// colouring and parsing its SVG afresh each time, which each icon of the
// first card's picture did some 17 times before the window's first frame.
func iconBox(res fyne.Resource, size float32) fyne.CanvasObject {
	img := canvas.NewImageFromResource(theme.NewThemedResource(res))
	return container.New(&fill{size: fyne.NewSquareSize(size)}, img)
}

// fill is a fixed-size box whose objects fill it.
type fill struct{ size fyne.Size }

func (l *fill) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// fraction gives its one object a fraction of the width.
type fraction struct{ f float32 }

func (l *fraction) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(size.Width*l.f, size.Height))
}

// centre places its object in the middle at its minimum height and a
// preferred width (or less, in a narrow space).
type centre struct{ width float32 }

func (l *centre) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		m := o.MinSize()
		w := min(max(l.width, m.Width), size.Width-16)
		o.Resize(fyne.NewSize(w, m.Height))
		o.Move(fyne.NewPos((size.Width-w)/2, max(0, (size.Height-m.Height)/2)))
	}
}

func (l *centre) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s
}

// centreV centres its object vertically at its minimum height, full width.
type centreV struct{}

func (l *centreV) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		m := o.MinSize()
		o.Resize(fyne.NewSize(size.Width, m.Height))
		o.Move(fyne.NewPos(0, (size.Height-m.Height)/2))
	}
}

func (l *centreV) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s
}
