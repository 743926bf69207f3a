package vault

import "time"

// The credential store's time limits, the one place that sets them. The
// window and the command line set none of their own: every call to the
// store is bounded here (Vault.do), and a task of several calls is bounded
// by its calls. They differ, and say why.
const (
	// CallLimit bounds each call to the store, when no other is chosen
	// (tests choose shorter ones: WithTimeout): long enough for the
	// system to ask for the keyring's or keychain's password, short
	// enough that a hung store gets its sentence. Forgetting every
	// password is one call (Forget).
	CallLimit = 20 * time.Second
	// LookupLimit bounds the whole look-up of the saved passwords tried
	// on a file before it is opened (renewal.SavedPasswords), shorter
	// than a call: a store that does not answer at once (locked, asking
	// for its password) only means the password is asked for (the
	// window) or the file is reported as needing one (the command line);
	// the check does not wait on the keyring.
	LookupLimit = 5 * time.Second
)

// ProbeWait is how long a call waits, while an earlier call abandoned on
// a locked or hung store still holds it, for a probe to find the store
// answering again (unlocked, or started again) before it answers
// ErrLocked: short, so the user hears at once that the store is locked,
// long enough for a store that answers to be used at once.
const ProbeWait = 2 * time.Second

// CallSeconds is CallLimit in whole seconds, as the user is told it: the
// longest a Save waits before it says the store did not answer
// ("vault.password.saving", "vault.error.timeout").
const CallSeconds = int(CallLimit / time.Second)
