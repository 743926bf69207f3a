package msg

import (
	"errors"
	"unicode"
	"unicode/utf8"
)

// Fault is what a failure tells a person and a program: a stable Code for
// programs, tests and logs (it never changes once given), the catalogue Key
// of the sentence the user reads, which says what happened and what to do,
// and the named Data that fills that sentence's template. An error carries
// its Fault by having a method Fault() Fault; Sentence finds it anywhere in
// the error's chain.
type Fault struct {
	Code string
	Key  string
	Data map[string]any
}

// Phrase is a catalogue key put into a Fault's Data: it is rendered in the
// sentence's own language ("Store": Phrase("vault.store.linux") reads
// "your keyring" in English and "din nøglering" in Danish).
type Phrase string

// GeneralKey is the sentence for a failure that carries no Fault: it never
// shows the Go error's own words, which are for the technical details.
const GeneralKey = "app.error.general"

// GeneralCode is the code of a failure that carries no Fault.
const GeneralCode = "unknown"

type carrier interface{ Fault() Fault }

// FaultOf is the Fault of the first error in err's chain that carries one
// (errors.As); ok is false when none does, and for nil.
func FaultOf(err error) (f Fault, ok bool) {
	var c carrier
	if err == nil || !errors.As(err, &c) {
		return Fault{}, false
	}
	return c.Fault(), true
}

// Code is err's stable code: its Fault's, else GeneralCode; "" for nil.
func Code(err error) string {
	if err == nil {
		return ""
	}
	if f, ok := FaultOf(err); ok {
		return f.Code
	}
	return GeneralCode
}

// Sentence is the one way from an error to the words a user reads, in
// lang: the sentence of the Fault in err's chain, its Data rendered in lang
// (a Phrase as its text, an error as its own sentence: a reason inside a
// sentence), starting with a capital letter; for an error
// that carries no Fault, the general sentence. "" for nil. The window and
// the command line show a failure only through this.
func Sentence(lang string, err error) string {
	if err == nil {
		return ""
	}
	f, ok := FaultOf(err)
	if !ok {
		return T(lang, GeneralKey, nil)
	}
	var data map[string]any
	if f.Data != nil {
		data = make(map[string]any, len(f.Data))
		for k, v := range f.Data {
			switch v := v.(type) {
			case Phrase:
				data[k] = T(lang, string(v), nil)
			case error:
				data[k] = Sentence(lang, v)
			default:
				data[k] = v
			}
		}
	}
	return capital(T(lang, f.Key, data))
}

// capital starts a sentence with a capital letter, also when a name opens
// it ("din nøglering svarede ikke" begins "Din nøglering …").
func capital(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
