package renewal

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/register"
)

// TestNeededGivesTheSameAnswer: the answer made from the entries Needed
// picks is the answer made from the whole register, for registers and
// files drawn at random from a few values each, so that fingerprints,
// renewal lines, organisations (by CVR and by name) and the times of
// learning meet and tie. (The state's CA entries are in no reader's
// register: TestListLeavesOutStateCAEntries, TestScanAgreesWithRead.)
func TestNeededGivesTheSameAnswer(t *testing.T) {
	r := rand.New(rand.NewPCG(24, 13))
	pick := func(vs ...string) string { return vs[r.IntN(len(vs))] }
	shas := []string{"a1", "b2", "c3", "d4", "e5", "f6", "07"}
	day := func() int { return r.IntN(5) * 365 }
	path := filepath.Join(t.TempDir(), register.FileName)
	for n := range 3000 {
		var all []register.Certificate
		for _, i := range r.Perm(len(shas))[:r.IntN(len(shas)+1)] {
			c := known(shas[i], pick("01", "02", "03"), started.AddDate(0, 0, day()), started.AddDate(0, 0, -day()))
			c.UUID = pick("", uuid, strings.ToUpper(uuid), "99999999-2222-3333-4444-555555555555")
			c.CVR = pick("", "12345678", "87654321")
			c.Organization = pick("Firma ApS", " firma aps ", "Andet ApS", "Den Danske Stat")
			c.CommonName = pick("", "Firma ApS - Org")
			c.Updated = started.AddDate(0, 0, r.IntN(3))
			all = append(all, c)
		}
		rep := checked(pick(shas...), pick("01", "02", "03"), started.AddDate(0, 0, day()-3*365))
		c := rep.Certificate
		c.UUID = pick("", uuid, "99999999-2222-3333-4444-555555555555")
		c.CVR = pick("", "12345678", "87654321")
		c.Organization = pick("Firma ApS", "Andet ApS")
		if r.IntN(4) == 0 {
			rep = locked()
		}
		var p *guide.Progress
		switch r.IntN(3) {
		case 1:
			p = atDownload()
		case 2:
			p = atDownload()
			p.SetFileChecked(strings.Repeat(pick(shas...), 32), started)
		}
		// The user's answers to "Is this the file you just downloaded?":
		// a "no" leaves that file out of the other organisation's note
		// (notDeclined; review T10), a "yes" changes nothing of it.
		for i := range r.IntN(3) {
			if p != nil {
				p.SetAnswer(strings.Repeat(pick(shas...), 32), i == 2)
			}
		}
		entries := make([]register.Entry, len(all))
		for i, k := range all {
			entries[i] = register.Entry{SHA256: k.SHA256, UUID: k.UUID, CVR: k.CVR, Organization: k.Organization, CommonName: k.CommonName, Updated: k.Updated}
		}
		// Whole entries as the register has them, brief ones as their
		// entry tells them, in the register's order (register.ReadSome).
		whole, brief := Needed(p, rep.Certificate, entries)
		var some []register.Certificate
		for i := range all {
			if slices.Contains(whole, i) {
				some = append(some, all[i])
			} else if slices.Contains(brief, i) {
				some = append(some, entries[i].Certificate())
			}
		}
		in := Input{Path: "x.p12", Report: opened(rep, 0), Tries: TryTyped("pw"), Progress: p}
		in.Known = all
		fromAll := AnswerFor(in)
		in.Known = some
		if got := AnswerFor(in); !reflect.DeepEqual(got, fromAll) {
			t.Fatalf("case %d: from the needed %d of %d entries:\n%+v\nfrom all:\n%+v", n, len(some), len(all), got, fromAll)
		}
		// From the file, ReadKnown (by the keys: register.ReadSomeFor)
		// reads what Needed picks from every entry, entries kept apart and
		// state CAs among them.
		disk := slices.Clone(all)
		for i := range disk {
			disk[i].Apart = r.IntN(5) == 0
			if r.IntN(6) == 0 {
				disk[i].Organization, disk[i].CommonName = "Den Danske Stat", "Den Danske Stat OCES rod-CA"
			}
		}
		data, err := register.Encode(disk)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		byKeys, err := ReadKnown(path, p, rep.Certificate)
		if err != nil {
			t.Fatal(err)
		}
		fromEvery, err := register.ReadSome(path, func(entries []register.Entry) (whole, brief []int) { return Needed(p, rep.Certificate, entries) })
		if err != nil {
			t.Fatal(err)
		}
		if (len(byKeys) > 0 || len(fromEvery) > 0) && !reflect.DeepEqual(byKeys, fromEvery) {
			t.Fatalf("case %d: ReadKnown\n%+v\nNeeded over every entry\n%+v", n, byKeys, fromEvery)
		}
	}
}

// ReadKnown reads the register a checked file's answer needs: its own
// entry from a register written by the window, nothing for a file not
// opened, and the register's error for a damaged one.
func TestReadKnown(t *testing.T) {
	path := filepath.Join(t.TempDir(), register.FileName)
	s, err := register.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	self := known("a1", "01", started.AddDate(3, 0, 0), started)
	for _, c := range []register.Certificate{known("b2", "02", started, started), self} {
		c.UUID, c.CVR = "", ""
		if c.SHA256 == self.SHA256 {
			c.UUID, c.CVR = uuid, "12345678"
		}
		if err := s.Upsert(c); err != nil {
			t.Fatal(err)
		}
	}
	got, err := ReadKnown(path, nil, checked("a1", "01", started).Certificate)
	if err != nil || len(got) != 1 || got[0].SHA256 != self.SHA256 {
		t.Errorf("ReadKnown = %+v, %v", got, err)
	}
	if got, err := ReadKnown(path, nil, nil); got != nil || err != nil {
		t.Errorf("not opened: %+v, %v", got, err)
	}
	if _, err := ReadKnown(filepath.Join(t.TempDir(), "missing.json"), nil, inspectCert()); register.Code(err) != register.CodeNotFound {
		t.Errorf("missing: %v", err)
	}
}

func inspectCert() *inspect.Certificate { return checked("a1", "01", started).Certificate }
