package sysclip

import (
	"errors"
	"runtime"
	"time"
	"unicode/utf16"
	"unsafe"

	"golang.org/x/sys/windows"
)

var (
	user32                      = windows.NewLazySystemDLL("user32.dll")
	kernel32                    = windows.NewLazySystemDLL("kernel32.dll")
	procOpenClipboard           = user32.NewProc("OpenClipboard")
	procCloseClipboard          = user32.NewProc("CloseClipboard")
	procEmptyClipboard          = user32.NewProc("EmptyClipboard")
	procSetClipboardData        = user32.NewProc("SetClipboardData")
	procRegisterClipboardFormat = user32.NewProc("RegisterClipboardFormatW")
	procGlobalAlloc             = kernel32.NewProc("GlobalAlloc")
	procGlobalFree              = kernel32.NewProc("GlobalFree")
	procGlobalLock              = kernel32.NewProc("GlobalLock")
	procGlobalUnlock            = kernel32.NewProc("GlobalUnlock")
	procMoveMemory              = kernel32.NewProc("RtlMoveMemory")
)

const (
	cfUnicodeText = 13
	gmemMoveable  = 0x0002
)

// The formats that keep a copy out of clipboard history and the cloud
// clipboard (documented by Microsoft for clipboard history, 1809 and later).
var markers = []struct {
	name  string
	value uint32
}{
	{"ExcludeClipboardContentFromMonitorProcessing", 0},
	{"CanIncludeInClipboardHistory", 0},
	{"CanUploadToCloudClipboard", 0},
}

func writeConcealed(text string) error {
	// The clipboard is opened by the thread that calls OpenClipboard.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if err := openClipboard(); err != nil {
		return err
	}
	defer procCloseClipboard.Call()
	if r, _, err := procEmptyClipboard.Call(); r == 0 {
		return err
	}
	units := append(utf16.Encode([]rune(text)), 0)
	defer clear(units) // the clipboard has its own copy
	if err := setData(cfUnicodeText, unsafe.Pointer(&units[0]), uintptr(len(units)*2)); err != nil {
		return err
	}
	for _, m := range markers {
		name, err := windows.UTF16PtrFromString(m.name)
		if err != nil {
			return err
		}
		format, _, err := procRegisterClipboardFormat.Call(uintptr(unsafe.Pointer(name)))
		if format == 0 {
			return err
		}
		value := m.value
		if err := setData(format, unsafe.Pointer(&value), unsafe.Sizeof(value)); err != nil {
			return err
		}
	}
	return nil
}

// openClipboard retries briefly: another program may hold the clipboard
// for a moment (a clipboard manager reading the last change).
func openClipboard() error {
	var err error
	for i := 0; i < 10; i++ {
		var r uintptr
		if r, _, err = procOpenClipboard.Call(0); r != 0 {
			return nil
		}
		time.Sleep(20 * time.Millisecond)
	}
	return errors.Join(errors.New("sysclip: the clipboard is busy"), err)
}

// setData copies size bytes at data into movable global memory and hands
// it to the clipboard, which then owns it.
func setData(format uintptr, data unsafe.Pointer, size uintptr) error {
	h, _, err := procGlobalAlloc.Call(gmemMoveable, size)
	if h == 0 {
		return err
	}
	p, _, err := procGlobalLock.Call(h)
	if p == 0 {
		procGlobalFree.Call(h)
		return err
	}
	procMoveMemory.Call(p, uintptr(data), size)
	procGlobalUnlock.Call(h)
	if r, _, err := procSetClipboardData.Call(format, h); r == 0 {
		procGlobalFree.Call(h)
		return err
	}
	return nil
}
