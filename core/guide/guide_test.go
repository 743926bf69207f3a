package guide

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/register"
)

var t0 = time.Date(2026, 5, 4, 9, 30, 0, 0, time.UTC)

// The guide covers the Timengo guide's ten numbered steps, in order, with
// the two VERY IMPORTANT moments on the password and the download.
func TestStepsFollowTheGuide(t *testing.T) {
	seen := map[string]bool{}
	number := 0
	veryImportant := map[Task]bool{}
	for i, s := range Steps {
		if s.ID == "" || seen[s.ID] {
			t.Errorf("step %d: empty or repeated id %q", i, s.ID)
		}
		seen[s.ID] = true
		if s.Number != 0 {
			if s.Number != number+1 || s.Phase != PhaseRenew {
				t.Errorf("step %s: number %d after %d (phase %s)", s.ID, s.Number, number, s.Phase)
			}
			number = s.Number
		}
		for _, w := range s.Warnings {
			if w.Level == LevelVeryImportant {
				veryImportant[s.Task] = true
			}
		}
	}
	if number != 10 {
		t.Errorf("the guide has 10 numbered steps, Steps has %d", number)
	}
	for _, task := range []Task{TaskPassword, TaskDownload} {
		if !veryImportant[task] {
			t.Errorf("the %s step has no VERY IMPORTANT warning", task)
		}
	}
	if Steps[0].Phase != PhasePrepare || Steps[len(Steps)-1].Task != TaskSummary {
		t.Error("the guide must start with preparation and end with the summary")
	}
	// The order that matters: the list of places is noted before the
	// portal, DPG comes after the download, the list comes back after DPG
	// is recorded, and the helpers sit where the portal asks for the file.
	order := func(task Task) int { return Index(stepWith(task).ID) }
	if !(order(TaskUsage) < order(TaskPassword) && order(TaskDownload) < order(TaskDPG) &&
		order(TaskDPG) < order(TaskSwitch) && order(TaskSwitch) < order(TaskSummary)) {
		t.Error("the tasks are out of order")
	}
	helpers := 0
	for _, s := range Steps {
		if len(s.Helpers) > 0 {
			helpers++
			if s.Phase != PhaseFinish {
				t.Errorf("%s offers the file and password outside DPG", s.ID)
			}
		}
	}
	if helpers == 0 {
		t.Error("no DPG step offers the file and the password")
	}
}

// Every DPG card offers Timengo's renewal guide with its video (U27): the
// catalogue had its words, no card showed it.
func TestDPGCardsOfferTimengosGuide(t *testing.T) {
	dpg := 0
	for _, s := range Steps {
		if !strings.HasPrefix(s.ID, "dpg-") {
			continue
		}
		dpg++
		found := false
		for _, l := range s.Links {
			found = found || (l.Key == "guide.link.timengo_guide" && l.URL == TimengoGuideURL)
		}
		if !found {
			t.Errorf("%s does not offer Timengo's guide: %+v", s.ID, s.Links)
		}
	}
	if dpg == 0 {
		t.Fatal("no DPG cards")
	}
}

