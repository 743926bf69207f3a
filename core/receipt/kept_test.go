package receipt

import (
	"strings"
	"testing"

	"github.com/fornyer/fornyer/core/register"
)

// The second copy of the password: the answer recorded, a reminder when it
// is nowhere yet, a line to fill in by hand only for the exact place under
// an answer (never a second "where is it kept" after one: U9; never an
// empty "The password is kept:" under "Not answered": W8), and the
// computer whose store holds it; never the password.
func TestReceiptPasswordKept(t *testing.T) {
	for _, tc := range []struct {
		lang, kept string
		want, not  []string
	}{
		{"en", register.KeptWritten, []string{"Second copy of the password Written down and locked away Exactly where:", "Yes, on the computer “KONTOR-PC”"}, []string{"Keep a second copy", "The password is kept:"}},
		{"en", register.KeptNowhere, []string{"Nowhere yet", "Keep a second copy: if this computer is replaced"}, []string{"The password is kept:"}},
		{"en", "", []string{"Second copy of the password Not answered"}, []string{"Nowhere yet", "The password is kept:"}},
		{"da", register.KeptManager, []string{"Ekstra kopi af adgangskoden I organisationens program til adgangskoder Præcis hvor:", "Ja, på computeren »KONTOR-PC«"}, []string{"Adgangskoden opbevares:"}},
		{"da", register.KeptNowhere, []string{"Ingen steder endnu", "Gem en ekstra kopi"}, []string{"Adgangskoden opbevares:"}},
		{"da", "", []string{"Ekstra kopi af adgangskoden Ikke besvaret"}, []string{"Adgangskoden opbevares:"}},
	} {
		t.Run(tc.lang+"-"+tc.kept, func(t *testing.T) {
			d := sample(tc.lang, 3, 1, false)
			d.PasswordKept = tc.kept
			d.PasswordHost = " KONTOR-PC\n\x07"
			pdf, err := Receipt(d)
			if err != nil {
				t.Fatal(err)
			}
			text := oneLine(pdfText(t, pdf))
			for _, w := range tc.want {
				if !strings.Contains(text, w) {
					t.Errorf("missing %q in\n%s", w, text)
				}
			}
			for _, n := range append(tc.not, testPassword, "\x07") {
				if strings.Contains(text, n) {
					t.Errorf("unexpected %q", n)
				}
			}
		})
	}
}

func TestReceiptHostOnlyWhenSaved(t *testing.T) {
	d := sample("en", 3, 1, false)
	d.PasswordSaved = false
	d.PasswordHost = "KONTOR-PC"
	pdf, err := Receipt(d)
	if err != nil {
		t.Fatal(err)
	}
	if text := pdfText(t, pdf); strings.Contains(text, "KONTOR-PC") {
		t.Fatal("a computer named for a password that is not saved")
	}
}

// U14: a card jumped over from the stepper reads "passed", never a time it
// was done nor "not done".
func TestReceiptPassedStep(t *testing.T) {
	for lang, want := range map[string]string{"en": "passed", "da": "sprunget over"} {
		d := sample(lang, 3, 1, false)
		d.Steps = []Step{{Title: "Før du begynder", Passed: true}, {Title: "Log ind", DoneAt: d.GeneratedAt}}
		text := oneLine(pdfText(t, must(Receipt(d))))
		if !strings.Contains(text, want) || strings.Contains(text, map[string]string{"en": "not done", "da": "ikke udført"}[lang]) {
			t.Errorf("%s: the passed step reads otherwise:\n%s", lang, text)
		}
	}
}
