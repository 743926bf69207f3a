package receipt

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/register"
)

// pdfText runs poppler's pdftotext over a document.
func pdfText(t *testing.T, pdf []byte, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	f := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(f, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", append(args, f, "-")...).CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	return string(out)
}

// oneLine folds all white space to single spaces, so that a value wrapped
// over two lines can still be found.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestReceiptTextBothLanguages(t *testing.T) {
	for _, tc := range []struct {
		lang                   string
		title, notAfter, label string
	}{
		{"da", "Kvittering for fornyet certifikat", "24. november 2029 kl. 21:41", "CVR-nummer"},
		{"en", "Certificate renewal receipt", "24 November 2029 at 21:41", "CVR number"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			d := sample(tc.lang, 10, 1, true)
			pdf, err := Receipt(d)
			if err != nil {
				t.Fatal(err)
			}
			text := oneLine(pdfText(t, pdf))
			for _, want := range []string{
				tc.title, tc.label, tc.notAfter,
				"Æblegrød ApS", "Søren Ørsted", d.CVR, d.Serial, d.UUID, d.Email,
				// Y3: one fingerprint, the thumbprint, as Windows shows it.
				"4DC9B4A288B33D55B856682BF9FDB31A7F3A64F3",
			} {
				if !strings.Contains(text, want) {
					t.Errorf("receipt text lacks %q:\n%s", want, text)
				}
			}
			for _, other := range []string{"3F2A 9C01", oneLine(groupHex(d.Backups[0].SHA256))[:9]} {
				if strings.Contains(text, other) {
					t.Errorf("receipt text shows a second fingerprint %q:\n%s", other, text)
				}
			}
			if strings.Contains(text, testPassword) {
				t.Error("the receipt contains the password")
			}
		})
	}
}

// A receipt in Danish says nothing in English and the other way round:
// every label comes from the right catalogue.
func TestReceiptLanguageIsConsistent(t *testing.T) {
	da, err := Receipt(sample("da", 3, 1, false))
	if err != nil {
		t.Fatal(err)
	}
	en, err := Receipt(sample("en", 3, 1, false))
	if err != nil {
		t.Fatal(err)
	}
	daText, enText := oneLine(pdfText(t, da)), oneLine(pdfText(t, en))
	for _, w := range []string{"Renewed on", "Valid until", "Signature", "Page 1 of"} {
		if strings.Contains(daText, w) {
			t.Errorf("Danish receipt contains English %q", w)
		}
		if !strings.Contains(enText, w) {
			t.Errorf("English receipt lacks %q", w)
		}
	}
	for _, w := range []string{"Fornyet den", "Gyldigt til", "Underskrift", "Side 1 af"} {
		if !strings.Contains(daText, w) {
			t.Errorf("Danish receipt lacks %q", w)
		}
	}
}

