// Package watch owns noticing certificate files that arrive in the user's
// Downloads folder and on the Desktop while the window is open, and
// finding the newest one already there. It reads nothing but the names,
// sizes and times of those folders' own entries (not their subfolders, not
// what a link points to), never opens, moves or changes a file, and costs
// nothing while idle: the system reports changes (fsnotify), and a timer
// runs only while a new file is still being written.
package watch

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Arrival is a complete certificate file found in a watched folder.
type Arrival struct {
	Path    string
	Folder  Folder
	Size    int64
	ModTime time.Time
}

// Name is the file's name.
func (a Arrival) Name() string { return filepath.Base(a.Path) }

// partialSuffixes are what browsers name a download until it is complete
// (Chrome and Edge .crdownload, Firefox .part, Safari .download); .tmp for
// the rest.
var partialSuffixes = []string{".crdownload", ".part", ".download", ".tmp"}

// IsCertificateName says whether name is a certificate file's (.p12 or
// .pfx, any case) and not a download still in progress. A hidden file
// (".name.p12", as some tools write before renaming) is not one.
func IsCertificateName(name string) bool {
	lower := strings.ToLower(name)
	if strings.HasPrefix(lower, ".") {
		return false
	}
	for _, s := range partialSuffixes {
		if strings.HasSuffix(lower, s) {
			return false
		}
	}
	return strings.HasSuffix(lower, ".p12") || strings.HasSuffix(lower, ".pfx")
}

// maxEntries bounds how many entries of one folder Newest reads.
const maxEntries = 20000

// Newest is the most recently changed certificate file directly in folder,
// for "the newest certificate file in Downloads" when the download card
// opens, passing over those skip says to (Fornyer's own copies; skip may
// be nil). ok is false when there is none.
func Newest(folder Folder, skip func(path string) bool) (a Arrival, ok bool, err error) {
	d, err := os.Open(folder.Path)
	if err != nil {
		return Arrival{}, false, err
	}
	defer d.Close()
	read := 0
	for read < maxEntries {
		entries, err := d.ReadDir(500)
		read += len(entries)
		for _, e := range entries {
			if !e.Type().IsRegular() || !IsCertificateName(e.Name()) {
				continue
			}
			info, ierr := e.Info()
			if ierr != nil || info.Size() == 0 {
				continue
			}
			if ok && !info.ModTime().After(a.ModTime) {
				continue
			}
			path := filepath.Join(folder.Path, e.Name())
			if skip != nil && skip(path) {
				continue
			}
			a = Arrival{Path: path, Folder: folder, Size: info.Size(), ModTime: info.ModTime()}
			ok = true
		}
		if errors.Is(err, io.EOF) || len(entries) == 0 {
			break
		}
		if err != nil {
			return a, ok, err
		}
	}
	return a, ok, nil
}

// NewestIn is the newest certificate file in any of the folders (see
// Newest); a folder that cannot be read is passed over.
func NewestIn(folders []Folder, skip func(path string) bool) (newest Arrival, found bool) {
	for _, folder := range folders {
		if a, ok, _ := Newest(folder, skip); ok && (!found || a.ModTime.After(newest.ModTime)) {
			newest, found = a, true
		}
	}
	return newest, found
}

// DefaultSettle is how long a new file's size must stay the same before it
// counts as complete.
const DefaultSettle = time.Second

// maxPending bounds the files followed at once; a folder flooded with new
// files costs no more than this many timers.
const maxPending = 64

// maxReported bounds the memory of files announced.
const maxReported = 1024

