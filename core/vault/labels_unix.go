//go:build (dragonfly && cgo) || (freebsd && cgo) || linux || netbsd || openbsd

package vault

import (
	"context"
	"sync"
	"time"

	dbus "github.com/godbus/dbus/v5"
	"github.com/zalando/go-keyring"
	ss "github.com/zalando/go-keyring/secret_service"
)

// SetLabeled writes the password as go-keyring does (an item of the login
// collection with the attributes service and username, which is how
// go-keyring and every lookup find it again), then names the item in the
// user's words (label, StoreLabel's): the Secret Service's Label, which
// Passwords and Keys (Seahorse) and KWallet list, in place of go-keyring's
// "Password for '<user>' on '<service>'". The label is only shown: a
// store that refuses it keeps go-keyring's, and the password is saved all
// the same.
func (goKeyring) SetLabeled(service, user, label, password string) error {
	if err := keyring.Set(service, user, password); err != nil {
		return err
	}
	if label != "" {
		relabel(service, user, label, password)
	}
	return nil
}

const (
	secretsName   = "org.freedesktop.secrets"
	labelProperty = "org.freedesktop.Secret.Item.Label"
)

// relabel sets the Label of the login collection's items with the
// attributes that hold password: the item keyring.Set just wrote. Under
// keyring.MockInit (tests) the password went to the mock, not to the
// Secret Service, and a real item with the same attributes (Fornyer's
// list of passwords, in the keyring the tests share) is left alone.
// Errors are ignored (see SetLabeled).
func relabel(service, user, label, password string) {
	svc, err := ss.NewSecretService()
	if err != nil {
		return
	}
	items, err := svc.SearchItems(svc.GetLoginCollection(), map[string]string{"username": user, "service": service})
	if err != nil || len(items) == 0 {
		return
	}
	session, err := svc.OpenSession()
	if err != nil {
		return
	}
	defer func() { _ = svc.Close(session) }()
	for _, item := range items {
		if secret, err := svc.GetSecret(item, session.Path()); err != nil || string(secret.Value) != password {
			continue
		}
		_ = svc.Object(secretsName, item).SetProperty(labelProperty, dbus.MakeVariant(label))
	}
}

// Instance is the unique bus name of the Secret Service now (instancer):
// a keyring started again has another. A bus that does not answer within
// a second, or no Secret Service, is "". The whole look is bounded, the
// connection too: dbus.SessionBus holds a lock while it connects, and a
// call stuck connecting to a bus that never answers holds it for ever
// (the CI's hung bus: every later call waited on that lock). One look at
// a time: while one is still out, the answer is "" at once.
func (goKeyring) Instance() string {
	if !instanceLook.TryLock() {
		return ""
	}
	done := make(chan string, 1)
	go func() {
		defer instanceLook.Unlock()
		done <- busOwner()
	}()
	select {
	case owner := <-done:
		return owner
	case <-time.After(time.Second):
		return ""
	}
}

// instanceLook is held while a look at the bus (busOwner) is out.
var instanceLook sync.Mutex

// busOwner is Instance's look at the session bus, which may hang.
func busOwner() string {
	conn, err := dbus.SessionBus()
	if err != nil {
		return ""
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	var owner string
	if err := conn.BusObject().CallWithContext(ctx, "org.freedesktop.DBus.GetNameOwner", 0, secretsName).Store(&owner); err != nil {
		return ""
	}
	return owner
}
