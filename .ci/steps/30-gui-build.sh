#!/usr/bin/env bash
# The GUI binary (cgo) builds and answers --version.
set -euo pipefail
make build
./build/fornyer --version
