//go:build (dragonfly && cgo) || (freebsd && cgo) || linux || netbsd || openbsd

package vault

import ss "github.com/zalando/go-keyring/secret_service"

// itemLabels are the Labels of the login collection's items with the
// attributes, for the test that the store shows them.
// labelsReadable says whether this system's test can read a stored
// item's label back (itemLabels).
const labelsReadable = true

func itemLabels(service, user string) []string {
	svc, err := ss.NewSecretService()
	if err != nil {
		return nil
	}
	items, err := svc.SearchItems(svc.GetLoginCollection(), map[string]string{"username": user, "service": service})
	if err != nil {
		return nil
	}
	var out []string
	for _, item := range items {
		if v, err := svc.Object(secretsName, item).GetProperty(labelProperty); err == nil {
			if s, ok := v.Value().(string); ok {
				out = append(out, s)
			}
		}
	}
	return out
}

// renameIfHolding is relabel, for the real store's test.
func renameIfHolding(service, user, label, password string) { relabel(service, user, label, password) }
