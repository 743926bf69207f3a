//go:build !windows

package appinfo

import "os"

func computerName() (string, error) { return os.Hostname() }
