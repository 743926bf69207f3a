package register

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/fornyer/fornyer/core/msg"
)

// U25: a certificate's card says what is still undone, from one rule; the
// password counts as saved only while the credential store holds it; and a
// certificate in use within SoonDays of expiry is offered for renewal.
func TestStatusOf(t *testing.T) {
	done := func(c Certificate) Certificate {
		c.PasswordSaved = true
		c.Backups = []FileRef{{Path: "/media/usb/a.p12", VerifiedAt: t0}}
		c.Receipts = []Receipt{{Path: "/home/a/kvittering.pdf", At: t0}}
		c.DPG = &DPG{At: t0, By: "Mette"}
		return c
	}
	soon := cert(1, "u1", t0.Add(SoonDays*day))
	later := cert(2, "u2", t0.Add((SoonDays+1)*day))
	old := cert(3, "u3", t0.Add(10*day))
	renewed := cert(4, "u3", t0.Add(3*365*day)) // old's successor
	renewed.Serial = "9999"
	expired := cert(5, "u5", t0.Add(-time.Hour))
	all := []Certificate{soon, later, old, renewed, expired}
	holdsAll := func(string) bool { return true }
	holdsNone := func(string) bool { return false }

	for _, tc := range []struct {
		name  string
		c     Certificate
		holds func(string) bool
		saved bool
		todo  []Todo
		renew bool
		gone  bool // Z20: saved once, no longer in the store
	}{
		{"nothing done, 90 days left", soon, holdsNone, false, []Todo{TodoPassword, TodoBackup, TodoReceipt, TodoDPG}, true, false},
		{"all done, 91 days left", done(later), holdsAll, true, nil, false, false},
		{"password deleted from the store", done(later), holdsNone, false, []Todo{TodoPassword}, false, true},
		{"store not readable: the register's word", done(later), nil, true, nil, false, false},
		{"store not readable, never saved", later, nil, false, []Todo{TodoPassword, TodoBackup, TodoReceipt, TodoDPG}, false, false},
		{"the store holds one the register missed", later, holdsAll, true, []Todo{TodoBackup, TodoReceipt, TodoDPG}, false, false},
		{"renewed: nothing left to do", old, holdsNone, false, nil, false, false},
		{"renewed, its password deleted: not said", done(old), holdsNone, false, nil, false, false},
		{"expired: nothing left, not renewable", expired, holdsNone, false, nil, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := StatusOf(all, tc.c, tc.holds, t0)
			if s.PasswordSaved != tc.saved || !slices.Equal(s.Todo, tc.todo) || s.Renew != tc.renew || s.PasswordGone != tc.gone {
				t.Errorf("got saved=%v todo=%v renew=%v gone=%v, want %v %v %v %v", s.PasswordSaved, s.Todo, s.Renew, s.PasswordGone, tc.saved, tc.todo, tc.renew, tc.gone)
			}
		})
	}
	// The store is asked by fingerprint.
	var asked []string
	StatusOf(all, soon, func(sha string) bool { asked = append(asked, sha); return false }, t0)
	if !slices.Equal(asked, []string{soon.SHA256}) {
		t.Errorf("asked the store for %v", asked)
	}
}

// One 90-day horizon: the first reminder, the urgency and the renewal offer.
func TestSoonDaysIsTheFirstReminder(t *testing.T) {
	if Thresholds[0] != SoonDays {
		t.Errorf("first reminder at %d days, SoonDays %d", Thresholds[0], SoonDays)
	}
	if UrgencyOf(cert(1, "u", t0.Add(SoonDays*day)), t0) != Within90 || UrgencyOf(cert(1, "u", t0.Add((SoonDays+1)*day)), t0) != OK {
		t.Error("the urgency's horizon is not SoonDays")
	}
}

// One days-left rule (oces.DaysLeft) in words, as My certificates shows it.
func TestDaysLeftText(t *testing.T) {
	for _, tc := range []struct {
		left   time.Duration
		da, en string
	}{
		{-time.Minute, "Udløbet", "Expired"},
		{0, "Udløbet", "Expired"},
		{time.Hour, "Udløber i dag", "Expires today"},
		{day + time.Hour, "1 dag tilbage", "1 day left"},
		{12*day + time.Hour, "12 dage tilbage", "12 days left"},
	} {
		for l, want := range map[string]string{"da": tc.da, "en": tc.en} {
			if got := DaysLeftText(l, t0.Add(tc.left), t0); got != want {
				t.Errorf("%v %s: %q, want %q", tc.left, l, got, want)
			}
		}
	}
}

// The sentences that name the days say the days the rules use: SoonDays
// for "expires within", the Thresholds for the reminders, in both
// languages (the catalogue writes the numbers out).
func TestTheWordsSayTheDays(t *testing.T) {
	soon := strconv.Itoa(SoonDays)
	var thresholds []string
	for _, d := range Thresholds {
		thresholds = append(thresholds, strconv.Itoa(d))
	}
	for _, c := range []struct {
		key  string
		want []string
	}{
		{"list.filter.expires_soon", []string{soon}},
		{"list.notify.many.body", []string{soon}},
		{"register.standing.many", []string{soon}},
		{"list.cli.help", []string{soon}},
		{"register.intro", thresholds},
		{"register.empty.body", thresholds},
	} {
		for _, l := range []string{"da", "en"} {
			text := msg.T(l, c.key, map[string]any{"Count": 2, "Date": "x", "Organization": "x"})
			for _, d := range c.want {
				if !strings.Contains(text, d) {
					t.Errorf("%s %s: %q does not say %s days", l, c.key, text, d)
				}
			}
		}
	}
}
