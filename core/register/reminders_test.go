package register

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/fornyer/fornyer/core/oces"
)

func dueDays(rs []Reminder) map[string]int {
	out := map[string]int{}
	for _, r := range rs {
		out[r.Certificate.SHA256] = r.Days
	}
	return out
}

func TestDueThresholds(t *testing.T) {
	cases := []struct {
		left time.Duration
		want int // threshold, 0 for none
	}{
		{91 * day, 0},
		{91 * day, 0},
		{90*day + time.Minute, 90}, // 90 days left on the calendar
		{90 * day, 90},
		{89 * day, 90},
		{31 * day, 90},
		{30 * day, 30},
		{29 * day, 30},
		{8 * day, 30},
		{7 * day, 7},
		{6 * day, 7},
		{time.Minute, 7},
		{0, 0},        // expired: no threshold reminder
		{-5 * day, 0}, // long expired
	}
	for _, tc := range cases {
		c := cert(1, "u", t0.Add(tc.left))
		got := Due([]Certificate{c}, t0)
		if tc.want == 0 {
			if len(got) != 0 {
				t.Errorf("%v left: reminded of %d, want none", tc.left, got[0].Days)
			}
			continue
		}
		if len(got) != 1 || got[0].Days != tc.want {
			t.Errorf("%v left: %v, want threshold %d", tc.left, dueDays(got), tc.want)
			continue
		}
		if got[0].DaysLeft != oces.DaysLeft(c.NotAfter, t0) || !got[0].At.Equal(c.NotAfter.Add(-time.Duration(tc.want)*day)) {
			t.Errorf("%v left: reminder %+v", tc.left, got[0])
		}
	}
}

// Each threshold fires once, remembered in the register across restarts.
func TestDueOncePerThreshold(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.json")
	s := openAt(t, path)
	expiry := t0.Add(100 * day)
	must(t, s.Upsert(cert(1, "u", expiry)))

	var fired []int
	for d := 0; d <= 110; d++ { // one app start a day, reopening the register
		now := t0.Add(time.Duration(d) * day)
		s = openAt(t, path)
		for _, r := range Due(s.List(), now) {
			fired = append(fired, r.Days)
			must(t, s.MarkReminded(r.Certificate.SHA256, r.Days, now))
		}
	}
	if want := []int{90, 30, 7}; len(fired) != 3 || fired[0] != 90 || fired[1] != 30 || fired[2] != 7 {
		t.Errorf("fired %v, want %v", fired, want)
	}
}

// A user who first opens the app at 25 days left hears of 30 only, and 90
// never fires afterwards.
func TestDueSkipsPassedThresholds(t *testing.T) {
	s := openAt(t, filepath.Join(t.TempDir(), "r.json"))
	must(t, s.Upsert(cert(1, "u", t0.Add(25*day))))
	got := Due(s.List(), t0)
	if len(got) != 1 || got[0].Days != 30 {
		t.Fatalf("got %v, want one reminder of 30", dueDays(got))
	}
	must(t, s.MarkReminded(sha(1), 30, t0))
	if got := Due(s.List(), t0.Add(day)); len(got) != 0 {
		t.Errorf("after 30 was sent: %v", dueDays(got))
	}
	if got := Due(s.List(), t0.Add(19*day)); len(got) != 1 || got[0].Days != 7 {
		t.Errorf("at 6 days left: %v, want 7", dueDays(got))
	}
}

func TestDueSkipsRenewed(t *testing.T) {
	old := cert(1, "u", t0.Add(20*day))
	renewed := cert(2, "u", t0.Add(3*365*day))
	otherOrg := cert(3, "v", t0.Add(20*day))
	got := dueDays(Due([]Certificate{old, renewed, otherOrg}, t0))
	if _, ok := got[sha(1)]; ok {
		t.Error("a renewed certificate is still reminded")
	}
	if got[sha(3)] != 30 || len(got) != 1 {
		t.Errorf("got %v, want only the unrenewed one at 30", got)
	}
}

