package cli

import (
	"time"
	"unicode/utf8"

	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/renewal"
)

// appendInspectJSON appends `inspect --json`'s object as encoding/json's
// Encoder writes it (SetEscapeHTML(false), SetIndent("", "  "), a line end
// after it), byte for byte, without encoding/json: in a process that
// inspects one file, encoding/json's set-up of its encoders for these
// types was 0.2-0.3 ms of inspect's 4-5 ms (issue 24, 13).
// TestInspectJSONIsEncodingJSONs compares the two over thousands of
// reports filled field by field (a field added to these types and not
// here fails it). The error is a time's that JSON cannot hold, as
// encoding/json's.
func appendInspectJSON(b []byte, v inspectJSON) ([]byte, error) {
	w := jsonWriter{b: b}
	w.begin('{')
	if r := v.Report; r != nil {
		w.key("file")
		w.str(r.File)
		w.key("file_sha256")
		w.str(r.FileSHA256)
		w.key("verdict")
		w.str(r.Verdict)
		w.key("findings")
		w.findings(r.Findings)
		w.key("certificate")
		w.certificate(r.Certificate)
		w.key("chain")
		w.chain(r.Chain)
		w.key("chain_trusted")
		w.bool(r.ChainTrusted)
		w.key("key_matches")
		w.bool(r.KeyMatches)
		w.key("protection")
		w.protection(r.Protection)
		w.key("format")
		w.str(r.Format)
		w.key("password_index")
		w.int(r.PasswordIndex)
		w.key("lang")
		w.str(r.Lang)
	}
	w.key("answer")
	w.begin('{')
	w.key("headline")
	w.line(&v.Answer.Headline)
	if v.Answer.Note != nil {
		w.key("note")
		w.line(v.Answer.Note)
	}
	if v.Answer.Comparison != nil {
		w.key("comparison")
		w.line(v.Answer.Comparison)
	}
	w.key("actions")
	w.actions(v.Answer.Actions)
	w.end('}')
	if n := v.Register; n != nil {
		w.key("register")
		w.begin('{')
		w.key("code")
		w.str(n.Code)
		w.key("message")
		w.str(n.Message)
		w.end('}')
	}
	w.end('}')
	return append(w.b, '\n'), w.err
}

// jsonWriter writes indented JSON as encoding/json's Encoder does with
// SetIndent("", "  "): each member or element on a line of its own, an
// empty object or array as {} or [].
type jsonWriter struct {
	b     []byte
	count []int // members written so far, of each open object or array
	err   error
}

func (w *jsonWriter) begin(c byte) {
	w.b = append(w.b, c)
	w.count = append(w.count, 0)
}

func (w *jsonWriter) end(c byte) {
	n := w.count[len(w.count)-1]
	w.count = w.count[:len(w.count)-1]
	if n > 0 {
		w.newline()
	}
	w.b = append(w.b, c)
}

// next begins a member or an element.
func (w *jsonWriter) next() {
	last := len(w.count) - 1
	if w.count[last] > 0 {
		w.b = append(w.b, ',')
	}
	w.count[last]++
	w.newline()
}

func (w *jsonWriter) newline() {
	w.b = append(w.b, '\n')
	for range w.count {
		w.b = append(w.b, ' ', ' ')
	}
}

func (w *jsonWriter) key(k string) {
	w.next()
	w.str(k)
	w.b = append(w.b, ':', ' ')
}

func (w *jsonWriter) null() { w.b = append(w.b, "null"...) }

func (w *jsonWriter) bool(v bool) {
	if v {
		w.b = append(w.b, "true"...)
	} else {
		w.b = append(w.b, "false"...)
	}
}

func (w *jsonWriter) int(v int) {
	if v < 0 {
		w.b = append(w.b, '-')
		w.uint(uint64(-int64(v)))
		return
	}
	w.uint(uint64(v))
}

func (w *jsonWriter) uint(v uint64) {
	var digits [20]byte
	i := len(digits)
	for {
		i--
		digits[i] = byte('0' + v%10)
		if v /= 10; v == 0 {
			break
		}
	}
	w.b = append(w.b, digits[i:]...)
}

