package renewal

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zalando/go-keyring"
	"software.sslmate.com/src/go-pkcs12"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/testpki"
	"github.com/fornyer/fornyer/core/vault"
)

// V11: the renewal's password saved on the password card does not open
// its file (a typo), and the right one was typed on the Check tab. The
// answer offers that one in the wrong one's place, in one action, once the
// file is the renewal's; the guide then waits for it on the Check tab.
func TestAnswerReplacesTheWrongPassword(t *testing.T) {
	sha := strings.Repeat("b2", 32)
	p := atDownload()
	pending := vault.PendingID(p.RenewalID)
	withPending := guide.Passwords{Known: true, Entries: []vault.Entry{{ID: pending}}}
	old := known("a1", "01", started.AddDate(0, 1, 0), started.AddDate(-2, 0, 0))
	newer := known("d4", "09", started.AddDate(3, 1, 0), started.Add(-time.Hour))
	asked := atDownload() // no predecessor known: the question first
	asked.RenewalID = p.RenewalID
	yes := atDownload()
	yes.RenewalID = p.RenewalID
	yes.SetAnswer(sha, true)
	taken := guide.New(started)
	taken.RenewalID, taken.Current = p.RenewalID, "backup"
	taken.SetFileChecked(sha, started)
	cases := []struct {
		name      string
		p         *guide.Progress
		known     []register.Certificate
		tries     Tries
		pw        guide.Passwords
		saved     bool
		replace   bool
		goToGuide bool
	}{
		{"the renewal's file, typed, the wrong one saved", p, []register.Certificate{old}, TryTyped("right"), withPending, false, true, false},
		{"after yes", yes, nil, TryTyped("right"), withPending, false, true, false},
		{"the renewal's file checked again later", &taken, []register.Certificate{old}, TryTyped("right"), withPending, false, true, false},
		{"not yet the renewal's: asked first", asked, nil, TryTyped("right"), withPending, false, false, false},
		{"no pending saved", p, []register.Certificate{old}, TryTyped("right"), guide.Passwords{Known: true}, false, false, true},
		{"the list not read", p, []register.Certificate{old}, TryTyped("right"), guide.Passwords{}, false, false, true},
		{"saved since", p, []register.Certificate{old}, TryTyped("right"), withPending, true, false, true},
		{"opened by the pending one", p, []register.Certificate{old}, TrySaved([]vault.Candidate{{ID: pending, Password: "right"}}), withPending, false, false, true},
		{"an older certificate", p, []register.Certificate{old, newer}, TryTyped("right"), withPending, false, false, false},
		{"another renewal's pending", p, []register.Certificate{old}, TryTyped("right"), guide.Passwords{Known: true, Entries: []vault.Entry{{ID: vault.PendingID("other")}}}, false, false, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := AnswerFor(Input{Report: opened(checked("b2", "02", started), 0), Tries: c.tries, Known: c.known, Progress: c.p, Passwords: c.pw, PasswordSaved: c.saved})
			if got := a.Replaces != ""; got != c.replace || a.Offers(ActionReplacePassword) != c.replace || (a.WrongSaved != nil) != c.replace {
				t.Errorf("replaces %q, offers %v, line %v; want %v", a.Replaces, a.Actions, a.WrongSaved, c.replace)
			}
			if c.replace && (a.Replaces != pending || a.Offers(ActionSavePassword) || a.WrongSaved.TitleKey != "renewal.wrong_saved.title") {
				t.Errorf("replace: %q, %v, %+v", a.Replaces, a.Actions, a.WrongSaved)
			}
			if a.GoToGuide != c.goToGuide {
				t.Errorf("go to the guide %v, want %v (advance %v)", a.GoToGuide, c.goToGuide, a.Advance)
			}
		})
	}
}