// A reminder already notified still stands in the window: the system may
// have dropped the notification. Renewed, expired and calm certificates
// do not; the soonest to expire comes first.
func TestStanding(t *testing.T) {
	notified := cert(1, "u", t0.Add(60*day))
	notified.Reminded = []Sent{{Days: 90, At: t0.Add(-day)}}
	soon := cert(2, "v", t0.Add(5*day))
	old, renewed := cert(3, "w", t0.Add(20*day)), cert(4, "w", t0.Add(3*365*day))
	calm, expired := cert(5, "x", t0.Add(200*day)), cert(6, "y", t0.Add(-day))
	certs := []Certificate{notified, soon, old, renewed, calm, expired}
	got := Standing(certs, t0)
	if len(got) != 2 || got[0].Certificate.SHA256 != sha(2) || got[0].Days != 7 || got[0].DaysLeft != 5 ||
		got[1].Certificate.SHA256 != sha(1) || got[1].Days != 90 {
		t.Errorf("Standing = %v, want the 5-day one (7), then the notified one (90)", dueDays(got))
	}
	if due := dueDays(Due(certs, t0)); len(due) != 1 || due[sha(2)] != 7 {
		t.Errorf("Due = %v, want only the one not yet notified", due)
	}
}

// A scheduled notification whose time has come counts as delivered; one
// still ahead is returned as Pending, to cancel.
func TestDueAndScheduled(t *testing.T) {
	c := cert(1, "u", t0.Add(80*day))
	c.Scheduled = []Scheduled{{Days: 90, ID: "a", At: t0.Add(-10 * day)}}
	if got := Due([]Certificate{c}, t0); len(got) != 0 {
		t.Errorf("delivered by the scheduler, but due again: %v", dueDays(got))
	}
	c = cert(1, "u", t0.Add(29*day))
	c.Scheduled = []Scheduled{
		{Days: 30, ID: "later-today", At: t0.Add(3 * time.Hour)},
		{Days: 7, ID: "seven", At: t0.Add(22 * day)},
	}
	got := Due([]Certificate{c}, t0)
	if len(got) != 1 || got[0].Days != 30 || len(got[0].Pending) != 1 || got[0].Pending[0].ID != "later-today" {
		t.Fatalf("got %+v", got)
	}
}

func TestUpcoming(t *testing.T) {
	copenhagen, err := time.LoadLocation("Europe/Copenhagen")
	if err != nil {
		t.Skip("no time zone data:", err)
	}
	expiry := time.Date(2027, 6, 1, 14, 30, 0, 0, time.UTC)
	c := cert(1, "u", expiry)
	now := expiry.Add(-60 * day)
	got := Upcoming([]Certificate{c}, now, copenhagen)
	if len(got) != 2 || got[0].Days != 30 || got[1].Days != 7 {
		t.Fatalf("got %v, want 30 and 7 ahead", dueDays(got))
	}
	if want := time.Date(2027, 5, 2, 9, 0, 0, 0, copenhagen); !got[0].At.Equal(want) {
		t.Errorf("30-day reminder at %v, want %v", got[0].At, want)
	}
	c.Scheduled = []Scheduled{{Days: 30, ID: "x", At: got[0].At}}
	got = Upcoming([]Certificate{c}, now, copenhagen)
	if len(got) != 1 || got[0].Days != 7 {
		t.Errorf("after scheduling 30: %v, want only 7", dueDays(got))
	}
	// Renewed: nothing more to schedule, and what is ahead is obsolete.
	renewed := cert(2, "u", expiry.AddDate(3, 0, 0))
	if got := Upcoming([]Certificate{c, renewed}, now, copenhagen); len(got) != 3 || got[0].Certificate.SHA256 != sha(2) {
		t.Errorf("with a renewal: %v, want only the renewed certificate's three", dueDays(got))
	}
	obs := Obsolete([]Certificate{c, renewed}, now)
	if len(obs) != 1 || obs[0].ID != "x" || obs[0].SHA256 != sha(1) {
		t.Errorf("obsolete %+v", obs)
	}
	if obs := Obsolete([]Certificate{c}, now); len(obs) != 0 {
		t.Errorf("obsolete without renewal: %+v", obs)
	}
}

