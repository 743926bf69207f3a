package guide

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/vault"
)

// The user's list of places: presets noted with notes, places of the
// user's own with what they need, ticked, and the DPG mail ticked by the
// DPG installation rather than by hand.
func TestChecklistNotesAndTicks(t *testing.T) {
	p := New(t0)
	own := p.AddPlace("  e-conomic\n og lønsystemet\t", "made-up need", "")
	p.SetUses(PlaceDPGMail, true)
	p.SetUsageNote(PlaceDatafordeler, "production")
	p.SetUses(PlaceDatafordeler, true) // twice is once
	p.SetUses("made-up", true)
	if p.AddPlace(" \n", register.NeedsPublic, "x") != "" {
		t.Error("a place without a name was added")
	}

	list := p.Checklist()
	if len(list) != 3 || list[0].Preset != string(PlaceDPGMail) || list[1].Preset != string(PlaceDatafordeler) || list[2].ID != own {
		t.Fatalf("checklist %+v", list)
	}
	if list[2].Name != "e-conomic  og lønsystemet" || list[2].Kind != register.NeedsOther {
		t.Errorf("own place kept as %+v", list[2])
	}
	if list[0].Kind != register.NeedsP12 || list[1].Kind != register.NeedsPublic || list[1].Note != "production" {
		t.Errorf("presets %+v", list[:2])
	}
	if len(p.NotSwitched()) != 3 {
		t.Errorf("not switched: %+v", p.NotSwitched())
	}

	dataf := list[1].ID
	p.SetSwitched(dataf, true, t0.Add(time.Hour))
	p.SetSwitched(dataf, true, t0.Add(2*time.Hour)) // the first tick's time stays
	p.SetSwitched(list[0].ID, true, t0)             // not by hand
	list = p.Checklist()
	if !list[1].Done || !list[1].DoneAt.Equal(t0.Add(time.Hour)) || list[0].Done {
		t.Errorf("after ticking: %+v", list)
	}
	if list[0].Done || !list[0].Implicit {
		t.Errorf("DPG mail before the installation: %+v", list[0])
	}
	list = Summarize(&p, Facts{DPGInstalledAt: t0.Add(3 * time.Hour), DPGInstalledBy: "Anne"}).Checklist
	if !list[0].Done || !list[0].Implicit || !list[0].DoneAt.Equal(t0.Add(3*time.Hour)) {
		t.Errorf("DPG mail after the installation: %+v", list[0])
	}
	if left := p.NotSwitched(); len(left) != 2 || left[1].ID != own {
		t.Errorf("left: %+v", left)
	}

	p.SetSwitched(dataf, false, t0)
	if p.Checklist()[1].Done {
		t.Error("unticking kept the tick")
	}
	p.SetPlace(own, "e-conomic", register.NeedsIdentity, "API user")
	p.SetPlace(dataf, "renamed", register.NeedsOther, "test")
	if u, _ := p.Place(own); u.Name != "e-conomic" || u.Kind != register.NeedsIdentity || u.Note != "API user" {
		t.Errorf("own place changed to %+v", u)
	}
	if u, _ := p.Place(dataf); u.Name != "" || u.Kind != register.NeedsPublic || u.Note != "test" {
		t.Errorf("a preset's name or need changed: %+v", u)
	}
	p.SetUses(PlaceDatafordeler, false)
	p.RemovePlace(own)
	if p.Uses(PlaceDatafordeler) || p.UsageNote(PlaceDatafordeler) != "" || len(p.Checklist()) != 1 {
		t.Errorf("un-noting kept the place: %+v", p.Checklist())
	}
}

