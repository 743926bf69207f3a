package backup

import (
	"crypto/x509"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/fornyer/fornyer/core/msg"
)

// manifest is the text file that describes a backup: what each file is,
// whose certificate it holds, when it expires, and the files' checksums in the format `sha256sum -c` reads,
// after each system's own command to compute one (the note is read on
// whichever computer the backup is taken to: certutil or Get-FileHash on
// Windows, shasum on macOS, sha256sum on Linux).
// It is built from the certificate and the file list only, so no password
// can reach it. It names no time (when the backup was verified is in the
// register and on the receipt): the same files give the same manifest, so
// a later backup to the same stick finds it like the copy, not a "(2)".
func manifest(lang string, leaf *x509.Certificate, files []File) []byte {
	t := func(key string, data any) string { return msg.T(lang, "backup.manifest."+key, data) }
	var b strings.Builder
	line := func(s string) { b.WriteString(s); b.WriteString("\n") }

	line(t("title", nil))
	line("")
	if leaf != nil {
		line(t("organization", map[string]string{"Value": leafOrganization(leaf)}))
		line(t("serial", map[string]string{"Value": Serial(leaf)}))
		line(t("expires", map[string]string{"Value": msg.DateTime(lang, leaf.NotAfter.Local())}))
	}
	line("")
	line(t("files", nil))
	for _, f := range files {
		line(fmt.Sprintf("  %s: %s", filepath.Base(f.Path), t("kind."+string(f.Kind), nil)))
	}
	line("")
	line(t("password", nil))
	line("")
	line(t("checksums", nil))
	for _, system := range []string{"windows", "macos", "linux"} {
		line(t("check."+system, nil))
	}
	line("")
	for _, f := range files {
		line(f.SHA256 + "  " + filepath.Base(f.Path))
	}
	return []byte(b.String())
}

// Serial is a certificate's serial number as lower-case hex, the way
// certificate viewers show it (without separators).
func Serial(c *x509.Certificate) string {
	return fmt.Sprintf("%x", c.SerialNumber)
}