// Every key a step names exists in both languages.
func TestEveryStepTextExists(t *testing.T) {
	for _, lang := range msg.Languages {
		texts := msg.Catalogue(lang)
		for _, s := range Steps {
			keys := []string{s.Title, s.Text, s.DoneKey()}
			for _, w := range s.Warnings {
				keys = append(keys, w.Key)
			}
			for _, l := range s.Links {
				keys = append(keys, l.Key)
				if !strings.HasPrefix(l.URL, "https://") {
					t.Errorf("%s: link %q is not https", s.ID, l.URL)
				}
			}
			if s.Aside != nil {
				keys = append(keys, s.Aside.Title, s.Aside.Text)
			}
			for _, k := range keys {
				if texts[k] == "" {
					t.Errorf("%s: %s has no %q", s.ID, lang, k)
				}
			}
		}
		for _, place := range append(Places, PlaceOther) {
			if texts[place.Key()] == "" || texts[place.NoteKey()] == "" {
				t.Errorf("%s has no %q or %q", lang, place.Key(), place.NoteKey())
			}
		}
		for _, code := range []string{TodoFileNotChecked, TodoPasswordNotSaved, TodoPasswordOneCopy, TodoNoBackup, TodoBackupSameDisk, TodoNoReceipt, TodoDPGNotInstalled, TodoNotSwitched} {
			if texts["guide.todo."+code] == "" {
				t.Errorf("%s has no text for the todo %s", lang, code)
			}
		}
		for _, e := range []*Error{ErrPasswordNotSaved, ErrFileNotChecked, ErrFileQuestion, ErrDPGNotInstalled, ErrUnknownStep} {
			if texts[e.Key] == "" {
				t.Errorf("%s has no %q", lang, e.Key)
			}
		}
	}
}

// The button past a card says what pressing it means: "Next" on the cards
// that prepare, where nothing is carried out yet (U20: "Udført" on "Før du
// begynder" read as if something had been done), "Done" where the user
// did what the card asked.
func TestDoneKey(t *testing.T) {
	cases := []struct {
		id, key string
	}{
		{"welcome", "guide.next"},
		{"prepare-mitid", "guide.next"},
		{"prepare-usage", "guide.next"},
		{"prepare-dpg", "guide.next"},
		{"login", "guide.done"},
		{"password", "guide.done"},
		{"dpg-verify", "guide.done"},
		{"summary", "guide.done"},
	}
	for _, c := range cases {
		s, ok := ByID(c.id)
		if !ok || s.DoneKey() != c.key {
			t.Errorf("%s: %q, want %q", c.id, s.DoneKey(), c.key)
		}
	}
	if da := msg.T("da", "guide.next", nil); da != "Næste" {
		t.Errorf("Danish Next: %q", da)
	}
}

func stepWith(task Task) Step {
	for _, s := range Steps {
		if s.Task == task {
			return s
		}
	}
	panic("no step with task " + string(task))
}

func TestPasswordRule(t *testing.T) {
	s := stepWith(TaskPassword)
	for _, c := range []struct {
		saved, elsewhere bool
		want             error
	}{
		{false, false, ErrPasswordNotSaved},
		{true, false, nil},
		{false, true, nil},
		{true, true, nil},
	} {
		p := New(t0)
		f := Facts{PasswordSaved: c.saved, StoredElsewhere: c.elsewhere}
		if err := p.CanComplete(s, f); err != c.want {
			t.Errorf("saved=%v elsewhere=%v: got %v, want %v", c.saved, c.elsewhere, err, c.want)
		}
	}
}

