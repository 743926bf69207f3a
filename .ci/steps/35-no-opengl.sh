#!/usr/bin/env bash
# Without OpenGL the window cannot be created: Fornyer must say so (here on
# standard error, in the user's language) and exit 69, not hang or exit 0
# silently. An X server without GLX stands in for Remote Desktop or a VM
# without 3D acceleration. Uses build/fornyer from step 30; a few seconds.
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/deps.sh test
[ -x build/fornyer ] || make build
work=$(mktemp -d)
display=:$((300 + RANDOM % 100))
Xvfb "$display" -screen 0 1024x768x24 -nolisten tcp -extension GLX >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
sleep 1
for lang in da en; do
  rc=0
  HOME="$work" DISPLAY=$display LANGUAGE=$lang timeout 60 build/fornyer >"$work/out" 2>&1 || rc=$?
  [ "$rc" = 69 ] || { cat "$work/out"; echo "FAIL: exit $rc without OpenGL ($lang), want 69"; exit 1; }
  want="Fornyer cannot open its window"
  [ "$lang" = da ] && want="Fornyer kan ikke åbne sit vindue"
  grep -q "$want" "$work/out" || { cat "$work/out"; echo "FAIL: no explanation in $lang"; exit 1; }
  grep -q "GLX extension not found" "$work/out" || { cat "$work/out"; echo "FAIL: no technical detail"; exit 1; }
done
echo "no OpenGL: explained in Danish and English, exit 69"
