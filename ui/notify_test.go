package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/fornyer/fornyer/core/register"
)

// A certificate's organisation name ends up in a PowerShell script on
// Windows (Fyne quotes it with %q). Nothing in it may end the string or
// expand inside it.
func TestNotificationTextCannotEscapeThePowerShellString(t *testing.T) {
	t.Parallel()
	hostile := "ACME $(Start-Process calc) `whoami` \"; calc; \" \u201ccalc\u201d \\ x"
	n := reminderNotification(register.Reminder{
		Certificate: register.Certificate{Organization: hostile, NotAfter: time.Now().AddDate(0, 0, 30)},
		DaysLeft:    30,
	}, "en")
	for _, text := range []string{n.Title, n.Content} {
		literal := fmt.Sprintf("%q", text) // as Fyne's notificationTemplate writes it
		inner := literal[1 : len(literal)-1]
		for _, bad := range []string{"$", "`", "\"", "\u201c", "\u201d"} {
			if strings.Contains(inner, bad) {
				t.Errorf("%q inside the script string: %s", bad, literal)
			}
		}
	}
	if !strings.Contains(n.Content, "ACME") {
		t.Errorf("the organisation is gone from the text: %q", n.Content)
	}
}
