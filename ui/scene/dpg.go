package scene

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	uiwidget "github.com/fornyer/fornyer/ui/widget"
	"github.com/fornyer/fornyer/ui/words"
)

// The scenes of the guide's first card, the portal's other path, and the
// DPG Customer Portal.
//
// The DPG Customer Portal's screens are not documented publicly: what is
// known is that it lists the certificates, filters them to valid / about
// to expire / expired, shows what each is used for (Exchange
// Online, Digital Post, mit.dk), installs one or several new certificates
// from the .p12 and its password, and can activate a new one as the Exchange
// Online integration certificate. So every label drawn in these scenes names
// the action or the fact ("Log in", "Install certificate", "Activate",
// "Valid"), never a guessed button text; the card's sentence says the same
// in words. Product names (Exchange Online, Digital Post, mit.dk) are drawn
// as they are.

const (
	dpgHost = "portal.timengodpg.com"
	dpgName = "Timengo DPG" // the portal's owner, a name, not translated
)

// The names of what a certificate is used for in DPG; not translated.
const (
	useExchange = "Exchange Online"
	useDigital  = "Digital Post"
	useMitDK    = "mit.dk"
)

func init() {
	for id, s := range extraScenes {
		scenes[id] = s
	}
}

var extraScenes = map[string]scene{
	// The first card: what to have ready.
	"ready": {height: 170,
		body: []part{
			bullet(theme.HistoryIcon, "guide.scene.ready_time"),
			bullet(theme.AccountIcon, "guide.scene.ready_mitid"),
			bullet(theme.ComputerIcon, "guide.scene.ready_dpg"),
			bullet(theme.StorageIcon, "guide.scene.ready_usb"),
			bullet(theme.VisibilityOffIcon, "guide.scene.ready_offline"),
		}},
	// MitID Erhverv's other path: the certificate listed as under issuance,
	// finished from the three dots beside it. "Under issuance" is how
	// MitID Erhverv describes the state; its exact Danish label is not
	// seen verbatim, so the card's sentence names the action too.
	"under-issuance": {url: portalHost, header: true,
		menu: []menuItem{{key: "guide.scene.users"}, {key: "guide.scene.certificates"}},
		body: []part{
			heading("guide.scene.certificates"),
			statusRow("guide.scene.under_issuance", 1),
			tableRow("guide.scene.edit_profile", 0),
		}},

	// DPG, step by step. Labels name actions (see above).
	"dpg-login": {url: dpgHost,
		body: []part{
			brand(dpgName),
			lines(2),
			button("guide.scene.dpg_log_in", true, 1, false), // the action, not a known button text
			lines(2),
		}},
	"dpg-list": {url: dpgHost,
		menu: []menuItem{{key: "guide.scene.dpg_certificates", mark: 1}}, // the list, by what it holds
		body: []part{
			brand(dpgName),
			// Two of the list's three filters: with the menu beside
			// them, the third widened the window past 420 px (W12); the
			// card's sentence names all three.
			filters(1, 2, "guide.scene.dpg_valid", "guide.scene.dpg_expiring"),
			dpgRow("guide.scene.old_cert", []string{useExchange, useDigital}, "", "", 3),
			dpgRow("", []string{useMitDK}, "", "", 0),
		}},
	"dpg-install": {url: dpgHost,
		body: []part{brand(dpgName), lines(4)},
		dialog: &window{title: "guide.scene.dpg_install", body: []part{ // the action, not a known window title
			field("guide.scene.file", 1),
			secret("guide.scene.dpg_password", 2),
			buttons(btn{"guide.scene.dpg_install", true, 3}),
		}}},
	"dpg-activate": {url: dpgHost,
		body: []part{
			brand(dpgName),
			heading("guide.scene.dpg_certificates"),
			dpgRow("guide.scene.old_cert", []string{useExchange}, "", "", 0),
			dpgRow("guide.scene.new_cert", nil, "", "guide.scene.dpg_activate", 1), // the action
			labelled("guide.scene.dpg_integration", rawChip(useExchange, 2)),
		}},
	"dpg-verify": {url: dpgHost,
		body: []part{
			brand(dpgName),
			filters(0, 1, "guide.scene.dpg_valid", "guide.scene.dpg_expiring", "guide.scene.dpg_expired"),
			dpgRow("guide.scene.new_cert", []string{useExchange}, "guide.scene.status_valid", "", 2),
			lines(1),
		}},

	// After DPG: the places noted on the second card, switched over.
	"switch": placesScene("guide.scene.renewed"),
}

// placesScene is the places a certificate is used, under the certificate
// named by lead: the current one before the renewal, the renewed one after.
func placesScene(lead string) scene {
	return scene{height: 150,
		body: []part{
			item(theme.FileIcon, lead, true),
			item(theme.MailComposeIcon, "guide.scene.use_mail", false),
			item(theme.StorageIcon, "guide.scene.use_integrations", false),
			item(theme.ComputerIcon, "guide.scene.use_other", false),
		}}
}

