package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	pkcs12 "software.sslmate.com/src/go-pkcs12"

	"github.com/fornyer/fornyer/core/backup"
	"github.com/fornyer/fornyer/core/safefile"
	"github.com/fornyer/fornyer/core/testpki"
	uiwidget "github.com/fornyer/fornyer/ui/widget"
	"github.com/fornyer/fornyer/ui/words"
)

const backupTestPW = "Ui-Backup-3xV8"

// newBackupTest shows a backup panel for a fresh .p12 in a test window of
// companion width.
func newBackupTest(t *testing.T, language string, drives ...backup.Drive) (*backupPanel, fyne.Window, string) {
	t.Helper()
	d := testDeps()
	d.removableDrives = func() []backup.Drive { return drives }
	f, w := newTestFrameWith(t, language, d)
	c := testpki.NewChain(t, false)
	src := testpki.WriteFile(t, "Firma ApS.p12", testpki.PFX(t, pkcs12.Modern, c.Organization(t), c.CACerts(), backupTestPW))
	f.prefs.Language = language // as the settings screen sets it
	p := newBackupPanel(f, src, backupTestPW, nil)
	p.pick = func() { t.Error("the folder picker opened") }
	w.SetContent(p.Content)
	w.Resize(fyne.NewSize(440, 760))
	return p, w, src
}

// wait waits for the run to end and its outcome to be on screen.
func (p *backupPanel) wait(t *testing.T) {
	t.Helper()
	<-p.finished // a hang is the test binary's time-out, with every goroutine's stack
}

// withDrives makes the USB sticks plugged in these, for the panel's frame.
func withDrives(p *backupPanel, drives ...backup.Drive) {
	p.f.removableDrives = func() []backup.Drive { return drives }
}

// Each USB stick plugged in is a button by its name; pressing it chooses
// it, without the folder dialog. "Look again" finds a stick put in later.
func TestBackupOffersEachStickByName(t *testing.T) {
	p, w, _ := newBackupTest(t, "en")
	if !slices.Contains(texts(w.Canvas().Content()), words.T("backup.drives.none")) {
		t.Error("no stick, and the form does not say so")
	}
	stick := t.TempDir()
	withDrives(p, backup.Drive{Label: "KINGSTON", Letter: "E:", Path: stick}, backup.Drive{Label: "OTHER", Path: t.TempDir()})
	test.Tap(findButton(t, w.Canvas().Content(), words.T("backup.drives.again")))
	test.Tap(findButton(t, w.Canvas().Content(), "KINGSTON (E:)"))
	if p.folder != stick || p.start.Disabled() {
		t.Errorf("the stick's button chose %q (start disabled: %v), want %q", p.folder, p.start.Disabled(), stick)
	}
}

func TestBackupFormMarkup(t *testing.T) {
	for _, language := range []string{"en", "da"} {
		t.Run(language, func(t *testing.T) {
			p, w, _ := newBackupTest(t, language, backup.Drive{Label: "KINGSTON", Letter: "E:", Path: "/media/USB-STICK"})
			if !p.start.Disabled() {
				t.Error("Back up is enabled before a folder is chosen")
			}
			p.setFolder("/media/USB-STICK")
			if p.start.Disabled() {
				t.Error("Back up stays disabled after a folder is chosen")
			}
			test.Tap(p.public)
			test.Tap(p.reprotect)
			if !p.protectBox.Visible() {
				t.Fatal("the backup password fields did not appear")
			}
			test.AssertRendersToMarkup(t, "backup_form_"+language+".xml", w.Canvas())
			test.Tap(p.reprotect)
			if p.protectBox.Visible() {
				t.Error("the backup password fields stay after the copy is turned off")
			}
		})
	}
}

func TestBackupFormChecksThePassphrase(t *testing.T) {
	p, _, _ := newBackupTest(t, "en")
	ran := false
	p.run = func(context.Context, string, string, backup.Options) (*backup.Result, error) {
		ran = true
		return nil, nil
	}
	p.setFolder(t.TempDir())
	test.Tap(p.reprotect)
	test.Tap(p.start)
	if !p.hint.Visible() || p.hint.Text != words.T("backup.error.no_passphrase") {
		t.Errorf("empty passphrase: hint %q", p.hint.Text)
	}
	test.Type(p.pass1, "one phrase")
	test.Type(p.pass2, "another phrase")
	test.Tap(p.start)
	if p.hint.Text != words.T("backup.passphrase.mismatch") {
		t.Errorf("mismatch: hint %q", p.hint.Text)
	}
	if ran {
		t.Error("the backup ran with an unconfirmed passphrase")
	}
}

