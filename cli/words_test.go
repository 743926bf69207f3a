package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// The command line's own words (issue 24, 8): each mistake named as the
// user made it, by the command they ran, in their language.
func TestCommandLineWords(t *testing.T) {
	fixListClock(t)
	one := writeRegister(t, listCert(1, "Calm ApS", "", 400*24*time.Hour, true))
	cases := []struct {
		name      string
		lang      string
		args      []string
		code      int
		want      []string
		forbidden []string
	}{
		{"list: bad --expiring", "en", []string{"list", "--expiring", "bad"}, ExitUsage,
			[]string{"--expiring needs a whole number of days", "not bad"}, []string{"inspect", "unknown flag"}},
		{"scan: bad --expiring", "en", []string{"scan", "--expiring", "bad", "."}, ExitUsage,
			[]string{"--expiring needs a whole number of days"}, []string{"inspect", "unknown flag"}},
		{"list: --register with no name", "en", []string{"list", "--register", ""}, ExitUsage,
			[]string{"--register needs a file name"}, nil},
		{"one certificate", "en", []string{"list", "--register", one}, 0,
			[]string{"1 certificate;"}, []string{"1 certificates"}},
		{"one certificate, Danish", "da", []string{"list", "--register", one}, 0,
			[]string{"1 certifikat;"}, []string{"1 certifikater"}},
		{"two dashes as typed", "en", []string{"list", "--bogus"}, ExitUsage,
			[]string{"fornyer list: unknown flag --bogus"}, []string{"password"}},
		{"one dash as typed", "en", []string{"scan", "-bogus", "."}, ExitUsage,
			[]string{"fornyer scan: unknown flag -bogus"}, nil},
		{"backup in Danish", "da", []string{"backup", "--bogus"}, ExitUsage,
			[]string{"fornyer backup: ukendt flag --bogus", "--password-stdin"}, []string{"provided but not defined"}},
		{"Danish help names values in Danish", "da", []string{"help", "list"}, 0,
			[]string{"--expiring DAGE", "--register FIL"}, []string{"DAYS", "FILE"}},
	}
	for _, c := range cases {
		code, out, errs := run(c.lang, c.args...)
		all := out + errs
		if code != c.code {
			t.Errorf("%s: exit %d, want %d: %q", c.name, code, c.code, all)
		}
		for _, w := range c.want {
			if !strings.Contains(all, w) {
				t.Errorf("%s: %q lacks %q", c.name, all, w)
			}
		}
		for _, f := range c.forbidden {
			if strings.Contains(all, f) {
				t.Errorf("%s: %q says %q", c.name, all, f)
			}
		}
	}
}

// The lean build names itself and never promises the window.
func TestLeanBuildNamesItself(t *testing.T) {
	for _, lang := range []string{"en", "da"} {
		var out, errb bytes.Buffer
		env := Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Lang: lang, Name: "fornyer-cli", NoWindow: true}
		Run(env, []string{"help"})
		Run(env, []string{"list", "--bogus"})
		all := out.String() + errb.String()
		if strings.Contains(all, "fornyer list") || !strings.Contains(all, "fornyer-cli list") {
			t.Errorf("%s: does not name fornyer-cli: %q", lang, all)
		}
		if strings.Contains(all, "without arguments") || strings.Contains(all, "uden argumenter") {
			t.Errorf("%s: promises the window: %q", lang, all)
		}
	}
}

// One very long name does not make every row of the listing as wide.
func TestListRowsStayNarrow(t *testing.T) {
	fixListClock(t)
	long := listCert(1, strings.Repeat("Langt navn ", 1000), "", 400*24*time.Hour, true)
	path := writeRegister(t, long, listCert(2, "Kort ApS", "", 300*24*time.Hour, true))
	_, out, _ := run("en", "list", "--register", path)
	for _, line := range strings.Split(out, "\n") {
		if n := len([]rune(line)); n > 200 {
			t.Fatalf("a row %d characters wide: %.80q...", n, line)
		}
	}
}
