#!/bin/sh
# deadcode for the binaries (./cmd/...): fails on a function nothing in them
# reaches, unless scripts/deadcode.allow names it with the reason it stays.
set -eu
cd "$(dirname "$0")/.."
GO=${GO:-go}
DEADCODE=golang.org/x/tools/cmd/deadcode@v0.53.0
found=$($GO run $DEADCODE -f '{{range .Funcs}}{{$.Path}} {{.Name}}{{"\n"}}{{end}}' ./cmd/...)
allowed=$(sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e 's/[[:space:]][[:space:]]*/ /g' scripts/deadcode.allow | grep -v '^$' || true)
dead=$(printf '%s\n' "$found" | grep -v '^$' | grep -vxF "$allowed" || true)
if [ -n "$dead" ]; then
	printf 'unreachable from ./cmd/... (remove it, or name it in scripts/deadcode.allow with why):\n%s\n' "$dead"
	exit 1
fi