func TestUrgencyAndDaysLeft(t *testing.T) {
	for _, tc := range []struct {
		left time.Duration
		u    Urgency
		days int
	}{
		{91 * day, OK, 91},
		{90 * day, Within90, 90},
		{90*day + time.Hour, Within90, 90},    // the words say 90 days: so does the badge
		{89*day + 23*time.Hour, Within90, 90}, // tomorrow's date, 90 days on
		{89 * day, Within90, 89},
		{30 * day, Within30, 30},
		{7 * day, Within7, 7},
		{time.Hour, Within7, 0},
		{0, Expired, -1},
		{-time.Hour, Expired, -1},
		{-2 * day, Expired, -2},
	} {
		c := cert(1, "u", t0.Add(tc.left))
		if u := UrgencyOf(c, t0); u != tc.u {
			t.Errorf("%v left: urgency %d, want %d", tc.left, u, tc.u)
		}
		if d := oces.DaysLeft(c.NotAfter, t0); d != tc.days {
			t.Errorf("%v left: %d days, want %d", tc.left, d, tc.days)
		}
	}
}

func TestFirstToExpire(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	if got := FirstToExpire(nil); got.SHA256 != "" {
		t.Errorf("none due: %+v", got)
	}
	due := []Reminder{
		{Certificate: Certificate{SHA256: "b", NotAfter: now.AddDate(0, 0, 20)}},
		{Certificate: Certificate{SHA256: "a", NotAfter: now.AddDate(0, 0, 5)}},
		{Certificate: Certificate{SHA256: "c", NotAfter: now.AddDate(0, 0, 60)}},
	}
	if got := FirstToExpire(due); got.SHA256 != "a" {
		t.Errorf("first to expire: %s, want a", got.SHA256)
	}
}

func TestLatestBackup(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	if _, ok := (Certificate{}).LatestBackup(); ok {
		t.Error("a certificate without backups has a latest one")
	}
	c := Certificate{Backups: []FileRef{
		{Path: "/usb/old.p12", VerifiedAt: now.AddDate(0, -1, 0)},
		{Path: "/usb/new.p12", VerifiedAt: now},
		{Path: "/nas/mid.p12", VerifiedAt: now.AddDate(0, 0, -3)},
	}}
	if b, ok := c.LatestBackup(); !ok || b.Path != "/usb/new.p12" {
		t.Errorf("latest backup: %+v, %v", b, ok)
	}
}

// A scheduled reminder arrives on the morning of the day its threshold is
// reached as oces.DaysLeft counts it (the one rule My certificates, the
// check and Due use), across a change to or from summer time too.
func TestUpcomingOnTheThresholdDay(t *testing.T) {
	cph, err := time.LoadLocation("Europe/Copenhagen")
	if err != nil {
		t.Skip("no time zone data:", err)
	}
	now := time.Date(2026, 1, 2, 10, 0, 0, 0, cph)
	for _, expiry := range []time.Time{
		time.Date(2027, 4, 2, 0, 30, 0, 0, cph),   // summer time began between (30 and 7 days ahead)
		time.Date(2027, 11, 2, 23, 30, 0, 0, cph), // it ended between
		time.Date(2027, 6, 1, 14, 30, 0, 0, time.UTC),
	} {
		got := Upcoming([]Certificate{cert(1, "u", expiry)}, now, cph)
		if len(got) != len(Thresholds) {
			t.Errorf("expiry %v: %d reminders, want one per threshold %v", expiry, len(got), Thresholds)
		}
		for _, r := range got {
			// The calendar day: the expiry's own day in Copenhagen, the
			// threshold's number of days before, at 09:00.
			y, m, d := expiry.In(cph).Date()
			want := time.Date(y, m, d-r.Days, 9, 0, 0, 0, cph)
			if !r.At.Equal(want) || r.DaysLeft != r.Days {
				t.Errorf("expiry %v: the %d-day reminder at %v, want %v (%d days left)", expiry, r.Days, r.At, want, r.DaysLeft)
			}
		}
	}
}