// Options tune a Watcher.
type Options struct {
	// Settle is how long a file's size must stay unchanged; DefaultSettle
	// when zero.
	Settle time.Duration
	// Arrived is told of each complete certificate file, on a goroutine of
	// the watcher's (the window hands it to its UI thread). It must not wait
	// for Close, which waits for it.
	Arrived func(Arrival)
	// Lost is told when a watched folder goes away (removed or renamed).
	// Its place is then watched, and when a folder (or a link to one) is
	// there again, it is watched again and Back is told. Either may be nil.
	Lost func(Folder)
	Back func(Folder)
	// Skip, if set, is asked of each complete certificate file before it
	// is told to Arrived, on the watcher's goroutine: a file it says is
	// Fornyer's own (a hand-over copy it wrote) is not news. It may read
	// the file; this package itself never does.
	Skip func(path string) bool
}

// Watcher watches folders until Close.
type Watcher struct {
	opts    Options
	fs      *fsnotify.Watcher
	folders map[string]Folder // by cleaned path
	gone    map[string]Folder // lost folders, by cleaned path, awaited in their parents

	mu       sync.Mutex
	pending  map[string]*pendingFile
	reported map[string]fileState // what was announced, so a touch is not news
	closed   bool
	done     chan struct{}
	// reporting counts the Arrived calls under way, so that Close can wait
	// for them: nothing is reported after it returns.
	reporting sync.WaitGroup
}

type fileState struct {
	size    int64
	modTime time.Time
}

// settleTimer is the quiet period's timer: a *time.Timer, or the tests'
// own clock, which ends a quiet period when the test says so.
type settleTimer interface {
	Reset(time.Duration) bool
	Stop() bool
}

var afterFunc = func(d time.Duration, f func()) settleTimer { return time.AfterFunc(d, f) }

type pendingFile struct {
	folder Folder
	last   fileState
	timer  settleTimer
}

// Start watches folders; a folder that cannot be watched is left out, and
// Start fails only when none can be.
func Start(folders []Folder, opts Options) (*Watcher, error) {
	if opts.Settle <= 0 {
		opts.Settle = DefaultSettle
	}
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &Watcher{opts: opts, fs: fw, folders: map[string]Folder{}, gone: map[string]Folder{}, pending: map[string]*pendingFile{},
		reported: map[string]fileState{}, done: make(chan struct{})}
	var firstErr error
	for _, f := range folders {
		p := filepath.Clean(f.Path)
		if err := fw.Add(p); err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		w.folders[p] = f
	}
	if len(w.folders) == 0 {
		fw.Close()
		if firstErr == nil {
			firstErr = errors.New("watch: no folder to watch")
		}
		return nil, firstErr
	}
	go w.loop()
	return w, nil
}

// Close stops watching; nothing is reported after it returns.
func (w *Watcher) Close() error {
	w.mu.Lock()
	if w.closed {
		w.mu.Unlock()
		return nil
	}
	w.closed = true
	for _, p := range w.pending {
		p.timer.Stop()
	}
	w.pending = map[string]*pendingFile{}
	w.mu.Unlock()
	err := w.fs.Close()
	<-w.done
	w.reporting.Wait()
	return err
}

func (w *Watcher) loop() {
	defer close(w.done)
	for {
		select {
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			w.event(ev)
		case _, ok := <-w.fs.Errors:
			if !ok {
				return
			}
			// An overflow loses events; the next change of a file is seen
			// again, and the download card looks for the newest file anyway.
		}
	}
}

