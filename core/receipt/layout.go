package receipt

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/signintech/gopdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/fornyer/fornyer/assets"
)

// The page, in millimetres: A4 with generous margins, a label column and a
// value column that every section shares, so the values line up down the
// whole document.
const (
	pageW, pageH = 210.0, 297.0
	marginX      = 22.0
	marginTop    = 20.0
	footerY      = 280.0 // top of the footer rule
	bodyBottom   = 270.0 // nothing of the body goes below this
	contentW     = pageW - 2*marginX
	labelW       = 52.0
	valueX       = marginX + labelW
	valueW       = contentW - labelW
	ptToMM       = 25.4 / 72
	lineFactor   = 1.38 // line height as a multiple of the font size
)

// Font faces, registered under these names.
const (
	faceRegular = "regular"
	faceBold    = "bold"
	faceMono    = "mono"
)

// Colours: near-black text, grey labels and rules, and the icon's red used
// sparingly for the title rule.
var (
	colText   = [3]uint8{0x1d, 0x1d, 0x1f}
	colBody   = [3]uint8{0x3c, 0x40, 0x43}
	colLabel  = [3]uint8{0x5f, 0x63, 0x68}
	colRule   = [3]uint8{0xc4, 0xc7, 0xcc}
	colAccent = [3]uint8{0xb0, 0x15, 0x30}
)

// doc is a page-breaking writer over gopdf: it keeps the vertical position,
// starts a new page when a block would not fit, and remembers the first
// error so that drawing code can stay linear.
type doc struct {
	pdf   gopdf.GoPdf
	lang  string
	y     float64
	pages int
	err   error
	// measuring is set while keep learns a block's height: nothing is drawn.
	measuring bool
	// pageTop is where the body starts on the current page.
	pageTop float64
	// continued is drawn at the top of every page after the first.
	continued string
}

func newDoc(lang, title string) (*doc, error) {
	d := &doc{lang: lang}
	d.pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitMM})
	for _, f := range []struct {
		name string
		ttf  []byte
	}{{faceRegular, goregular.TTF}, {faceBold, gobold.TTF}, {faceMono, gomono.TTF}} {
		if err := d.pdf.AddTTFFontData(f.name, f.ttf); err != nil {
			return nil, fmt.Errorf("receipt: loading font %s: %w", f.name, err)
		}
	}
	d.pdf.SetInfo(gopdf.PdfInfo{Title: title, Creator: "Fornyer", Producer: "Fornyer"})
	d.newPage()
	return d, d.err
}

func (d *doc) fail(err error) {
	if err != nil && d.err == nil {
		d.err = err
	}
}

// newPage starts a page; pages after the first carry a small running head
// so that a loose sheet still says what it belongs to.
func (d *doc) newPage() {
	d.pdf.AddPage()
	d.pages++
	d.y = marginTop
	if d.pages > 1 && d.continued != "" {
		d.font(faceRegular, 8.5, colLabel)
		d.text(marginX, d.y, d.fit(d.continued, contentW))
		d.y += lineH(8.5) + 1.5
		d.rule(d.y, 0.2, colRule)
		d.y += 6
	}
	d.pageTop = d.y
}

// ensure starts a new page unless h millimetres still fit on this one.
func (d *doc) ensure(h float64) {
	if d.y+h > bodyBottom && !d.measuring {
		d.newPage()
	}
}

func (d *doc) font(face string, size float64, c [3]uint8) {
	d.fail(d.pdf.SetFont(face, "", size))
	d.pdf.SetTextColor(c[0], c[1], c[2])
}

// text draws s with its top-left corner at (x, y).
func (d *doc) text(x, y float64, s string) {
	if d.measuring {
		return
	}
	d.pdf.SetXY(x, y)
	d.fail(d.pdf.Cell(nil, s))
}

// textRight draws s so that it ends at x.
func (d *doc) textRight(x, y float64, s string) {
	d.text(x-d.width(s), y, s)
}

