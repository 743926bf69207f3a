package pfx

// Fast iterated hashing for the key derivations. PBKDF2 and the PKCS#12 KDF
// spend nearly all their time hashing one short value over and over:
// PBKDF2 computes HMAC(P, U) for a U of one digest length, the PKCS#12 KDF
// H(A) for an A of one digest length. crypto/pbkdf2 and hash.Sum do it
// generally: per iteration the HMAC state is restored, the value copied
// into the digest's buffer, the digest copied for Sum, the padding written
// in pieces and the output encoded; about half the time is spent outside
// the compression function.
//
// Here each iteration is one whole block handed to Write: the value, then
// the padding with the message length, which is the same every time, laid
// out once. A whole block at an empty buffer goes straight to the
// compression function, and nothing is finalised; the chaining value,
// which after the last block is the digest, is read from the saved state
// (encoding.BinaryAppender: a four-byte identifier, then the state words
// big-endian). The HMAC keys are absorbed once and the states after them
// restored with UnmarshalBinary.
//
// The fast path is used for SHA-1 and the SHA-2 family: their saved state
// holds the chaining value big-endian, and the digest is its first u bytes
// (all of it for SHA-1, SHA-256 and SHA-512; truncated for SHA-224,
// SHA-384 and SHA-512/t). A forged file may choose any of them, so none
// may be much slower than the rest (the work budget counts them alike). It checks itself against the standard library
// once per process and per digest and falls back to the general code if
// the two ever disagree (a change in the saved-state layout, a different
// implementation behind sha256.New), so it can only ever be slower, never
// wrong. In FIPS 140 mode the standard library's PBKDF2 is always used.

import (
	"bytes"
	"crypto/fips140"
	"crypto/pbkdf2"
	"crypto/subtle"
	"encoding"
	"encoding/binary"
	"hash"
	"sync"
)

// stateHash is a digest whose state can be saved and restored.
type stateHash interface {
	hash.Hash
	encoding.BinaryAppender
	encoding.BinaryUnmarshaler
}

const stateMagic = 4 // the identifier before the state words in a saved state

// fastHash describes the fast path for one digest.
type fastHash struct {
	lenField int // size of the message length in the padding: 8 or 16 bytes
	once     sync.Once
	ok       bool
}

var (
	fastSHA1      = &fastHash{lenField: 8}
	fastSHA224    = &fastHash{lenField: 8}
	fastSHA256    = &fastHash{lenField: 8}
	fastSHA384    = &fastHash{lenField: 16}
	fastSHA512    = &fastHash{lenField: 16}
	fastSHA512224 = &fastHash{lenField: 16}
	fastSHA512256 = &fastHash{lenField: 16}
)

// usable reports whether the fast path may be used for h.
func (f *fastHash) usable(h hashSpec) bool {
	if f == nil || fips140.Enabled() {
		return false
	}
	f.once.Do(func() { f.ok = f.selfTest(h) })
	return f.ok
}

// selfTest checks the two things the fast path relies on, against Sum:
// that a block laid out by paddedBlock, hashed from the initial state,
// leaves the digest of its value in the saved state; and the same after a
// state restored from a saved one. The rest is ordinary code, which the
// tests compare with crypto/pbkdf2 and the plain PKCS#12 KDF. (Kept to
// these few hashes: it runs once in every process that opens a file.)
func (f *fastHash) selfTest(h hashSpec) bool {
	d, ok := h.new().(stateHash)
	if !ok || h.u+1+f.lenField > h.v {
		return false
	}
	msg := make([]byte, h.u)
	for i := range msg {
		msg[i] = byte(7*i + 1)
	}
	ref := h.new()
	ref.Write(msg)
	want := ref.Sum(nil)
	blk := f.paddedBlock(h, h.u)
	copy(blk, msg)
	tmp, ok := hashBlock(d, nil, blk, nil, h.u)
	if !ok || !bytes.Equal(blk[:h.u], want) {
		return false
	}

	prefix := bytes.Repeat([]byte{0x36}, h.v)
	d.Reset()
	d.Write(prefix)
	state, err := d.AppendBinary(nil)
	if err != nil {
		return false
	}
	d.Reset() // so that only the restore can bring the prefix back
	ref.Reset()
	ref.Write(prefix)
	ref.Write(msg)
	want = ref.Sum(nil)
	blk = f.paddedBlock(h, h.v+h.u)
	copy(blk, msg)
	_, ok = hashBlock(d, state, blk, tmp, h.u)
	return ok && bytes.Equal(blk[:h.u], want)
}

