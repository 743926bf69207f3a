package receipt

import (
	"fmt"
	"time"

	"github.com/fornyer/fornyer/core/appinfo"
	"github.com/fornyer/fornyer/core/msg"
)

// Checklist draws the renewal checklist: the guide's steps with a box to
// tick by hand, and room for notes, meant to fit on one or two pages.
func Checklist(l string, steps []ChecklistStep, generatedAt time.Time) ([]byte, error) {
	l = lang(l)
	t := func(key string) string { return msg.T(l, key, nil) }
	d, err := newDoc(l, t("receipt.checklist.title"))
	if err != nil {
		return nil, err
	}
	d.continued = t("receipt.checklist.title") + " · " + t("receipt.continued")
	d.header(t("receipt.checklist.title"), "", false, "")
	d.y -= 1
	d.note(t("receipt.checklist.intro"))
	d.y += 3

	const box, gap = 5.0, 4.0
	tx := marginX + box + gap
	for i, s := range steps {
		d.keep(func() {
			d.font(faceBold, 11, colText)
			head := d.wrap(fmt.Sprintf("%d. %s", i+1, s.Title), contentW-(tx-marginX))
			d.font(faceRegular, 9.5, colText)
			var body []string
			if s.Text != "" {
				body = d.wrap(s.Text, contentW-(tx-marginX))
			}
			h := float64(len(head))*lineH(11) + float64(len(body))*lineH(9.5)
			d.ensure(h)
			d.tickBox(marginX, d.y+0.2, box, false)
			d.font(faceBold, 11, colText)
			for j, line := range head {
				d.text(tx, d.y+float64(j)*lineH(11), line)
			}
			y := d.y + float64(len(head))*lineH(11)
			d.font(faceRegular, 9.5, colBody)
			for j, line := range body {
				d.text(tx, y+float64(j)*lineH(9.5), line)
			}
			d.y += h + 4.5
		})
	}

	// Lines for notes, as many as fit, but only if a few do.
	const noteLine = 9.0
	if bodyBottom-d.y > lineH(headingPt)+3+3*noteLine+6 {
		d.section(t("receipt.checklist.notes"))
		for d.y+noteLine <= bodyBottom {
			d.y += noteLine
			d.rule(d.y, 0.25, colRule)
		}
	}

	if generatedAt.IsZero() {
		generatedAt = time.Now()
	}
	d.footers(msg.T(l, "receipt.footer", map[string]string{
		"App": appinfo.Name, "Version": appinfo.Version, "When": formatDateTime(l, generatedAt),
	}), func(i, n int) string {
		return msg.T(l, "receipt.page", map[string]int{"Page": i, "Pages": n})
	})
	d.pdf.SetInfo(infoFor(t("receipt.checklist.title"), "", generatedAt))
	return d.bytes()
}
