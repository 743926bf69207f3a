package pfx

// BER to DER. Windows and .NET export .pfx files in BER: indefinite lengths,
// OCTET STRINGs split into constructed chunks, long-form lengths where a
// short one would do. encoding/asn1 reads DER only, so each level is
// normalised before it is unmarshalled. The converter descends only into
// constructed elements; the contents of primitive OCTET STRINGs (which in
// PKCS#12 often hold further encoded structures, and over which the MAC is
// computed) are kept byte for byte and normalised separately when they are
// decoded.
//
// It is bounded: nesting depth, element count and tag/length sizes are
// limited, every length is checked against the bytes actually present
// before anything is allocated, and the output is never larger than the
// input plus a few bytes per element.

import (
	"errors"
)

const (
	maxDepth    = 48      // PKCS#12 needs about a dozen levels
	maxElements = 1 << 18 // real files have a few hundred
)

var (
	errBERTruncated = errors.New("encoding ends too early")
	errBERDepth     = errors.New("encoding is nested too deeply")
	errBERTooMany   = errors.New("encoding has too many elements")
	errBERSyntax    = errors.New("invalid encoding")
)

// element is one parsed BER element.
type element struct {
	class, tag  int    // for the universal-type checks
	ident       []byte // identifier octets, constructed bit as in the DER output
	constructed bool
	content     [][]byte   // primitive: content segments (several when a constructed string was flattened)
	children    []*element // constructed
	size        int        // DER length of the content, computed by measure
}

type berParser struct {
	elements int
	changed  bool // the input was not DER
}

// toDER returns data with its outer structure in DER, whether anything had
// to change, and an error if data is not one complete BER element (trailing
// bytes after it are reported through rest).
func toDER(data []byte) (der, rest []byte, changed bool, err error) {
	p := &berParser{}
	rest, err = p.skim(data, 0)
	if err == nil {
		return data[:len(data)-len(rest)], rest, false, nil
	}
	if err != errNotDER {
		return nil, nil, false, err
	}
	return buildDER(data)
}

// buildDER is toDER by building the element tree, for input that is not
// DER.
func buildDER(data []byte) (der, rest []byte, changed bool, err error) {
	p := &berParser{}
	e, rest, err := p.parse(data, 0)
	if err != nil {
		return nil, nil, false, err
	}
	if !p.changed {
		return data[:len(data)-len(rest)], rest, false, nil
	}
	n := e.measure()
	out := make([]byte, 0, n)
	out = e.write(out)
	return out, rest, true, nil
}

// toDERExact is toDER for a value that must be exactly one element.
func toDERExact(data []byte) ([]byte, bool, error) {
	der, rest, changed, err := toDER(data)
	if err != nil {
		return nil, false, err
	}
	if len(rest) != 0 {
		return nil, false, errors.New("trailing data after the encoding")
	}
	return der, changed, nil
}

// isString reports universal types whose BER form may be constructed from
// segments but whose DER form is primitive.
func isString(tag int) bool {
	switch tag {
	case 3, 4, 12, 18, 19, 20, 21, 22, 25, 26, 27, 28, 30:
		return true
	}
	return false
}

// header is the identifier and length of one element.
type header struct {
	class, tag  int
	ident       []byte // DER form
	constructed bool
	indefinite  bool
	length      int    // of the content; 0 when indefinite
	body        []byte // everything after the length octets
}

