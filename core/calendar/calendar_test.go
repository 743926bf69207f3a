package calendar

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/oces"
	"github.com/fornyer/fornyer/core/register"
)

// prop is one content line of an iCalendar file, unfolded and unescaped.
type prop struct {
	name   string
	params string
	value  string
}

type component struct {
	name  string
	props []prop
	subs  []*component
}

func (c *component) get(name string) (prop, bool) {
	for _, p := range c.props {
		if p.name == name {
			return p, true
		}
	}
	return prop{}, false
}

// parseICS is a small RFC 5545 reader: it checks the line ends and line
// lengths, unfolds, unescapes TEXT and builds the component tree.
func parseICS(t *testing.T, data []byte) *component {
	t.Helper()
	if !bytes.HasSuffix(data, []byte("\r\n")) {
		t.Fatal("does not end with CRLF")
	}
	physical := strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n")
	var lines []string
	for i, l := range physical {
		if strings.ContainsAny(l, "\r\n") {
			t.Fatalf("line %d has a bare CR or LF: %q", i+1, l)
		}
		if len(l) > 75 {
			t.Errorf("line %d is %d octets: %q", i+1, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d splits a UTF-8 character: %q", i+1, l)
		}
		if strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t") {
			if len(lines) == 0 {
				t.Fatal("continuation before the first line")
			}
			lines[len(lines)-1] += l[1:]
			continue
		}
		lines = append(lines, l)
	}
	root := &component{}
	stack := []*component{root}
	for _, l := range lines {
		head, value, ok := strings.Cut(l, ":")
		if !ok {
			t.Fatalf("no colon in %q", l)
		}
		name, params, _ := strings.Cut(head, ";")
		top := stack[len(stack)-1]
		switch name {
		case "BEGIN":
			c := &component{name: value}
			top.subs = append(top.subs, c)
			stack = append(stack, c)
		case "END":
			if top.name != value {
				t.Fatalf("END:%s closes %s", value, top.name)
			}
			stack = stack[:len(stack)-1]
		default:
			top.props = append(top.props, prop{name, params, unescapeText(t, value)})
		}
	}
	if len(stack) != 1 || len(root.subs) != 1 || root.subs[0].name != "VCALENDAR" {
		t.Fatalf("not one closed VCALENDAR")
	}
	return root.subs[0]
}

func unescapeText(t *testing.T, v string) string {
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		if v[i] != '\\' {
			if v[i] == ';' || v[i] == ',' {
				// Unescaped separators are only legal in structured values,
				// and none of Fornyer's values are.
				t.Errorf("unescaped %q in %q", v[i], v)
			}
			b.WriteByte(v[i])
			continue
		}
		i++
		if i == len(v) {
			t.Fatalf("dangling backslash in %q", v)
		}
		switch v[i] {
		case 'n', 'N':
			b.WriteByte('\n')
		case '\\', ';', ',':
			b.WriteByte(v[i])
		default:
			t.Errorf("bad escape \\%c in %q", v[i], v)
		}
	}
	return b.String()
}

func TestICS(t *testing.T) {
	copenhagen, err := time.LoadLocation("Europe/Copenhagen")
	if err != nil {
		t.Skip("no time zone data:", err)
	}
	c := cert(1, "u", time.Date(2027, 3, 2, 10, 15, 0, 0, time.UTC))
	// Separators, a backslash and non-ASCII letters in the name, long enough to fold.
	c.Organization = `Bager Hansen; Søn & Ærø, "Kringle\Wienerbrød" Aktieselskab med et meget langt navn`
	stamp := time.Date(2026, 11, 24, 22, 55, 0, 0, copenhagen)

	for _, lang := range []string{"da", "en"} {
		data := ICS(c, lang, stamp)
		cal := parseICS(t, data)
		if v, _ := cal.get("VERSION"); v.value != "2.0" {
			t.Errorf("VERSION %q", v.value)
		}
		if _, ok := cal.get("PRODID"); !ok {
			t.Error("no PRODID")
		}
		if len(cal.subs) != 2 {
			t.Fatalf("%d components, want two events", len(cal.subs))
		}
		renew, expiry := cal.subs[0], cal.subs[1]
		for _, ev := range cal.subs {
			if ev.name != "VEVENT" {
				t.Fatalf("component %s", ev.name)
			}
			if v, _ := ev.get("DTSTAMP"); v.value != "20261124T215500Z" {
				t.Errorf("DTSTAMP %q", v.value)
			}
			if v, _ := ev.get("SUMMARY"); !strings.Contains(v.value, c.Organization) {
				t.Errorf("SUMMARY %q does not name the organisation exactly", v.value)
			}
		}
		uid1, _ := renew.get("UID")
		uid2, _ := expiry.get("UID")
		if uid1.value == "" || uid1.value == uid2.value || !strings.HasPrefix(uid1.value, c.SHA256[:32]) {
			t.Errorf("UIDs %q %q", uid1.value, uid2.value)
		}

		// 2 March 2027 minus 60 days is 1 January 2027, all day.
		start, _ := renew.get("DTSTART")
		end, _ := renew.get("DTEND")
		if start.params != "VALUE=DATE" || start.value != "20270101" || end.value != "20270102" {
			t.Errorf("renewal event %v .. %v", start, end)
		}
		if got, _ := expiry.get("DTSTART"); got.value != "20270302T101500Z" {
			t.Errorf("expiry DTSTART %q", got.value)
		}
		desc, _ := renew.get("DESCRIPTION")
		wantDate := map[string]string{"da": "2. marts 2027 kl. 11:15", "en": "2 March 2027 at 11:15"}[lang]
		if !strings.Contains(desc.value, wantDate) || !strings.Contains(desc.value, "CVR 12345678") ||
			!strings.Contains(desc.value, guide.PortalURL) {
			t.Errorf("%s description %q lacks %q, the CVR or the portal", lang, desc.value, wantDate)
		}

		var triggers []string
		for _, a := range renew.subs {
			if a.name != "VALARM" {
				t.Errorf("sub-component %s", a.name)
			}
			act, _ := a.get("ACTION")
			d, _ := a.get("DESCRIPTION")
			if act.value != "DISPLAY" || d.value == "" {
				t.Errorf("alarm without ACTION:DISPLAY and DESCRIPTION: %+v", a.props)
			}
			tr, _ := a.get("TRIGGER")
			triggers = append(triggers, tr.value)
		}
		if strings.Join(triggers, " ") != "-P7D PT9H" {
			t.Errorf("renewal alarms %v", triggers)
		}
		if len(expiry.subs) != 1 {
			t.Fatalf("expiry alarms: %d", len(expiry.subs))
		}
		if tr, _ := expiry.subs[0].get("TRIGGER"); tr.value != "-P1D" {
			t.Errorf("expiry alarm %q", tr.value)
		}
		if !bytes.Contains(data, []byte("\r\n ")) {
			t.Error("the long name did not make any line fold")
		}
	}
}