func TestDownloadRule(t *testing.T) {
	s := stepWith(TaskDownload)
	p := New(t0)
	f := func() Facts { return FactsOf(&p, nil, Passwords{}) }
	if err := p.CanComplete(s, f()); err != ErrFileNotChecked {
		t.Fatalf("unchecked file: %v", err)
	}
	// Checked on the Check tab, its question not answered: one answer
	// from done, and said so, not "check it first" (X2).
	asked := f()
	asked.Asked = "Fornyet certifikat.p12"
	if err := p.CanComplete(s, asked); err != ErrFileQuestion {
		t.Fatalf("question open: %v, want %v", err, ErrFileQuestion)
	}
	if _, done := p.StepDone(s.ID, asked); done {
		t.Error("the download step is done while its question is open")
	}
	// Z13: the skip is not offered beside the open question, and one
	// ticked before does not pass it.
	if p.OffersSkip(asked) || !p.OffersSkip(f()) {
		t.Errorf("skip offered with a question open %v, without %v", p.OffersSkip(asked), p.OffersSkip(f()))
	}
	p.SetFileSkipped(true)
	if err := p.CanComplete(s, asked); err != ErrFileQuestion {
		t.Fatalf("skipped, a question open: %v, want %v", err, ErrFileQuestion)
	}
	if err := p.CanComplete(s, f()); err != nil {
		t.Fatalf("skipped: %v", err)
	}
	p.SetFileSkipped(false)
	if _, done := p.StepDone(s.ID, f()); done {
		t.Error("the download step is done before its file was checked")
	}
	at := t0.Add(42 * time.Minute)
	p.SetFileChecked("ABCDEF", at)
	if err := p.CanComplete(s, f()); err != ErrNoBackup || p.FileSHA256 != "abcdef" || p.FileSkipped {
		t.Fatalf("checked, not backed up: %v %+v", err, p)
	}
	// The file cannot be downloaded again: backed up, or "later" by choice.
	p.SetBackupLater(true)
	if err := p.CanComplete(s, f()); err != nil {
		t.Fatalf("backup later: %v", err)
	}
	p.SetBackupLater(false)
	backedUp := FactsOf(&p, &register.Certificate{SHA256: "abcdef", Backups: []register.FileRef{{Path: "/usb/a.p12", VerifiedAt: at}}}, Passwords{})
	if err := p.CanComplete(s, backedUp); err != nil {
		t.Fatalf("backed up: %v", err)
	}
	// Checked is done, for a receipt made on the card, before Done is pressed.
	if got, done := p.StepDone(s.ID, f()); !done || !got.Equal(at) {
		t.Errorf("the checked download step was done at %v (%v), want %v", got, done, at)
	}
	if _, done := p.StepDone(stepWith(TaskPassword).ID, f()); done {
		t.Error("checking the file marked the password step done")
	}
}

func TestDPGRule(t *testing.T) {
	s := stepWith(TaskDPG)
	p := New(t0)
	if err := p.CanComplete(s, Facts{}); err != ErrDPGNotInstalled {
		t.Fatalf("not installed: %v", err)
	}
	if err := p.CanComplete(s, Facts{DPGInstalledAt: t0, DPGInstalledBy: "Anne Jensen"}); err != nil {
		t.Fatalf("installed: %v", err)
	}
}

// X22: DPG's cards before the one that records the installation are done
// once it is recorded, wherever (the Check tab, My certificates): their
// dots are ticked, their warning that the mail may stop is gone, and they
// go on past the DPG card. Without the record they stand as before.
func TestTheDPGCardsAreDoneWhenTheInstallationIsRecorded(t *testing.T) {
	p := New(t0)
	installed := Facts{DPGInstalledAt: t0.Add(time.Hour), DPGInstalledBy: "Anna Berg"}
	within := 0
	for _, s := range Steps {
		if s.Within != TaskDPG {
			continue
		}
		within++
		if Index(s.ID) >= TaskIndex(TaskDPG) {
			t.Errorf("%s is within DPG but after its card", s.ID)
		}
		if _, done := p.StepDone(s.ID, Facts{}); done || s.Settled(Facts{}) {
			t.Errorf("%s: done without the installation", s.ID)
		}
		if at, done := p.StepDone(s.ID, installed); !done || !at.Equal(installed.DPGInstalledAt) || !s.Settled(installed) {
			t.Errorf("%s: not done with the installation recorded (%v, %v)", s.ID, at, done)
		}
		if len(s.WarningsFor(installed)) != 0 || len(s.WarningsFor(Facts{})) != len(s.Warnings) {
			t.Errorf("%s: warnings %v", s.ID, s.WarningsFor(installed))
		}
	}
	if within != 4 {
		t.Errorf("%d cards within DPG, want login, list, install and activate", within)
	}
	if !slices.ContainsFunc(Steps, func(s Step) bool { return s.Within == TaskDPG && len(s.Warnings) > 0 }) {
		t.Error("no DPG card warns: the warning rule is not tested")
	}
	if got, want := PastTask(TaskDPG), Steps[TaskIndex(TaskDPG)+1].ID; got != want {
		t.Errorf("past DPG: %s, want %s", got, want)
	}
	if got := PastTask(TaskSummary); got != Steps[len(Steps)-1].ID {
		t.Errorf("past the last: %s", got)
	}
	// Another task's card is not settled by DPG.
	if s, _ := ByID(Steps[TaskIndex(TaskPassword)].ID); s.Settled(installed) {
		t.Error("the password card settled by DPG")
	}
}

