package cli

import (
	"context"

	"github.com/fornyer/fornyer/core/renewal"
	"github.com/fornyer/fornyer/core/vault"
)

// openVault is the credential store the command line reads (tests put a
// fake one in its place).
var openVault = func() *vault.Vault { return vault.New() }

func init() { SavedPasswords = savedPasswords }

// savedPasswords are the passwords Fornyer saved, as core looks them up
// (renewal.SavedPasswords: the renewal in progress first, then the
// certificates', within its budget). A store that is missing, locked or
// hung gives none: the command then reports the file as needing a password.
func savedPasswords() []string {
	var out []string
	for _, c := range renewal.SavedPasswords(context.Background(), openVault()) {
		out = append(out, c.Password)
	}
	return out
}
