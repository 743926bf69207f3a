package safetext

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTerminal(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Fornyer ApS", "Fornyer ApS"},
		{`C:\Users\anne\Overførsler\cert.p12`, `C:\Users\anne\Overførsler\cert.p12`},
		{"Æblegrød A/S", "Æblegrød A/S"},
		{"evil\x1b[2J\x1b]0;title\x07", `evil\x1b[2J\x1b]0;title\x07`},
		{"Org\nReady to install in DPG", `Org\nReady to install in DPG`},
		{"a\r\tb\x7f", `a\r\tb\x7f`},
		{"c1\u009bx", `c1\u009bx`},
		{"gnp.\u202ecod.p12", `gnp.\u202ecod.p12`},
		{"line\u2028sep", `line\u2028sep`},
		{"bad\xffutf8", `bad\xffutf8`},
	} {
		if got := Terminal(tc.in); got != tc.want {
			t.Errorf("Terminal(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// What Terminal returns holds no byte a terminal acts on.
func TestTerminalLeavesNoControl(t *testing.T) {
	var all strings.Builder
	for r := rune(0); r < 0x3000; r++ {
		all.WriteRune(r)
	}
	all.WriteString("\xff\xfe")
	out := Terminal(all.String())
	if !utf8.ValidString(out) {
		t.Fatal("not UTF-8")
	}
	for _, r := range out {
		if unsafe(r) {
			t.Fatalf("%U left in the output", r)
		}
	}
}

func TestLine(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Fornyer ApS", "Fornyer ApS"},
		{"  Fornyer ApS\n", "Fornyer ApS"},
		{"Org\r\nReady to install in DPG", "Org Ready to install in DPG"},
		{"evil\x1b[2J", "evil [2J"},
		{"gnp.\u202ecod.p12", "gnp. cod.p12"},
		{"bad\xffutf8", "bad\uFFFDutf8"},
		{"\n\n", ""},
	} {
		if got := Line(tc.in); got != tc.want {
			t.Errorf("Line(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	long := Line(strings.Repeat("ø", 5000))
	if n := utf8.RuneCountInString(long); n != MaxLine+1 || !strings.HasSuffix(long, "…") {
		t.Errorf("a long name is %d runes: %q…", n, long[:20])
	}
}

func FuzzLine(f *testing.F) {
	f.Add("Org\nReady\x1b[2J\u202e")
	f.Fuzz(func(t *testing.T, s string) {
		for _, out := range []string{Line(s), Terminal(s)} {
			if !utf8.ValidString(out) {
				t.Fatalf("%q: not UTF-8", out)
			}
			for _, r := range out {
				if unsafe(r) {
					t.Fatalf("%q: %U left", out, r)
				}
			}
		}
		if l := Line(s); utf8.RuneCountInString(l) > MaxLine+1 || strings.TrimSpace(l) != l {
			t.Fatalf("Line(%q) = %q", s, l)
		}
	})
}

func TestFileName(t *testing.T) {
	for in, want := range map[string]string{
		`Æble/grød: "ApS"?`:               "Æble grød ApS",
		`Bager\Hansen | Søn*`:             "Bager Hansen Søn",
		"x\u202egnp.exe":                  "x gnp.exe",
		" ..skjult.  ":                    "skjult",
		"to\nlinjer\tog\x1b[2J":           "to linjer og [2J",
		"Renew certificate A/S.ics":       "Renew certificate A S.ics",
		"a:b.p12":                         "a b.p12",
		"con.p12":                         "_con.p12",
		"LPT1":                            "_LPT1",
		"console.p12":                     "console.p12",
		strings.Repeat("x", 300) + ".p12": strings.Repeat("x", 196) + ".p12",
	} {
		if got := FileName(in); got != want {
			t.Errorf("FileName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPlainFileName(t *testing.T) {
	for in, want := range map[string]string{
		"Fornyet certifikat æøå.p12":      "Fornyet certifikat aeoa.p12",
		"ÆBLE Øst Århus.cer":              "AeBLE Ost Arhus.cer",
		"Café Noël: été.p12":              "Cafe Noel ete.p12",
		"e\u0301cole.p12":                 "ecole.p12", // an accent written apart
		"Straße Łódź.pdf":                 "Strasse Lodz.pdf",
		"日本.p12":                          "",
		"Kopi 日本.p12":                     "Kopi.p12",
		"plain name.p12":                  "plain name.p12",
		"con.p12":                         "_con.p12",
		strings.Repeat("ø", 300) + ".p12": strings.Repeat("o", 196) + ".p12",
	} {
		got := PlainFileName(in)
		if got != want {
			t.Errorf("PlainFileName(%q) = %q, want %q", in, got, want)
		}
		for _, r := range got {
			if r >= utf8.RuneSelf {
				t.Errorf("PlainFileName(%q) = %q holds %q", in, got, r)
			}
		}
	}
}

// Y7: a name on a button is one line, cut short with "…".
func TestButton(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Anden ApS", "Anden ApS"},
		{"Anden Virksomhed og Søn Holding- og Investeringsselskab ApS", "Anden Virksomhed og Søn H…"},
		{"Anden\nApS", "Anden ApS"},
	} {
		if got := Button(c.in, ButtonWidth); got != c.want {
			t.Errorf("Button(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
