//go:build !windows && !darwin

package reveal

import (
	"errors"
	"time"

	"github.com/godbus/dbus/v5"
)

// dbusTimeout bounds the file manager's answer on the session bus.
const dbusTimeout = 3 * time.Second

// showItems asks the file manager (Nautilus, Dolphin, Nemo, Thunar…) over
// the session bus to show the files selected.
func showItems(uris []string) error {
	conn, err := dbus.ConnectSessionBus()
	if err != nil {
		return err
	}
	defer conn.Close()
	done := make(chan error, 1)
	go func() {
		obj := conn.Object("org.freedesktop.FileManager1", "/org/freedesktop/FileManager1")
		done <- obj.Call("org.freedesktop.FileManager1.ShowItems", 0, uris, "").Err
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(dbusTimeout):
		return errors.New("reveal: the file manager did not answer")
	}
}