func TestReceiptStates(t *testing.T) {
	d := sample("da", 2, 0, false)
	d.PasswordSaved = false
	d.Environment = "test"
	d.Email = ""
	pdf, err := Receipt(d)
	if err != nil {
		t.Fatal(err)
	}
	text := oneLine(pdfText(t, pdf))
	for _, want := range []string{
		"TESTCERTIFIKAT", "Nej", "Ikke angivet", "ikke udført",
		"Der er ikke registreret nogen kontrolleret sikkerhedskopi",
		"Udfyldes i hånden",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("receipt lacks %q:\n%s", want, text)
		}
	}
	d = sample("da", 2, 1, true)
	text = oneLine(pdfText(t, must(Receipt(d))))
	for _, not := range []string{"TESTCERTIFIKAT", "Udfyldes i hånden", "Ikke angivet"} {
		if strings.Contains(text, not) {
			t.Errorf("receipt of a recorded production renewal says %q", not)
		}
	}
	if !strings.Contains(text, "Installeret den 24. november 2026 kl. 21:54") {
		t.Errorf("recorded DPG installation missing:\n%s", text)
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

// --- layout, from the positions of the words (pdftotext -bbox) ---

type word struct {
	page                   int
	xMin, yMin, xMax, yMax float64
	text                   string
}

var (
	pageRE = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	wordRE = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
)

func words(t *testing.T, pdf []byte) (ws []word, pages int) {
	t.Helper()
	out := pdfText(t, pdf, "-bbox")
	for _, line := range strings.Split(out, "\n") {
		if pageRE.MatchString(line) {
			pages++
			continue
		}
		m := wordRE.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		f := func(i int) float64 { v, _ := strconv.ParseFloat(m[i], 64); return v }
		ws = append(ws, word{pages, f(1), f(2), f(3), f(4), html.UnescapeString(m[5])})
	}
	return ws, pages
}

// find returns the first place where the words of phrase follow each other.
func find(ws []word, phrase string) (word, bool) {
	p := strings.Fields(phrase)
	for i := range ws {
		ok := i+len(p) <= len(ws)
		for j := 0; ok && j < len(p); j++ {
			ok = ws[i+j].text == p[j] && ws[i+j].page == ws[i].page
		}
		if ok {
			return ws[i], true
		}
	}
	return word{}, false
}

func mustFind(t *testing.T, ws []word, phrase string) word {
	t.Helper()
	w, ok := find(ws, phrase)
	if !ok {
		t.Fatalf("%q is not in the document", phrase)
	}
	return w
}

const mm = 72 / 25.4

// checkPages asserts what holds on every page of both documents: all words
// inside the margins, the body above the footer, no two words on top of
// each other, and a footer numbered "i of n".
func checkPages(t *testing.T, ws []word, pages int, pageLabel func(i, n int) string) {
	t.Helper()
	left, right := marginX*mm, (marginX+contentW)*mm
	for i, w := range ws {
		if w.xMin < left-0.5 || w.xMax > right+0.5 || w.yMin < marginTop*mm-2 || w.yMax > pageH*mm-10*mm {
			t.Errorf("page %d: %q at x %.1f..%.1f, y %.1f..%.1f is outside the margins", w.page, w.text, w.xMin, w.xMax, w.yMin, w.yMax)
		}
		if w.yMin < footerY*mm && w.yMax > bodyBottom*mm+2 {
			t.Errorf("page %d: %q (y %.1f..%.1f) runs into the footer", w.page, w.text, w.yMin, w.yMax)
		}
		for _, v := range ws[i+1:] {
			if v.page == w.page && math.Min(w.xMax, v.xMax)-math.Max(w.xMin, v.xMin) > 0.5 &&
				math.Min(w.yMax, v.yMax)-math.Max(w.yMin, v.yMin) > 1.5 {
				t.Errorf("page %d: %q and %q overlap", w.page, w.text, v.text)
			}
		}
	}
	for i := 1; i <= pages; i++ {
		label := pageLabel(i, pages)
		w, ok := find(ws, label)
		if !ok || w.page != i || w.yMin < footerY*mm {
			t.Errorf("page %d has no footer %q", i, label)
		}
	}
}

func TestReceiptLayout(t *testing.T) {
	pdf := must(Receipt(sample("da", 10, 1, false)))
	ws, pages := words(t, pdf)
	if pages != 2 {
		t.Errorf("a receipt with 10 steps and one backup has %d pages, want 2", pages)
	}
	checkPages(t, ws, pages, func(i, n int) string { return fmt.Sprintf("Side %d af %d", i, n) })

	// Labels in one column, values in another, down the whole document.
	for _, label := range []string{"Navn", "CVR-nummer", "Serienummer", "OCES-UUID", "Gyldigt til", "Fornyet af", "Sikkerhedskopi 1", "Underskrift"} {
		if w := mustFind(t, ws, label); math.Abs(w.xMin-marginX*mm) > 0.5 {
			t.Errorf("label %q starts at x %.1f, want %.1f", label, w.xMin, marginX*mm)
		}
	}
	d := sample("da", 10, 1, false)
	for _, value := range []string{d.CVR, d.Serial, d.UUID, "24. november 2029", d.Email, "E:\\Certifikater\\Organisationscertifikat"} {
		w := mustFind(t, ws, value)
		if math.Abs(w.xMin-valueX*mm) > 0.5 {
			t.Errorf("value %q starts at x %.1f, want %.1f", value, w.xMin, valueX*mm)
		}
	}
	cvrLabel, cvr := mustFind(t, ws, "CVR-nummer"), mustFind(t, ws, d.CVR)
	if math.Abs(cvrLabel.yMax-cvr.yMax) > 2 {
		t.Errorf("CVR label (y %.1f) and value (y %.1f) are not on one line", cvrLabel.yMax, cvr.yMax)
	}
	// The order of the sections, top to bottom.
	prev := word{}
	for _, h := range []string{"Organisation", "Certifikat", "Fornyelse", "Kontrollerede sikkerhedskopier", "Installation i DPG", "Trin i fornyelsen"} {
		w := mustFind(t, ws, h)
		if w.page < prev.page || w.page == prev.page && w.yMin <= prev.yMin {
			t.Errorf("section %q is out of order", h)
		}
		prev = w
	}
	// The footer's page number ends at the right margin.
	var last word
	for _, w := range ws {
		if w.page == 1 && w.yMin > footerY*mm && w.xMax > last.xMax {
			last = w
		}
	}
	if math.Abs(last.xMax-(marginX+contentW)*mm) > 0.5 {
		t.Errorf("the page number ends at x %.1f, want the right margin %.1f", last.xMax, (marginX+contentW)*mm)
	}
}

func TestReceiptPageBreaks(t *testing.T) {
	for backups := 0; backups <= 6; backups++ {
		t.Run(fmt.Sprint(backups, " backups"), func(t *testing.T) {
			pdf := must(Receipt(sample("en", 40, backups, backups%2 == 0)))
			ws, pages := words(t, pdf)
			if pages < 2 {
				t.Fatalf("40 steps fit on %d page", pages)
			}
			checkPages(t, ws, pages, func(i, n int) string { return fmt.Sprintf("Page %d of %d", i, n) })
			// Every step once, in order across the pages.
			prev := word{}
			for i := 1; i <= 40; i++ {
				w := mustFind(t, ws, fmt.Sprintf("%d.", i))
				if w.page < prev.page || w.page == prev.page && w.yMin <= prev.yMin {
					t.Errorf("step %d is out of order", i)
				}
				prev = w
			}
			// Blocks that must not be split across pages.
			if backups == 0 {
				together(t, ws, "Verified backups", "No verified backup")
			} else {
				together(t, ws, "Verified backups", "Backup 1")
			}
			for i := 1; i <= backups; i++ {
				b := mustFind(t, ws, fmt.Sprintf("Backup %d", i))
				var checked word
				for _, w := range ws {
					if w.text == "Read" && (w.page > b.page || w.page == b.page && w.yMin > b.yMin) {
						checked = w
						break
					}
				}
				if checked.page != b.page {
					t.Errorf("backup %d is split over pages %d and %d", i, b.page, checked.page)
				}
			}
			together(t, ws, "Installation in DPG", "Signature")
			for i := 2; i <= pages; i++ {
				if w, ok := find(ws, "Certificate renewal receipt · Æblegrød ApS · continued"); !ok || w.page > i {
					t.Errorf("page %d has no running head", i)
				}
			}
		})
	}
}

func together(t *testing.T, ws []word, a, b string) {
	t.Helper()
	if pa, pb := mustFind(t, ws, a).page, mustFind(t, ws, b).page; pa != pb {
		t.Errorf("%q (page %d) and %q (page %d) are split over two pages", a, pa, b, pb)
	}
}

func TestChecklist(t *testing.T) {
	for _, l := range []string{"da", "en"} {
		steps := sampleSteps()
		pdf, err := Checklist(l, steps, time.Date(2026, 11, 24, 21, 55, 0, 0, cph))
		if err != nil {
			t.Fatal(err)
		}
		ws, pages := words(t, pdf)
		if pages > 2 {
			t.Errorf("%s: the checklist has %d pages, want one or two", l, pages)
		}
		label := map[string]string{"da": "Side %d af %d", "en": "Page %d of %d"}[l]
		checkPages(t, ws, pages, func(i, n int) string { return fmt.Sprintf(label, i, n) })
		text := oneLine(pdfText(t, pdf))
		for _, s := range steps {
			if !strings.Contains(text, s.Title) || !strings.Contains(text, oneLine(s.Text)) {
				t.Errorf("%s: checklist lacks step %q", l, s.Title)
			}
		}
		for _, w := range map[string][]string{"da": {"Tjekliste", "Noter", "24. november 2026 kl. 21:55"}, "en": {"Checklist", "Notes", "24 November 2026 at 21:55"}}[l] {
			if !strings.Contains(text, w) {
				t.Errorf("%s: checklist lacks %q", l, w)
			}
		}
	}
	// Many steps flow onto more pages without losing one.
	var many []ChecklistStep
	for i := 0; i < 30; i++ {
		many = append(many, sampleSteps()[i%10])
	}
	ws, pages := words(t, must(Checklist("en", many, time.Time{})))
	if pages < 2 {
		t.Errorf("30 steps on %d page", pages)
	}
	checkPages(t, ws, pages, func(i, n int) string { return fmt.Sprintf("Page %d of %d", i, n) })
	if _, ok := find(ws, "30. Install in DPG at once"); !ok {
		t.Error("the 30th step is missing")
	}
}

func TestWriteNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	first := must(Receipt(sample("da", 1, 0, false)))
	second := must(Receipt(sample("en", 1, 0, false)))
	p1, err := Write(dir, "Kvittering.pdf", first)
	if err != nil {
		t.Fatal(err)
	}
	p2, err := Write(dir, "Kvittering.pdf", second)
	if err != nil {
		t.Fatal(err)
	}
	if p1 != filepath.Join(dir, "Kvittering.pdf") || p2 != filepath.Join(dir, "Kvittering (2).pdf") {
		t.Errorf("written to %q and %q", p1, p2)
	}
	if got, _ := os.ReadFile(p1); !bytes.Equal(got, first) {
		t.Error("the first receipt was changed by the second write")
	}
	if got, _ := os.ReadFile(p2); !bytes.Equal(got, second) {
		t.Error("the second receipt is not what was written")
	}
	if _, err := Write(dir, "x.pdf", []byte("password=secret")); !errors.Is(err, ErrNotPDF) {
		t.Errorf("non-PDF data: err %v, want ErrNotPDF", err)
	}
	if _, err := Write(filepath.Join(dir, "missing"), "x.pdf", first); err == nil {
		t.Error("writing into a missing folder succeeded")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("the folder holds %d files, want the 2 receipts and nothing else", len(entries))
	}
}