// The replacement is one action: the right password saved under the
// certificate, the wrong pending one removed; a certificate's own entry is
// never removed this way.
func TestReplacePassword(t *testing.T) {
	f := newFlow(t)
	ctx := context.Background()
	r := checked("b2", "02", started)
	if err := f.Register.Upsert(Entry(Check{Path: "/dl/x.p12", Report: r}, started)); err != nil {
		t.Fatal(err)
	}
	pending := vault.PendingID("r1")
	if err := f.Vault.Save(ctx, pending, "renewal", "typo"); err != nil {
		t.Fatal(err)
	}
	if err := f.ReplacePassword(ctx, r.Certificate, "right", pending); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Vault.Get(ctx, pending); !errors.Is(err, vault.ErrNotFound) {
		t.Errorf("the wrong one stays: %v", err)
	}
	if got, err := f.Vault.Get(ctx, vault.CertificateID(r.Certificate.SHA256)); err != nil || got != "right" {
		t.Errorf("the right one: %q, %v", got, err)
	}
	if got, _ := f.Register.Get(r.Certificate.SHA256); !got.PasswordSaved {
		t.Error("the register was not told")
	}
	// Never a certificate's own entry.
	if err := f.RemoveWrong(ctx, vault.CertificateID(r.Certificate.SHA256)); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Vault.Get(ctx, vault.CertificateID(r.Certificate.SHA256)); err != nil {
		t.Errorf("a certificate's entry was removed: %v", err)
	}
	if err := f.RemoveWrong(ctx, pending); err != nil {
		t.Errorf("gone already: %v", err)
	}
}

// Once the file is known, the password card saves only a password that
// opens it: a typo is refused and nothing changes; the right one is saved
// under the certificate in the wrong one's place. A file no longer there
// cannot tell: the password is kept.
func TestSaveForFile(t *testing.T) {
	f := newFlow(t)
	ctx := context.Background()
	chain := testpki.NewChain(t, false)
	leaf := chain.Organization(t)
	path := testpki.WriteFile(t, "Firma.p12", testpki.PFX(t, pkcs12.Modern, leaf, chain.CACerts(), "Rp7k-æøQx9m!Zt2W"))
	sum := sha256.Sum256(leaf.Cert.Raw)
	sha := hex.EncodeToString(sum[:])
	c := register.Certificate{SHA256: sha, Organization: "Firma ApS", NotAfter: leaf.Cert.NotAfter, File: &register.FileRef{Path: path}}
	pending := vault.PendingID("r1")
	if err := f.Vault.Save(ctx, pending, "renewal", "Rp7k-æQx9m!Zt2w"); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveForFile(ctx, c, "Rp7k-æQx9m!Zt2w", pending); !errors.Is(err, ErrDoesNotOpen) {
		t.Fatalf("a typo: %v", err)
	}
	entries, _ := f.Vault.List(ctx)
	if len(entries) != 1 || entries[0].ID != pending {
		t.Errorf("a refused password changed the store: %+v", entries)
	}
	if err := f.SaveForFile(ctx, c, "Rp7k-æøQx9m!Zt2W", pending); err != nil {
		t.Fatal(err)
	}
	entries, _ = f.Vault.List(ctx)
	ids := []string{}
	for _, e := range entries {
		ids = append(ids, e.ID)
	}
	if !slices.Equal(ids, []string{vault.CertificateID(sha)}) {
		t.Errorf("entries %v, want only the certificate's", ids)
	}
	gone := c
	gone.File = &register.FileRef{Path: path + ".moved"}
	if err := f.SaveForFile(ctx, gone, "anything", ""); err != nil {
		t.Errorf("a file no longer there: %v", err)
	}
}

