// Package calendar writes the calendar file (iCalendar, RFC 5545) that
// puts a certificate's renewal and expiry in the user's own calendar.
package calendar

import (
	"bytes"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/fornyer/fornyer/core/appinfo"
	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/oces"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/safetext"
)

// ICS returns an iCalendar file (RFC 5545) for c with two events: an all-day
// "renew now" event on the day the check starts warning that the
// certificate expires soon (inspect.ExpiresSoonDays days left, counted as
// oces.DaysLeft counts them; today, when less is left),
// with alarms a week before and
// on the morning of the day, and the expiry itself, with an alarm the day
// before. stamp is the time of writing (DTSTAMP); the all-day event falls on
// the day in stamp's location.
func ICS(c register.Certificate, lang string, stamp time.Time) []byte {
	loc := stamp.Location()
	data := struct{ Organization, CVR, Date, Time, URL string }{
		// Text from the register or the certificate, made safe as the
		// window and the receipt show it: no control characters, no
		// direction overrides (U+202E), no line breaks.
		Organization: safetext.Line(oces.OwnerName(c.Organization, c.CommonName)),
		CVR:          safetext.Line(c.CVR),
		Date:         msg.Date(lang, c.NotAfter.In(loc)),
		Time:         c.NotAfter.In(loc).Format("15:04"),
		URL:          guide.PortalURL,
	}
	t := func(key string) string { return msg.T(lang, key, data) }
	uid := c.SHA256
	if len(uid) > 32 {
		uid = uid[:32]
	}
	end := c.NotAfter.In(loc)
	renewDay := time.Date(end.Year(), end.Month(), end.Day()-inspect.ExpiresSoonDays, 0, 0, 0, 0, time.UTC)
	// Fewer days left: the renewal belongs in today's calendar.
	if today := time.Date(stamp.Year(), stamp.Month(), stamp.Day(), 0, 0, 0, 0, time.UTC); renewDay.Before(today) {
		renewDay = today
	}

	var w icsWriter
	w.line("BEGIN", "VCALENDAR")
	w.line("VERSION", "2.0")
	w.line("PRODID", "-//"+appinfo.Name+"//"+appinfo.Name+" "+appinfo.Version+"//"+strings.ToUpper(lang))
	w.line("CALSCALE", "GREGORIAN")
	w.line("METHOD", "PUBLISH")

	w.line("BEGIN", "VEVENT")
	w.line("UID", uid+"-renew@fornyer")
	w.line("DTSTAMP", utcStamp(stamp))
	w.line("DTSTART;VALUE=DATE", renewDay.Format("20060102"))
	w.line("DTEND;VALUE=DATE", renewDay.AddDate(0, 0, 1).Format("20060102"))
	w.line("SUMMARY", escape(t("register.ics.renew.summary")))
	w.line("DESCRIPTION", escape(t("register.ics.renew.description")))
	w.line("URL;VALUE=URI", guide.PortalURL)
	w.line("TRANSP", "TRANSPARENT")
	w.alarm("-P7D", t("register.ics.renew.summary"))
	w.alarm("PT9H", t("register.ics.renew.summary")) // 09:00 on the day
	w.line("END", "VEVENT")

	w.line("BEGIN", "VEVENT")
	w.line("UID", uid+"-expiry@fornyer")
	w.line("DTSTAMP", utcStamp(stamp))
	w.line("DTSTART", utcStamp(c.NotAfter))
	w.line("SUMMARY", escape(t("register.ics.expiry.summary")))
	w.line("DESCRIPTION", escape(t("register.ics.expiry.description")))
	w.line("TRANSP", "TRANSPARENT")
	w.alarm("-P1D", t("register.ics.expiry.summary"))
	w.line("END", "VEVENT")

	w.line("END", "VCALENDAR")
	return w.Bytes()
}

func utcStamp(t time.Time) string { return t.UTC().Format("20060102T150405Z") }

type icsWriter struct{ bytes.Buffer }

func (w *icsWriter) alarm(trigger, text string) {
	w.line("BEGIN", "VALARM")
	w.line("ACTION", "DISPLAY")
	w.line("TRIGGER", trigger)
	w.line("DESCRIPTION", escape(text))
	w.line("END", "VALARM")
}

// line writes "name:value" folded at 75 octets (RFC 5545 3.1): longer lines
// continue on the next line after a space, never inside a UTF-8 character.
func (w *icsWriter) line(name, value string) {
	rest := name + ":" + value
	limit := 75
	for len(rest) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(rest[cut]) {
			cut--
		}
		w.WriteString(rest[:cut])
		w.WriteString("\r\n ")
		rest = rest[cut:]
		limit = 74 // the leading space counts
	}
	w.WriteString(rest)
	w.WriteString("\r\n")
}

// escape makes text a TEXT value (RFC 5545 3.3.11).
var escape = strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`).Replace