// Walking the guide: Done stops at each rule until it is satisfied, and the
// last step stays current once everything is done.
func TestCompleteWalksTheGuide(t *testing.T) {
	p := New(t0)
	var f Facts
	var stops []string
	for i := 0; !p.Finished(f); i++ {
		if i > 3*len(Steps) {
			t.Fatal("the walk does not end")
		}
		err := p.Complete(t0.Add(time.Duration(i)*time.Minute), f)
		var e *Error
		switch {
		case err == nil:
		case errors.As(err, &e):
			stops = append(stops, e.Code)
			switch e {
			case ErrPasswordNotSaved:
				f.PasswordSaved = true
			case ErrFileNotChecked:
				f.FileChecked = true
			case ErrNoBackup:
				f.BackedUpAt = t0
			case ErrDPGNotInstalled:
				f.DPGInstalledAt = t0
			}
		default:
			t.Fatal(err)
		}
	}
	want := "password_not_saved file_not_checked no_backup dpg_not_installed"
	if got := strings.Join(stops, " "); got != want {
		t.Errorf("stops: %s, want %s", got, want)
	}
	if p.Current != Steps[len(Steps)-1].ID || len(p.Done) != len(Steps) {
		t.Errorf("after the walk: current %s, %d done", p.Current, len(p.Done))
	}
	// A fact that stops being true (the password deleted in Settings)
	// opens its card again, and the renewal is no longer finished.
	f.PasswordSaved = false
	if _, done := p.StepDone(stepWith(TaskPassword).ID, f); done || p.Finished(f) {
		t.Error("the password card stayed done without its password")
	}
}

func TestBackAndGoTo(t *testing.T) {
	p := New(t0)
	if p.Back() {
		t.Error("Back on the first step")
	}
	_ = p.Complete(t0, Facts{})
	_ = p.Complete(t0, Facts{})
	if err := p.GoTo(Steps[0].ID, Facts{}); err != nil || p.Current != Steps[0].ID {
		t.Errorf("GoTo done step: %v, at %s", err, p.Current)
	}
	if err := p.GoTo(Steps[2].ID, Facts{}); err != nil {
		t.Errorf("GoTo the first open step: %v", err)
	}
	if !p.Back() || p.Current != Steps[1].ID {
		t.Errorf("Back went to %s", p.Current)
	}
	if p.GoTo("nonsense", Facts{}) == nil {
		t.Error("GoTo an unknown step")
	}
}

// Withdrawing the choice to check the file later reopens the download
// step and those after it, so no later step stays done on a withdrawn
// choice.
func TestWithdrawingTheSkipReopens(t *testing.T) {
	p := New(t0)
	dl := Index(stepWith(TaskDownload).ID)
	f := Facts{PasswordSaved: true}
	p.SetFileSkipped(true)
	for p.Index() <= dl+1 {
		if err := p.Complete(t0, f); err != nil {
			t.Fatal(err)
		}
	}
	p.SetFileSkipped(false)
	if p.IsDone(Steps[dl].ID) || p.IsDone(Steps[dl+1].ID) || !p.IsDone(Steps[dl-1].ID) {
		t.Errorf("done after withdrawal: %v", p.Done)
	}
	if p.Current != Steps[dl].ID {
		t.Errorf("current %s, want the download step", p.Current)
	}
	// With the file checked, withdrawing the skip reopens nothing.
	p.SetFileSkipped(true)
	_ = p.Complete(t0, f)
	p.SetFileChecked("ab", t0)
	p.SetFileSkipped(false)
	if !p.IsDone(Steps[dl].ID) {
		t.Error("withdrawal reopened a step whose file was checked")
	}
}