// header reads the identifier and length octets at the start of data,
// noting in p.changed anything that is not DER.
func (p *berParser) header(data []byte) (header, error) {
	var h header
	if len(data) < 2 {
		return h, errBERTruncated
	}
	b := data[0]
	h.class = int(b >> 6)
	h.constructed = b&0x20 != 0
	i := 1
	if b&0x1f == 0x1f {
		// High tag number form: at most 4 more octets, base 128.
		tag := 0
		for {
			if i >= len(data) {
				return h, errBERTruncated
			}
			if i > 4 {
				return h, errBERSyntax
			}
			c := data[i]
			i++
			tag = tag<<7 | int(c&0x7f)
			if c&0x80 == 0 {
				break
			}
		}
		h.tag = tag
	} else {
		h.tag = int(b & 0x1f)
	}
	h.ident = data[:i:i]
	if i > 1 {
		// DER wants the shortest tag form: one octet below 31, else base
		// 128 without leading zero groups.
		if id := encodeIdent(b&0xe0, h.tag); string(id) != string(h.ident) {
			h.ident = id
			p.changed = true
		}
	}
	if i >= len(data) {
		return h, errBERTruncated
	}
	lb := data[i]
	i++
	switch {
	case lb < 0x80:
		h.length = int(lb)
	case lb == 0x80:
		if !h.constructed {
			return h, errBERSyntax
		}
		h.indefinite = true
		p.changed = true
	case lb == 0xff:
		return h, errBERSyntax
	default:
		n := int(lb & 0x7f)
		if n > 4 {
			return h, errBERSyntax
		}
		if i+n > len(data) {
			return h, errBERTruncated
		}
		for _, c := range data[i : i+n] {
			h.length = h.length<<8 | int(c)
		}
		i += n
		if h.length < 0 {
			return h, errBERSyntax
		}
		if h.length < 0x80 || data[i-n] == 0 {
			p.changed = true // not the shortest form
		}
	}
	h.body = data[i:]
	if !h.indefinite && h.length > len(h.body) {
		return h, errBERTruncated
	}
	return h, nil
}

// errNotDER stops skim at the first thing that is not DER.
var errNotDER = errors.New("not DER")

// skim walks data as parse does, in the same order and with the same
// checks, but builds nothing: it is the whole work for input that is
// already DER, as nearly every file and every value in one is. It stops
// with errNotDER at the first thing DER would write differently, and parse
// then starts over (and finds the same errors up to that point, and any
// after it).
func (p *berParser) skim(data []byte, depth int) ([]byte, error) {
	if depth > maxDepth {
		return nil, errBERDepth
	}
	p.elements++
	if p.elements > maxElements {
		return nil, errBERTooMany
	}
	h, err := p.header(data)
	if err != nil {
		return nil, err
	}
	if p.changed {
		return nil, errNotDER
	}
	universal := h.class == 0
	if !h.constructed {
		if universal && h.tag == 2 {
			if p.minimalInteger(h.body[:h.length]); p.changed {
				return nil, errNotDER
			}
		}
		return h.body[h.length:], nil
	}
	if universal && isString(h.tag) {
		return nil, errNotDER // a constructed string: DER wants it primitive
	}
	inner := h.body[:h.length]
	for len(inner) > 0 {
		if inner, err = p.skim(inner, depth+1); err != nil {
			return nil, err
		}
	}
	return h.body[h.length:], nil
}

func (p *berParser) parse(data []byte, depth int) (*element, []byte, error) {
	if depth > maxDepth {
		return nil, nil, errBERDepth
	}
	p.elements++
	if p.elements > maxElements {
		return nil, nil, errBERTooMany
	}
	h, err := p.header(data)
	if err != nil {
		return nil, nil, err
	}
	e := &element{class: h.class, tag: h.tag, ident: h.ident, constructed: h.constructed}
	body, length, indefinite := h.body, h.length, h.indefinite

	universal := e.class == 0
	if !e.constructed {
		content := body[:length]
		if universal && e.tag == 2 {
			content = p.minimalInteger(content)
		}
		e.content = [][]byte{content}
		return e, body[length:], nil
	}

	var inner []byte
	if indefinite {
		inner = body
	} else {
		inner = body[:length]
	}
	for {
		if indefinite {
			if len(inner) < 2 {
				return nil, nil, errBERTruncated
			}
			if inner[0] == 0 && inner[1] == 0 {
				inner = inner[2:]
				break
			}
		} else if len(inner) == 0 {
			break
		}
		child, r, err := p.parse(inner, depth+1)
		if err != nil {
			return nil, nil, err
		}
		e.children = append(e.children, child)
		inner = r
	}
	var rest []byte
	if indefinite {
		rest = inner
	} else {
		rest = body[length:]
	}

	if universal && isString(e.tag) {
		// A constructed string: DER wants it primitive, its segments
		// concatenated. Segments must be of the same type.
		p.changed = true
		segs, err := flatten(e, e.tag)
		if err != nil {
			return nil, nil, err
		}
		if e.tag == 3 {
			segs, err = joinBitString(segs)
			if err != nil {
				return nil, nil, err
			}
		}
		e.content = segs
		e.children = nil
		e.constructed = false
		e.ident = encodeIdent(e.ident[0]&0xc0, e.tag)
	}
	return e, rest, nil
}

