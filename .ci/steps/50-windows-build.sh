#!/usr/bin/env bash
# The Windows executables cross-compile.
set -euo pipefail
make windows
file build/fornyer.exe build/fornyer-cli.exe 2>/dev/null || ls -l build/fornyer.exe build/fornyer-cli.exe
