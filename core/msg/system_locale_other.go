//go:build !windows && !darwin

package msg

// systemLocales is empty where the environment variables Detect reads are
// the system's setting already (Linux and other Unix systems).
func systemLocales() []string { return nil }
