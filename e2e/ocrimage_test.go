//go:build e2e

package e2e

import (
	"bufio"
	"crypto/sha256"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"sync"
)

// The image work before OCR, done here rather than by ImageMagick: its
// morphology took about 1.4 s of CPU per reading, three quarters of the
// suite's time besides tesseract, for what is binary morphology with
// small, symmetric shapes. Each step below is the ImageMagick 6 operation
// it replaces, to the pixel (TestOCRImageLikeImageMagick compares them):
// a disk of radius r holds the offsets with u²+v² ≤ r² (its DiskKernel),
// and pixels beyond the edge repeat the edge (the "edge" virtual pixel).

// strongColour marks the strongly coloured pixels of r in img, the areas
// of buttons of high importance (white text on a strong colour), closed
// over the text they hold and opened to drop coloured text itself: like
// `-colorspace HSB -channel G -separate -threshold 50% -morphology Close
// Disk:5 -morphology Open Disk:9`.
func strongColour(img image.Image, r image.Rectangle) *binaryImage {
	b := newBinaryImage(r.Dx(), r.Dy())
	for y := 0; y < b.h; y++ {
		for x := 0; x < b.w; x++ {
			cr, cg, cb, _ := img.At(r.Min.X+x, r.Min.Y+y).RGBA()
			hi, lo := max(cr, cg, cb), min(cr, cg, cb)
			// HSB saturation (hi-lo)/hi above one half.
			b.px[y*b.w+x] = hi > 0 && 2*(hi-lo) > hi
		}
	}
	b = b.dilate(5).erode(5)
	return b.erode(9).dilate(9)
}

// binaryImage is a black and white image, true for white.
type binaryImage struct {
	w, h int
	px   []bool
}

func newBinaryImage(w, h int) *binaryImage {
	return &binaryImage{w: w, h: h, px: make([]bool, w*h)}
}

// rowCounts gives, for each row, how many pixels are set before each x,
// so that a span's count is one subtraction.
func (b *binaryImage) rowCounts() [][]int32 {
	counts := make([][]int32, b.h)
	for y := range counts {
		c := make([]int32, b.w+1)
		for x := 0; x < b.w; x++ {
			c[x+1] = c[x]
			if b.px[y*b.w+x] {
				c[x+1]++
			}
		}
		counts[y] = c
	}
	return counts
}

// diskRows is the half width of each row of a disk of radius r, from its
// top row (v = -r) down.
func diskRows(r int) []int {
	rows := make([]int, 2*r+1)
	for v := -r; v <= r; v++ {
		u := 0
		for (u+1)*(u+1)+v*v <= r*r {
			u++
		}
		rows[v+r] = u
	}
	return rows
}

// morph sets each pixel from the disk of radius r around it: any pixel set
// (dilate) or every pixel set (erode). A span beyond the edge repeats the
// edge pixel, which the span already holds, so it is clipped.
func (b *binaryImage) morph(r int, every bool) *binaryImage {
	counts := b.rowCounts()
	rows := diskRows(r)
	out := newBinaryImage(b.w, b.h)
	for y := 0; y < b.h; y++ {
		for x := 0; x < b.w; x++ {
			result := every
			for i, half := range rows {
				yy := min(max(y+i-r, 0), b.h-1)
				lo, hi := max(x-half, 0), min(x+half, b.w-1)
				n := counts[yy][hi+1] - counts[yy][lo]
				if every && int(n) != hi-lo+1 {
					result = false
					break
				}
				if !every && n > 0 {
					result = true
					break
				}
			}
			out.px[y*b.w+x] = result
		}
	}
	return out
}

func (b *binaryImage) dilate(r int) *binaryImage { return b.morph(r, false) }
func (b *binaryImage) erode(r int) *binaryImage  { return b.morph(r, true) }

