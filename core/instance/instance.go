// Package instance owns "one window per user": the first start of the
// window claims the user's instance and listens on a private local channel;
// a second start (a double-click on a .p12, Windows' "Open with" while the
// window is open) hands its files to the first over that channel and exits.
//
// The claim is an exclusive lock on a file (core/filelock), so a crashed
// window never blocks the next start. The channel is a Unix domain socket
// in a folder only the user can enter (0700; the socket itself 0600): on
// Linux the user's runtime folder, on macOS and Windows the user's local
// cache folder (Windows 10 1803 and later have Unix sockets; the folder
// under %LOCALAPPDATA% is the user's own). Nothing is sent over a network
// interface, loopback included. Imports no Fyne.
package instance

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/fornyer/fornyer/core/appinfo"
	"github.com/fornyer/fornyer/core/filelock"
)

// ErrHandedOver means another window of this user is running and has
// received the files: this process should exit.
var ErrHandedOver = errors.New("instance: the files were handed to the running window")

// Limits of one hand-over: Windows passes at most a few hundred files on a
// command line; a message beyond these is refused unread.
const (
	maxFiles     = 256
	maxMessage   = 1 << 20
	maxPath      = 32 << 10
	replyTimeout = 3 * time.Second
)

// dirEnv overrides the folder, for tests of the real window.
const dirEnv = "FORNYER_INSTANCE_DIR"

// DefaultDir is the user's private folder for the channel.
func DefaultDir() (string, error) {
	if d := os.Getenv(dirEnv); d != "" {
		return d, nil
	}
	if runtime.GOOS == "linux" {
		if d := os.Getenv("XDG_RUNTIME_DIR"); d != "" {
			return filepath.Join(d, "fornyer"), nil
		}
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(d, appinfo.ID), nil
}

// Listener is the running window's end of the channel.
type Listener struct {
	ln    net.Listener
	lock  *filelock.Lock
	files chan []string
	done  chan struct{}
	once  sync.Once
	wg    sync.WaitGroup

	mu      sync.Mutex
	pending []string      // handed over, not yet taken by the window
	raise   bool          // a start handed nothing over: the window comes forward
	ready   chan struct{} // one token: pending has something
}

// message is what a second start sends: absolute paths.
type message struct {
	Files []string `json:"files"`
}

// Claim makes this process the user's one window, listening in dir, or,
// when another process holds the claim, hands it files (made absolute) and
// returns ErrHandedOver. Any other error means neither worked; the caller
// then opens its own window as before, so no file is ever lost.
func Claim(dir string, files []string) (*Listener, error) {
	if err := privateDir(dir); err != nil {
		return nil, err
	}
	lock, err := filelock.TryLock(filepath.Join(dir, "instance.lock"))
	if errors.Is(err, filelock.ErrLocked) {
		if err := handOver(dir, files); err != nil {
			return nil, err
		}
		return nil, ErrHandedOver
	}
	if err != nil {
		return nil, err
	}
	sock := socketPath(dir)
	os.Remove(sock) // left by a window that crashed: the claim is ours now
	ln, err := net.Listen("unix", sock)
	if err != nil {
		lock.Unlock()
		return nil, err
	}
	if err := os.Chmod(sock, 0o600); err != nil && runtime.GOOS != "windows" {
		ln.Close()
		lock.Unlock()
		return nil, err
	}
	l := &Listener{ln: ln, lock: lock, files: make(chan []string), done: make(chan struct{}), ready: make(chan struct{}, 1)}
	l.wg.Add(2)
	go l.serve()
	go l.deliver()
	return l, nil
}

// Files delivers the files of later starts, in the order they arrived
// (empty when the starts had none: the window should come to the front).
// What arrives while the window has not taken the last list yet is added
// to the next one, so several starts at the same moment (Windows' "Open
// with" on several files starts one process per file) arrive together.
func (l *Listener) Files() <-chan []string { return l.files }

// maxPending bounds the files waiting for the window; a start beyond it
// is answered "busy".
const maxPending = 16 * maxFiles

// queue adds one start's files to what the window has not taken yet.
func (l *Listener) queue(files []string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.pending)+len(files) > maxPending {
		return false
	}
	l.pending = Merge(l.pending, files)
	l.raise = l.raise || len(files) == 0
	select {
	case l.ready <- struct{}{}:
	default:
	}
	return true
}

// deliver offers the window everything queued since it last took a list;
// what arrives while the list waits to be taken is added to it.
func (l *Listener) deliver() {
	defer l.wg.Done()
	var next []string // nil: nothing to offer
	for {
		var offer chan<- []string
		if next != nil {
			offer = l.files
		}
		select {
		case <-l.done:
			return
		case <-l.ready:
			l.mu.Lock()
			if l.pending != nil || l.raise {
				next = Merge(next, l.pending)
			}
			l.pending, l.raise = nil, false
			l.mu.Unlock()
		case offer <- next:
			next = nil
		}
	}
}

// Merge returns the files of a and then those of b not in a: what the
// window checks when files are handed over while earlier ones are still
// shown, so that none replaces another.
func Merge(a, b []string) []string {
	seen := make(map[string]bool, len(a)+len(b))
	out := make([]string, 0, len(a)+len(b))
	for _, list := range [][]string{a, b} {
		for _, f := range list {
			if !seen[f] {
				seen[f] = true
				out = append(out, f)
			}
		}
	}
	return out
}

