//go:build windows

package main

import "golang.org/x/sys/windows"

// showMessageBox shows a native message box, which needs no OpenGL.
func showMessageBox(title, body string) {
	t, err1 := windows.UTF16PtrFromString(title)
	b, err2 := windows.UTF16PtrFromString(body)
	if err1 != nil || err2 != nil {
		return // a NUL in the text; standard error has it
	}
	windows.MessageBox(0, b, t, windows.MB_OK|windows.MB_ICONWARNING|windows.MB_SETFOREGROUND)
}
