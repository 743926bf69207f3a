package renewal

import (
	"context"
	"testing"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/vault"
)

// Y9: two files that share a password (an IT provider's saved passwords).
// The password saved on the password card opens another organisation's
// file that lands first: nothing moves before the user answers, a no
// leaves the renewal's password, the store's list and the register as
// they were, and the renewal's own file, landing next, is asked about
// plainly (not "another organisation's"), and takes the password with
// the yes. A first renewal: the register knows nothing before.
func TestAnotherFileTheRenewalsPasswordOpens(t *testing.T) {
	f := newFlow(t)
	ctx := context.Background()
	p := atDownload()
	pending := vault.PendingID(p.RenewalID)
	if _, err := f.Vault.SaveEntry(ctx, vault.Entry{ID: pending, Label: "the renewal's"}, "shared-pw"); err != nil {
		t.Fatal(err)
	}
	listed := func() guide.Passwords {
		entries, err := f.Vault.List(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return guide.Passwords{Entries: entries, Known: true}
	}
	unchanged := func(when string) {
		t.Helper()
		entries := listed().Entries
		if len(entries) != 1 || entries[0].ID != pending || entries[0].Label != "the renewal's" {
			t.Errorf("%s: the store holds %+v, want the renewal's pending entry as it was", when, entries)
		}
		if st := State(p, f.Register, listed()); !st.PasswordSaved || st.PasswordID != pending || st.FileChecked {
			t.Errorf("%s: the guide says %+v", when, st)
		}
	}
	check := func(a Answer) Answer {
		t.Helper()
		if err := f.Record(ctx, a.Check, a.Outcome); err != nil {
			t.Fatal(err)
		}
		return a
	}
	saved := TrySaved([]vault.Candidate{{ID: pending, Password: "shared-pw"}})

	other := anden(opened(checked("c3", "07", started), 0))
	in := Input{Path: "/dl/certifikat.p12", Report: other, Tries: saved, Progress: p, Known: f.Register.List(), Passwords: listed()}
	a := check(AnswerFor(in))
	if a.Question != QuestionAsk || a.Outcome.MovePending != "" || a.Advance {
		t.Fatalf("another organisation's file: question %q, moves %q, advance %v", a.Question, a.Outcome.MovePending, a.Advance)
	}
	unchanged("before the answer")
	if reg, ok := f.Register.Get(other.Certificate.SHA256); ok && reg.PasswordSaved {
		t.Error("the register says the other organisation's password is saved")
	}

	AnswerQuestion(p, other.Certificate.SHA256, false, started)
	a = check(a.Again(Input{Progress: p, Known: f.Register.List(), Passwords: listed()}))
	if a.Question != QuestionDeclined || a.Outcome.MovePending != "" {
		t.Fatalf("after no: question %q, moves %q", a.Question, a.Outcome.MovePending)
	}
	unchanged("after no")

	mine := opened(checked("b2", "02", started), 0)
	in = Input{Path: "/dl/Fornyet certifikat.p12", Report: mine, Tries: saved, Progress: p, Known: f.Register.List(), Passwords: listed()}
	b := check(AnswerFor(in))
	if b.Question != QuestionAsk || b.Outcome.Kind != KindNoPredecessor || b.Headline.TitleKey == "renewal.foreign.title" || b.Note != nil {
		t.Fatalf("the renewal's own file: kind %s, question %q, headline %s, note %+v", b.Outcome.Kind, b.Question, b.Headline.TitleKey, b.Note)
	}
	unchanged("the renewal's file before the answer")
	AnswerQuestion(p, mine.Certificate.SHA256, true, started)
	b = check(b.Again(Input{Progress: p, Known: f.Register.List(), Passwords: listed()}))
	if !b.Advance || b.Outcome.MovePending != pending {
		t.Fatalf("after yes: advance %v, moves %q", b.Advance, b.Outcome.MovePending)
	}
	entries := listed().Entries
	if len(entries) != 1 || entries[0].ID != vault.CertificateID(mine.Certificate.SHA256) || entries[0].Label != "Firma ApS" {
		t.Errorf("after yes the store holds %+v, want the renewal's certificate's one entry", entries)
	}
	if got, err := savedPassword(ctx, f, p); err != nil || got != "shared-pw" {
		t.Errorf("the renewal's password: %q, %v", got, err)
	}
	if reg, _ := f.Register.Get(mine.Certificate.SHA256); !reg.PasswordSaved {
		t.Error("the register does not know the renewal's password is saved")
	}
	if reg, _ := f.Register.Get(other.Certificate.SHA256); reg.PasswordSaved {
		t.Error("the register says the other organisation's password is saved")
	}
}
