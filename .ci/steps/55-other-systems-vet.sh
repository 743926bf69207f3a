#!/usr/bin/env bash
# go vet of the core packages as Windows and macOS build them: the
# per-system code (core/sysclip's clipboard writers, core/reveal's command
# lines, core/watch's known folders) is compiled nowhere else on Linux CI.
# Pure Go, no cgo: a few seconds.
set -euo pipefail
GOOS=windows GOARCH=amd64 go vet ./core/... ./cli/...
GOOS=darwin GOARCH=arm64 go vet ./core/... ./cli/...
