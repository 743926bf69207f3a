//go:build !unix

package inspect

// makeFIFO returns "": this platform has no named pipes in the file system.
func makeFIFO(string) string { return "" }