func TestSaveAndLoad(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", FileName)
	p := New(t0)
	_ = p.Complete(t0.Add(time.Minute), Facts{})
	p.SetFileChecked("ab12", t0)
	if err := p.Save(path); err != nil {
		t.Fatal(err)
	}
	q, err := Load(path, t0.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if q.RenewalID != p.RenewalID || q.Current != p.Current || !q.StartedAt.Equal(p.StartedAt) ||
		!q.Done[Steps[0].ID].Equal(t0.Add(time.Minute)) || q.FileSHA256 != "ab12" {
		t.Errorf("loaded %+v, saved %+v", q, p)
	}
	data, _ := os.ReadFile(path)
	if strings.Contains(string(data), "password\"") {
		t.Errorf("progress file names a password: %s", data)
	}
}

func TestLoadMissingStartsNew(t *testing.T) {
	p, err := Load(filepath.Join(t.TempDir(), FileName), t0)
	if err != nil || p.RenewalID == "" || p.Current != Steps[0].ID || !p.StartedAt.Equal(t0) {
		t.Errorf("got %+v, %v", p, err)
	}
}

func TestLoadBadFiles(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{
		"empty":   "",
		"garbage": "\x00\x01not json",
		"no id":   `{"current":"login"}`,
		"huge":    `{"renewal_id":"` + strings.Repeat("a", maxProgressSize) + `"}`,
	} {
		path := filepath.Join(dir, strings.ReplaceAll(name, " ", "_"))
		if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
		p, err := Load(path, t0)
		if err == nil || p.RenewalID == "" || p.Current != Steps[0].ID {
			t.Errorf("%s: got %v, progress %q", name, err, p.Current)
		}
		// The damaged file is kept aside, whole, so that the next save
		// cannot destroy it.
		kept, _ := filepath.Glob(path + ".damaged-*")
		if len(kept) != 1 {
			t.Fatalf("%s: kept aside as %v", name, kept)
		}
		if got, _ := os.ReadFile(kept[0]); string(got) != data {
			t.Errorf("%s: the kept file differs", name)
		}
		if !strings.Contains(err.Error(), kept[0]) {
			t.Errorf("%s: the error does not say where it is kept: %v", name, err)
		}
		if err := p.Save(path); err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(kept[0]); string(got) != data {
			t.Errorf("%s: saving changed the kept file", name)
		}
	}
	p, err := Load(dir, t0) // a directory
	if err == nil || p.RenewalID == "" {
		t.Errorf("directory: %v", err)
	}
}

// A file from another version: unknown steps are dropped, an unknown current
// step falls back to the first step not done.
func TestLoadUnknownSteps(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	data := `{"renewal_id":"x","current":"gone","done":{"gone":"2026-01-01T00:00:00Z","` + Steps[0].ID + `":"2026-01-01T00:00:00Z"}}`
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	p, err := Load(path, t0)
	if err != nil {
		t.Fatal(err)
	}
	if p.Current != Steps[1].ID || len(p.Done) != 1 {
		t.Errorf("current %s, done %v", p.Current, p.Done)
	}
}

func TestNewRenewalHasFreshID(t *testing.T) {
	a, b := New(t0), New(t0)
	if a.RenewalID == b.RenewalID || len(a.RenewalID) != 32 {
		t.Errorf("ids %q %q", a.RenewalID, b.RenewalID)
	}
}

func TestTaskIndex(t *testing.T) {
	for _, task := range []Task{TaskPassword, TaskDownload, TaskDPG, TaskSwitch, TaskSummary} {
		if i := TaskIndex(task); i < 0 || Steps[i].Task != task || Index(stepWith(task).ID) != i {
			t.Errorf("%s at %d", task, i)
		}
	}
	if TaskIndex("made-up") != -1 || TaskIndex(TaskNone) != 0 {
		t.Error("TaskIndex of no task")
	}
}

// A backup on the original's disk is recorded, but the copy on a USB
// stick stays to do until a backup off that disk is made.
func TestSameDiskBackupLeavesTheStickToDo(t *testing.T) {
	codes := func(s Summary) (out []string) {
		for _, u := range s.Undone {
			out = append(out, u.Code)
		}
		return out
	}
	p := New(t0)
	same := register.FileRef{Path: "/home/anna/kopi/a.p12", SameDisk: true}
	s := Summarize(&p, Facts{Backups: []register.FileRef{same}})
	if got := codes(s); !slices.Contains(got, TodoBackupSameDisk) || slices.Contains(got, TodoNoBackup) {
		t.Errorf("same disk only: %v", got)
	}
	stick := register.FileRef{Path: "/media/anna/KINGSTON/a.p12", Drive: "KINGSTON"}
	s = Summarize(&p, Facts{Backups: []register.FileRef{same, stick}})
	if got := codes(s); slices.Contains(got, TodoBackupSameDisk) || slices.Contains(got, TodoNoBackup) {
		t.Errorf("with a stick: %v", got)
	}
}

// U14: the stepper reaches every card up to the first whose rule is not
// met, so a person a step ahead need not press Done on each card between;
// the cards jumped over are passed, never marked done.
func TestGoToUpToTheFirstUnmetRule(t *testing.T) {
	password, download, dpg := stepWith(TaskPassword).ID, stepWith(TaskDownload).ID, stepWith(TaskDPG).ID
	for _, tc := range []struct {
		name        string
		f           Facts
		skipped     bool // the file check put off
		can, cannot string
	}{
		{"nothing done", Facts{}, false, password, Steps[Index(password)+1].ID},
		{"password saved elsewhere", Facts{PasswordSaved: true}, false, download, Steps[Index(download)+1].ID},
		{"file checked and backed up", Facts{PasswordSaved: true, FileChecked: true, BackedUpAt: t0}, false, dpg, Steps[Index(dpg)+1].ID},
		{"file put off", Facts{PasswordSaved: true}, true, dpg, Steps[Index(dpg)+1].ID},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := New(t0)
			p.FileSkipped = tc.skipped
			if !p.CanGoTo(tc.can, tc.f) || p.CanGoTo(tc.cannot, tc.f) {
				t.Fatalf("may go to %s: %v; to %s: %v", tc.can, p.CanGoTo(tc.can, tc.f), tc.cannot, p.CanGoTo(tc.cannot, tc.f))
			}
			if err := p.GoTo(tc.can, tc.f); err != nil || p.Current != tc.can {
				t.Fatalf("GoTo %s: %v, at %s", tc.can, err, p.Current)
			}
			if len(p.Done) != 0 {
				t.Errorf("a jump marked steps done: %v", p.Done)
			}
			// With the file checked, the portal's cards before it are done
			// by it (Y13): the card that closes the portal is passed.
			jumped := "login"
			if tc.f.FileChecked {
				jumped = "close"
				if _, done := p.StepDone("login", tc.f); !done || p.Passed("login", tc.f) {
					t.Error("the portal's login card is not done by the file")
				}
			}
			if !p.Passed(jumped, tc.f) || p.Passed(tc.can, tc.f) || p.Passed(Steps[len(Steps)-1].ID, tc.f) {
				t.Error("passed: the cards jumped over, not the current one or one ahead")
			}
		})
	}
	// A card whose rule is unmet is not passed, though the guide is beyond it.
	p := New(t0)
	p.Current = download
	if p.Passed(password, Facts{}) {
		t.Error("the password card passed without its password")
	}
}

