package ui

import (
	"slices"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fornyer/fornyer/core/guide"
	"github.com/fornyer/fornyer/core/msg"
	"github.com/fornyer/fornyer/core/oces"
	"github.com/fornyer/fornyer/core/register"
	"github.com/fornyer/fornyer/core/renewal"
	"github.com/fornyer/fornyer/core/safetext"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
	"github.com/fornyer/fornyer/ui/words"
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
	now := f.now()

	// The bookkeeping is written in two writes, not one per reminder: an IT
	// provider's register has hundreds of certificates.
	var records []register.ReminderRecord
	cancel := func(sha string, ids ...string) {
		for _, id := range ids {
			if err := f.app.CancelScheduledNotification(id); err != nil {
				fyne.LogError("cancelling a reminder", err)
			}
		}
		records = append(records, register.ReminderRecord{SHA256: sha, Forget: ids})
	}
	save := func(what string) {
		if err := s.RecordReminders(records); err != nil {
			fyne.LogError(what, err)
		}
		records = nil
	}

	// Renewed or expired certificates need no more reminders.
	certs := s.List()
	for _, c := range register.Obsolete(certs, now) {
		cancel(c.SHA256, c.ID)
	}
	// Nor do those the user said are not theirs (kept apart since).
	for _, c := range register.ScheduledApart(s.Apart(), now) {
		cancel(c.SHA256, c.ID)
	}

	due := register.Due(certs, now)
	if len(due) > maxSeparateReminders {
		// One notification for them all, not a flood.
		f.app.SendNotification(manyRemindersNotification(due, l))
	}
	for _, r := range due {
		if len(due) <= maxSeparateReminders {
			f.app.SendNotification(reminderNotification(r, l))
		}
		records = append(records, register.ReminderRecord{SHA256: r.Certificate.SHA256, Reminded: r.Days, At: now})
		for _, p := range r.Pending {
			cancel(r.Certificate.SHA256, p.ID)
		}
	}
	save("remembering the reminders given")
	// Whatever the system does with a notification, what stands is shown
	// in the window too.
	fyne.Do(f.drawStanding)

	for _, r := range register.ToSchedule(s.List(), now, time.Local) {
		sn, err := f.app.ScheduleNotification(reminderNotification(r, l), r.At)
		if err != nil || sn == nil {
			// Not fatal: the reminder is given at the first start after
			// its day instead.
			fyne.LogError("scheduling a reminder", err)
			continue
		}
		records = append(records, register.ReminderRecord{SHA256: r.Certificate.SHA256,
			Scheduled: &register.Scheduled{Days: r.Days, ID: sn.ID(), At: r.At}})
	}
	save("remembering the scheduled reminders")
}

// maxSeparateReminders is how many reminders due at once are given one by
// one; more become one notification that counts them.
const maxSeparateReminders = 3

// manyRemindersNotification tells of several certificates at once, naming
// the one that expires first.
func manyRemindersNotification(due []register.Reminder, l string) *fyne.Notification {
	title, body := manyRemindersText(due, l)
	return fyne.NewNotification(scriptSafe(title), scriptSafe(body))
}

func manyRemindersText(due []register.Reminder, l string) (title, body string) {
	first := register.FirstToExpire(due)
	org := safetext.Line(oces.OwnerName(first.Organization, first.CommonName))
	data := map[string]any{"Count": len(due), "Organization": org, "Date": msg.Date(l, first.NotAfter.Local())}
	return msg.T(l, "list.notify.many.title", nil), msg.T(l, "list.notify.many.body", data)
}

func reminderNotification(r register.Reminder, l string) *fyne.Notification {
	title, body := reminderText(r, l)
	return fyne.NewNotification(scriptSafe(title), scriptSafe(body))
}

func reminderText(r register.Reminder, l string) (title, body string) {
	org := safetext.Line(oces.OwnerName(r.Certificate.Organization, r.Certificate.CommonName))
	data := map[string]any{
		"Organization": org,
		"Date":         msg.Date(l, r.Certificate.NotAfter.Local()),
		"Days":         r.DaysLeft,
	}
	return msg.T(l, "register.notify.title", nil), msg.T(l, "register.notify.body", data)
}

// drawStanding shows the reminders that stand as core decides
// (renewal.Standing: the guide's own certificate is quiet once the user
// has begun), drawn again only when that changes. UI thread.
func (f *frame) drawStanding() {
	if f.register == nil {
		return
	}
	var p *guide.Progress
	if f.guide != nil {
		p = &f.guide.progress
	}
	certs := renewal.FirstCertificates(p, f.register)
	standing := renewal.Standing(p, certs, f.now())
	shown := make([]string, len(standing))
	for i, r := range standing {
		shown[i] = r.Certificate.SHA256
	}
	if f.standingDrawn != nil && slices.Equal(shown, *f.standingDrawn) {
		return
	}
	f.standingDrawn = &shown
	f.showStanding(standing, len(standing) == 1 && renewal.RenewsHere(p, certs, f.now(), standing[0].Certificate))
}

// showStanding shows the reminders that stand (register.Standing) above
// the tabs, in the words of the notification, with a way to the guide
// when core says the one reminder's certificate is renewed there
// (renewHere: renewal.RenewsHere), else to My certificates; "Not now"
// hides them until the next start.
func (f *frame) showStanding(standing []register.Reminder, renewHere bool) {
	bar := f.standingBar()
	bar.RemoveAll()
	if len(standing) == 0 || f.standingDismissed {
		bar.Refresh()
		return
	}
	l := words.Language()
	title, body := reminderText(standing[0], l)
	// The certificate the guide renews: the reminder's button opens the
	// guide (X8); another, or several: My certificates lists them.
	showKey, icon := "register.standing.renew_one", theme.ViewRefreshIcon()
	show := func() {
		f.standingDismissed = true
		f.showStanding(nil, false)
		if f.guide == nil {
			f.tabs.SelectIndex(guideTab)
			return
		}
		f.guide.renew(standing[0].Certificate)
	}
	if !renewHere {
		showKey, icon = "register.standing.show_one", theme.ListIcon()
		show = func() { f.tabs.SelectIndex(certificatesTab) }
	}
	if len(standing) > 1 {
		showKey, icon = "register.standing.show", theme.ListIcon()
		show = func() { f.tabs.SelectIndex(certificatesTab) }
		first := register.FirstToExpire(standing)
		title = words.T("list.notify.many.title")
		body = words.T("register.standing.many", map[string]any{"Count": len(standing),
			"Organization": safetext.Line(oces.OwnerName(first.Organization, first.CommonName)),
			"Date":         msg.Date(l, first.NotAfter.Local())})
	}
	text := uiwidget.NewWrapping(body)
	showButton := uiwidget.NewButton(words.T(showKey), icon, show)
	showButton.Importance = widget.HighImportance
	dismiss := uiwidget.NewButton(words.T("watch.dismiss"), nil, func() {
		f.standingDismissed = true
		f.showStanding(nil, false)
	})
	dismiss.Importance = widget.LowImportance
	bar.Add(container.NewPadded(container.NewVBox(
		container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), nil,
			container.NewVBox(widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), text)),
		container.NewHBox(showButton, dismiss),
	)))
	bar.Add(widget.NewSeparator())
	bar.Refresh()
}

// standingBar is where showStanding draws, kept across rebuilds.
func (f *frame) standingBar() *fyne.Container {
	if f.standing == nil {
		f.standing = container.NewVBox()
	}
	return f.standing
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
