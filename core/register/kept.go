package register

import "time"

// Where else a certificate's password is kept, as the user answered after
// saving it: one computer's credential store is a single point of failure
// (a replaced laptop, and the backup on the USB stick cannot be opened).
// Only the answer is recorded, never the password.
const (
	KeptWritten = "written" // written down and locked away
	KeptManager = "manager" // in the organisation's password manager
	KeptNowhere = "nowhere" // nowhere yet: a reminder stays until it is
)

// KeptAnswers are the answers in the order they are offered.
var KeptAnswers = []string{KeptWritten, KeptManager, KeptNowhere}

// KnownKept says whether kept is one of the answers.
func KnownKept(kept string) bool {
	for _, k := range KeptAnswers {
		if k == kept {
			return true
		}
	}
	return false
}

// NeedsSecondCopy says whether the user should be reminded to keep the
// password somewhere besides the computer: they answered "nowhere yet".
func NeedsSecondCopy(kept string) bool { return kept == KeptNowhere }

// SetPasswordKept records where else the certificate's password is kept
// and, when host is not empty, which computer's store holds it. An unknown
// answer is refused with CodeInvalid and nothing changes.
func (s *Store) SetPasswordKept(sha, kept, host string) error {
	if !KnownKept(kept) {
		return &Error{Code: CodeInvalid, Path: s.path}
	}
	return s.modify(sha, func(c *Certificate, _ time.Time) {
		c.PasswordKept = kept
		if host != "" {
			c.PasswordHost = host
		}
	})
}