// Close stops listening and gives up the claim.
func (l *Listener) Close() error {
	var err error
	l.once.Do(func() {
		close(l.done)
		err = l.ln.Close()
		l.wg.Wait()
		err = errors.Join(err, l.lock.Unlock())
	})
	return err
}

func socketPath(dir string) string { return filepath.Join(dir, "instance.sock") }

// privateDir makes dir, only the user's.
func privateDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	if runtime.GOOS == "windows" {
		return nil // under the user's profile, which only the user may enter
	}
	// Lstat: a link to someone else's folder is not ours either.
	st, err := os.Lstat(dir)
	if err != nil {
		return err
	}
	if !st.IsDir() {
		return fmt.Errorf("instance: %s is not a folder", dir)
	}
	// A folder another user made (a shared FORNYER_INSTANCE_DIR or runtime
	// folder) stays theirs whatever its mode: they could take the socket
	// and receive the files handed over. Refused; the window opens alone.
	if uid, ok := ownerOf(st); ok && uid != os.Getuid() {
		return fmt.Errorf("instance: %s belongs to another user (%d)", dir, uid)
	}
	if st.Mode().Perm() != 0o700 {
		return os.Chmod(dir, 0o700)
	}
	return nil
}

func (l *Listener) serve() {
	defer l.wg.Done()
	var conns sync.WaitGroup
	defer conns.Wait()
	for {
		c, err := l.ln.Accept()
		if err != nil {
			select {
			case <-l.done:
				return
			default:
			}
			if ne, ok := err.(net.Error); ok && ne.Timeout() {
				continue
			}
			return
		}
		conns.Add(1)
		go func() {
			defer conns.Done()
			l.receive(c)
		}()
	}
}

// receive reads one message, answers "ok" once the files are queued for the
// window, or "error" for a message that is not one.
func (l *Listener) receive(c net.Conn) {
	defer c.Close()
	c.SetDeadline(time.Now().Add(replyTimeout))
	files, err := readMessage(c)
	if err != nil {
		io.WriteString(c, "error\n")
		return
	}
	if !l.queue(files) {
		io.WriteString(c, "busy\n")
		return
	}
	io.WriteString(c, "ok\n")
}

// readMessage reads one line of JSON (json.Marshal never writes a raw line
// break), so no half-close is needed, which not every platform's Unix
// sockets have.
func readMessage(r io.Reader) ([]string, error) {
	data, err := bufio.NewReader(io.LimitReader(r, maxMessage+1)).ReadBytes('\n')
	if err != nil {
		if len(data) > maxMessage {
			return nil, errors.New("message too large")
		}
		return nil, err
	}
	var m message
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, err
	}
	if len(m.Files) > maxFiles {
		return nil, fmt.Errorf("%d files, at most %d", len(m.Files), maxFiles)
	}
	for _, f := range m.Files {
		if f == "" || len(f) > maxPath || strings.ContainsRune(f, 0) || !filepath.IsAbs(f) {
			return nil, fmt.Errorf("not an absolute path: %q", f)
		}
	}
	if m.Files == nil {
		m.Files = []string{}
	}
	return m.Files, nil
}

// handOver sends files to the window that holds the claim. The window may
// still be starting (it holds the lock before it listens), so connecting is
// retried for a few seconds.
func handOver(dir string, files []string) error {
	abs := make([]string, 0, len(files))
	for _, f := range files {
		a, err := filepath.Abs(f)
		if err != nil {
			return err
		}
		abs = append(abs, a)
	}
	// More files than one message holds go in several, each answered:
	// the window must get them all, and no second window open.
	for _, chunk := range chunks(abs) {
		if err := send(dir, chunk); err != nil {
			return err
		}
	}
	return nil
}

// chunks splits files into messages of at most maxFiles paths and under
// maxMessage bytes (an empty list stays one message: it raises the
// window).
func chunks(files []string) [][]string {
	out := [][]string{{}}
	size := 0
	for _, f := range files {
		q, _ := json.Marshal(f) // as the message will hold it, escapes included
		last := out[len(out)-1]
		if len(last) == maxFiles || size+len(q)+1 > maxMessage-64 {
			out = append(out, []string{})
			last, size = nil, 0
		}
		out[len(out)-1] = append(last, f)
		size += len(q) + 1
	}
	return out
}

// send hands one message to the running window and waits for its answer.
func send(dir string, files []string) error {
	data, err := json.Marshal(message{Files: files})
	if err != nil {
		return err
	}
	deadline := time.Now().Add(replyTimeout)
	var c net.Conn
	for {
		c, err = net.DialTimeout("unix", socketPath(dir), time.Second)
		if err == nil || time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err != nil {
		return fmt.Errorf("instance: the running window does not answer: %w", err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(replyTimeout))
	if _, err := c.Write(append(data, '\n')); err != nil {
		return err
	}
	reply, err := bufio.NewReader(c).ReadString('\n')
	if err != nil {
		return fmt.Errorf("instance: no answer from the running window: %w", err)
	}
	if reply != "ok\n" {
		return fmt.Errorf("instance: the running window answered %q", strings.TrimSpace(reply))
	}
	return nil
}
