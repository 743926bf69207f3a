package vault

import (
	"os"
	"os/user"
	"path/filepath"
	"runtime"
)

// noSessionBusAddress is what the D-Bus library is told when there is no
// session bus: an address no transport accepts, so it fails at once.
const noSessionBusAddress = "fornyer-no-session-bus:"

// preventAutolaunch keeps the D-Bus library from starting a session bus of
// its own. On Linux and the BSDs, go-keyring reaches the Secret Service
// through the session bus; when the environment names none, the library
// runs dbus-launch, which leaves a bus daemon and a keyring daemon behind
// on every run (a command run by a script on a server, a test). There is
// no switch for it but the environment, so the environment is given an
// address that fails: the credential store is then simply unavailable.
// It is done once, before the first call to the store.
func preventAutolaunch() {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		return
	}
	if a := os.Getenv("DBUS_SESSION_BUS_ADDRESS"); a != "" && a != "autolaunch:" {
		return
	}
	// The places the library looks before it launches one.
	if u, err := user.Current(); err == nil {
		dir := filepath.Join("/run/user", u.Uid)
		for _, name := range []string{"bus", "dbus-session"} {
			if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
				return
			}
		}
	}
	_ = os.Setenv("DBUS_SESSION_BUS_ADDRESS", noSessionBusAddress)
}