// The portal's cards send the user to the portal: that link is their main
// action (W12: below the fold at 125 %), one per card, on a card with no
// task of its own to share the action bar with; Timengo's guide is a
// reference beside the card, never the main action.
func TestPortalLinksAreTheCardsMainAction(t *testing.T) {
	for _, s := range Steps {
		var main []Link
		for _, l := range s.Links {
			if l.Main {
				main = append(main, l)
			}
		}
		portal := s.ID == "login" || s.ID == "edit-profile" || s.ID == "dpg-login" || s.ID == "dpg-list"
		switch {
		case portal && (len(main) != 1 || main[0].URL != PortalURL && main[0].URL != DPGPortalURL):
			t.Errorf("%s: main links %+v, want its portal", s.ID, main)
		case !portal && len(main) != 0:
			t.Errorf("%s: main links %+v on a card that is not the portal's", s.ID, main)
		case len(main) > 0 && (s.Task != TaskNone || len(s.Helpers) > 0):
			t.Errorf("%s: a main link beside task %q and helpers %v", s.ID, s.Task, s.Helpers)
		}
	}
}

// Y6: a renewal is under way once a step of the portal is reached (and
// stays so when the user goes back to the first cards) or its file is
// checked; not on the preparing cards of a fresh one.
func TestUnderWay(t *testing.T) {
	p := New(t0)
	for p.Step().Phase == PhasePrepare {
		if p.UnderWay() {
			t.Fatalf("under way on %s", p.Current)
		}
		if err := p.Complete(t0, Facts{}); err != nil {
			t.Fatal(err)
		}
	}
	if !p.UnderWay() {
		t.Fatalf("not under way on %s, the first card of the portal", p.Current)
	}
	_ = p.Complete(t0, Facts{})
	if err := p.GoTo(Steps[1].ID, Facts{}); err != nil || !p.UnderWay() {
		t.Errorf("back on %s: under way %v (%v)", p.Current, p.UnderWay(), err)
	}
	checked := New(t0)
	checked.SetFileChecked("ab", t0)
	if !checked.UnderWay() {
		t.Error("a renewal whose file is checked is not under way")
	}
}

