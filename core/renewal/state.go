package renewal

import (
	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/register"
)

// State is the renewal's facts, the one call every screen makes when it
// draws the guide: the register's record of the renewed certificate (its
// file, backups, receipts, DPG installation, where else its password is
// kept) and the credential store's list as the window last read it
// (passwords: never ask the store on the UI thread). reg may be nil.
func State(p *guide.Progress, reg *register.Store, passwords guide.Passwords) guide.Facts {
	var c *register.Certificate
	if reg != nil && p.FileChecked() {
		if got, ok := reg.Get(p.FileSHA256); ok {
			c = &got
		}
	}
	return guide.FactsOf(p, c, passwords)
}
