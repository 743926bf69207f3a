#!/usr/bin/env bash
# macOS without a Mac: everything that needs no cgo (the domain, the command
# line and its lean binary) vets and builds for darwin, on Apple silicon and
# Intel. The window needs cgo and Apple's SDK; the README says how to build
# it on a Mac (scripts/macos-package.sh). Takes a few seconds.
set -euo pipefail
cd "$(dirname "$0")/../.."
for arch in arm64 amd64; do
  CGO_ENABLED=0 GOOS=darwin GOARCH=$arch go vet ./core/... ./cli/... ./cmd/fornyer-cli/
  CGO_ENABLED=0 GOOS=darwin GOARCH=$arch go build -o /dev/null ./cmd/fornyer-cli/
done
echo "darwin: core, cli and fornyer-cli vet and build"
