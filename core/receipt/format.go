package receipt

import (
	"fmt"
	"strings"
	"time"

	"github.com/fornyer/fornyer/core/msg"
)

// Dates are written the way each language writes them on paper: Danish
// "24. november 2026 kl. 21:55", English "24 November 2026 at 21:55". The
// month names and the patterns are in the catalogue.

type dateParts struct {
	Day, Month, Mon, Year, Time string
}

func parts(lang string, t time.Time) dateParts {
	return dateParts{
		Day:   fmt.Sprint(t.Day()),
		Month: msg.MonthName(lang, t.Month()),
		Year:  fmt.Sprint(t.Year()),
		Time:  t.Format("15:04"),
		Mon:   msg.T(lang, fmt.Sprintf("receipt.month_short.%d", int(t.Month())), nil),
	}
}

// formatDateTime writes a date and time in full.
func formatDateTime(lang string, t time.Time) string {
	return msg.T(lang, "receipt.format.datetime", parts(lang, t))
}

// formatShort writes a date and time compactly, for the checklist column.
func formatShort(lang string, t time.Time) string {
	return msg.T(lang, "receipt.format.short", parts(lang, t))
}

// groupHex writes a hex fingerprint in upper case, in groups of four and
// lines of eight groups, so a person can compare it with another copy by
// eye. Anything that is not a plain hex string is returned as it is.
func groupHex(s string) string {
	h := strings.ToUpper(strings.NewReplacer(":", "", " ", "").Replace(s))
	if h == "" || strings.Trim(h, "0123456789ABCDEF") != "" {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(h); i += 4 {
		switch {
		case i > 0 && i%32 == 0:
			b.WriteByte('\n')
		case i > 0:
			b.WriteByte(' ')
		}
		b.WriteString(h[i:min(i+4, len(h))])
	}
	return b.String()
}

// whenDone is what a step's (or a place's) line says of it: when it was
// done; else "not yet" for what the renewal had not come to when the
// receipt was made, and "not done" for what it passed without doing.
func whenDone(t func(string) string, lang string, at time.Time, ahead bool) string {
	switch {
	case !at.IsZero():
		return formatShort(lang, at)
	case ahead:
		return t("receipt.step.not_yet")
	}
	return t("receipt.step.not_done")
}