// Y14: the renewal's file taken while the guide is on an earlier card
// (renewed before Fornyer was opened, or a step ahead in the portal)
// brings the guide to the first card that still needs something: the
// places card when they are not noted, else the password card when the
// password is not saved, else the download
// card (its backup); never past it. Done from a card goes on the same way
// once the file is there; without it, to the next card.
func TestTheGuideLandsOnTheFirstCardThatNeedsSomething(t *testing.T) {
	file := Facts{FileChecked: true, FileCheckedAt: t0}
	saved := file
	saved.PasswordSaved = true
	elsewhere := file
	elsewhere.StoredElsewhere = true
	backedUp := saved
	backedUp.BackedUpAt = t0
	for _, c := range []struct {
		name, from string
		placesDone bool
		f          Facts
		want       string
	}{
		{"card 1, nothing noted", "welcome", false, file, "prepare-usage"},
		{"card 2, nothing noted", "prepare-mitid", false, saved, "prepare-usage"},
		{"the places card itself", "prepare-usage", false, saved, "prepare-usage"},
		{"card 1, places noted", "welcome", true, file, "password"},
		{"card 4, password saved", "prepare-dpg", true, saved, "download"},
		// Kept elsewhere only: the card that saves it here too is not done.
		{"card 4, password kept elsewhere", "prepare-dpg", true, elsewhere, "password"},
		{"card 4, backed up too", "prepare-dpg", true, backedUp, "download"},
		{"a step ahead in the portal", "terms", true, file, "password"},
		{"a step ahead, password saved", "terms", true, saved, "download"},
		{"on the password card, saved", "password", true, saved, "download"},
		{"on the password card, not saved", "password", true, file, "password"},
		{"on the download card", "download", true, backedUp, "download"},
		{"beyond it", "dpg-login", true, backedUp, "dpg-login"},
	} {
		p := New(t0)
		p.Current = c.from
		if c.placesDone {
			p.Done["prepare-usage"] = t0
		}
		p.FileSHA256 = "b2"
		p.Land(c.f)
		if p.Current != c.want {
			t.Errorf("%s: lands on %s, want %s", c.name, p.Current, c.want)
		}
		if c.from == "prepare-usage" {
			if err := p.Complete(t0, c.f); err != nil || p.Current != "download" {
				t.Errorf("%s: Done goes to %s (%v), want the download card", c.name, p.Current, err)
			}
		}
	}
	p := New(t0)
	if err := p.Complete(t0, Facts{}); err != nil || p.Current != Steps[1].ID {
		t.Errorf("without the file Done goes to %s (%v)", p.Current, err)
	}
	p.Current = "prepare-dpg"
	if err := p.Complete(t0, saved); err != nil || p.Current != "download" {
		t.Errorf("card 4 with the file: Done goes to %s (%v)", p.Current, err)
	}
}

