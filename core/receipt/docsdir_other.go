//go:build !windows

package receipt

// knownDocuments is Windows' Known Folder; other systems have none.
func knownDocuments() string { return "" }
