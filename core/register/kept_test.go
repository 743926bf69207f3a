package register

import (
	"path/filepath"
	"testing"
)

func TestPasswordKept(t *testing.T) {
	path := filepath.Join(t.TempDir(), "register.json")
	s := openAt(t, path)
	c := cert(1, "u-1", t0.AddDate(3, 0, 0))
	if err := s.Upsert(c); err != nil {
		t.Fatal(err)
	}
	if err := s.SetPasswordKept(c.SHA256, "under the mat", "pc-1"); Code(err) != CodeInvalid {
		t.Fatalf("an unknown answer: %v", err)
	}
	if got, _ := s.Get(c.SHA256); got.PasswordKept != "" || got.PasswordHost != "" {
		t.Fatalf("a refused answer changed the record: %+v", got)
	}
	if err := s.SetPasswordKept(sha(7), KeptWritten, "pc-1"); Code(err) != CodeNotFound {
		t.Fatalf("an unknown certificate: %v", err)
	}
	if err := s.SetPasswordKept(c.SHA256, KeptNowhere, "kontor-pc"); err != nil {
		t.Fatal(err)
	}
	// Checking the file again keeps the answer.
	if err := s.Upsert(c); err != nil {
		t.Fatal(err)
	}
	got, _ := openAt(t, path).Get(c.SHA256)
	if got.PasswordKept != KeptNowhere || got.PasswordHost != "kontor-pc" || !NeedsSecondCopy(got.PasswordKept) {
		t.Fatalf("after reopening: %+v", got)
	}
	// A later answer replaces it; an empty host keeps the computer.
	if err := s.SetPasswordKept(c.SHA256, KeptManager, ""); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Get(c.SHA256); got.PasswordKept != KeptManager || got.PasswordHost != "kontor-pc" || NeedsSecondCopy(got.PasswordKept) {
		t.Fatalf("second answer: %+v", got)
	}
}