// The keyring locked while the renewed file is checked: the saved
// passwords cannot be read, the user types the right one, and the guide
// takes the file. The pending password saved before was never tried on
// it; it opens the file, so recording the check moves it onto the
// certificate, and nothing later calls it wrong. One that does not open
// the file stays, and is the wrong one.
func TestRecordTriesThePendingPasswordNotTried(t *testing.T) {
	const right = "Rp7k-æøQx9m!Zt2W"
	chain := testpki.NewChain(t, false)
	leaf := chain.Organization(t)
	path := testpki.WriteFile(t, "Firma.p12", testpki.PFX(t, pkcs12.Modern, leaf, chain.CACerts(), right))
	sum := sha256.Sum256(leaf.Cert.Raw)
	sha := hex.EncodeToString(sum[:])
	for _, c := range []struct {
		name, saved string
		wrong       bool
	}{
		{"the pending password opens the file", right, false},
		{"a typo was saved", "Rp7k-æQx9m!Zt2w", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := newFlow(t)
			ctx := context.Background()
			p := atDownload()
			pending := vault.PendingID(p.RenewalID)
			if err := f.Vault.Save(ctx, pending, "renewal", c.saved); err != nil {
				t.Fatal(err)
			}
			p.SetAnswer(sha, true)                                          // "is this the file you just downloaded?" yes
			check := Check{Path: path, Report: checked(sha, "02", started)} // typed: OpenedBy ""
			o := Decide(p, f.Register.List(), check)
			if !o.Advance || o.MovePending != "" {
				t.Fatalf("%+v", o)
			}
			o.Apply(p, sha, started)
			if err := f.Record(ctx, check, o); err != nil {
				t.Fatal(err)
			}
			entries, err := f.Vault.List(ctx)
			if err != nil {
				t.Fatal(err)
			}
			st := State(p, f.Register, guide.Passwords{Entries: entries, Known: true})
			if wrong := st.WrongPasswordID == pending; wrong != c.wrong || st.PasswordSaved == c.wrong {
				t.Errorf("wrong %q, saved %v under %q", st.WrongPasswordID, st.PasswordSaved, st.PasswordID)
			}
			if got, _ := f.Register.Get(sha); got.PasswordSaved == c.wrong {
				t.Errorf("the register says saved %v", got.PasswordSaved)
			}
		})
	}
}

// W16: the file arrives on the download card and the password saved on
// the password card does not open it: the first thing said names that
// password (perhaps a typo), not "none of the saved passwords".
func TestTheFirstWordNamesThePasswordCardsPassword(t *testing.T) {
	p := atDownload()
	pending := vault.Candidate{ID: vault.PendingID(p.RenewalID), Password: "typo"}
	other := vault.Candidate{ID: vault.CertificateID(strings.Repeat("a1", 32)), Password: "old"}
	notWaiting := atDownload()
	notWaiting.Current = "welcome"
	for _, c := range []struct {
		name  string
		p     *guide.Progress
		tries Tries
		want  string
	}{
		{"the renewal's password tried", p, TrySaved([]vault.Candidate{pending, other}), "check.password.explain.pending"},
		{"only other passwords tried", p, TrySaved([]vault.Candidate{other}), "check.password.explain"},
		{"no guide", nil, TrySaved([]vault.Candidate{pending}), "check.password.explain"},
		{"the guide not waiting for a file", notWaiting, TrySaved([]vault.Candidate{pending}), "check.password.explain"},
		{"typed", p, TryTyped("x"), "check.password.wrong"},
		{"none saved", p, TrySaved(nil), "check.password.explain.none_saved"},
	} {
		a := AnswerFor(Input{Report: locked(), Tries: c.tries, Progress: c.p})
		if a.Headline.MessageKey != c.want {
			t.Errorf("%s: %s, want %s", c.name, a.Headline.MessageKey, c.want)
		}
		if c.want == "check.password.explain.pending" && !strings.Contains(a.Headline.Message, "12") {
			t.Errorf("%s: %q does not name the step", c.name, a.Headline.Message)
		}
	}
}

