package renewal

import (
	"slices"
	"strings"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/oces"
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
	x, err := register.Scan(path)
	if err != nil {
		return nil, err
	}
	return x.Certificates(Needed(p, c, x.Entries()))
}

// Needed is the indices, in order, of the register's entries the answer
// to a file whose certificate is c depends on, p being the guide's
// progress (nil: none): the certificate itself, the renewal's own file
// (Foreign), its renewal line (Predecessor, later: the same OCES UUID),
// one certificate of its organisation, and when there is none the one the
// register learnt last (otherOrganisation); every entry while the
// renewal waits for its file (Renewing).
func Needed(p *guide.Progress, c *inspect.Certificate, entries []register.Entry) []int {
	if c == nil {
		return nil
	}
	if p != nil && AcceptsFile(p) && !p.FileChecked() {
		// The renewal waits for its file: which certificate it renews
		// (Renewing: the one in use that expires first) needs them all.
		all := make([]int, len(entries))
		for i := range all {
			all[i] = i
		}
		return all
	}
	var out []int
	latest, ownOrganisation := -1, false
	for i, e := range entries {
		need := strings.EqualFold(e.SHA256, c.SHA256) ||
			c.UUID != "" && strings.EqualFold(e.UUID, c.UUID) ||
			p != nil && p.FileSHA256 != "" && strings.EqualFold(e.SHA256, p.FileSHA256)
		if !oces.IsStateCAName(e.Organization, e.CommonName) {
			if !ownOrganisation && sameOrganisationAs(e.CVR, e.Organization, c) {
				ownOrganisation, need = true, true
			}
			if latest < 0 || e.Updated.After(entries[latest].Updated) {
				latest = i
			}
		}
		if need {
			out = append(out, i)
		}
	}
	if !ownOrganisation && latest >= 0 {
		if at, found := slices.BinarySearch(out, latest); !found {
			out = slices.Insert(out, at, latest)
		}
	}
	return out
}
