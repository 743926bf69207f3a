package renewal

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"github.com/fornyer/fornyer/core/backup"
	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/vault"
)

func newFlow(t *testing.T) *Flow {
	t.Helper()
	keyring.MockInit()
	reg, err := register.Open(filepath.Join(t.TempDir(), "register.json"))
	if err != nil {
		t.Fatal(err)
	}
	return &Flow{Register: reg, Vault: vault.New(), Now: func() time.Time { return started }}
}

// The renewal opened by the pending password: the register learns it with
// the password saved, the guide's renewal is recorded, the password moves
// onto the certificate, and the renewal's state reads the register's facts
// and the store's list.
func TestRecordMovesThePendingPasswordAndStateFollows(t *testing.T) {
	f := newFlow(t)
	ctx := context.Background()
	p := atDownload()
	pending := vault.PendingID(p.RenewalID)
	if err := f.Vault.Save(ctx, pending, "", "renewal-pw"); err != nil {
		t.Fatal(err)
	}
	old := known("a1", "01", started.AddDate(0, 1, 0), started.AddDate(-2, 0, 0))
	if err := f.Register.Upsert(old); err != nil {
		t.Fatal(err)
	}
	c := Check{Path: "/dl/new.p12", Report: checked("b2", "02", started), OpenedBy: pending}
	o := Decide(p, f.Register.List(), c)
	if o.Kind != KindRenewal || !o.Advance || o.MovePending != pending {
		t.Fatalf("%+v", o)
	}
	o.Apply(p, c.Report.Certificate.SHA256, started)
	if err := f.Record(ctx, c, o); err != nil {
		t.Fatal(err)
	}
	sha := c.Report.Certificate.SHA256
	reg, ok := f.Register.Get(sha)
	if !ok || !reg.PasswordSaved || reg.Renewed.IsZero() || reg.File == nil || reg.File.Path != "/dl/new.p12" {
		t.Fatalf("register: %+v", reg)
	}
	if got, err := savedPassword(ctx, f, p); err != nil || got != "renewal-pw" {
		t.Errorf("Password = %q, %v", got, err)
	}
	if _, err := f.Vault.Get(ctx, pending); err == nil {
		t.Error("the pending entry is still there")
	}

	// Installed in DPG on another screen: the renewal's state says so.
	if err := f.RecordDPGInstalled(sha, " Søren "); err != nil {
		t.Fatal(err)
	}
	entries, err := f.Vault.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	st := State(p, f.Register, guide.Passwords{Entries: entries, Known: true})
	if st.DPGInstalledBy != "Søren" || !st.PasswordSaved || st.PasswordID != vault.CertificateID(sha) || st.Certificate == nil {
		t.Errorf("State: %+v", st)
	}
	dpg, _ := guide.ByID("dpg-verify")
	if err := p.CanComplete(dpg, st); err != nil {
		t.Errorf("the DPG step stays closed: %v", err)
	}
	if st := State(p, nil, guide.Passwords{}); st.Certificate != nil || st.PasswordSaved || !st.FileChecked {
		t.Errorf("State without a register: %+v", st)
	}
}

// Two passwords saved for one certificate: deleting one leaves the register
// saying a password is saved; deleting the last one does not.
func TestPasswordDeletedKeepsTheFactWhileAnotherIsSaved(t *testing.T) {
	f := newFlow(t)
	ctx := context.Background()
	c := known("c3", "05", started.AddDate(2, 0, 0), started)
	c.PasswordSaved = true
	if err := f.Register.Upsert(c); err != nil {
		t.Fatal(err)
	}
	first, err := f.Vault.SaveEntry(ctx, vault.Entry{ID: vault.CertificateID(c.SHA256), Label: "Firma ApS"}, "one")
	if err != nil {
		t.Fatal(err)
	}
	second, err := f.Vault.SaveEntry(ctx, vault.Entry{ID: vault.CertificateID(c.SHA256), Label: "Firma ApS"}, "two")
	if err != nil || second.ID == first.ID {
		t.Fatalf("second: %+v, %v", second, err)
	}
	for i, id := range []string{first.ID, second.ID} {
		if err := f.Vault.Delete(ctx, id); err != nil {
			t.Fatal(err)
		}
		if err := f.PasswordDeleted(ctx, id); err != nil {
			t.Fatal(err)
		}
		got, _ := f.Register.Get(c.SHA256)
		if want := i == 0; got.PasswordSaved != want {
			t.Errorf("after deleting %d of 2: saved = %v", i+1, got.PasswordSaved)
		}
	}
}

