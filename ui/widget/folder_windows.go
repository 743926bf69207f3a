package widget

import (
	"runtime"
	"syscall"
	"unsafe"

	"golang.org/x/sys/windows"
)

// Explorer's folder dialog: IFileOpenDialog with FOS_PICKFOLDERS, the
// dialog with the navigation pane (USB sticks, OneDrive, Documents) that
// Windows has shown since Vista. sqweek/dialog's Directory is the older
// tree-style SHBrowseForFolder, so the folder is asked for here, through
// COM by hand (golang.org/x/sys/windows has no COM helpers).

var (
	ole32                           = windows.NewLazySystemDLL("ole32.dll")
	shell32                         = windows.NewLazySystemDLL("shell32.dll")
	procCoCreateInstance            = ole32.NewProc("CoCreateInstance")
	procSHCreateItemFromParsingName = shell32.NewProc("SHCreateItemFromParsingName")

	clsidFileOpenDialog = windows.GUID{Data1: 0xdc1c5a9c, Data2: 0xe88a, Data3: 0x4dde, Data4: [8]byte{0xa5, 0xa1, 0x60, 0xf8, 0x2a, 0x20, 0xae, 0xf7}}
	iidFileOpenDialog   = windows.GUID{Data1: 0xd57c7288, Data2: 0xd4ad, Data3: 0x4768, Data4: [8]byte{0xbe, 0x02, 0x9d, 0x96, 0x95, 0x32, 0xd9, 0x60}}
	iidShellItem        = windows.GUID{Data1: 0x43826d1e, Data2: 0xe718, Data3: 0x42ee, Data4: [8]byte{0xbc, 0x55, 0xa1, 0xe2, 0x61, 0xc3, 0x7b, 0xfe}}
)

const (
	clsctxInprocServer  = 0x1
	fosPickFolders      = 0x20
	fosForceFileSystem  = 0x40
	fosPathMustExist    = 0x800
	sigdnFileSysPath    = 0x80058000
	hresultCancelled    = 0x800704C7 // HRESULT_FROM_WIN32(ERROR_CANCELLED)
	coinitApartment     = 0x2
	coinitDisableOLE1DE = 0x4
)

// The methods' places in the vtables (IUnknown, IModalWindow, IFileDialog;
// IShellItem).
const (
	vtRelease        = 2
	vtShow           = 3
	vtSetOptions     = 9
	vtGetOptions     = 10
	vtSetFolder      = 12
	vtSetTitle       = 17
	vtGetResult      = 20
	vtGetDisplayName = 5
)

// comObject is a COM interface pointer: a pointer to its vtable.
type comObject struct{ vtbl *[32]uintptr }

func (o *comObject) call(method int, args ...uintptr) uintptr {
	r, _, _ := syscall.SyscallN(o.vtbl[method], append([]uintptr{uintptr(unsafe.Pointer(o))}, args...)...)
	return r
}

func (o *comObject) release() { o.call(vtRelease) }

func failed(hr uintptr) bool { return int32(hr) < 0 }

// pickFolderExplorer shows Explorer's folder dialog; errCancelled when the
// user closed it.
func pickFolderExplorer(title, startDir string) (string, error) {
	// COM wants one thread for the dialog's whole life.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if err := windows.CoInitializeEx(0, coinitApartment|coinitDisableOLE1DE); err == nil {
		defer windows.CoUninitialize()
	}
	var dlg *comObject
	hr, _, _ := procCoCreateInstance.Call(uintptr(unsafe.Pointer(&clsidFileOpenDialog)), 0, clsctxInprocServer,
		uintptr(unsafe.Pointer(&iidFileOpenDialog)), uintptr(unsafe.Pointer(&dlg)))
	if failed(hr) {
		return "", syscall.Errno(hr)
	}
	defer dlg.release()

	var opts uint32
	dlg.call(vtGetOptions, uintptr(unsafe.Pointer(&opts)))
	if hr := dlg.call(vtSetOptions, uintptr(opts|fosPickFolders|fosForceFileSystem|fosPathMustExist)); failed(hr) {
		return "", syscall.Errno(hr)
	}
	if t, err := windows.UTF16PtrFromString(title); err == nil && title != "" {
		dlg.call(vtSetTitle, uintptr(unsafe.Pointer(t)))
	}
	if startDir != "" {
		if p, err := windows.UTF16PtrFromString(startDir); err == nil {
			var folder *comObject
			hr, _, _ := procSHCreateItemFromParsingName.Call(uintptr(unsafe.Pointer(p)), 0,
				uintptr(unsafe.Pointer(&iidShellItem)), uintptr(unsafe.Pointer(&folder)))
			if !failed(hr) && folder != nil {
				dlg.call(vtSetFolder, uintptr(unsafe.Pointer(folder)))
				folder.release()
			}
		}
	}
	switch hr := dlg.call(vtShow, 0); {
	case hr == hresultCancelled:
		return "", errCancelled
	case failed(hr):
		return "", syscall.Errno(hr)
	}
	var item *comObject
	if hr := dlg.call(vtGetResult, uintptr(unsafe.Pointer(&item))); failed(hr) || item == nil {
		return "", syscall.Errno(hr)
	}
	defer item.release()
	var name *uint16
	if hr := item.call(vtGetDisplayName, sigdnFileSysPath, uintptr(unsafe.Pointer(&name))); failed(hr) || name == nil {
		return "", syscall.Errno(hr)
	}
	defer windows.CoTaskMemFree(unsafe.Pointer(name))
	return windows.UTF16PtrToString(name), nil
}
