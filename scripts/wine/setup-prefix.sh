#!/usr/bin/env bash
# Makes a fresh 64-bit Wine prefix that runs Go programs: builds the
# ProcessPrng shim (processprng.c) with mingw and puts it in the prefix's
# system32 as bcryptprimitives.dll. Test scaffolding only.
# Usage: WINEPREFIX=/some/dir scripts/wine/setup-prefix.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
: "${WINEPREFIX:?set WINEPREFIX}"
export WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="

log=$(mktemp)
trap 'rm -f "$log"' EXIT
wine wineboot --init >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
wineserver -w
x86_64-w64-mingw32-gcc -shared -O2 -s -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
  "$here/processprng.c" -ladvapi32
