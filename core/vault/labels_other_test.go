//go:build !((dragonfly && cgo) || (freebsd && cgo) || linux || netbsd || openbsd)

package vault

// labelsReadable says whether this system's test can read a stored
// item's label back (itemLabels): only the Secret Service's here.
const labelsReadable = false

func itemLabels(service, user string) []string { return nil }

func renameIfHolding(service, user, label, password string) {}
