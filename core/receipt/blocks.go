package receipt

import (
	"fmt"
	"time"

	"github.com/signintech/gopdf"

	"github.com/fornyer/fornyer/core/appinfo"
)

// The building blocks both documents are made of. Every block asks ensure
// for its height first, so a page break never cuts a line in half.

const (
	labelPt   = 9.0
	valuePt   = 10.0
	monoPt    = 9.5
	notePt    = 8.5
	headingPt = 11.5
	rowGap    = 1.1
)

// measuring turns drawing off: keep runs a block once in this mode to learn
// its height. It lives on doc as a field; see keep.
func (d *doc) drawing() bool { return !d.measuring }

// keep draws block on this page if it fits, else on a new one, so that it
// is never split (unless it is taller than a whole page).
func (d *doc) keep(block func()) {
	y0 := d.y
	d.measuring = true
	block()
	h := d.y - y0
	d.measuring = false
	d.y = y0
	if d.y+h > bodyBottom && h < bodyBottom-marginTop-20 {
		d.newPage()
	}
	block()
}

// header draws the first page's head: the icon, the app's name, the title,
// a subtitle and, for test certificates, a badge that cannot be missed.
func (d *doc) header(title, subtitle string, badge bool, badgeText string) {
	const iconSize = 17.0
	x := marginX + iconSize + 5
	d.icon(marginX, marginTop, iconSize)
	d.font(faceBold, 8.5, colAccent)
	d.text(x, marginTop+0.5, appinfo.Name)
	d.font(faceBold, 18, colText)
	d.text(x, marginTop+4.8, title)
	if subtitle != "" {
		d.font(faceRegular, 11, colLabel)
		d.text(x, marginTop+12.5, d.fit(subtitle, marginX+contentW-x))
	}
	if badge {
		d.font(faceBold, 9, colAccent)
		w := d.width(badgeText) + 6
		bx := marginX + contentW - w
		d.pdf.SetLineWidth(0.5)
		d.pdf.SetStrokeColor(colAccent[0], colAccent[1], colAccent[2])
		d.pdf.RectFromUpperLeftWithStyle(bx, marginTop+0.5, w, 7, "D")
		d.text(bx+3, marginTop+2.2, badgeText)
	}
	d.y = marginTop + iconSize + 4
	d.rule(d.y, 0.6, colAccent)
	d.y += 6
	d.pageTop = d.y
}

// section starts a titled section with a thin rule under its title. It
// moves to a new page unless the title and a first row fit.
func (d *doc) section(title string) {
	if d.y > d.pageTop { // not at the top of a page
		d.y += 4.5
	}
	d.ensure(lineH(headingPt) + 3 + 2*lineH(valuePt))
	d.font(faceBold, headingPt, colText)
	d.text(marginX, d.y, title)
	d.y += lineH(headingPt) - 0.3
	d.rule(d.y, 0.25, colRule)
	d.y += 2.6
}

// row draws a label and its value side by side, each wrapped in its column.
func (d *doc) row(label, value, face string) { d.rowWithNote(label, value, face, "") }

// rowWithNote is a row with a small remark under its value.
func (d *doc) rowWithNote(label, value, face, note string) {
	d.font(faceRegular, labelPt, colLabel)
	labels := d.wrap(label, labelW-4)
	size := valuePt
	if face == faceMono {
		size = monoPt
	}
	d.font(face, size, colText)
	values := d.wrap(value, valueW)
	var notes []string
	if note != "" {
		d.font(faceRegular, notePt, colLabel)
		notes = d.wrap(note, valueW)
	}
	vh := float64(len(values)) * lineH(size)
	h := max(float64(len(labels))*lineH(labelPt), vh+float64(len(notes))*lineH(notePt))
	d.ensure(h)
	if d.drawing() {
		// The label's first line sits on the value's first baseline.
		off := (size - labelPt) * ptToMM * 0.8
		d.font(faceRegular, labelPt, colLabel)
		for i, s := range labels {
			d.text(marginX, d.y+off+float64(i)*lineH(labelPt), s)
		}
		d.font(face, size, colText)
		for i, s := range values {
			d.text(valueX, d.y+float64(i)*lineH(size), s)
		}
		d.font(faceRegular, notePt, colLabel)
		for i, s := range notes {
			d.text(valueX, d.y+vh+float64(i)*lineH(notePt), s)
		}
	}
	d.y += h + rowGap
}

