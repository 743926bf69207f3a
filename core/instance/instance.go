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
	l := &Listener{ln: ln, lock: lock, files: make(chan []string, 16), done: make(chan struct{})}
	l.wg.Add(1)
	go l.serve()
	return l, nil
}

// Files delivers the files of each later start, in order (empty when a
// start had none: the window should come to the front).
func (l *Listener) Files() <-chan []string { return l.files }

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
	st, err := os.Stat(dir)
	if err != nil {
		return err
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
	select {
	case l.files <- files:
		io.WriteString(c, "ok\n")
	case <-l.done:
	case <-time.After(replyTimeout):
		io.WriteString(c, "busy\n")
	}
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
	data, err := json.Marshal(message{Files: abs})
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
