package certlist

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/register/registertest"
	"github.com/fornyer/fornyer/internal/cputime"
)

var now = time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)

const day = 24 * time.Hour

func sha(i int) string { return fmt.Sprintf("%064x", i) }

// cert is certificate i of org, expiring in left, installed in DPG or not.
func cert(i int, org, uuid string, left time.Duration, dpg bool) register.Certificate {
	c := register.Certificate{
		SHA256: sha(i), Organization: org, CVR: fmt.Sprint(30000000 + i), UUID: uuid, Serial: fmt.Sprint(i),
		Kind: "organization", Environment: register.Production,
		NotBefore: now.Add(left).AddDate(-3, 0, 0), NotAfter: now.Add(left),
	}
	if dpg {
		c.DPG = &register.DPG{At: c.NotBefore, By: "Anna"}
	}
	return c
}

func orgs[L Line | *Line](lines []L) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		switch l := any(l).(type) {
		case Line:
			out[i] = l.Current.Organization
		case *Line:
			out[i] = l.Current.Organization
		}
	}
	return out
}

func TestSortOrders(t *testing.T) {
	certs := []register.Certificate{
		cert(1, "Calm Installed", "", 400*day, true),
		cert(2, "Calm Not In DPG", "", 500*day, false),
		cert(3, "Soon", "", 20*day, true),
		cert(4, "Expired", "", -3*day, true),
		cert(5, "Ninety", "", 90*day, true),
		cert(6, "Ærø Bryg", "", 300*day, true),
		cert(7, "Åbenrå Bager", "", 200*day, true),
		cert(8, "ørsted", "", 100*day, false),
		cert(9, "zebra", "", 1000*day, true),
	}
	// Issued in a different order from expiry, so NewestFirst is its own order.
	certs[0].NotBefore = now.Add(-1 * day)
	certs[8].NotBefore = now.Add(-400 * day)
	tests := []struct {
		order Order
		want  []string
	}{
		{ByUrgency, []string{"Expired", "Soon", "Ninety", "ørsted", "Calm Not In DPG", "Åbenrå Bager", "Ærø Bryg", "Calm Installed", "zebra"}},
		{NewestFirst, []string{"Calm Installed", "zebra", "Calm Not In DPG", "Ærø Bryg", "Åbenrå Bager", "ørsted", "Ninety", "Soon", "Expired"}},
		{ByOrganization, []string{"Calm Installed", "Calm Not In DPG", "Expired", "Ninety", "Soon", "zebra", "Ærø Bryg", "ørsted", "Åbenrå Bager"}},
	}
	for _, tc := range tests {
		t.Run(tc.order.Key(), func(t *testing.T) {
			got := orgs(Query{Order: tc.order}.Apply(Lines(certs), now))
			if !slices.Equal(got, tc.want) {
				t.Errorf("order %s:\n got %q\nwant %q", tc.order.Key(), got, tc.want)
			}
		})
	}
}

func TestFilters(t *testing.T) {
	testCert := cert(5, "Test Org", "", 200*day, false)
	testCert.Environment = register.Test
	certs := []register.Certificate{
		cert(1, "Expired", "", -1*day, true),
		cert(2, "In 90 days", "", 90*day, true),
		cert(3, "In 91 days", "", 91*day, true),
		cert(4, "Not in DPG", "", 300*day, false),
		testCert,
	}
	tests := []struct {
		name   string
		filter Filter
		want   []string
	}{
		{"none", Filter{}, []string{"Expired", "In 90 days", "Test Org", "Not in DPG", "In 91 days"}},
		{"expires soon", Filter{ExpiresSoon: true}, []string{"Expired", "In 90 days"}},
		{"not in DPG", Filter{NotInDPG: true}, []string{"Test Org", "Not in DPG"}},
		{"test", Filter{TestOnly: true}, []string{"Test Org"}},
		{"test and not in DPG", Filter{TestOnly: true, NotInDPG: true}, []string{"Test Org"}},
		{"soon and not in DPG", Filter{ExpiresSoon: true, NotInDPG: true}, []string{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := orgs(Query{Filter: tc.filter}.Apply(Lines(certs), now))
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			if tc.filter.Any() != (tc.name != "none") {
				t.Errorf("Any() = %v", tc.filter.Any())
			}
		})
	}
}