// The whole way through with the real backup: options in, files out,
// "Backup verified" with the folder and the files, onDone called.
func TestBackupRunsToVerified(t *testing.T) {
	p, _, _ := newBackupTest(t, "da")
	var got *backup.Result
	p.onDone = func(r *backup.Result) { got = r }
	var opts backup.Options
	p.run = func(ctx context.Context, src, dir string, o backup.Options) (*backup.Result, error) {
		opts = o
		return backup.Backup(ctx, src, dir, o)
	}
	dir := t.TempDir()
	p.setFolder(dir)
	test.Tap(p.public)
	test.Tap(p.reprotect)
	test.Type(p.pass1, "Ny frase 2026")
	test.Type(p.pass2, "Ny frase 2026")
	p.profile.SetSelected(profileChoices()[1])
	test.Tap(p.start)
	p.wait(t)

	if opts.Password != backupTestPW || !opts.PublicCopies || !opts.Manifest || opts.Lang != "da" ||
		opts.Reprotect == nil || opts.Reprotect.Profile != backup.ProfileStrong || opts.Reprotect.Passphrase != "Ny frase 2026" {
		t.Errorf("options %+v", opts)
	}
	if got == nil || len(got.Files) != 5 {
		t.Fatalf("onDone got %+v", got)
	}
	if p.outcome.Text != "Sikkerhedskopien er kontrolleret" || !p.verified.Visible() || p.failed.Visible() {
		t.Errorf("outcome %q", p.outcome.Text)
	}
	if !strings.Contains(p.detail.Text, uiwidget.Breakable(dir)) || !strings.Contains(p.files.Text, "Firma ApS (egen adgangskode).p12") {
		t.Errorf("detail %q, files %q", p.detail.Text, p.files.Text)
	}
	for _, f := range got.Files {
		if _, err := os.Stat(f.Path); err != nil {
			t.Error(err)
		}
	}
	if p.bar.Value != 1 {
		t.Errorf("progress ended at %v", p.bar.Value)
	}
	// The folder is on the same disk as the file (both temporary): the
	// result says a stick is still needed, where it would say "keep the
	// stick safe".
	if !got.SameDisk || p.keep.Text != words.T("backup.verified.same_disk") || p.keep.Importance != widget.WarningImportance {
		t.Errorf("same disk %v, the result says %q", got.SameDisk, p.keep.Text)
	}
}

func TestBackupSaysItFoundTheEarlierCopy(t *testing.T) {
	p, _, _ := newBackupTest(t, "en")
	dir := t.TempDir()
	// The first backup as the window makes it (with its manifest), the
	// second an hour later: its copy and its manifest are found.
	var opts backup.Options
	p.run = func(ctx context.Context, src, dir string, o backup.Options) (*backup.Result, error) {
		opts = o
		return backup.Backup(ctx, src, dir, o)
	}
	p.setFolder(dir)
	test.Tap(p.start)
	p.wait(t)
	if !opts.Manifest || strings.HasPrefix(p.how.Text, "The certificate file was already") {
		t.Fatalf("first backup: manifest %v, how %q", opts.Manifest, p.how.Text)
	}
	p.run = func(ctx context.Context, src, dir string, o backup.Options) (*backup.Result, error) {
		o.Now = func() time.Time { return time.Now().Add(time.Hour) }
		return backup.Backup(ctx, src, dir, o)
	}
	p.Show(p.form)
	test.Tap(p.start)
	p.wait(t)
	if !p.verified.Visible() || !strings.HasPrefix(p.how.Text, "The certificate file was already in this folder") ||
		strings.Contains(p.how.Text, "Nothing new") {
		t.Errorf("outcome %q, how %q", p.outcome.Text, p.how.Text)
	}
}