// With fewer than inspect.ExpiresSoonDays days left, the renewal is asked for today.
func TestICSRenewTodayWhenLate(t *testing.T) {
	stamp := time.Date(2026, 11, 24, 22, 55, 0, 0, time.UTC)
	c := cert(1, "u", stamp.Add(20*day))
	cal := parseICS(t, ICS(c, "en", stamp))
	if start, _ := cal.subs[0].get("DTSTART"); start.value != "20261124" {
		t.Errorf("renewal event on %s, want today 20261124", start.value)
	}
	if start, _ := cal.subs[1].get("DTSTART"); start.value != "20261214T225500Z" {
		t.Errorf("expiry at %s", start.value)
	}
}

func TestFoldNeverSplitsCharacters(t *testing.T) {
	for n := 60; n < 160; n++ {
		var w icsWriter
		w.line("DESCRIPTION", strings.Repeat("a", n%7)+strings.Repeat("æøå€", n/4))
		lines := strings.Split(strings.TrimSuffix(w.String(), "\r\n"), "\r\n")
		var joined strings.Builder
		for i, l := range lines {
			if len(l) > 75 || !utf8.ValidString(l) {
				t.Fatalf("n=%d line %d: %d octets %q", n, i, len(l), l)
			}
			if i > 0 {
				l = strings.TrimPrefix(l, " ")
			}
			joined.WriteString(l)
		}
		if want := "DESCRIPTION:" + strings.Repeat("a", n%7) + strings.Repeat("æøå€", n/4); joined.String() != want {
			t.Fatalf("n=%d: unfolded %q", n, joined.String())
		}
	}
}

const day = 24 * time.Hour

func cert(i int, uuid string, notAfter time.Time) register.Certificate {
	return register.Certificate{
		SHA256: fmt.Sprintf("%064x", i), Organization: "Bager Hansen ApS", CVR: "12345678", UUID: uuid,
		Serial: fmt.Sprint(1000 + i), CommonName: "Bager Hansen ApS - Org", Kind: "organization",
		Environment: register.Production, NotBefore: notAfter.AddDate(-3, 0, 0), NotAfter: notAfter,
	}
}

// Text from the register is made safe as the window and the PDF show it:
// no direction override, no control characters (issue 24, 9).
func TestICSHostileText(t *testing.T) {
	c := register.Certificate{SHA256: strings.Repeat("a", 64), Organization: "Evil\u202egnp.exe\x1b[2J ApS", CVR: "1234\n5678",
		NotAfter: time.Date(2027, 3, 1, 12, 0, 0, 0, time.UTC)}
	ics := ICS(c, "en", time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC))
	if bytes.ContainsRune(ics, '\u202e') || bytes.ContainsRune(ics, '\x1b') {
		t.Errorf("the calendar file keeps hostile characters:\n%s", ics)
	}
	if !bytes.Contains(ics, []byte("Evil gnp.exe [2J ApS")) {
		t.Errorf("the organisation is not shown as the window shows it:\n%s", ics)
	}
}

// The renewal event falls on the day the check starts warning that the
// certificate expires soon (inspect.ExpiresSoonDays days left, counted by
// oces.DaysLeft, the one rule), in the user's time zone, whatever the hour
// and across a change to or from summer time.
func TestICSRenewDayIsWhenTheCheckWarns(t *testing.T) {
	cph, err := time.LoadLocation("Europe/Copenhagen")
	if err != nil {
		t.Skip("no time zone data:", err)
	}
	for _, notAfter := range []time.Time{
		time.Date(2027, 5, 15, 0, 30, 0, 0, cph),  // summer time began between
		time.Date(2027, 11, 15, 0, 30, 0, 0, cph), // summer time ended between
		time.Date(2027, 11, 15, 23, 30, 0, 0, cph),
		time.Date(2027, 8, 1, 12, 0, 0, 0, cph),
	} {
		stamp := time.Date(2026, 1, 2, 10, 0, 0, 0, cph)
		cal := parseICS(t, ICS(cert(1, "u", notAfter), "en", stamp))
		start, _ := cal.subs[0].get("DTSTART")
		day, err := time.ParseInLocation("20060102", start.value, cph)
		if err != nil {
			t.Fatal(err)
		}
		if got := oces.DaysLeft(notAfter, day.Add(12*time.Hour)); got != inspect.ExpiresSoonDays {
			t.Errorf("expiry %v: renewal asked for on %s, %d days left, want %d", notAfter, start.value, got, inspect.ExpiresSoonDays)
		}
	}
}