// A place is named by the user's name, else the preset's, else its need,
// in the language asked for, with the note.
// Each place Fornyer names has a note example that fits it (U2: the same
// "e-conomic or the payroll system" under DPG secure mail); a place of the
// user's own gets one that fits any place.
func TestNoteKey(t *testing.T) {
	cases := []struct {
		place Place
		key   string
		da    string
	}{
		{PlaceDPGMail, "guide.usage.note.dpg_mail", "e-mailadresse"},
		{PlaceDatafordeler, "guide.usage.note.datafordeler", "tjenestebruger"},
		{PlaceSkat, "guide.usage.note.skat_system", "systemets navn"},
		{PlaceWorkZone, "guide.usage.note.kmd_workzone", "servere"},
		{PlaceOther, "guide.usage.note", "hvem der står for det"},
		{Place("someone's own"), "guide.usage.note", "hvem der står for det"},
	}
	seen := map[string]Place{}
	for _, c := range cases {
		if got := c.place.NoteKey(); got != c.key {
			t.Errorf("%s: %q, want %q", c.place, got, c.key)
		}
		da := msg.T("da", c.place.NoteKey(), nil)
		if !strings.Contains(da, c.da) || strings.Contains(da, "e-conomic") {
			t.Errorf("%s: %q", c.place, da)
		}
		if other, dup := seen[da]; dup && c.key != "guide.usage.note" {
			t.Errorf("%s and %s share the example %q", c.place, other, da)
		}
		seen[da] = c.place
	}
}

func TestTitle(t *testing.T) {
	for _, tc := range []struct {
		u    Usage
		lang string
		want string
	}{
		{Usage{Preset: string(PlaceDatafordeler), Note: "prod"}, "en", "Datafordeleren (prod)"},
		{Usage{Name: "e-conomic", Kind: register.NeedsP12}, "da", "e-conomic"},
		{Usage{Kind: register.NeedsPublic}, "da", "Skal have det offentlige certifikat (.cer)"},
		{Usage{Preset: string(PlaceIntegrations), Kind: register.NeedsOther}, "en", "System integrations"},
	} {
		if got := Title(tc.lang, tc.u); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.u, got, tc.want)
		}
	}
}

// The second year: the places of the last renewal come back without what
// was handed over or ticked, once each, after what the user noted.
func TestOfferLast(t *testing.T) {
	p := New(t0)
	p.SetUses(PlaceDPGMail, true)
	last := []Usage{
		{ID: "p1", Preset: string(PlaceDPGMail), Kind: register.NeedsP12, Note: "mail", Switched: t0},
		{ID: "p2", Name: "e-conomic", Kind: register.NeedsP12, Note: "Acme hosts it", Given: register.GaveCopy, GivenTo: "Acme", GivenAt: t0},
		{ID: "p3", Preset: string(PlaceSkat), Kind: register.NeedsIdentity},
	}
	if n := p.OfferLast(last); n != 2 {
		t.Errorf("added %d", n)
	}
	if n := p.OfferLast(last); n != 0 {
		t.Errorf("added %d the second time", n)
	}
	list := p.Checklist()
	if len(list) != 3 || list[1].Preset != string(PlaceSkat) || list[2].Name != "e-conomic" || list[2].Note != "Acme hosts it" ||
		list[2].Given != "" || !list[2].GivenAt.IsZero() || list[2].Done {
		t.Errorf("offered %+v", list)
	}
}

// What a card that notes places offers (review R13): the preparing card
// every preset and the last renewal's places not yet noted; the
// switch-over card, after the DPG cards installed the certificate in DPG,
// DPG secure mail neither as a preset nor among the last places.
func TestOfferPlaces(t *testing.T) {
	dpg := Usage{ID: "p1", Preset: string(PlaceDPGMail), Kind: register.NeedsP12, Note: "mail"}
	skat := Usage{ID: "p2", Preset: string(PlaceSkat), Kind: register.NeedsIdentity}
	own := Usage{ID: "p3", Name: "e-conomic", Kind: register.NeedsP12}
	last := []Usage{dpg, skat, own}
	noted := New(t0)
	noted.SetUses(PlaceSkat, true)
	noted.AddPlace("E-conomic", register.NeedsP12, "")
	places := func(us []Usage) []string {
		var out []string
		for _, u := range us {
			out = append(out, u.Preset+u.Name)
		}
		return out
	}
	presets := func(ps []Preset) []Place {
		var out []Place
		for _, pr := range ps {
			out = append(out, pr.Place)
		}
		return out
	}
	all := []Place{PlaceDPGMail, PlaceDatafordeler, PlaceSkat, PlaceWorkZone}
	afterDPG := []Place{PlaceDatafordeler, PlaceSkat, PlaceWorkZone}
	for _, c := range []struct {
		name     string
		p        Progress
		task     Task
		last     []Usage
		presets  []Place
		wantLast []string
	}{
		{"preparing, nothing noted", New(t0), TaskUsage, last, all, []string{"dpg_mail", "skat_system", "e-conomic"}},
		{"preparing, some noted", noted, TaskUsage, last, all, []string{"dpg_mail"}},
		{"preparing, no last renewal", New(t0), TaskUsage, nil, all, nil},
		{"switch-over, nothing noted", New(t0), TaskSwitch, last, afterDPG, []string{"skat_system", "e-conomic"}},
		{"switch-over, only DPG last time", New(t0), TaskSwitch, []Usage{dpg}, afterDPG, nil},
		{"switch-over, the rest noted", noted, TaskSwitch, last, afterDPG, nil},
	} {
		o := c.p.OfferPlaces(c.task, c.last)
		if !slices.Equal(presets(o.Presets), c.presets) || !slices.Equal(places(o.Last), c.wantLast) {
			t.Errorf("%s: presets %v, last %v; want %v, %v", c.name, presets(o.Presets), places(o.Last), c.presets, c.wantLast)
		}
	}
	p := New(t0)
	if p.OfferPlaces(TaskSwitch, last); len(p.Usages) != 0 || len(Presets) != 4 {
		t.Errorf("offering changed the progress or the presets: %+v, %d presets", p.Usages, len(Presets))
	}
}

