package ui

import (
	"bytes"
	"errors"
	"io"
	"log"
	"testing"
)

func TestStartupLogKeepsWhatGLFWSaid(t *testing.T) {
	t.Parallel()
	var passed bytes.Buffer
	l := &startupLog{next: &passed}
	lines := "2026/12/01 04:19:42 Fyne error:  Failed to create fyne cache space\n" +
		"2026/12/01 04:19:43 Fyne error:  window creation error\n" +
		"2026/12/01 04:19:43   Cause: APIUnavailable: GLX: GLX extension not found\n" +
		"2026/12/01 04:19:43   At: /root/go/pkg/mod/fyne.io/fyne/v2@v2.8.1/internal/driver/glfw/driver.go:180\n" +
		"2026/12/01 04:19:43 PlatformError: WGL: Failed to set pixel format\n" +
		"2026/12/01 04:19:44 PlatformError: WGL: Failed to set pixel format\n"
	if _, err := l.Write([]byte(lines)); err != nil {
		t.Fatal(err)
	}
	if passed.String() != lines {
		t.Error("the log is not passed on unchanged")
	}
	want := "APIUnavailable: GLX: GLX extension not found; PlatformError: WGL: Failed to set pixel format"
	if got := l.cause(nil); got != want {
		t.Errorf("cause\n got %q\nwant %q", got, want)
	}
	panicked := &startupLog{next: &passed}
	if got := panicked.cause(errors.New("NotInitialized: The GLFW library is not initialized")); got != "NotInitialized: The GLFW library is not initialized" {
		t.Errorf("cause of a panic: %q", got)
	}
}

// Not parallel: it swaps the standard logger's output, the whole process's.
func TestStartupLogIsBoundedAndGivesTheLoggerBack(t *testing.T) {
	original := log.Writer()
	defer log.SetOutput(original)
	log.SetOutput(io.Discard)
	before := log.Writer()
	l := watchStartupLog()
	if log.Writer() != l {
		t.Fatal("the standard logger is not watched")
	}
	for range 1000 {
		log.Print("PlatformError: something long enough to fill the buffer many times over")
	}
	l.stop()
	if log.Writer() != before {
		t.Error("the standard logger's output is not given back")
	}
	if l.buf.Len() > startupLogLimit {
		t.Errorf("kept %d bytes, limit %d", l.buf.Len(), startupLogLimit)
	}
}
