package cli

import (
	"context"
	"time"

	"github.com/fornyer/fornyer/core/vault"
)

// savedBudget bounds the whole search of the credential store, on top of
// the vault's own timeout per call: a command run by a script must not
// wait long on a store that does not answer.
const savedBudget = 10 * time.Second

// openVault is the credential store the command line reads (tests put a
// fake one in its place).
var openVault = func() *vault.Vault { return vault.New() }

func init() { SavedPasswords = savedPasswords }

// savedPasswords are the passwords Fornyer saved, the renewal in progress
// first, then the certificates'. A store that is missing, locked or hung
// gives none: the command then reports the file as needing a password.
func savedPasswords() []string {
	ctx, cancel := context.WithTimeout(context.Background(), savedBudget)
	defer cancel()
	return openVault().Candidates(ctx)
}