// Y17: the password card's password that does not open a file is called
// perhaps a typo only when the file is the renewal's, as far as its
// certificate read before the password tells. Another organisation's
// file, an older one, one the user said no to, one about to expire, get
// the plain prompt; a file whose certificate cannot be read before the
// password is told only what holds whoever's file it is.
func TestOnlyTheRenewalsFileIsToldOfATypo(t *testing.T) {
	p := atDownload()
	pending := vault.Candidate{ID: vault.PendingID(p.RenewalID), Password: "typo"}
	tries := TrySaved([]vault.Candidate{pending})
	old := known("a1", "01", started.AddDate(0, 1, 0), started.AddDate(-2, 0, 0))
	newer := known("d4", "09", started.AddDate(3, 1, 0), started.Add(-time.Hour))
	other := known("c3", "07", started.AddDate(1, 0, 0), started.AddDate(-1, 0, 0))
	other.Organization, other.CVR, other.UUID = "Anden A/S", "87654321", "99999999-2222-3333-4444-555555555555"
	lockedOf := func(sha, serial string, notBefore time.Time) *inspect.Report {
		r := checked(sha, serial, notBefore)
		r.KeyMatches, r.Certificate.Verified, r.PasswordIndex = false, false, -1
		return with(r, finding(inspect.CodeWrongPassword, nil))
	}
	unread := locked()
	unread.Certificate = nil
	declined := atDownload()
	declined.RenewalID = p.RenewalID
	declined.SetAnswer(strings.Repeat("b2", 32), false)
	taken := atDownload()
	taken.RenewalID = p.RenewalID
	taken.SetFileChecked(strings.Repeat("b2", 32), started)
	otherTaken := atDownload()
	otherTaken.RenewalID = p.RenewalID
	otherTaken.SetFileChecked(other.SHA256, started)
	expiring := lockedOf("b2", "02", started.AddDate(-3, 0, 20))
	expiring.Certificate.DaysLeft = 20
	expiring = with(expiring, finding(inspect.CodeExpiresSoon, nil))
	for _, c := range []struct {
		name  string
		p     *guide.Progress
		known []register.Certificate
		r     *inspect.Report
		want  string
	}{
		{"the renewal's renewed certificate", p, []register.Certificate{old}, lockedOf("b2", "02", started), "check.password.explain.pending"},
		{"no predecessor: asked about", p, nil, locked(), "check.password.explain.pending"},
		{"the renewal's file again", taken, []register.Certificate{old}, lockedOf("b2", "02", started), "check.password.explain.pending"},
		{"another organisation's file", p, []register.Certificate{other}, lockedOf("b2", "02", started), "check.password.explain"},
		{"another organisation's, the renewal's file known", otherTaken, []register.Certificate{other}, lockedOf("b2", "02", started), "check.password.explain"},
		{"an older certificate", p, []register.Certificate{old, newer}, lockedOf("b2", "02", started), "check.password.explain"},
		{"said no to", declined, nil, locked(), "check.password.explain"},
		{"about to expire", p, nil, expiring, "check.password.explain"},
		{"the certificate not read before the password", p, []register.Certificate{other}, unread, "check.password.explain.pending_unknown"},
	} {
		a := AnswerFor(Input{Report: c.r, Tries: tries, Known: c.known, Progress: c.p})
		if a.Headline.MessageKey != c.want {
			t.Errorf("%s: %s, want %s", c.name, a.Headline.MessageKey, c.want)
		}
		again := a.Again(Input{Known: c.known, Progress: c.p})
		if again.Headline.MessageKey != c.want {
			t.Errorf("%s, again: %s, want %s", c.name, again.Headline.MessageKey, c.want)
		}
	}
}

// W16, review R3: the password saved on the password card before anyone
// knew whose it was, and that does not open the renewal's file, is marked
// as not opening it and named for what it is once the file is recorded,
// not "pending:<hex>", nor the organisation's name alone (that is the
// right password's name).
func TestTheWrongPendingPasswordIsNamed(t *testing.T) {
	path, sha := firmaFile(t, "right")
	f := newFlow(t)
	ctx := context.Background()
	p := atDownload()
	pending := vault.PendingID(p.RenewalID)
	if err := f.Vault.Save(ctx, pending, "", "typo"); err != nil {
		t.Fatal(err)
	}
	p.SetAnswer(sha, true)
	a := AnswerFor(Input{Path: path, Report: opened(checked(sha, "02", started), 0), Tries: TryTyped("right"), Known: f.Register.List(), Progress: p})
	if !a.Advance || a.Outcome.TryPending != pending {
		t.Fatalf("outcome %+v", a.Outcome)
	}
	if err := f.Record(ctx, a.Check, a.Outcome); err != nil {
		t.Fatal(err)
	}
	list, _ := f.Vault.List(ctx)
	if len(list) != 1 || list[0].ID != pending || list[0].Label != "Firma ApS (saved on step 12, does not open the file)" || list[0].DoesNotOpen != sha {
		t.Errorf("the store lists %+v", list)
	}
	// No pending password: nothing to name, nothing fails.
	if err := f.Vault.Delete(ctx, pending); err != nil {
		t.Fatal(err)
	}
	if err := f.Record(ctx, a.Check, a.Outcome); err != nil {
		t.Errorf("without a pending password: %v", err)
	}
}