// Y13: once the renewal has its file, the cards before the download card
// that hold no task (the cards that prepare, the portal's steps) are done,
// since the file was checked, wherever the guide was: the stepper ticks
// them. The places card is done only when the user is done with it, the
// card closing the portal's window only by its Done.
func TestTheFileDoesThePortalsCards(t *testing.T) {
	p := New(t0)
	p.Current = "password"
	at := t0.Add(time.Hour)
	f := Facts{FileChecked: true, FileCheckedAt: at, PasswordSaved: true}
	for _, s := range Steps {
		at2, done := p.StepDone(s.ID, f)
		want := Index(s.ID) <= Index("password") && s.ID != "prepare-usage" || s.ID == "download"
		if done != want {
			t.Errorf("%s: done %v, want %v", s.ID, done, want)
		}
		if done && s.Task == TaskNone && !at2.Equal(at) {
			t.Errorf("%s: done at %v, want when the file was checked", s.ID, at2)
		}
	}
	if _, done := p.StepDone("login", Facts{PasswordSaved: true}); done {
		t.Error("the portal's card is done without the file")
	}
}

// Y14: the facts catch up after the file is taken (a password saved before
// it is moved onto its certificate in the background): the guide, still
// on the card Land brought it to, follows to the first card that still
// needs something. Once the user moved, it stays where they are.
func TestTheLandedGuideFollowsTheFacts(t *testing.T) {
	file := Facts{FileChecked: true, FileCheckedAt: t0}
	saved := file
	saved.PasswordSaved = true
	p := New(t0)
	p.Current, p.FileSHA256 = "prepare-dpg", "b2"
	p.Done["prepare-usage"] = t0
	p.Land(file)
	if p.Current != "password" || p.Follow(file) || p.Current != "password" {
		t.Fatalf("landed on %s", p.Current)
	}
	if !p.Follow(saved) || p.Current != "download" {
		t.Errorf("once saved the guide is on %s, want the download card", p.Current)
	}
	q := New(t0)
	q.Current, q.FileSHA256 = "prepare-dpg", "b2"
	q.Done["prepare-usage"] = t0
	q.Land(file)
	q.Back()
	if err := q.Complete(t0, file); err != nil || q.Current != "password" {
		t.Fatalf("back and on: %s, %v", q.Current, err)
	}
	if q.Follow(saved) || q.Current != "password" {
		t.Errorf("the user moved, and the guide followed the facts to %s", q.Current)
	}
	// Back, then onto the landed card again by the stepper: the user's
	// own move too.
	q.Current = "prepare-dpg"
	q.Land(file)
	q.Back()
	if err := q.GoTo("password", file); err != nil || q.Follow(saved) || q.Current != "password" {
		t.Errorf("back and onto it by the stepper, the guide followed the facts to %s (%v)", q.Current, err)
	}
	r := New(t0) // on the password card by itself when the file came
	r.Current, r.FileSHA256 = "password", "b2"
	r.Land(file)
	if r.Follow(saved) || r.Current != "password" {
		t.Errorf("the user's own card was left for %s", r.Current)
	}
	q.Current = "prepare-dpg"
	q.Land(file)
	q.Stay() // saved on the card it landed on
	if q.Follow(saved) || q.Current != "password" {
		t.Errorf("saved on the card, and the guide followed the facts to %s", q.Current)
	}
}
