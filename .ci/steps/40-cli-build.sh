#!/usr/bin/env bash
# The command-line binary builds without Fyne.
set -euo pipefail
make cli
if go list -deps ./cmd/fornyer-cli | grep -q '^fyne.io/'; then
  echo "cmd/fornyer-cli links Fyne" >&2; exit 1
fi
./build/fornyer-cli --version
