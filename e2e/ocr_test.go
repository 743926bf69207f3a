//go:build e2e

package e2e

import (
	"errors"
	"fmt"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// ocrScale enlarges the window before OCR: tesseract reads the window's
// small, anti-aliased text far better at twice the size.
const ocrScale = 2

// word is one word tesseract read, with its box in screen coordinates.
type word struct {
	text       string
	norm       string
	x, y, w, h int
	line       string // block/paragraph/line, to match phrases within a line
}

// page is what tesseract read from one screenshot, twice: as sparse text
// (words scattered over a window, buttons and tabs) and as blocks of text.
// Sparse reading misses a sentence now and then that sits in a framed box
// (the guide's green "file is checked" line); block reading reads those but
// runs tab labels together. A phrase is looked for in both; the one that
// finds it in more places wins (the sparse one when they tie).
type page struct {
	shot          string
	words, blocks []word
}

// text is the page as lines, for failure messages.
func (p page) text() string {
	var b strings.Builder
	last := ""
	for _, w := range p.words {
		if w.line != last && last != "" {
			b.WriteByte('\n')
		} else if last != "" {
			b.WriteByte(' ')
		}
		b.WriteString(w.text)
		last = w.line
	}
	return b.String()
}

// ocr screenshots the screen as the next step and reads the app's window
// (or area, if given) with tesseract in the session's language.
func (s *session) ocr(label string, area ...rect) page {
	s.t.Helper()
	shot := s.shot(label)
	r := s.win
	if len(area) > 0 {
		r = area[0]
	}
	crop := filepath.Join(s.dir, "ocr.png")
	mask := filepath.Join(s.dir, "ocr-mask.png")
	img, err := readPNG(shot)
	if err != nil {
		s.t.Fatalf("reading the screenshot: %v", err)
	}
	region := image.Rect(r.x, r.y, r.x+r.w, r.y+r.h).Intersect(img.Bounds())
	// The same pixels read the same: waits poll an unchanged screen, and
	// scenarios pass the same cards.
	key := readingKey(img, region, s.lang)
	if p, ok := readings.get(key); ok {
		p.shot = shot
		return p
	}
	// Buttons of high importance are white text on a strong colour, which
	// tesseract does not read: the strongly coloured areas bigger than a
	// line of coloured text are found and turned into dark text on a light
	// ground, like the rest.
	if err := writePNG(mask, strongColour(img, region).gray()); err != nil {
		s.t.Fatal(err)
	}
	geom := fmt.Sprintf("%dx%d+%d+%d", region.Dx(), region.Dy(), region.Min.X, region.Min.Y)
	if out, err := exec.Command("convert", shot, "-crop", geom, "+repage", "-colorspace", "Gray",
		"(", "+clone", "-negate", "-level", "0,65%", ")", mask, "-composite",
		"-resize", strconv.Itoa(ocrScale*100)+"%", crop).CombinedOutput(); err != nil {
		s.t.Fatalf("convert: %v %s", err, out)
	}
	// Buttons have a thin edge, and tesseract reads little of a row of
	// framed labels side by side: the long straight lines are painted white.
	scaled, err := readPNG(crop)
	if err != nil {
		s.t.Fatal(err)
	}
	gray := toGray(scaled)
	whitenLines(gray, 61, 41)
	if err := writePNG(crop, gray); err != nil {
		s.t.Fatal(err)
	}
	// The two readings run side by side: one core each.
	languages := map[string]string{"da": "dan+eng", "en": "eng+dan"}[s.lang]
	var blocks []word
	var blocksErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		blocks, blocksErr = tesseract(crop, languages, "3", r)
	}()
	words, err := tesseract(crop, languages, "11", r)
	<-done
	if err = errors.Join(err, blocksErr); err != nil {
		s.t.Fatalf("tesseract: %v", err)
	}
	p := page{shot: shot, words: words, blocks: blocks}
	readings.put(key, p)
	return p
}

// tesseract reads the image at path in the page segmentation mode psm;
// the words' boxes are turned back into screen coordinates of r.
func tesseract(path, languages, psm string, r rect) ([]word, error) {
	cmd := exec.Command("tesseract", path, "-", "-l", languages, "--psm", psm, "tsv")
	cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
	out, err := cmd.Output()
	if err != nil {
		return nil, err
	}
	var words []word
	for _, l := range strings.Split(string(out), "\n")[1:] {
		f := strings.Split(l, "\t")
		if len(f) < 12 || f[0] != "5" {
			continue
		}
		text := strings.TrimSpace(f[11])
		if text == "" {
			continue
		}
		n := func(i int) int { v, _ := strconv.Atoi(f[i]); return v }
		words = append(words, word{
			text: text, norm: normalise(text),
			x: r.x + n(6)/ocrScale, y: r.y + n(7)/ocrScale, w: n(8) / ocrScale, h: n(9) / ocrScale,
			line: f[2] + "/" + f[3] + "/" + f[4],
		})
	}
	return words, nil
}

// danishFold spells æ, ø and å the way tesseract often reads them (ae, o,
// a: "tømt" comes back "tomt"), on both sides of a comparison.
var danishFold = strings.NewReplacer("æ", "ae", "ø", "o", "å", "a")

