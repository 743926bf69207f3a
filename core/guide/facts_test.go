package guide

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/vault"
)

var (
	fpNew   = strings.Repeat("a1", 32) // the renewed certificate
	fpOther = strings.Repeat("b2", 32) // another certificate
)

// The renewal's password is saved wherever it was saved: under the
// renewal's pending id (the guide's card before the file), or under the
// renewed certificate (the Check tab, a moved pending password, the card
// after the file); the certificate's is the one to read. Without the
// store's list, the register's record stands in.
func TestFactsFindThePassword(t *testing.T) {
	p := New(t0)
	pending := vault.PendingID(p.RenewalID)
	t1, t2 := t0.Add(time.Minute), t0.Add(2*time.Minute)
	for _, c := range []struct {
		name      string
		file      string
		cert      *register.Certificate
		pw        Passwords
		wantSaved bool
		wantID    string
		wantAt    time.Time
	}{
		{"nothing read, no file", "", nil, Passwords{}, false, "", time.Time{}},
		{"nothing saved", fpNew, nil, Passwords{Known: true}, false, "", time.Time{}},
		{"pending, before the file", "", nil, Passwords{Known: true, Entries: []vault.Entry{{ID: pending, Saved: t1}}}, true, pending, t1},
		// V11: a pending password left once the file is known did not
		// open it (a typo on the password card): it is not saved.
		{"pending, after the file", fpNew, nil, Passwords{Known: true, Entries: []vault.Entry{{ID: pending, Saved: t1}}}, false, "", time.Time{}},
		{"another renewal's pending", "", nil, Passwords{Known: true, Entries: []vault.Entry{{ID: vault.PendingID("other"), Saved: t1}}}, false, "", time.Time{}},
		{"on the Check tab", fpNew, nil, Passwords{Known: true, Entries: []vault.Entry{{ID: vault.CertificateID(fpNew), Saved: t2}}}, true, vault.CertificateID(fpNew), t2},
		{"the certificate's wins over pending", fpNew, nil, Passwords{Known: true, Entries: []vault.Entry{{ID: pending, Saved: t1}, {ID: vault.CertificateID(fpNew), Saved: t2}}}, true, vault.CertificateID(fpNew), t2},
		{"the first listed (newest) of the certificate's wins", fpNew, nil, Passwords{Known: true, Entries: []vault.Entry{{ID: vault.CertificateID(fpNew) + "/2", Saved: t1}, {ID: vault.CertificateID(fpNew), Saved: t2}}}, true, vault.CertificateID(fpNew) + "/2", t1},
		{"another certificate's", fpNew, nil, Passwords{Known: true, Entries: []vault.Entry{{ID: vault.CertificateID(fpOther), Saved: t1}}}, false, "", time.Time{}},
		{"a certificate's, no file yet", "", nil, Passwords{Known: true, Entries: []vault.Entry{{ID: vault.CertificateID(fpNew), Saved: t1}}}, false, "", time.Time{}},
		{"list not read: the register says saved", fpNew, &register.Certificate{SHA256: fpNew, PasswordSaved: true}, Passwords{}, true, vault.CertificateID(fpNew), time.Time{}},
		{"list not read: the register says not", fpNew, &register.Certificate{SHA256: fpNew}, Passwords{}, false, "", time.Time{}},
		{"list read: the list wins over the register", fpNew, &register.Certificate{SHA256: fpNew, PasswordSaved: true}, Passwords{Known: true}, false, "", time.Time{}},
		{"list not read: another certificate's record", fpNew, &register.Certificate{SHA256: fpOther, PasswordSaved: true}, Passwords{}, false, "", time.Time{}},
	} {
		p.FileSHA256 = c.file
		f := FactsOf(&p, c.cert, c.pw)
		if f.PasswordSaved != c.wantSaved || f.PasswordID != c.wantID || !f.PasswordSavedAt.Equal(c.wantAt) {
			t.Errorf("%s: saved %v under %q at %v; want %v under %q at %v", c.name, f.PasswordSaved, f.PasswordID, f.PasswordSavedAt, c.wantSaved, c.wantID, c.wantAt)
		}
	}
}