// firmaFile writes a .p12 of an organisation certificate under the
// password, and returns its path and the certificate's fingerprint.
func firmaFile(t *testing.T, password string) (path, sha string) {
	t.Helper()
	chain := testpki.NewChain(t, false)
	leaf := chain.Organization(t)
	path = testpki.WriteFile(t, "Firma.p12", testpki.PFX(t, pkcs12.Modern, leaf, chain.CACerts(), password))
	sum := sha256.Sum256(leaf.Cert.Raw)
	return path, hex.EncodeToString(sum[:])
}

// lockedStore is go-keyring's mock, but while locked every pending
// password is refused (a locked Secret Service collection) or, with hang,
// not answered (an unlock prompt no one answers) until release lets one
// more hung read end.
type lockedStore struct {
	hang, locked bool
	asked, freed int // hung reads begun, and let end
	mu           sync.Mutex
	cond         *sync.Cond
}

func newLockedStore(hang bool) *lockedStore {
	l := &lockedStore{hang: hang}
	l.cond = sync.NewCond(&l.mu)
	return l
}

func (l *lockedStore) Set(s, u, p string) error { return keyring.Set(s, u, p) }
func (l *lockedStore) Delete(s, u string) error { return keyring.Delete(s, u) }
func (l *lockedStore) Get(s, u string) (string, error) {
	l.mu.Lock()
	if !l.locked || !vault.IsPending(u) {
		l.mu.Unlock()
		return keyring.Get(s, u)
	}
	defer l.mu.Unlock()
	if !l.hang {
		return "", errors.New("org.freedesktop.Secret.Error.IsLocked: the collection is locked")
	}
	n := l.asked
	l.asked++
	for l.freed <= n {
		l.cond.Wait()
	}
	return "", errors.New("the unlock prompt was dismissed")
}

func (l *lockedStore) lock(locked bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.locked = locked
}

// release lets n more hung reads end (their callers gave up long ago).
func (l *lockedStore) release(n int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.freed += n
	l.cond.Broadcast()
}