// paddedBlock returns a block holding a value of h.u bytes at its start,
// then the padding for a message of total bytes.
func (f *fastHash) paddedBlock(h hashSpec, total int) []byte {
	b := make([]byte, h.v)
	b[h.u] = 0x80
	binary.BigEndian.PutUint64(b[h.v-8:], uint64(total)*8)
	return b
}

// hashBlock restores d to state (or resets it when state is nil), hashes
// the one block b and copies the chaining value into b[:u]. tmp is scratch
// space for the saved state; it is returned for reuse.
func hashBlock(d stateHash, state, b, tmp []byte, u int) ([]byte, bool) {
	if state == nil {
		d.Reset()
	} else if d.UnmarshalBinary(state) != nil {
		return tmp, false
	}
	d.Write(b)
	tmp, err := d.AppendBinary(tmp[:0])
	if err != nil || len(tmp) < stateMagic+u {
		return tmp, false
	}
	copy(b[:u], tmp[stateMagic:])
	return tmp, true
}

// pbkdf2 is PBKDF2-HMAC-h (RFC 8018 section 5.2). ok is false if the
// digest did not behave as expected (never for the standard library's).
func (f *fastHash) pbkdf2(h hashSpec, pass, salt []byte, iter, keyLen int) (key []byte, ok bool) {
	u, v := h.u, h.v
	if len(pass) > v {
		d := h.new()
		d.Write(pass)
		pass = d.Sum(nil)
	}
	pad := make([]byte, v)
	inner, okI := h.new().(stateHash)
	outer, okO := h.new().(stateHash)
	if !okI || !okO {
		return nil, false
	}
	copy(pad, pass)
	for i := range pad {
		pad[i] ^= 0x36
	}
	inner.Write(pad)
	ipad, err := inner.AppendBinary(nil)
	if err != nil {
		return nil, false
	}
	for i := range pad {
		pad[i] ^= 0x36 ^ 0x5c
	}
	outer.Write(pad)
	opad, err := outer.AppendBinary(nil)
	if err != nil {
		return nil, false
	}
	clear(pad)

	blk := f.paddedBlock(h, v+u)
	tmp := make([]byte, 0, len(ipad))
	out := make([]byte, 0, (keyLen+u-1)/u*u)
	var n [4]byte
	for i := uint32(1); len(out) < keyLen; i++ {
		// U_1 = HMAC(P, S || INT(i)), with the general code: the salt
		// has any length.
		if inner.UnmarshalBinary(ipad) != nil || outer.UnmarshalBinary(opad) != nil {
			return nil, false
		}
		binary.BigEndian.PutUint32(n[:], i)
		inner.Write(salt)
		inner.Write(n[:])
		inner.Sum(blk[:0]) // into blk[:u]; the padding after it stays
		outer.Write(blk[:u])
		outer.Sum(blk[:0])
		out = append(out, blk[:u]...)
		t := out[len(out)-u:]
		// U_j = HMAC(P, U_{j-1}): one block for the inner hash, one for the
		// outer, both messages v+u bytes long.
		for j := 2; j <= iter; j++ {
			if tmp, ok = hashBlock(inner, ipad, blk, tmp, u); !ok {
				return nil, false
			}
			if tmp, ok = hashBlock(outer, opad, blk, tmp, u); !ok {
				return nil, false
			}
			subtle.XORBytes(t, t, blk[:u])
		}
	}
	clear(ipad)
	clear(opad)
	clear(tmp[:cap(tmp)])
	return out[:keyLen], true
}

