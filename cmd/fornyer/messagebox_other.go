//go:build !windows

package main

// showMessageBox is Windows only; elsewhere standard error says it.
func showMessageBox(title, body string) {}