func TestBackupFailureAndTryAgain(t *testing.T) {
	p, _, src := newBackupTest(t, "en")
	gone := filepath.Join(t.TempDir(), "USB-STICK")
	p.setFolder(gone)
	test.Tap(p.manifest) // off
	test.Tap(p.start)
	p.wait(t)
	if p.outcome.Text != "The backup failed" || !p.failed.Visible() || p.verified.Visible() {
		t.Errorf("outcome %q", p.outcome.Text)
	}
	if !strings.Contains(p.detail.Text, gone) || !strings.Contains(p.detail.Text, "USB stick") {
		t.Errorf("detail %q", p.detail.Text)
	}
	if strings.Contains(p.detail.Text, backupTestPW) {
		t.Error("the password is on screen")
	}
	// Try again keeps the choices.
	test.Tap(p.failed.Objects[2].(fyne.Tappable))
	if p.Content.Objects[0] != p.form || p.manifest.Checked || p.folder != gone {
		t.Error("Try again lost the form")
	}
	// Then the folder appears (the stick is back) and it works.
	os.Mkdir(gone, 0o700)
	test.Tap(p.start)
	p.wait(t)
	if p.outcome.Text != "Backup verified" {
		t.Errorf("second try: %q %q", p.outcome.Text, p.detail.Text)
	}
	_ = src
}

// The backup dialog's one master is its form (TestBackupFormMarkup); the
// verified result and the failed one are the same dialog, asserted: the
// headline in its colour, where, which files, when read back, the advice,
// and the buttons.
func TestBackupResultMarkup(t *testing.T) {
	at := time.Date(2026, 11, 24, 22, 30, 0, 0, time.Local)
	for _, language := range []string{"en", "da"} {
		t.Run(language, func(t *testing.T) {
			p, w, _ := newBackupTest(t, language)
			p.run = func(context.Context, string, string, backup.Options) (*backup.Result, error) {
				return &backup.Result{Dir: "/media/USB-STICK", VerifiedAt: at, Files: []backup.File{
					{Path: "/media/USB-STICK/Firma ApS.p12", Kind: backup.KindCopy},
					{Path: "/media/USB-STICK/Firma ApS - backup.txt", Kind: backup.KindManifest},
				}}, nil
			}
			p.setFolder("/media/USB-STICK")
			test.Tap(p.start)
			p.wait(t)
			if p.outcome.Text != words.T("backup.verified") || p.outcome.Importance != widget.SuccessImportance {
				t.Errorf("verified: headline %q (importance %v)", p.outcome.Text, p.outcome.Importance)
			}
			for _, l := range []struct {
				label *widget.Label
				want  string
			}{
				{p.detail, words.T("backup.verified.where", map[string]string{"Folder": uiwidget.Breakable("/media/USB-STICK")})},
				{p.files, "Firma ApS.p12\nFirma ApS - backup.txt"},
				{p.how, words.T("backup.verified.how", map[string]string{"Time": "22:30"})},
				{p.keep, words.T("backup.verified.keep")},
			} {
				if !l.label.Visible() || l.label.Text != l.want {
					t.Errorf("verified: %q (shown %v), want %q", l.label.Text, l.label.Visible(), l.want)
				}
			}
			if got, want := controlsOf(w.Canvas().Content()), []string{"button:" + words.T("backup.open_folder"), "button:" + words.T("backup.done")}; !slices.Equal(got, want) {
				t.Errorf("verified: controls %q, want %q", got, want)
			}

			p.run = func(context.Context, string, string, backup.Options) (*backup.Result, error) {
				return nil, &backup.Error{Code: backup.CodeDiskFull, Path: "/media/USB-STICK"}
			}
			// A failure is the same dialog in red, with the reason and
			// no files: asserted, not a master of its own.
			p.Show(p.form)
			test.Tap(p.start)
			p.wait(t)
			diskFull := &backup.Error{Code: backup.CodeDiskFull, Path: "/media/USB-STICK"}
			if p.outcome.Text != words.T("backup.failed") || p.outcome.Importance != widget.DangerImportance {
				t.Errorf("failed: headline %q (importance %v)", p.outcome.Text, p.outcome.Importance)
			}
			if want := words.Sentence(diskFull) + " " + words.T("backup.original_safe"); p.detail.Text != want {
				t.Errorf("failed: detail %q, want %q", p.detail.Text, want)
			}
			for _, o := range []fyne.CanvasObject{p.files, p.how, p.keep, p.verified} {
				if o.Visible() {
					t.Errorf("failed: %T still shown from the verified backup", o)
				}
			}
			if !p.failed.Visible() || p.Content.Objects[0] != p.result {
				t.Error("failed: the result's failure part is not shown")
			}
		})
	}
}