func (w *Watcher) event(ev fsnotify.Event) {
	name := filepath.Clean(ev.Name)
	w.mu.Lock()
	if f, ok := w.folders[name]; ok && ev.Has(fsnotify.Remove|fsnotify.Rename) {
		delete(w.folders, name)
		w.gone[name] = f
		w.mu.Unlock()
		_ = w.fs.Remove(name) // the system may have dropped it already
		if w.opts.Lost != nil {
			w.opts.Lost(f)
		}
		// Renamed, or replaced by a link to a folder elsewhere: watch its
		// place, and it again once it is there (it may be already).
		_ = w.fs.Add(filepath.Dir(name))
		w.comeBack(name)
		return
	}
	if _, ok := w.gone[name]; ok && ev.Has(fsnotify.Create|fsnotify.Rename|fsnotify.Chmod) {
		w.mu.Unlock()
		w.comeBack(name)
		return
	}
	folder, ok := w.folders[filepath.Dir(name)]
	if !ok || w.closed || !IsCertificateName(filepath.Base(name)) {
		w.mu.Unlock()
		return
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		// Gone (or renamed away): forget it; a new file of the same name
		// is news again.
		if p := w.pending[name]; p != nil {
			p.timer.Stop()
			delete(w.pending, name)
		}
		delete(w.reported, name)
		w.mu.Unlock()
		return
	}
	// Create, Write, Chmod: (re)start the quiet period, remembering the
	// size now, so that the end of the quiet period can tell whether the
	// file changed unreported.
	p := w.pending[name]
	if p == nil {
		if len(w.pending) >= maxPending {
			w.mu.Unlock()
			return
		}
		p = &pendingFile{folder: folder}
		p.timer = afterFunc(w.opts.Settle, func() { w.settle(name, p) })
		w.pending[name] = p
	} else {
		p.timer.Reset(w.opts.Settle)
	}
	w.mu.Unlock()
	state := stat(name)
	w.mu.Lock()
	if w.pending[name] == p {
		p.last = state
	}
	w.mu.Unlock()
}

// comeBack watches a lost folder again if its path names a folder (a link
// to one included) and tells Back; its parent is no longer watched for it.
func (w *Watcher) comeBack(name string) {
	if st, err := os.Stat(name); err != nil || !st.IsDir() {
		return
	}
	w.mu.Lock()
	f, ok := w.gone[name]
	if !ok || w.closed {
		w.mu.Unlock()
		return
	}
	if err := w.fs.Add(name); err != nil {
		w.mu.Unlock()
		return
	}
	delete(w.gone, name)
	w.folders[name] = f
	parent := filepath.Dir(name)
	_, parentWatched := w.folders[parent]
	awaited := false
	for g := range w.gone {
		awaited = awaited || filepath.Dir(g) == parent
	}
	w.mu.Unlock()
	if !parentWatched && !awaited {
		_ = w.fs.Remove(parent)
	}
	if w.opts.Back != nil {
		w.opts.Back(f)
	}
}

// stat is a file's size and time, or a size of -1 when it is no regular
// file (gone, a folder, a link pointing who knows where).
func stat(name string) fileState {
	info, err := os.Lstat(name)
	if err != nil || !info.Mode().IsRegular() {
		return fileState{size: -1}
	}
	return fileState{size: info.Size(), modTime: info.ModTime()}
}

// settle runs when a file has had no event for the settle time: it is
// complete when its size and time are what they were at the last event,
// else it is looked at again after another settle time (a download whose
// writes the system does not report, as over a network share). An empty
// file is dropped rather than looked at again (Firefox's placeholder): the
// write that fills it is an event of its own.
func (w *Watcher) settle(name string, p *pendingFile) {
	now := stat(name)
	w.mu.Lock()
	if w.closed || w.pending[name] != p {
		w.mu.Unlock()
		return
	}
	if now.size <= 0 {
		delete(w.pending, name)
		w.mu.Unlock()
		return
	}
	if now != p.last {
		p.last = now
		p.timer.Reset(w.opts.Settle)
		w.mu.Unlock()
		return
	}
	delete(w.pending, name)
	if w.reported[name] == now {
		w.mu.Unlock()
		return
	}
	if len(w.reported) >= maxReported {
		clear(w.reported) // only a repeat announcement is at stake
	}
	w.reported[name] = now
	arrived, skip := w.opts.Arrived, w.opts.Skip
	w.reporting.Add(1) // under the lock, while not closed
	w.mu.Unlock()
	defer w.reporting.Done()
	if skip != nil && skip(name) {
		return
	}
	if arrived != nil {
		arrived(Arrival{Path: name, Folder: p.folder, Size: now.size, ModTime: now.modTime})
	}
}
