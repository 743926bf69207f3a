package oces

import "strings"

// OwnerName is the one rule for naming whom a certificate belongs to: its
// organisation, else its common name (a system certificate may carry no
// organisation). Every place that names an owner (the window, the
// reminders, the calendar, the receipt, the backup's names, the credential
// store's list) asks here.
func OwnerName(organization, commonName string) string {
	if o := strings.TrimSpace(organization); o != "" {
		return o
	}
	return strings.TrimSpace(commonName)
}
