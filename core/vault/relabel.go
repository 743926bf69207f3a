package vault

import (
	"context"
	"slices"
)

// Relabel names the entry under id anew, in Fornyer's list and in the
// store's own list (StoreLabel), its password and date unchanged: a
// renewal's pending password saved before anyone knew whose it was gets
// the organisation's name once its file is known (W16), as every other
// entry has. An entry already so named is not written again; ErrNotFound
// when there is none.
func (v *Vault) Relabel(ctx context.Context, id, label string) error {
	if err := checkID(id); err != nil {
		return err
	}
	label = cleanLabel(label)
	return v.do(ctx, func(b Backend) error {
		list, _, err := readIndex(b)
		if err != nil {
			return err
		}
		i := slices.IndexFunc(list, func(e Entry) bool { return e.ID == id })
		if i >= 0 && list[i].Label == label {
			return nil
		}
		password, err := b.Get(Service, id)
		if err != nil {
			return classify(err, "")
		}
		if err := put(b, id, label, password); err != nil {
			return err
		}
		return v.updateIndex(b, func(list []Entry) []Entry {
			if i := slices.IndexFunc(list, func(e Entry) bool { return e.ID == id }); i >= 0 {
				list[i].Label = label
			}
			return list
		})
	})
}