// The register's facts of the renewed certificate, and only of it.
func TestFactsReadTheRegister(t *testing.T) {
	p := New(t0)
	c := &register.Certificate{
		SHA256: fpNew, File: &register.FileRef{Path: "/dl/firma.p12"},
		Backups: []register.FileRef{
			{Path: "/usb/a.p12", VerifiedAt: t0.Add(2 * time.Hour)},
			{Path: "/usb/b.p12", VerifiedAt: t0.Add(3 * time.Hour)},
			{Path: "/usb/c.p12", VerifiedAt: t0.Add(time.Hour)},
		},
		Receipts: []register.Receipt{{Path: "/r.pdf", At: t0}},
		DPG:      &register.DPG{At: t0.Add(4 * time.Hour), By: "Anne"},
	}
	if f := FactsOf(&p, c, Passwords{}); f.FileChecked || f.Certificate != nil || f.File != "" || !f.DPGInstalledAt.IsZero() {
		t.Errorf("before the file: %+v", f)
	}
	p.SetFileChecked(strings.ToUpper(fpNew), t0.Add(time.Minute))
	f := FactsOf(&p, c, Passwords{})
	if !f.FileChecked || !f.FileCheckedAt.Equal(t0.Add(time.Minute)) || f.Certificate != c || f.File != "/dl/firma.p12" ||
		len(f.Backups) != 3 || !f.BackedUpAt.Equal(t0.Add(3*time.Hour)) || len(f.Receipts) != 1 ||
		!f.DPGInstalledAt.Equal(t0.Add(4*time.Hour)) || f.DPGInstalledBy != "Anne" {
		t.Errorf("the renewed certificate: %+v", f)
	}
	other := *c
	other.SHA256 = fpOther
	if f := FactsOf(&p, &other, Passwords{}); f.Certificate != nil || f.File != "" || !f.BackedUpAt.IsZero() || !f.DPGInstalledAt.IsZero() || len(f.Receipts) != 0 {
		t.Errorf("another certificate's record was read: %+v", f)
	}
	bare := &register.Certificate{SHA256: fpNew}
	if f := FactsOf(&p, bare, Passwords{}); f.File != "" || !f.BackedUpAt.IsZero() || !f.DPGInstalledAt.IsZero() {
		t.Errorf("a bare record: %+v", f)
	}
}

// A copy made for someone else carries its password's name as the store
// keeps it: found, gone, or not known while the list is unread (T5).
func TestHandOverCopies(t *testing.T) {
	p := New(t0)
	p.SetFileChecked(fpNew, t0)
	c := &register.Certificate{SHA256: fpNew, HandOvers: []register.HandOver{
		{To: "Webshoppen", PasswordID: "handover:a"}, {To: "Acme", PasswordID: "handover:b"}, {To: "Anne"},
	}}
	pw := Passwords{Known: true, Entries: []vault.Entry{{ID: "handover:a", Label: "Firma (kopi til Webshoppen)"}}}
	got := FactsOf(&p, c, pw).HandOvers
	if len(got) != 3 || got[0].Label != "Firma (kopi til Webshoppen)" || got[0].Gone || got[1].Label != "" || !got[1].Gone || got[2].Gone || got[2].Label != "" {
		t.Errorf("copies: %+v", got)
	}
	for _, h := range FactsOf(&p, c, Passwords{}).HandOvers {
		if h.Gone || h.Label != "" {
			t.Errorf("the list unread, a copy's password is said to be %+v", h)
		}
	}
}

