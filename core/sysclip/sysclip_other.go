//go:build !windows && !darwin && !linux && !freebsd && !netbsd && !openbsd

package sysclip

func writeConcealed(string) error { return ErrUnsupported }