// A renewed line is judged by its newest certificate: the expired
// predecessor does not make it match "expires soon".
func TestFilterLooksAtCurrentCertificate(t *testing.T) {
	certs := []register.Certificate{
		cert(1, "Renewed", "u-1", -10*day, true),
		cert(2, "Renewed", "u-1", 1000*day, true),
	}
	if got := (Query{Filter: Filter{ExpiresSoon: true}}).Apply(Lines(certs), now); len(got) != 0 {
		t.Errorf("a renewed line matched 'expires soon': %+v", got)
	}
}

func TestSearch(t *testing.T) {
	a := cert(1, "Bager Hansen ApS", "3F2A1B4C-0000-4000-8000-000000000001", 100*day, true)
	a.CVR = "12345678"
	a.File = &register.FileRef{Path: "/home/anna/Hent/bager-fornyet.p12"}
	old := cert(2, "Bager Hansen ApS", "3f2a1b4c-0000-4000-8000-000000000001", -900*day, true)
	old.CVR = "12345678"
	old.File = &register.FileRef{Path: "/home/anna/Gammel/bager-2023.p12"}
	b := cert(3, "Tømrer Østergaard A/S", "", 200*day, true)
	b.CVR = "87654321"
	b.File = &register.FileRef{Path: `C:\Users\anna\Downloads\tømrer.p12`}
	lines := Lines([]register.Certificate{a, old, b})
	tests := []struct {
		search string
		want   []string
	}{
		{"", []string{"Bager Hansen ApS", "Tømrer Østergaard A/S"}},
		{"bager", []string{"Bager Hansen ApS"}},
		{"  BAGER   hansen ", []string{"Bager Hansen ApS"}},
		{"østergaard", []string{"Tømrer Østergaard A/S"}},
		{"ØSTERGAARD", []string{"Tømrer Østergaard A/S"}},
		{"12345678", []string{"Bager Hansen ApS"}},
		{"CVR 87654321", []string{"Tømrer Østergaard A/S"}},
		{"8765", []string{"Tømrer Østergaard A/S"}},
		{"3f2a1b4c-0000", []string{"Bager Hansen ApS"}},
		{"bager-fornyet.p12", []string{"Bager Hansen ApS"}},
		{"bager-2023", []string{"Bager Hansen ApS"}}, // the predecessor's file
		{"anna", []string{}},                         // folders are not file names
		{"bager østergaard", []string{}},             // every word must match
		{"nobody", []string{}},
	}
	for _, tc := range tests {
		got := orgs(Query{Search: tc.search}.Apply(lines, now))
		if !slices.Equal(got, tc.want) {
			t.Errorf("search %q: got %q, want %q", tc.search, got, tc.want)
		}
	}
}

// A Windows path's file name is its own on any system (a register may be
// copied between machines): the folders are not searched.
func TestSearchWindowsPathOnAnySystem(t *testing.T) {
	c := cert(1, "X", "", day, true)
	c.File = &register.FileRef{Path: `C:\Users\anna\Downloads\tømrer.p12`}
	lines := Lines([]register.Certificate{c})
	if got := (Query{Search: "tømrer.p12"}).Apply(lines, now); len(got) != 1 {
		t.Error("the file name was not found")
	}
	if got := (Query{Search: "downloads"}).Apply(lines, now); len(got) != 0 {
		t.Error("a folder of the path was searched")
	}
}

func TestHistoryGrouping(t *testing.T) {
	certs := []register.Certificate{
		cert(1, "Bager", "u-1", -2000*day, true),
		cert(2, "Standalone", "", 50*day, false),
		cert(3, "Bager", "U-1", 1000*day, false), // the UUID's case does not matter
		cert(4, "Bager", "u-1", -900*day, true),
		cert(5, "Other", "u-2", 30*day, true),
		cert(6, "No UUID either", "", 60*day, true),
	}
	lines := Lines(certs)
	if len(lines) != 4 {
		t.Fatalf("%d lines, want 4: %+v", len(lines), lines)
	}
	byOrg := map[string]Line{}
	for _, l := range lines {
		byOrg[l.Current.Organization] = l
	}
	bager := byOrg["Bager"]
	if bager.Current.SHA256 != sha(3) {
		t.Errorf("the newest certificate is not on top: %s", bager.Current.SHA256)
	}
	var history []string
	for _, h := range bager.History {
		history = append(history, h.SHA256)
	}
	if !slices.Equal(history, []string{sha(4), sha(1)}) {
		t.Errorf("history %v, want newest first", history)
	}
	// The same rule as the register's: each is the predecessor of the one
	// above it.
	all := bager.All()
	for i := 0; i+1 < len(all); i++ {
		p, ok := register.Predecessor(certs, all[i])
		if !ok || p.SHA256 != all[i+1].SHA256 {
			t.Errorf("register.Predecessor(%s) = %s, the line says %s", all[i].SHA256, p.SHA256, all[i+1].SHA256)
		}
	}
	if _, ok := register.Predecessor(certs, all[len(all)-1]); ok {
		t.Error("the oldest in the line has a predecessor in the register")
	}
	for _, org := range []string{"Standalone", "No UUID either", "Other"} {
		if len(byOrg[org].History) != 0 {
			t.Errorf("%s has a history: %+v", org, byOrg[org].History)
		}
	}
}

