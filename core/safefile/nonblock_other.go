//go:build !unix

package safefile

// openNonBlock: Windows has no FIFOs in the file system; named pipes live
// under \\.\pipe\ and are refused by the mode check after opening.
const openNonBlock = 0
