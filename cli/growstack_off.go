//go:build nogrowstack

package cli

// growStack does nothing: the build scripts/bench-growstack.sh compares
// with (growstack.go).
func growStack() byte { return 0 }