// Review R3: the password saved on the password card is read from a store
// that refuses it (locked) or does not answer (hangs) when the renewal's
// file is recorded. It is not tried, so it is neither moved nor called
// wrong nor renamed: the renewal's facts say it is untried, the record
// says why. Once the store gives it, TryUntried tries it: the right one
// moves onto the certificate, a typo is then wrong.
func TestAPendingPasswordTheStoreDidNotGiveIsNotWrong(t *testing.T) {
	const right = "Rp7k-æøQx9m!Zt2W"
	path, sha := firmaFile(t, right)
	for _, c := range []struct {
		name, saved string
		hang        bool
		wrong       bool
	}{
		{"locked, the right one", right, false, false},
		{"locked, a typo", "Rp7k-æQx9m!Zt2w", false, true},
		{"hangs, the right one", right, true, false},
		{"hangs, a typo", "typo", true, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			keyring.MockInit()
			store := newLockedStore(c.hang)
			t.Cleanup(func() { store.release(1 << 20) })
			reg, err := register.Open(filepath.Join(t.TempDir(), "register.json"))
			if err != nil {
				t.Fatal(err)
			}
			events := make(chan string, 64)
			f := &Flow{Register: reg, Vault: vault.New(vault.WithBackend(store), vault.WithTimeout(200*time.Millisecond), vault.WithEvents(func(e string) { events <- e })), Now: func() time.Time { return started }}
			// release lets a hung read end and waits until its call, long
			// abandoned, has let go of the store.
			release := func() {
				store.release(1)
				if !c.hang {
					return
				}
				for e := range events {
					if e == "ended" {
						return
					}
				}
			}
			ctx := context.Background()
			p := atDownload()
			pending := vault.PendingID(p.RenewalID)
			if err := f.Vault.Save(ctx, pending, "", c.saved); err != nil {
				t.Fatal(err)
			}
			store.lock(true)
			p.SetAnswer(sha, true)
			a := AnswerFor(Input{Path: path, Report: opened(checked(sha, "02", started), 0), Tries: TryTyped(right), Known: reg.List(), Progress: p})
			a.Outcome.Apply(p, sha, started)
			err = f.Record(ctx, a.Check, a.Outcome)
			if want := map[bool]error{false: vault.ErrUnavailable, true: vault.ErrTimeout}[c.hang]; !errors.Is(err, want) {
				t.Errorf("the record says %v, want %v", err, want)
			}
			release() // a hung read ends: the store is free again
			state := func() guide.Facts {
				entries, err := f.Vault.List(ctx)
				if err != nil {
					t.Fatal(err)
				}
				return State(p, reg, guide.Passwords{Entries: entries, Known: true})
			}
			st := state()
			if st.WrongPasswordID != "" || st.SavedWrong() || st.UntriedPasswordID != pending {
				t.Fatalf("not tried, the facts say wrong %q, untried %q", st.WrongPasswordID, st.UntriedPasswordID)
			}
			if list, _ := f.Vault.List(ctx); len(list) != 1 || list[0].Label != "" || list[0].DoesNotOpen != "" {
				t.Errorf("not tried, the store lists %+v", list)
			}
			// Still locked: tried again, still not tried.
			if err := f.TryUntried(ctx, st, "en"); err == nil {
				t.Error("TryUntried with the store still locked says nothing")
			}
			release()
			if st := state(); st.UntriedPasswordID != pending {
				t.Fatalf("still locked, untried %q, wrong %q", st.UntriedPasswordID, st.WrongPasswordID)
			}
			store.lock(false)
			if err := f.TryUntried(ctx, state(), "en"); err != nil {
				t.Fatal(err)
			}
			st = state()
			if st.UntriedPasswordID != "" || (st.WrongPasswordID == pending) != c.wrong || st.PasswordSaved == c.wrong {
				t.Errorf("tried: wrong %q, untried %q, saved %v", st.WrongPasswordID, st.UntriedPasswordID, st.PasswordSaved)
			}
			if got, _ := reg.Get(sha); got.PasswordSaved == c.wrong {
				t.Errorf("the register says saved %v", got.PasswordSaved)
			}
		})
	}
}

// The Check tab's "Save the password in the wrong one's place"
// (Answer.Replaces): SaveAnswered saves the typed password under the
// certificate, removes the renewal's wrong pending one, and the answer as
// saved offers neither save again.
func TestSaveAnsweredReplacesTheWrongOne(t *testing.T) {
	f := newFlow(t)
	ctx := context.Background()
	p := atDownload()
	pending := vault.PendingID(p.RenewalID)
	if err := f.Vault.Save(ctx, pending, "", "typo"); err != nil {
		t.Fatal(err)
	}
	old := known("a1", "01", started.AddDate(0, 1, 0), started.AddDate(-2, 0, 0))
	a := AnswerFor(Input{Report: opened(checked("b2", "02", started), 0), Tries: TryTyped("right"), Known: []register.Certificate{old}, Progress: p,
		Passwords: guide.Passwords{Known: true, Entries: []vault.Entry{{ID: pending}}}})
	if a.Replaces != pending || !a.Offers(ActionReplacePassword) {
		t.Fatalf("the answer does not replace: %q, %v", a.Replaces, a.Actions)
	}
	saved, err := f.SaveAnswered(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := a.SavedAs(saved)
	if !s.PasswordSaved || s.Offers(ActionReplacePassword) || s.Offers(ActionSavePassword) || s.Check.OpenedBy != "" {
		t.Errorf("saved: %v, offers %v, opened by %q", s.PasswordSaved, s.Actions, s.Check.OpenedBy)
	}
	if got, err := f.Vault.Get(ctx, vault.CertificateID(a.Check.Report.Certificate.SHA256)); err != nil || got != "right" {
		t.Errorf("the certificate's password %q, %v", got, err)
	}
	if _, err := f.Vault.Get(ctx, pending); !errors.Is(err, vault.ErrNotFound) {
		t.Errorf("the wrong one stays: %v", err)
	}
}
