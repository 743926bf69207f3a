package sysclip

import (
	"context"
	"os/exec"
	"strings"
	"time"
)

// concealScript is JXA: it reads the secret from standard input and writes
// it with the concealed marker in one change of the pasteboard.
const concealScript = `ObjC.import('AppKit');
ObjC.import('Foundation');
var data = $.NSFileHandle.fileHandleWithStandardInput.readDataToEndOfFile;
var text = $.NSString.alloc.initWithDataEncoding(data, $.NSUTF8StringEncoding);
var pb = $.NSPasteboard.generalPasteboard;
pb.clearContents;
pb.setStringForType(text, $.NSPasteboardTypeString);
pb.setStringForType($(''), 'org.nspasteboard.ConcealedType');
'ok';`

func writeConcealed(text string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "/usr/bin/osascript", "-l", "JavaScript", "-e", concealScript)
	cmd.Stdin = strings.NewReader(text)
	return cmd.Run()
}
