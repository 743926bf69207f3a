package reveal

import (
	"errors"
	"os/exec"
	"runtime"
)

// goos is the system whose plan Show follows.
var goos = runtime.GOOS

// run carries out one step; a program is started, not waited for (it is
// reaped in the background).
func run(s Step) error {
	if len(s.DBus) > 0 {
		return showItems(s.DBus)
	}
	if s.Name == "" {
		return errors.New("reveal: empty step")
	}
	cmd := exec.Command(s.Name, s.Args...)
	setCmdLine(cmd, s.CmdLine)
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() { _ = cmd.Wait() }()
	return nil
}