// A fresh home: nothing to compare with, so the user is asked. The file is
// recorded at once, its pending password left where it is until the
// answer (Y9), and recorded again once the user answers yes, as the window
// does: the password moves onto it then, and the renewal is noted.
func TestRecordAgainAfterTheAnswerKeepsThePassword(t *testing.T) {
	f := newFlow(t)
	ctx := context.Background()
	p := atDownload()
	pending := vault.PendingID(p.RenewalID)
	if err := f.Vault.Save(ctx, pending, "", "renewal-pw"); err != nil {
		t.Fatal(err)
	}
	c := Check{Path: "/dl/new.p12", Report: checked("b2", "02", started), OpenedBy: pending}
	sha := c.Report.Certificate.SHA256
	o := Decide(p, f.Register.List(), c)
	if o.Kind != KindNoPredecessor || !o.Ask || o.Advance || o.MovePending != "" {
		t.Fatalf("first: %+v", o)
	}
	if err := f.Record(ctx, c, o); err != nil {
		t.Fatal(err)
	}
	if got, err := f.Vault.Get(ctx, pending); err != nil || got != "renewal-pw" {
		t.Fatalf("before the answer the renewal's password is %q, %v", got, err)
	}
	if reg, _ := f.Register.Get(sha); reg.PasswordSaved {
		t.Error("before the answer the register says the file's password is saved")
	}

	AnswerQuestion(p, sha, true, started)
	o = Decide(p, f.Register.List(), c)
	if o.Kind != KindAlready || !o.Advance || o.MovePending != pending {
		t.Fatalf("after yes: %+v", o)
	}
	if err := f.Record(ctx, c, o); err != nil {
		t.Fatalf("recording the answered check: %v", err)
	}
	reg, _ := f.Register.Get(sha)
	if !reg.PasswordSaved || reg.Renewed.IsZero() {
		t.Errorf("register: saved %v, renewed %v", reg.PasswordSaved, reg.Renewed)
	}
	if got, err := savedPassword(ctx, f, p); err != nil || got != "renewal-pw" {
		t.Errorf("Password = %q, %v", got, err)
	}
	if st := State(p, f.Register, guide.Passwords{}); !st.PasswordSaved || !st.FileChecked || p.Step().ID != "download" {
		t.Errorf("state after the answer: saved %v, checked %v, at %s", st.PasswordSaved, st.FileChecked, p.Step().ID)
	}

	// A pending password that was never saved is still an error.
	c.OpenedBy = vault.PendingID("another-renewal")
	o.MovePending = c.OpenedBy
	if err := f.Record(ctx, Check{Path: c.Path, Report: checked("c3", "03", started), OpenedBy: c.OpenedBy}, o); err == nil {
		t.Error("moving a pending password that is not saved reported no error")
	}
}

// The renewed .p12 is recorded with its file; a copy of the same
// certificate without its key (a .cer, or a PEM), checked afterwards, is
// recognised but never becomes the certificate's file: the guide's DPG
// card and backup go on pointing at the .p12.
func TestACopyWithoutTheKeyNeverReplacesTheFile(t *testing.T) {
	f := newFlow(t)
	ctx := context.Background()
	p12 := Check{Path: "/dl/Firma.p12", Report: checked("b2", "02", started)}
	if err := f.Record(ctx, p12, Decide(nil, f.Register.List(), p12)); err != nil {
		t.Fatal(err)
	}
	sha := p12.Report.Certificate.SHA256
	for _, copyOf := range []struct{ path, format string }{{"/docs/Firma.cer", inspect.FormatCertificate}, {"/docs/nøgle og cert.pem", inspect.FormatCertificate}} {
		r := checked("b2", "02", started)
		r.Format, r.KeyMatches, r.Verdict = copyOf.format, false, inspect.VerdictProblems
		c := Check{Path: copyOf.path, Report: r}
		o := Decide(nil, f.Register.List(), c)
		if !o.Record {
			t.Fatalf("%s: not recorded: %+v", copyOf.path, o)
		}
		if err := f.Record(ctx, c, o); err != nil {
			t.Fatal(err)
		}
		if got, _ := f.Register.Get(sha); got.File == nil || got.File.Path != "/dl/Firma.p12" {
			t.Errorf("after checking %s the certificate's file is %+v", copyOf.path, got.File)
		}
	}
	// A certificate first met as a copy without its key has no file yet.
	cer := checked("c3", "03", started)
	cer.Format, cer.KeyMatches = inspect.FormatCertificate, false
	c := Check{Path: "/docs/other.cer", Report: cer}
	if err := f.Record(ctx, c, Decide(nil, f.Register.List(), c)); err != nil {
		t.Fatal(err)
	}
	if got, ok := f.Register.Get(cer.Certificate.SHA256); !ok || got.File != nil {
		t.Errorf("a key-less copy became a file: %+v", got.File)
	}
}

