//go:build !windows

package reveal

import "os/exec"

func setCmdLine(*exec.Cmd, string) {}
