package vault

import (
	"context"
	"slices"
	"strings"
)

// MarkDoesNotOpen records that the password under id was tried on the file
// of the certificate with the fingerprint and does not open it
// (Entry.DoesNotOpen), and names the entry anew, in Fornyer's list and in
// the store's own list (StoreLabel), its password and date unchanged: a
// renewal's pending password saved before anyone knew whose it was is
// then told apart from the certificate's right one wherever the user sees
// the store's list. An entry already so marked and named is not written
// again; ErrNotFound when there is none.
func (v *Vault) MarkDoesNotOpen(ctx context.Context, id, fingerprint, label string) error {
	if err := checkID(id); err != nil {
		return err
	}
	label = cleanLabel(label)
	fingerprint = strings.ToLower(fingerprint)
	return v.do(ctx, func(b Backend) error {
		list, _, err := readIndex(b)
		if err != nil {
			return err
		}
		i := slices.IndexFunc(list, func(e Entry) bool { return e.ID == id })
		if i >= 0 && list[i].Label == label && list[i].DoesNotOpen == fingerprint {
			return nil
		}
		password, err := b.Get(Service, id)
		if err != nil {
			return classify(err, "")
		}
		e := Entry{ID: id, Label: label, DoesNotOpen: fingerprint}
		if i >= 0 {
			e.Saved, e.Expires = list[i].Saved, list[i].Expires
		}
		if e.Shown, err = v.put(b, e, password); err != nil {
			return err
		}
		return v.updateIndex(b, func(list []Entry) []Entry {
			if i := slices.IndexFunc(list, func(e Entry) bool { return e.ID == id }); i >= 0 {
				list[i].Label, list[i].DoesNotOpen, list[i].Shown = label, fingerprint, e.Shown
			}
			return list
		})
	})
}