// rowNote is a row whose value is a remark rather than data.
func (d *doc) rowNote(label, value string) {
	d.font(faceRegular, labelPt, colLabel)
	labels := d.wrap(label, labelW-4)
	values := d.wrap(value, valueW)
	h := float64(max(len(labels), len(values))) * lineH(labelPt)
	d.ensure(h)
	if d.drawing() {
		off := (valuePt - labelPt) * ptToMM * 0.8
		for i, s := range labels {
			d.text(marginX, d.y+off+float64(i)*lineH(labelPt), s)
		}
		for i, s := range values {
			d.text(valueX, d.y+off+float64(i)*lineH(labelPt), s)
		}
	}
	d.y += h + rowGap
}

// note is a remark across the whole width.
func (d *doc) note(text string) {
	d.font(faceRegular, labelPt, colLabel)
	lines := d.wrap(text, contentW)
	h := float64(len(lines)) * lineH(labelPt)
	d.ensure(h)
	if d.drawing() {
		for i, s := range lines {
			d.text(marginX, d.y+float64(i)*lineH(labelPt), s)
		}
	}
	d.y += h + rowGap + 1
}

// blankRow is a label with a line to write on by hand.
func (d *doc) blankRow(label string) {
	const h = 9.0
	d.ensure(h)
	if d.drawing() {
		d.font(faceRegular, labelPt, colLabel)
		d.text(marginX, d.y+h-lineH(labelPt)-0.5, label)
		d.line(valueX, d.y+h-1.5, marginX+contentW, d.y+h-1.5, 0.3, colLabel)
	}
	d.y += h + rowGap
}

// tickBox draws a square of side s at (x, y), ticked when done.
func (d *doc) tickBox(x, y, s float64, done bool) {
	if !d.drawing() {
		return
	}
	d.pdf.SetLineWidth(0.3)
	d.pdf.SetStrokeColor(colLabel[0], colLabel[1], colLabel[2])
	d.pdf.RectFromUpperLeftWithStyle(x, y, s, s, "D")
	if done {
		w := s * 0.14
		d.line(x+s*0.2, y+s*0.52, x+s*0.42, y+s*0.76, w, colText)
		d.line(x+s*0.42, y+s*0.76, x+s*0.82, y+s*0.22, w, colText)
	}
}

// checkRow is a step of the receipt: a tick box, its number and title, and
// when it was done on the right.
func (d *doc) checkRow(n int, title string, done bool, when string) {
	const box, numW, whenW = 3.4, 7.0, 38.0
	tx := marginX + box + 2.5 + numW
	d.font(faceRegular, valuePt, colText)
	lines := d.wrap(title, contentW-(tx-marginX)-whenW-3)
	h := float64(len(lines)) * lineH(valuePt)
	d.ensure(h)
	if d.drawing() {
		d.tickBox(marginX, d.y+0.35, box, done)
		d.font(faceRegular, valuePt, colLabel)
		d.textRight(tx-2, d.y, fmt.Sprintf("%d.", n))
		d.font(faceRegular, valuePt, colText)
		for i, s := range lines {
			d.text(tx, d.y+float64(i)*lineH(valuePt), s)
		}
		c := colText
		if !done {
			c = colLabel
		}
		d.font(faceRegular, labelPt, c)
		d.textRight(marginX+contentW, d.y+0.4, when)
	}
	d.y += h + rowGap
}

func infoFor(title, org string, at time.Time) gopdf.PdfInfo {
	if org != "" {
		title += " – " + org
	}
	return gopdf.PdfInfo{Title: title, Creator: appinfo.Name, Producer: appinfo.Name + " " + appinfo.Version, CreationDate: at}
}
