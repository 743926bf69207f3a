package backup

import (
	"os"
	"os/user"
	"path/filepath"
)

func drives() []Drive {
	name := os.Getenv("USER")
	if u, err := user.Current(); err == nil {
		name = u.Username
	}
	if name == "" {
		return nil
	}
	return linuxDrives("/", name)
}

// linuxDrives are the drives under root's media folders for the user.
func linuxDrives(root, user string) []Drive {
	return mountedUnder([]string{
		filepath.Join(root, "media", user),
		filepath.Join(root, "run", "media", user),
	}, nil)
}
