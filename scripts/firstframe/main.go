// Command firstframe starts a windowed program under the X display in
// DISPLAY and says when its first frame was on the screen and how much
// memory it holds once idle, for scripts/launch-compare.sh:
//
//	firstframe [-every 20ms] [-settle 5s] [-timeout 60s] [-any] [-shots DIR] -- PROGRAM [ARGS...]
//
// Every -every it looks for a viewable top-level window whose _NET_WM_PID
// is the program's; once there is one it reads the window's pixels, and the
// first frame is the first look at which they hold more than 8 colours (a
// blank or one-colour window is not drawn yet). It then waits -settle, reads
// the program's proportional and resident memory from /proc, stops it, and
// prints one line:
//
//	mapped_ms=… frame_ms=… cpu_ms=… pss_kib=… rss_kib=…
//
// mapped_ms and frame_ms count from just before the program was started;
// cpu_ms is the CPU time the program had used at its first frame (which a
// busy machine does not inflate as it does the wall time). The program's
// environment is passed on, with FORNYER_TRACE_LAUNCH set to the start's
// Unix time in nanoseconds, so that Fornyer's start trace (FORNYER_TRACE=1)
// counts from the same moment. Its output goes to standard error.
//
// With -shots DIR it also writes the window's pixels to DIR as PNG files,
// the first frame and every look after it that differs from the one
// before, until -settle has passed, named by the milliseconds since the
// start (0340ms.png): what a person sees while the start's later work
// arrives, frame by frame.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/png"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

func main() {
	every := flag.Duration("every", 20*time.Millisecond, "how often to look for the window")
	settle := flag.Duration("settle", 5*time.Second, "how long the program idles after its first frame before its memory is read")
	timeout := flag.Duration("timeout", 60*time.Second, "how long to wait for the first frame")
	anyWindow := flag.Bool("any", false, "take any window, not only the program's own (for a program started by a profiler)")
	shots := flag.String("shots", "", "a folder for the first frame and every changed frame after it until -settle, as PNG")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: firstframe [-every 20ms] [-settle 5s] [-timeout 60s] -- PROGRAM [ARGS...]")
		os.Exit(64)
	}
	if err := run(flag.Args(), *every, *settle, *timeout, *anyWindow, *shots); err != nil {
		fmt.Fprintln(os.Stderr, "firstframe:", err)
		os.Exit(1)
	}
}

func run(args []string, every, settle, timeout time.Duration, anyWindow bool, shots string) error {
	xgb.Logger = log.New(io.Discard, "", 0)
	x, err := xgb.NewConn()
	if err != nil {
		return err
	}
	defer x.Close()
	root := xproto.Setup(x).DefaultScreen(x).Root
	pidAtom, err := xproto.InternAtom(x, false, uint16(len("_NET_WM_PID")), "_NET_WM_PID").Reply()
	if err != nil {
		return err
	}

	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	start := time.Now()
	cmd.Env = append(os.Environ(), "FORNYER_TRACE_LAUNCH="+strconv.FormatInt(start.UnixNano(), 10))
	if err := cmd.Start(); err != nil {
		return err
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	defer func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(5 * time.Second):
			_ = cmd.Process.Kill()
			<-exited
		}
	}()
	pid := uint32(cmd.Process.Pid)
	if anyWindow {
		pid = 0
	}

	var mapped, frame time.Duration
	var cpu time.Duration
	tick := time.NewTicker(every)
	defer tick.Stop()
	for frame == 0 {
		select {
		case err := <-exited:
			exited <- err // for the deferred stop
			return fmt.Errorf("%s ended before its first frame: %v", args[0], err)
		case <-tick.C:
		}
		if time.Since(start) > timeout {
			return fmt.Errorf("no first frame after %s", timeout)
		}
		win, w, h, ok := windowOf(x, root, pidAtom.Atom, pid)
		if !ok {
			continue
		}
		at := time.Since(start)
		if mapped == 0 {
			mapped = at
		}
		if img, ok := drawn(x, win, w, h); ok {
			frame = at
			cpu = cpuTime(cmd.Process.Pid)
			if shots != "" {
				if err := keepFrames(x, root, pidAtom.Atom, pid, img, shots, start, frame+settle, every); err != nil {
					return err
				}
			}
		}
	}
	if shots == "" {
		time.Sleep(settle)
	}
	pss, rss := memory(cmd.Process.Pid)
	fmt.Printf("mapped_ms=%d frame_ms=%d cpu_ms=%d pss_kib=%d rss_kib=%d\n",
		mapped.Milliseconds(), frame.Milliseconds(), cpu.Milliseconds(), pss, rss)
	return nil
}