func TestCleanNoteBoundsTheNote(t *testing.T) {
	long := strings.Repeat("æ", MaxNoteLength+50)
	if got := CleanNote(long); len([]rune(got)) != MaxNoteLength {
		t.Errorf("kept %d characters", len([]rune(got)))
	}
	if got := CleanNote("a\u2028b\x1b[31mc"); strings.ContainsAny(got, "\u2028\x1b") {
		t.Errorf("kept a control character: %q", got)
	}
}

// The checklist is saved with the progress and comes back after a restart,
// kinds, hand-overs, ticks and notes included; a damaged list is cleaned,
// not trusted; a list from before kinds is brought up to date.
func TestChecklistSavedAndRestored(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	p := New(t0)
	p.SetUses(PlaceDPGMail, true)
	own := p.AddPlace("web server", register.NeedsP12, "nginx")
	p.SetGiven(own, register.GaveCopy, "Acme IT", t0.Add(time.Minute))
	p.SetSwitched(own, true, t0.Add(2*time.Minute))
	if err := p.Save(path); err != nil {
		t.Fatal(err)
	}
	q, err := Load(path, t0.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	got := q.Checklist()
	if len(got) != 2 || got[1].ID != own || got[1].Kind != register.NeedsP12 || got[1].Note != "nginx" ||
		got[1].Given != register.GaveCopy || got[1].GivenTo != "Acme IT" || !got[1].GivenAt.Equal(t0.Add(time.Minute)) ||
		!got[1].DoneAt.Equal(t0.Add(2*time.Minute)) || got[0].Done {
		t.Errorf("restored %+v", got)
	}

	damaged := `{"renewal_id":"x","current":"welcome","usages":[` +
		`{"place":"other","note":"a\nb"},{"place":"made-up"},{"place":"dpg_mail","note":"again"},{"kind":"bogus","name":"x"},` +
		`{"place":"dpg_mail","switched":"2026-01-01T00:00:00Z"},{"place":"integrations","note":"e-conomic","switched":"2026-01-02T00:00:00Z"}]}`
	if err := os.WriteFile(path, []byte(damaged), 0o600); err != nil {
		t.Fatal(err)
	}
	q, err = Load(path, t0)
	if err != nil {
		t.Fatal(err)
	}
	got = q.Checklist()
	if len(got) != 3 || got[0].Preset != string(PlaceDPGMail) || got[0].Kind != register.NeedsP12 || got[0].Done || got[0].Note != "again" {
		t.Fatalf("damaged list loaded as %+v", got)
	}
	if got[1].Preset != string(PlaceOther) || got[1].Kind != register.NeedsOther || got[1].Note != "a b" ||
		got[2].Preset != string(PlaceIntegrations) || got[2].Note != "e-conomic" || !got[2].Done {
		t.Errorf("old kinds loaded as %+v", got[1:])
	}
	if got[0].ID == "" || got[1].ID == "" || got[2].ID == "" || got[0].ID == got[1].ID || got[1].ID == got[2].ID || got[0].ID == got[2].ID {
		t.Errorf("ids %q %q %q", got[0].ID, got[1].ID, got[2].ID)
	}
	if Title("en", got[2].Usage) != "System integrations (e-conomic)" {
		t.Errorf("an old place is named %q", Title("en", got[2].Usage))
	}
}

// Clone shares nothing: a save in the background cannot see a later change.
func TestCloneSharesNothing(t *testing.T) {
	p := New(t0)
	p.SetUses(PlaceDatafordeler, true)
	c := p.Clone()
	p.SetUsageNote(PlaceDatafordeler, "changed")
	p.Done["x"] = t0
	if c.UsageNote(PlaceDatafordeler) != "" || len(c.Done) != 0 {
		t.Errorf("the clone changed with the original: %+v", c)
	}
}

// Progress saved by the version with one DPG card keeps its place: the card
// became the last DPG step, and cards added before a done card count done.
func TestLoadProgressOfTheOneCardDPG(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	done := `"prepare-mitid":"2026-05-04T09:00:00Z","prepare-usage":"2026-05-04T09:01:00Z","prepare-dpg":"2026-05-04T09:02:00Z",` +
		`"login":"2026-05-04T09:03:00Z","edit-profile":"2026-05-04T09:04:00Z","renew-certificate":"2026-05-04T09:05:00Z",` +
		`"renew-window":"2026-05-04T09:06:00Z","mitid":"2026-05-04T09:07:00Z","issue":"2026-05-04T09:08:00Z",` +
		`"terms":"2026-05-04T09:09:00Z","password":"2026-05-04T09:10:00Z","download":"2026-05-04T09:11:00Z","close":"2026-05-04T09:12:00Z"`
	for _, c := range []struct {
		name, file string
		current    string
		finished   bool
	}{
		{"at the DPG card", `{"renewal_id":"x","current":"dpg","password_saved":true,"file_skipped":true,"done":{` + done + `}}`, "dpg-login", false},
		{"DPG done", `{"renewal_id":"x","current":"dpg","password_saved":true,"file_skipped":true,"dpg_installed_at":"2026-05-04T10:00:00Z","dpg_installed_by":"A","done":{` + done + `,"dpg":"2026-05-04T10:00:00Z"}}`, "dpg-verify", false},
	} {
		if err := os.WriteFile(path, []byte(c.file), 0o600); err != nil {
			t.Fatal(err)
		}
		p, err := Load(path, t0)
		if err != nil {
			t.Fatal(err)
		}
		if !p.IsDone("welcome") || !p.IsDone("close") {
			t.Errorf("%s: the cards before were reopened: %v", c.name, p.Done)
		}
		if p.Step().ID != c.current {
			t.Errorf("%s: at %s, want %s", c.name, p.Step().ID, c.current)
		}
		if p.Finished(Facts{}) != c.finished {
			t.Errorf("%s: finished %v", c.name, p.Finished(Facts{}))
		}
	}
}

// The summary comes from the register and the progress: what is recorded
// is shown, what is missing is listed, the most pressing first.
func TestSummarize(t *testing.T) {
	old := hostname
	hostname = func() (string, error) { return "ANNES-PC", nil }
	t.Cleanup(func() { hostname = old })

	p := New(t0)
	p.SetUses(PlaceDPGMail, true)
	p.SetUsageNote(PlaceDatafordeler, "e-conomic")
	saved := Passwords{Known: true, Entries: []vault.Entry{{ID: vault.PendingID(p.RenewalID)}}}

	s := Summarize(&p, FactsOf(&p, nil, saved))
	codes := func(s Summary) string {
		var out []string
		for _, t := range s.Undone {
			out = append(out, t.Code+":"+t.Place.Preset)
		}
		return strings.Join(out, " ")
	}
	want := "file_not_checked: password_one_copy: dpg_not_installed: no_backup: no_receipt: not_switched:dpg_mail not_switched:datafordeler"
	if got := codes(s); got != want {
		t.Errorf("nothing recorded: %s\nwant %s", got, want)
	}
	if s.Computer != "ANNES-PC" || !s.PasswordSaved || s.File != "" {
		t.Errorf("summary %+v", s)
	}

	p.SetFileChecked("AB12", t0)
	p.SetPasswordKept(register.KeptWritten, "")
	p.SetSwitched(p.Checklist()[1].ID, true, t0)
	c := &register.Certificate{
		SHA256: "ab12", File: &register.FileRef{Path: "/home/anne/Downloads/firma.p12"},
		Backups:      []register.FileRef{{Path: "/media/usb/firma.p12", VerifiedAt: t0}},
		Receipts:     []register.Receipt{{Path: "/a.pdf", At: t0}, {Path: "/b.pdf", At: t0.Add(time.Hour)}},
		DPG:          &register.DPG{At: t0.Add(time.Hour), By: "Anne"}, // marked in My certificates
		Organization: "Firma ApS",
		HandOvers:    []register.HandOver{{To: "Webshoppen", At: t0, File: "/home/anne/Downloads/firma (for Webshoppen).p12", PasswordID: "h1"}},
	}
	s = Summarize(&p, FactsOf(&p, c, saved))
	if got := codes(s); got != "" {
		t.Errorf("everything recorded, yet undone: %s", got)
	}
	if s.File != "/home/anne/Downloads/firma.p12" || s.Receipt != "/b.pdf" || len(s.Backups) != 1 ||
		s.DPGInstalledBy != "Anne" || !s.Checklist[0].Done {
		t.Errorf("summary %+v", s)
	}
	if s.PasswordGone {
		t.Error("the password saved is said to be gone")
	}
	// Z20: the register remembers it saved, the store's list, read, holds
	// none of it: the summary says it is gone, and that it is to do.
	c.PasswordSaved = true
	gone := Summarize(&p, FactsOf(&p, c, Passwords{Known: true}))
	if !gone.PasswordGone || gone.PasswordSaved {
		t.Errorf("deleted from the store: saved %v, gone %v", gone.PasswordSaved, gone.PasswordGone)
	}
	if unknown := Summarize(&p, FactsOf(&p, c, Passwords{})); unknown.PasswordGone || !unknown.PasswordSaved {
		t.Errorf("the store not read: saved %v, gone %v; the register's word stands", unknown.PasswordSaved, unknown.PasswordGone)
	}
	// The copy made for the web shop is listed (X20), with the
	// organisation its password is named by.
	if len(s.HandOvers) != 1 || s.HandOvers[0].File != c.HandOvers[0].File || s.HandOvers[0].PasswordID != "h1" || s.Org != "Firma ApS" {
		t.Errorf("hand-overs %+v (org %q)", s.HandOvers, s.Org)
	}
}

// Where else the password is kept is the register's answer once the
// certificate is known (the progress's before), and so is the computer.
func TestSummarizeReadsWhereThePasswordIsKept(t *testing.T) {
	fp := strings.Repeat("ab", 32)
	old := hostname
	hostname = func() (string, error) { return "THIS-PC", nil }
	t.Cleanup(func() { hostname = old })
	p := New(t0)
	p.FileSHA256 = fp
	saved := Passwords{Known: true, Entries: []vault.Entry{{ID: vault.CertificateID(fp)}}}
	p.PasswordKept, p.PasswordHost = register.KeptNowhere, "LAPTOP-1"
	has := func(s Summary, code string) bool {
		for _, t := range s.Undone {
			if t.Code == code {
				return true
			}
		}
		return false
	}
	s := Summarize(&p, FactsOf(&p, nil, saved))
	if s.Kept != register.KeptNowhere || s.Computer != "LAPTOP-1" || !has(s, TodoPasswordOneCopy) || !s.AskKept {
		t.Errorf("from the progress: %+v", s)
	}
	// Never answered (the password saved on the Check tab, the password
	// card passed by): the summary asks, where it says it is missing (W8).
	q := New(t0)
	q.FileSHA256 = fp
	if s := Summarize(&q, FactsOf(&q, nil, saved)); s.Kept != "" || !has(s, TodoPasswordOneCopy) || !s.AskKept {
		t.Errorf("unanswered: %+v", s)
	}
	c := &register.Certificate{SHA256: fp, PasswordSaved: true, PasswordKept: register.KeptManager, PasswordHost: "DESK-2"}
	s = Summarize(&p, FactsOf(&p, c, saved))
	if s.Kept != register.KeptManager || s.Computer != "DESK-2" || has(s, TodoPasswordOneCopy) || s.AskKept {
		t.Errorf("from the register: %+v", s)
	}
	p.PasswordHost = ""
	if s = Summarize(&p, FactsOf(&p, &register.Certificate{SHA256: fp}, saved)); s.Computer != "THIS-PC" {
		t.Errorf("no computer recorded: %q", s.Computer)
	}
}

// The computer's name is anyone's text too: the summary shows it as one
// safe line.
func TestSummaryComputerNameIsSafe(t *testing.T) {
	old := hostname
	hostname = func() (string, error) { return "PC\n\x1b[2JKlar til DPG", nil }
	t.Cleanup(func() { hostname = old })
	p := New(t0)
	s := Summarize(&p, Facts{})
	if strings.ContainsAny(s.Computer, "\n\x1b") || !strings.Contains(s.Computer, "PC") {
		t.Errorf("the computer is named %q", s.Computer)
	}
}

// Where else the password is kept: the register's answer for the
// certificate wins; the progress's holds until then, for the renewal's own
// certificate only.
func TestKeptFor(t *testing.T) {
	p := New(t0)
	p.PasswordKept, p.PasswordHost = register.KeptWritten, "ANNES-PC"
	p.FileSHA256 = "aa"
	for _, tc := range []struct {
		name             string
		c                *register.Certificate
		wantKept, wantPC string
	}{
		{"no certificate yet", nil, register.KeptWritten, "ANNES-PC"},
		{"the renewal's, not recorded", &register.Certificate{SHA256: "aa"}, register.KeptWritten, "ANNES-PC"},
		{"the renewal's, recorded", &register.Certificate{SHA256: "aa", PasswordKept: register.KeptNowhere, PasswordHost: "KONTOR"}, register.KeptNowhere, "KONTOR"},
		{"another certificate", &register.Certificate{SHA256: "bb"}, "", ""},
	} {
		kept, pc := p.KeptFor(tc.c)
		if kept != tc.wantKept || pc != tc.wantPC {
			t.Errorf("%s: %q on %q, want %q on %q", tc.name, kept, pc, tc.wantKept, tc.wantPC)
		}
	}
}

// The list goes onto the renewal's certificate in the register once it is
// known, not again when unchanged, and the next renewal offers it.
func TestRecordPlacesOnTheRenewedCertificate(t *testing.T) {
	reg, _ := register.Open(filepath.Join(t.TempDir(), "register.json"))
	sha := strings.Repeat("ab", 32)
	if err := reg.Upsert(register.Certificate{SHA256: sha, UUID: "U", NotAfter: t0.AddDate(3, 0, 0)}); err != nil {
		t.Fatal(err)
	}
	p := New(t0)
	p.SetUses(PlaceSkat, true)
	if wrote, _ := p.RecordPlaces(reg); wrote {
		t.Error("recorded before the certificate was known")
	}
	p.SetFileChecked(sha, t0)
	if wrote, err := p.RecordPlaces(reg); !wrote || err != nil {
		t.Fatalf("not recorded: %v", err)
	}
	if wrote, _ := p.RecordPlaces(reg); wrote {
		t.Error("recorded again unchanged")
	}
	next := New(t0.AddDate(3, 0, 0))
	if next.OfferLast(register.LastPlaces(reg.List(), "U")) != 1 || !next.Uses(PlaceSkat) {
		t.Errorf("the next renewal got %+v", next.Usages)
	}
}

// Y3: what to give a place that takes the public certificate names its
// new thumbprint by the name the card shows it under, in a Danish
// sentence in Danish words; the sentences of the other kinds are whole.
func TestGiveNamesTheThumbprintAsTheCardDoes(t *testing.T) {
	for lang, want := range map[string]string{
		"da": "men et nyt fingeraftryk (thumbprint, som Windows viser det).",
		"en": "but a new thumbprint (as Windows shows it).",
	} {
		if got := Give(lang, register.NeedsPublic); !strings.HasSuffix(got, want) {
			t.Errorf("%s: %q, want it to end %q", lang, got, want)
		}
		for _, kind := range []string{register.NeedsP12, register.NeedsIdentity, register.NeedsOther} {
			if got := Give(lang, kind); strings.Contains(got, "{{") || strings.Contains(got, "no value") || got == NeedsKey(kind)+".give" {
				t.Errorf("%s %s: %q", lang, kind, got)
			}
		}
	}
}
