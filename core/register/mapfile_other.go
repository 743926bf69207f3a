//go:build !unix

package register

// mapFile reads the register's bytes (readFile): on Windows a mapped file
// could not be replaced by the window while it is mapped.
func mapFile(path string) (data []byte, release func(), err error) {
	data, err = readFile(path)
	return data, func() {}, err
}