// A verified backup recorded in the register (from any screen) lets the
// guide's download step be done: the renewal's state reads it.
func TestStateReadsTheBackup(t *testing.T) {
	f := newFlow(t)
	ctx := context.Background()
	p := atDownload()
	c := Check{Path: "/dl/new.p12", Report: checked("b2", "02", started)}
	sha := c.Report.Certificate.SHA256
	AnswerQuestion(p, sha, true, started)
	if err := f.Record(ctx, c, Decide(p, f.Register.List(), c)); err != nil {
		t.Fatal(err)
	}
	download, _ := guide.ByID("download")
	if err := p.CanComplete(download, State(p, f.Register, guide.Passwords{})); err != guide.ErrNoBackup {
		t.Fatalf("before a backup: %v", err)
	}
	at := started.Add(time.Hour)
	res := &backup.Result{VerifiedAt: at, Files: []backup.File{{Path: "/usb/new.p12", Kind: backup.KindCopy, SHA256: "x"}}}
	if err := f.RecordBackup(sha, res); err != nil {
		t.Fatal(err)
	}
	st := State(p, f.Register, guide.Passwords{})
	if !st.BackedUpAt.Equal(at) {
		t.Fatalf("State: backed up at %v", st.BackedUpAt)
	}
	if err := p.CanComplete(download, st); err != nil {
		t.Errorf("after the backup: %v", err)
	}
}

