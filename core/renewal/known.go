package renewal

import (
	"slices"
	"strings"
	"time"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/register"
)

// ReadKnown is what AnswerFor needs of the register at path (Input.Known)
// for the file whose certificate is c, read without decoding the rest:
// `fornyer inspect` reads an IT provider's register of thousands for the
// few certificates of its answer (issue 24, 13). The answer made with it
// is the one made with the whole register (TestNeededGivesTheSameAnswer).
// The register's errors are register.Scan's.
func ReadKnown(path string, p *guide.Progress, c *inspect.Certificate) ([]register.Certificate, error) {
	if c == nil {
		return nil, nil // the answer to a file not opened asks nothing of the register
	}
	pick := func(entries []register.Entry) (whole, brief []int) { return Needed(p, c, entries) }
	if k, ok := neededKeys(p, c); ok {
		return register.ReadSomeFor(path, k, pick)
	}
	return register.ReadSome(path, pick)
}

// neededKeys name every entry Needed can pick for c (p the progress, nil
// for none), so that Needed over only those (register.ReadSomeFor) picks
// what it picks over all: the fingerprints (c's, the renewal's file's),
// the UUID, the first of c's organisation (by CVR: sameOrganisationAs),
// and the one learnt last (named by the register itself). Not ok when
// Needed needs every entry (the renewal waits for its file), c's
// organisation is found by its name (no CVR), or the user said "no" to a
// file (declinesAny).
func neededKeys(p *guide.Progress, c *inspect.Certificate) (register.Keys, bool) {
	if c.CVR == "" || needsEvery(p, c) || declinesAny(p) {
		return register.Keys{}, false
	}
	k := register.Keys{SHA256: []string{c.SHA256}, UUID: c.UUID, CVR: c.CVR}
	if p != nil && p.FileSHA256 != "" {
		k.SHA256 = append(k.SHA256, p.FileSHA256)
	}
	return k, true
}

// Needed is the indices, in order, of the register's entries the answer
// to a file whose certificate is c depends on, p being the guide's
// progress (nil: none), the entries being the user's (register.Scan, as
// every reader of the register gives them). Whole are those the answer
// reads whole: the certificate itself, the renewal's own file (Foreign),
// its renewal line (Predecessor, later: the same OCES UUID), the first
// certificate of its organisation and the first of it the user did not
// say "no" to; every entry while the renewal waits for its file
// (Renewing). The one the register learnt last of those the user did not
// say "no" to, when none of them is of c's organisation, is in brief without a renewal (p nil): the
// other-organisation note reads only what its entry tells
// (otherOrganisation, orgData), so it is not decoded; with one it is in
// whole.
func Needed(p *guide.Progress, c *inspect.Certificate, entries []register.Entry) (whole, brief []int) {
	if c == nil {
		return nil, nil
	}
	if needsEvery(p, c) {
		// The renewal waits for its file: which certificate it renews
		// (Renewing: the one in use that expires first) needs them all.
		all := make([]int, len(entries))
		for i := range all {
			all[i] = i
		}
		return all, nil
	}
	// The other-organisation note leaves out the files the user said are
	// not the renewal's (notDeclined): the one learnt last and the one of
	// c's organisation are those it sees (review T10).
	latest := register.LearntLast(len(entries), func(i int) (time.Time, bool) { return entries[i].Updated, !declined(p, entries[i].SHA256) })
	ownOrganisation, ownSeen := false, false
	for i, e := range entries {
		need := strings.EqualFold(e.SHA256, c.SHA256) ||
			c.UUID != "" && strings.EqualFold(e.UUID, c.UUID) ||
			p != nil && p.FileSHA256 != "" && strings.EqualFold(e.SHA256, p.FileSHA256)
		if (!ownOrganisation || !ownSeen) && sameOrganisationAs(e.CVR, e.Organization, c) {
			if !ownSeen {
				ownSeen, need = true, true
			}
			if !ownOrganisation && !declined(p, e.SHA256) {
				ownOrganisation, need = true, true
			}
		}
		if need {
			whole = append(whole, i)
		}
	}
	switch {
	case ownOrganisation || latest < 0 || slices.Contains(whole, latest):
	case p == nil:
		brief = []int{latest}
	default:
		// With a renewal under way it may become the outcome's Previous,
		// which the window reads whole.
		at, _ := slices.BinarySearch(whole, latest)
		whole = slices.Insert(whole, at, latest)
	}
	return whole, brief
}

// declined is whether the user said the file with the fingerprint is not
// the renewal's (p nil: no renewal, nothing said): the one rule for it
// (notDeclined, Needed).
func declined(p *guide.Progress, sha256 string) bool {
	if p == nil {
		return false
	}
	yes, answered := p.Answer(sha256)
	return answered && !yes
}

// declinesAny is whether the user said "no" to any file in p: then the
// first of c's organisation and the one learnt last that the answer sees
// need not be those the register's keys name (neededKeys).
func declinesAny(p *guide.Progress) bool {
	if p != nil {
		for _, yes := range p.Answers {
			if !yes {
				return true
			}
		}
	}
	return false
}

// needsEvery is whether the answer for c needs every entry: while the
// renewal waits for its file (or for c, renewed early), Renewing finds
// which certificate it renews among them all. Needed and neededKeys both
// ask it.
func needsEvery(p *guide.Progress, c *inspect.Certificate) bool {
	return p != nil && (AcceptsFile(p) || early(p, c)) && !p.FileChecked()
}
