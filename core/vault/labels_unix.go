//go:build (dragonfly && cgo) || (freebsd && cgo) || linux || netbsd || openbsd

package vault

import (
	dbus "github.com/godbus/dbus/v5"
	"github.com/zalando/go-keyring"
	ss "github.com/zalando/go-keyring/secret_service"
)

// SetLabeled writes the password as go-keyring does (an item of the login
// collection with the attributes service and username, which is how
// go-keyring and every lookup find it again), then names the item in the
// user's words (StoreLabel): the Secret Service's Label, which Passwords
// and Keys (Seahorse) and KWallet list, in place of go-keyring's
// "Password for '<user>' on '<service>'". The label is only shown: a
// store that refuses it keeps go-keyring's, and the password is saved all
// the same. Under keyring.MockInit (tests) the item is not in the real
// store, and nothing is renamed.
func (goKeyring) SetLabeled(service, user, label, password string) error {
	if err := keyring.Set(service, user, password); err != nil {
		return err
	}
	relabel(service, user, StoreLabel(label))
	return nil
}

const (
	secretsName   = "org.freedesktop.secrets"
	labelProperty = "org.freedesktop.Secret.Item.Label"
)

// relabel sets the Label of the login collection's items with the
// attributes; errors are ignored (see SetLabeled).
func relabel(service, user, label string) {
	svc, err := ss.NewSecretService()
	if err != nil {
		return
	}
	items, err := svc.SearchItems(svc.GetLoginCollection(), map[string]string{"username": user, "service": service})
	if err != nil {
		return
	}
	for _, item := range items {
		_ = svc.Object(secretsName, item).SetProperty(labelProperty, dbus.MakeVariant(label))
	}
}

// StoreLabel is the name an item carries in the store's own list: the
// app's name and what the password opens, in the user's words.
func StoreLabel(label string) string { return Service + ": " + label }
