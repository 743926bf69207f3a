//go:build !unix

package pfx

import "time"

func cpuTime() time.Duration { return 0 }