// On a made-up provider's register, every line agrees with the register's
// predecessor rule, and no certificate is lost or shown twice.
func TestLinesAgreeWithRegisterOnProviderRegister(t *testing.T) {
	certs := registertest.Certificates(500, now)
	lines := Lines(certs)
	seen := map[string]bool{}
	for _, l := range lines {
		all := l.All()
		for i, c := range all {
			if seen[c.SHA256] {
				t.Fatalf("%s shown twice", c.SHA256)
			}
			seen[c.SHA256] = true
			p, ok := register.Predecessor(certs, c)
			if i+1 < len(all) {
				if !ok || p.SHA256 != all[i+1].SHA256 {
					t.Fatalf("line of %s disagrees with register.Predecessor", c.SHA256)
				}
			} else if ok {
				t.Fatalf("%s has a predecessor outside its line", c.SHA256)
			}
		}
	}
	if len(seen) != len(certs) {
		t.Errorf("%d certificates in lines, want %d", len(seen), len(certs))
	}
	if len(lines) >= len(certs) {
		t.Errorf("no renewal lines grouped (%d lines for %d certificates)", len(lines), len(certs))
	}
}

func TestApplyLeavesInputAlone(t *testing.T) {
	lines := Lines([]register.Certificate{cert(1, "B", "", 500*day, true), cert(2, "A", "", 5*day, true)})
	before := orgs(lines)
	Query{Order: ByOrganization, Search: "a"}.Apply(lines, now)
	if !slices.Equal(orgs(lines), before) {
		t.Errorf("Apply reordered its input: %q, was %q", orgs(lines), before)
	}
}

func TestSortKeyDanishAlphabet(t *testing.T) {
	names := []string{"Åby", "Ølstykke", "Zealand", "æble", "Aarhus", "Ärla", "Öresund"}
	slices.SortFunc(names, func(a, b string) int { return strings.Compare(sortKey(a), sortKey(b)) })
	want := []string{"Aarhus", "Zealand", "æble", "Ärla", "Ølstykke", "Öresund", "Åby"}
	if !slices.Equal(names, want) {
		t.Errorf("got %q, want %q", names, want)
	}
}

// Building the list (grouping, then the default order) and one keystroke of
// search, at an organisation's, a provider's and a large provider's size.
func BenchmarkLines(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		certs := registertest.Certificates(n, now)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			start := cputime.Used()
			for b.Loop() {
				Query{}.Apply(Lines(certs), now)
			}
			cputime.Report(b, start)
		})
		lines := Lines(certs)
		b.Run(fmt.Sprintf("%d/search", n), func(b *testing.B) {
			start := cputime.Used()
			for b.Loop() {
				Query{Search: "hansen 2000"}.Apply(lines, now)
			}
			cputime.Report(b, start)
		})
	}
}

// The same serial again is no renewal (register.Predecessor's rule): such a
// certificate is a line of its own, not history.
func TestSameSerialIsNoHistory(t *testing.T) {
	a := cert(1, "Bager", "u-1", 1000*day, true)
	b := cert(2, "Bager", "u-1", 100*day, true)
	b.Serial = a.Serial
	old := cert(3, "Bager", "u-1", -900*day, true)
	lines := Lines([]register.Certificate{a, b, old})
	if len(lines) != 2 {
		t.Fatalf("%d lines, want 2: %+v", len(lines), lines)
	}
	for _, l := range lines {
		all := l.All()
		for i := 0; i+1 < len(all); i++ {
			if p, ok := register.Predecessor([]register.Certificate{a, b, old}, all[i]); !ok || p.SHA256 != all[i+1].SHA256 {
				t.Errorf("history of %s disagrees with register.Predecessor", all[i].SHA256)
			}
		}
	}
}
