package renewal

// The window's first card before the whole register is read (issue 27):
// which certificates it needs (FirstCard), the register opened with those
// alone (OpenFirst), and the readers that may use them (FirstCertificates,
// State).

import (
	"strings"
	"time"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/register"
)

// OpenFirst opens the window's register at path for its start: only the
// certificates the first card needs (FirstCard, for the progress saved at
// progressPath as guide.Peek reads it, and now) are decoded before the
// first frame; the rest is read by register.Store.LoadWhole, after it.
// Until then List, Get and every change wait for the whole register; the
// first card reads FirstCertificates and State, which give the part. The
// errors, and what is done with a damaged register, are register.Open's
// (register.OpenFirst).
func OpenFirst(path, progressPath string, now time.Time, opts ...register.Option) (*register.Store, error) {
	p := guide.Peek(progressPath, now)
	return register.OpenFirst(path, func(entries []register.Entry) []int { return FirstCard(p, entries, now) }, firstKey(p), opts...)
}

// FirstCertificates is the register's certificates for what the first
// card shows of them for p: the reminders that stand (Standing,
// RenewsHere), the certificate to renew (Renewing) and "Last time"
// (Last). While the whole register is still read they are OpenFirst's
// part, if it was picked for the same renewed file as p's, which gives
// the same answers as the whole (TestFirstCardGivesTheSameStart);
// otherwise, and for any other question, they are reg.List, which waits
// for the whole register.
func FirstCertificates(p *guide.Progress, reg *register.Store) []register.Certificate {
	return reg.SoFar(firstKey(p))
}

// firstKey is what of the progress FirstCard's picks depend on: the
// renewed file, once checked; before, the certificate chosen to renew.
func firstKey(p *guide.Progress) string {
	switch {
	case p == nil:
		return ""
	case p.FileChecked():
		return strings.ToLower(p.FileSHA256)
	case p.Renews != "": // the certificate chosen: Renewing names it
		return "renews:" + strings.ToLower(p.Renews)
	}
	return ""
}

// FirstCard is the indices, in order, of the register's entries the
// window's first frame reads whole, p being the guide's progress (nil:
// none), the entries being the user's (register.Scan): the certificates
// the reminders stand for (Standing), the one the guide renews (Renewing,
// read by the first card and "Last time"), once the renewed file is
// checked that file's certificate, and for each of them the latest
// expiries of its renewal line (which tell whether it is renewed:
// register.InUse). The reminders, the certificate to renew, whether a
// reminder renews here (RenewsHere) and Last made with them alone are
// those made with the whole register (TestFirstCardGivesTheSameStart):
// the rest can be decoded after the first frame.
func FirstCard(p *guide.Progress, entries []register.Entry, now time.Time) []int {
	// The entries' own texts, not copies (Entry.Certificate copies each):
	// nothing read here outlives the call, which returns indices only.
	briefs := make([]register.Certificate, len(entries))
	for i, e := range entries {
		briefs[i] = register.Certificate{SHA256: e.SHA256, UUID: e.UUID, CVR: e.CVR, Organization: e.Organization,
			CommonName: e.CommonName, Serial: e.Serial, Kind: e.Kind, NotAfter: e.NotAfter, Updated: e.Updated}
	}
	need := make([]bool, len(entries))
	index := map[string]int{}
	for i, e := range entries {
		index[e.SHA256] = i
	}
	for _, r := range register.Standing(briefs, now) {
		need[index[r.Certificate.SHA256]] = true
	}
	progress := p
	if progress == nil {
		progress = &guide.Progress{}
	}
	if c, ok := Renewing(progress, briefs, now); ok {
		need[index[c.SHA256]] = true
	}
	// Each line's latest expiry, and the latest of another serial than
	// its: with both, whether any certificate of the line is renewed
	// reads as with the whole line.
	type line struct{ latest, other int }
	lines := map[string]line{}
	for i, e := range entries {
		if progress.FileChecked() && strings.EqualFold(e.SHA256, progress.FileSHA256) {
			need[i] = true
		}
		if e.UUID == "" {
			continue
		}
		u := strings.ToLower(e.UUID)
		l, ok := lines[u]
		if !ok {
			lines[u] = line{latest: i, other: -1}
		} else if e.NotAfter.After(entries[l.latest].NotAfter) {
			lines[u] = line{latest: i, other: -1}
		}
	}
	for i, e := range entries {
		if e.UUID == "" {
			continue
		}
		u := strings.ToLower(e.UUID)
		l := lines[u]
		if !strings.EqualFold(e.Serial, entries[l.latest].Serial) && (l.other < 0 || e.NotAfter.After(entries[l.other].NotAfter)) {
			l.other = i
			lines[u] = l
		}
	}
	var which []int
	for i, e := range entries {
		if need[i] && e.UUID != "" {
			l := lines[strings.ToLower(e.UUID)]
			need[l.latest] = true
			if l.other >= 0 {
				need[l.other] = true
			}
		}
	}
	for i := range entries {
		if need[i] {
			which = append(which, i)
		}
	}
	return which
}
