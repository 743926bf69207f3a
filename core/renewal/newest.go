package renewal

import (
	"path/filepath"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/handover"
	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/watch"
)

// NewestToCheck is the certificate file the download card proposes to
// check, "the newest in Downloads": the newest in the folders, passing
// over, for the next newest, Fornyer's own hand-over copies
// (handover.Ours), files that fail their check before any password
// (inspect.Damaged: a download broken off, Z8), and files the user said
// are not the renewal's: answered "no" in the renewal p (nil: none), or
// kept apart, as the register records them where they were checked
// (walk W5: the supplier's file just declined was offered as the one to
// check). certs are the register's certificates, those kept apart
// included. It reads files: off the UI thread.
func NewestToCheck(folders []watch.Folder, certs []register.Certificate, p *guide.Progress) (watch.Arrival, bool) {
	return watch.NewestIn(folders, func(path string) bool {
		return notTheRenewals(path, certs, p) || handover.Ours(path, certs) || inspect.Damaged(path)
	})
}

// notTheRenewals says whether the file at path is one the register
// records a certificate at that the user declined in p or keeps apart.
func notTheRenewals(path string, certs []register.Certificate, p *guide.Progress) bool {
	for _, c := range certs {
		if c.File == nil || filepath.Clean(c.File.Path) != filepath.Clean(path) {
			continue
		}
		if c.Apart {
			return true
		}
		if p != nil {
			if yes, answered := p.Answer(c.SHA256); answered && !yes {
				return true
			}
		}
	}
	return false
}