func TestWrap(t *testing.T) {
	d, err := newDoc("en", "t")
	if err != nil {
		t.Fatal(err)
	}
	d.font(faceRegular, 10, colText)
	long := `C:\Users\søren\Documents\Certifikater\Organisationscertifikat-Æblegrød-ApS-fornyet-2026-11-24\cert.p12`
	for _, s := range []string{
		"Log in to the business administration for MitID Erhverv with a MitID user who has the role User Administrator",
		long, "one\ntwo", "",
	} {
		lines := d.wrap(s, 50)
		for _, l := range lines {
			if w := d.width(l); w > 50 {
				t.Errorf("line %q is %.1f mm wide, over 50", l, w)
			}
		}
		if got := strings.Join(lines, ""); strings.ReplaceAll(strings.ReplaceAll(s, " ", ""), "\n", "") != strings.ReplaceAll(got, " ", "") {
			t.Errorf("wrapping %q lost text: %q", s, lines)
		}
	}
	if lines := d.wrap(long, 50); !strings.HasSuffix(lines[0], `\`) {
		t.Errorf("a long path is cut at %q, not after a separator", lines[0])
	}
	if got := d.wrap("one\ntwo", 100); len(got) != 2 {
		t.Errorf("explicit line break: %q", got)
	}
}

func TestGroupHex(t *testing.T) {
	for in, want := range map[string]string{
		"3f2a9c0177de":                        "3F2A 9C01 77DE",
		"3F:2A:9C":                            "3F2A 9C",
		"not hex":                             "not hex",
		"":                                    "",
		"abcdefabcdefabc":                     "ABCD EFAB CDEF ABC",
		strings.Repeat("0123456789abcdef", 4): "0123 4567 89AB CDEF 0123 4567 89AB CDEF\n0123 4567 89AB CDEF 0123 4567 89AB CDEF",
	} {
		if got := groupHex(in); got != want {
			t.Errorf("groupHex(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFileName(t *testing.T) {
	d := sample("da", 0, 0, false)
	d.Organization = `Æble/grød: "ApS"?`
	if got, want := FileName(d), "Kvittering for fornyelse - Æble grød ApS - 2026-11-24.pdf"; got != want {
		t.Errorf("FileName = %q, want %q", got, want)
	}
	d.Lang, d.Organization = "en", ""
	if got, want := FileName(d), "Renewal receipt - 2026-11-24.pdf"; got != want {
		t.Errorf("FileName = %q, want %q", got, want)
	}
	if got := ChecklistFileName("da"); got != "Tjekliste til fornyelse.pdf" {
		t.Errorf("ChecklistFileName = %q", got)
	}
}

func BenchmarkReceipt(b *testing.B) {
	d := sample("da", 12, 2, true)
	for b.Loop() {
		if _, err := Receipt(d); err != nil {
			b.Fatal(err)
		}
	}
}

// Text from a certificate or a path reaches the receipt as one plain line,
// and the caller's data is not changed.
func TestReceiptTextIsOneLine(t *testing.T) {
	in := Data{Organization: "Org\nReady to install in DPG", CommonName: "a\x1b[2Jb",
		Backups: []Backup{{Location: "/media/usb/x\u202egnp.p12"}}, DPG: &DPGInstall{By: "Anne\r\nBo"}}
	out := in.safe()
	for _, s := range []string{out.Organization, out.CommonName, out.Backups[0].Location, out.DPG.By} {
		if strings.ContainsAny(s, "\n\r\x1b\u202e") {
			t.Errorf("%q is not one plain line", s)
		}
	}
	if out.Organization != "Org Ready to install in DPG" {
		t.Errorf("Organization %q", out.Organization)
	}
	if in.Backups[0].Location != "/media/usb/x\u202egnp.p12" || in.DPG.By != "Anne\r\nBo" {
		t.Error("safe changed the caller's data")
	}
	if name := FileName(Data{Organization: "x\u202egnp.exe", Lang: "en"}); strings.ContainsRune(name, '\u202e') {
		t.Errorf("FileName %q", name)
	}
}

// The user's own list of places is on the receipt, each with its tick: a
// switched place with when, one not yet switched marked so.
func TestReceiptListsThePlacesWithTheirTicks(t *testing.T) {
	for _, tc := range []struct{ lang, section, notDone string }{
		{"da", "Andre steder, certifikatet bruges", "ikke udført"},
		{"en", "Other places the certificate is used", "not done"},
	} {
		d := sample(tc.lang, 3, 1, true)
		d.Places = []Place{
			{Name: "DPG Sikker Post", SwitchedAt: d.GeneratedAt.Add(-time.Hour)},
			{Name: "Systemintegrationer", Note: "e-conomic"},
		}
		pdf, err := Receipt(d)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(pdfText(t, pdf, "-layout"), "\n")
		find := func(s string) string { return lineWith(t, tc.lang, lines, s) }
		find(tc.section)
		if l := find("DPG Sikker Post"); strings.Contains(l, tc.notDone) || !strings.Contains(l, "2026") {
			t.Errorf("%s: switched place: %q", tc.lang, l)
		}
		if l := find("Systemintegrationer (e-conomic)"); !strings.Contains(l, tc.notDone) {
			t.Errorf("%s: place not switched: %q", tc.lang, l)
		}
		d.Places = nil
		pdf, _ = Receipt(d)
		if strings.Contains(pdfText(t, pdf), tc.section) {
			t.Errorf("%s: an empty list still has its section", tc.lang)
		}
	}
}

// A long organisation name stays on the page: in the header, in the
// running head of later pages and in its row (issue 24, 9).
func TestLongNameStaysOnThePage(t *testing.T) {
	for _, name := range []string{
		strings.Repeat("Langt Firmanavn ", 20),
		strings.Repeat("Ø", 290),
	} {
		data := sample("en", 10, 1, false)
		data.Organization = name
		ws, pages := words(t, must(Receipt(data)))
		if pages < 2 {
			t.Fatalf("%d pages: the running head is not drawn", pages)
		}
		checkPages(t, ws, pages, func(i, n int) string { return fmt.Sprintf("Page %d of %d", i, n) })
	}
}

// A receipt made mid-way says "not yet" of what the renewal had not come
// to, and "not done" only of what it passed without doing; so do places.
func TestReceiptSaysNotYetOfWhatIsAhead(t *testing.T) {
	for _, tc := range []struct{ lang, notDone, notYet string }{
		{"da", "ikke udført", "endnu ikke"},
		{"en", "not done", "not yet"},
	} {
		d := sample(tc.lang, 3, 0, false)
		d.Steps = []Step{
			{Title: "Log in to MitID Erhverv", DoneAt: d.GeneratedAt.Add(-time.Hour)},
			{Title: "Save the password"},
			{Title: "Install in DPG", Ahead: true},
		}
		d.Places = []Place{{Name: "Systemintegrationer", Ahead: true}, {Name: "Andre tjenester"}}
		lines := strings.Split(pdfText(t, must(Receipt(d)), "-layout"), "\n")
		line := func(s string) string { return lineWith(t, tc.lang, lines, s) }
		if l := line("Log in to MitID Erhverv"); strings.Contains(l, tc.notDone) || strings.Contains(l, tc.notYet) || !strings.Contains(l, "2026") {
			t.Errorf("%s: a done step: %q", tc.lang, l)
		}
		if l := line("Save the password"); !strings.Contains(l, tc.notDone) {
			t.Errorf("%s: a step passed without doing it: %q", tc.lang, l)
		}
		if l := line("Install in DPG"); !strings.Contains(l, tc.notYet) || strings.Contains(l, tc.notDone) {
			t.Errorf("%s: a step ahead: %q", tc.lang, l)
		}
		if l := line("Systemintegrationer"); !strings.Contains(l, tc.notYet) {
			t.Errorf("%s: a place ahead: %q", tc.lang, l)
		}
		if l := line("Andre tjenester"); !strings.Contains(l, tc.notDone) {
			t.Errorf("%s: a place not switched: %q", tc.lang, l)
		}
	}
}

// lineWith is the first of the lines that holds s.
func lineWith(t *testing.T, lang string, lines []string, s string) string {
	t.Helper()
	for _, l := range lines {
		if strings.Contains(l, s) {
			return l
		}
	}
	t.Errorf("%s: no line with %q", lang, s)
	return ""
}

// A backup on a stick names the stick by its label; one on the original's
// disk says that the copy on a USB stick is still to do.
func TestReceiptNamesTheStickAndASameDiskCopy(t *testing.T) {
	for _, lang := range []string{"da", "en"} {
		d := sample(lang, 10, 2, true)
		d.Backups[0].Drive = "KINGSTON (E:)"
		d.Backups[1].SameDisk = true
		text := oneLine(pdfText(t, must(Receipt(d))))
		for _, want := range []string{"KINGSTON (E:)", oneLine(msg.T(lang, "receipt.backup.same_disk", nil))} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: the receipt lacks %q:\n%s", lang, want, text)
			}
		}
	}
}

// Each place says what it needs and what was handed over and when; a
// hand-over copy says to whom, never with a password.
func TestReceiptSaysWhatEachPlaceWasGiven(t *testing.T) {
	for _, tc := range []struct{ lang, needsCer, givenCer, copyTo, handover string }{
		{"da", "Skal have det offentlige certifikat (.cer)", "offentligt certifikat gemt den", "givet til Acme IT den", "En kopi blev givet til Acme IT den"},
		{"en", "Needs the public certificate (.cer)", "public certificate saved on", "given to Acme IT on", "A copy was given to Acme IT on"},
	} {
		d := sample(tc.lang, 3, 1, true)
		at := d.GeneratedAt.Add(-time.Hour)
		d.Places = []Place{
			{Name: "Datafordeleren", Needs: register.NeedsPublic, Given: register.GavePublic, GivenAt: at, SwitchedAt: at},
			{Name: "e-conomic", Needs: register.NeedsP12, Given: register.GaveCopy, GivenTo: "Acme IT", GivenAt: at},
			{Name: "Skat", Needs: register.NeedsIdentity},
		}
		d.HandOvers = []HandOver{{To: "Acme IT", At: at}}
		pdf, err := Receipt(d)
		if err != nil {
			t.Fatal(err)
		}
		text := oneLine(pdfText(t, pdf))
		for _, want := range []string{tc.needsCer + " · " + tc.givenCer, tc.copyTo, tc.handover, "Datafordeleren", "Skat"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: no %q in\n%s", tc.lang, want, text)
			}
		}
	}
}

// A certificate whose environment is not known gets no "Environment:
// Unknown" row, which reads as if it were in doubt; a known one has it.
func TestReceiptLeavesOutAnUnknownEnvironment(t *testing.T) {
	for env, want := range map[string]bool{"": false, "staging": false, "production": true, "test": true} {
		d := sample("da", 2, 0, false)
		d.Environment = env
		pdf, err := Receipt(d)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(pdfText(t, pdf), msg.T("da", "receipt.environment", nil)); got != want {
			t.Errorf("environment %q: the row is shown %v", env, got)
		}
	}
}
