//go:build nogrowstack

package main

// growStack does nothing: the build scripts/bench-growstack.sh compares
// with (growstack.go).
func growStack() byte { return 0 }
