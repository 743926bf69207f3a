package renewal

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/oces"
	"github.com/fornyer/fornyer/core/register"
)

// The first frame made from FirstCard's certificates alone shows what it
// shows made from the whole register: the same reminders (and whether each
// renews here), the same certificate to renew and the same "Last time".
func TestFirstCardGivesTheSameStart(t *testing.T) {
	r := rand.New(rand.NewPCG(27, 1000))
	pick := func(vs ...string) string { return vs[r.IntN(len(vs))] }
	shas := []string{"a1", "b2", "c3", "d4", "e5", "f6", "07", "18", "29"}
	now := started.AddDate(0, 0, r.IntN(30))
	for n := range 5000 {
		var all []register.Certificate
		for _, i := range r.Perm(len(shas))[:r.IntN(len(shas)+1)] {
			// Expiries around now, a few days apart: some past, some
			// within the thresholds, some beyond, some equal.
			notAfter := started.AddDate(0, 0, (r.IntN(12)-3)*15)
			c := known(shas[i], pick("01", "02", "03"), notAfter, started.AddDate(0, 0, -r.IntN(900)))
			c.UUID = pick("", uuid, strings.ToUpper(uuid), "99999999-2222-3333-4444-555555555555")
			c.Kind = pick("", oces.Organization, oces.Employee, "system")
			c.Organization = pick("Firma ApS", "Andet ApS")
			if r.IntN(4) == 0 {
				c.Receipts = []register.Receipt{{Path: "kvittering.pdf", At: c.Added, By: "Ida"}}
			}
			if r.IntN(4) == 0 {
				c.PasswordKept = register.KeptWritten
			}
			all = append(all, c)
		}
		var p *guide.Progress
		switch r.IntN(5) {
		case 1:
			p = atDownload()
		case 2:
			p = atDownload()
			p.SetFileChecked(strings.Repeat(pick(shas...), 32), started)
		case 3:
			q := guide.New(started)
			p = &q
		case 4: // a certificate chosen to renew, perhaps one not there
			q := guide.NewOf(strings.Repeat(pick(shas...), 32), started)
			p = &q
		}
		entries := make([]register.Entry, len(all))
		for i, c := range all {
			entries[i] = register.Entry{SHA256: c.SHA256, UUID: c.UUID, CVR: c.CVR, Organization: c.Organization,
				CommonName: c.CommonName, Serial: c.Serial, Kind: c.Kind, NotAfter: c.NotAfter, Updated: c.Updated}
		}
		var some []register.Certificate
		for _, i := range FirstCard(p, entries, now) {
			some = append(some, all[i])
		}
		if got, want := Standing(p, some, now), Standing(p, all, now); !reflect.DeepEqual(got, want) {
			t.Fatalf("case %d: reminders from the first card's %d of %d:\n%v\nwant %v", n, len(some), len(all), got, want)
		}
		for _, s := range Standing(p, all, now) {
			if RenewsHere(p, some, now, s.Certificate) != RenewsHere(p, all, now, s.Certificate) {
				t.Fatalf("case %d: whether %s's reminder renews here differs", n, s.Certificate.SHA256[:4])
			}
		}
		progress := p
		if progress == nil {
			progress = &guide.Progress{}
		}
		got, gotOK := Renewing(progress, some, now)
		want, wantOK := Renewing(progress, all, now)
		if gotOK != wantOK || !reflect.DeepEqual(got, want) {
			t.Fatalf("case %d: the certificate to renew from the first card's = %v %v, want %v %v", n, got.SHA256, gotOK, want.SHA256, wantOK)
		}
		gotLast, gotOK := Last(progress, some, now)
		wantLast, wantOK := Last(progress, all, now)
		if gotOK != wantOK || gotLast != wantLast {
			t.Fatalf("case %d: Last = %+v %v, want %+v %v", n, gotLast, gotOK, wantLast, wantOK)
		}
	}
}
