package renewal

import (
	"slices"
	"strings"

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
	return register.ReadSome(path, func(entries []register.Entry) (whole, brief []int) {
		return Needed(p, c, entries)
	})
}

// Needed is the indices, in order, of the register's entries the answer
// to a file whose certificate is c depends on, p being the guide's
// progress (nil: none), the entries being the user's (register.Scan, as
// every reader of the register gives them). Whole are those the answer
// reads whole: the certificate itself, the renewal's own file (Foreign),
// its renewal line (Predecessor, later: the same OCES UUID), one
// certificate of its organisation; every entry while the renewal waits
// for its file (Renewing). The one the register learnt last, when none is
// of c's organisation, is in brief without a renewal (p nil): the
// other-organisation note reads only what its entry tells
// (otherOrganisation, orgData), so it is not decoded; with one it is in
// whole.
func Needed(p *guide.Progress, c *inspect.Certificate, entries []register.Entry) (whole, brief []int) {
	if c == nil {
		return nil, nil
	}
	if p != nil && (AcceptsFile(p) || early(p, c)) && !p.FileChecked() {
		// The renewal waits for its file: which certificate it renews
		// (Renewing: the one in use that expires first) needs them all.
		all := make([]int, len(entries))
		for i := range all {
			all[i] = i
		}
		return all, nil
	}
	latest, ownOrganisation := -1, false
	for i, e := range entries {
		need := strings.EqualFold(e.SHA256, c.SHA256) ||
			c.UUID != "" && strings.EqualFold(e.UUID, c.UUID) ||
			p != nil && p.FileSHA256 != "" && strings.EqualFold(e.SHA256, p.FileSHA256)
		if !ownOrganisation && sameOrganisationAs(e.CVR, e.Organization, c) {
			ownOrganisation, need = true, true
		}
		if latest < 0 || e.Updated.After(entries[latest].Updated) {
			latest = i
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