// Once the file is checked, the download card asks for the backup, then
// goes on to DPG: the receipt, a receipt made there outdated by DPG's
// installation, is the summary's (Y16).
func TestFileNext(t *testing.T) {
	for _, tc := range []struct {
		name string
		c    register.Certificate
		want FileNext
	}{
		{"nothing yet", register.Certificate{}, NextBackup},
		{"a receipt but no backup", register.Certificate{Receipts: []register.Receipt{{Path: "/r.pdf", At: t0}}}, NextBackup},
		{"backed up", register.Certificate{Backups: []register.FileRef{{Path: "/usb/a.p12", VerifiedAt: t0}}}, NextDPG},
	} {
		p := New(t0)
		p.SetFileChecked(fpNew, t0)
		c := tc.c
		c.SHA256 = fpNew
		if got := FactsOf(&p, &c, Passwords{}).FileNext(); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// One question, where else the password is kept: the answer is the
// user's, kept in the progress until the register knows the certificate;
// written down or a password manager counts as safe elsewhere, "nowhere
// yet" does not; the earlier version's tick counts until answered.
func TestFactsWhereThePasswordIsKept(t *testing.T) {
	for _, c := range []struct {
		name         string
		progress     string
		legacy       bool
		cert         *register.Certificate
		wantKept     string
		wantElsewhre bool
	}{
		{"not asked", "", false, nil, "", false},
		{"written down", register.KeptWritten, false, nil, register.KeptWritten, true},
		{"a password manager", register.KeptManager, false, nil, register.KeptManager, true},
		{"nowhere yet", register.KeptNowhere, false, nil, register.KeptNowhere, false},
		{"the earlier tick", "", true, nil, "", true},
		{"the register's answer wins", register.KeptWritten, false, &register.Certificate{SHA256: fpNew, PasswordKept: register.KeptNowhere}, register.KeptNowhere, false},
		{"the register has none", register.KeptManager, false, &register.Certificate{SHA256: fpNew}, register.KeptManager, true},
		{"the earlier tick, answered in the register", "", true, &register.Certificate{SHA256: fpNew, PasswordKept: register.KeptNowhere}, register.KeptNowhere, false},
	} {
		p := New(t0)
		p.FileSHA256 = fpNew
		p.PasswordKept, p.PasswordStoredElsewhere = c.progress, c.legacy
		f := FactsOf(&p, c.cert, Passwords{})
		if f.Kept != c.wantKept || f.StoredElsewhere != c.wantElsewhre {
			t.Errorf("%s: kept %q, elsewhere %v; want %q, %v", c.name, f.Kept, f.StoredElsewhere, c.wantKept, c.wantElsewhre)
		}
	}
}

// A card is done when its fact is true, wherever it became true, or when
// it was marked done and its rule still allows it.
func TestStepDone(t *testing.T) {
	marked, at := t0.Add(time.Hour), t0.Add(2*time.Hour)
	for _, c := range []struct {
		name     string
		task     Task
		marked   bool
		skipped  bool
		f        Facts
		wantDone bool
		wantAt   time.Time
	}{
		{"a card without a task, open", TaskNone, false, false, Facts{}, false, time.Time{}},
		{"a card without a task, marked", TaskNone, true, false, Facts{}, true, marked},
		{"password, nothing", TaskPassword, false, false, Facts{}, false, time.Time{}},
		{"password saved on the Check tab", TaskPassword, false, false, Facts{PasswordSaved: true, PasswordSavedAt: at}, true, at},
		{"password saved, marked", TaskPassword, true, false, Facts{PasswordSaved: true, PasswordSavedAt: at}, true, marked},
		{"password kept safely elsewhere, not marked", TaskPassword, false, false, Facts{StoredElsewhere: true}, false, time.Time{}},
		{"password kept safely elsewhere, marked", TaskPassword, true, false, Facts{StoredElsewhere: true}, true, marked},
		{"password marked, then deleted", TaskPassword, true, false, Facts{}, false, time.Time{}},
		{"file checked anywhere", TaskDownload, false, false, Facts{FileChecked: true, FileCheckedAt: at}, true, at},
		{"file checked, marked, backed up", TaskDownload, true, false, Facts{FileChecked: true, FileCheckedAt: at, BackedUpAt: at}, true, marked},
		{"file skipped, marked", TaskDownload, true, true, Facts{}, true, marked},
		{"file skipped, not marked", TaskDownload, false, true, Facts{}, false, time.Time{}},
		{"DPG marked in My certificates", TaskDPG, false, false, Facts{DPGInstalledAt: at}, true, at},
		{"DPG marked, record gone", TaskDPG, true, false, Facts{}, false, time.Time{}},
	} {
		s := Steps[0]
		if c.task != TaskNone {
			s = stepWith(c.task)
		}
		p := New(t0)
		p.FileSkipped = c.skipped
		if c.marked {
			p.Done[s.ID] = marked
		}
		got, done := p.StepDone(s.ID, c.f)
		if done != c.wantDone || !got.Equal(c.wantAt) {
			t.Errorf("%s: done %v at %v; want %v at %v", c.name, done, got, c.wantDone, c.wantAt)
		}
	}
	p := New(t0)
	if _, done := p.StepDone("nonsense", Facts{FileChecked: true}); done {
		t.Error("an unknown step is done")
	}
}

// The answer replaces the earlier tick; an unknown answer changes nothing;
// once the register holds it, the progress's copy goes.
func TestSetPasswordKept(t *testing.T) {
	p := New(t0)
	p.PasswordStoredElsewhere = true
	p.SetPasswordKept("somewhere", "PC")
	if p.PasswordKept != "" || p.PasswordHost != "" || !p.PasswordStoredElsewhere {
		t.Errorf("an unknown answer was kept: %+v", p)
	}
	p.SetPasswordKept(register.KeptManager, "PC")
	if p.PasswordKept != register.KeptManager || p.PasswordHost != "PC" || p.PasswordStoredElsewhere {
		t.Errorf("answered: %+v", p)
	}
	p.SetPasswordKept(register.KeptNowhere, "")
	if p.PasswordKept != register.KeptNowhere || p.PasswordHost != "PC" {
		t.Errorf("answered again without a computer: %+v", p)
	}
	p.PasswordStoredElsewhere = true
	p.ForgetPasswordKept()
	if p.PasswordKept != "" || p.PasswordHost != "" || p.PasswordStoredElsewhere {
		t.Errorf("forgotten: %+v", p)
	}
}

// Progress saved by the version that copied the register's facts loads
// without error and keeps its place; the copies are not read, the user's
// answers are.
func TestLoadProgressWithCopiedFacts(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	old := `{"renewal_id":"r1","started_at":"2026-05-04T09:00:00Z","current":"dpg-login",
	"done":{"welcome":"2026-05-04T09:00:00Z","password":"2026-05-04T09:10:00Z","download":"2026-05-04T09:11:00Z"},
	"password_saved":true,"password_stored_elsewhere":true,"password_kept":"manager","password_host":"PC",
	"file_checked":true,"file_checked_at":"2026-05-04T09:11:00Z","file_sha256":"` + strings.ToUpper(fpNew) + `",
	"backed_up_at":"2026-05-04T09:12:00Z","backup_later":true,"dpg_installed_at":"2026-05-04T10:00:00Z","dpg_installed_by":"A",
	"answers":{"` + fpNew + `":true}}`
	if err := os.WriteFile(path, []byte(old), 0o600); err != nil {
		t.Fatal(err)
	}
	p, err := Load(path, t0)
	if err != nil {
		t.Fatal(err)
	}
	if p.RenewalID != "r1" || p.Current != "dpg-login" || !p.IsDone("password") || !p.IsDone("download") ||
		p.FileSHA256 != strings.ToUpper(fpNew) || !p.FileChecked() || !p.BackupLater || p.PasswordKept != register.KeptManager {
		t.Errorf("loaded %+v", p)
	}
	if yes, ok := p.Answer(fpNew); !yes || !ok {
		t.Error("the answer was lost")
	}
	f := FactsOf(&p, nil, Passwords{Known: true})
	if f.PasswordSaved || !f.DPGInstalledAt.IsZero() || !f.BackedUpAt.IsZero() || !f.StoredElsewhere {
		t.Errorf("a copied fact was read from the progress: %+v", f)
	}
	if err := p.Save(path); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	for _, gone := range []string{"password_saved", "dpg_installed", "backed_up_at", `"file_checked"`} {
		if strings.Contains(string(data), gone) {
			t.Errorf("saved again with %s: %s", gone, data)
		}
	}
}

// A receipt made before a step was done, or before the latest backup, does
// not tell the whole renewal: the summary offers a new one.
func TestSummaryKnowsAnOutdatedReceipt(t *testing.T) {
	p := New(t0)
	p.Done["welcome"] = t0.Add(time.Hour)
	receiptAt := t0.Add(2 * time.Hour)
	for _, c := range []struct {
		name string
		f    Facts
		done map[string]time.Time
		want bool
	}{
		{"after everything", Facts{Receipts: []register.Receipt{{Path: "/a.pdf", At: receiptAt}}}, nil, false},
		{"a step done later", Facts{Receipts: []register.Receipt{{Path: "/a.pdf", At: receiptAt}}}, map[string]time.Time{"close": receiptAt.Add(time.Minute)}, true},
		{"a step done at the same time", Facts{Receipts: []register.Receipt{{Path: "/a.pdf", At: receiptAt}}}, map[string]time.Time{"close": receiptAt}, false},
		{"DPG recorded later", Facts{Receipts: []register.Receipt{{Path: "/a.pdf", At: receiptAt}}, DPGInstalledAt: receiptAt.Add(time.Hour)}, nil, true},
		{"a backup later", Facts{Receipts: []register.Receipt{{Path: "/a.pdf", At: receiptAt}}, BackedUpAt: receiptAt.Add(time.Hour)}, nil, true},
		{"a later receipt is the newest", Facts{Receipts: []register.Receipt{{Path: "/a.pdf", At: receiptAt}, {Path: "/b.pdf", At: receiptAt.Add(2 * time.Hour)}}, DPGInstalledAt: receiptAt.Add(time.Hour)}, nil, false},
		{"no receipt", Facts{DPGInstalledAt: receiptAt.Add(time.Hour)}, nil, false},
		// The summary's own Done, pressed after the receipt it offers,
		// changes nothing the receipt tells (W11).
		{"the summary done later", Facts{Receipts: []register.Receipt{{Path: "/a.pdf", At: receiptAt}}}, map[string]time.Time{Steps[len(Steps)-1].ID: receiptAt.Add(time.Minute)}, false},
	} {
		q := p.Clone()
		for id, at := range c.done {
			q.Done[id] = at
		}
		s := Summarize(&q, c.f)
		if s.ReceiptOutdated != c.want {
			t.Errorf("%s: outdated %v, want %v", c.name, s.ReceiptOutdated, c.want)
		}
		if n := len(c.f.Receipts); n > 0 && (s.Receipt != c.f.Receipts[n-1].Path || !s.ReceiptAt.Equal(c.f.Receipts[n-1].At)) {
			t.Errorf("%s: the newest receipt is %q at %v", c.name, s.Receipt, s.ReceiptAt)
		}
	}
}

// A step ahead of the guide: the file checked while the password card
// waits for its password; not once the password is saved or kept safely
// elsewhere, nor on another card.
func TestFileAhead(t *testing.T) {
	for _, c := range []struct {
		name string
		at   string
		f    Facts
		want bool
	}{
		{"the file first", "password", Facts{FileChecked: true}, true},
		{"the file first, kept nowhere yet", "password", Facts{FileChecked: true, Kept: register.KeptNowhere}, true},
		{"saved wrong: not ahead, wrong", "password", Facts{FileChecked: true, WrongPasswordID: "pending:x"}, false},
		{"saved, not yet tried: not ahead", "password", Facts{FileChecked: true, UntriedPasswordID: "pending:x"}, false},
		{"no file yet", "password", Facts{}, false},
		{"the password saved", "password", Facts{FileChecked: true, PasswordSaved: true}, false},
		{"kept safely elsewhere", "password", Facts{FileChecked: true, StoredElsewhere: true}, false},
		{"on the download card", "download", Facts{FileChecked: true}, false},
		{"before the password card", "terms", Facts{FileChecked: true}, false},
	} {
		p := New(t0)
		p.Current = c.at
		if got := p.FileAhead(c.f); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

// V11: once the file is known, the password saved before it that was tried
// on it and did not open it (still pending: an opening one is moved onto
// the certificate) is the wrong one, flagged whether or not the right one
// is saved beside it; one never tried (the store did not give it) is not
// called wrong, only untried (review R3);
// the card says "saved wrong" only while no saved password opens the file.
func TestSavedWrong(t *testing.T) {
	p := New(t0)
	pending := vault.PendingID(p.RenewalID)
	cert := vault.CertificateID(fpNew)
	for _, c := range []struct {
		name      string
		file      string
		entries   []vault.Entry
		wrongID   string
		wrong     bool
		wantSaved bool
		untried   string
	}{
		{"before the file: the pending one is the password", "", []vault.Entry{{ID: pending}}, "", false, true, ""},
		{"the file known, only the pending one, found wrong", fpNew, []vault.Entry{{ID: pending, DoesNotOpen: fpNew}}, pending, true, false, ""},
		{"the file known, only the pending one, never tried", fpNew, []vault.Entry{{ID: pending}}, "", false, false, pending},
		{"the pending one found wrong on another file", fpNew, []vault.Entry{{ID: pending, DoesNotOpen: strings.Repeat("b2", 32)}}, "", false, false, pending},
		{"the right one saved beside the wrong one", fpNew, []vault.Entry{{ID: pending, DoesNotOpen: fpNew}, {ID: cert}}, pending, false, true, ""},
		{"the right one saved beside one never tried", fpNew, []vault.Entry{{ID: pending}, {ID: cert}}, "", false, true, pending},
		{"only the right one", fpNew, []vault.Entry{{ID: cert}}, "", false, true, ""},
		{"another renewal's pending", fpNew, []vault.Entry{{ID: vault.PendingID("other")}}, "", false, false, ""},
	} {
		p.FileSHA256 = c.file
		f := FactsOf(&p, nil, Passwords{Known: true, Entries: c.entries})
		if f.WrongPasswordID != c.wrongID || f.SavedWrong() != c.wrong || f.PasswordSaved != c.wantSaved || f.UntriedPasswordID != c.untried {
			t.Errorf("%s: wrong %q (%v), saved %v, untried %q; want %q (%v), %v, %q", c.name, f.WrongPasswordID, f.SavedWrong(), f.PasswordSaved, f.UntriedPasswordID, c.wrongID, c.wrong, c.wantSaved, c.untried)
		}
	}
}

// A progress file of exactly the largest size is read; one byte more is
// too large, and says so.
func TestLoadBoundsTheFileSize(t *testing.T) {
	dir := t.TempDir()
	head := `{"renewal_id":"r1","current":"login","pad":"`
	exact := head + strings.Repeat("a", maxProgressSize-len(head)-2) + `"}`
	path := filepath.Join(dir, "exact.json")
	if err := os.WriteFile(path, []byte(exact), 0o600); err != nil {
		t.Fatal(err)
	}
	if p, err := Load(path, t0); err != nil || p.RenewalID != "r1" {
		t.Errorf("a file of exactly %d bytes: %v", maxProgressSize, err)
	}
	over := filepath.Join(dir, "over.json")
	if err := os.WriteFile(over, []byte(exact+" "), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(over, t0); err == nil || !strings.Contains(err.Error(), "too large") {
		t.Errorf("a file one byte over: %v", err)
	}
}

// Loading keeps the user on the first card when that is where they are,
// though it is done; a clone keeps what is done, and shares none of it.
func TestLoadAndCloneKeepThePosition(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	data := `{"renewal_id":"r1","current":"welcome","done":{"welcome":"2026-01-01T00:00:00Z"}}`
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	p, err := Load(path, t0)
	if err != nil || p.Current != "welcome" {
		t.Fatalf("at %q, %v", p.Current, err)
	}
	c := p.Clone()
	if !c.IsDone("welcome") {
		t.Error("the clone forgot a done step")
	}
	c.Done["login"] = t0
	if p.IsDone("login") {
		t.Error("the clone shares its steps")
	}
	var empty Progress
	if empty.Clone().Done == nil {
		t.Error("a clone of an empty progress has no map of done steps")
	}
}

// The answer to "Is this the file you just downloaded?" is kept by
// fingerprint, in any case, once each.
func TestAnswerIsKeptByFingerprint(t *testing.T) {
	p := New(t0)
	if _, answered := p.Answer(fpNew); answered {
		t.Fatal("answered before asked")
	}
	p.SetAnswer(strings.ToUpper(fpNew), true)
	p.SetAnswer(fpOther, false)
	if yes, answered := p.Answer(fpNew); !yes || !answered {
		t.Error("the yes was not kept")
	}
	if yes, answered := p.Answer(strings.ToUpper(fpOther)); yes || !answered {
		t.Error("the no was not kept")
	}
	p.SetAnswer(fpNew, false)
	if yes, _ := p.Answer(fpNew); yes || len(p.Answers) != 2 {
		t.Errorf("answered again: %v", p.Answers)
	}
}

// The name given on the latest receipt that named one is the one the DPG
// card offers for the installation (card 19 left it to be typed again).
func TestNamedBy(t *testing.T) {
	cases := []struct {
		name     string
		receipts []register.Receipt
		want     string
	}{
		{"no receipt", nil, ""},
		{"a receipt without a name", []register.Receipt{{Path: "/a.pdf"}}, ""},
		{"the latest name", []register.Receipt{{Path: "/a.pdf", By: "Anne"}, {Path: "/b.pdf", By: "Mette Prøvesen"}}, "Mette Prøvesen"},
		{"a later receipt without one", []register.Receipt{{Path: "/a.pdf", By: "Anne"}, {Path: "/b.pdf"}}, "Anne"},
	}
	for _, c := range cases {
		if got := (Facts{Receipts: c.receipts}).NamedBy(); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

func TestPasswordsHeld(t *testing.T) {
	sha, other := strings.Repeat("ab", 32), strings.Repeat("cd", 32)
	if (Passwords{Entries: []vault.Entry{{ID: vault.CertificateID(sha)}}}).Held() != nil {
		t.Error("a list never read says what it holds")
	}
	for _, tc := range []struct {
		what    string
		entries []vault.Entry
		sha     string
		want    bool
	}{
		{"its entry", []vault.Entry{{ID: vault.CertificateID(sha)}}, sha, true},
		{"its entry, the fingerprint in capitals", []vault.Entry{{ID: vault.CertificateID(sha)}}, strings.ToUpper(sha), true},
		{"a second entry of its own, the first deleted", []vault.Entry{{ID: vault.CertificateID(sha) + "/2"}}, sha, true},
		{"another certificate's", []vault.Entry{{ID: vault.CertificateID(other)}}, sha, false},
		{"a renewal's pending entry", []vault.Entry{{ID: vault.PendingID("r1")}}, sha, false},
		{"an empty store", nil, sha, false},
	} {
		if got := (Passwords{Entries: tc.entries, Known: true}).Held()(tc.sha); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.what, got, tc.want)
		}
	}
}

// The step the guide stands on is never "passed", even one whose rules
// all hold: only a step the guide has gone beyond without doing it is.
func TestPassedIsNeverTheCurrentStep(t *testing.T) {
	free := -1 // a step after the first with no task: no rule of its own
	for i, s := range Steps {
		if i > 0 && s.Task == "" {
			free = i
			break
		}
	}
	if free < 0 {
		t.Fatal("no step without a task")
	}
	p := New(t0)
	p.Current = Steps[free].ID
	if p.Passed(p.Current, Facts{}) {
		t.Errorf("the current step %s is called passed", p.Current)
	}
	if !p.Passed(Steps[0].ID, Facts{}) {
		t.Errorf("step %s, gone beyond and not done, is not called passed", Steps[0].ID)
	}
}

// Z9: the password card, the file come first, points to the Check tab
// only while the Check tab holds the password typed there (after a
// restart it is gone).
func TestTheFileAheadPointsToTheCheckTabOnlyWhileItHoldsThePassword(t *testing.T) {
	if got := (Facts{CheckHolds: true}).AheadText(); got != "guide.password.ahead.text" {
		t.Errorf("held: %s", got)
	}
	if got := (Facts{}).AheadText(); got != "guide.password.ahead.text_alone" {
		t.Errorf("not held: %s", got)
	}
}

// A backup put off on the download card ("I will make the backup later")
// is an outstanding step, not a done one (Z17): the download step is not
// done, the guide not finished, and the summary leads with the backup, the
// receipt after it; once the backup is made, the step is done again and
// the receipt leads.
func TestAPutOffBackupIsOutstanding(t *testing.T) {
	p := New(t0)
	for _, s := range Steps {
		p.Done[s.ID] = t0.Add(time.Hour)
	}
	p.Current = Steps[len(Steps)-1].ID
	p.SetFileChecked("ab12", t0)
	p.SetPasswordKept(register.KeptWritten, "")
	p.SetBackupLater(true)
	c := &register.Certificate{SHA256: "ab12", DPG: &register.DPG{At: t0.Add(time.Hour), By: "Anne"}}
	f := FactsOf(&p, c, Passwords{})
	download := Steps[TaskIndex(TaskDownload)].ID
	if !p.PutOff(download, f) {
		t.Error("the backup put off is not put off")
	}
	if _, done := p.StepDone(download, f); done {
		t.Error("the download step is done with its backup put off")
	}
	if p.Finished(f) {
		t.Error("the renewal is finished with its backup put off")
	}
	if p.Passed(download, f) {
		t.Error("the download card is passed (jumped over, nothing left undone) with its backup put off (review R3)")
	}
	if err := p.CanComplete(Steps[TaskIndex(TaskDownload)], f); err != nil {
		t.Errorf("the put-off backup no longer lets the guide go on: %v", err)
	}
	if !p.CanGoTo(Steps[len(Steps)-1].ID, f) {
		t.Error("the summary cannot be reached with the backup put off")
	}
	if s := Summarize(&p, f); s.Lead != LeadBackup {
		t.Errorf("the summary leads with %q, want the backup", s.Lead)
	}

	// Not put off (the summary reached from the stepper before the
	// download card asked): the receipt leads, as before.
	p.SetBackupLater(false)
	if s := Summarize(&p, f); s.Lead != LeadReceipt || p.PutOff(download, f) {
		t.Errorf("no backup, not put off: the summary leads with %q", s.Lead)
	}
	p.SetBackupLater(true)

	c.Backups = []register.FileRef{{Path: "/media/usb/a.p12", VerifiedAt: t0.Add(2 * time.Hour)}}
	f = FactsOf(&p, c, Passwords{})
	if p.PutOff(download, f) {
		t.Error("the backup made is still put off")
	}
	if _, done := p.StepDone(download, f); !done {
		t.Error("the download step is not done once backed up")
	}
	if s := Summarize(&p, f); s.Lead != LeadReceipt {
		t.Errorf("backed up, no receipt: the summary leads with %q, want the receipt", s.Lead)
	}
	c.Receipts = []register.Receipt{{Path: "/a.pdf", At: t0.Add(3 * time.Hour)}}
	f = FactsOf(&p, c, Passwords{})
	if s := Summarize(&p, f); s.Lead != LeadNone {
		t.Errorf("everything made: the summary leads with %q", s.Lead)
	}
	if !p.Finished(f) {
		t.Error("everything done, yet not finished")
	}
	if s := Summarize(&p, Facts{}); s.Lead != LeadNone {
		t.Errorf("without the file: the summary leads with %q", s.Lead)
	}
}

// Y16: the receipt is offered on a card only when nothing it records can
// still change by the guide going on: not on the download card once
// backed up, nor on the DPG card once installed, while cards before the
// summary are left; on the summary, and on a card looked at again once
// every card before the summary is done.
func TestTheReceiptIsOfferedWhenTheGuideCannotOutdateIt(t *testing.T) {
	c := &register.Certificate{SHA256: "ab12", Backups: []register.FileRef{{Path: "/media/usb/a.p12", VerifiedAt: t0}}}
	p := New(t0)
	p.SetFileChecked("ab12", t0)
	p.SetPasswordKept(register.KeptWritten, "")
	for _, s := range Steps[:TaskIndex(TaskDownload)] {
		p.Done[s.ID] = t0
	}
	p.Current = "download"
	if f := FactsOf(&p, c, Passwords{}); p.OffersReceipt(f) {
		t.Error("the download card, backed up, offers the receipt with the DPG cards ahead")
	}
	for _, s := range Steps[TaskIndex(TaskDownload):Index("dpg-verify")] {
		p.Done[s.ID] = t0
	}
	c.DPG = &register.DPG{At: t0, By: "Anne"}
	p.Current = "dpg-verify"
	if f := FactsOf(&p, c, Passwords{}); p.OffersReceipt(f) {
		t.Error("the DPG card offers the receipt with the switch-over card ahead")
	}
	p.Current = "summary"
	if f := FactsOf(&p, c, Passwords{}); !p.OffersReceipt(f) {
		t.Error("the summary does not offer the receipt")
	}
	p.Done["dpg-verify"], p.Done["switch"] = t0, t0
	p.Current = "download"
	if f := FactsOf(&p, c, Passwords{}); !p.OffersReceipt(f) {
		t.Error("every card done, the download card looked at again does not offer the receipt")
	}
	q := New(t0)
	if q.Current = "summary"; q.OffersReceipt(FactsOf(&q, nil, Passwords{})) {
		t.Error("a receipt offered without the renewal's file")
	}
}