// fit shortens s with "…" until it is no wider than width in the current
// font: for the one-line texts (the header's organisation, the running
// head), so that a long name cannot run off the page.
func (d *doc) fit(s string, width float64) string {
	if d.width(s) <= width {
		return s
	}
	r := []rune(s)
	lo, hi := 0, len(r) // the longest head that fits, found by halving
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if d.width(string(r[:mid])+"…") <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimRight(string(r[:lo]), " ") + "…"
}

func (d *doc) width(s string) float64 {
	w, err := d.pdf.MeasureTextWidth(s)
	d.fail(err)
	return w
}

func (d *doc) rule(y, width float64, c [3]uint8) {
	d.line(marginX, y, marginX+contentW, y, width, c)
}

func (d *doc) line(x1, y1, x2, y2, width float64, c [3]uint8) {
	if d.measuring {
		return
	}
	d.pdf.SetLineWidth(width)
	d.pdf.SetStrokeColor(c[0], c[1], c[2])
	d.pdf.Line(x1, y1, x2, y2)
}

// lineH is the height of a line of text of size pt, in millimetres.
func lineH(pt float64) float64 { return pt * ptToMM * lineFactor }

// wrap breaks s into lines no wider than width in the current font: at
// spaces where it can, and inside a word (after a path separator if there is
// one) where a single word is wider than the line, as long paths are.
// Explicit line breaks are kept.
func (d *doc) wrap(s string, width float64) []string {
	var out []string
	for _, para := range strings.Split(s, "\n") {
		out = append(out, d.wrapPara(para, width)...)
	}
	return out
}

func (d *doc) wrapPara(s string, width float64) []string {
	words := strings.Fields(s)
	if len(words) == 0 {
		return []string{""}
	}
	var lines []string
	cur := ""
	for _, w := range words {
		try := w
		if cur != "" {
			try = cur + " " + w
		}
		if d.width(try) <= width {
			cur = try
			continue
		}
		if cur != "" {
			lines = append(lines, cur)
			cur = ""
		}
		// The word alone: split it if it is too long for a line by itself.
		for d.width(w) > width {
			head, tail := d.splitWord(w, width)
			lines = append(lines, head)
			w = tail
		}
		cur = w
	}
	return append(lines, cur)
}

// splitWord returns the longest head of w that fits in width, cut after a
// separator when one is in the second half of it, and the rest.
func (d *doc) splitWord(w string, width float64) (string, string) {
	n := 0 // bytes of w that fit
	for i, r := range w {
		end := i + utf8.RuneLen(r)
		if d.width(w[:end]) > width {
			break
		}
		n = end
	}
	if n == 0 { // not even one character fits: take one anyway
		_, size := utf8.DecodeRuneInString(w)
		n = size
	}
	if cut := strings.LastIndexAny(w[:n], `/\-_.`); cut >= n/2 && cut+1 < len(w) {
		n = cut + 1
	}
	return w[:n], w[n:]
}

// icon draws Fornyer's icon, size millimetres square, at (x, y).
func (d *doc) icon(x, y, size float64) {
	img, err := gopdf.ImageHolderByBytes(assets.IconPNG)
	if err != nil {
		d.fail(err)
		return
	}
	d.fail(d.pdf.ImageByHolder(img, x, y, &gopdf.Rect{W: size, H: size}))
}

// footers draws, on every page, a thin rule, the left text and "page i of
// n" on the right. It runs last, when the number of pages is known.
func (d *doc) footers(left string, page func(i, n int) string) {
	for i := 1; i <= d.pages; i++ {
		d.fail(d.pdf.SetPage(i))
		d.rule(footerY, 0.2, colRule)
		d.font(faceRegular, 8, colLabel)
		d.text(marginX, footerY+2.5, left)
		d.textRight(marginX+contentW, footerY+2.5, page(i, d.pages))
	}
}

func (d *doc) bytes() ([]byte, error) {
	if d.err != nil {
		return nil, fmt.Errorf("receipt: %w", d.err)
	}
	b, err := d.pdf.GetBytesPdfReturnErr()
	if err != nil {
		return nil, fmt.Errorf("receipt: %w", err)
	}
	return b, nil
}
