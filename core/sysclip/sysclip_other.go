//go:build !windows && !darwin

package sysclip

func writeConcealed(string) error { return ErrUnsupported }
