//go:build (linux || freebsd || openbsd || netbsd) && !android

package widget

import (
	"context"
	"errors"
	"net/url"
	"time"

	"fyne.io/fyne/v2"
	"github.com/godbus/dbus/v5"
	"github.com/rymdport/portal/filechooser"
)

// portalName is the desktop portal's bus name; GNOME, KDE and others answer
// on it with their own file chooser.
const portalName = "org.freedesktop.portal.Desktop"

// pickNative asks the desktop's portal (xdg-desktop-portal) for its file
// chooser, when the session has one: GNOME's or KDE's dialog, in the
// desktop's language.
func pickNative(_ fyne.Window, p Pick) (string, error) {
	if !portalAvailable() {
		return "", errNoNative
	}
	opts := &filechooser.OpenFileOptions{Directory: p.Folder, CurrentFolder: existingDir(p.StartDir)}
	if !p.Folder && len(p.Extensions) > 0 {
		f := &filechooser.Filter{Name: p.Filter}
		for _, e := range p.Extensions {
			f.Rules = append(f.Rules, filechooser.Rule{Type: filechooser.GlobPattern, Pattern: "*." + e})
		}
		opts.Filters = []*filechooser.Filter{f}
	}
	uris, err := filechooser.OpenFile("", p.Title, opts)
	if err != nil {
		return "", errors.Join(errNoNative, err)
	}
	if len(uris) == 0 {
		return "", errCancelled
	}
	u, err := url.Parse(uris[0])
	if err != nil || u.Scheme != "file" {
		return "", errors.Join(errNoNative, err)
	}
	return u.Path, nil
}

// portalAvailable says whether a portal runs (or can be started) on the
// session bus, within a second: a missing bus or portal means Fyne's own
// dialog, never a wait.
func portalAvailable() bool {
	conn, err := dbus.SessionBus()
	if err != nil {
		return false
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	var has bool
	if conn.BusObject().CallWithContext(ctx, "org.freedesktop.DBus.NameHasOwner", 0, portalName).Store(&has) == nil && has {
		return true
	}
	var names []string
	if conn.BusObject().CallWithContext(ctx, "org.freedesktop.DBus.ListActivatableNames", 0).Store(&names) != nil {
		return false
	}
	for _, n := range names {
		if n == portalName {
			return true
		}
	}
	return false
}
