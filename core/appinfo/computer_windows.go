package appinfo

import (
	"errors"

	"golang.org/x/sys/windows"
)

// GetComputerNameEx's name types (COMPUTER_NAME_FORMAT).
const (
	computerNameNetBIOS     = 0
	computerNameDNSHostname = 1
)

func computerName() (string, error) {
	dns, _ := computerNameEx(computerNameDNSHostname)
	netbios, _ := computerNameEx(computerNameNetBIOS)
	if name := preferredName(dns, netbios); name != "" {
		return name, nil
	}
	return "", errors.New("appinfo: Windows gives no computer name")
}

func computerNameEx(kind uint32) (string, error) {
	n := uint32(64)
	for {
		buf := make([]uint16, n)
		err := windows.GetComputerNameEx(kind, &buf[0], &n)
		if err == nil {
			return windows.UTF16ToString(buf[:n]), nil
		}
		if err != windows.ERROR_MORE_DATA || n <= uint32(len(buf)) {
			return "", err
		}
	}
}
