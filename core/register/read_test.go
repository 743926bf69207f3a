package register

import (
	"os"
	"path/filepath"
	"testing"
)

func TestReadLeavesDamagedFileAlone(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	for _, tc := range []struct {
		content string
		code    string
	}{
		{"{not json", CodeDamaged},
		{`{"version": 99, "certificates": []}`, CodeNewer},
	} {
		if err := os.WriteFile(path, []byte(tc.content), 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := Read(path); Code(err) != tc.code {
			t.Errorf("%q: %v, want %s", tc.content, err, tc.code)
		}
		entries, _ := os.ReadDir(dir)
		if data, _ := os.ReadFile(path); string(data) != tc.content || len(entries) != 1 {
			t.Errorf("Read changed the folder: %d entries, file %q", len(entries), data)
		}
	}
	if _, err := Read(filepath.Join(dir, "missing.json")); Code(err) != CodeNotFound {
		t.Errorf("missing file: %v", err)
	}
}

func TestReadAgreesWithOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	s := openAt(t, path)
	for i := 1; i <= 3; i++ {
		if err := s.Upsert(cert(i, "u", t0.AddDate(i, 0, 0))); err != nil {
			t.Fatal(err)
		}
	}
	got, err := Read(path)
	if err != nil || len(got) != 3 {
		t.Fatalf("Read: %d, %v", len(got), err)
	}
	for i, c := range s.List() {
		if found := find(got, c.SHA256); found < 0 {
			t.Errorf("certificate %d missing from Read", i)
		}
	}
}

func TestDefaultPathIsInAppStorage(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	t.Setenv("HOME", dir)
	t.Setenv("USERPROFILE", dir)
	p, err := DefaultPath()
	if err != nil || filepath.Base(p) != FileName || filepath.Base(filepath.Dir(p)) != "dk.fornyer.app" {
		t.Errorf("DefaultPath = %q, %v", p, err)
	}
}