// windowOf finds a viewable top-level window of the process pid (of any
// process for 0).
func windowOf(x *xgb.Conn, root xproto.Window, pidAtom xproto.Atom, pid uint32) (xproto.Window, uint16, uint16, bool) {
	tree, err := xproto.QueryTree(x, root).Reply()
	if err != nil {
		return 0, 0, 0, false
	}
	for _, win := range tree.Children {
		attrs, err := xproto.GetWindowAttributes(x, win).Reply()
		if err != nil || attrs.MapState != xproto.MapStateViewable {
			continue
		}
		prop, err := xproto.GetProperty(x, false, win, pidAtom, xproto.AtomCardinal, 0, 1).Reply()
		if pid != 0 && (err != nil || prop.ValueLen != 1 || len(prop.Value) < 4 || xgb.Get32(prop.Value) != pid) {
			continue
		}
		geo, err := xproto.GetGeometry(x, xproto.Drawable(win)).Reply()
		if err != nil || geo.Width == 0 || geo.Height == 0 {
			continue
		}
		return win, geo.Width, geo.Height, true
	}
	return 0, 0, 0, false
}

// drawn says whether the window shows more than 8 colours, and returns
// its pixels.
func drawn(x *xgb.Conn, win xproto.Window, w, h uint16) (*frameImage, bool) {
	img, ok := grab(x, win, w, h)
	if !ok {
		return nil, false
	}
	seen := map[uint32]bool{}
	for i := 0; i+3 < len(img.data); i += 4 {
		seen[xgb.Get32(img.data[i:])&0xffffff] = true
		if len(seen) > 8 {
			return img, true
		}
	}
	return nil, false
}

// frameImage is a window's pixels as the X server gives them: 4 bytes a
// pixel, blue, green, red and one unused.
type frameImage struct {
	w, h int
	data []byte
	at   time.Duration // when it was seen, since the start
}

func grab(x *xgb.Conn, win xproto.Window, w, h uint16) (*frameImage, bool) {
	img, err := xproto.GetImage(x, xproto.ImageFormatZPixmap, xproto.Drawable(win), 0, 0, w, h, ^uint32(0)).Reply()
	if err != nil || img.Depth < 24 || len(img.Data) < int(w)*int(h)*4 {
		return nil, false
	}
	return &frameImage{w: int(w), h: int(h), data: img.Data}, true
}

// keepFrames writes first, then every later look at the window that
// differs from the look before, to dir until the time since start is
// until. The looks are kept in memory and written at the end, so that
// writing them does not slow the looking.
func keepFrames(x *xgb.Conn, root xproto.Window, pidAtom xproto.Atom, pid uint32, first *frameImage, dir string, start time.Time, until, every time.Duration) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	first.at = time.Since(start)
	kept := []*frameImage{first}
	for time.Since(start) < until {
		time.Sleep(every)
		win, w, h, ok := windowOf(x, root, pidAtom, pid)
		if !ok {
			continue
		}
		img, ok := grab(x, win, w, h)
		last := kept[len(kept)-1]
		if !ok || (img.w == last.w && img.h == last.h && bytes.Equal(img.data, last.data)) {
			continue
		}
		img.at = time.Since(start)
		kept = append(kept, img)
	}
	for _, f := range kept {
		if err := writeFrame(f, dir); err != nil {
			return err
		}
	}
	return nil
}

func writeFrame(f *frameImage, dir string) error {
	img := image.NewNRGBA(image.Rect(0, 0, f.w, f.h))
	for i := 0; i < f.w*f.h; i++ {
		img.Pix[i*4], img.Pix[i*4+1], img.Pix[i*4+2], img.Pix[i*4+3] = f.data[i*4+2], f.data[i*4+1], f.data[i*4], 0xff
	}
	out, err := os.Create(filepath.Join(dir, fmt.Sprintf("%05dms.png", f.at.Milliseconds())))
	if err != nil {
		return err
	}
	if err := png.Encode(out, img); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// cpuTime is the user and system CPU time process pid has used.
func cpuTime(pid int) time.Duration {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// The command name may hold spaces; the fields after it do not.
	_, rest, ok := strings.Cut(string(data), ") ")
	if !ok {
		return 0
	}
	f := strings.Fields(rest)
	if len(f) < 13 {
		return 0
	}
	utime, _ := strconv.ParseInt(f[11], 10, 64)
	stime, _ := strconv.ParseInt(f[12], 10, 64)
	const ticks = 100 // USER_HZ, the unit of /proc's times on every Linux
	return time.Duration(utime+stime) * time.Second / ticks
}

// memory is the process's proportional and resident set size in KiB, from
// /proc/PID/smaps_rollup.
func memory(pid int) (pss, rss int64) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/smaps_rollup", pid))
	if err != nil {
		return 0, 0
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		f := strings.Fields(s.Text())
		if len(f) < 2 {
			continue
		}
		n, err := strconv.ParseInt(f[1], 10, 64)
		if err != nil {
			continue
		}
		switch f[0] {
		case "Pss:":
			pss = n
		case "Rss:":
			rss = n
		}
	}
	return pss, rss
}