// p12KDF is the PKCS#12 KDF (see p12KDFGeneric) with the iterations after
// the first as single blocks.
func (f *fastHash) p12KDF(h hashSpec, salt, pass []byte, iterations int, id byte, size int) ([]byte, bool) {
	u, v := h.u, h.v
	d, ok := h.new().(stateHash)
	if !ok {
		return nil, false
	}
	D := bytes.Repeat([]byte{id}, v)
	I := append(p12Fill(salt, v), p12Fill(pass, v)...)
	c := (size + u - 1) / u
	out := make([]byte, 0, c*u)
	blk := f.paddedBlock(h, u)
	tmp := make([]byte, 0, stateMagic+u+v+f.lenField+8)
	b := make([]byte, v)
	for i := 0; i < c; i++ {
		d.Reset()
		d.Write(D)
		d.Write(I)
		d.Sum(blk[:0])
		for j := 1; j < iterations; j++ {
			if tmp, ok = hashBlock(d, nil, blk, tmp, u); !ok {
				return nil, false
			}
		}
		out = append(out, blk[:u]...)
		if i == c-1 {
			break
		}
		for k := range b {
			b[k] = blk[k%u]
		}
		p12AddBlocks(I, b)
	}
	clear(I)
	return out[:size], true
}

// pbkdf2Key is PBKDF2 with the HMAC of h.
func pbkdf2Key(h hashSpec, password string, salt []byte, iter, keyLen int) ([]byte, error) {
	if h.fast.usable(h) {
		if key, ok := h.fast.pbkdf2(h, []byte(password), salt, iter, keyLen); ok {
			return key, nil
		}
	}
	return pbkdf2.Key(h.new, password, salt, iter, keyLen)
}

// p12KDF is the PKCS#12 key derivation (RFC 7292 B.2). id is 1 for keys, 2
// for IVs, 3 for MAC keys.
func p12KDF(h hashSpec, salt, pass []byte, iterations int, id byte, size int) []byte {
	if h.fast.usable(h) {
		if key, ok := h.fast.p12KDF(h, salt, pass, iterations, id, size); ok {
			return key
		}
	}
	return p12KDFGeneric(h, salt, pass, iterations, id, size)
}

// p12Fill repeats b to a multiple of v bytes (nothing for nothing).
func p12Fill(b []byte, v int) []byte {
	if len(b) == 0 {
		return nil
	}
	n := v * ((len(b) + v - 1) / v)
	out := make([]byte, n)
	for i := range out {
		out[i] = b[i%len(b)]
	}
	return out
}

// p12AddBlocks makes each v-byte block of I into (I_j + B + 1) mod 2^(8v).
func p12AddBlocks(I, b []byte) {
	v := len(b)
	for k := 0; k+v <= len(I); k += v {
		carry := 1
		for x := v - 1; x >= 0; x-- {
			s := int(I[k+x]) + int(b[x]) + carry
			I[k+x] = byte(s)
			carry = s >> 8
		}
	}
}

// p12KDFGeneric is the PKCS#12 KDF through hash.Hash alone.
func p12KDFGeneric(h hashSpec, salt, pass []byte, iterations int, id byte, size int) []byte {
	u, v := h.u, h.v
	d := bytes.Repeat([]byte{id}, v)
	I := append(p12Fill(salt, v), p12Fill(pass, v)...)
	c := (size + u - 1) / u
	out := make([]byte, 0, c*u)
	hh := h.new()
	b := make([]byte, v)
	for i := 0; i < c; i++ {
		hh.Reset()
		hh.Write(d)
		hh.Write(I)
		a := hh.Sum(nil)
		for j := 1; j < iterations; j++ {
			hh.Reset()
			hh.Write(a)
			a = hh.Sum(a[:0])
		}
		out = append(out, a...)
		if i == c-1 {
			break
		}
		for k := range b {
			b[k] = a[k%u]
		}
		p12AddBlocks(I, b)
	}
	return out[:size]
}