// encodeIdent encodes class and constructed bits (in the top three bits of
// head) and a tag number in the shortest form.
func encodeIdent(head byte, tag int) []byte {
	if tag < 31 {
		return []byte{head | byte(tag)}
	}
	var groups []byte
	for t := tag; t > 0; t >>= 7 {
		groups = append([]byte{byte(t & 0x7f)}, groups...)
	}
	for i := 0; i < len(groups)-1; i++ {
		groups[i] |= 0x80
	}
	return append([]byte{head | 0x1f}, groups...)
}

// minimalInteger strips redundant leading octets, which encoding/asn1
// refuses and some encoders write.
func (p *berParser) minimalInteger(c []byte) []byte {
	for len(c) > 1 && ((c[0] == 0 && c[1]&0x80 == 0) || (c[0] == 0xff && c[1]&0x80 != 0)) {
		c = c[1:]
		p.changed = true
	}
	return c
}

// flatten collects the primitive segments of a constructed string.
func flatten(e *element, tag int) ([][]byte, error) {
	var segs [][]byte
	for _, c := range e.children {
		if c.class != 0 || c.tag != tag {
			return nil, errBERSyntax
		}
		if c.constructed {
			s, err := flatten(c, tag)
			if err != nil {
				return nil, err
			}
			segs = append(segs, s...)
		} else {
			segs = append(segs, c.content...)
		}
	}
	return segs, nil
}

// joinBitString joins BIT STRING segments: each starts with its count of
// unused bits, which must be zero for all but the last.
func joinBitString(segs [][]byte) ([][]byte, error) {
	if len(segs) == 0 {
		return [][]byte{{0}}, nil
	}
	out := make([][]byte, 0, len(segs)+1)
	for i, s := range segs {
		if len(s) == 0 || (i < len(segs)-1 && s[0] != 0) || s[0] > 7 {
			return nil, errBERSyntax
		}
		out = append(out, s[1:])
	}
	last := segs[len(segs)-1][0]
	return append([][]byte{{last}}, out...), nil
}

func lengthSize(n int) int {
	switch {
	case n < 0x80:
		return 1
	case n < 0x100:
		return 2
	case n < 0x10000:
		return 3
	case n < 0x1000000:
		return 4
	}
	return 5
}

// measure computes content sizes bottom-up and returns the encoded size.
func (e *element) measure() int {
	n := 0
	if e.constructed {
		for _, c := range e.children {
			n += c.measure()
		}
	} else {
		for _, s := range e.content {
			n += len(s)
		}
	}
	e.size = n
	return len(e.ident) + lengthSize(n) + n
}

func (e *element) write(out []byte) []byte {
	out = append(out, e.ident...)
	switch n := e.size; {
	case n < 0x80:
		out = append(out, byte(n))
	case n < 0x100:
		out = append(out, 0x81, byte(n))
	case n < 0x10000:
		out = append(out, 0x82, byte(n>>8), byte(n))
	case n < 0x1000000:
		out = append(out, 0x83, byte(n>>16), byte(n>>8), byte(n))
	default:
		out = append(out, 0x84, byte(n>>24), byte(n>>16), byte(n>>8), byte(n))
	}
	if e.constructed {
		for _, c := range e.children {
			out = c.write(out)
		}
	} else {
		for _, s := range e.content {
			out = append(out, s...)
		}
	}
	return out
}
