package guide

import "github.com/fornyer/fornyer/core/register"

// KeptFor says where else the password of c is kept, besides the
// computer's store, and which computer's store holds it: the register's
// answer for c; else the progress's, which holds the answer until the
// renewal's certificate is known, when c is that certificate (or not known
// yet, c nil). The summary card and the receipt both ask here.
func (p *Progress) KeptFor(c *register.Certificate) (kept, host string) {
	if c != nil {
		kept, host = c.PasswordKept, c.PasswordHost
	}
	if p == nil || (c != nil && p.FileSHA256 != c.SHA256) {
		return kept, host
	}
	if kept == "" {
		kept = p.PasswordKept
	}
	if host == "" {
		host = p.PasswordHost
	}
	return kept, host
}
