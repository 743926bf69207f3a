package cli

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/renewal"
)

// TestInspectJSONIsEncodingJSONs: `inspect --json` is written by hand
// (appendInspectJSON) exactly as encoding/json's Encoder wrote it, over
// 5,000 objects whose every field (found by reflection, so a field added
// later is filled too) is random: nil or empty or full slices and
// pointers, texts with quotes, control characters, invalid UTF-8, U+2028,
// HTML's characters, times of every kind (a year JSON cannot hold is an
// error for both).
func TestInspectJSONIsEncodingJSONs(t *testing.T) {
	r := rand.New(rand.NewPCG(24, 1313))
	texts := []string{"", "Firma ApS", `a"b\c`, "line\nbreak\r\t", "\x00\x01\x08\x0c\x1f\x7f", "bad \xff\xfe utf-8",
		"\u2028\u2029", "<b>&amp;</b>", "Ærø – ø", "😀", "\x1b[2J", "é\u0301"}
	for n := range 5000 {
		var v inspectJSON
		fill(r, reflect.ValueOf(&v).Elem(), texts, 0)
		want, wantErr := encodingJSON(v)
		got, err := appendInspectJSON(nil, v)
		if (err != nil) != (wantErr != nil) || err == nil && !bytes.Equal(got, want) {
			t.Fatalf("case %d:\nby hand (%v):\n%s\nencoding/json (%v):\n%s", n, err, got, wantErr, want)
		}
	}
	// A real report, and one for a file that could not be opened.
	for _, rep := range []*inspect.Report{
		inspect.Inspect("x.p12", []byte("not a certificate"), inspect.Options{Lang: "da"}),
		{Verdict: inspect.VerdictUnreadable},
	} {
		v := inspectJSON{Report: rep, Answer: answerOf(renewal.AnswerFor(renewal.Input{Path: "x.p12", Report: rep}))}
		want, _ := encodingJSON(v)
		if got, err := appendInspectJSON(nil, v); err != nil || !bytes.Equal(got, want) {
			t.Fatalf("by hand (%v):\n%s\nencoding/json:\n%s", err, got, want)
		}
	}
}

func encodingJSON(v inspectJSON) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	err := enc.Encode(v)
	return b.Bytes(), err
}

// fill gives every settable field of v a random value.
func fill(r *rand.Rand, v reflect.Value, texts []string, depth int) {
	if v.Type() == reflect.TypeFor[time.Time]() {
		times := []time.Time{{}, time.Date(2026, 12, 7, 8, 30, 0, 0, time.UTC),
			time.Date(2029, 1, 2, 3, 4, 5, 123456789, time.FixedZone("", 3600)), time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)}
		if r.IntN(50) > 0 {
			times = times[:3] // a year JSON cannot hold now and then
		}
		v.Set(reflect.ValueOf(times[r.IntN(len(times))]))
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(texts[r.IntN(len(texts))])
	case reflect.Bool:
		v.SetBool(r.IntN(2) == 0)
	case reflect.Int, reflect.Int64, reflect.Int32:
		v.SetInt([]int64{0, 1, -1, 2048, 1 << 40, -1 << 63}[r.IntN(6)])
	case reflect.Pointer:
		if r.IntN(4) > 0 && depth < 4 {
			v.Set(reflect.New(v.Type().Elem()))
			fill(r, v.Elem(), texts, depth+1)
		}
	case reflect.Slice:
		switch k := r.IntN(4); {
		case k == 0: // nil
		case depth < 4:
			s := reflect.MakeSlice(v.Type(), k-1, k-1)
			for i := range s.Len() {
				fill(r, s.Index(i), texts, depth+1)
			}
			v.Set(s)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(r, v.Field(i), texts, depth+1)
			}
		}
	case reflect.Map, reflect.Interface: // json:"-" only
	default:
		panic("fill: " + v.Type().String())
	}
}