// gray draws the binary image as black and white.
func (b *binaryImage) gray() *image.Gray {
	g := image.NewGray(image.Rect(0, 0, b.w, b.h))
	for i, on := range b.px {
		if on {
			g.Pix[i] = 0xff
		}
	}
	return g
}

// whitenLines paints white the long straight lines of dark pixels in g (a
// button's edge, a separator; no letter is that long at the OCR's size):
// like `-negate -threshold 25%` then `-morphology Open Rectangle:61x1` and
// `Rectangle:1x41`, lightened onto g. Opening with a line keeps exactly
// the runs at least as long as the line; a run that reaches the image's
// edge continues there (the edge repeats), so it needs only the line's
// half and one.
func whitenLines(g *image.Gray, across, down int) {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	line := make([]bool, w*h)
	// scan marks the long runs of dark pixels along one row or column of n
	// pixels, the ith of which is at(i) in line.
	scan := func(n, long int, at func(int) int) {
		for i := 0; i < n; {
			if g.Pix[(at(i)/w)*g.Stride+at(i)%w] > 191 {
				i++
				continue
			}
			start := i
			for i < n && g.Pix[(at(i)/w)*g.Stride+at(i)%w] <= 191 {
				i++
			}
			if i-start >= long || ((start == 0 || i == n) && i-start >= long/2+1) {
				for j := start; j < i; j++ {
					line[at(j)] = true
				}
			}
		}
	}
	for y := 0; y < h; y++ {
		scan(w, across, func(x int) int { return y*w + x })
	}
	for x := 0; x < w; x++ {
		scan(h, down, func(y int) int { return y*w + x })
	}
	for i, on := range line {
		if on {
			g.Pix[(i/w)*g.Stride+i%w] = 0xff
		}
	}
}

// readPNG decodes a PNG file.
func readPNG(path string) (image.Image, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return png.Decode(bufio.NewReader(f))
}

// toGray copies img into an 8-bit grey image at the origin.
func toGray(img image.Image) *image.Gray {
	if g, ok := img.(*image.Gray); ok && g.Rect.Min == (image.Point{}) {
		return g
	}
	r := img.Bounds()
	g := image.NewGray(image.Rect(0, 0, r.Dx(), r.Dy()))
	for y := 0; y < r.Dy(); y++ {
		for x := 0; x < r.Dx(); x++ {
			g.SetGray(x, y, color.GrayModel.Convert(img.At(r.Min.X+x, r.Min.Y+y)).(color.Gray))
		}
	}
	return g
}

// writePNG encodes img to path quickly (the OCR reads it once).
func writePNG(path string, img image.Image) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(f, img); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	return f.Close()
}

// readings keeps every page read in this run by the pixels it was read
// from, so an unchanged screen is not read again.
var readings = readingCache{pages: map[[sha256.Size]byte]page{}}

type readingCache struct {
	sync.Mutex
	pages map[[sha256.Size]byte]page
}

func (c *readingCache) get(key [sha256.Size]byte) (page, bool) {
	c.Lock()
	defer c.Unlock()
	p, ok := c.pages[key]
	return p, ok
}

func (c *readingCache) put(key [sha256.Size]byte, p page) {
	c.Lock()
	defer c.Unlock()
	c.pages[key] = p
}

// readingKey names what a reading depends on: the language, the area's
// place on the screen (words are told in screen coordinates) and its
// pixels.
func readingKey(img image.Image, area image.Rectangle, lang string) [sha256.Size]byte {
	h := sha256.New()
	fmt.Fprintf(h, "%s %v\n", lang, area)
	row := make([]byte, 0, 4*area.Dx())
	for y := area.Min.Y; y < area.Max.Y; y++ {
		row = row[:0]
		for x := area.Min.X; x < area.Max.X; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			row = append(row, byte(r>>8), byte(g>>8), byte(b>>8))
		}
		h.Write(row)
	}
	var key [sha256.Size]byte
	h.Sum(key[:0])
	return key
}