// normalise makes OCR and catalogue words comparable: lower case, æøå
// folded, no punctuation around the word, ellipses and quotes dropped.
func normalise(s string) string {
	s = danishFold.Replace(strings.ToLower(s))
	return strings.TrimFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func phraseWords(phrase string) []string {
	var out []string
	for _, w := range strings.Fields(phrase) {
		if n := normalise(w); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// like compares a read word with a wanted one, forgiving one misread letter
// in longer words (tesseract confuses æ/ae, l/I now and then) and a last
// letter lost before an ellipsis ("fil…" read as "fi.").
func like(read, want string) bool {
	if read == want {
		return true
	}
	r, w := []rune(read), []rune(want)
	if len(r) >= 2 && len(w)-len(r) == 1 && strings.HasPrefix(want, read) {
		return true
	}
	if len(w) < 5 {
		return false
	}
	return distance(read, want) <= 1
}

func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur := make([]int, len(rb)+1)
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(rb)]
}

// find looks for a phrase on one line of the page; it returns the phrase's
// box.
func (p page) find(phrase string) (rect, bool) {
	all := p.findAll(phrase)
	if len(all) == 0 {
		return rect{}, false
	}
	return all[0], true
}

// findAll is every place the phrase shows on the page, top to bottom. A
// long phrase is found by any four of its words in a row, so that a
// sentence wrapped over two lines, or a word tesseract misreads, still
// leaves it found.
func (p page) findAll(phrase string) []rect {
	want := phraseWords(phrase)
	if len(want) == 0 {
		return nil
	}
	const run = 4
	m := min(len(want), run)
	// The reading that finds it in more places wins: scattered words miss
	// a line in a field's frame now and then that the blocks read.
	var best []rect
	for _, words := range [][]word{p.words, p.blocks} {
		for k := 0; k+m <= len(want); k++ {
			if out := findRun(words, want[k:k+m]); len(out) > 0 {
				if len(out) > len(best) {
					best = out
				}
				break
			}
		}
	}
	return best
}

// findRun finds words in a row on one line, everywhere they are.
func findRun(words []word, want []string) []rect {
	var out []rect
	for i := range words {
		j := 0
		for ; j < len(want) && i+j < len(words); j++ {
			w := words[i+j]
			if w.line != words[i].line || !like(w.norm, want[j]) {
				break
			}
		}
		if j == len(want) {
			first, last := words[i], words[i+j-1]
			out = append(out, rect{x: first.x, y: first.y, w: last.x + last.w - first.x, h: max(first.h, last.h)})
		}
	}
	return out
}

func (p page) has(phrase string) bool { _, ok := p.find(phrase); return ok }

// waitText reads the screen until one of the phrases shows, and returns
// the page and which phrase it found; it fails the test after timeout.
func (s *session) waitText(label string, timeout time.Duration, phrases ...string) (page, string) {
	s.t.Helper()
	found := ""
	p, ok := s.pollScreen(label, timeout, func(p page) bool {
		for _, ph := range phrases {
			if p.has(ph) {
				found = ph
				return true
			}
		}
		return false
	})
	if !ok {
		s.t.Fatalf("%s: waited %s for %q; the screen (%s) reads:\n%s\napp output:\n%s",
			label, timeout, phrases, p.shot, p.text(), s.appTail())
	}
	return p, found
}

// pollScreen reads the screen until ok says yes or timeout passes, and
// returns the last reading; only the last screenshot of a wait is kept.
func (s *session) pollScreen(label string, timeout time.Duration, ok func(page) bool) (page, bool) {
	s.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		s.alive()
		p := s.ocr(label)
		if ok(p) {
			return p, true
		}
		if time.Now().After(deadline) {
			return p, false
		}
		_ = os.Remove(p.shot)
		s.step--
		time.Sleep(300 * time.Millisecond)
	}
}

// clickNthText waits until a phrase shows at least n times (from 1, top to
// bottom) and clicks the middle of the nth.
func (s *session) clickNthText(label string, timeout time.Duration, phrase string, n int) {
	s.t.Helper()
	p, ok := s.pollScreen(label, timeout, func(p page) bool { return len(p.findAll(phrase)) >= n })
	if !ok {
		s.t.Fatalf("%s: %q shows fewer than %d times; the screen (%s) reads:\n%s", label, phrase, n, p.shot, p.text())
	}
	x, y := p.findAll(phrase)[n-1].centre()
	s.click(x, y)
}

// clickLastText waits for a phrase and clicks the lowest place it shows:
// a button below a sentence that may name it too (wrapped or not).
func (s *session) clickLastText(label string, timeout time.Duration, phrase string) {
	s.t.Helper()
	p, _ := s.waitText(label, timeout, phrase)
	all := p.findAll(phrase)
	x, y := all[len(all)-1].centre()
	s.click(x, y)
}

// waitGone waits until phrase no longer shows (a question answered, a
// dialog closed).
func (s *session) waitGone(label string, timeout time.Duration, phrase string) {
	s.t.Helper()
	if p, ok := s.pollScreen(label, timeout, func(p page) bool { return !p.has(phrase) }); !ok {
		s.t.Fatalf("%s: %q still shows after %s (%s):\n%s", label, phrase, timeout, p.shot, p.text())
	}
}

// clickText waits for a label and clicks its middle.
func (s *session) clickText(label string, timeout time.Duration, phrase string) {
	s.t.Helper()
	p, _ := s.waitText(label, timeout, phrase)
	r, _ := p.find(phrase)
	x, y := r.centre()
	s.click(x, y)
}
