package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/fornyer/fornyer/core/appinfo"
)

func run(lang string, args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := Run(Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Lang: lang}, args)
	return code, out.String(), errb.String()
}

func TestVersion(t *testing.T) {
	code, out, _ := run("en", "--version")
	if code != 0 || !strings.Contains(out, appinfo.Version) {
		t.Fatalf("code %d, out %q", code, out)
	}
}

func TestHelpListsTheContract(t *testing.T) {
	code, out, _ := run("en", "help")
	if code != 0 {
		t.Fatalf("code %d", code)
	}
	for name := range commands {
		if !strings.Contains(out, "fornyer "+name) {
			t.Errorf("help does not list %s", name)
		}
	}
	if !strings.Contains(out, "--version") {
		t.Errorf("help: %q", out)
	}
}

func TestUnknownCommandIsUsageError(t *testing.T) {
	for _, lang := range []string{"en", "da"} {
		code, out, errs := run(lang, "frobnicate")
		if code != ExitUsage {
			t.Errorf("%s: code %d, want %d", lang, code, ExitUsage)
		}
		quoted := map[string]string{"en": "“frobnicate”", "da": "»frobnicate«"}[lang]
		if out != "" || !strings.Contains(errs, quoted) {
			t.Errorf("%s: stdout %q stderr %q", lang, out, errs)
		}
	}
	if _, _, errs := run("da", "frobnicate"); !strings.Contains(errs, "ukendt kommando") {
		t.Errorf("Danish message missing: %q", errs)
	}
}

func TestNoArgumentsIsUsageError(t *testing.T) {
	if code, _, _ := run("en"); code != ExitUsage {
		t.Errorf("code %d", code)
	}
}