// bullet is a line with an icon: something to have ready.
func bullet(icon func() fyne.Resource, key string) part {
	return func(p *palette) fyne.CanvasObject {
		img := iconBox(icon(), 18)
		return container.New(&inset{l: 16}, container.New(&row{gap: 10, centre: true}, img, text(words.T(key), p.fg, p.text+1, false)))
	}
}

// brand is a portal's name along the top of its page, with a rule under it.
func brand(name string) part {
	return func(p *palette) fyne.CanvasObject {
		line := canvas.NewRectangle(p.border)
		line.SetMinSize(fyne.NewSize(1, 1))
		return container.New(&vstack{gap: 4}, text(name, p.fg, p.text+1, true), line)
	}
}

// filters is a row of filter chips; the one at index active (from 0) is
// pressed and, when mark > 0, pointed at.
func filters(active, mark int, keys ...string) part {
	return func(p *palette) fyne.CanvasObject {
		r := container.New(&row{gap: 5, centre: true})
		for i, k := range keys {
			fill, ink := p.input, p.fg
			if i == active {
				fill, ink = p.chrome, p.fg
			}
			var c fyne.CanvasObject = container.NewStack(roundRect(fill, p.border, 1, 10),
				container.New(&inset{l: 8, t: 2, r: 8, b: 2}, text(words.T(k), ink, p.small+1, i == active)))
			if i == active && mark > 0 {
				c = highlight(c, p)
				r.Add(c)
				r.Add(pointer(mark, p, false))
				continue
			}
			r.Add(c)
		}
		return r
	}
}

// dpgRow is a line of DPG's list of certificates: its name (or a grey bar
// for one that does not matter), what it is used for, perhaps a status and
// an action. mark points at the action, or at the whole line without one.
func dpgRow(nameKey string, uses []string, statusKey, actionKey string, mark int) part {
	return func(p *palette) fyne.CanvasObject {
		var name fyne.CanvasObject
		if nameKey != "" {
			name = text(words.T(nameKey), p.fg, p.text, true)
		} else {
			bar := roundRect(uiwidget.WithAlpha(p.muted, 0x48), nil, 0, 2)
			bar.SetMinSize(fyne.NewSize(70, 6))
			name = container.New(&vstack{}, layoutSpacerV(5), bar)
		}
		left := container.New(&vstack{gap: 2}, name)
		if len(uses) > 0 {
			left.Add(text(strings.Join(uses, " · "), p.muted, p.small, false))
		}
		right := container.New(&row{gap: 6, centre: true})
		if statusKey != "" {
			right.Add(container.NewStack(roundRect(uiwidget.WithAlpha(p.accent, 0x30), nil, 0, 8),
				container.New(&inset{l: 7, t: 1, r: 7, b: 1}, text(words.T(statusKey), p.fg, p.small, true))))
		}
		if actionKey != "" {
			right.Add(marked(drawButton(words.T(actionKey), false, p), mark, p, false))
		}
		line := canvas.NewRectangle(p.input)
		line.SetMinSize(fyne.NewSize(1, 1))
		var entry fyne.CanvasObject = container.NewBorder(nil, nil, nil, right, left)
		if actionKey == "" && mark > 0 {
			entry = marked(entry, mark, p, true)
		}
		return container.NewBorder(nil, line, nil, nil, entry)
	}
}

// statusRow is a line of MitID Erhverv's list of certificates in a state
// of its own, with the menu (three dots) beside it pointed at.
func statusRow(statusKey string, mark int) part {
	return func(p *palette) fyne.CanvasObject {
		bar := roundRect(uiwidget.WithAlpha(p.muted, 0x48), nil, 0, 2)
		bar.SetMinSize(fyne.NewSize(60, 6))
		status := container.NewStack(roundRect(p.chrome, p.border, 1, 8),
			container.New(&inset{l: 7, t: 1, r: 7, b: 1}, text(words.T(statusKey), p.fg, p.small, false)))
		dots := container.New(&inset{l: 6, r: 6}, text("•••", p.fg, p.text, true))
		left := container.New(&row{gap: 8, centre: true}, container.New(&vstack{}, bar), status)
		line := canvas.NewRectangle(p.input)
		line.SetMinSize(fyne.NewSize(1, 1))
		return container.NewBorder(nil, line, nil, marked(dots, mark, p, false), left)
	}
}

// secret is a password field with its label, filled with dots.
func secret(key string, mark int) part {
	return func(p *palette) fyne.CanvasObject {
		f := container.NewStack(roundRect(p.input, p.border, 1, 4),
			container.New(&inset{l: 8, t: 3, r: 40, b: 3}, text("••••••••••••", p.fg, p.text, false)))
		return container.New(&row{gap: 8, centre: true}, text(words.T(key), p.muted, p.text, false), marked(f, mark, p, false))
	}
}

// rawChip is a chip with a name that is not translated (a product's).
func rawChip(name string, mark int) part {
	return func(p *palette) fyne.CanvasObject {
		c := container.NewStack(roundRect(p.input, p.border, 1, 10),
			container.New(&inset{l: 9, t: 2, r: 9, b: 2}, text(name, p.fg, p.text, true)))
		return marked(c, mark, p, false)
	}
}
