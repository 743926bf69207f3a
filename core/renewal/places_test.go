package renewal

import (
	"slices"
	"testing"

	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/register"
)

// What the switch-over card offers each kind of place: Datafordeleren (the
// public certificate) its file and its new thumbprint, whose copy records
// nothing over the file given; a system user every identifier, recorded as
// the identity given; a .p12 place a copy; any other the file and a copy.
func TestOfferPlace(t *testing.T) {
	c := known("b2", "0a", started.AddDate(3, 0, 0), started)
	c.SHA1 = "0a1b2c3d"
	all := []string{"thumbprint", "sha256", "serial", "uuid", "cvr"}
	for _, tc := range []struct {
		needs          string
		public, copy12 bool
		ids            []string
		gives          string
		folded         bool
	}{
		{register.NeedsPublic, true, false, []string{"thumbprint"}, "", false},
		{register.NeedsIdentity, false, false, all, register.GaveIdentity, true}, // which one Skat asks for is not known: folded (X19)
		{register.NeedsP12, false, true, nil, "", false},
		{register.NeedsOther, true, true, nil, "", false},
		{"", true, true, nil, "", false},
	} {
		o := OfferPlace(tc.needs, c)
		var ids []string
		for _, id := range o.Identifiers {
			ids = append(ids, id.Code)
		}
		if o.Public != tc.public || o.HandOver != tc.copy12 || !slices.Equal(ids, tc.ids) || o.Gives != tc.gives || o.Folded != tc.folded {
			t.Errorf("%q: %+v; want public %v, copy %v, identifiers %v giving %q, folded %v", tc.needs, o, tc.public, tc.copy12, tc.ids, tc.gives, tc.folded)
		}
	}
	if o := OfferPlace(register.NeedsPublic, c); len(o.Identifiers) != 1 || o.Identifiers[0].Value != inspect.Thumbprint(c.SHA1) {
		t.Errorf("Datafordeleren's thumbprint: %+v", o.Identifiers)
	}
}
