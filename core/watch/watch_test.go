package watch

import (
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

const testSettle = 300 * time.Millisecond

// started watches a temporary Downloads folder and collects what arrives.
func started(t *testing.T) (Folder, chan Arrival, chan Folder, *Watcher) {
	t.Helper()
	dir := Folder{Kind: Downloads, Path: t.TempDir()}
	arrived := make(chan Arrival, 16)
	lost := make(chan Folder, 4)
	w, err := Start([]Folder{dir}, Options{Settle: testSettle,
		Arrived: func(a Arrival) { arrived <- a },
		Lost:    func(f Folder) { lost <- f }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return dir, arrived, lost, w
}

func next(t *testing.T, ch chan Arrival) Arrival {
	t.Helper()
	return <-ch // a hang is the test binary's time-out, with every goroutine's stack
}

func none(t *testing.T, ch chan Arrival, wait time.Duration) {
	t.Helper()
	select {
	case a := <-ch:
		t.Fatalf("unexpected arrival %+v", a)
	case <-time.After(wait):
	}
}

func write(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestFileArriving(t *testing.T) {
	dir, arrived, _, _ := started(t)
	write(t, filepath.Join(dir.Path, "notes.txt"), []byte("not a certificate"))
	path := filepath.Join(dir.Path, "Organisation.P12")
	write(t, path, []byte("certificate bytes"))
	a := next(t, arrived)
	if a.Path != path || a.Size != int64(len("certificate bytes")) || a.Folder.Kind != Downloads {
		t.Fatalf("arrival %+v, want %s", a, path)
	}
	if a.Name() != "Organisation.P12" {
		t.Fatalf("Name() = %q", a.Name())
	}
	// A touch without a change is no news; nothing for the text file.
	if err := os.Chtimes(path, a.ModTime, a.ModTime); err != nil {
		t.Fatal(err)
	}
	none(t, arrived, 3*testSettle)
	// A new file of the same name (downloaded again) is.
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	write(t, path, []byte("certificate bytes, again"))
	if b := next(t, arrived); b.Size != int64(len("certificate bytes, again")) {
		t.Fatalf("second arrival %+v", b)
	}
}

func TestPartialDownloadRenamed(t *testing.T) {
	dir, arrived, _, _ := started(t)
	for _, partial := range []string{"cert.p12.crdownload", "cert.pfx.part", "cert.p12.download", "cert.p12.tmp"} {
		write(t, filepath.Join(dir.Path, partial), []byte("half"))
	}
	// Firefox's empty placeholder under the final name.
	write(t, filepath.Join(dir.Path, "cert.pfx"), nil)
	none(t, arrived, 3*testSettle)

	final := filepath.Join(dir.Path, "cert.p12")
	write(t, filepath.Join(dir.Path, "cert.p12.crdownload"), []byte("the whole file"))
	if err := os.Rename(filepath.Join(dir.Path, "cert.p12.crdownload"), final); err != nil {
		t.Fatal(err)
	}
	a := next(t, arrived)
	if a.Path != final || a.Size != int64(len("the whole file")) {
		t.Fatalf("arrival %+v, want %s", a, final)
	}
	// Firefox moves the .part over its placeholder.
	write(t, filepath.Join(dir.Path, "cert.pfx.part"), []byte("all of it"))
	if err := os.Rename(filepath.Join(dir.Path, "cert.pfx.part"), filepath.Join(dir.Path, "cert.pfx")); err != nil {
		t.Fatal(err)
	}
	if b := next(t, arrived); b.Name() != "cert.pfx" || b.Size != int64(len("all of it")) {
		t.Fatalf("arrival %+v", b)
	}
	none(t, arrived, 3*testSettle)
}

// fakeTimers ends quiet periods when the test says so, not when the
// clock does: on a loaded machine a real timer can fire between two
// writes the test meant to be close together.
type fakeTimers struct {
	mu     sync.Mutex
	timers []*fakeTimer
}

type fakeTimer struct {
	owner  *fakeTimers
	f      func()
	active bool
}

func (t *fakeTimer) Reset(time.Duration) bool {
	t.owner.mu.Lock()
	defer t.owner.mu.Unlock()
	was := t.active
	t.active = true
	return was
}

func (t *fakeTimer) Stop() bool {
	t.owner.mu.Lock()
	defer t.owner.mu.Unlock()
	was := t.active
	t.active = false
	return was
}

// install makes the watcher's quiet periods these timers until the test ends.
func (c *fakeTimers) install(t *testing.T) {
	old := afterFunc
	afterFunc = func(_ time.Duration, f func()) settleTimer {
		c.mu.Lock()
		defer c.mu.Unlock()
		ft := &fakeTimer{owner: c, f: f, active: true}
		c.timers = append(c.timers, ft)
		return ft
	}
	t.Cleanup(func() { afterFunc = old })
}

// elapse ends every running quiet period, as if it had passed.
func (c *fakeTimers) elapse() {
	c.mu.Lock()
	var due []func()
	for _, ft := range c.timers {
		if ft.active {
			ft.active = false
			due = append(due, ft.f)
		}
	}
	c.mu.Unlock()
	for _, f := range due {
		f()
	}
}

// A file that grows between the system's reports is not reported until a
// quiet period passes with its size what the last report saw, and then
// with its complete size. The watcher is driven directly (the event, then
// the quiet period's end), so no timing of the machine decides it.
func TestGrowingFileWaitsUntilComplete(t *testing.T) {
	var clock fakeTimers
	clock.install(t)
	dir := Folder{Kind: Downloads, Path: t.TempDir()}
	var got []Arrival
	w := &Watcher{opts: Options{Settle: time.Hour, Arrived: func(a Arrival) { got = append(got, a) }},
		folders: map[string]Folder{dir.Path: dir}, pending: map[string]*pendingFile{}, reported: map[string]fileState{}}
	path := filepath.Join(dir.Path, "slow.p12")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	chunk := make([]byte, 1000)
	for i := 0; i < 8; i++ {
		f.Write(chunk)
		w.event(fsnotify.Event{Name: path, Op: fsnotify.Write})
		f.Write(chunk) // written during the quiet period, not yet reported by the system
		clock.elapse()
		if len(got) > 0 {
			t.Fatalf("reported while still growing: %+v", got[0])
		}
	}
	w.event(fsnotify.Event{Name: path, Op: fsnotify.Write})
	clock.elapse() // quiet: the size is what the last event saw
	if len(got) != 1 || got[0].Size != 16000 {
		t.Fatalf("reported %+v, want the complete file once", got)
	}
}

func TestFolderRemovedWhileWatched(t *testing.T) {
	downloads := Folder{Kind: Downloads, Path: filepath.Join(t.TempDir(), "Downloads")}
	desktop := Folder{Kind: Desktop, Path: t.TempDir()}
	if err := os.Mkdir(downloads.Path, 0o700); err != nil {
		t.Fatal(err)
	}
	arrived := make(chan Arrival, 4)
	lost := make(chan Folder, 4)
	w, err := Start([]Folder{downloads, desktop}, Options{Settle: testSettle,
		Arrived: func(a Arrival) { arrived <- a }, Lost: func(f Folder) { lost <- f }})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	write(t, filepath.Join(downloads.Path, "going.p12"), []byte("x"))
	if err := os.RemoveAll(downloads.Path); err != nil {
		t.Fatal(err)
	}
	if f := <-lost; f != downloads {
		t.Fatalf("lost %+v, want %+v", f, downloads)
	}
	// The other folder is still watched; the removed file is not reported.
	write(t, filepath.Join(desktop.Path, "desk.pfx"), []byte("y"))
	if a := next(t, arrived); a.Folder != desktop || a.Name() != "desk.pfx" {
		t.Fatalf("arrival %+v", a)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestNothingAfterClose(t *testing.T) {
	dir, arrived, _, w := started(t)
	write(t, filepath.Join(dir.Path, "late.p12"), []byte("z"))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	none(t, arrived, 3*testSettle)
	if err := w.Close(); err != nil {
		t.Fatal("a second Close:", err)
	}
}

func TestStartNeedsAFolder(t *testing.T) {
	if _, err := Start([]Folder{{Kind: Downloads, Path: filepath.Join(t.TempDir(), "missing")}}, Options{}); err == nil {
		t.Fatal("Start of a missing folder succeeded")
	}
}

func TestSymlinkNotReported(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symlinks need privileges on Windows")
	}
	outside := filepath.Join(t.TempDir(), "secret.p12")
	write(t, outside, []byte("outside"))
	dir, arrived, _, _ := started(t)
	if err := os.Symlink(outside, filepath.Join(dir.Path, "link.p12")); err != nil {
		t.Fatal(err)
	}
	none(t, arrived, 3*testSettle)
	if _, ok, _ := Newest(dir, nil); ok {
		t.Fatal("Newest offered a link to a file outside the folder")
	}
}

func TestNewest(t *testing.T) {
	dir := Folder{Kind: Downloads, Path: t.TempDir()}
	if _, ok, err := Newest(dir, nil); ok || err != nil {
		t.Fatalf("empty folder: ok %v err %v", ok, err)
	}
	old := time.Now().Add(-48 * time.Hour)
	for i, name := range []string{"old.p12", "newer.pfx", "newest.p12.crdownload", "empty.p12", "notes.txt"} {
		p := filepath.Join(dir.Path, name)
		data := []byte("data")
		if name == "empty.p12" {
			data = nil
		}
		write(t, p, data)
		at := old.Add(time.Duration(i) * time.Hour)
		if err := os.Chtimes(p, at, at); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir.Path, "folder.p12"), 0o700); err != nil {
		t.Fatal(err)
	}
	a, ok, err := Newest(dir, nil)
	if err != nil || !ok || a.Name() != "newer.pfx" || a.Folder != dir || !a.ModTime.Equal(old.Add(time.Hour)) {
		t.Fatalf("Newest = %+v, %v, %v", a, ok, err)
	}
	if _, _, err := Newest(Folder{Path: filepath.Join(dir.Path, "missing")}, nil); err == nil {
		t.Fatal("a missing folder gave no error")
	}
}

// The newest over Downloads and the Desktop: whichever folder holds it; a
// folder that is gone is passed over.
func TestNewestIn(t *testing.T) {
	downloads := Folder{Kind: Downloads, Path: t.TempDir()}
	desktop := Folder{Kind: Desktop, Path: t.TempDir()}
	gone := Folder{Kind: Downloads, Path: filepath.Join(t.TempDir(), "gone")}
	if _, ok := NewestIn([]Folder{gone, downloads, desktop}, nil); ok {
		t.Fatal("found a file in empty folders")
	}
	old := time.Now().Add(-48 * time.Hour)
	for i, p := range []string{filepath.Join(downloads.Path, "a.p12"), filepath.Join(desktop.Path, "b.p12"), filepath.Join(downloads.Path, "c.p12")} {
		write(t, p, []byte("data"))
		at := old.Add(time.Duration([]int{1, 3, 2}[i]) * time.Hour)
		if err := os.Chtimes(p, at, at); err != nil {
			t.Fatal(err)
		}
	}
	a, ok := NewestIn([]Folder{gone, downloads, desktop}, nil)
	if !ok || a.Name() != "b.p12" || a.Folder != desktop {
		t.Fatalf("NewestIn = %+v, %v; want b.p12 on the Desktop", a, ok)
	}
	if a, ok := NewestIn([]Folder{downloads}, nil); !ok || a.Name() != "c.p12" {
		t.Fatalf("NewestIn(Downloads) = %+v, %v; want c.p12", a, ok)
	}
	// Fornyer's own copy (skipped) is passed over for the next newest.
	ours := func(path string) bool { return filepath.Base(path) == "b.p12" }
	if a, ok := NewestIn([]Folder{downloads, desktop}, ours); !ok || a.Name() != "c.p12" {
		t.Fatalf("NewestIn skipping b.p12 = %+v, %v; want c.p12", a, ok)
	}
}

// A file Skip says is Fornyer's own (a hand-over copy it wrote) is asked
// about once complete and not announced; a certificate arriving after it
// is.
func TestOwnFileNotAnnounced(t *testing.T) {
	dir := Folder{Kind: Downloads, Path: t.TempDir()}
	arrived := make(chan Arrival, 4)
	skipped := make(chan string, 4)
	ours := filepath.Join(dir.Path, "Firma (for Acme).p12")
	w, err := Start([]Folder{dir}, Options{Settle: testSettle,
		Arrived: func(a Arrival) { arrived <- a },
		Skip: func(path string) bool {
			if path != ours {
				return false
			}
			skipped <- path
			return true
		}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	write(t, ours, []byte("our copy"))
	select {
	case <-skipped:
	case a := <-arrived:
		t.Fatalf("announced %+v before Skip was asked", a)
	case <-time.After(10 * time.Second):
		t.Fatal("Skip was never asked")
	}
	// Had Skip been ignored, our copy would be announced before this file,
	// written only now, settles.
	other := filepath.Join(dir.Path, "Firma.p12")
	write(t, other, []byte("downloaded"))
	if a := next(t, arrived); a.Path != other {
		t.Fatalf("announced %s, want %s", a.Path, other)
	}
}

func TestIsCertificateName(t *testing.T) {
	for name, want := range map[string]bool{
		"a.p12": true, "A.PFX": true, "cert.p12.crdownload": false, "cert.p12.part": false,
		"cert.pfx.download": false, "x.tmp": false, ".hidden.p12": false, "p12": false, "notes.txt": false,
		"Unconfirmed 1234.crdownload": false,
	} {
		if got := IsCertificateName(name); got != want {
			t.Errorf("IsCertificateName(%q) = %v", name, got)
		}
	}
}