// Another copy of the certificate with its key (a re-export, a copy on a
// stick) does not replace the file first recorded while that is still
// there; once it is gone, the copy checked becomes the file.
func TestTheFirstFileStaysWhileItIsThere(t *testing.T) {
	f := newFlow(t)
	ctx := context.Background()
	dir := t.TempDir()
	first, second := filepath.Join(dir, "Firma.p12"), filepath.Join(dir, "gammel RC2.p12")
	for _, p := range []string{first, second} {
		if err := os.WriteFile(p, []byte("p12"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	record := func(path string) {
		t.Helper()
		c := Check{Path: path, Report: checked("b2", "02", started)}
		if err := f.Record(ctx, c, Decide(nil, f.Register.List(), c)); err != nil {
			t.Fatal(err)
		}
	}
	sha := checked("b2", "02", started).Certificate.SHA256
	fileOf := func() string {
		got, _ := f.Register.Get(sha)
		if got.File == nil {
			return ""
		}
		return got.File.Path
	}
	record(first)
	record(second)
	if got := fileOf(); got != first {
		t.Errorf("after a second copy the file is %q, want the first", got)
	}
	if err := os.Remove(first); err != nil {
		t.Fatal(err)
	}
	record(second)
	if got := fileOf(); got != second {
		t.Errorf("with the first gone the file is %q, want the copy", got)
	}
}

// The places noted on card 3 reach the renewed certificate in the register
// when they become true, wherever that happens: the file checked on any
// screen (with the check's record), and a place noted, handed over or
// switched after the file is known (with the progress's save), without
// the guide showing card 3 or the switch-over card.
func TestPlacesRecordedWhenTheyBecomeTrue(t *testing.T) {
	f := newFlow(t)
	if err := f.Register.Upsert(known("a1", "01", started.AddDate(0, 1, 0), started.AddDate(-3, 0, 0))); err != nil {
		t.Fatal(err)
	}
	p := atDownload()
	p.SetUses(guide.PlaceDatafordeler, true)
	id := p.AddPlace("Acme webshop", register.NeedsP12, "")

	// The file is checked (the Check tab, a drop, Downloads): its record
	// carries the places.
	c := Check{Path: "/dl/new.p12", Report: checked("b2", "02", started)}
	o := Decide(p, f.Register.List(), c)
	if !o.Advance {
		t.Fatalf("the renewal's file does not advance: %+v", o)
	}
	o.Apply(p, c.Report.Certificate.SHA256, started)
	if err := f.Record(context.Background(), c, o); err != nil {
		t.Fatal(err)
	}
	got, _ := f.Register.Get(c.Report.Certificate.SHA256)
	if len(got.Places) != 2 || got.Places[1].Name != "Acme webshop" {
		t.Fatalf("after the check the register holds %+v", got.Places)
	}

	// A hand-over made later is recorded with the progress's save.
	p.SetGiven(id, register.GaveCopy, "Acme IT", started)
	path := filepath.Join(t.TempDir(), guide.FileName)
	if err, rerr := f.SaveProgress(p, path); err != nil || rerr != nil {
		t.Fatal(err, rerr)
	}
	got, _ = f.Register.Get(c.Report.Certificate.SHA256)
	if len(got.Places) != 2 || got.Places[1].Given != register.GaveCopy || got.Places[1].GivenTo != "Acme IT" {
		t.Errorf("after the save the register holds %+v", got.Places)
	}
	if back, err := guide.Load(path, started); err != nil || len(back.Usages) != 2 {
		t.Errorf("the progress saved: %+v %v", back.Usages, err)
	}
}

// A file opened by a hand-over's saved password (the copy given to a
// supplier, checked here) is not opened by the certificate's own saved
// password: the register is not told the certificate's password is
// saved, and no password is offered to be saved.
func TestHandOverPasswordIsNotTheCertificates(t *testing.T) {
	r := checked("b2", "02", started)
	r.PasswordIndex = 0
	copyPw := vault.Candidate{ID: vault.HandOverID(r.Certificate.SHA256, started), Password: "copy-pw"}
	a := AnswerFor(Input{Path: "/dl/Firma (for Acme).p12", Report: r, Tries: TrySaved([]vault.Candidate{copyPw})})
	if a.Check.OpenedBy != "" {
		t.Errorf("opened by %q: taken for the certificate's own password", a.Check.OpenedBy)
	}
	if Entry(a.Check, started).PasswordSaved {
		t.Error("the register would say the certificate's password is saved")
	}
	if a.Offers(ActionSavePassword) {
		t.Error("offers to save the hand-over's password as the certificate's")
	}
}

// Forgetting a certificate (My certificates' Remove) forgets the
// passwords of the copies handed over from it, and no other: its own
// password and another certificate's hand-over stay.
func TestForgetForgetsItsHandOverPasswords(t *testing.T) {
	f := newFlow(t)
	ctx := context.Background()
	c := known("b2", "02", started.AddDate(3, 0, 0), started)
	other := known("c3", "03", started.AddDate(3, 0, 0), started)
	for _, x := range []register.Certificate{c, other} {
		if err := f.Register.Upsert(x); err != nil {
			t.Fatal(err)
		}
	}
	mine := vault.HandOverID(c.SHA256, started)
	theirs := vault.HandOverID(other.SHA256, started)
	for id, pw := range map[string]string{vault.CertificateID(c.SHA256): "own", mine: "copy", theirs: "other-copy"} {
		if err := f.Vault.Save(ctx, id, "", pw); err != nil {
			t.Fatal(err)
		}
	}
	removed, err := f.Forget(ctx, c.SHA256)
	if err != nil || removed.SHA256 != c.SHA256 {
		t.Fatalf("Forget: %+v %v", removed, err)
	}
	if _, ok := f.Register.Get(c.SHA256); ok {
		t.Error("still in the register")
	}
	if _, err := f.Vault.Get(ctx, mine); !errors.Is(err, vault.ErrNotFound) {
		t.Errorf("its hand-over's password is kept: %v", err)
	}
	for _, id := range []string{vault.CertificateID(c.SHA256), theirs} {
		if _, err := f.Vault.Get(ctx, id); err != nil {
			t.Errorf("%s was forgotten too: %v", id, err)
		}
	}
	// A certificate the register does not hold: nothing is touched.
	if _, err := f.Forget(ctx, other.SHA256+"00"); err == nil {
		t.Error("forgot an unknown certificate")
	}
	if _, err := f.Vault.Get(ctx, theirs); err != nil {
		t.Errorf("an unknown certificate's forgetting touched the store: %v", err)
	}
}

// The DPG card's "installed in DPG" is the renewed certificate's: the
// checked file's (its SHA-256 in the progress), read from the register.
// The certificate being renewed, installed in DPG last time, does not
// make it done; another certificate checked since does not either; the
// record made on the card is the renewed one's.
func TestStateDPGIsTheRenewedCertificates(t *testing.T) {
	f := newFlow(t)
	ctx := context.Background()
	old := known("a1", "01", started.AddDate(0, 1, 0), started.AddDate(-3, 0, 0))
	if err := f.Register.Upsert(old); err != nil {
		t.Fatal(err)
	}
	if err := f.RecordDPGInstalled(old.SHA256, "Anne"); err != nil {
		t.Fatal(err)
	}
	p := atDownload()
	if st := State(p, f.Register, guide.Passwords{}); !st.DPGInstalledAt.IsZero() {
		t.Fatalf("before the file: installed %v (the old certificate's?)", st.DPGInstalledAt)
	}
	c := Check{Path: "/dl/new.p12", Report: checked("b2", "02", started)}
	sha := c.Report.Certificate.SHA256
	AnswerQuestion(p, sha, true, started)
	if err := f.Record(ctx, c, Decide(p, f.Register.List(), c)); err != nil {
		t.Fatal(err)
	}
	if p.FileSHA256 != sha {
		t.Fatalf("the progress holds %q, not the checked file's SHA-256", p.FileSHA256)
	}
	var dpg guide.Step
	for _, s := range guide.Steps {
		if s.Task == guide.TaskDPG {
			dpg = s
		}
	}
	if st := State(p, f.Register, guide.Passwords{}); !st.DPGInstalledAt.IsZero() {
		t.Fatalf("the renewed file checked: installed %v, from the old certificate", st.DPGInstalledAt)
	} else if _, done := p.StepDone(dpg.ID, st); done {
		t.Fatal("the DPG card is done by the old certificate's installation")
	}
	// Another organisation's file checked on the Check tab meanwhile,
	// installed elsewhere: still not the renewal's.
	other := known("c3", "03", started.AddDate(3, 0, 0), started)
	other.Organization = "Anden ApS"
	if err := f.Register.Upsert(other); err != nil {
		t.Fatal(err)
	}
	if err := f.RecordDPGInstalled(other.SHA256, "Bo"); err != nil {
		t.Fatal(err)
	}
	if st := State(p, f.Register, guide.Passwords{}); !st.DPGInstalledAt.IsZero() {
		t.Fatalf("another certificate's installation counts: %v by %q", st.DPGInstalledAt, st.DPGInstalledBy)
	}
	// Recorded for the renewed certificate (the card records on the
	// progress's SHA-256): done, with who.
	if err := f.RecordDPGInstalled(p.FileSHA256, "Carl"); err != nil {
		t.Fatal(err)
	}
	st := State(p, f.Register, guide.Passwords{})
	if st.DPGInstalledAt.IsZero() || st.DPGInstalledBy != "Carl" {
		t.Fatalf("the renewed certificate's installation: %v by %q", st.DPGInstalledAt, st.DPGInstalledBy)
	}
	if _, done := p.StepDone(dpg.ID, st); !done {
		t.Error("the DPG card is not done by the renewed certificate's installation")
	}
}

// savedPassword is the renewal's saved password as the window reaches it:
// the facts' PasswordID (guide.Facts, from the store's list), read from
// the store.
func savedPassword(ctx context.Context, f *Flow, p *guide.Progress) (string, error) {
	entries, err := f.Vault.List(ctx)
	if err != nil {
		return "", err
	}
	st := State(p, f.Register, guide.Passwords{Entries: entries, Known: true})
	if !st.PasswordSaved {
		return "", vault.ErrNotFound
	}
	return f.Vault.Get(ctx, st.PasswordID)
}
