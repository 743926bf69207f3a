//go:build unix

package inspect

import "syscall"

// makeFIFO makes a named pipe at path and returns path, or "" if it cannot.
func makeFIFO(path string) string {
	if syscall.Mkfifo(path, 0o600) != nil {
		return ""
	}
	return path
}
