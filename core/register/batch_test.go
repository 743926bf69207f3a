package register

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"
)

// RecordReminders does what the single methods do, in one write.
func TestRecordRemindersMatchesSingleCalls(t *testing.T) {
	dir := t.TempDir()
	single, batch := openAt(t, filepath.Join(dir, "a.json")), openAt(t, filepath.Join(dir, "b.json"))
	for _, s := range []*Store{single, batch} {
		for i := 1; i <= 3; i++ {
			if err := s.Upsert(cert(i, "u", t0.AddDate(0, 0, 20*i))); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.RecordScheduled(sha(3), Scheduled{Days: 90, ID: "old", At: t0.Add(day)}); err != nil {
			t.Fatal(err)
		}
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(single.MarkReminded(sha(1), 30, t0))
	must(single.RecordScheduled(sha(1), Scheduled{Days: 7, ID: "a", At: t0.Add(2 * day)}))
	must(single.RecordScheduled(sha(2), Scheduled{Days: 30, ID: "b", At: t0.Add(3 * day)}))
	must(single.ForgetScheduled(sha(3), "old"))

	writes := 0
	write := batch.write
	batch.write = func(path string, data []byte) error { writes++; return write(path, data) }
	must(batch.RecordReminders([]ReminderRecord{
		{SHA256: sha(1), Reminded: 30, At: t0},
		{SHA256: sha(1), Scheduled: &Scheduled{Days: 7, ID: "a", At: t0.Add(2 * day)}},
		{SHA256: sha(2), Scheduled: &Scheduled{Days: 30, ID: "b", At: t0.Add(3 * day)}},
		{SHA256: sha(3), Forget: []string{"old"}},
		{SHA256: sha(99), Reminded: 7, At: t0}, // gone meanwhile: skipped
	}))
	if writes != 1 {
		t.Errorf("%d writes, want 1", writes)
	}
	if got, want := batch.List(), single.List(); !reflect.DeepEqual(got, want) {
		t.Errorf("batch:\n%+v\nsingle calls:\n%+v", got, want)
	}
	// And it is on disk.
	again := openAt(t, filepath.Join(dir, "b.json"))
	if c, _ := again.Get(sha(1)); len(c.Scheduled) != 1 || len(c.Reminded) != 2 {
		t.Errorf("reopened: %+v", c)
	}
	if err := batch.RecordReminders(nil); err != nil {
		t.Error(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "b.json")); err != nil {
		t.Error(err)
	}
}

// The linear watch agrees with Successor on a register with renewal lines,
// equal expiries and certificates without a UUID.
func TestWatchAgreesWithSuccessor(t *testing.T) {
	var certs []Certificate
	for i := range 40 {
		c := cert(i+1, []string{"", "u-a", "U-A", "u-b", "u-c"}[i%5], t0.AddDate(0, 0, (i%7)*50-100))
		if i%3 == 0 {
			c.Serial = "5e" // the same serial again, in upper and lower case
		} else if i%3 == 1 {
			c.Serial = "5E"
		}
		certs = append(certs, c)
	}
	for _, now := range []time.Time{t0, t0.AddDate(0, 0, 120)} {
		w := newWatch(certs, now)
		for _, c := range certs {
			_, renewed := Successor(certs, c)
			want := c.NotAfter.After(now) && !renewed
			if got := w.watched(c); got != want {
				t.Errorf("%s (uuid %q, expires %s): watched %v, Successor says %v", c.SHA256[60:], c.UUID, c.NotAfter, got, want)
			}
		}
	}
}

// A provider's register schedules its soonest reminders, never more than
// MaxScheduled at once, and tops up as they are delivered.
func TestToScheduleSoonestWithinLimit(t *testing.T) {
	var certs []Certificate
	for i := range 100 {
		certs = append(certs, cert(i+1, fmt.Sprint("u-", i), t0.AddDate(0, 0, 100+i)))
	}
	up := Upcoming(certs, t0, time.UTC)
	got := ToSchedule(certs, t0, time.UTC)
	if len(up) != 300 || len(got) != MaxScheduled {
		t.Fatalf("%d upcoming, %d to schedule; want 300 and %d", len(up), len(got), MaxScheduled)
	}
	for i := 1; i < len(got); i++ {
		if got[i].At.Before(got[i-1].At) {
			t.Fatal("not the soonest first")
		}
	}
	if last := got[len(got)-1].At; slices.ContainsFunc(up, func(r Reminder) bool {
		return r.At.Before(last) && !slices.ContainsFunc(got, func(g Reminder) bool { return g.Certificate.SHA256 == r.Certificate.SHA256 && g.Days == r.Days })
	}) {
		t.Error("a sooner reminder was left out")
	}
	// Recorded as scheduled: nothing more until they are delivered.
	for _, r := range got {
		i := find(certs, r.Certificate.SHA256)
		certs[i].Scheduled = append(certs[i].Scheduled, Scheduled{Days: r.Days, ID: "x", At: r.At})
	}
	if more := ToSchedule(certs, t0, time.UTC); len(more) != 0 {
		t.Errorf("%d more scheduled beyond the limit", len(more))
	}
	// Once the first ten have been delivered, ten more.
	later := got[9].At.Add(time.Minute)
	if more := ToSchedule(certs, later, time.UTC); len(more) != 10 {
		t.Errorf("after ten delivered: %d to schedule, want 10", len(more))
	}
}
