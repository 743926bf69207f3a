package renewal

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/vault"
	"github.com/zalando/go-keyring"
)

// A renewal's pending password is called wrong only once it was tried on
// the renewal's file and failed (review R3, S2): when the file checked is
// gone by the time the check is recorded, or another certificate's file
// (one the pending password opens) has taken its place, nothing was tried.
// The entry stays unmarked and named as it was, and the facts say it is
// still to be tried.
func TestAPendingPasswordIsNotTriedOnAFileGoneOrReplaced(t *testing.T) {
	const right, saved = "Rp7k-æøQx9m!Zt2W", "Rp7k-æQx9m!Zt2w"
	for _, c := range []struct {
		name   string
		change func(t *testing.T, path string)
	}{
		{"gone", func(t *testing.T, path string) {
			if err := os.Remove(path); err != nil {
				t.Fatal(err)
			}
		}},
		{"another certificate's file in its place", func(t *testing.T, path string) {
			other, _ := firmaFile(t, saved) // another certificate, opened by the pending password
			data, err := os.ReadFile(other)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, data, 0o600); err != nil {
				t.Fatal(err)
			}
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			keyring.MockInit()
			path, sha := firmaFile(t, right)
			reg, err := register.Open(filepath.Join(t.TempDir(), "register.json"))
			if err != nil {
				t.Fatal(err)
			}
			f := &Flow{Register: reg, Vault: vault.New(), Now: func() time.Time { return started }}
			ctx := context.Background()
			p := atDownload()
			pending := vault.PendingID(p.RenewalID)
			if err := f.Vault.Save(ctx, pending, "", saved); err != nil {
				t.Fatal(err)
			}
			p.SetAnswer(sha, true)
			a := AnswerFor(Input{Path: path, Report: opened(checked(sha, "02", started), 0), Tries: TryTyped(right), Known: reg.List(), Progress: p})
			if a.Outcome.TryPending != pending {
				t.Fatalf("the record does not try the pending password: %+v", a.Outcome)
			}
			a.Outcome.Apply(p, sha, started)
			c.change(t, path) // between the check and its record
			if err := f.Record(ctx, a.Check, a.Outcome); err != nil {
				t.Fatal(err)
			}
			list, err := f.Vault.List(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(list) != 1 || list[0].ID != pending || list[0].DoesNotOpen != "" || list[0].Label != "" {
				t.Errorf("not tried, the store lists %+v", list)
			}
			st := State(p, reg, guide.Passwords{Entries: list, Known: true})
			if st.WrongPasswordID != "" || st.SavedWrong() || st.UntriedPasswordID != pending {
				t.Errorf("not tried, the facts say wrong %q, untried %q", st.WrongPasswordID, st.UntriedPasswordID)
			}
		})
	}
}
