package appinfo

import "strings"

// ComputerName is this computer's name as its system shows it to the user;
// the summary and the receipt name the computer whose credential store
// holds a password by it. Elsewhere than on Windows it is os.Hostname.
func ComputerName() (string, error) { return computerName() }

// preferredName chooses between Windows' two names for a computer: the
// DNS host name keeps the case the user gave it ("Anna-PC"), the NetBIOS
// name (%COMPUTERNAME%, "ANNA-PC") is always upper case. A DNS name in lower
// case only is not one a user chose on Windows (Windows' own names are
// upper case; under Wine it is the Linux host name, "vm" for "VM"): then
// the NetBIOS name is how the system writes it.
func preferredName(dns, netbios string) string {
	switch {
	case dns == "":
		return netbios
	case strings.ToLower(dns) == dns && strings.EqualFold(dns, netbios):
		return netbios
	}
	return dns
}