func (w *jsonWriter) time(t time.Time) {
	text, err := t.MarshalJSON()
	if err != nil && w.err == nil {
		w.err = err
	}
	w.b = append(w.b, text...)
}

// str writes s as encoding/json's appendString does without HTML
// escaping: quotes, backslashes and control characters escaped, invalid
// UTF-8 as \ufffd, U+2028 and U+2029 escaped.
func (w *jsonWriter) str(s string) {
	const hex = "0123456789abcdef"
	b := append(w.b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(append(b, s[start:i]...), `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(append(b, s[start:i]...), '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	w.b = append(append(b, s[start:]...), '"')
}

func (w *jsonWriter) findings(fs []inspect.Finding) {
	if fs == nil {
		w.null()
		return
	}
	w.begin('[')
	for i := range fs {
		f := &fs[i]
		w.next()
		w.begin('{')
		w.key("code")
		w.str(f.Code)
		w.key("severity")
		w.str(f.Severity)
		w.key("title")
		w.str(f.Title)
		w.key("message")
		w.str(f.Message)
		if f.Detail != "" {
			w.key("detail")
			w.str(f.Detail)
		}
		w.end('}')
	}
	w.end(']')
}

func (w *jsonWriter) certificate(c *inspect.Certificate) {
	if c == nil {
		w.null()
		return
	}
	w.begin('{')
	for _, f := range [...]struct{ k, v string }{
		{"subject", c.Subject}, {"issuer", c.Issuer}, {"serial", c.Serial}, {"organization", c.Organization},
		{"cvr", c.CVR}, {"uuid", c.UUID}, {"common_name", c.CommonName}, {"generation", c.Generation},
		{"environment", c.Environment}, {"kind", c.Kind},
	} {
		w.key(f.k)
		w.str(f.v)
	}
	w.key("not_before")
	w.time(c.NotBefore)
	w.key("not_after")
	w.time(c.NotAfter)
	w.key("days_left")
	w.int(c.DaysLeft)
	w.key("key_algorithm")
	w.str(c.KeyAlgorithm)
	w.key("key_bits")
	w.int(c.KeyBits)
	w.key("sha256")
	w.str(c.SHA256)
	w.key("sha1")
	w.str(c.SHA1)
	w.key("verified")
	w.bool(c.Verified)
	w.end('}')
}

func (w *jsonWriter) chain(cs []inspect.ChainCert) {
	if cs == nil {
		w.null()
		return
	}
	w.begin('[')
	for _, c := range cs {
		w.next()
		w.begin('{')
		w.key("subject")
		w.str(c.Subject)
		w.key("issuer")
		w.str(c.Issuer)
		w.key("not_after")
		w.time(c.NotAfter)
		w.end('}')
	}
	w.end(']')
}

func (w *jsonWriter) protection(p *inspect.Protection) {
	if p == nil {
		w.null()
		return
	}
	w.begin('{')
	w.key("encoding")
	w.str(p.Encoding)
	w.key("mac")
	w.str(p.MAC)
	w.key("mac_iterations")
	w.int(p.MACIterations)
	w.key("key_encryption")
	w.str(p.KeyEncryption)
	w.key("certificate_encryption")
	w.str(p.CertificateEncryption)
	w.key("iterations")
	w.int(p.Iterations)
	w.key("certificate_iterations")
	w.int(p.CertificateIterations)
	w.key("legacy")
	w.bool(p.Legacy)
	w.key("aes")
	w.bool(p.AES)
	w.end('}')
}

func (w *jsonWriter) line(l *renewal.Line) {
	w.begin('{')
	for _, f := range [...]struct{ k, v string }{
		{"title_key", l.TitleKey}, {"message_key", l.MessageKey}, {"title", l.Title}, {"message", l.Message},
	} {
		if f.v != "" { // omitempty
			w.key(f.k)
			w.str(f.v)
		}
	}
	w.key("tone")
	w.str(string(l.Tone))
	w.end('}')
}

func (w *jsonWriter) actions(as []renewal.Action) {
	if as == nil {
		w.null()
		return
	}
	w.begin('[')
	for _, a := range as {
		w.next()
		w.str(string(a))
	}
	w.end(']')
}
