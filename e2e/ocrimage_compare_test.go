//go:build e2e

package e2e

import (
	"image"
	"image/color"
	"math/rand/v2"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestOCRImageLikeImageMagick holds the OCR's image steps to the
// ImageMagick commands they replace, pixel for pixel, on a drawn window:
// strongly coloured buttons with white text, coloured text, long and short
// lines, lines that reach the edge, noise.
func TestOCRImageLikeImageMagick(t *testing.T) {
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(7, 11))
	img := image.NewRGBA(image.Rect(0, 0, 320, 240))
	fill := func(x0, y0, x1, y1 int, c color.Color) {
		for y := y0; y < y1; y++ {
			for x := x0; x < x1; x++ {
				img.Set(x, y, c)
			}
		}
	}
	fill(0, 0, 320, 240, color.White)
	for range 1500 { // noise of every colour
		img.Set(rng.IntN(320), rng.IntN(240), color.RGBA{uint8(rng.IntN(256)), uint8(rng.IntN(256)), uint8(rng.IntN(256)), 255})
	}
	blue := color.RGBA{0x1e, 0x63, 0xd6, 0xff}
	fill(20, 20, 140, 56, blue) // a button, with white letters
	for x := 30; x < 130; x += 7 {
		fill(x, 30, x+3, 46, color.White)
	}
	fill(0, 200, 40, 230, blue)                                // a button at the edge
	fill(160, 30, 300, 31, color.RGBA{0xd0, 0x20, 0x20, 0xff}) // red text: thin
	fill(160, 40, 162, 52, color.RGBA{0xd0, 0x20, 0x20, 0xff})
	gray := color.Gray{0x60}
	fill(10, 100, 110, 101, gray)  // a long line: 100 across
	fill(10, 110, 50, 111, gray)   // a short one: 40
	fill(0, 120, 35, 121, gray)    // 35, at the edge: kept
	fill(0, 124, 25, 125, gray)    // 25, at the edge: not
	fill(200, 80, 201, 130, gray)  // 50 down
	fill(220, 80, 221, 110, gray)  // 30 down
	fill(319, 215, 320, 240, gray) // 25 down at the right and bottom edges
	shot := filepath.Join(dir, "shot.png")
	if err := writePNG(shot, img); err != nil {
		t.Fatal(err)
	}
	r := image.Rect(0, 0, 320, 240)
	im := func(out string, args ...string) *image.Gray {
		t.Helper()
		if b, err := exec.Command("convert", args...).CombinedOutput(); err != nil {
			t.Fatalf("convert: %v %s", err, b)
		}
		got, err := readPNG(out)
		if err != nil {
			t.Fatal(err)
		}
		return toGray(got)
	}
	same := func(what string, want, got *image.Gray) {
		t.Helper()
		diff := 0
		for i := range want.Pix {
			if want.Pix[i] != got.Pix[i] {
				diff++
			}
		}
		if diff > 0 {
			t.Errorf("%s: %d of %d pixels differ from ImageMagick's", what, diff, len(want.Pix))
		}
	}

	mask := filepath.Join(dir, "mask.png")
	want := im(mask, shot, "-colorspace", "HSB", "-channel", "G", "-separate", "+channel",
		"-threshold", "50%", "-morphology", "Close", "Disk:5", "-morphology", "Open", "Disk:9", mask)
	same("strong colour", want, strongColour(img, r).gray())

	lines := filepath.Join(dir, "lines.png")
	gshot := filepath.Join(dir, "gray.png")
	g := toGray(img)
	if err := writePNG(gshot, g); err != nil {
		t.Fatal(err)
	}
	im(lines, gshot, "-negate", "-threshold", "25%", "(", "+clone", "-morphology", "Open", "Rectangle:61x1", ")",
		"(", "-clone", "0", "-morphology", "Open", "Rectangle:1x41", ")", "-delete", "0",
		"-compose", "lighten", "-composite", lines)
	out := filepath.Join(dir, "out.png")
	want = im(out, gshot, lines, "-compose", "lighten", "-composite", out)
	whitenLines(g, 61, 41)
	same("lines", want, g)
}
