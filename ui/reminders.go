package ui

import (
	"errors"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/safetext"
)

// remindMu keeps two reminder runs (a start and a change of language) from
// both deciding the same reminder is due.
var remindMu sync.Mutex

// remind gives the expiry reminders that are due, once per threshold as the
// register remembers, and hands the ones ahead to the system's scheduler.
// Fyne 2.8 schedules through the system on Windows and on a bundled macOS
// app, so those arrive even when Fornyer is closed; on Linux (and an
// unbundled macOS app) Fyne keeps them itself and delivers them while
// Fornyer runs, late ones at the next start. A scheduled reminder whose time
// has passed counts as given, so the start never repeats it. It runs off
// the UI thread and uses msg, not lang, for its texts, in language l (read
// from the preferences before it starts, on the UI thread).
func remind(f *frame, l string) {
	if f.register == nil {
		return
	}
	remindMu.Lock()
	defer remindMu.Unlock()
	s := f.register
	now := registerClock()

	cancel := func(sha string, ids ...string) {
		for _, id := range ids {
			if err := f.app.CancelScheduledNotification(id); err != nil {
				fyne.LogError("cancelling a reminder", err)
			}
		}
		if err := s.ForgetScheduled(sha, ids...); err != nil {
			fyne.LogError("forgetting a reminder", err)
		}
	}

	// Renewed or expired certificates need no more reminders.
	for _, c := range register.Obsolete(s.List(), now) {
		cancel(c.SHA256, c.ID)
	}

	for _, r := range register.Due(s.List(), now) {
		f.app.SendNotification(reminderNotification(r, l))
		if err := s.MarkReminded(r.Certificate.SHA256, r.Days, now); err != nil {
			fyne.LogError("remembering a reminder", err)
		}
		for _, p := range r.Pending {
			cancel(r.Certificate.SHA256, p.ID)
		}
	}

	for _, r := range register.Upcoming(s.List(), now, time.Local) {
		sn, err := f.app.ScheduleNotification(reminderNotification(r, l), r.At)
		if err != nil || sn == nil {
			// Not fatal: the reminder is given at the first start after
			// its day instead.
			fyne.LogError("scheduling a reminder", err)
			continue
		}
		if err := s.RecordScheduled(r.Certificate.SHA256, register.Scheduled{Days: r.Days, ID: sn.ID(), At: r.At}); err != nil {
			fyne.LogError("remembering a scheduled reminder", err)
		}
	}
}

func reminderNotification(r register.Reminder, l string) *fyne.Notification {
	org := safetext.Line(r.Certificate.Organization)
	if org == "" {
		org = safetext.Line(r.Certificate.CommonName)
	}
	data := map[string]any{
		"Organization": org,
		"Date":         displayDate(r.Certificate.NotAfter, l),
		"Days":         r.DaysLeft,
	}
	return fyne.NewNotification(scriptSafe(msg.T(l, "register.notify.title", nil)), scriptSafe(msg.T(l, "register.notify.body", data)))
}

// scriptSafe makes notification text harmless inside the PowerShell script
// that Fyne writes on Windows, which quotes it with Go's %q: PowerShell
// does not read Go's \" escape, expands $(...) inside double quotes,
// escapes with a backtick, and takes typographic quotes for quotes. The
// text comes partly from a certificate, which anyone can make.
var scriptSafe = strings.NewReplacer(
	"$", "＄", "`", "'", `"`, "'", `\`, "/",
	"\u201c", "'", "\u201d", "'", "\u201e", "'", "\u201f", "'",
).Replace

// recordDPGInstalled records that the certificate with the fingerprint was
// installed in DPG now, by the person named. The guide's DPG card calls it;
// the certificates screen shows the result.
func recordDPGInstalled(f *frame, sha256, by string) error {
	if f.register == nil {
		return errors.New("no register")
	}
	return f.register.RecordDPGInstalled(sha256, by, registerClock())
}
