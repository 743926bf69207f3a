package inspect

import "github.com/fornyer/fornyer/core/pfx"

// Damaged says whether the file at path fails its check before any
// password is asked: it cannot be read, is too large, is not a PKCS#12
// file, or is a damaged or truncated one (the checks' unreadable_file,
// too_large, unrecognized_format and corrupt). Its check could say
// nothing but that, so the download card does not propose it as the
// newest download to check (Z8). It reads the file and its structure
// only: no password is tried, no key derived.
func Damaged(path string) bool {
	data, err := pfx.ReadFile(path)
	if err != nil || pfx.Detect(data) != pfx.FormatPKCS12 {
		return true
	}
	_, err = pfx.Parse(data)
	switch pfx.CodeOf(err) {
	case pfx.CodeCorrupt, pfx.CodeUnrecognized:
		return true
	}
	return false
}
