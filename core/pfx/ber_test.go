package pfx

import (
	"bytes"
	"runtime"
	"testing"
)

func TestToDER(t *testing.T) {
	nest := func(n int) []byte { // n indefinite SEQUENCEs around NULL
		b := append(bytes.Repeat([]byte{0x30, 0x80}, n), 0x05, 0x00)
		return append(b, make([]byte, 2*n)...)
	}
	cases := []struct {
		name    string
		in, out string // hex
		changed bool
		err     bool
	}{
		{name: "DER unchanged", in: "300602010304010a", out: "300602010304010a"},
		{name: "indefinite", in: "30800201030000", out: "3003020103", changed: true},
		{name: "nested indefinite", in: "3080a08004010000000000", out: "3005a003040100", changed: true},
		{name: "octet chunks", in: "2480040201020401030000", out: "0403010203", changed: true},
		{name: "nested octet chunks", in: "2480" + "2480040101" + "0000" + "040102" + "0000", out: "04020102", changed: true},
		{name: "definite octet chunks", in: "2406040101040102", out: "04020102", changed: true},
		{name: "long-form length", in: "308103020103", out: "3003020103", changed: true},
		{name: "four-byte length", in: "308400000003020103", out: "3003020103", changed: true},
		{name: "non-minimal integer", in: "300402020005", out: "3003020105", changed: true},
		{name: "non-minimal negative integer", in: "0203ffff80", out: "020180", changed: true},
		{name: "bit string chunks", in: "2380030200aa030204b00000", out: "030304aab0", changed: true},
		{name: "high tag kept", in: "bf810003020103", out: "bf810003020103"},
		{name: "context [0] implicit chunks kept constructed", in: "a0800401aa0401bb0000", out: "a0060401aa0401bb", changed: true},
		{name: "high tag form for a low tag", in: "3f0400", out: "0400", changed: true},
		{name: "high tag with a leading zero group", in: "9f800102aabb", out: "8102aabb", changed: true},
		{name: "large high tag", in: "9f8f7f00", out: "9f8f7f00"},
		{name: "primitive indefinite", in: "0480010000", err: true},
		{name: "missing end of contents", in: "30800201", err: true},
		{name: "length 0xff", in: "30ff", err: true},
		{name: "five-byte length", in: "30850000000003020103", err: true},
		{name: "truncated", in: "3005020103", err: true},
		{name: "mixed segments", in: "248002010000", err: true},
		{name: "bit string with unused bits inside", in: "2380030204aa030200b00000", err: true},
		{name: "empty", in: "", err: true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			der, rest, changed, err := toDER(unhex(t, tc.in))
			bder, brest, bchanged, berr := buildDER(unhex(t, tc.in))
			if err != berr || changed != bchanged || !bytes.Equal(der, bder) || !bytes.Equal(rest, brest) {
				t.Fatalf("toDER and buildDER disagree: %x %x %v %v / %x %x %v %v", der, rest, changed, err, bder, brest, bchanged, berr)
			}
			if tc.err {
				if err == nil {
					t.Fatalf("no error; got %x", der)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(rest) != 0 {
				t.Errorf("rest %x", rest)
			}
			if got := hexs(der); got != tc.out || changed != tc.changed {
				t.Errorf("got %s (changed %v), want %s (changed %v)", got, changed, tc.out, tc.changed)
			}
		})
	}
	if _, _, _, err := toDER(nest(maxDepth)); err != nil {
		t.Errorf("depth %d: %v", maxDepth, err)
	}
	if _, _, _, err := toDER(nest(maxDepth + 1)); err == nil {
		t.Errorf("depth %d accepted", maxDepth+1)
	}
	many := append([]byte{0x30, 0x80}, bytes.Repeat([]byte{0x05, 0x00}, maxElements)...)
	if _, _, _, err := toDER(append(many, 0, 0)); err == nil {
		t.Error("more than maxElements elements accepted")
	}
}

func hexs(b []byte) string {
	const digits = "0123456789abcdef"
	out := make([]byte, 0, 2*len(b))
	for _, c := range b {
		out = append(out, digits[c>>4], digits[c&15])
	}
	return string(out)
}

// Claimed lengths are checked against the bytes present before anything is
// allocated: a few bytes claiming two gigabytes must not cost memory.
func TestHugeLengthsAllocateLittle(t *testing.T) {
	inputs := [][]byte{
		{0x30, 0x84, 0x7f, 0xff, 0xff, 0xff, 0x02, 0x01, 0x03},
		append([]byte{0x30, 0x80, 0x02, 0x01, 0x03, 0x30, 0x80, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01, 0xa0, 0x80, 0x24, 0x80, 0x04, 0x84, 0x7f, 0xff, 0xff, 0xff}, make([]byte, 64)...),
	}
	for _, in := range inputs {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, err := Parse(in)
		runtime.ReadMemStats(&after)
		if CodeOf(err) != CodeCorrupt {
			t.Errorf("%x: %v, want %s", in[:8], err, CodeCorrupt)
		}
		if n := after.TotalAlloc - before.TotalAlloc; n > 1<<20 {
			t.Errorf("%x: allocated %d bytes", in[:8], n)
		}
	}
}

// A deeply nested file must fail cleanly, not overflow the stack.
func TestDeepNesting(t *testing.T) {
	for _, prefix := range [][]byte{{0x30, 0x80}, {0x24, 0x80}, {0xa0, 0x80}, {0x30, 0x84, 0x00, 0x10, 0x00, 0x00}} {
		data := append([]byte{0x30, 0x80, 0x02, 0x01, 0x03}, bytes.Repeat(prefix, 200000)...)
		if _, err := Parse(data); CodeOf(err) != CodeCorrupt {
			t.Errorf("%x nesting: %v", prefix, err)
		}
	}
}
