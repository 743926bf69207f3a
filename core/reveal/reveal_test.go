package reveal

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestPlanWindows(t *testing.T) {
	got := Plan("windows", `C:\Users\Anne Hansen\Downloads\Firma, ApS.p12`)
	want := []Step{{
		Name:    "explorer.exe",
		Args:    []string{`/select,C:\Users\Anne Hansen\Downloads\Firma, ApS.p12`},
		CmdLine: `explorer.exe /select,"C:\Users\Anne Hansen\Downloads\Firma, ApS.p12"`,
	}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Plan = %#v", got)
	}
}

func TestPlanMac(t *testing.T) {
	got := Plan("darwin", "/Users/anne/Downloads/-firma.p12")
	want := []Step{{Name: "open", Args: []string{"-R", "/Users/anne/Downloads/-firma.p12"}}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Plan = %#v", got)
	}
}

func TestPlanLinux(t *testing.T) {
	if filepath.Separator != '/' {
		t.Skip("Linux paths")
	}
	got := Plan("linux", "/home/anne/Hentede filer/Firma #2.p12")
	want := []Step{
		{DBus: []string{"file:///home/anne/Hentede%20filer/Firma%20%232.p12"}},
		{Name: "xdg-open", Args: []string{"/home/anne/Hentede filer"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Plan = %#v", got)
	}
}

func TestShowMissingFile(t *testing.T) {
	for _, p := range []string{"", filepath.Join(t.TempDir(), "gone.p12"), "a\x00b"} {
		if err := Show(p); !errors.Is(err, ErrNotFound) {
			t.Errorf("Show(%q) = %v, want ErrNotFound", p, err)
		}
	}
}

func TestShowRunsThePlan(t *testing.T) {
	// A plan whose program is missing is reported, not ignored.
	old := goos
	defer func() { goos = old }()
	goos = "darwin"
	file := filepath.Join(t.TempDir(), "x.p12")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", t.TempDir()) // no "open" here
	if err := Show(file); err == nil {
		t.Fatal("Show with no file manager reported success")
	}
}