func TestBackupStop(t *testing.T) {
	p, _, _ := newBackupTest(t, "en")
	// The run waits until it is stopped, so it cannot run inline (the
	// window is built first: its screens' own work runs inline).
	p.f.background = func(work func()) { go work() }
	started := make(chan struct{})
	p.run = func(ctx context.Context, _, dir string, _ backup.Options) (*backup.Result, error) {
		close(started)
		<-ctx.Done()
		return nil, &backup.Error{Code: backup.CodeCanceled, Err: ctx.Err()}
	}
	p.setFolder(t.TempDir())
	test.Tap(p.start)
	<-started
	if p.Content.Objects[0] != p.running {
		t.Fatal("no progress shown while running")
	}
	p.stop()
	p.wait(t)
	if !strings.Contains(p.detail.Text, "stopped") {
		t.Errorf("detail %q", p.detail.Text)
	}
}

func TestShowBackupOpensADialog(t *testing.T) {
	f, w := newTestFrame(t, "en")
	showBackup(f, "/nowhere/Firma.p12", "", "", nil)
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("no dialog")
	}
}

func TestBackupChooseFolderOpensThePicker(t *testing.T) {
	p, w, _ := newBackupTest(t, "en")
	p.pick = p.pickFolder
	uiwidget.ShowPanel(p.f.win, "", p.Panel, p.stop)
	before := len(w.Canvas().Overlays().List())
	p.pick()
	if len(w.Canvas().Overlays().List()) != before+1 {
		t.Fatal("no folder picker over the dialog")
	}
}

// The USB sticks are listed off the UI thread, after the dialog shows: the
// room their answer takes is kept from the start, so nothing under it (the
// options, "Back up") moves under the pointer when it comes, whether it
// is "no stick found" or one stick's button.
func TestBackupFormKeepsRoomForTheSticks(t *testing.T) {
	for _, language := range []string{"en", "da"} {
		for _, drives := range [][]backup.Drive{nil, {{Label: "KINGSTON", Letter: "E:", Path: "/media/USB-STICK"}}} {
			t.Run(fmt.Sprintf("%s/%d", language, len(drives)), func(t *testing.T) {
				d := testDeps()
				answer := queueBackground(d)
				d.removableDrives = func() []backup.Drive { return drives }
				f, w := newTestFrameWith(t, language, d)
				p := newBackupPanel(f, "Firma ApS.p12", backupTestPW, nil)
				w.SetContent(p.Content)
				w.Resize(fyne.NewSize(440, 760))
				at := func() (float32, float32) {
					p.form.(*fyne.Container).Refresh()
					return fyne.CurrentApp().Driver().AbsolutePositionForObject(p.start).Y, p.Content.MinSize().Height
				}
				y, h := at()
				answer()
				if y2, h2 := at(); y2 != y || h2 != h {
					t.Errorf("when the sticks were listed, Back up moved from %v to %v and the form's height from %v to %v", y, y2, h, h2)
				}
			})
		}
	}
}

// A stick that refuses the file's name (X3: fusefat and "æøå"): the backup
// is verified under the plain name, and the dialog says what the copy is
// called there, not that the stick is write-protected.
func TestBackupSaysThePlainNameWhereTheNameIsRefused(t *testing.T) {
	for _, language := range []string{"da", "en"} {
		t.Run(language, func(t *testing.T) {
			p, _, src := newBackupTest(t, language)
			renamed := filepath.Join(filepath.Dir(src), "Fornyet certifikat æøå.p12")
			if err := os.Rename(src, renamed); err != nil {
				t.Fatal(err)
			}
			p.file = renamed
			p.run = func(ctx context.Context, src, dir string, opts backup.Options) (*backup.Result, error) {
				opts.Writer = safefile.Writer{Refuses: func(name string) bool { return strings.ContainsRune(name, 'æ') }}
				return backup.Backup(ctx, src, dir, opts)
			}
			stick := t.TempDir()
			p.setFolder(stick)
			test.Tap(p.start)
			p.wait(t)
			if p.outcome.Text != words.T("backup.verified") {
				t.Fatalf("headline %q, detail %q", p.outcome.Text, p.detail.Text)
			}
			if first, _, _ := strings.Cut(p.files.Text, "\n"); first != "Fornyet certifikat aeoa.p12" {
				t.Errorf("files %q", p.files.Text)
			}
			said := words.T("backup.verified.plain_name", map[string]string{
				"Folder": uiwidget.Breakable(stick), "Name": "Fornyet certifikat æøå.p12", "Plain": "Fornyet certifikat aeoa.p12",
			})
			if !strings.Contains(p.how.Text, said) {
				t.Errorf("how %q does not say %q", p.how.Text, said)
			}
		})
	}
}
